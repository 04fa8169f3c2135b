//! Tests of building documents from manifests: the example issue and the wording rules.

use std::path::{Path, PathBuf};

use super::*;
use crate::manifest;

/// A manifest in the repository, or `None` (with a note) when it is absent.
fn repo_issue(rel: &str) -> Option<manifest::Issue> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    }
    Some(manifest::load(&path).unwrap_or_else(|d| panic!("{d}")))
}

#[test]
fn example_issue_as_printed() {
    let Some(issue) = repo_issue("examples/lianluo-2021-04/issue.toml") else {
        return;
    };
    let (doc, warnings) = from_issue(&issue).unwrap_or_else(|d| panic!("{d}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let m = &doc.masthead;
    assert_eq!(m.title.as_str(), "联络动态");
    assert_eq!(m.pinyin.as_ref().map(Text::as_str), Some("LIANLUODONGTAI"));
    assert_eq!(m.number.as_str(), "第4期");
    assert_eq!(m.total.as_ref().map(Text::as_str), Some("（总第六百二十七期）"));
    assert_eq!(m.date.as_str(), "2021年4月3日");
    assert_eq!(doc.date, (2021, 4, 3));
    assert_eq!(doc.layout, "two-column");
    assert_eq!(doc.articles.len(), 2);
    let first = &doc.articles[0];
    assert_eq!(first.credit.as_ref().map(Text::as_str), Some("（长沙市人大常委会联工委　供稿）"));
    assert_eq!(first.blocks.len(), 4);
    let Block::Paragraph(lead) = &first.blocks[1] else { panic!("a paragraph") };
    assert_eq!((lead.runs[0].text.as_str(), lead.runs[0].bold), ("聚焦主题主线。", true));
    let c = &doc.closing;
    assert_eq!(c.groups.len(), 1);
    assert_eq!(c.groups[0].label.as_str(), "送：");
    assert_eq!(c.groups[0].recipients.len(), 7);
    let editors: Vec<&str> = c.editors.iter().flat_map(|e| &e.values).map(Text::as_str).collect();
    assert_eq!(editors, ["石韧", "谢峥嵘"]);
    assert_eq!(c.approval.as_ref().map(|a| a.values[0].as_str()), Some("湘党简准字〔2000〕第28号"));
}

#[test]
fn every_printed_text_points_where_it_was_written() {
    let Some(issue) = repo_issue("examples/lianluo-2021-04/issue.toml") else {
        return;
    };
    let (doc, _) = from_issue(&issue).unwrap_or_else(|d| panic!("{d}"));
    // The lead of the first article's second paragraph, in its article file.
    let Block::Paragraph(p) = &doc.articles[0].blocks[1] else { panic!("a paragraph") };
    let d = doc.diagnostic(&p.runs[0].text, "聚焦".len(), "here");
    assert!(d.file.ends_with("articles/01-changsha.md"), "{}", d.file.display());
    let line = d.source_line.clone().unwrap_or_default();
    assert!(line.contains("**聚焦主题主线。**"), "{line}");
    assert_eq!(line.chars().take(d.column - 1).collect::<String>().trim_start_matches('　'), "**聚焦");
    // A credit's value in the manifest; the worded bracket points at the value too.
    let credit = doc.articles[1].credit.as_ref().expect("credit");
    let d = doc.diagnostic(credit, "（".len(), "here");
    assert!(d.file.ends_with("issue.toml") && d.source_line.as_deref().is_some_and(|l| l.starts_with("source = ")));
    assert_eq!(d.column, "source = \"".chars().count() + 1);
    // The total is worded from the number written in the manifest.
    let total = doc.masthead.total.as_ref().expect("total");
    let d = doc.diagnostic(total, "（总第".len(), "here");
    assert_eq!(d.source_line.as_deref(), Some("total = 627"));
    // Everything printed, in reading order.
    let text = doc.plain_text();
    let order = [
        "LIANLUODONGTAI",
        "联络动态",
        "第4期（总第六百二十七期）",
        "2021年4月3日",
        "长沙市开展",
        "聚焦主题主线。活动",
        "送：全国人大",
        "责任编辑：石韧　谢峥嵘",
        "联系方式：0731",
        "批准文号：",
    ];
    let mut from = 0;
    for part in order {
        let at = text[from..].find(part).unwrap_or_else(|| panic!("{part} missing or out of order"));
        from += at + part.len();
    }
}

#[test]
fn the_contents_box_is_printed_after_the_editor_note_and_before_the_first_article() {
    let Some(issue) = repo_issue("examples/lianluo-2021-05/issue.toml") else {
        return;
    };
    let (mut doc, _) = from_issue(&issue).unwrap_or_else(|d| panic!("{d}"));
    assert!(doc.contents && doc.contents_title.is_none());
    let titles: Vec<String> = doc.articles.iter().map(|a| a.title.to_string()).collect();
    // Before the layout is read: the entries, not the box's title.
    let lines = |doc: &Document| doc.plain_text().lines().map(String::from).collect::<Vec<_>>();
    let before = lines(&doc);
    let note = before.iter().position(|l| l.starts_with("编者按：做好")).expect("the issue's note");
    assert_eq!(before[note + 1..note + 1 + titles.len()], titles[..]);
    assert_eq!(before[note + 1 + titles.len()], titles[0], "then the first article");
    doc.contents_title = Some(Text::worded("本期要目"));
    let after = lines(&doc);
    assert_eq!(after[note + 1], "本期要目");
    assert_eq!(after[note + 2..note + 2 + titles.len()], titles[..]);
    let places: Vec<Place> = doc.printed().iter().map(|p| p.place).filter(|p| *p == Place::Contents).collect();
    assert_eq!(places.len(), 1 + titles.len());
    // Without the box, neither.
    doc.contents = false;
    assert!(!doc.plain_text().contains("本期要目"));
    assert_eq!(doc.plain_text().matches(titles[0].as_str()).count(), 1);
}

#[test]
fn issues_folder_builds_the_same_document_as_the_example() {
    let example = repo_issue("examples/lianluo-2021-04/issue.toml");
    let split = repo_issue("issues/2021/04/issue.toml");
    let (Some(example), Some(split)) = (example, split) else {
        return;
    };
    assert!(split.series_file.is_some(), "issues/series.toml was not merged");
    let text =
        |issue: &manifest::Issue| from_issue(issue).map(|(d, _)| d.plain_text()).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(text(&split), text(&example));
}

/// A temporary folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let name = format!("jianbao-document-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).expect("create scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds the document of `manifest` written to `sub/issue.toml` under a scratch folder,
/// with `series` (if any) as the scratch folder's series.toml.
fn build(name: &str, manifest: &str, series: Option<&str>) -> (PathBuf, Document) {
    let scratch = Scratch::new(name);
    if let Some(series) = series {
        std::fs::write(scratch.0.join("series.toml"), series).expect("write series");
    }
    let path = scratch.0.join("sub/issue.toml");
    std::fs::write(&path, manifest).expect("write manifest");
    let issue = manifest::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let (doc, _) = from_issue(&issue).unwrap_or_else(|d| panic!("{d}"));
    (scratch.0.clone(), doc)
}

const ISSUE: &str = "[issue]\nnumber = 12\ndate = 2021-11-05\n\n[[article]]\ntitle = \"题\"\nbody = \"　　甲\\n乙。\\n\\n**丙。**丁\"\n";

#[test]
fn defaults_and_inline_body() {
    let series = "[series]\ntitle = \"联络动态\"\npublisher = \"编\"\n";
    let (_, doc) = build("defaults", &format!("{series}{ISSUE}"), None);
    assert_eq!(doc.masthead.number.as_str(), "第12期");
    assert_eq!(doc.masthead.total, None);
    assert_eq!(doc.masthead.pinyin, None);
    assert_eq!(doc.masthead.date.as_str(), "2021年11月5日");
    assert_eq!(doc.layout, DEFAULT_LAYOUT);
    assert!(doc.closing.groups.is_empty() && doc.closing.editors.is_none());
    let article = &doc.articles[0];
    assert_eq!(article.credit, None);
    let runs: Vec<(&str, bool)> = article
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(p) => p.runs.iter().map(|r| (r.text.as_str(), r.bold)).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(runs, [("甲乙。", false), ("丙。", true), ("丁", false)]);
    // An inline body written with escapes maps back to the start of its value.
    let Block::Paragraph(p) = &article.blocks[1] else { panic!("a paragraph") };
    let d = doc.diagnostic(&p.runs[1].text, 0, "here");
    assert_eq!(d.source_line.as_deref().map(|l| l.chars().nth(d.column - 1)), Some(Some('"')));
    assert!(d.source_line.as_deref().is_some_and(|l| l.starts_with("body = ")));
}

#[test]
fn layout_paths_resolve_against_the_file_that_names_them() {
    let series = "[series]\ntitle = \"T\"\npublisher = \"P\"\n";
    let own = format!("{series}layout = \"my/layout.toml\"\n{ISSUE}");
    let (dir, doc) = build("layout-own", &own, None);
    assert_eq!(Path::new(&doc.layout), dir.join("sub/my/layout.toml"));
    let shared = format!("total_offset = 100\n{series}layout = \"single.toml\"\n");
    let (dir, doc) = build("layout-series", ISSUE, Some(&shared));
    assert_eq!(Path::new(&doc.layout), dir.join("single.toml"));
    assert_eq!(doc.masthead.total.as_ref().map(Text::as_str), Some("（总第一百一十二期）"));
}

#[test]
fn screening_reports_once_per_file_and_kind_and_stops_at_control_characters() {
    let series = "[series]\ntitle = \"联络动态\"\npublisher = \"编\"\n";
    let body = "[issue]\nnumber = 1\ndate = 2021-11-05\n\n[[article]]\ntitle = \"题,目\"\nbody = \"今天,我们\\u200b开会。\\n\\n再,议。\"\n";
    let scratch = Scratch::new("screen");
    let path = scratch.0.join("sub/issue.toml");
    std::fs::write(&path, format!("{series}{body}")).expect("write");
    let issue = manifest::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let (_, warnings) = from_issue(&issue).unwrap_or_else(|d| panic!("{d}"));
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.iter().filter(|m| m.contains("ASCII `,`")).count(), 1, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("3 such marks")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("U+200B")), "{messages:?}");
    // The first comma is the title's, at its own line and column.
    let first = warnings.iter().find(|w| w.message.contains("ASCII")).expect("warning");
    assert_eq!((first.line, first.column), (9, "title = \"题".chars().count() + 1));
    let control = format!("{series}{}", body.replace("题,目", "题\\u0007目"));
    std::fs::write(&path, control).expect("write");
    let issue = manifest::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let err = from_issue(&issue).expect_err("a control character");
    assert!(err.message.contains("U+0007") && err.line == 9, "{}", err.message);
    // The contents box prints the title again; its comma is counted once.
    std::fs::write(
        &path,
        format!("{series}{}", body.replace("date = 2021-11-05", "date = 2021-11-05\ncontents = true")),
    )
    .expect("write");
    let issue = manifest::load(&path).unwrap_or_else(|d| panic!("{d}"));
    let (doc, warnings) = from_issue(&issue).unwrap_or_else(|d| panic!("{d}"));
    assert!(doc.contents);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("3 such marks")), "{messages:?}");
}
