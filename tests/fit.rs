//! The fit contract, read back from the PDF: a value too long for its slot either fails the
//! build with a located message (exit 1, file:line:column of the value) or builds with every
//! glyph inside the type area (page numbers below it) and no two text runs over each other.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::pdfread::{self, DrawnRun};

/// A valid issue; each case edits it.
const MANIFEST: &str = r#"[series]
title = "联络动态"
pinyin = "LIANLUODONGTAI"
publisher = "湖南省人大常委会选举任免联络工作委员会编"

[issue]
number = 4
total = 627
date = 2021-04-03

[[article]]
title = "长沙市开展代表活动"
source = "长沙市人大常委会联工委"
file = "a.md"

[distribution]
label = "送"
recipients = ["全国人大常委会办公厅联络局", "各市州人大常委会联工委"]

[colophon]
editors = ["石韧", "谢峥嵘"]
phone = "0731—85309270"
email = "hnrlddt@163.com"
approval = "湘党简准字〔2000〕第28号"
"#;

/// The article.
const ARTICLE: &str =
    "**聚焦主题主线。**长沙市人大常委会开展代表活动，组织代表深入基层。\n\n第二段正文，各地积极响应。\n";

/// A fresh folder holding the issue with `from` replaced by `to` in the manifest.
fn issue(name: &str, from: &str, to: &str) -> PathBuf {
    assert!(MANIFEST.contains(from), "{from}");
    let dir = std::env::temp_dir().join(format!("jianbao-fit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("issue.toml"), MANIFEST.replacen(from, to, 1)).expect("manifest");
    std::fs::write(dir.join("a.md"), ARTICLE).expect("article");
    dir
}

/// What a build did.
enum Outcome {
    /// Exit 0: the PDF.
    Built(Vec<u8>),
    /// Exit 1: the message.
    Failed(String),
}

/// Builds the issue in `dir` to `dir/out.pdf`.
fn build(dir: &Path) -> Outcome {
    let out = dir.join("out.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .arg("build")
        .arg(dir.join("issue.toml"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run jianbao");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    match output.status.code() {
        Some(0) => Outcome::Built(std::fs::read(&out).expect("the PDF")),
        Some(1) => {
            assert!(!out.exists(), "a failed build writes nothing");
            Outcome::Failed(stderr)
        }
        other => panic!("exit {other:?}: {stderr}"),
    }
}

/// The two-column type area in PDF user space: left, right, bottom, top.
fn type_area() -> (f64, f64, f64, f64) {
    let l = jianbao::layout::load("two-column").expect("layout");
    let page_height = jianbao::units::mm(l.page.height);
    let top = page_height - l.type_top();
    (l.type_left(), l.type_left() + l.type_width(), top - l.type_height(), top)
}

/// The em box of a run: bottom and top y (the bundled faces: 0.12 and 0.88 em).
fn em(run: &DrawnRun) -> (f64, f64) {
    (run.baseline - 0.12 * run.size, run.baseline + 0.88 * run.size)
}

/// Whether a run is a page number — N —.
fn is_folio(run: &DrawnRun) -> bool {
    run.text.starts_with('—') && run.text.ends_with('—') && run.text.chars().any(|c| c.is_ascii_digit())
}

/// Asserts that every glyph lies inside the type area (page numbers below it, inside the
/// page) and that no two runs are drawn over each other.
fn assert_clean(pdf: &[u8], case: &str) {
    let (left, right, bottom, top) = type_area();
    let tol = 0.5;
    for page in 0..pdfread::page_count(pdf) {
        let runs = pdfread::drawn_runs(pdf, page);
        assert!(!runs.is_empty(), "{case}: page {} is empty", page + 1);
        for run in &runs {
            let (x0, mut x1) = run.extent();
            // A closing or pause mark at a line end is set at half width: its blank half may
            // lie past the edge (the PDF keeps the glyph's full advance).
            if let (Some(&(start, end)), Some(last)) = (run.glyphs.last(), run.text.chars().last())
                && "，。、；：？！）》」』】〕”’".contains(last)
            {
                x1 = x1
                    .max(end)
                    .min(start + 0.5 * (end - start))
                    .max(run.glyphs.iter().map(|g| g.1).rev().nth(1).unwrap_or(start));
            }
            let (y0, y1) = em(run);
            if is_folio(run) {
                assert!(x0 >= 0.0 && x1 <= 595.3 && y0 >= 0.0 && y1 < bottom, "{case}: folio {run:?}");
                continue;
            }
            let inside = x0 >= left - tol && x1 <= right + tol && y0 >= bottom - tol && y1 <= top + tol;
            assert!(
                inside,
                "{case}: page {}: 「{}」 outside the type area: x {x0:.1}–{x1:.1}, y {y0:.1}–{y1:.1}",
                page + 1,
                run.text
            );
        }
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                let across = a.extent().1.min(b.extent().1) - a.extent().0.max(b.extent().0);
                let up = em(a).1.min(em(b).1) - em(a).0.max(em(b).0);
                let same_line = (a.baseline - b.baseline).abs() < 0.01;
                let allowed = if same_line { 0.55 * a.size.max(b.size) } else { tol };
                assert!(
                    !(across > allowed && up > tol),
                    "{case}: page {}: 「{}」 over 「{}」",
                    page + 1,
                    a.text,
                    b.text
                );
            }
        }
    }
}

/// Asserts a located failure: `error: …` naming `says`, and `--> issue.toml:LINE:COLUMN` at
/// the line holding `at`.
fn assert_located(message: &str, says: &str, at: &str, case: &str) {
    assert!(message.starts_with("error: ") && message.contains(says), "{case}: {message}");
    let line = MANIFEST.lines().position(|l| l.contains(at)).map_or(0, |i| i + 1);
    let location = message.lines().find(|l| l.trim_start().starts_with("-->")).unwrap_or("");
    assert!(location.contains(&format!("issue.toml:{line}:")), "{case}: expected line {line}: {message}");
}

/// A case: name, the text to replace, its replacement, and for a required failure what the
/// message says and the key whose line it must point at (`None`: the build may succeed, and
/// then the PDF is checked; or fail, located at the value).
type Case<'a> = (&'a str, &'a str, String, Option<(&'a str, &'a str)>);

#[test]
fn values_too_long_for_their_slots_fail_located_or_fit_inside() {
    let many = |n: usize| (0..n).map(|i| format!("\"第{i}个单位人大常委会办公室\"")).collect::<Vec<_>>().join(", ");
    let phone: String = "0731".chars().chain("85309270".chars().cycle().take(2996)).collect();
    let name: String = "石韧谢峥嵘".chars().cycle().take(2000).collect();
    let cases: Vec<Case> = vec![
        ("title-8", "title = \"联络动态\"", "title = \"联络动态联络动态\"".into(), None),
        ("title-13", "title = \"联络动态\"", "title = \"湖南省人大常委会联络动态简报\"".into(), None),
        (
            "publisher-40",
            "publisher = \"湖南省人大常委会选举任免联络工作委员会编\"",
            format!(
                "publisher = \"{}编\"",
                "湖南省人大常委会选举任免联络工作委员会".repeat(2).chars().take(39).collect::<String>()
            ),
            Some(("too long", "publisher = ")),
        ),
        (
            "approval-120",
            "approval = \"湘党简准字〔2000〕第28号\"",
            format!("approval = \"{}\"", "湘党简准字〔2000〕第28号".repeat(10).chars().take(120).collect::<String>()),
            None,
        ),
        (
            "groups-60",
            "recipients = [",
            format!("recipients = [{}, ", many(60)),
            Some(("closing block takes", "recipients = ")),
        ),
        (
            "groups-400",
            "recipients = [",
            format!("recipients = [{}, ", many(400)),
            Some(("closing block takes", "recipients = ")),
        ),
        ("phone-3000", "phone = \"0731—85309270\"", format!("phone = \"{phone}\""), None),
        ("editor-2000", "editors = [\"石韧\", \"谢峥嵘\"]", format!("editors = [\"{name}\"]"), None),
        (
            "label-100",
            "label = \"送\"",
            format!("label = \"{}\"", "送".repeat(100)),
            Some(("leaves no room", "label = ")),
        ),
    ];
    let mut failed = Vec::new();
    for (case, from, to, expect) in cases {
        let dir = issue(case, from, &to);
        match (build(&dir), expect) {
            (Outcome::Built(pdf), None) => assert_clean(&pdf, case),
            (Outcome::Failed(message), Some((says, at))) => assert_located(&message, says, at, case),
            (Outcome::Failed(message), None) => {
                // A failure is allowed too, if it is located at the value.
                let key = to.split(" = ").next().unwrap_or("");
                assert_located(&message, "", &format!("{key} = "), case);
                failed.push(case);
            }
            (Outcome::Built(pdf), Some(_)) => assert_clean(&pdf, case),
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    eprintln!("cases that failed with a located message rather than fitting: {failed:?}");
}
