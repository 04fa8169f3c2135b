//! Writes the example issue (and a page of a rare character) as OFD with
//! `jianbao::ofd::write_ofd` and reads the packages back: in Rust for the package's structure,
//! and with two OFD readers no one here wrote, `easyofd` and `ofdkit` (Python; install them with
//! `pip install -r tests/ofd/requirements.txt`), for the text and the rendering. Tests that need
//! Python, a reader, `pdftoppm` or the OFD schema say so and pass when it is absent.
//! `JIANBAO_OFD_PYTHON` names the interpreter (default `python3`); `OFD_XSD_DIR` a folder with
//! the GB/T 33190 schema files (`OFD.xsd`, `Document.xsd`, `Page.xsd`, `Res.xsd`, …).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use jianbao::build::Typeset;
use jianbao::font::{FaceId, FontBook, bundled_face, shape};
use jianbao::ofd::{OfdInfo, write_ofd};
use jianbao::page::{Item, Metadata, Page, Paint, PlacedGlyph, Tag, TextRun};

const EXAMPLE: &str = "examples/lianluo-2021-04/issue.toml";

/// The readers' helper script.
const READERS: &str = "tests/ofd/readers.py";

/// A fresh folder under the system temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-ofd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example issue, laid out.
fn example() -> Typeset {
    jianbao::build::typeset(Path::new(EXAMPLE), &Default::default()).expect("the example typesets")
}

/// The OFD of some pages.
fn ofd(pages: &[Page], meta: &Metadata, book: &FontBook, info: &OfdInfo) -> Vec<u8> {
    write_ofd(pages, meta, book, info).unwrap_or_else(|e| panic!("{e}"))
}

/// Removes all whitespace.
fn solid(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The files of a ZIP archive, by name, inflated.
fn entries(zip: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let u16_at = |o: usize| u16::from_le_bytes([zip[o], zip[o + 1]]) as usize;
    let u32_at = |o: usize| u32::from_le_bytes([zip[o], zip[o + 1], zip[o + 2], zip[o + 3]]) as usize;
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut out = BTreeMap::new();
    for _ in 0..count {
        let (method, packed, name_len, local) = (u16_at(at + 10), u32_at(at + 20), u16_at(at + 28), u32_at(at + 42));
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let body = &zip[start..start + packed];
        let data = if method == 8 { miniz_oxide::inflate::decompress_to_vec(body).unwrap() } else { body.to_vec() };
        out.insert(name, data);
        at += 46 + name_len + u16_at(at + 30) + u16_at(at + 32);
    }
    out
}

/// A part of the package as text.
fn part(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files.get(name).unwrap_or_else(|| panic!("no {name}: {:?}", files.keys())).clone()).unwrap()
}

/// The tags of a TrueType/OpenType font's tables.
fn table_tags(font: &[u8]) -> Vec<String> {
    let count = u16::from_be_bytes([font[4], font[5]]) as usize;
    (0..count).map(|i| String::from_utf8_lossy(&font[12 + 16 * i..16 + 16 * i]).into_owned()).collect()
}

