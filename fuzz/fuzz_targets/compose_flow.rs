//! Arbitrary UTF-8 text as an article, composed with the bundled fonts at a measure chosen by
//! the first bytes and flowed onto pages: no panic, no hang, every line within reason.

#![no_main]

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jianbao::compose::{Align, ParStyle, Span, compose};
use jianbao::font::{FaceId, FontBook};
use jianbao::layout::Layout;
use jianbao::setting::{Setter, load_fonts, set_document};
use libfuzzer_sys::fuzz_target;

/// The built-in two-column layout with its fonts, loaded once.
fn setup() -> &'static Option<(Layout, FontBook, BTreeMap<String, FaceId>)> {
    static SETUP: OnceLock<Option<(Layout, FontBook, BTreeMap<String, FaceId>)>> = OnceLock::new();
    SETUP.get_or_init(|| {
        let layout = jianbao::layout::load("two-column").ok()?;
        let (book, faces) = load_fonts(&layout).ok()?;
        Some((layout, book, faces))
    })
}

fuzz_target!(|data: &[u8]| {
    let (Some((&a, rest)), Some((layout, book, faces))) = (data.split_first(), setup()) else {
        return;
    };
    let Some((&b, rest)) = rest.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // One paragraph straight into compose at a width of 1–256 pt, in any alignment.
    let body = faces.get("regular").copied().unwrap_or(FaceId(0));
    let span = Span { text: text.to_string(), face: body, size: 10.5, embolden: 0.0 };
    let align = [Align::Justify, Align::Left, Align::Center, Align::Right][usize::from(b % 4)];
    let mut style = ParStyle::new(f64::from(a) + 1.0, align);
    style.words = b & 4 != 0;
    style.hanging = b & 8 != 0;
    let lines = compose(book, &[span], &style);
    assert!(lines.iter().all(|l| l.left.is_finite() && l.right.is_finite()));
    // The whole text as an article, on a grid of 1 or 2 columns of 1–21 characters.
    let mut layout = layout.clone();
    layout.grid.columns = 1 + usize::from(b >> 7);
    layout.grid.column_chars = 1 + usize::from(a) % 21;
    let setter = Setter::new(&layout, book, faces);
    let Some(document) = common::document(text) else {
        return;
    };
    if let Ok(galley) = set_document(&document, &setter) {
        let _ = jianbao::flow::flow(galley, &layout);
    }
});
