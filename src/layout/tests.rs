//! The built-in layouts load and keep their figures; wrong layouts are refused with a reason.

use std::path::Path;

use super::*;
use crate::units::to_mm;

/// The two-column layout's text with `from` replaced by `to`, parsed.
fn edited(from: &str, to: &str) -> Result<Layout, LayoutError> {
    let text = include_str!("../../layouts/two-column.toml");
    assert!(text.contains(from), "{from}");
    parse(&text.replacen(from, to, 1), Path::new("edited.toml"))
}

#[test]
fn gbt9704_has_the_standards_type_area_and_grid() {
    let l = load("gbt9704").unwrap();
    assert_eq!((l.grid.lines, l.grid.columns, l.grid.column_chars), (22, 1, 28));
    assert!((to_mm(l.type_width()) - 156.0).abs() < 0.5, "{} mm wide", to_mm(l.type_width()));
    assert!((to_mm(l.type_height()) - 225.0).abs() < 0.1, "{} mm high", to_mm(l.type_height()));
    assert!((to_mm(l.type_left()) - 28.0).abs() < 1e-9 && (l.page.top - 37.0).abs() < 1e-9);
    // Closing-block rules 0.35 mm and 0.25 mm; the masthead rule red.
    assert!((to_mm(l.closing.outer_rule) - 0.35).abs() < 0.01 && (to_mm(l.closing.inner_rule) - 0.25).abs() < 0.01);
    assert_eq!(l.color(&l.masthead.rule_color), l.color("red"));
}

#[test]
fn two_column_is_centred_and_unlimited() {
    let l = load("two-column").unwrap();
    assert!((l.type_left() * 2.0 + l.type_width() - crate::units::mm(210.0)).abs() < 1e-9);
    assert_eq!(l.page.max_pages, None);
    assert_eq!(l.folio.align, "center");
}

#[test]
fn a_page_limit_and_a_binding_margin_are_read() {
    let l = edited("top = 28.0", "top = 28.0\nleft = 30.0\nmax_pages = 4").unwrap();
    assert_eq!(l.page.max_pages, Some(4));
    assert!((to_mm(l.type_left()) - 30.0).abs() < 1e-9);
}

#[test]
fn wrong_layouts_say_what_is_wrong() {
    let cases = [
        ("top = 28.0", "top = 28.0\nmax_pages = 0", "max_pages"),
        ("top = 28.0", "top = 28.0\nleft = 120.0", "side of the page"),
        ("offset = 7.0", "offset = 7.0\nalign = \"inside\"", "folio.align"),
        (
            "[roles.body]\nfont = \"regular\"\nsize = 10.5",
            "[roles.body]\nfont = \"regular\"\nsize = 11.0",
            "whole number",
        ),
    ];
    for (from, to, says) in cases {
        let err = edited(from, to).unwrap_err();
        assert!(err.message.contains(says), "{to}: {}", err.message);
    }
}