#[test]
fn example_ofd_is_deterministic_and_records_the_issue() {
    let set = example();
    let info = OfdInfo { classification: Some("内部资料　注意保存".into()) };
    let bytes = ofd(&set.pages, &set.metadata, &set.book, &info);
    let again = ofd(&example().pages, &set.metadata, &set.book, &info);
    assert!(bytes == again, "two packages of the same issue differ");
    assert!(bytes.len() < 400 * 1024, "{} bytes", bytes.len());

    let files = entries(&bytes);
    let docinfo = part(&files, "OFD.xml");
    for expected in [
        "<ofd:Title>联络动态 2021年第4期</ofd:Title>",
        "<ofd:Author>湖南省人大常委会选举任免联络工作委员会</ofd:Author>",
        "<ofd:CreationDate>2021-04-03</ofd:CreationDate>",
        r#"<ofd:CustomData Name="series">联络动态</ofd:CustomData>"#,
        r#"<ofd:CustomData Name="number">第4期</ofd:CustomData>"#,
        r#"<ofd:CustomData Name="total">总第六百二十七期</ofd:CustomData>"#,
        r#"<ofd:CustomData Name="classification">内部资料　注意保存</ofd:CustomData>"#,
    ] {
        assert!(docinfo.contains(expected), "{expected} in {docinfo}");
    }
    // SOURCE_DATE_EPOCH (as the build puts it in the metadata) wins over the issue date.
    let dated = Metadata { created: Some(1_700_000_000), ..set.metadata.clone() };
    let files_dated = entries(&ofd(&set.pages, &dated, &set.book, &info));
    assert!(part(&files_dated, "OFD.xml").contains("<ofd:CreationDate>2023-11-14</ofd:CreationDate>"));

    let document = part(&files, "Doc_0/Document.xml");
    let (doc, _) = jianbao::document::from_issue(&jianbao::manifest::load(Path::new(EXAMPLE)).unwrap()).unwrap();
    for article in doc.articles {
        assert!(document.contains(&format!("<ofd:OutlineElem Title=\"{}\">", article.title)), "{document}");
    }
    assert_eq!(document.matches("<ofd:Page ID=").count(), set.pages.len());

    let public = part(&files, "Doc_0/PublicRes.xml");
    assert!(public.contains(r#"Type="CMYK" BitsPerComponent="8" Profile="FOGRA39L_coated.icc""#), "{public}");
    let fonts: Vec<(&String, &Vec<u8>)> = files.iter().filter(|(n, _)| n.ends_with(".ttf")).collect();
    assert_eq!(fonts.len(), 3, "regular, bold and the sans of the pinyin line: {:?}", files.keys());
    for (name, font) in fonts {
        let tags = table_tags(font);
        assert!(tags.contains(&"glyf".into()) && tags.contains(&"cmap".into()), "{name}: {tags:?}");
        assert!(!tags.contains(&"CFF ".into()), "{name}: TrueType outlines, not CFF: {tags:?}");
        let file = name.rsplit('/').next().unwrap_or_default();
        assert!(public.contains(&format!("<ofd:FontFile>{file}</ofd:FontFile>")), "{public}");
    }

    // Every text object's codes, in order, give the page model's text of the page.
    for (i, page) in set.pages.iter().enumerate() {
        let content = part(&files, &format!("Doc_0/Pages/Page_{i}/Content.xml"));
        let written: String = content
            .split("<ofd:TextCode")
            .skip(1)
            .filter_map(|c| c.split_once('>').and_then(|(_, rest)| rest.split_once("</ofd:TextCode>")))
            .map(|(text, _)| text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
            .collect();
        assert_eq!(solid(&written), solid(&page_text(page)), "page {}", i + 1);
        assert!(content.contains("<ofd:FillColor ColorSpace=\"1\" Value=\"0 0 0 255\"/>"), "K black");
    }
    assert!(part(&files, "Doc_0/Pages/Page_0/Content.xml").contains("Value=\"0 204 204 0\""), "masthead red");
}

/// The page model's text of a page, in reading order.
fn page_text(page: &Page) -> String {
    page.items.iter().filter_map(|i| if let Item::Text(r) = i { Some(r.text()) } else { None }).collect()
}

/// The Python side: an interpreter with the helper script, and what it has installed.
struct Readers {
    /// The interpreter.
    python: String,
    /// Package → version (`-` when missing), and `easyofd-embedded-fonts` → yes/no.
    versions: BTreeMap<String, String>,
}

impl Readers {
    /// The readers, or `None` (saying why) without Python.
    fn find() -> Option<Readers> {
        let python = std::env::var("JIANBAO_OFD_PYTHON").unwrap_or_else(|_| "python3".into());
        let out = match Command::new(&python).args([READERS, "versions"]).output() {
            Ok(out) if out.status.success() => out,
            Ok(out) => {
                eprintln!("skipped: {python} {READERS} versions failed: {}", String::from_utf8_lossy(&out.stderr));
                return None;
            }
            Err(e) => {
                eprintln!("skipped: no Python ({python}: {e})");
                return None;
            }
        };
        let versions = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(k, v)| (k.to_string(), v.trim().to_string()))
            .collect();
        let readers = Readers { python, versions };
        eprintln!("OFD readers: {:?}", readers.versions);
        Some(readers)
    }

    /// Whether a package is installed (saying so when it is not).
    fn has(&self, package: &str) -> bool {
        let there = self.versions.get(package).is_some_and(|v| v != "-");
        if !there {
            eprintln!(
                "skipped: the Python package {package} is not installed (pip install -r tests/ofd/requirements.txt)"
            );
        }
        there
    }

    /// Runs a command of the helper script and returns what it printed.
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new(&self.python).arg(READERS).args(args).output().expect("runs the helper");
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim_end_matches('\n').to_string()
    }

    /// Runs `compare` and returns its numbers.
    fn compare(&self, a: &Path, b: &Path, region: Option<[usize; 4]>) -> BTreeMap<String, f64> {
        let mut args = vec!["compare".to_string(), a.display().to_string(), b.display().to_string()];
        args.extend(region.iter().flatten().map(ToString::to_string));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&args)
            .lines()
            .filter_map(|l| l.split_once(' ').and_then(|(k, v)| Some((k.to_string(), v.parse().ok()?))))
            .collect()
    }
}

