//! Tests of loading and validating manifests, each on files in a fresh temporary folder.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A temporary folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let name = format!("jianbao-manifest-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch folder");
        Scratch(dir)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create folder");
        }
        std::fs::write(&path, bytes).expect("write file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const SERIES: &str = "[series]\ntitle = \"联络动态\"\npublisher = \"湖南省人大常委会选举任免联络工作委员会编\"\n";
const ISSUE: &str = "[issue]\nnumber = 4\ntotal = 627\ndate = 2021-04-03\n";
const ARTICLE: &str = "[[article]]\ntitle = \"标题\"\nfile = \"a.md\"\n";

/// Loads `manifest` (with `a.md` holding some text) from a scratch folder.
fn load_text(manifest: &str) -> (Scratch, Result<Issue, Diagnostic>) {
    let scratch = Scratch::new();
    scratch.write("a.md", "正文。\n");
    let path = scratch.write("issue.toml", manifest);
    let result = load(&path);
    (scratch, result)
}

/// The error of loading `manifest`, as (message, line, column, hint).
fn error(manifest: &str) -> (String, usize, usize, Option<String>) {
    match load_text(manifest).1 {
        Ok(_) => panic!("expected an error for:\n{manifest}"),
        Err(d) => (d.message, d.line, d.column, d.hint),
    }
}

#[test]
fn loads_a_minimal_issue() {
    let (_s, issue) = load_text(&format!("{SERIES}{ISSUE}{ARTICLE}"));
    let issue = issue.expect("valid manifest");
    assert_eq!(*issue.number.get_ref(), 4);
    assert_eq!(issue.total.map(|t| (t.value, t.origin)), Some((627, Origin::Manifest)));
    assert_eq!(*issue.date.get_ref(), Date { year: 2021, month: 4, day: 3 });
    assert_eq!(issue.articles[0].text, "正文。\n");
    assert!(matches!(issue.articles[0].origin, TextOrigin::File { .. }));
}

#[test]
fn unknown_key_with_hint() {
    let text = format!("{SERIES}{ISSUE}{ARTICLE}[distribution]\nrecipient = [\"甲\"]\n");
    let (message, line, column, hint) = error(&text);
    assert_eq!(message, "unknown key `recipient` in `[distribution]`");
    assert_eq!((line, column), (12, 1));
    assert_eq!(hint.as_deref(), Some("did you mean `recipients`?"));
}

#[test]
fn unknown_key_that_belongs_elsewhere() {
    let (message, line, column, hint) = error(&format!("pinyin = \"X\"\n{SERIES}"));
    assert_eq!(message, "unknown key `pinyin` at the top level of the manifest");
    assert_eq!((line, column), (1, 1));
    assert_eq!(hint.as_deref(), Some("`pinyin` belongs in the `[series]` table"));
}

#[test]
fn unknown_key_column_counts_characters() {
    let text = format!("{SERIES}[issue]\nnumber = 4\ndate = 2021-04-03\nfoo = 1 # 注释\n{ARTICLE}");
    let (message, line, column, _) = error(&text);
    assert_eq!(message, "unknown key `foo` in `[issue]`");
    assert_eq!((line, column), (7, 1));
    let text = format!("{SERIES}{ISSUE}[[article]]\ntitle = \"标题\"\nfile = \"a.md\"\n  titel = \"x\"\n");
    let (_, line, column, hint) = error(&text);
    assert_eq!((line, column), (11, 3));
    assert_eq!(hint.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn wrong_type() {
    let text = format!("{SERIES}[issue]\nnumber = \"4\"\ndate = 2021-04-03\n{ARTICLE}");
    let (message, line, column, _) = error(&text);
    assert_eq!(message, "wrong type: expected an integer, found string \"4\"");
    assert_eq!((line, column), (5, 10));
    let text = format!("{SERIES}{ISSUE}[[article]]\ntitle = 标题\n");
    let (_, line, column, _) = error(&text);
    assert_eq!((line, column), (9, 9));
}

#[test]
fn missing_required_key() {
    let text = format!("{SERIES}[issue]\nnumber = 4\n{ARTICLE}");
    let (message, line, column, _) = error(&text);
    assert_eq!(message, "missing key `date` in `[issue]`");
    assert_eq!((line, column), (4, 1));
    let (message, line, column, _) = error(&format!("{SERIES}{ARTICLE}"));
    assert_eq!(message, "missing the `[issue]` table");
    assert_eq!((line, column), (1, 1));
}

#[test]
fn number_and_total_at_least_one() {
    let text = format!("{SERIES}[issue]\nnumber = 0\ndate = 2021-04-03\n{ARTICLE}");
    let (message, line, column, _) = error(&text);
    assert_eq!(message, "`issue.number` must be at least 1, found 0");
    assert_eq!((line, column), (5, 10));
    let text = format!("{SERIES}[issue]\nnumber = 1\ntotal = -3\ndate = 2021-04-03\n{ARTICLE}");
    let (message, line, column, _) = error(&text);
    assert_eq!(message, "`issue.total` must be at least 1, found -3");
    assert_eq!((line, column), (6, 9));
}

#[test]
fn bad_dates() {
    let with = |date: &str| format!("{SERIES}[issue]\nnumber = 4\ndate = {date}\n{ARTICLE}");
    let (message, line, column, hint) = error(&with("\"2021-04-03\""));
    assert_eq!(message, "`issue.date` must be a TOML date, not a string");
    assert_eq!((line, column), (6, 8));
    assert!(hint.is_some_and(|h| h.contains("date = 2021-04-03")));
    let (message, line, column, _) = error(&with("2021-04-03T08:00:00"));
    assert_eq!(message, "`issue.date` must be a date without a time");
    assert_eq!((line, column), (6, 8));
    let (message, ..) = error(&with("2021-04-03T08:00:00+08:00"));
    assert_eq!(message, "`issue.date` must be a date without a time");
    let (message, line, column, _) = error(&with("20210403"));
    assert_eq!(message, "`issue.date` must be a TOML date, found integer");
    assert_eq!((line, column), (6, 8));
    let (message, line, column, _) = error(&with("2021-02-30"));
    assert!(message.contains("invalid date"), "{message}");
    assert_eq!((line, column), (6, 8));
}

#[test]
fn both_file_and_body() {
    let text = format!("{SERIES}{ISSUE}{ARTICLE}\n[[article]]\ntitle = \"乙\"\nfile = \"a.md\"\nbody = \"正文\"\n");
    let (message, line, column, hint) = error(&text);
    assert_eq!(message, "article 2 has both `file` and `body`");
    assert_eq!((line, column), (12, 1));
    assert!(hint.is_some());
    let text = format!("{SERIES}{ISSUE}[[article]]\ntitle = \"甲\"\n");
    let (message, line, column, _) = error(&text);
    assert_eq!(message, "article 1 has neither `file` nor `body`");
    assert_eq!((line, column), (8, 1));
}

#[test]
fn inline_body() {
    let text = format!("{SERIES}{ISSUE}[[article]]\ntitle = \"甲\"\nbody = \"正文。\"\n");
    let issue = load_text(&text).1.expect("valid manifest");
    assert_eq!(issue.articles[0].text, "正文。");
    let (message, line, column, _) = error(&text.replace("正文。", " "));
    assert_eq!(message, "article 1 has an empty `body`");
    assert_eq!((line, column), (10, 8));
}

#[test]
fn no_articles() {
    let (message, line, column, _) = error(&format!("{SERIES}{ISSUE}"));
    assert_eq!(message, "the issue has no articles");
    assert_eq!((line, column), (4, 1));
    let (_, line, column, _) = error(&format!("{SERIES}{ISSUE}article = []\n"));
    assert_eq!((line, column), (8, 1));
}

#[test]
fn missing_article_file() {
    let text = format!("{SERIES}{ISSUE}[[article]]\ntitle = \"甲\"\nfile = \"articles/无.md\"\n");
    let (message, line, column, hint) = error(&text);
    assert_eq!(message, "article file `articles/无.md` not found");
    assert_eq!((line, column), (10, 8));
    assert!(hint.is_some_and(|h| h.contains("articles/无.md")));
}

#[test]
fn empty_and_non_utf8_article_files() {
    let scratch = Scratch::new();
    scratch.write("empty.md", " \n\n");
    scratch.write("latin1.md", b"\xe6\xad\xa3\xe6\x96\x87\n\xe6\xad\xa3 caf\xe9\n");
    let article = |file: &str| format!("{SERIES}{ISSUE}[[article]]\ntitle = \"甲\"\nfile = \"{file}\"\n");
    let path = scratch.write("issue.toml", article("empty.md"));
    let d = load(&path).expect_err("empty article file is an error");
    assert_eq!(d.message, "article file `empty.md` is empty");
    assert_eq!((d.line, d.column), (10, 8));
    let path = scratch.write("issue.toml", article("latin1.md"));
    let d = load(&path).expect_err("non-UTF-8 article file is an error");
    assert_eq!(d.message, "article file `latin1.md` is not UTF-8: byte 0xE9 cannot start or continue a character");
    assert!(d.file.ends_with("latin1.md"), "{}", d.file.display());
    assert_eq!((d.line, d.column), (2, 6));
}

#[test]
fn unreadable_manifest_names_the_file() {
    let scratch = Scratch::new();
    let path = scratch.0.join("missing.toml");
    let d = load(&path).expect_err("missing manifest is an error");
    assert_eq!(d.file, path);
    assert_eq!(d.line, 0);
    assert!(d.message.starts_with("cannot read"), "{}", d.message);
}

#[test]
fn series_file_merge_and_total() {
    let scratch = Scratch::new();
    let series = format!("total_offset = 600\n\n{SERIES}pinyin = \"LIANLUODONGTAI\"\n\n[totals]\n2021 = 623\n");
    scratch.write("series.toml", series);
    scratch.write("2021/04/a.md", "正文。");
    let own = "[series]\ntitle = \" 联络动态\"\n\n[issue]\nnumber = 4\ndate = 2021-04-03\n";
    let path = scratch.write("2021/04/issue.toml", format!("{own}{ARTICLE}"));
    let issue = load(&path).expect("valid issue with series file");
    assert_eq!(issue.series.title.value, " 联络动态");
    assert_eq!(issue.series.title.origin, Origin::Manifest);
    assert_eq!(issue.series.publisher.origin, Origin::Series);
    assert_eq!(issue.series.pinyin.as_ref().map(|p| p.value.as_str()), Some("LIANLUODONGTAI"));
    let total = issue.total.clone().expect("derived total");
    assert_eq!((total.value, total.origin), (627, Origin::Series));
    let d = issue.diagnostic(total.origin, total.span, "here");
    assert_eq!((d.line, d.column), (9, 8));

    let other_year = own.replace("2021-04-03", "2022-01-10").replace("number = 4", "number = 1");
    let path = scratch.write("2021/04/issue.toml", format!("{other_year}{ARTICLE}"));
    let total = load(&path).expect("valid").total.expect("derived total");
    assert_eq!(total.value, 601);

    let given = own.replace("number = 4", "number = 4\ntotal = 700");
    let path = scratch.write("2021/04/issue.toml", format!("{given}{ARTICLE}"));
    let total = load(&path).expect("valid").total.expect("given total");
    assert_eq!((total.value, total.origin), (700, Origin::Manifest));
}

#[test]
fn series_file_errors() {
    let scratch = Scratch::new();
    scratch.write("a.md", "正文。");
    let path = scratch.write("issue.toml", format!("{ISSUE}{ARTICLE}"));
    let series = scratch.write("series.toml", "[series]\ntitle = \"联络动态\"\n\n[totals]\ny2021 = 623\n");
    let d = load(&path).expect_err("bad [totals] key");
    assert_eq!(d.file, series);
    assert_eq!(d.message, "`[totals]` keys are years, found `y2021`");
    assert_eq!((d.line, d.column), (5, 1));
    scratch.write("series.toml", "total_ofset = 1\n[series]\ntitle = \"联络动态\"\n");
    let d = load(&path).expect_err("unknown key in series file");
    assert_eq!(d.message, "unknown key `total_ofset` at the top level of the series file");
    assert_eq!(d.hint.as_deref(), Some("did you mean `total_offset`?"));
    assert_eq!((d.line, d.column), (1, 1));
    scratch.write("series.toml", "[series]\ntitle = \"联络动态\"\ntotal_offset = 1\n");
    let d = load(&path).expect_err("offset inside [series]");
    assert_eq!(d.message, "unknown key `total_offset` in `[series]`");
    let hint = "`total_offset` belongs at the top level, above the first `[table]`";
    assert_eq!(d.hint.as_deref(), Some(hint));
    assert_eq!((d.line, d.column), (3, 1));
    scratch.write("series.toml", "[series]\ntitle = \"联络动态\"\n");
    let d = load(&path).expect_err("no publisher anywhere");
    assert_eq!(d.hint.as_deref().map(|h| h.contains("series.toml")), Some(true));
    assert_eq!(d.message, "missing key `publisher` in `[series]`");
    assert_eq!((d.file.as_path(), d.line, d.column), (series.as_path(), 1, 1));
}

#[test]
fn loads_the_example_issue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lianluo-2021-04/issue.toml");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let issue = load(&path).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(issue.articles.len(), 2);
    assert_eq!(issue.total.map(|t| t.value), Some(627));
    assert!(issue.articles.iter().all(|a| a.text.contains("**")));
}
