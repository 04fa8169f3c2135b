//! Word articles read as article text: documents written by LibreOffice's DOCX export
//! (`tests/data/docx/make.py`), compared with hand-written expectations; damaged files; and
//! `jianbao import` as an editor runs it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jianbao::docx::{DocxError, read_docx};

const DATA: &str = "tests/data/docx";

/// The bytes of a test document.
fn data(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(DATA).join(name)).expect("test data is there")
}

/// A part of a test document, as stored.
fn part(docx: &str, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(data(docx))).expect("a zip");
    let mut text = String::new();
    zip.by_name(name).expect("the part").read_to_string(&mut text).expect("text");
    text
}

#[test]
fn the_article_reads_exactly_as_expected() {
    let imported = read_docx(&data("article.docx")).expect("reads");
    let expected = std::fs::read_to_string(Path::new(DATA).join("article.md")).expect("expected text");
    assert_eq!(imported.text, expected);
    assert_eq!(imported.images.len(), 1);
    assert_eq!(imported.images[0].name, "images/image1.png");
    assert!(imported.images[0].bytes.starts_with(b"\x89PNG"));
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].starts_with("paragraph 1 (line 1): a footnote is dropped"), "{warnings:#?}");
    assert!(
        warnings[1].starts_with("table 1 (paragraphs 12–17, line 24): a table of 3 row(s) × 2 column(s)"),
        "{warnings:#?}"
    );
}

#[test]
fn headings_are_numbered_by_word_not_typed() {
    // The ordinals in the expected text come from numbering.xml, not from the body.
    let body = part("article.docx", "word/document.xml");
    for typed in ["一、", "（一）", "二、", "1.走访"] {
        assert!(!body.contains(typed), "{typed} is typed in the document");
    }
    assert!(body.contains("<w:numPr>"));
    let numbering = part("article.docx", "word/numbering.xml");
    assert!(numbering.contains(r#"w:lvlText w:val="%1、""#) && numbering.contains(r#"w:lvlText w:val="（%2）""#));
    // Nor is the footnote's text in the article.
    assert!(part("article.docx", "word/footnotes.xml").contains("本文根据工作简报整理"));
    assert!(!read_docx(&data("article.docx")).expect("reads").text.contains("本文根据工作简报整理"));
}

#[test]
fn headings_numbered_through_their_styles() {
    // LibreOffice writes heading numbering as w:numPr on the Heading styles, not on the paragraphs.
    assert!(!part("headings.docx", "word/document.xml").contains("<w:numPr>"));
    let imported = read_docx(&data("headings.docx")).expect("reads");
    let expected =
        "一、总体要求\n\n正文。\n\n（一）加强学习\n\n（二）深入调研\n\n二、主要成效\n\n（一）代表履职更加有力\n";
    assert_eq!(imported.text, expected);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn links_text_boxes_alt_text_and_literal_markup() {
    let imported = read_docx(&data("extras.docx")).expect("reads");
    let j = '\u{2060}';
    let expected = format!(
        "　　详见省人大网站。\n\n正文段落。\n\n文本框内的文字。\n\n![座谈会现场](images/image1.jpeg)\n\n\
         密码为*{j}*（已隐去）*{j}*，请勿外传。\n\n!{j}[示例](a.png)\n\n第一行\n第二行\n\n一、手工编号的标题\n\n\
         （一）加强学习。各级人大代表认真学习，深入领会精神实质，把握核心要义，全面贯彻落实，推动工作再上新台阶。\n\n\
         甲　乙\n\n共1页\n"
    );
    assert_eq!(imported.text, expected);
    assert_eq!(imported.images.len(), 1);
    assert!(imported.images[0].bytes.starts_with(&[0xFF, 0xD8]));
    let locations: Vec<&str> = imported.warnings.iter().map(|w| w.location.as_str()).collect();
    assert_eq!(locations, ["text box 1 (paragraph 3, line 5)", "paragraph 5 (line 9)", "paragraph 6 (line 11)"]);
}

#[test]
fn malformed_files_are_errors() {
    let article = data("article.docx");
    let e = read_docx(b"This is not a Word document.").err();
    assert!(matches!(e, Some(DocxError::NotZip { .. })), "{e:?}");
    let e = read_docx(&article[..article.len() * 2 / 3]).err();
    assert!(matches!(e, Some(DocxError::Zip { .. })), "{e:?}");

    // The same package without its document part.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(article)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let file = zip.by_index(i).expect("entry");
        if file.name().ok().as_deref() != Some("word/document.xml") {
            out.raw_copy_file(file).expect("copies");
        }
    }
    let without = out.finish().expect("zip").into_inner();
    let e = read_docx(&without).err();
    assert!(matches!(&e, Some(DocxError::MissingPart { part }) if part == "word/document.xml"), "{e:?}");
    let shown = e.map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(shown, "not a Word document: the package has no `word/document.xml`");
}

// The command line.

/// Runs the built `jianbao`.
fn jianbao(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao")).args(args).current_dir(dir).output().expect("runs")
}

/// A fresh folder holding the test article as `A.docx`.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-docx-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("makes a folder");
    std::fs::write(dir.join("A.docx"), data("article.docx")).expect("copies");
    dir
}

/// The names in a folder and its subfolders, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("lists").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() {
            out.extend(listing(&entry.path()).into_iter().map(|n| format!("{name}/{n}")));
        } else {
            out.push(name);
        }
    }
    out.sort();
    out
}

