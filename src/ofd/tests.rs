//! Tests of whole packages and of text objects, with the bundled faces.

use std::sync::Arc;

use super::fonts::{EmbeddedFont, collect};
use super::text::write_run;
use super::xml::Xml;
use super::zip::entries;
use super::*;
use crate::font::{FaceId, bundled_face, shape};
use crate::page::{Bookmark, Cmyk, Image, Item, Paint, Picture, PixelSpace, PlacedGlyph, Rule, Tag, TextRun};

/// A font book with the bundled regular face.
fn book() -> FontBook {
    let mut book = FontBook::new();
    match bundled_face("Noto Serif CJK SC") {
        Some(Ok(face)) => book.add(face),
        _ => panic!("bundled face missing"),
    };
    book
}

/// Shapes `text` in face 0 at 10 pt from x = 100, each cluster's text on its first glyph.
fn placed(book: &FontBook, text: &str) -> Vec<PlacedGlyph> {
    let run = shape(book.face(FaceId(0)), text, &[]);
    let mut pen = 100.0;
    let mut out = Vec::new();
    for (i, g) in run.glyphs.iter().enumerate() {
        let first = i == 0 || run.glyphs[i - 1].cluster != g.cluster;
        let end = run.glyphs[i..].iter().map(|n| n.cluster).find(|&c| c != g.cluster).unwrap_or(text.len());
        let t = if first { text[g.cluster..end].to_string() } else { String::new() };
        out.push(PlacedGlyph { id: g.id, x: pen, rise: 0.0, advance: g.advance * 10.0, text: t.into() });
        pen += g.advance * 10.0 + 1.0;
    }
    out
}

/// A black 10 pt run on baseline 200 in face 0.
fn run(glyphs: Vec<PlacedGlyph>) -> TextRun {
    TextRun {
        face: FaceId(0),
        size: 10.0,
        paint: Paint::BLACK,
        baseline: 200.0,
        glyphs,
        actual_text: None,
        embolden: 0.0,
        tag: Tag::ARTIFACT,
    }
}

/// The text object written for `run` (with every run of `context` embedded in the font).
fn object(book: &FontBook, run: &TextRun, context: &[TextRun]) -> String {
    let items = context.iter().chain([run]).cloned().map(Item::Text).collect();
    let page = Page { width: 595.0, height: 842.0, items };
    let usage = collect(std::slice::from_ref(&page));
    let font = EmbeddedFont::new(9, book.face(FaceId(0)), &usage[&FaceId(0)]).unwrap_or_else(|e| panic!("{e}"));
    let mut xml = Xml::new("Layer");
    write_run(&mut xml, &mut Ids::new(), run, &font, 1);
    String::from_utf8(xml.finish()).unwrap_or_default()
}

/// The value of attribute `name` in the first element that has it.
fn attr<'a>(text: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let start = text.find(&key).map(|i| i + key.len()).unwrap_or_else(|| panic!("no {name} in {text}"));
    &text[start..start + text[start..].find('"').unwrap_or(0)]
}

#[test]
fn ofd_text_keeps_composed_positions() {
    let book = book();
    let text = object(&book, &run(placed(&book, "联络动态")), &[]);
    assert!(text.contains(">联络动态</ofd:TextCode>"), "{text}");
    assert!(!text.contains("CGTransform"), "every glyph is the one its character maps to: {text}");
    // Advances of 10 pt plus 1 pt of spacing: 11 pt (3.8806 mm) apart, each delta the
    // difference of rounded positions (100, 111, 122, 133 pt), so no rounding accumulates.
    assert_eq!(attr(&text, "DeltaX"), "3.88 3.881 3.88");
    assert_eq!(attr(&text, "Size"), "3.528");
    assert_eq!(attr(&text, "Font"), "9");
    // X and Y put the first glyph at (100 pt, 200 pt) from the boundary's origin.
    let b: Vec<f64> = attr(&text, "Boundary").split(' ').filter_map(|v| v.parse().ok()).collect();
    let (x, y): (f64, f64) = (attr(&text, "X").parse().unwrap_or(0.0), attr(&text, "Y").parse().unwrap_or(0.0));
    assert!((b[0] + x - 35.278).abs() < 0.0015 && (b[1] + y - 70.556).abs() < 0.0015, "{text}");
}

