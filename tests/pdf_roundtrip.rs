//! Writes small documents with `jianbao::pdf::write_pdf` and reads them back.

mod common;

use common::pdfread;
use jianbao::font::{Face, FaceId, FontBook, bundled_face, shape};
use jianbao::page::{Cmyk, Item, Metadata, Page, Paint, PlacedGlyph, Rule, Tag, TextRun};
use jianbao::pdf::write_pdf;

/// A4 in points.
const A4: (f64, f64) = (595.276, 841.89);

/// A bundled face.
fn face(name: &str) -> Face {
    match bundled_face(name) {
        Some(Ok(face)) => face,
        _ => panic!("bundled face {name} missing"),
    }
}

/// Shapes `text` and places it from `x`, each cluster's text on its first glyph; also returns
/// the pen position after the last glyph.
fn placed(face: &Face, text: &str, x: f64, size: f64) -> (Vec<PlacedGlyph>, f64) {
    let run = shape(face, text, &[]);
    let mut pen = x;
    let mut glyphs = Vec::new();
    for (i, g) in run.glyphs.iter().enumerate() {
        let first = i == 0 || run.glyphs[i - 1].cluster != g.cluster;
        let end = run.glyphs[i..].iter().map(|n| n.cluster).find(|&c| c != g.cluster).unwrap_or(text.len());
        let text = if first { text[g.cluster..end].to_string() } else { String::new() };
        glyphs.push(PlacedGlyph {
            id: g.id,
            x: pen + g.x_offset * size,
            rise: g.y_offset * size,
            advance: g.advance * size,
            text: text.into(),
        });
        pen += g.advance * size;
    }
    (glyphs, pen)
}

/// A plain black run.
fn run(face: FaceId, size: f64, baseline: f64, glyphs: Vec<PlacedGlyph>) -> TextRun {
    TextRun { face, size, paint: Paint::BLACK, baseline, glyphs, actual_text: None, embolden: 0.0, tag: Tag::ARTIFACT }
}

/// The red of rules.
const RED: Cmyk = Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 };

/// Metadata of the test issue.
fn meta() -> Metadata {
    Metadata {
        title: "联络动态 2021年第4期".into(),
        author: "湖南省人大常委会选举任免联络工作委员会".into(),
        subject: "测试".into(),
        date: (2021, 4, 3),
        language: "zh-CN".into(),
        ..Metadata::default()
    }
}

/// The concatenated glyph texts of a page, in item order.
fn glyph_text(page: &Page) -> String {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(r) => Some(r.glyphs.iter().map(|g| g.text.as_str()).collect::<String>()),
            _ => None,
        })
        .collect()
}

/// Writes, panicking with the error's message on failure.
fn write(pages: &[Page], book: &FontBook) -> Vec<u8> {
    write_pdf(pages, &meta(), book).unwrap_or_else(|e| panic!("{e}"))
}

/// Whether two boxes agree to 0.001 pt.
fn same_box(a: [f64; 4], b: [f64; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-3)
}

#[test]
fn pdf_roundtrip_tiny_document() {
    let mut book = FontBook::new();
    let id = book.add(face("Noto Serif CJK SC"));
    let (mut glyphs, end) = placed(book.face(id), "联络动态，——。", 72.0, 12.0);
    glyphs.extend(placed(book.face(id), "Bulletin", end + 3.0, 12.0).0);
    let rule = Rule { x0: 72.0, x1: 523.0, y: 110.0, thickness: 1.5, paint: Paint::Process(RED) };
    let page =
        Page { width: A4.0, height: A4.1, items: vec![Item::Text(run(id, 12.0, 100.0, glyphs)), Item::Rule(rule)] };
    let pdf = write(std::slice::from_ref(&page), &book);

    assert_eq!(pdfread::page_count(&pdf), 1);
    assert!(same_box(pdfread::media_box(&pdf, 0), [0.0, 0.0, A4.0, A4.1]), "{:?}", pdfread::media_box(&pdf, 0));
    assert!(same_box(pdfread::trim_box(&pdf, 0), [0.0, 0.0, A4.0, A4.1]));
    assert_eq!(pdfread::extract_text(&pdf), vec!["联络动态，——。Bulletin".to_string()]);
    assert_eq!(pdfread::extract_text(&pdf)[0], glyph_text(&page));

    let fonts = pdfread::fonts(&pdf);
    assert_eq!(fonts.len(), 1);
    assert!(fonts[0].embedded && fonts[0].has_to_unicode, "{fonts:?}");
    let (tag, name) = fonts[0].base_font.split_once('+').unwrap_or_default();
    assert!(tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()), "{}", fonts[0].base_font);
    assert_eq!(name, "NotoSerifCJKsc-Regular");

    assert_eq!(pdfread::fill_colors_cmyk(&pdf, 0), vec![[0.0, 0.0, 0.0, 1.0]]);
    let strokes = pdfread::stroke_colors_cmyk(&pdf, 0);
    assert_eq!(strokes.len(), 1);
    assert!(same_box(strokes[0], [0.0, 0.8, 0.8, 0.0]), "{strokes:?}");
}