#[test]
fn import_prints_the_text_and_warns_on_stderr() {
    let dir = folder("print");
    let out = jianbao(&["import", "A.docx"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = std::fs::read_to_string(Path::new(DATA).join("article.md")).expect("expected text");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: table 1 (paragraphs 12–17, line 24)"), "{stderr}");
    assert!(stderr.contains("--> A.docx"), "{stderr}");
    assert!(stderr.contains("give -o ARTICLE.md"), "{stderr}");
    assert_eq!(listing(&dir), ["A.docx"], "printing writes nothing");
}

#[test]
fn import_writes_the_text_and_pictures_and_never_overwrites() {
    let dir = folder("write");
    let out = jianbao(&["import", "A.docx", "-o", "A.md"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("wrote A.md and 1 picture(s)"));
    let expected = std::fs::read_to_string(Path::new(DATA).join("article.md")).expect("expected text");
    assert_eq!(std::fs::read_to_string(dir.join("A.md")).expect("written"), expected);
    assert_eq!(listing(&dir), ["A.docx", "A.md", "images/image1.png"]);
    let png = std::fs::read(dir.join("images/image1.png")).expect("picture");
    assert!(png.starts_with(b"\x89PNG"));

    // Again: refused, nothing changed.
    std::fs::write(dir.join("A.md"), "edited").expect("edits");
    let out = jianbao(&["import", "A.docx", "-o", "A.md"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("exists already"), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.join("A.md")).expect("kept"), "edited");

    // A picture in the way: refused before anything is written.
    let out = jianbao(&["import", "A.docx", "-o", "B.md"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("images/image1.png"));
    assert_eq!(listing(&dir), ["A.docx", "A.md", "images/image1.png"]);

    // Over the input itself: refused.
    let out = jianbao(&["import", "A.docx", "-o", "A.docx"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.join("A.docx")).expect("kept"), data("article.docx"));
}

#[test]
fn import_errors_name_the_file_and_exit_1_usage_errors_2() {
    let dir = folder("errors");
    std::fs::write(dir.join("notes.docx"), "plain text, renamed").expect("writes");
    let out = jianbao(&["import", "notes.docx", "-o", "notes.md"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a Word document") && stderr.contains("--> notes.docx"), "{stderr}");
    let out = jianbao(&["import", "missing.docx"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--> missing.docx"));
    let out = jianbao(&["import", "A.docx", "-o", "no/such/folder/A.md"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    // The text cannot be written (its temporary file's name is too long) after the picture
    // was: the picture and the folder made for it are removed again.
    let long = format!("{}.md", "a".repeat(245));
    let out = jianbao(&["import", "A.docx", "-o", &long], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(jianbao(&["import"], &dir).status.code(), Some(2));
    assert_eq!(jianbao(&["import", "A.docx", "--bogus"], &dir).status.code(), Some(2));
    assert_eq!(listing(&dir), ["A.docx", "notes.docx"], "nothing written, no temporary file left");
}