/// The pages' texts, from a reader's output (pages separated by form feeds).
fn pages_of(output: &str) -> Vec<String> {
    output.split('\u{c}').map(str::to_string).collect()
}

#[test]
fn readers_extract_the_issue_text() {
    let Some(readers) = Readers::find() else { return };
    let set = example();
    let dir = temp_dir("text");
    let path = dir.join("lianluo.ofd");
    std::fs::write(&path, ofd(&set.pages, &set.metadata, &set.book, &OfdInfo::default())).unwrap();
    let path = path.display().to_string();
    // What `jianbao text` prints: everything printed (masthead, articles, closing) in order.
    let issue_text = solid(&jianbao::build::text(Path::new(EXAMPLE)).unwrap());

    if readers.has("easyofd") {
        let pages = pages_of(&readers.run(&["easyofd-text", &path]));
        assert_eq!(pages.len(), set.pages.len());
        // Each page ends with its folio — N —.
        let mut all = String::new();
        for (i, page) in pages.iter().enumerate() {
            let page = solid(page);
            let folio = format!("—{}—", i + 1);
            assert!(page.ends_with(&folio), "page {} ends with its folio: {page}", i + 1);
            all.push_str(&page[..page.len() - folio.len()]);
        }
        assert_eq!(all, issue_text, "easyofd's text in reading order");
    }

    if readers.has("ofdkit") {
        // ofdkit orders text by its own layout analysis of the positions, not by the order of
        // the objects. It reads every line whole and loses nothing, but its column detection
        // needs the first row of a two-column region to start at each column's left edge, and a
        // title set centred in one column beside the other column's text is read row by row.
        let pages = pages_of(&readers.run(&["ofdkit-text", &path]));
        assert_eq!(pages.len(), set.pages.len());
        for (i, (read, page)) in pages.iter().zip(&set.pages).enumerate() {
            let read = solid(read);
            let mut got: Vec<char> = read.chars().collect();
            let mut want: Vec<char> = solid(&page_text(page)).chars().collect();
            got.sort_unstable();
            want.sort_unstable();
            assert!(got == want, "page {}: ofdkit's characters are the page's characters: {read}", i + 1);
            for item in &page.items {
                let Item::Text(run) = item else { continue };
                let line = solid(&run.text());
                assert!(read.contains(&line), "page {}: ofdkit reads 「{line}」 whole and in order: {read}", i + 1);
            }
        }
        let all: String = pages.iter().map(|p| solid(p)).collect();
        let in_order = all.contains(&issue_text);
        eprintln!("ofdkit reads the issue's text in reading order throughout: {in_order}");
    }
}

