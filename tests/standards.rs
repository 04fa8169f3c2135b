//! The example issue written to each standard (PDF/X-4, PDF/A-2b, PDF/A-1b), with and without
//! bleed and crop marks, read back: boxes in millimetres, the output intent and its profile,
//! the XMP packet against the Info dictionary, the outline, inks, and reproducibility.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::pdfread;
use jianbao::build::{Typeset, typeset};
use jianbao::pdf::{Options, Standard, write_pdf_with};

const EXAMPLE: &str = "examples/lianluo-2021-04/issue.toml";

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

/// The example laid out once for all tests.
fn example() -> &'static Typeset {
    static SET: OnceLock<Typeset> = OnceLock::new();
    SET.get_or_init(|| typeset(Path::new(EXAMPLE), &Default::default()).unwrap_or_else(|e| panic!("{e}")))
}

/// The example written with `standard`, a bleed in mm and marks.
fn pdf(standard: Standard, bleed_mm: f64, marks: bool) -> Vec<u8> {
    let set = example();
    let options = Options { standard, bleed: bleed_mm * MM, marks, ..Options::default() };
    write_pdf_with(&set.pages, &set.metadata, &set.book, &options).unwrap_or_else(|e| panic!("{e}"))
}

/// A box in millimetres, rounded to 0.01 mm.
fn in_mm(b: [f64; 4]) -> [f64; 4] {
    b.map(|v| (v / MM * 100.0).round() / 100.0)
}

