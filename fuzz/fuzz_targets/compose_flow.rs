//! Arbitrary UTF-8 text as an article, composed with the bundled fonts at a measure chosen by
//! the first bytes and flowed onto pages: no panic, no hang, every line within reason.

#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jianbao::compose::{Align, ParStyle, Span, compose};
use jianbao::document::{
    Article, Block, Closing, Document, FileId, Group, Labelled, Masthead, Origin, Text, paragraphs,
};
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
    let w = Text::worded;
    let masthead = Masthead {
        pinyin: None,
        title: w("联络动态"),
        number: w("第4期"),
        total: None,
        publisher: w("编"),
        date: w("2021年4月3日"),
    };
    let closing = Closing {
        groups: vec![Group { label: w("送："), recipients: vec![w("各市州人大常委会")] }],
        editors: Some(Labelled { label: w("责任编辑："), values: vec![w("石韧")] }),
        contact: None,
        approval: None,
    };
    let origin = Origin::file(FileId(0), text.len());
    let blocks = paragraphs(text, &origin).into_iter().map(Block::Paragraph).collect();
    let article = Article { title: w("标题"), blocks, credit: Some(w("（供稿）")) };
    Document {
        sources: Vec::new(),
        masthead,
        articles: vec![article],
        closing,
        layout: "two-column".into(),
        date: (2021, 4, 3),
    }
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
    if let Ok(galley) = set_document(&document(text), &setter) {
        let _ = jianbao::flow::flow(&galley, &layout);
    }
});