/// Renders page 1 of a PDF with pdftoppm at `dpi`, or `None` (saying why) without it.
fn pdftoppm(pdf: &Path, dpi: u32, out_stem: &Path) -> Option<PathBuf> {
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(out_stem)
        .status();
    match status {
        Ok(s) if s.success() => Some(out_stem.with_extension("png")),
        other => {
            eprintln!("skipped: pdftoppm is not available ({other:?})");
            None
        }
    }
}

/// Renders page 1 of the OFD with easyofd and of the PDF with pdftoppm at the same resolution;
/// returns both images and the resolution.
fn render_both(readers: &Readers, dir: &Path, ofd_bytes: &[u8], pdf_bytes: &[u8]) -> Option<(PathBuf, PathBuf, u32)> {
    let (ofd_path, pdf_path, easy_png) = (dir.join("page.ofd"), dir.join("page.pdf"), dir.join("easyofd.png"));
    std::fs::write(&ofd_path, ofd_bytes).unwrap();
    std::fs::write(&pdf_path, pdf_bytes).unwrap();
    let said = readers.run(&["easyofd-render", &ofd_path.display().to_string(), &easy_png.display().to_string()]);
    let dpi: u32 = said.lines().last().and_then(|l| l.strip_prefix("dpi ")).and_then(|v| v.parse().ok()).expect("dpi");
    let pdf_png = pdftoppm(&pdf_path, dpi, &dir.join("pdftoppm"))?;
    Some((easy_png, pdf_png, dpi))
}

/// Whether easyofd can show embedded glyphs at all (panics, explaining, when it cannot).
fn easyofd_draws_embedded_fonts(readers: &Readers) -> bool {
    if !readers.has("easyofd") {
        return false;
    }
    let version = readers.versions.get("easyofd").cloned().unwrap_or_default();
    assert_eq!(
        readers.versions.get("easyofd-embedded-fonts").map(String::as_str),
        Some("yes"),
        "easyofd {version} draws every character in a hard-coded system 宋体 and never uses a \
         document's embedded fonts, so it cannot check them: install easyofd 0.5.6 \
         (pip install -r tests/ofd/requirements.txt)"
    );
    true
}

#[test]
fn easyofd_renders_page_one_like_the_pdf() {
    let Some(readers) = Readers::find() else { return };
    if !easyofd_draws_embedded_fonts(&readers) {
        return;
    }
    let set = example();
    let dir = temp_dir("render");
    let ofd_bytes = ofd(&set.pages, &set.metadata, &set.book, &OfdInfo::default());
    let pdf_bytes = jianbao::pdf::write_pdf(&set.pages, &set.metadata, &set.book).unwrap();
    let Some((easy, pdf, dpi)) = render_both(&readers, &dir, &ofd_bytes, &pdf_bytes) else { return };
    let m = readers.compare(&easy, &pdf, None);
    eprintln!("page 1 at {dpi} dpi, easyofd against pdftoppm: {m:?} ({})", dir.display());
    // Measured here: 5.4 grey levels, of which 5.1 is what two rasterisers make of one and the
    // same PDF (pdftoppm against MuPDF, which easyofd's image comes from), and the red masthead
    // shown cyan (easyofd reads the first three CMYK components as RGB). A page whose glyphs
    // were missing or another font's differs by about the blank page's 14.
    assert!(m["mean_diff"] < 7.0, "easyofd's page 1 differs from the PDF's: {m:?}");
    assert!(m["mean_diff"] < 0.5 * m["blank_diff"], "{m:?}");
    assert!((m["ink_a"] - m["ink_b"]).abs() < 0.25 * m["ink_b"], "as much ink: {m:?}");
}

/// Characters of the bundled face that the system's fonts (fontconfig) lack, best first.
fn lacking_from_system(book: &FontBook) -> Vec<char> {
    let candidates = ['䶮', '龘', '𠀀', '𪚥', '䲜', '齾'];
    candidates
        .into_iter()
        .filter(|&c| book.face(FaceId(0)).covers(c))
        .filter(|&c| match Command::new("fc-list").arg(format!(":charset={:x}", c as u32)).arg("family").output() {
            Ok(out) => out.status.success() && out.stdout.iter().all(u8::is_ascii_whitespace),
            Err(_) => true,
        })
        .collect()
}