/// A fresh folder under the system temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-standards-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// Copies the example issue (manifest and articles) into `dir`.
fn copy_example(dir: &Path) {
    let from = Path::new(EXAMPLE).parent().unwrap_or_else(|| panic!("no example folder"));
    std::fs::create_dir_all(dir.join("articles")).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir(from.join("articles")).unwrap_or_else(|e| panic!("{e}")).flatten() {
        std::fs::copy(entry.path(), dir.join("articles").join(entry.file_name())).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::copy(EXAMPLE, dir.join("issue.toml")).unwrap_or_else(|e| panic!("{e}"));
}

/// Runs the command line in `dir` without `SOURCE_DATE_EPOCH` unless given.
fn jianbao(dir: &Path, args: &[&str], epoch: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jianbao"));
    cmd.current_dir(dir).args(args).env_remove("SOURCE_DATE_EPOCH");
    if let Some(epoch) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    cmd.output().unwrap_or_else(|e| panic!("cannot run jianbao: {e}"))
}

#[test]
fn standards_boxes_without_bleed_are_a4() {
    for standard in Standard::ALL {
        let pdf = pdf(standard, 0.0, false);
        for page in 0..pdfread::page_count(&pdf) {
            assert_eq!(in_mm(pdfread::media_box(&pdf, page)), [0.0, 0.0, 210.0, 297.0], "{standard} p{page}");
            assert_eq!(in_mm(pdfread::trim_box(&pdf, page)), [0.0, 0.0, 210.0, 297.0], "{standard} p{page}");
            assert_eq!(pdfread::bleed_box(&pdf, page), None, "{standard} p{page}");
        }
    }
}

#[test]
fn standards_bleed_grows_the_media_box_around_an_a4_trim_box() {
    for standard in [Standard::PdfX4, Standard::PdfA1b] {
        let pdf = pdf(standard, 3.0, false);
        for page in 0..pdfread::page_count(&pdf) {
            assert_eq!(in_mm(pdfread::media_box(&pdf, page)), [0.0, 0.0, 216.0, 303.0], "{standard}");
            assert_eq!(in_mm(pdfread::trim_box(&pdf, page)), [3.0, 3.0, 213.0, 300.0], "{standard}");
            assert_eq!(pdfread::bleed_box(&pdf, page).map(in_mm), Some([0.0, 0.0, 216.0, 303.0]), "{standard}");
        }
    }
    // With crop marks the paper grows further; the marks sit outside the bleed.
    let pdf = pdf(Standard::PdfX4, 3.0, true);
    let media = in_mm(pdfread::media_box(&pdf, 0));
    let trim = in_mm(pdfread::trim_box(&pdf, 0));
    assert_eq!(trim, [9.0, 9.0, 219.0, 306.0]);
    assert_eq!(pdfread::bleed_box(&pdf, 0).map(in_mm), Some([6.0, 6.0, 222.0, 309.0]));
    assert_eq!(media, [0.0, 0.0, 228.0, 315.0]);
    let marks = pdfread::separations(&pdf, 0);
    assert_eq!(marks.get("All"), Some(&("All".to_string(), "DeviceCMYK".to_string())), "{marks:?}");
}

#[test]
fn standards_one_output_intent_with_an_embedded_cmyk_profile() {
    for (standard, subtype) in
        [(Standard::PdfX4, "GTS_PDFX"), (Standard::PdfA2b, "GTS_PDFA1"), (Standard::PdfA1b, "GTS_PDFA1")]
    {
        let intents = pdfread::output_intents(&pdf(standard, 0.0, false));
        assert_eq!(intents.len(), 1, "{standard}: {intents:?}");
        let oi = &intents[0];
        assert_eq!(oi.subtype, subtype, "{standard}");
        assert_eq!(oi.condition, "FOGRA39", "{standard}");
        assert_eq!(oi.components, Some(4), "{standard}");
        let p = &oi.profile;
        assert!(p.len() > 128 && &p[36..40] == b"acsp", "{standard}: no ICC profile embedded");
        assert_eq!(&p[12..20], b"prtrCMYK", "{standard}: an output profile for CMYK");
        assert_eq!(p[8], 2, "{standard}: ICC version 2");
    }
}

#[test]
fn standards_header_version_and_identification() {
    for (standard, version) in [(Standard::PdfX4, "1.6"), (Standard::PdfA2b, "1.6"), (Standard::PdfA1b, "1.4")] {
        let pdf = pdf(standard, 0.0, false);
        assert_eq!(pdfread::header_version(&pdf), version, "{standard}");
        let xmp = pdfread::xmp(&pdf).unwrap_or_else(|| panic!("{standard}: no XMP packet"));
        let info = pdfread::info(&pdf);
        let pdfx = pdfread::xmp_value(&xmp, "pdfxid:GTS_PDFXVersion");
        let part = pdfread::xmp_value(&xmp, "pdfaid:part");
        let conformance = pdfread::xmp_value(&xmp, "pdfaid:conformance");
        match standard {
            Standard::PdfX4 => {
                assert_eq!(pdfx.as_deref(), Some("PDF/X-4"));
                assert_eq!(info.get("GTS_PDFXVersion").map(String::as_str), Some("PDF/X-4"));
                assert_eq!(info.get("Trapped").map(String::as_str), Some("/False"));
                assert_eq!(pdfread::xmp_value(&xmp, "pdf:Trapped").as_deref(), Some("False"));
                assert_eq!(part, None);
            }
            Standard::PdfA2b | Standard::PdfA1b => {
                let want = if standard == Standard::PdfA2b { "2" } else { "1" };
                assert_eq!((part.as_deref(), conformance.as_deref()), (Some(want), Some("B")), "{standard}");
                assert_eq!(pdfx, None, "{standard}");
                assert!(!info.contains_key("GTS_PDFXVersion"), "{standard}");
                assert!(xmp.contains("<pdfaSchema:prefix>prism</pdfaSchema:prefix>"), "{standard}: PRISM described");
            }
        }
    }
}

#[test]
fn standards_info_and_xmp_agree() {
    for standard in Standard::ALL {
        let pdf = pdf(standard, 0.0, false);
        let xmp = pdfread::xmp(&pdf).unwrap_or_else(|| panic!("{standard}: no XMP packet"));
        let info = pdfread::info(&pdf);
        let x = |p: &str| pdfread::xmp_value(&xmp, p).unwrap_or_else(|| panic!("{standard}: XMP has no {p}"));
        let i = |k: &str| info.get(k).cloned().unwrap_or_else(|| panic!("{standard}: Info has no {k}"));
        assert_eq!(i("Title"), "联络动态 2021年第4期");
        assert_eq!(x("dc:title"), i("Title"));
        assert_eq!(x("dc:creator"), i("Author"));
        assert_eq!(x("dc:description"), i("Subject"));
        assert_eq!(x("xmp:CreatorTool"), i("Creator"));
        assert_eq!(x("pdf:Producer"), i("Producer"));
        assert_eq!(i("Producer"), format!("jianbao {}", env!("CARGO_PKG_VERSION")));
        assert_eq!(i("CreationDate"), "D:20210403000000Z");
        assert_eq!(i("ModDate"), "D:20210403000000Z");
        assert_eq!(x("xmp:CreateDate"), "2021-04-03T00:00:00Z");
        assert_eq!(x("xmp:ModifyDate"), "2021-04-03T00:00:00Z");
        assert_eq!(x("dc:date"), "2021-04-03");
        assert_eq!(x("dc:language"), "zh-CN");
        assert_eq!(x("dc:publisher"), "湖南省人大常委会选举任免联络工作委员会");
        assert_eq!((x("prism:publicationName"), i("Series")), ("联络动态".into(), "联络动态".into()));
        assert_eq!((x("prism:number"), i("Issue")), ("第4期".into(), "第4期".into()));
        assert_eq!(
            (x("prism:issueIdentifier"), i("IssueTotal")),
            ("总第六百二十七期".into(), "总第六百二十七期".into())
        );
        assert!(x("xmpMM:DocumentID").starts_with("uuid:"), "{standard}");
    }
}

#[test]
fn standards_outline_has_one_entry_per_article_on_its_page() {
    let pdf = pdf(Standard::PdfX4, 3.0, true);
    let outline = pdfread::outline(&pdf);
    let titles: Vec<&str> = example().document.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(outline.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>(), titles);
    let text = pdfread::extract_text(&pdf);
    let media_top = pdfread::media_box(&pdf, 0)[3];
    for (title, page, top) in &outline {
        assert!(text[*page].contains(title.as_str()), "{title} is not on page {}", page + 1);
        assert!(*top > 0.0 && *top <= media_top, "{title}: top {top}");
    }
    assert!(outline.windows(2).all(|w| w[0].1 <= w[1].1), "{outline:?}");
    assert_eq!(pdfread::catalog_name(&pdf, "PageMode").as_deref(), Some("UseOutlines"));
}

#[test]
fn standards_black_is_k_only_and_red_is_cmyk() {
    let pdf = pdf(Standard::PdfX4, 0.0, false);
    for page in 0..pdfread::page_count(&pdf) {
        for [c, m, y, k] in
            pdfread::fill_colors_cmyk(&pdf, page).into_iter().chain(pdfread::stroke_colors_cmyk(&pdf, page))
        {
            assert!(k < 0.5 || c + m + y == 0.0, "rich black {:?} on page {}", [c, m, y, k], page + 1);
        }
    }
    let red = |c: &[f64; 4]| c.iter().zip([0.0, 0.8, 0.8, 0.0]).all(|(a, b)| (a - b).abs() < 1e-6);
    assert!(pdfread::fill_colors_cmyk(&pdf, 0).iter().any(red), "no CMYK red on page 1");
    assert!(pdfread::separations(&pdf, 0).is_empty());
}

#[test]
fn standards_spot_red_from_the_layout() {
    let dir = temp_dir("spot");
    copy_example(&dir);
    let layout = std::fs::read_to_string("layouts/two-column.toml").unwrap_or_else(|e| panic!("{e}"));
    let layout = layout.replacen("[colors]\n", "[spots]\nred = \"PANTONE 485 C\"\n\n[colors]\n", 1);
    std::fs::write(dir.join("spot.toml"), layout).unwrap_or_else(|e| panic!("{e}"));
    let manifest = std::fs::read_to_string(dir.join("issue.toml")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("issue.toml"), manifest.replace("layout = \"two-column\"", "layout = \"spot.toml\""))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = jianbao(&dir, &["build", "issue.toml", "-o", "spot.pdf", "--standard", "pdfa-1b"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(dir.join("spot.pdf")).unwrap_or_else(|e| panic!("{e}"));
    let spots = pdfread::separations(&pdf, 0);
    assert!(spots.values().any(|(name, alt)| name == "PANTONE 485 C" && alt == "DeviceCMYK"), "{spots:?}");
    // The red is now the ink, not process colour; black stays K only.
    let fills = pdfread::fill_colors_cmyk(&pdf, 0);
    assert!(fills.iter().all(|&[c, m, y, _]| c + m + y == 0.0) && fills.contains(&[0.0, 0.0, 0.0, 1.0]), "{fills:?}");
}

#[test]
fn standards_same_bytes_from_any_folder_and_epoch_from_the_environment() {
    let (a, b) = (temp_dir("same-a"), temp_dir("same-b"));
    copy_example(&a.join("deep").join("issue"));
    copy_example(&b);
    let args = ["--bleed", "3mm", "--marks"];
    let out = jianbao(&a, &[&["build", "deep/issue/issue.toml", "-o", "x.pdf"][..], &args].concat(), None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = jianbao(&b.join("articles"), &[&["build", "../issue.toml", "-o", "../y.pdf"][..], &args].concat(), None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let x = std::fs::read(a.join("x.pdf")).unwrap_or_else(|e| panic!("{e}"));
    assert!(x == std::fs::read(b.join("y.pdf")).unwrap_or_default(), "two builds differ");
    assert!(x == pdf(Standard::PdfX4, 3.0, true), "the command line and the library differ");

    let out = jianbao(&b, &["build", "issue.toml", "-o", "z.pdf", "--standard", "pdfa-2b"], Some("1617453296"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let z = std::fs::read(b.join("z.pdf")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pdfread::info(&z).get("CreationDate").map(String::as_str), Some("D:20210403123456Z"));
    let xmp = pdfread::xmp(&z).unwrap_or_default();
    assert_eq!(pdfread::xmp_value(&xmp, "xmp:CreateDate").as_deref(), Some("2021-04-03T12:34:56Z"));
    assert_eq!(pdfread::xmp_value(&xmp, "dc:date").as_deref(), Some("2021-04-03"), "the issue date stays");

    let out = jianbao(&b, &["build", "issue.toml", "-o", "bad.pdf"], Some("yesterday"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
    assert!(!b.join("bad.pdf").exists());
}

#[test]
fn standards_command_line_rejects_unknown_values() {
    for args in [&["build", EXAMPLE, "--standard", "pdfx-3"][..], &["build", EXAMPLE, "--bleed", "3furlongs"]] {
        let out = jianbao(Path::new("."), args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
