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
    let doc = from_issue(&issue);
    let m = &doc.masthead;
    assert_eq!(m.title, "联络动态");
    assert_eq!(m.pinyin.as_deref(), Some("LIANLUODONGTAI"));
    assert_eq!(m.number, "第4期");
    assert_eq!(m.total.as_deref(), Some("（总第六百二十七期）"));
    assert_eq!(m.date, "2021年4月3日");
    assert_eq!(doc.date, (2021, 4, 3));
    assert_eq!(doc.layout, "two-column");
    assert_eq!(doc.articles.len(), 2);
    let first = &doc.articles[0];
    assert_eq!(first.credit.as_deref(), Some("（长沙市人大常委会联工委　供稿）"));
    assert_eq!(first.paragraphs.len(), 4);
    let lead = &first.paragraphs[1].runs[0];
    assert_eq!((lead.text.as_str(), lead.bold), ("聚焦主题主线。", true));
    assert!(first.paragraphs.iter().flat_map(|p| &p.runs).all(|r| !r.text.contains("**")));
    assert_eq!(doc.closing.label, "送");
    assert_eq!(doc.closing.recipients.len(), 7);
    assert_eq!(doc.closing.editors, ["石韧", "谢峥嵘"]);
    assert_eq!(doc.closing.approval.as_deref(), Some("湘党简准字〔2000〕第28号"));
}

#[test]
fn issues_folder_builds_the_same_document_as_the_example() {
    let example = repo_issue("examples/lianluo-2021-04/issue.toml");
    let split = repo_issue("issues/2021/04/issue.toml");
    let (Some(example), Some(split)) = (example, split) else {
        return;
    };
    assert!(split.series_file.is_some(), "issues/series.toml was not merged");
    assert_eq!(from_issue(&split), from_issue(&example));
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
    (scratch.0.clone(), from_issue(&issue))
}

const ISSUE: &str = "[issue]\nnumber = 12\ndate = 2021-11-05\n\n[[article]]\ntitle = \"题\"\nbody = \"　　甲\\n乙。\\n\\n**丙。**丁\"\n";

#[test]
fn defaults_and_inline_body() {
    let series = "[series]\ntitle = \"联络动态\"\npublisher = \"编\"\n";
    let (_, doc) = build("defaults", &format!("{series}{ISSUE}"), None);
    assert_eq!(doc.masthead.number, "第12期");
    assert_eq!(doc.masthead.total, None);
    assert_eq!(doc.masthead.pinyin, None);
    assert_eq!(doc.masthead.date, "2021年11月5日");
    assert_eq!(doc.layout, DEFAULT_LAYOUT);
    assert_eq!(doc.closing.label, "送");
    assert!(doc.closing.recipients.is_empty() && doc.closing.editors.is_empty());
    let article = &doc.articles[0];
    assert_eq!(article.credit, None);
    let runs: Vec<(&str, bool)> =
        article.paragraphs.iter().flat_map(|p| p.runs.iter().map(|r| (r.text.as_str(), r.bold))).collect();
    assert_eq!(runs, [("甲乙。", false), ("丙。", true), ("丁", false)]);
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
    assert_eq!(doc.masthead.total.as_deref(), Some("（总第一百一十二期）"));
}
