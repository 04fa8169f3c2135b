//! Bad input, one row each: the exit status, the message, the file, line and column it names,
//! that a PDF already at the output path is left exactly as it was, that no temporary file is
//! left, and a time bound that a hang would break (the program is killed past it).

mod bad_cases;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The time any one case may take: about 30 times the slowest case's time in a release build
/// (0.5 s for the six-column and 2 MiB issues), 10 times more in a debug build. A hang, or a
/// cost that grows faster than the input, breaks it.
fn time_bound() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 300 } else { 30 })
}

/// A valid issue; each case edits it.
const MANIFEST: &str = r#"[series]
title = "联络动态"
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
recipients = ["全国人大常委会办公厅联络局"]

[colophon]
editors = ["石韧", "谢峥嵘"]
"#;

/// The article `a.md`.
const ARTICLE: &str = "**聚焦主题主线。**长沙市人大常委会开展代表活动。\n\n第二段正文。\n";

/// The built-in two-column layout, for cases that edit a layout of their own.
const LAYOUT: &str = include_str!("../layouts/two-column.toml");

/// What an existing PDF at the output path holds before a failed build.
const EARLIER: &[u8] = b"%PDF-1.6 an earlier build, to be kept";

/// One bad input.
struct Case {
    /// A name for the failure message.
    name: &'static str,
    /// Files written over the valid issue: (path in the folder, contents).
    files: Vec<(&'static str, Vec<u8>)>,
    /// Words the message must contain.
    says: &'static str,
    /// The file (its name's end), line and column the message names; `None` for a whole file.
    at: Option<(&'static str, usize, usize)>,
    /// The file named when there is no position.
    file: &'static str,
    /// The exit status: 1 for bad input, 0 for an input that must build despite looking odd.
    status: i32,
    /// What to make in the folder beyond plain files (a pipe, a link, a huge sparse file).
    setup: Option<fn(&Path)>,
    /// The output's file name in the folder.
    out: &'static str,
}

/// The manifest with `from` replaced by `to`.
fn manifest(from: &str, to: &str) -> Vec<u8> {
    assert!(MANIFEST.contains(from), "{from}");
    MANIFEST.replacen(from, to, 1).into_bytes()
}

/// The manifest asking for the layout file `my.toml`.
fn with_layout() -> (&'static str, Vec<u8>) {
    ("issue.toml", manifest("publisher = ", "layout = \"my.toml\"\npublisher = "))
}

/// The two-column layout with `from` replaced by `to`, as `my.toml`.
fn layout(from: &str, to: &str) -> (&'static str, Vec<u8>) {
    assert!(LAYOUT.contains(from), "{from}");
    ("my.toml", LAYOUT.replacen(from, to, 1).into_bytes())
}

/// The 1-based line of `LAYOUT` that starts with `prefix`.
fn layout_line(prefix: &str) -> usize {
    LAYOUT.lines().position(|l| l.starts_with(prefix)).map_or(0, |i| i + 1)
}

/// A case with a position.
fn at(
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    says: &'static str,
    pos: (&'static str, usize, usize),
) -> Case {
    Case { name, files, says, at: Some(pos), file: pos.0, status: 1, setup: None, out: "out.pdf" }
}

/// A case about a whole file.
fn whole(name: &'static str, files: Vec<(&'static str, Vec<u8>)>, says: &'static str, file: &'static str) -> Case {
    Case { name, files, says, at: None, file, status: 1, setup: None, out: "out.pdf" }
}

/// A case that must build (exit 0), its warnings containing `says`, within the time bound.
fn builds(name: &'static str, files: Vec<(&'static str, Vec<u8>)>, says: &'static str) -> Case {
    Case { name, files, says, at: None, file: "", status: 0, setup: None, out: "out.pdf" }
}

impl Case {
    /// The case with something made in its folder before the build.
    fn with_setup(mut self, setup: fn(&Path)) -> Case {
        self.setup = Some(setup);
        self
    }

