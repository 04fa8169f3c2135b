//! Whole-package tests on small documents made here, one feature at a time.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::*;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000";
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0];

/// A zip of these entries.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).expect("starts an entry");
        writer.write_all(bytes).expect("writes an entry");
    }
    writer.finish().expect("finishes").into_inner()
}

/// The parts of a test document beyond its body.
#[derive(Default)]
struct Parts<'a> {
    styles: Option<&'a str>,
    numbering: Option<&'a str>,
    /// `Relationship` elements of the document.
    rels: &'a str,
    files: &'a [(&'a str, &'a [u8])],
}

/// A `.docx` with this body and these parts.
fn docx_with(body: &str, parts: &Parts) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    );
    let package_rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
    );
    let mut rels = String::from(parts.rels);
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            b"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".to_vec(),
        ),
        ("_rels/.rels".into(), package_rels.into_bytes()),
        ("word/document.xml".into(), document.into_bytes()),
    ];
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    if let Some(styles) = parts.styles {
        rels.push_str(&format!(r#"<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>"#));
        entries.push(("word/styles.xml".into(), format!("<w:styles {w}>{styles}</w:styles>").into_bytes()));
    }
    if let Some(numbering) = parts.numbering {
        rels.push_str(&format!(r#"<Relationship Id="rIdN" Type="{REL}/numbering" Target="numbering.xml"/>"#));
        entries.push(("word/numbering.xml".into(), format!("<w:numbering {w}>{numbering}</w:numbering>").into_bytes()));
    }
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    );
    entries.push(("word/_rels/document.xml.rels".into(), rels.into_bytes()));
    entries.extend(parts.files.iter().map(|(n, b)| (n.to_string(), b.to_vec())));
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    zip(&refs)
}

/// A `.docx` with this body.
fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &Parts::default())
}

/// The import of a document.
fn import(bytes: &[u8]) -> Imported {
    match read_docx(bytes) {
        Ok(imported) => imported,
        Err(e) => panic!("{e}"),
    }
}

/// The warnings' messages.
fn messages(imported: &Imported) -> Vec<String> {
    imported.warnings.iter().map(|w| w.to_string()).collect()
}

/// A paragraph of plain runs.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

#[test]
fn paragraphs_spaces_tabs_and_breaks() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">　　甲 </w:t></w:r><w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>
        <w:p/><w:p><w:r><w:t> 丁 </w:t><w:br/><w:br/><w:cr/></w:r></w:p><w:p><w:r><w:t>戊&#x2028;己</w:t><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>"#;
    assert_eq!(import(&docx(body)).text, "　　甲 　乙\n丙\n\n丁\n\n戊\n己\u{2011}\n");
    let empty = import(&docx("<w:p/>"));
    assert_eq!(empty.text, "");
    assert_eq!(messages(&empty), ["document: the document has no text to import"]);
}

#[test]
fn bold_from_runs_character_styles_and_paragraph_styles() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="Lead"><w:rPr><w:b/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>"#;
    let body = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>直接</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不粗</w:t></w:r>
          <w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>字符样式</w:t></w:r><w:r><w:rPr><w:b w:val="false"/><w:bCs/></w:rPr><w:t>尾</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Lead"/></w:pPr><w:r><w:t>整段</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>相消</w:t></w:r></w:p>"#;
    let got = import(&docx_with(body, &Parts { styles: Some(styles), ..Parts::default() }));
    assert_eq!(got.text, "**直接**不粗**字符样式**尾\n\n**整段**相消\n");
}

#[test]
fn fields_links_and_tracked_changes() {
    let body = r#"<w:p><w:r><w:t>第</w:t></w:r>
          <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
          <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INNER</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
          <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
          <w:r><w:t>页，</w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>2021年4月3日</w:t></w:r></w:fldSimple>
          <w:hyperlink r:id="rIdL"><w:r><w:t>网站</w:t></w:r></w:hyperlink>
          <w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>加上</w:t></w:r></w:ins>
          <w:commentRangeStart w:id="0"/><w:r><w:t>评</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#;
    let got = import(&docx(body));
    assert_eq!(got.text, "第3页，2021年4月3日网站加上评\n");
    assert_eq!(
        messages(&got),
        ["document: tracked changes: deletions are dropped and insertions kept, as if every change were accepted"]
    );
}