#[test]
fn easyofd_draws_the_embedded_glyph_of_a_character_no_system_font_has() {
    let Some(readers) = Readers::find() else { return };
    if !easyofd_draws_embedded_fonts(&readers) {
        return;
    }
    let mut book = FontBook::new();
    book.add(bundled_face("Noto Serif CJK SC").unwrap().unwrap());
    let Some(&c) = lacking_from_system(&book).first() else {
        eprintln!("skipped: every candidate character is in some system font");
        return;
    };
    // Three of them, 60 pt, from (72 pt, 200 pt).
    let text: String = [c; 3].iter().collect();
    let shaped = shape(book.face(FaceId(0)), &text, &[]);
    let (size, x0, baseline) = (60.0, 72.0, 200.0);
    let mut pen = x0;
    let glyphs: Vec<PlacedGlyph> = shaped
        .glyphs
        .iter()
        .map(|g| {
            let placed =
                PlacedGlyph { id: g.id, x: pen, rise: 0.0, advance: g.advance * size, text: c.to_string().into() };
            pen += g.advance * size;
            placed
        })
        .collect();
    assert!(glyphs.iter().all(|g| g.id != 0), "the bundled face has {c}");
    let run = TextRun {
        face: FaceId(0),
        size,
        paint: Paint::BLACK,
        baseline,
        glyphs,
        actual_text: None,
        embolden: 0.0,
        tag: Tag::ARTIFACT,
    };
    let pages = vec![Page { width: 595.276, height: 841.89, items: vec![Item::Text(run)] }];
    let meta = Metadata { title: "rare".into(), date: (2021, 4, 3), ..Metadata::default() };
    let dir = temp_dir("rare");
    let ofd_bytes = ofd(&pages, &meta, &book, &OfdInfo::default());
    let pdf_bytes = jianbao::pdf::write_pdf(&pages, &meta, &book).unwrap();
    let Some((easy, pdf, dpi)) = render_both(&readers, &dir, &ofd_bytes, &pdf_bytes) else { return };
    let px = |pt: f64| (pt * f64::from(dpi) / 72.0) as usize;
    let region = [px(x0 - 6.0), px(baseline - size), px(3.0 * size + 12.0), px(size * 1.3)];
    let m = readers.compare(&easy, &pdf, Some(region));
    eprintln!("{c} (U+{:X}) at {dpi} dpi, easyofd against pdftoppm: {m:?} ({})", c as u32, dir.display());
    assert!(m["ink_b"] > 0.05, "the PDF shows {c}: {m:?}");
    // The same glyph, not a box or nothing: as much ink, and the shapes on top of each other.
    assert!((m["ink_a"] - m["ink_b"]).abs() < 0.15 * m["ink_b"], "easyofd draws {c} with the embedded glyph: {m:?}");
    assert!(m["mean_diff"] < 0.25 * m["blank_diff"], "easyofd's {c} is the embedded glyph: {m:?}");
}

#[test]
fn ofd_parts_validate_against_the_schema() {
    let Ok(xsd) = std::env::var("OFD_XSD_DIR") else {
        eprintln!(
            "skipped: OFD_XSD_DIR is not set. No package registry ships the GB/T 33190 schema; point \
             OFD_XSD_DIR at a folder with OFD.xsd, Document.xsd, Page.xsd, Res.xsd and Definitions.xsd"
        );
        return;
    };
    let Some(readers) = Readers::find() else { return };
    if !readers.has("lxml") {
        return;
    }
    let set = example();
    let dir = temp_dir("schema");
    let path = dir.join("lianluo.ofd");
    std::fs::write(&path, ofd(&set.pages, &set.metadata, &set.book, &OfdInfo::default())).unwrap();
    let report = readers.run(&["validate", &xsd, &path.display().to_string()]);
    eprintln!("{report}");
    assert_eq!(report.lines().count(), 3 + set.pages.len(), "{report}");
    assert!(report.lines().all(|l| l.ends_with(" valid")), "{report}");
}
