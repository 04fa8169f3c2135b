//! Builds the example issue and reads the PDF back: pages, boxes, fonts, colour, text.

mod common;

use std::path::{Path, PathBuf};

use common::pdfread;
use jianbao::document::{Document, from_issue};

const EXAMPLE: &str = "examples/lianluo-2021-04/issue.toml";

/// A fresh folder under the system temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds the example and returns the PDF bytes.
fn build_example(dir: &Path) -> Vec<u8> {
    let out = dir.join("lianluo.pdf");
    let report = jianbao::build::run(&jianbao::build::Request {
        manifest: Path::new(EXAMPLE).into(),
        action: jianbao::build::Action::Build(Some(out.clone())),
        options: Default::default(),
    })
    .expect("the example builds");
    assert_eq!(report.output.as_deref(), Some(out.as_path()));
    std::fs::read(&out).unwrap()
}

/// The example's document, as the manifest gives it.
fn document() -> Document {
    from_issue(&jianbao::manifest::load(Path::new(EXAMPLE)).unwrap()).expect("screens clean").0
}

/// Removes all whitespace (spaces the extractor or the layout put between blocks).
fn solid(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn example_has_two_a4_pages_with_embedded_subset_fonts() {
    let pdf = build_example(&temp_dir("pages"));
    assert_eq!(pdfread::page_count(&pdf), 2);
    assert!(pdf.len() < 300 * 1024, "PDF is {} bytes", pdf.len());
    for page in 0..2 {
        let media = pdfread::media_box(&pdf, page);
        assert!((media[2] - 595.276).abs() < 0.01 && (media[3] - 841.89).abs() < 0.01, "{media:?}");
        assert_eq!(pdfread::trim_box(&pdf, page), media);
    }
    let fonts = pdfread::fonts(&pdf);
    assert_eq!(fonts.len(), 3, "regular, bold and the sans of the pinyin line");
    for f in &fonts {
        assert!(f.embedded && f.has_to_unicode, "{f:?}");
        let (tag, _) = f.base_font.split_once('+').expect("subset tag");
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{}", f.base_font);
    }
}

#[test]
fn text_copies_out_exactly_in_reading_order() {
    let pdf = build_example(&temp_dir("text"));
    let doc = document();
    let pages = pdfread::extract_text(&pdf);
    // Each page ends with its folio — N —.
    let mut body = String::new();
    for (i, page) in pages.iter().enumerate() {
        let page = solid(page);
        let folio = format!("—{}—", i + 1);
        assert!(
            page.ends_with(&folio),
            "page {} ends with its folio: …{}",
            i + 1,
            &page[page.len().saturating_sub(30)..]
        );
        body.push_str(&page[..page.len() - folio.len()]);
    }
    // Everything the document says it prints, in its reading order.
    let expected = doc.plain_text();
    assert_eq!(body, solid(&expected));
}

#[test]
fn masthead_red_is_cmyk_and_text_is_black_only() {
    let pdf = build_example(&temp_dir("colour"));
    let near = |a: &[f64; 4], b: [f64; 4]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-4);
    let red = [0.0, 0.8, 0.8, 0.0];
    let fills = pdfread::fill_colors_cmyk(&pdf, 0);
    assert!(fills.iter().any(|f| near(f, red)), "red fill on page 1: {fills:?}");
    assert!(fills.iter().all(|f| near(f, red) || near(f, [0.0, 0.0, 0.0, 1.0])), "only red and K black: {fills:?}");
    assert!(pdfread::stroke_colors_cmyk(&pdf, 0).iter().any(|f| near(f, red)), "red rule");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = build_example(&temp_dir("same-a"));
    let b = build_example(&temp_dir("same-b"));
    assert!(a == b, "two builds of the same input differ");
}

#[test]
fn metadata_names_the_issue() {
    let pdf = build_example(&temp_dir("meta"));
    let info = pdfread::info(&pdf);
    assert_eq!(info.get("Title").map(String::as_str), Some("联络动态 2021年第4期"));
    assert_eq!(info.get("CreationDate").map(String::as_str), Some("D:20210403000000Z"));
}

#[test]
fn series_archive_builds_the_same_pdf_as_the_example() {
    let dir = temp_dir("series");
    let a = build_example(&dir);
    let out = dir.join("archive.pdf");
    jianbao::build::run(&jianbao::build::Request {
        manifest: "issues/2021/04/issue.toml".into(),
        action: jianbao::build::Action::Build(Some(out.clone())),
        options: Default::default(),
    })
    .expect("archive issue builds");
    assert!(a == std::fs::read(out).unwrap(), "issues/2021/04 and the example differ");
}