#[test]
fn notes_are_dropped_with_a_warning() {
    let body = r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>"#;
    let got = import(&docx(body));
    assert_eq!(got.text, "正文。\n");
    assert_eq!(got.warnings.len(), 2);
    assert!(got.warnings.iter().all(|w| w.location == "paragraph 1 (line 1)"), "{:?}", got.warnings);
}

#[test]
fn hidden_text_symbols_equations_and_ruby() {
    let body = r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>见</w:t><w:sym w:font="Wingdings" w:char="F0FE"/><w:sym w:font="Webdings" w:char="F041"/></w:r></w:p>
        <w:p><m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath></w:p>
        <w:p><w:r><w:ruby><w:rt><w:r><w:t>zhōng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>中</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#;
    let got = import(&docx(body));
    assert_eq!(got.text, "见☑\n\na+b\n\n中\n");
    let m = messages(&got);
    assert_eq!(m.len(), 4, "{m:?}");
    assert!(m[0].contains("Webdings") || m[1].contains("Webdings"), "{m:?}");
    assert!(m.iter().any(|w| w.contains("hidden text")), "{m:?}");
}

/// The government numbering: 一、 / （一） / 1. / （1）.
const GOV: &str = r#"<w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>"#;

/// Heading styles tied to the list.
const HEADINGS: &str = r#"<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>"#;