#[test]
fn ofd_text_names_glyphs_the_characters_do_not_give() {
    let book = book();
    // The same glyph standing for another character, a glyph with no text of its own (a later
    // glyph of a cluster), spaces at both ends, and a raised glyph.
    let mut glyphs = placed(&book, " 联联络动态 ");
    glyphs[2].text = "X".into();
    glyphs[3].text = Default::default();
    glyphs[5].rise = 3.0;
    let bold =
        TextRun { embolden: 0.03, paint: Paint::Process(Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 }), ..run(glyphs) };
    let text = object(&book, &bold, &[]);
    let codes: Vec<&str> = text.split("<ofd:TextCode").skip(1).collect();
    assert_eq!(codes.len(), 2, "the raised glyph starts a new code: {text}");
    assert!(codes[0].contains(">联X动</ofd:TextCode>") && codes[1].contains(">态</ofd:TextCode>"), "{text}");
    assert!(
        text.contains("<ofd:CGTransform CodePosition=\"1\" CodeCount=\"1\" GlyphCount=\"2\">"),
        "X is drawn as 联 followed by 络: {text}"
    );
    assert_eq!(text.matches("<ofd:CGTransform").count(), 1, "{text}");
    assert!(text.contains(r#"Stroke="true" LineWidth="0.106" Join="Round""#), "{text}");
    assert!(text.contains(r#"<ofd:StrokeColor ColorSpace="1" Value="0 204 204 0"/>"#), "{text}");
}

#[test]
fn ofd_text_reads_as_the_replacement_text() {
    let book = book();
    // Letter-spaced text whose replacement is its own text: written as it is.
    let spaced = TextRun { actual_text: Some("联络".into()), ..run(placed(&book, "联络")) };
    let text = object(&book, &spaced, &[]);
    assert!(text.contains(">联络</ofd:TextCode>") && !text.contains("CGTransform"), "{text}");
    // A replacement pairing off with the glyphs: each character drawn with its glyph.
    let year = TextRun { actual_text: Some("二〇二一".into()), ..run(placed(&book, "2021")) };
    let text = object(&book, &year, &[]);
    assert!(text.contains(">二〇二一</ofd:TextCode>"), "{text}");
    assert_eq!(text.matches("<ofd:CGTransform").count(), 4, "{text}");
    // A replacement of another length: one transform over all of it.
    let short = TextRun { actual_text: Some("甲".into()), ..run(placed(&book, "联络")) };
    let text = object(&book, &short, &[]);
    assert!(text.contains(r#"CodePosition="0" CodeCount="1" GlyphCount="2""#), "{text}");
    assert!(text.contains(">甲</ofd:TextCode>") && !text.contains("DeltaX"), "{text}");
}

/// A one-page document with text, a rule, two placements of one picture and an outline.
fn document(book: &FontBook) -> (Vec<Page>, Metadata) {
    let picture = Arc::new(Picture {
        name: "dot.png".into(),
        width: 2,
        height: 2,
        space: PixelSpace::Gray,
        samples: vec![0, 255, 255, 0],
        jpeg: None,
        icc: None,
    });
    let image = |x| Image {
        x,
        y: 300.0,
        width: 50.0,
        height: 50.0,
        picture: picture.clone(),
        tag: Tag::ARTIFACT,
        alt: String::new(),
    };
    let rule = Rule { x0: 72.0, x1: 500.0, y: 250.0, thickness: 1.0, paint: Paint::BLACK };
    let items = vec![
        Item::Text(run(placed(book, "联络动态"))),
        Item::Rule(rule),
        Item::Image(image(72.0)),
        Item::Image(image(200.0)),
    ];
    let page = Page { width: 595.276, height: 841.89, items };
    let meta = Metadata {
        title: "联络动态 2021年第4期".into(),
        publisher: "某某委员会".into(),
        date: (2021, 4, 3),
        bookmarks: vec![Bookmark { title: "联络".into(), page: 0, y: 190.0, level: 1 }],
        ..Metadata::default()
    };
    (vec![page], meta)
}

#[test]
fn ofd_package_has_its_parts_in_order_and_is_deterministic() {
    let book = book();
    let (pages, meta) = document(&book);
    let bytes = write_ofd(&pages, &meta, &book, &OfdInfo::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes, write_ofd(&pages, &meta, &book, &OfdInfo::default()).unwrap_or_default());
    let parts = entries(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names[..5],
        [
            "OFD.xml",
            "Doc_0/Document.xml",
            "Doc_0/PublicRes.xml",
            "Doc_0/DocumentRes.xml",
            "Doc_0/Pages/Page_0/Content.xml"
        ]
    );
    assert_eq!(names[5], "Doc_0/Res/FOGRA39L_coated.icc");
    assert!(names[6].ends_with("+NotoSerifCJKsc.ttf") && names[7] == "Doc_0/Res/Image_3.png", "{names:?}");
    assert_eq!(names.len(), 8, "one picture file for two placements: {names:?}");
    let part = |name: &str| {
        String::from_utf8(parts.iter().find(|p| p.0 == name).map(|p| p.2.clone()).unwrap_or_default())
            .unwrap_or_default()
    };
    let content = part("Doc_0/Pages/Page_0/Content.xml");
    assert_eq!(content.matches("<ofd:ImageObject").count(), 2, "{content}");
    assert!(content.contains(r#"CTM="17.639 0 0 17.639 0 0" ResourceID="3""#), "{content}");
    assert!(content.contains("<ofd:PathObject") && content.contains(">联络动态</ofd:TextCode>"), "{content}");
    let document = part("Doc_0/Document.xml");
    assert!(document.contains("<ofd:MaxUnitID>9</ofd:MaxUnitID>"), "{document}");
    assert!(document.contains(r#"<ofd:Dest Type="XYZ" PageID="4" Left="0" Top="67.028"/>"#), "{document}");
    let res = part("Doc_0/DocumentRes.xml");
    assert!(res.contains(r#"<ofd:MultiMedia ID="3" Type="Image" Format="PNG">"#), "{res}");
    let ofd = part("OFD.xml");
    let id = ofd.split("<ofd:DocID>").nth(1).and_then(|s| s.get(..32)).unwrap_or_default();
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{ofd}");
}

#[test]
fn ofd_unknown_face_is_an_error() {
    let book = book();
    let (mut pages, meta) = document(&book);
    if let Some(Item::Text(run)) = pages[0].items.first_mut() {
        run.face = FaceId(7);
    }
    assert_eq!(write_ofd(&pages, &meta, &book, &OfdInfo::default()), Err(OfdError::UnknownFace(FaceId(7))));
}
