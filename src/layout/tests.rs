//! The built-in layouts load and keep their figures; wrong layouts are refused with a reason
//! that names the key, its line and column, and the allowed range.

use std::path::Path;

use super::*;
use crate::units::to_mm;

/// The two-column layout's text.
const TWO_COLUMN: &str = include_str!("../../layouts/two-column.toml");

/// The two-column layout's text with `from` replaced by `to`, parsed.
fn edited(from: &str, to: &str) -> Result<Layout, LayoutError> {
    assert!(TWO_COLUMN.contains(from), "{from}");
    parse(&TWO_COLUMN.replacen(from, to, 1), Path::new("edited.toml"))
}

/// The layout text with `key` (dotted: table.field, or roles.NAME.field) set to `value`,
/// replacing its line or adding it at the top of its table; and the 1-based line it is on.
fn with_value(key: &str, value: &str) -> (String, usize) {
    let (table, field) = key.rsplit_once('.').expect("dotted key");
    let header = format!("[{table}]");
    let mut lines: Vec<String> = TWO_COLUMN.lines().map(str::to_string).collect();
    let start = lines.iter().position(|l| l.split('#').next().unwrap_or("").trim() == header).expect("table");
    let end = lines[start + 1..].iter().position(|l| l.starts_with('[')).map_or(lines.len(), |e| start + 1 + e);
    let line = format!("{field} = {value}");
    let at = lines[start + 1..end].iter().position(|l| l.split('=').next().is_some_and(|k| k.trim() == field));
    let index = match at {
        Some(i) => {
            lines[start + 1 + i] = line;
            start + 1 + i
        }
        None => {
            lines.insert(start + 1, line);
            start + 1
        }
    };
    (lines.join("\n"), index + 1)
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
    assert_eq!(l.masthead.rule_paint, l.role(RoleName::MastheadTitle).paint);
}

#[test]
fn two_column_is_centred_and_unlimited() {
    let l = load("two-column").unwrap();
    assert!((l.type_left() * 2.0 + l.type_width() - crate::units::mm(210.0)).abs() < 1e-9);
    assert_eq!(l.page.max_pages, None);
    assert_eq!(l.folio.align, FolioAlign::Center);
    assert_eq!(l.grid.kinsoku, crate::compose::Kinsoku::Gb);
}

#[test]
fn role_names_index_their_roles() {
    for (i, name) in RoleName::ALL.iter().enumerate() {
        assert_eq!(*name as usize, i, "{name:?}");
    }
    let l = load("two-column").unwrap();
    assert_eq!(l.role(RoleName::MastheadTitle).size, 56.0);
    assert_eq!(l.role(RoleName::Folio).size, 9.0);
}

#[test]
fn a_page_limit_and_a_binding_margin_are_read() {
    let l = edited("top = 28.0", "top = 28.0\nleft = 30.0\nmax_pages = 4").unwrap();
    assert_eq!(l.page.max_pages, Some(4));
    assert!((to_mm(l.type_left()) - 30.0).abs() < 1e-9);
}

#[test]
fn spot_inks_are_named_paints() {
    let l = edited("# [spots]\n# red = \"PANTONE 485 C\"", "[spots]\nred = \"PANTONE 485 C\"").unwrap();
    match &l.role(RoleName::MastheadTitle).paint {
        crate::page::Paint::Spot(spot) => assert_eq!(spot.name, "PANTONE 485 C"),
        other => panic!("{other:?}"),
    }
    assert_eq!(l.role(RoleName::Body).paint, crate::page::Paint::BLACK);
}

#[test]
fn wrong_layouts_say_what_is_wrong() {
    let cases = [
        ("top = 28.0", "top = 28.0\nmax_pages = 0", "max_pages"),
        ("top = 28.0", "top = 28.0\nleft = 120.0", "side of the page"),
        ("offset = 7.0", "offset = 7.0\nalign = \"inside\"", "folio.align"),
        ("kinsoku = \"gb\"", "kinsoku = \"loose\"", "grid.kinsoku"),
        (
            "[roles.body]\nfont = \"regular\"\nsize = 10.5",
            "[roles.body]\nfont = \"regular\"\nsize = 11.0",
            "whole number",
        ),
        ("font = \"bold\"\nsize = 15.0", "font = \"heavy\"\nsize = 15.0", "no font `heavy`"),
        ("size = 56.0\ncolor = \"red\"", "size = 56.0\ncolor = \"blue\"", "no colour `blue`"),
    ];
    for (from, to, says) in cases {
        let err = edited(from, to).unwrap_err();
        assert!(err.message.contains(says), "{to}: {}", err.message);
        assert!(err.position.is_some(), "{to}: no position");
    }
}

/// Every class of number in a layout refuses nan, inf, a negative and a huge value with an
/// error at its own line that names the key and the allowed range.
#[test]
fn every_number_is_checked_with_its_key_and_range() {
    let keys = [
        "page.width",
        "page.height",
        "page.top",
        "page.left",
        "grid.body_size",
        "grid.line_pitch",
        "grid.indent_chars",
        "roles.title.size",
        "roles.title.line_pitch",
        "roles.title.space_before",
        "roles.masthead_title.tracking",
        "roles.lead.embolden",
        "masthead.title_baseline",
        "masthead.rule_offset",
        "masthead.rule_thickness",
        "masthead.side_indent",
        "closing.outer_rule",
        "closing.padding",
        "folio.offset",
        "folio.indent",
    ];
    for key in keys {
        for value in ["nan", "inf", "-inf", "-30.0", "1e12"] {
            let (text, line) = with_value(key, value);
            let err = parse(&text, Path::new("edited.toml")).expect_err(&format!("{key} = {value} was accepted"));
            assert_eq!(err.position.map(|p| p.0), Some(line), "{key} = {value}: {}", err.message);
            assert!(err.message.contains(key), "{key} = {value}: {}", err.message);
            let hint = err.diagnostic.hint.clone().unwrap_or_default();
            assert!(hint.contains("from ") && hint.contains(" to "), "{key} = {value}: hint {hint}");
        }
    }
    let integers = ["grid.lines", "grid.columns", "grid.column_chars", "grid.gutter_chars", "masthead.lines"];
    for key in integers {
        for value in ["-1", "100000000000", "nan", "2.5"] {
            let (text, line) = with_value(key, value);
            let err = parse(&text, Path::new("edited.toml")).expect_err(&format!("{key} = {value} was accepted"));
            assert_eq!(err.position.map(|p| p.0), Some(line), "{key} = {value}: {}", err.message);
        }
    }
    for value in ["[0.0, 0.8, nan, 0.0]", "[0.0, 1.5, 0.8, 0.0]", "[-0.1, 0.8, 0.8, 0.0]"] {
        let (text, line) = with_value("colors.red", value);
        let err = parse(&text, Path::new("edited.toml")).expect_err(value);
        assert_eq!(err.position.map(|p| p.0), Some(line), "{value}: {}", err.message);
        assert!(err.message.contains("colors.red"), "{}", err.message);
    }
}

#[test]
fn too_many_columns_are_refused() {
    let (text, _) = with_value("grid.columns", "7");
    let err = parse(&text, Path::new("edited.toml")).unwrap_err();
    assert!(err.message.contains("grid.columns"), "{}", err.message);
}