/// A paragraph with a style and list numbering.
fn numbered(style: &str, num: Option<(&str, u8)>, text: &str) -> String {
    let style = if style.is_empty() { String::new() } else { format!(r#"<w:pStyle w:val="{style}"/>"#) };
    let num = num.map_or_else(String::new, |(id, l)| {
        format!(r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr>"#)
    });
    format!(r#"<w:p><w:pPr>{style}{num}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

#[test]
fn numbering_from_paragraphs_and_styles() {
    let body = [
        numbered("1", None, "总体要求"),
        numbered("2", None, "加强学习"),
        numbered("", Some(("1", 2)), "学理论"),
        numbered("", Some(("1", 3)), "读原著"),
        numbered("", None, "正文。"),
        numbered("2", None, "深入调研"),
        numbered("1", Some(("0", 0)), "不编号"),
        numbered("1", None, "主要成效"),
        numbered("", Some(("2", 0)), "另起"),
        numbered("", Some(("3", 0)), "要点"),
        numbered("", Some(("9", 0)), "无定义"),
    ]
    .concat();
    let got = import(&docx_with(&body, &Parts { styles: Some(HEADINGS), numbering: Some(GOV), ..Parts::default() }));
    let want = "一、总体要求\n\n（一）加强学习\n\n1.学理论\n\n（1）读原著\n\n正文。\n\n（二）深入调研\n\n**不编号**\n\n二、主要成效\n\n三、另起\n\n要点\n\n无定义\n";
    assert_eq!(got.text, want);
    assert_eq!(
        messages(&got),
        ["paragraph 10 (line 19): a bulleted list: the bullets are not imported, the paragraphs are"]
    );
}

/// A drawing of the picture `rid` with this alt text.
fn drawing(rid: &str, descr: &str) -> String {
    format!(
        r#"<w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="{descr}"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
    )
}

/// An image relationship.
fn image_rel(id: &str, target: &str) -> String {
    format!(r#"<Relationship Id="{id}" Type="{REL}/image" Target="{target}"/>"#)
}

#[test]
fn pictures_captions_and_alt_text() {
    let styles = r#"<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="caption"/></w:style>"#;
    let body = format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p><w:p/>{}
           <w:p>{}</w:p><w:p><w:pPr><w:pStyle w:val="a7"/></w:pPr><w:r><w:t>座谈会现场</w:t></w:r></w:p>
           <w:p><w:r><w:t>前文</w:t></w:r>{}<w:r><w:t>后文</w:t></w:r></w:p>{}
           <w:p><w:r><w:pict><v:shape alt="旧式图片"><v:imagedata r:id="rId4" o:title=""/></v:shape></w:pict></w:r></w:p>
           <w:p>{}{}{}</w:p>"#,
        drawing("rId1", ""),
        p("图为调研组在企业察看。"),
        drawing("rId2", "无用的替代文字"),
        drawing("rId1", "重复"),
        p("图书馆建设正在推进。"),
        drawing("rId5", ""),
        drawing("rId6", ""),
        drawing("rId9", ""),
    );
    let rels = [
        image_rel("rId1", "media/image1.png"),
        image_rel("rId2", "media/photo.JPG"),
        image_rel("rId4", "media/../media/old.emf"),
        image_rel("rId5", "media/missing.png"),
        r#"<Relationship Id="rId6" Type="x/image" Target="http://example.com/a.png" TargetMode="External"/>"#
            .to_string(),
    ]
    .concat();
    let mut emf = vec![1, 0, 0, 0];
    emf.resize(40, 0);
    emf.extend(b" EMF");
    let files: [(&str, &[u8]); 3] =
        [("word/media/image1.png", PNG), ("word/media/photo.jpg", JPEG), ("word/media/old.emf", &emf)];
    let got =
        import(&docx_with(&body, &Parts { styles: Some(styles), rels: &rels, files: &files, ..Parts::default() }));
    let want = "![图为调研组在企业察看。](images/image1.png)\n\n![座谈会现场](images/image2.jpeg)\n\n前文\n\n\
                ![重复](images/image1.png)\n\n后文\n\n图书馆建设正在推进。\n\n![旧式图片](images/image3.emf)\n";
    assert_eq!(got.text, want);
    let names: Vec<&str> = got.images.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["images/image1.png", "images/image2.jpeg", "images/image3.emf"]);
    assert_eq!(got.images[0].bytes, PNG);
    let m = messages(&got);
    assert_eq!(m.len(), 4, "{m:?}");
    assert!(m[0].starts_with("paragraph 7 (line 13): the picture `images/image3.emf` is EMF"), "{m:?}");
    assert!(m.iter().any(|w| w.contains("is missing from the package")), "{m:?}");
    assert!(m.iter().any(|w| w.contains("linked picture")), "{m:?}");
    assert!(m.iter().any(|w| w.contains("`rId9`")), "{m:?}");
}

#[test]
fn picture_names_never_come_from_the_package() {
    let body = format!("<w:p>{}</w:p>", drawing("rId1", ""));
    let rels = image_rel("rId1", "../../../../etc/passwd");
    let files: [(&str, &[u8]); 1] = [("etc/passwd", PNG)];
    let got = import(&docx_with(&body, &Parts { rels: &rels, files: &files, ..Parts::default() }));
    assert_eq!(got.text, "![](images/image1.png)\n");
}

#[test]
fn tables_keep_their_text_with_a_warning() {
    let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", p(t));
    let nested = format!("<w:tc><w:tbl><w:tr>{}</w:tr></w:tbl></w:tc>", cell("内"));
    let body = format!(
        "{}<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{}{}</w:tr><w:sdt><w:sdtContent><w:tr>{}{}</w:tr></w:sdtContent></w:sdt></w:tbl><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>{}",
        p("前。"),
        cell("甲"),
        nested,
        cell("丙"),
        cell(""),
        p("后。")
    );
    let got = import(&docx(&body));
    assert_eq!(got.text, "前。\n\n甲\n\n内\n\n丙\n\n后。\n");
    let m = messages(&got);
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(m[0].starts_with("table 1 (paragraphs 2–4, line 3): a table of 2 row(s) × 2 column(s)"), "{m:?}");
    assert!(m[1].starts_with("table 2 (paragraph 3, line 5)"), "{m:?}");
    assert_eq!(m[2], "table 3, at paragraph 5 (line 9): an empty table is dropped");
}

#[test]
fn text_boxes_follow_their_anchor_once() {
    let body = r#"<w:p><w:r><w:t>锚定段落。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="2" name="文本框 2"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内。</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续。</w:t></w:r></w:p>"#;
    let got = import(&docx(&format!("{body}{}", p("下一段。"))));
    assert_eq!(got.text, "锚定段落。续。\n\n框内。\n\n下一段。\n");
    assert_eq!(got.warnings.len(), 1);
    assert_eq!(got.warnings[0].location, "text box 1 (paragraph 2, line 3)");
}

#[test]
fn strict_namespace_documents_read_too() {
    let bytes = docx(&p("严格"));
    let strict = String::from_utf8_lossy(&bytes).contains("purl");
    assert!(!strict);
    let doc = format!(
        r#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>{}</w:body></w:document>"#,
        p("严格")
    );
    let bytes = zip(&[("word/document.xml", doc.as_bytes())]);
    assert_eq!(import(&bytes).text, "严格\n");
}

#[test]
fn damaged_packages_are_clear_errors() {
    let err = |bytes: &[u8]| read_docx(bytes).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err(b"just text").starts_with("not a Word document (.docx): this is a plain text file"));
    let good = docx(&p("甲"));
    assert!(err(&good[..good.len() / 2]).starts_with("damaged Word package"), "{}", err(&good[..good.len() / 2]));
    assert_eq!(err(&zip(&[("a.txt", b"x")])), "not a Word document: the package has no `word/document.xml`");
    let e = err(&zip(&[("word/document.xml", b"<w:document xmlns:w=\"x\"><w:body></w:document>")]));
    assert!(e.starts_with("malformed XML in `word/document.xml` at line 1, column "), "{e}");
    let e = err(&zip(&[("word/document.xml", b"<x/>")]));
    assert_eq!(e, "not a Word document: the package's main part `word/document.xml` is not a Word body");
    let e = err(&docx_with(&p("甲"), &Parts { styles: Some("<w:style>"), ..Parts::default() }));
    assert!(e.starts_with("malformed XML in `word/styles.xml`"), "{e}");
    let e = err(&zip(&[("word/document.xml", &[0xFF, 0xFE, 0x00, 0xD8][..])]));
    assert!(e.contains("neither UTF-8 nor UTF-16"), "{e}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 50_000;
    let body =
        format!("{}{}{}", "<w:sdt><w:sdtContent>".repeat(depth), p("深"), "</w:sdtContent></w:sdt>".repeat(depth));
    let e = read_docx(&docx(&body)).err();
    assert!(matches!(&e, Some(DocxError::TooDeep { part }) if part == "word/document.xml"), "{e:?}");
}

#[test]
fn bombs_stop_at_the_limits() {
    let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let e = read_docx(&zip(&entries)).err();
    assert!(matches!(e, Some(DocxError::TooManyEntries { .. })), "{e:?}");
    let mut huge = b"<w:document xmlns:w=\"x\">".to_vec();
    huge.resize(MAX_XML_PART as usize + 10, b' ');
    let e = read_docx(&zip(&[("word/document.xml", &huge)])).err();
    assert!(matches!(&e, Some(DocxError::TooLarge { part, .. }) if part == "word/document.xml"), "{e:?}");
    assert!(e.map(|e| e.to_string()).unwrap_or_default().contains("more than 64 MiB"));
}

#[test]
fn large_documents_take_linear_work() {
    // Quadratic steps would not finish here: a paragraph of a million spaces between bold
    // runs, and twenty thousand captioned pictures each with its own relationship.
    let spaces = " ".repeat(1_000_000);
    let mut body = format!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>甲</w:t></w:r><w:r><w:t xml:space="preserve">{spaces}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>乙</w:t></w:r></w:p>"#
    );
    let mut rels = String::new();
    for i in 0..20_000 {
        body.push_str(&format!("<w:p>{}</w:p>{}", drawing(&format!("rId{i}"), ""), p(&format!("图{i}"))));
        rels.push_str(&image_rel(&format!("rId{i}"), "media/image1.png"));
    }
    let files: [(&str, &[u8]); 1] = [("word/media/image1.png", PNG)];
    let got = import(&docx_with(&body, &Parts { rels: &rels, files: &files, ..Parts::default() }));
    assert!(got.text.starts_with("**甲 "));
    assert!(got.text.ends_with("![图19999](images/image1.png)\n"));
    assert_eq!(got.images.len(), 1);
}
