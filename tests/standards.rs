//! The example issue written to each standard (PDF/X-4, PDF/A-2b, PDF/A-1b), with and without
//! bleed and crop marks, read back: boxes in millimetres, the output intent and its profile,
//! the XMP packet against the Info dictionary, the outline, inks, and reproducibility.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::pdfread;
use common::tagged::{self, Mark};
use jianbao::build::{Typeset, typeset};
use jianbao::pdf::{Options, OutputProfile, Standard, write_pdf_with};

const EXAMPLE: &str = "examples/lianluo-2021-04/issue.toml";

/// An issue with figures: RGB and CMYK JPEGs, a grey PNG with alpha, an RGBA PNG.
const FIGURES: &str = "tests/data/figures/issue.toml";

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

/// The example laid out once for all tests.
fn example() -> &'static Typeset {
    static SET: OnceLock<Typeset> = OnceLock::new();
    SET.get_or_init(|| typeset(Path::new(EXAMPLE), &Default::default()).unwrap_or_else(|e| panic!("{e}")))
}

/// The figures issue laid out once for all tests.
fn figures() -> &'static Typeset {
    static SET: OnceLock<Typeset> = OnceLock::new();
    SET.get_or_init(|| typeset(Path::new(FIGURES), &Default::default()).unwrap_or_else(|e| panic!("{e}")))
}

/// An issue written with `options`.
fn write(set: &Typeset, options: &Options) -> Vec<u8> {
    write_pdf_with(&set.pages, &set.metadata, &set.book, options).unwrap_or_else(|e| panic!("{e}"))
}

