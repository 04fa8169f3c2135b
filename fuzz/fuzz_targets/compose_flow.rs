//! Arbitrary UTF-8 text as an article, composed with the bundled fonts at a measure chosen by
//! the first bytes and flowed onto pages: no panic, no hang, every line within reason.

#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jianbao::compose::{Align, ParStyle, Span, compose};
use jianbao::document::{Article, Closing, Document, Masthead, paragraphs};
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

/// A document of one article with `text` as its body.
fn document(text: &str) -> Document {
    let masthead = Masthead {
        pinyin: None,
        title: "联络动态".into(),
        number: "第4期".into(),
        total: None,
        publisher: "编".into(),
        date: "2021年4月3日".into(),
    };
    let closing = Closing {
        label: "送".into(),
        recipients: vec!["各市州人大常委会".into()],
        editors: vec!["石韧".into()],
        phone: None,
        email: None,
        approval: None,
    };
    let article = Article { title: "标题".into(), paragraphs: paragraphs(text), credit: Some("（供稿）".into()) };
    Document { masthead, articles: vec![article], closing, layout: "two-column".into(), date: (2021, 4, 3) }
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
    let galley = set_document(&document(text), &setter);
    let _ = jianbao::flow::flow(&galley, &layout);
});