#[test]
fn pdf_roundtrip_actual_text_and_reused_glyphs() {
    let mut book = FontBook::new();
    let regular = book.add(face("Noto Serif CJK SC"));
    let bold = book.add(face("Noto Serif CJK SC Bold"));

    // A letter-spaced, synthetic-bold title whose extraction must not contain the spacing.
    let (mut title, _) = placed(book.face(bold), "简报标题", 100.0, 22.0);
    for (i, g) in title.iter_mut().enumerate() {
        g.x += 11.0 * i as f64;
    }
    let title = TextRun {
        paint: Paint::Process(RED),
        actual_text: Some("简报标题".into()),
        embolden: 0.03,
        ..run(bold, 22.0, 60.0, title)
    };
    // The same glyph standing for different texts (first "联", then "X", then nothing), and a
    // raised glyph.
    let (mut body, _) = placed(book.face(regular), "联联联2", 72.0, 10.5);
    body[1].text = "X".into();
    body[2].text = Default::default();
    body[3].rise = 3.0;
    let page1 =
        Page { width: A4.0, height: A4.1, items: vec![Item::Text(title), Item::Text(run(regular, 10.5, 100.0, body))] };
    let (more, _) = placed(book.face(regular), "第二页。", 72.0, 10.5);
    // A run whose replacement text differs from its glyphs' texts: only the former is read.
    let (year, _) = placed(book.face(regular), "2021", 72.0, 10.5);
    let year = TextRun { actual_text: Some("二〇二一".into()), ..run(regular, 10.5, 120.0, year) };
    let page2 =
        Page { width: A4.0, height: A4.1, items: vec![Item::Text(run(regular, 10.5, 80.0, more)), Item::Text(year)] };
    let pdf = write(&[page1, page2], &book);

    assert_eq!(pdfread::page_count(&pdf), 2);
    assert_eq!(pdfread::extract_text(&pdf), vec!["简报标题联X2".to_string(), "第二页。二〇二一".to_string()]);
    let fonts = pdfread::fonts(&pdf);
    // The regular face twice: the glyph of 联 read as X is a second font resource (a variant
    // over the same program) whose ToUnicode says so, so no extractor needs /ActualText.
    assert_eq!(fonts.len(), 3, "{fonts:?}");
    let names: std::collections::BTreeSet<&str> = fonts.iter().map(|f| f.base_font.as_str()).collect();
    assert_eq!(names.len(), 2, "{fonts:?}");
    assert!(fonts.iter().all(|f| f.embedded && f.has_to_unicode));
    assert!(fonts.iter().any(|f| f.base_font.ends_with("+NotoSerifCJKsc-Bold")), "{fonts:?}");
    let fills = pdfread::fill_colors_cmyk(&pdf, 0);
    assert!(same_box(fills[0], [0.0, 0.8, 0.8, 0.0]) && same_box(fills[1], [0.0, 0.0, 0.0, 1.0]), "{fills:?}");
    assert!(same_box(pdfread::stroke_colors_cmyk(&pdf, 0)[0], [0.0, 0.8, 0.8, 0.0]));
}

#[test]
fn pdf_roundtrip_is_deterministic_and_dated() {
    let mut book = FontBook::new();
    let id = book.add(face("Noto Serif CJK SC"));
    let (glyphs, _) = placed(book.face(id), "益阳市", 72.0, 10.5);
    let pages = vec![Page { width: A4.0, height: A4.1, items: vec![Item::Text(run(id, 10.5, 90.0, glyphs))] }];
    let a = write(&pages, &book);
    assert_eq!(a, write(&pages, &book));
    let text = String::from_utf8_lossy(&a);
    assert!(text.starts_with("%PDF-1.6"));
    assert!(text.contains("/Lang (zh-CN)"));
    let info = pdfread::info(&a);
    assert_eq!(info.get("Title").map(String::as_str), Some("联络动态 2021年第4期"));
    assert_eq!(info.get("Creator").map(String::as_str), Some("jianbao"));
    assert_eq!(info.get("Producer"), Some(&format!("jianbao {}", env!("CARGO_PKG_VERSION"))));
    assert_eq!(info.get("CreationDate").map(String::as_str), Some("D:20210403000000Z"));
    assert_eq!(info.get("ModDate").map(String::as_str), Some("D:20210403000000Z"));
    assert_eq!(info.get("Trapped").map(String::as_str), Some("/False"));
}