/// A text without whitespace.
fn solid(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
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
    for standard in Standard::ALL {
        let pdf = pdf(standard, 0.0, false);
        let version = if matches!(standard, Standard::PdfA1b | Standard::PdfX1a) { "1.4" } else { "1.6" };
        assert_eq!(pdfread::header_version(&pdf), version, "{standard}");
        let xmp = pdfread::xmp(&pdf).unwrap_or_else(|| panic!("{standard}: no XMP packet"));
        let info = pdfread::info(&pdf);
        let pdfx = pdfread::xmp_value(&xmp, "pdfxid:GTS_PDFXVersion");
        let part = pdfread::xmp_value(&xmp, "pdfaid:part");
        let conformance = pdfread::xmp_value(&xmp, "pdfaid:conformance");
        match standard {
            Standard::PdfX4 | Standard::PdfX1a => {
                let want = if standard == Standard::PdfX4 { "PDF/X-4" } else { "PDF/X-1a:2003" };
                assert_eq!(pdfx.as_deref(), Some(want));
                assert_eq!(info.get("GTS_PDFXVersion").map(String::as_str), Some(want));
                assert_eq!(info.get("Trapped").map(String::as_str), Some("/False"));
                assert_eq!(pdfread::xmp_value(&xmp, "pdf:Trapped").as_deref(), Some("False"));
                assert_eq!(part, None);
            }
            Standard::PdfA2b | Standard::PdfA2u | Standard::PdfA1b => {
                let want = if standard == Standard::PdfA1b { "1" } else { "2" };
                let level = if standard == Standard::PdfA2u { "U" } else { "B" };
                assert_eq!((part.as_deref(), conformance.as_deref()), (Some(want), Some(level)), "{standard}");
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

#[test]
fn standards_structure_tree_holds_every_text_in_reading_order() {
    for (set, name) in [(example(), "example"), (figures(), "figures")] {
        let pdf = write(set, &Options { standard: Standard::PdfA2u, ..Options::default() });
        let raw = String::from_utf8_lossy(&pdf).into_owned();
        assert!(raw.contains("/Lang (zh-CN)") && raw.contains("/Marked true"), "{name}: /Lang and /MarkInfo");
        let shown = tagged::shown(&pdf);
        let mut by_mark: BTreeMap<(usize, i64), String> = BTreeMap::new();
        let mut artifacts = String::new();
        for (page, ops) in shown.iter().enumerate() {
            for op in ops {
                assert_ne!(op.mark, Mark::None, "{name} p{page}: {op:?} outside any marked content");
                if op.op == "S" {
                    assert_eq!(op.mark, Mark::Artifact, "{name} p{page}: a rule must be an artifact");
                }
                match op.mark {
                    Mark::Mcid(id) => by_mark.entry((page, id)).or_default().push_str(&op.text),
                    _ => artifacts.push_str(&op.text),
                }
            }
        }
        let elements = tagged::structure(&pdf);
        assert_eq!(elements.first().map(|e| e.role.as_str()), Some("Document"), "{name}");
        let mut read = String::new();
        for element in &elements {
            for mark in &element.marks {
                read.push_str(by_mark.remove(mark).as_deref().unwrap_or_else(|| panic!("{name}: {mark:?} not drawn")));
            }
        }
        assert!(by_mark.is_empty(), "{name}: drawn but in no element: {by_mark:?}");
        assert_eq!(solid(&read), solid(&set.document.plain_text()), "{name}: the tree reads as `jianbao text`");
        // The folios are artifacts: — 1 —.
        assert!(solid(&artifacts).contains("—1—"), "{name}: {artifacts}");
        let roles: Vec<&str> = elements.iter().map(|e| e.role.as_str()).collect();
        for role in ["Sect", "Art", "H1", "P"] {
            assert!(roles.contains(&role), "{name}: no {role} in {roles:?}");
        }
    }
}

#[test]
fn standards_headings_and_figures_are_tagged_with_their_captions() {
    let pdf = write(figures(), &Options::default());
    let elements = tagged::structure(&pdf);
    let roles: Vec<&str> = elements.iter().map(|e| e.role.as_str()).collect();
    assert!(roles.contains(&"H2") && roles.contains(&"H3"), "heading levels 1 and 2: {roles:?}");
    let figures: Vec<Option<&str>> = elements.iter().filter(|e| e.role == "Figure").map(|e| e.alt.as_deref()).collect();
    assert_eq!(figures.len(), 4, "{roles:?}");
    assert_eq!(figures[0], Some("长沙市人大代表走访群众（RGB）"));
    assert_eq!(figures[1], Some("四色照片"));
    // Each figure's marked content draws its picture.
    let shown = tagged::shown(&pdf);
    let drawn = shown.iter().flatten().filter(|op| op.op == "Do" && matches!(op.mark, Mark::Mcid(_))).count();
    assert_eq!(drawn, 4);
}

#[test]
fn standards_black_text_and_thin_black_rules_overprint() {
    let pdf = pdf(Standard::PdfX4, 0.0, false);
    let doc = lopdf::Document::load_mem(&pdf).unwrap_or_else(|e| panic!("{e}"));
    let states: Vec<&lopdf::Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| matches!(d.get(b"Type"), Ok(lopdf::Object::Name(n)) if n == b"ExtGState"))
        .collect();
    let on = states
        .iter()
        .find(|d| matches!(d.get(b"OP"), Ok(lopdf::Object::Boolean(true))))
        .unwrap_or_else(|| panic!("no overprinting graphics state"));
    assert!(matches!(on.get(b"op"), Ok(lopdf::Object::Boolean(true))));
    assert!(matches!(on.get(b"OPM"), Ok(lopdf::Object::Integer(1))));
    let shown = tagged::shown(&pdf);
    let (mut black, mut red) = (0, 0);
    for op in shown.iter().flatten().filter(|op| op.op == "TJ" || op.op == "Tj") {
        match op.fill {
            Some([0.0, 0.0, 0.0, 1.0]) => {
                black += 1;
                assert_eq!(op.state.as_deref(), Some("GSop"), "black text overprints: {op:?}");
            }
            _ => {
                red += 1;
                assert_ne!(op.state.as_deref(), Some("GSop"), "coloured text knocks out: {op:?}");
            }
        }
    }
    assert!(black > 50 && red > 0, "{black} black, {red} coloured");
}

#[test]
fn standards_pdfx_1a_is_cmyk_only_and_pdf_1_4() {
    let pdf = write(figures(), &Options { standard: Standard::PdfX1a, ..Options::default() });
    assert_eq!(pdfread::header_version(&pdf), "1.4");
    assert_eq!(pdfread::info(&pdf).get("GTS_PDFXVersion").map(String::as_str), Some("PDF/X-1a:2003"));
    let doc = lopdf::Document::load_mem(&pdf).unwrap_or_else(|e| panic!("{e}"));
    let mut spaces = Vec::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        if !matches!(stream.dict.get(b"Subtype"), Ok(lopdf::Object::Name(n)) if n == b"Image") {
            continue;
        }
        spaces.push(match stream.dict.get(b"ColorSpace") {
            Ok(lopdf::Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
            other => format!("{other:?}"),
        });
    }
    spaces.sort();
    assert_eq!(spaces, ["DeviceCMYK", "DeviceCMYK", "DeviceCMYK", "DeviceGray"], "RGB converted, nothing calibrated");
    for forbidden in [&b"/SMask"[..], b"/ICCBased", b"/Group", b"/CA "] {
        assert!(!pdf.windows(forbidden.len()).any(|w| w == forbidden), "{}", String::from_utf8_lossy(forbidden));
    }
    // PDF/X-4, the other print file, has no RGB either; the archive's PDF/A keeps RGB
    // pictures calibrated (ICCBased) under the CMYK intent.
    let x4 = write(figures(), &Options::default());
    assert!(!x4.windows(9).any(|w| w == b"/ICCBased"), "RGB pictures converted for print");
    let a2b = write(figures(), &Options { standard: Standard::PdfA2b, ..Options::default() });
    assert!(a2b.windows(9).any(|w| w == b"/ICCBased"));
}

/// A shop's own profile: the bundled one under another description of the same length.
fn shop_profile() -> OutputProfile {
    let mut data = std::fs::read("icc/FOGRA39L_coated.icc").unwrap_or_else(|e| panic!("{e}"));
    let (from, to) = (b"FOGRA39L coated", b"SHOPOWN1 coated");
    let at = data.windows(from.len()).position(|w| w == from).unwrap_or_else(|| panic!("no description"));
    data[at..at + from.len()].copy_from_slice(to);
    OutputProfile::new(Box::leak(data.into_boxed_slice())).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn standards_the_shops_own_profile_is_the_output_intent() {
    let intent = shop_profile();
    for standard in [Standard::PdfX4, Standard::PdfX1a, Standard::PdfA2b] {
        let pdf = write(example(), &Options { standard, intent, ..Options::default() });
        let intents = pdfread::output_intents(&pdf);
        assert_eq!(intents.len(), 1, "{standard}");
        assert_eq!(intents[0].condition, "Custom", "{standard}");
        assert_eq!(intents[0].profile, intent.data(), "{standard}: the profile embedded as given");
        let text = String::from_utf8_lossy(&pdf).into_owned();
        assert!(text.contains("(SHOPOWN1 coated"), "{standard}: the profile named by its description");
    }
}

#[test]
fn standards_output_intent_on_the_command_line_is_checked() {
    let dir = temp_dir("intent");
    copy_example(&dir);
    std::fs::write(dir.join("shop.icc"), shop_profile().data()).unwrap_or_else(|e| panic!("{e}"));
    let out = jianbao(&dir, &["build", "issue.toml", "-o", "shop.pdf", "--output-intent", "shop.icc"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(dir.join("shop.pdf")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pdfread::output_intents(&pdf)[0].condition, "Custom");
    // Not a profile, an RGB profile, a missing file: usage errors naming the file.
    std::fs::write(dir.join("bad.icc"), b"not a profile").unwrap_or_else(|e| panic!("{e}"));
    let mut rgb = shop_profile().data().to_vec();
    rgb[16..20].copy_from_slice(b"RGB ");
    std::fs::write(dir.join("rgb.icc"), rgb).unwrap_or_else(|e| panic!("{e}"));
    for (file, says) in
        [("bad.icc", "too short for an ICC profile"), ("rgb.icc", "not CMYK"), ("none.icc", "cannot read")]
    {
        let out = jianbao(&dir, &["build", "issue.toml", "-o", "x.pdf", "--output-intent", file], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(file) && err.contains(says), "{file}: {err}");
        assert!(!dir.join("x.pdf").exists());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standards_profiles_of_version_4_are_refused_for_pdf_1_4() {
    let mut data = shop_profile().data().to_vec();
    data[8] = 4;
    let v4 = OutputProfile::new(Box::leak(data.into_boxed_slice())).unwrap_or_else(|e| panic!("{e}"));
    for standard in [Standard::PdfX1a, Standard::PdfA1b] {
        let set = example();
        let result = write_pdf_with(
            &set.pages,
            &set.metadata,
            &set.book,
            &Options { standard, intent: v4, ..Options::default() },
        );
        let err = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("version 2") && err.contains(standard.name()), "{standard}: {err}");
    }
}
