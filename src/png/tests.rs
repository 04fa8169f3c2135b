//! A synthetic page drawn and its pixels checked: a rule, a box, a CMYK picture and a run in
//! a spot ink.

use std::sync::Arc;

use super::*;
use crate::font::{FaceId, bundled_face};
use crate::page::{Cmyk, Image, Item, Paint, Picture, PixelSpace, PlacedGlyph, Rect, Rule, Spot, Tag, TextRun};

/// The masthead red as a spot ink.
fn red() -> Paint {
    Paint::Spot(Arc::new(Spot { name: "PANTONE 485 C".into(), alternate: Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 } }))
}

/// A 100 × 100 pt page with a rule, a filled and stroked box, a 2 × 2 CMYK picture and a
/// spot-red 永 at 40 pt; returns it with its font book.
fn page() -> (Page, FontBook) {
    let mut book = FontBook::new();
    let face = bundled_face("Noto Serif CJK SC").expect("bundled").expect("loads");
    let id = face.glyph('永').expect("has 永");
    let face = book.add(face);
    let rule = Rule { x0: 10.0, x1: 90.0, y: 10.0, thickness: 2.0, paint: Paint::BLACK };
    let rect = Rect {
        x: 10.0,
        y: 20.0,
        width: 30.0,
        height: 20.0,
        fill: Some(Paint::Process(Cmyk { c: 1.0, m: 0.0, y: 0.0, k: 0.0 })),
        stroke: Some((Paint::BLACK, 2.0)),
    };
    // Cyan, magenta / yellow, no ink.
    let samples = vec![255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0];
    let picture =
        Picture { name: "p.jpg".into(), width: 2, height: 2, space: PixelSpace::Cmyk, samples, jpeg: None, icc: None };
    let image = Image {
        x: 50.0,
        y: 20.0,
        width: 40.0,
        height: 20.0,
        picture: Arc::new(picture),
        tag: Tag::ARTIFACT,
        alt: String::new(),
    };
    let glyph = PlacedGlyph { id, x: 10.0, rise: 0.0, advance: 40.0, text: "永".into() };
    let run = TextRun {
        face,
        size: 40.0,
        paint: red(),
        baseline: 90.0,
        glyphs: vec![glyph],
        actual_text: None,
        embolden: 0.0,
        tag: Tag::ARTIFACT,
    };
    let items = vec![Item::Rule(rule), Item::Rect(rect), Item::Image(image), Item::Text(run)];
    (Page { width: 100.0, height: 100.0, items }, book)
}

/// The pixel at (x, y) points of a page drawn at 72 dpi.
fn at(image: &RgbImage, x: u32, y: u32) -> [u8; 3] {
    let i = ((y * image.width + x) * 3) as usize;
    [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]]
}

/// Whether two colours are within `d` in every channel.
fn near(a: [u8; 3], b: [u8; 3], d: u8) -> bool {
    a.iter().zip(&b).all(|(x, y)| x.abs_diff(*y) <= d)
}

#[test]
fn preview_draws_rule_box_picture_and_spot_text() {
    let (page, book) = page();
    let image = render_rgb(&page, &book, 72.0).expect("draws");
    assert_eq!((image.width, image.height), (100, 100));
    let mut proof = colour::Proof::new().expect("profile");
    let rgb =
        |proof: &mut colour::Proof, p: &Paint| proof.paint(p).expect("converts").map(|v| (v * 255.0).round() as u8);
    let black = rgb(&mut proof, &Paint::BLACK);
    let cyan = rgb(&mut proof, &Paint::Process(Cmyk { c: 1.0, m: 0.0, y: 0.0, k: 0.0 }));
    let red = rgb(&mut proof, &red());
    let white = [255, 255, 255];
    // The rule covers y 9–11 from x 10 to 90, butt ends.
    assert!(near(at(&image, 50, 9), black, 1) && near(at(&image, 50, 10), black, 1));
    assert_eq!(at(&image, 50, 8), white);
    assert_eq!(at(&image, 9, 10), white);
    assert_eq!(at(&image, 90, 10), white);
    // The box: cyan inside, its 2 pt black border centred on the edge.
    assert!(near(at(&image, 25, 30), cyan, 1), "{:?} {cyan:?}", at(&image, 25, 30));
    assert!(near(at(&image, 10, 30), black, 1) && near(at(&image, 9, 30), black, 1));
    assert_eq!(at(&image, 7, 30), white);
    // The picture: four quadrants of ink, converted like paint (checked in the corners,
    // which smooth scaling leaves pure), paper white where there is no ink.
    for (x, y, ink) in [(52, 21, [1.0, 0.0, 0.0]), (88, 21, [0.0, 1.0, 0.0]), (52, 39, [0.0, 0.0, 1.0])] {
        let want = rgb(&mut proof, &Paint::Process(Cmyk { c: ink[0], m: ink[1], y: ink[2], k: 0.0 }));
        assert!(near(at(&image, x, y), want, 2), "({x}, {y}): {:?} vs {want:?}", at(&image, x, y));
    }
    assert!(near(at(&image, 88, 39), white, 2));
    let middle = at(&image, 70, 30);
    assert!(middle.iter().all(|&v| v > 60 && v < 240), "smoothly blended in the middle: {middle:?}");
    assert_eq!(at(&image, 49, 30), white);
    assert_eq!(at(&image, 90, 30), white);
    // The glyph: spot red (its CMYK stand-in) inside the em box, nothing outside it.
    let reds = (50..100).flat_map(|y| (10..50).map(move |x| (x, y))).filter(|&(x, y)| at(&image, x, y) == red).count();
    assert!(reds > 50, "{reds} red pixels");
    assert!((0..100).all(|x| at(&image, x, 99) == white || at(&image, x, 99) != red));
    assert!((50..100).all(|x| (45..=98).all(|y| !near(at(&image, x, y), red, 0))));
}