    /// The case writing to another output name.
    fn writing(mut self, out: &'static str) -> Case {
        self.out = out;
        self
    }
}

fn cases() -> Vec<Case> {
    let m = |from: &str, to: &str| vec![("issue.toml", manifest(from, to))];
    let article = |bytes: &[u8]| vec![("a.md", bytes.to_vec())];
    let mut cases = bad_cases::cases();
    cases.extend(vec![
        at("TOML syntax", m("number = 4", "number = 4\n[colophon"), "", ("issue.toml", 7, 10)),
        at("unclosed string", m("title = \"长沙", "title = \"长沙\n"), "", ("issue.toml", 11, 12)),
        at("duplicate key", m("number = 4", "number = 4\nnumber = 5"), "duplicate key", ("issue.toml", 7, 1)),
        at(
            "unknown key with hint",
            m("recipients = [", "recipient = ["),
            "did you mean `recipients`?",
            ("issue.toml", 16, 1),
        ),
        at(
            "unknown top-level key",
            m("[series]", "pinyin = \"X\"\n[series]"),
            "belongs in the `[series]` table",
            ("issue.toml", 1, 1),
        ),
        at(
            "number as a string",
            m("number = 4", "number = \"4\""),
            "expected an integer, found string",
            ("issue.toml", 6, 10),
        ),
        at(
            "recipients not an array",
            m("recipients = [\"全国人大常委会办公厅联络局\"]", "recipients = \"甲\""),
            "expected an array",
            ("issue.toml", 16, 14),
        ),
        at("missing date", m("date = 2021-04-03\n", ""), "missing key `date` in `[issue]`", ("issue.toml", 5, 1)),
        at(
            "missing publisher",
            m("publisher = \"湖南省人大常委会选举任免联络工作委员会编\"\n", ""),
            "missing key `publisher`",
            ("issue.toml", 1, 1),
        ),
        at("date as a string", m("date = 2021-04-03", "date = \"2021-04-03\""), "not a string", ("issue.toml", 8, 8)),
        at("impossible date", m("date = 2021-04-03", "date = 2021-02-30"), "invalid date", ("issue.toml", 8, 8)),
        at(
            "date with a time",
            m("date = 2021-04-03", "date = 2021-04-03T08:00:00"),
            "without a time",
            ("issue.toml", 8, 8),
        ),
        at(
            "issue number 0",
            m("number = 4", "number = 0"),
            "`issue.number` must be at least 1, found 0",
            ("issue.toml", 6, 10),
        ),
        at(
            "negative issue number",
            m("number = 4", "number = -2"),
            "must be at least 1, found -2",
            ("issue.toml", 6, 10),
        ),
        at("total 0", m("total = 627", "total = 0"), "`issue.total` must be at least 1", ("issue.toml", 7, 9)),
        at(
            "article file missing",
            m("\"a.md\"", "\"articles/无.md\""),
            "article file `articles/无.md` not found",
            ("issue.toml", 13, 8),
        ),
        at("article file a folder", m("\"a.md\"", "\"sub\""), "is not a regular file", ("issue.toml", 13, 8)),
        at("article file a device", m("\"a.md\"", "\"/dev/zero\""), "is not a regular file", ("issue.toml", 13, 8)),
        at(
            "article not UTF-8",
            article(b"\xe6\xad\xa3\xe6\x96\x87\n\xe6\xad\xa3 caf\xe9\n"),
            "article file `a.md` is not UTF-8: byte 0xE9",
            ("a.md", 2, 6),
        ),
        at("article empty", article(b" \n\r\n"), "article file `a.md` is empty", ("issue.toml", 13, 8)),
        at(
            "article over the size limit",
            article(&vec![b'x'; (1 << 20) + 1]),
            "over the limit of 1 MiB per article",
            ("issue.toml", 13, 8),
        ),
        at(
            "both file and body",
            m("file = \"a.md\"", "file = \"a.md\"\nbody = \"正文\""),
            "has both `file` and `body`",
            ("issue.toml", 10, 1),
        ),
        at("neither file nor body", m("file = \"a.md\"\n", ""), "neither `file` nor `body`", ("issue.toml", 10, 1)),
        at(
            "empty title",
            m("title = \"长沙市开展代表活动\"", "title = \"  \""),
            "empty `title`",
            ("issue.toml", 11, 9),
        ),
        at("BEL in the article", article("甲乙\n\n丙丁\u{7}戊".as_bytes()), "U+0007 (BEL)", ("a.md", 3, 3)),
        at("old Mac line ends", article(b"\xe7\x94\xb2\r\xe4\xb9\x99\r"), "U+000D (carriage return)", ("a.md", 1, 2)),
        at(
            "vertical tab in a body",
            m("file = \"a.md\"", "body = \"\"\"\n第一段\u{b}换行\"\"\""),
            "U+000B (vertical tab)",
            ("issue.toml", 14, 4),
        ),
        at(
            "escaped control in a title",
            m("title = \"长沙市开展代表活动\"", "title = \"长沙\\u0007\""),
            "U+0007",
            ("issue.toml", 11, 9),
        ),
        at(
            "layout name unknown",
            m("publisher = ", "layout = \"two-colum\"\npublisher = "),
            "no layout named `two-colum`",
            ("issue.toml", 3, 10),
        ),
        at(
            "layout file missing",
            m("publisher = ", "layout = \"layouts/mine.toml\"\npublisher = "),
            "layout file",
            ("issue.toml", 3, 10),
        ),
        at(
            "grid wider than the page",
            vec![with_layout(), layout("column_chars = 21", "column_chars = 40")],
            "wider than the 210.0 mm page",
            ("my.toml", layout_line("column_chars"), 16),
        ),
        at(
            // The red rule, 20 pt thick, would cover the publisher and the date.
            "masthead rule over the publisher",
            vec![with_layout(), layout("rule_thickness = 2.0 ", "rule_thickness = 20.0")],
            "a rule would be drawn over 「湖南省人大常委会选举任免联络工作…」",
            ("my.toml", layout_line("rule_thickness = 2.0 "), 18),
        ),
        at(
            "font not found",
            vec![with_layout(), layout("regular = \"Noto Serif CJK SC\"", "regular = \"Noto Sans Nowhere\"")],
            "font `Noto Sans Nowhere`",
            ("my.toml", layout_line("regular = "), 11),
        ),
        at(
            "role with an unknown font key",
            vec![with_layout(), layout("font = \"regular\"", "font = \"regualr\"")],
            "no font `regualr` in [fonts]",
            ("my.toml", layout_line("[roles.body]") + 1, 8),
        ),
        at(
            "layout TOML syntax",
            vec![with_layout(), layout("[grid]", "[grid")],
            "",
            ("my.toml", layout_line("[grid]"), 6),
        ),
        at(
            "layout unknown key",
            vec![with_layout(), layout("gutter_chars = 2", "gutter = 2")],
            "unknown field `gutter`, expected one of `body_size`",
            ("my.toml", layout_line("gutter_chars"), 1),
        ),
        at(
            "layout key misspelt",
            vec![with_layout(), layout("indent_chars = 2", "indent_char = 2")],
            "did you mean `indent_chars`?",
            ("my.toml", layout_line("indent_chars"), 1),
        ),
        at(
            "manifest not UTF-8",
            vec![("issue.toml", b"[series]\ntitle = \"\xff\"\n".to_vec())],
            "is not UTF-8: byte 0xFF",
            ("issue.toml", 2, 10),
        ),
        whole(
            "page limit",
            vec![
                with_layout(),
                layout("top = 28.0", "top = 28.0\nmax_pages = 1"),
                ("a.md", "长沙市人大常委会开展代表活动。\n\n".repeat(120).into_bytes()),
            ],
            "but the layout allows 1 page",
            "issue.toml",
        ),
    ]);
    cases
}

/// A fresh folder holding the valid issue with `files` written over it.
fn folder(name: &str, files: &[(&str, Vec<u8>)]) -> PathBuf {
    let slug: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let dir = std::env::temp_dir().join(format!("jianbao-bad-{slug}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("scratch folder");
    std::fs::write(dir.join("issue.toml"), MANIFEST).expect("manifest");
    std::fs::write(dir.join("a.md"), ARTICLE).expect("article");
    for (path, bytes) in files {
        std::fs::create_dir_all(dir.join(path).parent().unwrap_or(&dir)).expect("case folder");
        std::fs::write(dir.join(path), bytes).expect("case file");
    }
    dir
}

/// Runs `jianbao` with arguments.
fn jianbao(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao")).args(args).output().expect("runs")
}

/// Runs `jianbao` with arguments, killing it past the time bound: its exit status (`None`
/// when killed) and standard error.
fn run_bounded(args: &[&Path]) -> (Option<i32>, String) {
    let err = tempfile_path("stderr");
    let file = std::fs::File::create(&err).expect("stderr file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(file)
        .spawn()
        .expect("runs");
    let deadline = Instant::now() + time_bound();
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    let _ = std::fs::remove_file(&err);
    (code, stderr)
}

/// A path for a scratch file of this test process, outside the cases' folders.
fn tempfile_path(what: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!("jianbao-bad-{what}-{}-{n}", std::process::id()))
}

/// The (file, line, column) of the first ` --> ` line; line and column 0 when absent.
fn location(stderr: &str) -> Option<(String, usize, usize)> {
    let place = stderr.lines().find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = place.rsplitn(3, ':');
    let (col, line, file) = (parts.next()?, parts.next(), parts.next());
    match (line.and_then(|l| l.parse().ok()), col.parse().ok(), file) {
        (Some(line), Some(col), Some(file)) => Some((file.to_string(), line, col)),
        _ => Some((place.to_string(), 0, 0)),
    }
}

#[test]
fn every_bad_input_fails_clearly_and_keeps_the_old_pdf() {
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let dir = folder(case.name, &case.files);
        if let Some(setup) = case.setup {
            setup(&dir);
        }
        let out = dir.join(case.out);
        std::fs::write(&out, EARLIER).expect("earlier PDF");
        let start = Instant::now();
        let (code, stderr) = run_bounded(&[Path::new("build"), &dir.join("issue.toml"), Path::new("-o"), &out]);
        let mut wrong = Vec::new();
        if start.elapsed() > time_bound() {
            wrong.push(format!("took {:.1} s, over the bound of {:?}", start.elapsed().as_secs_f64(), time_bound()));
        }
        if code != Some(case.status) {
            wrong.push(format!("exit status {code:?}, want {}", case.status));
        }
        if case.status != 0 && !stderr.starts_with("error: ") || !stderr.contains(case.says) {
            wrong.push(format!("message lacks {:?}", case.says));
        }
        if stderr.contains("panicked") {
            wrong.push("panicked".into());
        }
        let ok = case.status == 0;
        if ok && std::fs::read(&out).ok().is_none_or(|b| !b.starts_with(b"%PDF") || b == EARLIER) {
            wrong.push("no new PDF was written".into());
        }
        match (location(&stderr), case.at) {
            _ if ok => {}
            (Some((file, line, col)), Some((name, want_line, want_col))) => {
                if !file.ends_with(name) || (line, col) != (want_line, want_col) {
                    wrong.push(format!("at {file}:{line}:{col}, want {name}:{want_line}:{want_col}"));
                }
                if !stderr.contains(&format!("{line} | ")) || !stderr.contains('^') {
                    wrong.push("no source line with a caret".into());
                }
            }
            (Some((file, line, _)), None) => {
                if !file.ends_with(case.file) || line != 0 {
                    wrong.push(format!("names {file} line {line}, want the whole of {}", case.file));
                }
            }
            (None, _) => wrong.push("no --> location".into()),
        }
        if !ok && std::fs::read(&out).ok().as_deref() != Some(EARLIER) {
            wrong.push("the earlier PDF was changed".into());
        }
        if std::fs::read_to_string(dir.join("victim")).is_ok_and(|v| v != "keep") {
            wrong.push("a file behind a planted link was overwritten".into());
        }
        let temporary = |e: &std::fs::DirEntry| {
            e.file_name().to_string_lossy().ends_with(".tmp") && e.file_type().is_ok_and(|t| t.is_file())
        };
        let leftovers = std::fs::read_dir(&dir).map(|d| d.flatten().filter(temporary).count());
        if leftovers.unwrap_or(0) > 0 {
            wrong.push("a temporary file was left".into());
        }
        if wrong.is_empty() {
            let _ = std::fs::remove_dir_all(&dir);
        } else {
            failures.push(format!("{}: {}\n{stderr}", case.name, wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases wrong:\n\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn output_paths_that_cannot_be_written() {
    let dir = folder("output", &[]);
    let manifest = dir.join("issue.toml");
    let build = |out: &Path| jianbao(&[Path::new("build"), &manifest, Path::new("-o"), out]);
    let cases: [(PathBuf, &str); 4] = [
        (dir.join("no-such-folder/x.pdf"), "no-such-folder` does not exist"),
        (dir.join("sub"), "is a folder"),
        (manifest.clone(), "would overwrite the input file"),
        (dir.join("a.md"), "would overwrite the input file"),
    ];
    for (out, says) in cases {
        let output = build(&out);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{}: {stderr}", out.display());
        assert!(stderr.contains(says) && stderr.contains(&format!("--> {}", out.display())), "{stderr}");
    }
    assert_eq!(std::fs::read_to_string(&manifest).ok().as_deref(), Some(MANIFEST));
    assert_eq!(std::fs::read_to_string(dir.join("a.md")).ok().as_deref(), Some(ARTICLE));
}

#[test]
fn check_warns_but_succeeds_and_text_keeps_every_character() {
    let kept = "今天,我们开会\u{200B}讨论。全角１２３　数字，2021年\tA。";
    let dir = folder("warnings", &[("a.md", kept.as_bytes().to_vec())]);
    let manifest = dir.join("issue.toml");
    let output = jianbao(&[Path::new("check"), &manifest]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    for says in ["warning: ASCII `,`", "did you mean `，`?", "U+200B (zero width space)", "a tab inside a line"] {
        assert!(stderr.contains(says), "lacks {says}:\n{stderr}");
    }
    assert!(stderr.contains("a.md:1:3"), "{stderr}");
    let text = jianbao(&[Path::new("text"), &manifest]);
    let printed = String::from_utf8_lossy(&text.stdout);
    assert!(printed.contains(&kept.replace('\t', " ")), "{printed}");
    let build = jianbao(&[Path::new("build"), &manifest]);
    assert_eq!(build.status.code(), Some(0));
    // build reports what check reports.
    assert_eq!(String::from_utf8_lossy(&build.stderr), stderr, "build and check warn alike");
}

/// Every class of number in a layout file — page size, margin, grid, role size, tracking,
/// spacing, masthead position, rule, colour, folio — with nan, inf, a negative and a huge
/// value: exit 1, the key named at its line and column, an existing PDF left as it was.
#[test]
fn layout_numbers_out_of_range_fail_at_their_key_and_keep_the_old_pdf() {
    // (a line of LAYOUT to replace, the key the message names)
    let keys = [
        ("width = 210.0", "page.width"),
        ("top = 28.0", "page.top"),
        ("body_size = 10.5", "grid.body_size"),
        ("line_pitch = 17.5", "grid.line_pitch"),
        ("indent_chars = 2", "grid.indent_chars"),
        ("size = 15.0", "roles.title.size"),
        ("tracking = 0.35", "roles.masthead_title.tracking"),
        ("space_before = 1.0", "roles.title.space_before"),
        ("title_baseline = 4.6", "masthead.title_baseline"),
        ("rule_thickness = 2.0", "masthead.rule_thickness"),
        ("red = [0.0, 0.8, 0.8, 0.0]", "colors.red"),
        ("padding = 0.35", "closing.padding"),
        ("offset = 7.0", "folio.offset"),
    ];
    let mut failures = Vec::new();
    for (line, key) in keys {
        let (name, old) = line.split_once(" = ").expect("key = value");
        let number = LAYOUT.lines().position(|l| l.starts_with(line)).map_or(0, |i| i + 1);
        assert!(number > 0, "{line}");
        for value in ["nan", "inf", "-30.0", "1e9"] {
            let new = if old.starts_with('[') { format!("[0.0, {value}, 0.8, 0.0]") } else { value.to_string() };
            let files = vec![with_layout(), layout(line, &format!("{name} = {new}"))];
            let dir = folder(&format!("layout-{key}-{value}"), &files);
            let out = dir.join("out.pdf");
            std::fs::write(&out, EARLIER).expect("earlier PDF");
            let output = jianbao(&[Path::new("build"), &dir.join("issue.toml"), Path::new("-o"), &out]);
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            let at = location(&stderr);
            let column = name.chars().count() + 4;
            let fine = output.status.code() == Some(1)
                && stderr.contains(key)
                && stderr.contains("from ")
                && at.as_ref().is_some_and(|(f, l, c)| f.ends_with("my.toml") && *l == number && *c == column)
                && std::fs::read(&out).ok().as_deref() == Some(EARLIER)
                && !stderr.contains("panicked");
            if fine {
                let _ = std::fs::remove_dir_all(&dir);
            } else {
                failures.push(format!("{key} = {new} (want my.toml:{number}:{column}): {stderr}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} wrong:\n{}", failures.len(), failures.join("\n"));
}

/// `-o` naming the layout file or a font file the layout names is refused, and the file is
/// left as it was.
#[test]
fn output_over_the_layout_or_a_font_is_refused() {
    let dir = folder("output-inputs", &[with_layout()]);
    let manifest = dir.join("issue.toml");
    // The layout file itself.
    let my = dir.join("my.toml");
    std::fs::write(&my, LAYOUT).expect("layout");
    let output = jianbao(&[Path::new("build"), &manifest, Path::new("-o"), &my]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("would overwrite the input file"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&my).ok().as_deref(), Some(LAYOUT));
    // A font file the layout names, relative to the layout's folder (the repository's copy
    // of the bundled face).
    let repo_font = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSerifCJK-Regular.ttc");
    std::fs::copy(repo_font, dir.join("body.font")).expect("copy font");
    let edited = LAYOUT.replacen("regular = \"Noto Serif CJK SC\"", "regular = \"body.font#2\"", 1);
    std::fs::write(&my, &edited).expect("layout");
    let before = std::fs::read(dir.join("body.font")).expect("font");
    let output = jianbao(&[Path::new("build"), &manifest, Path::new("-o"), &dir.join("body.font")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("would overwrite the input file"), "{stderr}");
    assert_eq!(std::fs::read(dir.join("body.font")).ok(), Some(before));
    // The same layout builds elsewhere: the font path is relative to the layout, not to the
    // working folder.
    let out = dir.join("out.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .current_dir(std::env::temp_dir())
        .args([Path::new("build"), &manifest, Path::new("-o"), &out])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `check` names the series file it merged and the total with the line it comes from; with no
/// series file it says so.
#[test]
fn check_names_the_series_file_and_the_total() {
    let series = "[series]\ntitle = \"联络动态\"\n\n[totals]\n2021 = 623\n";
    let dir = folder("check-series", &[("issue.toml", manifest("total = 627\n", "")), ("series.toml", series.into())]);
    let output = jianbao(&[Path::new("check"), &dir.join("issue.toml")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains(&format!("series file: {}", dir.join("series.toml").display())), "{stdout}");
    assert!(stdout.contains("总第627期") && stdout.contains("2021 = 623"), "{stdout}");
    let alone = folder("check-no-series", &[]);
    let output = jianbao(&[Path::new("check"), &alone.join("issue.toml")]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("series file: none") && stdout.contains("total = 627"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&alone);
}

/// SIGINT and SIGTERM during a build: exit 130 and 143, the earlier PDF left as it was, no
/// temporary file left. A build that finishes before the signal arrives (or renames its PDF
/// into place just before) proves nothing, so the issue is made longer (the article repeated,
/// up to 1.9 MB in all) and the signal sent again.
#[test]
fn an_interrupted_build_exits_130_or_143_and_keeps_the_old_pdf() {
    let long = "长沙市人大常委会开展代表联络站活动共接待群众人次收集意见建议整理形成报告。\n\n".repeat(2000);
    let entry = "[[article]]\ntitle = \"长沙市开展代表活动\"\nfile = \"a.md\"\n\n[distribution]";
    for (signal, want) in [("INT", 130), ("TERM", 143)] {
        let interrupted = [1, 3, 5, 7].into_iter().any(|copies| {
            let more = format!("{}[distribution]", entry.replace("[distribution]", "").repeat(copies));
            let files = [("a.md", long.clone().into_bytes()), ("issue.toml", manifest("[distribution]", &more))];
            let dir = folder(&format!("signal-{signal}"), &files);
            let out = dir.join("out.pdf");
            std::fs::write(&out, EARLIER).expect("earlier PDF");
            let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
                .args([Path::new("build"), &dir.join("issue.toml"), Path::new("-o"), &out])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("runs");
            std::thread::sleep(Duration::from_millis(200));
            if child.try_wait().is_ok_and(|done| done.is_some()) {
                let _ = std::fs::remove_dir_all(&dir);
                return false;
            }
            let sent = Command::new("kill").args(["-s", signal, &child.id().to_string()]).status();
            assert!(sent.is_ok_and(|s| s.success()), "kill -s {signal}");
            let status = child.wait().expect("waits");
            if status.code() == Some(0) {
                let _ = std::fs::remove_dir_all(&dir);
                return false;
            }
            assert_eq!(status.code(), Some(want), "SIG{signal}");
            let now = std::fs::read(&out).unwrap_or_default();
            if now != EARLIER {
                // The signal came after the new PDF was renamed into place: then the file must
                // be the whole new PDF (nothing half written), and this try proves nothing.
                assert!(
                    now.starts_with(b"%PDF-") && now.trim_ascii_end().ends_with(b"%%EOF"),
                    "SIG{signal} changed the PDF"
                );
                let _ = std::fs::remove_dir_all(&dir);
                return false;
            }
            let left: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
            assert!(left.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")), "{left:?}");
            let _ = std::fs::remove_dir_all(&dir);
            true
        });
        assert!(
            interrupted,
            "every build (up to eight articles of 230 KB) finished within 200 ms, before SIG{signal} could be sent"
        );
    }
}

/// The English left in a message line printed for a Chinese reader: runs of three or more
/// English words, once what the editor typed or named is taken out (quoted spans, file
/// paths, character codes, the source line and its caret).
fn english_in(line: &str) -> Option<String> {
    let t = line.trim_start();
    if t.starts_with("--> ")
        || t.starts_with("jianbao ")
        || t.starts_with('|')
        || t.split_once(" | ").is_some_and(|(n, _)| n.trim().parse::<usize>().is_ok())
    {
        return None;
    }
    let mut kept = String::new();
    let mut closing: Option<char> = None;
    for c in t.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '「' => closing = Some('」'),
                '\'' => closing = Some('\''),
                '"' => closing = Some('"'),
                _ => kept.push(c),
            },
        }
    }
    // Three words in a row, separated by spaces only, make English; a word touching Chinese
    // text or a mark (a name such as TrueType、OpenType) does not.
    let mut run = 0;
    for token in kept.split(' ') {
        let word = token.trim_end_matches([',', '.', ';', ':', '?', '!']);
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            run += 1;
            if run >= 3 {
                return Some(line.to_string());
            }
        } else if !token.is_empty() {
            run = 0;
        }
    }
    None
}

#[test]
fn every_bad_input_is_told_in_chinese_with_lang_zh() {
    // The detector finds English and passes Chinese with names, paths and the source line.
    assert!(english_in("error: the issue has no articles").is_some());
    assert!(english_in("  = hint: did you mean `title`?").is_some());
    assert!(english_in("错误[JB0108]：本期没有文章").is_none());
    assert!(english_in(" --> /tmp/a b c d/issue.toml:3:1").is_none());
    assert!(english_in("3 | title = \"the quick brown fox\"").is_none());
    let cases = cases();
    let mut english = Vec::new();
    let mut codes = 0;
    for case in &cases {
        let dir = folder(&format!("zh-{}", case.name), &case.files);
        if let Some(setup) = case.setup {
            setup(&dir);
        }
        let out = dir.join(case.out);
        let args =
            [Path::new("build"), &dir.join("issue.toml"), Path::new("-o"), &out, Path::new("--lang"), Path::new("zh")];
        let (_, stderr) = run_bounded(&args);
        if case.status != 0 {
            assert!(stderr.starts_with("错误"), "{}: the label is Chinese: {stderr}", case.name);
            codes += usize::from(stderr.starts_with("错误[JB"));
        }
        english.extend(stderr.lines().filter_map(english_in).map(|l| format!("{}: {l}", case.name)));
        let _ = std::fs::remove_dir_all(&dir);
    }
    let failing = cases.iter().filter(|c| c.status != 0).count();
    eprintln!("{codes} of {failing} errors matched a catalogue entry (have a code)");
    assert!(english.is_empty(), "{} lines still in English:\n{}", english.len(), english.join("\n"));
    assert!(codes * 10 >= failing * 9, "only {codes} of {failing} errors have a code");
}

/// Runs jianbao with `args` in `dir` under `LANG=zh_CN.UTF-8` (no `--lang`): standard output
/// and standard error.
fn in_chinese(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn commands_usage_errors_help_and_summaries_are_in_chinese_under_a_chinese_locale() {
    let dir = folder("zh-commands", &[("plain.txt", b"text".to_vec()), ("empty/.keep", Vec::new())]);
    let issue = dir.join("issue.toml").display().to_string();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &issue],
        vec!["check", &issue, "--pages", "1"],
        vec!["build", &issue, "-o", "out.pdf"],
        vec!["build", &issue, "-o", "out.ofd"],
        vec!["preview", &issue, "-o", "pngs", "--dpi", "20"],
        vec!["build", "missing.toml"],
        vec!["import", "missing.docx"],
        vec!["import", "plain.txt"],
        vec!["new", "empty"],
        vec!["new", "nowhere"],
        vec!["batch", "empty", "-o", "batch-out"],
        vec!["batch", ".", "-o", "batch-all"],
        vec!["build", "--foo"],
        vec!["buidl"],
        vec!["build"],
        vec!["preview", &issue, "-o", "pngs", "--dpi", "abc"],
        vec!["build", &issue, "--standard", "pdfx"],
        vec!["check", &issue, "--pages", "0"],
        vec!["build", &issue, "--bleed", "3furlongs"],
        vec!["--help"],
        vec!["build", "--help"],
        vec!["check", "--help"],
        vec!["new", "--help"],
        vec!["watch", "--help"],
        vec!["import", "--help"],
        vec!["preview", "--help"],
        vec!["batch", "--help"],
    ];
    let mut english = Vec::new();
    for args in &runs {
        let said = in_chinese(&dir, args);
        assert!(!said.trim().is_empty(), "{args:?} says something");
        english.extend(said.lines().filter_map(english_in).map(|l| format!("{}: {l}", args.join(" "))));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(english.is_empty(), "{} lines still in English:\n{}", english.len(), english.join("\n"));
}
