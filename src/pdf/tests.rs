//! Unit tests: a tiny one-page document built by hand.

use super::*;
use crate::font::{bundled_face, shape};
use crate::page::{Cmyk, Item, Paint, PlacedGlyph, Rule, Tag, TextRun};

/// A4 in points.
const A4: (f64, f64) = (595.276, 841.89);

/// Shapes `text` in `face` and places its glyphs from `x` at `size`, giving each cluster's
/// text to its first glyph.
fn placed(face: &Face, text: &str, x: f64, size: f64) -> (Vec<PlacedGlyph>, f64) {
    let run = shape(face, text, &[]);
    let mut pen = x;
    let mut glyphs = Vec::new();
    for (i, g) in run.glyphs.iter().enumerate() {
        let first_of_cluster = i == 0 || run.glyphs[i - 1].cluster != g.cluster;
        let end = run.glyphs[i..].iter().map(|n| n.cluster).find(|&c| c != g.cluster).unwrap_or(text.len());
        let text = if first_of_cluster { text[g.cluster..end].to_string() } else { String::new() };
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

/// A one-page document: a Chinese run, an ASCII run and a red rule.
fn sample() -> (Vec<Page>, Metadata, FontBook) {
    let mut book = FontBook::new();
    let face = match bundled_face("Noto Serif CJK SC") {
        Some(Ok(face)) => face,
        _ => panic!("bundled face missing"),
    };
    let id = book.add(face);
    let size = 12.0;
    let (mut glyphs, end) = placed(book.face(id), "联络动态，——。", 72.0, size);
    let (latin, _) = placed(book.face(id), "Bulletin", end + 3.0, size);
    glyphs.extend(latin);
    let run = TextRun {
        face: id,
        size,
        paint: Paint::BLACK,
        baseline: 100.0,
        glyphs,
        actual_text: None,
        embolden: 0.0,
        tag: Tag::ARTIFACT,
    };
    let rule = Rule {
        x0: 72.0,
        x1: 523.0,
        y: 110.0,
        thickness: 1.5,
        paint: Paint::Process(Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 }),
    };
    let page = Page { width: A4.0, height: A4.1, items: vec![Item::Text(run), Item::Rule(rule)] };
    let meta = Metadata {
        title: "联络动态 2021年第4期".into(),
        author: "编辑部".into(),
        subject: "测试".into(),
        date: (2021, 4, 15),
        language: "zh-CN".into(),
        ..Metadata::default()
    };
    (vec![page], meta, book)
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn pdf_tiny_document() {
    let (pages, meta, book) = sample();
    let bytes = match write_pdf(&pages, &meta, &book) {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    assert!(bytes.starts_with(b"%PDF-1.6"));
    for needle in [&b"/TrimBox"[..], b"/MediaBox", b"/FontFile3", b"/ToUnicode", b"/CIDFontType0C", b"/Identity-H"] {
        assert!(contains(&bytes, needle), "missing {}", String::from_utf8_lossy(needle));
    }
    assert!(contains(&bytes, b"(D:20210415000000Z)"));
    assert!(contains(&bytes, b"/Trapped /False"));
    assert!(contains(&bytes, b"/ID ["));
    assert!(contains(&bytes, b"/S /GTS_PDFX") && contains(&bytes, b"/GTS_PDFXVersion (PDF/X-4)"));
    assert!(contains(&bytes, b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
    // The output profile takes most of it.
    assert!(bytes.len() < 60_000 + icc::BUNDLED.len(), "{} bytes", bytes.len());
}

/// A CFF program is stored unfiltered: its stream dictionary names no filter, and the
/// stream is the bare table (major version 1, header size 4).
#[test]
fn pdf_cff_program_is_stored_as_it_is() {
    let (pages, meta, book) = sample();
    let bytes = write_pdf(&pages, &meta, &book).unwrap_or_else(|e| panic!("{e}"));
    let subtype = b"/Subtype /CIDFontType0C";
    let at = bytes.windows(subtype.len()).position(|w| w == subtype).expect("a CFF program");
    let open = bytes[..at].windows(2).rposition(|w| w == b"<<").expect("its dictionary");
    let start = at + bytes[at..].windows(7).position(|w| w == b"stream\n").expect("its stream") + 7;
    assert!(!contains(&bytes[open..start], b"/Filter"), "{}", String::from_utf8_lossy(&bytes[open..start]));
    assert_eq!(bytes[start..start + 3], [1, 0, 4]);
}

#[test]
fn pdf_standards_set_version_and_identification() {
    let (pages, meta, book) = sample();
    for (standard, header, claim) in [
        (Standard::PdfA1b, &b"%PDF-1.4"[..], &b"<pdfaid:part>1</pdfaid:part>"[..]),
        (Standard::PdfA2b, b"%PDF-1.6", b"<pdfaid:part>2</pdfaid:part>"),
    ] {
        let options = Options { standard, ..Options::default() };
        let bytes = write_pdf_with(&pages, &meta, &book, &options).unwrap_or_default();
        assert!(bytes.starts_with(header), "{standard}");
        assert!(contains(&bytes, claim) && contains(&bytes, b"/S /GTS_PDFA1"), "{standard}");
        assert!(!contains(&bytes, b"GTS_PDFX"), "{standard}");
        assert_eq!(contains(&bytes, b"/CIDSet"), standard == Standard::PdfA1b, "{standard}");
    }
}

#[test]
fn pdf_output_is_deterministic() {
    let (pages, meta, book) = sample();
    let a = write_pdf(&pages, &meta, &book).unwrap_or_default();
    let b = write_pdf(&pages, &meta, &book).unwrap_or_default();
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn pdf_unknown_face_is_an_error() {
    let (mut pages, meta, book) = sample();
    if let Some(Item::Text(run)) = pages[0].items.first_mut() {
        run.face = FaceId(7);
    }
    assert_eq!(write_pdf(&pages, &meta, &book), Err(PdfError::UnknownFace(FaceId(7))));
}

/// The first page's content stream, uncompressed, and whether it draws with any ink.
fn first_page_content(pages: &[Page], book: &FontBook) -> (String, bool) {
    let face = book.face(FaceId(0));
    let used = usage::collect(pages);
    let Some(glyphs) = used.get(&FaceId(0)) else { panic!("no glyphs collected") };
    let font = match EmbeddedFont::new(FaceId(0), face, glyphs, &mut Ref::new(9)) {
        Ok(f) => f,
        Err(e) => panic!("{e}"),
    };
    let fonts = BTreeMap::from([(FaceId(0), font)]);
    let inks = Inks::new(&[], &mut Ref::new(20));
    let geometry = Geometry::new(&pages[0], &Options::default());
    let pictures = Pictures::default();
    let cx = Context { fonts: &fonts, inks: &inks, pictures: &pictures };
    let drawn = content::page_content(&pages[0], &cx, &geometry);
    (String::from_utf8_lossy(&drawn.content).into_owned(), !drawn.inks.is_empty())
}

/// A run whose Chinese characters justification spread past what extractors read as a space
/// is one `/ActualText` span of its own text; the sample's Han–Latin gap of ¼ em, which may
/// read as a space, is not spread.
#[test]
fn pdf_a_run_spread_apart_reads_as_its_own_text() {
    let (pages, _, book) = sample();
    let (content, _) = first_page_content(&pages, &book);
    assert!(!content.contains("/ActualText"), "{content}");
    let mut spread = pages.clone();
    let Item::Text(run) = &mut spread[0].items[0] else { panic!("a run first") };
    let (mut glyphs, _) = placed(book.face(FaceId(0)), "系统梳理全面", 72.0, 12.0);
    for (i, g) in glyphs.iter_mut().enumerate() {
        g.x += i as f64 * 0.2 * 12.0;
    }
    run.glyphs = glyphs;
    let (content, _) = first_page_content(&spread, &book);
    let own: String = "系统梳理全面".encode_utf16().map(|u| format!("{u:04X}")).collect();
    assert!(content.contains(&format!("/ActualText <FEFF{own}>")), "{content}");
}

#[test]
fn pdf_content_places_glyphs_and_colours() {
    let (pages, _, book) = sample();
    let (content, inks) = first_page_content(&pages, &book);
    assert!(!inks);
    assert!(content.contains("0 0 0 1 k"), "{content}");
    assert!(content.contains("0 0.8 0.8 0 K"), "{content}");
    assert!(content.contains("1.5 w"), "{content}");
    assert!(content.contains("0 J"), "{content}");
    assert!(content.contains("/F0 12 Tf"), "{content}");
    assert!(content.contains("1 0 0 1 72 741.89 Tm"), "{content}");
    assert!(content.contains("72 731.89 m"), "{content}");
    assert!(content.contains("523 731.89 l"), "{content}");
    // The ASCII word starts 3 pt after the Chinese: one adjustment of −250 (3/12 em).
    assert!(content.contains("-250"), "{content}");
}