#[test]
fn preview_png_is_deterministic_and_sized_like_pdftoppm() {
    let (page, book) = page();
    let a = render_page(&page, &book, 150.0).expect("draws");
    let b = render_pages(std::slice::from_ref(&page), &book, 150.0).expect("draws");
    assert_eq!(b, vec![a.clone()]);
    assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
    // 100 pt at 150 dpi = 208.33 px → 209.
    assert_eq!(pixel_size(&page, 150.0).ok(), Some((209, 209)));
    let a4 = Page { width: 595.2755905511812, height: 841.8897637795276, items: vec![] };
    assert_eq!(pixel_size(&a4, 100.0).ok(), Some((827, 1170)));
    assert_eq!(pixel_size(&a4, 72.0).ok(), Some((596, 842)));
}

#[test]
fn preview_rejects_bad_resolutions_pages_and_faces() {
    let (mut page, book) = page();
    for dpi in [0.0, -5.0, f32::NAN, f32::INFINITY, 5000.0] {
        assert!(matches!(render_page(&page, &book, dpi), Err(PreviewError::Dpi(_))), "{dpi}");
    }
    let huge = Page { width: 1.0e6, height: 1.0e6, items: vec![] };
    assert!(matches!(render_page(&huge, &book, 72.0), Err(PreviewError::PageSize { .. })));
    let empty = Page { width: 0.0, height: 100.0, items: vec![] };
    assert!(matches!(render_page(&empty, &book, 72.0), Err(PreviewError::PageSize { .. })));
    if let Some(Item::Text(run)) = page.items.last_mut() {
        run.face = FaceId(9);
    }
    assert!(matches!(render_page(&page, &book, 72.0), Err(PreviewError::UnknownFace(FaceId(9)))));
}

#[test]
fn preview_ignores_non_finite_geometry() {
    let (mut page, book) = page();
    page.items.push(Item::Rule(Rule { x0: f64::NAN, x1: 5.0, y: 5.0, thickness: 1.0, paint: Paint::BLACK }));
    page.items.push(Item::Rect(Rect {
        x: 1.0,
        y: f64::INFINITY,
        width: 5.0,
        height: 5.0,
        fill: Some(Paint::BLACK),
        stroke: None,
    }));
    let (clean, _) = self::page();
    assert_eq!(render_page(&page, &book, 72.0).ok(), render_page(&clean, &book, 72.0).ok());
}

#[test]
fn preview_synthetic_bold_adds_ink_around_the_outline() {
    let (page, book) = page();
    let ink = |page: &Page| {
        let image = render_rgb(page, &book, 144.0).expect("draws");
        image.pixels.iter().map(|&v| u64::from(255 - v)).sum::<u64>()
    };
    let mut bold = page.clone();
    if let Some(Item::Text(run)) = bold.items.last_mut() {
        run.embolden = 0.03;
    }
    let (regular, emboldened) = (ink(&page), ink(&bold));
    assert!(emboldened > regular + regular / 50, "{regular} → {emboldened}");
}

#[test]
fn a_hairline_box_at_low_resolution_stays_a_frame() {
    // An editor's note frame: 0.5 pt, at 50 dpi (under a pixel): the inside stays paper.
    let rect = Rect { x: 10.3, y: 20.3, width: 60.0, height: 30.0, fill: None, stroke: Some((Paint::BLACK, 0.5)) };
    let page = Page { width: 100.0, height: 100.0, items: vec![Item::Rect(rect)] };
    let image = render_rgb(&page, &FontBook::new(), 50.0).expect("draws");
    let s = 50.0 / 72.0;
    let (cx, cy) = ((40.0 * s) as u32, (35.0 * s) as u32);
    assert_eq!(at(&image, cx, cy), [255, 255, 255], "the box is not filled");
    let edge = at(&image, (10.3 * s) as u32, cy);
    assert!(edge.iter().all(|&v| v < 200), "the frame is drawn: {edge:?}");
}
