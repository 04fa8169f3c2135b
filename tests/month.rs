//! The editor's month, as she runs it: `new` from the repository's series, a Word article in
//! a manifest, `watch` rebuilding after a save, `check --pages` copy-fitting, and messages in
//! Chinese. Each test works in a scratch folder of its own, so none depends on how many
//! issues the repository's archive holds.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Runs the built `jianbao` with arguments and, optionally, a locale.
fn jianbao_in(lang: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jianbao"));
    command.args(args).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    command.output().expect("runs")
}

/// Runs the built `jianbao` in an English locale.
fn jianbao(args: &[&str]) -> Output {
    jianbao_in(None, args)
}

/// Standard output and error as text.
fn texts(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A fresh scratch folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-month-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Copies a folder tree.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copied");
        }
    }
}

/// The repository's series with only its issue 2021/04 (whatever else the archive holds).
fn series(name: &str) -> PathBuf {
    let root = scratch(name).join("issues");
    std::fs::create_dir_all(root.join("2021")).expect("folder");
    std::fs::copy("issues/series.toml", root.join("series.toml")).expect("series file");
    copy_tree(Path::new("issues/2021/04"), &root.join("2021/04"));
    root
}

/// The printed text of an issue (`jianbao text`).
fn text(manifest: &Path) -> String {
    let out = jianbao(&["text", &manifest.display().to_string()]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    stdout
}

/// The 送 list of the repository's issue, as `text` prints it.
fn recipients(printed: &str) -> &str {
    let from = printed.find("送：").expect("a 送 list");
    &printed[from..printed[from..].find("责任编辑").map_or(printed.len(), |i| from + i)]
}

#[test]
fn new_makes_the_next_issue_and_the_first_of_a_new_year() {
    let root = series("new");
    let dir = root.display().to_string();
    let out = jianbao(&["new", &dir, "--date", "2021-05-08"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stdout}{stderr}");
    let may = root.join("2021/05/issue.toml");
    assert!(stdout.contains(&may.display().to_string()), "prints the path it made: {stdout}");
    let printed = text(&may);
    assert!(printed.contains("第5期（总第六百二十八期）"), "{printed}");
    assert!(printed.contains("2021年5月8日"), "{printed}");
    let april = text(&root.join("2021/04/issue.toml"));
    assert_eq!(recipients(&printed), recipients(&april), "the 送 list carries over");
    assert!(printed.contains("谢峥嵘"), "the colophon carries over");
    assert!(root.join("2021/05/articles/01.md").is_file(), "a placeholder article");
    let built = jianbao(&["check", &may.display().to_string()]);
    assert!(built.status.success(), "the new issue builds: {}", texts(&built).1);

    // A new year: number 1 again, the total running on from 628.
    let out = jianbao(&["new", &dir, "--date", "2022-01-06"]);
    assert!(out.status.success(), "{}", texts(&out).1);
    let printed = text(&root.join("2022/01/issue.toml"));
    assert!(printed.contains("第1期（总第六百二十九期）"), "{printed}");

    // Never over an existing folder.
    let before = std::fs::read(root.join("2022/01/issue.toml")).expect("written");
    let again = jianbao(&["new", &dir, "--date", "2022-01-20"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(texts(&again).1.contains("exists already"), "{}", texts(&again).1);
    assert_eq!(std::fs::read(root.join("2022/01/issue.toml")).expect("kept"), before);
    let names: Vec<_> =
        std::fs::read_dir(root.join("2022")).expect("folder").flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 1, "no scratch folder left: {names:?}");
}

/// An issue of one article whose `file` is `article`, in `dir`.
fn one_article_issue(dir: &Path, article: &str) -> PathBuf {
    let manifest = dir.join("issue.toml");
    let text = format!(
        "[series]\ntitle = \"联络动态\"\npublisher = \"湖南省人大常委会选举任免联络工作委员会编\"\n\n\
         [issue]\nnumber = 5\ndate = 2021-05-08\n\n[[article]]\ntitle = \"调研活动\"\nfile = \"{article}\"\n"
    );
    std::fs::write(&manifest, text).expect("manifest");
    manifest
}

#[test]
fn a_word_article_builds_to_the_same_text_as_its_import() {
    let word = scratch("docx-word");
    std::fs::copy("tests/data/docx/article.docx", word.join("article.docx")).expect("copied");
    let word_manifest = one_article_issue(&word, "article.docx");
    let plain = scratch("docx-plain");
    let import =
        jianbao(&["import", "tests/data/docx/article.docx", "-o", &plain.join("article.md").display().to_string()]);
    assert!(import.status.success(), "{}", texts(&import).1);
    assert!(plain.join("images/image1.png").is_file(), "the picture is extracted beside the text");
    let plain_manifest = one_article_issue(&plain, "article.md");
    let (from_word, from_text) = (text(&word_manifest), text(&plain_manifest));
    assert_eq!(from_word, from_text);
    for kept in ["聚焦主题主线。", "一、总体要求", "（一）加强学习", "图1　调研组在企业察看生产线"]
    {
        assert!(from_word.contains(kept), "{kept}: {from_word}");
    }
    // The build draws the picture and warns, at the document, about the table.
    let pdf = word.join("issue.pdf");
    let built = jianbao(&["build", &word_manifest.display().to_string(), "-o", &pdf.display().to_string()]);
    let (stdout, stderr) = texts(&built);
    assert!(built.status.success(), "{stdout}{stderr}");
    assert!(stderr.contains("warning: table 1") && stderr.contains("article.docx"), "{stderr}");
    assert!(!word.join("images").exists(), "a build writes no picture files");
}

/// Lines from a child's standard output, read on a thread.
fn lines_of(child: &mut std::process::Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (at most a minute) for a line containing `what`.
fn wait_for(rx: &mpsc::Receiver<String>, what: &str) -> String {
    loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains(what) => return line,
            Ok(_) => {}
            Err(e) => panic!("no line with {what:?}: {e}"),
        }
    }
}

#[test]
fn watch_rebuilds_after_an_article_changes_and_stops_on_ctrl_c() {
    let dir = scratch("watch");
    copy_tree(Path::new("examples/lianluo-2021-04"), &dir);
    let (manifest, pdf, previews) = (dir.join("issue.toml"), dir.join("out.pdf"), dir.join("pages"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["watch", &manifest.display().to_string(), "-o", &pdf.display().to_string()])
        .args(["--preview", &previews.display().to_string(), "--dpi", "30"])
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let rx = lines_of(&mut child);
    wait_for(&rx, "rebuilt in");
    wait_for(&rx, "watching");
    let first = std::fs::read(&pdf).expect("the first build wrote the PDF");
    assert!(previews.join("page-1.png").is_file());

    let article = dir.join("articles/01-changsha.md");
    let text = std::fs::read_to_string(&article).expect("article");
    std::fs::write(&article, format!("{text}\n补充一段新的内容，看它是否重排。\n")).expect("saved");
    wait_for(&rx, "rebuilt in");
    assert_ne!(std::fs::read(&pdf).expect("rebuilt"), first, "the PDF shows the change");

    // A broken manifest: an error, and the last good PDF kept.
    let good = std::fs::read(&pdf).expect("rebuilt");
    let manifest_text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(&manifest, manifest_text.replace("number = 4", "number = ")).expect("saved");
    wait_for(&rx, "failed in");
    assert_eq!(std::fs::read(&pdf).expect("kept"), good);

    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill runs");
    assert!(kill.success());
    wait_for(&rx, "stopped");
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(0), "Ctrl-C exits cleanly");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "no temporary files: {left:?}");
}

/// The example issue with `extra` more paragraphs in its second article.
fn example_with(dir: &Path, extra: &str) -> PathBuf {
    copy_tree(Path::new("examples/lianluo-2021-04"), dir);
    let article = dir.join("articles/02-yiyang.md");
    let text = std::fs::read_to_string(&article).expect("article");
    std::fs::write(&article, format!("{text}\n{extra}")).expect("written");
    dir.join("issue.toml")
}

/// `check --pages N` on a manifest: status, standard output and error.
fn check_pages(manifest: &Path, pages: &str) -> (Option<i32>, String, String) {
    let out = jianbao(&["check", &manifest.display().to_string(), "--pages", pages]);
    let (stdout, stderr) = texts(&out);
    (out.status.code(), stdout, stderr)
}

/// The pages `check` lays an issue out on.
fn pages_of(stdout: &str) -> usize {
    let words: Vec<&str> = stdout.split_whitespace().collect();
    words.iter().rev().nth(1).and_then(|n| n.parse().ok()).expect("a page count")
}

#[test]
fn check_pages_counts_the_lines_to_cut() {
    // One page too short: the two-page example on one page.
    let (code, stdout, stderr) = check_pages(Path::new("examples/lianluo-2021-04/issue.toml"), "1");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(pages_of(&stdout), 2);
    assert!(stderr.starts_with("warning: does not fit 1 page: 2 pages, cut "), "{stderr}");
    assert!(stderr.contains("  = cut ") && stderr.contains("to save a line"), "{stderr}");
    let (_, _, fits) = check_pages(Path::new("examples/lianluo-2021-04/issue.toml"), "2");
    assert!(fits.starts_with("note: fits 2 pages: 2 pages, "), "{fits}");

    // One line too long: the shortest addition that spills onto a third page, grown a
    // line's worth of characters at a time, is one line to cut.
    let line = "调".repeat(21);
    let mut extra = String::new();
    let found = (1..200).find_map(|n| {
        extra.push_str(&line);
        let manifest = example_with(&scratch(&format!("fit-{n}")), &format!("{extra}\n"));
        let (_, stdout, stderr) = check_pages(&manifest, "2");
        (pages_of(&stdout) == 3).then_some(stderr)
    });
    let stderr = found.expect("the issue grows onto a third page");
    assert!(stderr.starts_with("warning: does not fit 2 pages: 3 pages, cut 1 line "), "{stderr}");

    // The manifest's `[page] pages` gives the same warning to `build`.
    let dir = scratch("fit-manifest");
    let manifest = example_with(&dir, "");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(&manifest, format!("{text}\n[page]\npages = 1\n")).expect("written");
    let out = jianbao(&["build", &manifest.display().to_string()]);
    let (_, stderr) = texts(&out);
    assert!(out.status.success());
    assert!(stderr.contains("warning: does not fit 1 page:"), "{stderr}");
}

#[test]
fn messages_in_chinese_under_a_chinese_locale() {
    let dir = scratch("zh");
    copy_tree(Path::new("examples/lianluo-2021-04"), &dir);
    let manifest = dir.join("issue.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(&manifest, text.replace("date = 2021-04-03\n", "")).expect("written");
    let path = manifest.display().to_string();
    let zh = jianbao_in(Some("zh_CN.UTF-8"), &["check", &path]);
    let en = jianbao(&["check", &path]);
    assert_eq!((zh.status.code(), en.status.code()), (Some(1), Some(1)));
    let (zh, en) = (texts(&zh).1, texts(&en).1);
    assert!(zh.starts_with("错误[JB0101]：`[issue]` 表缺少键 `date`"), "{zh}");
    assert!(en.starts_with("error: missing key `date` in `[issue]`"), "{en}");
    assert!(zh.contains(&format!("--> {path}:")), "the place is named: {zh}");
    let flag = texts(&jianbao(&["check", &path, "--lang", "zh"])).1;
    assert_eq!(flag, zh, "--lang zh as LANG does");

    // JSON for scripts: the same code in both languages.
    let json = texts(&jianbao(&["check", &path, "--message-format", "json"])).1;
    let zh_json = texts(&jianbao(&["check", &path, "--message-format", "json", "--lang", "zh"])).1;
    for line in [&json, &zh_json] {
        assert!(line.contains("\"code\":\"JB0101\"") && line.contains("\"level\":\"error\""), "{line}");
    }

    // A pasted curly quote is named as such.
    std::fs::write(&manifest, text.replace("title = \"联络动态\"", "title = “联络动态”")).expect("written");
    let zh = texts(&jianbao_in(Some("zh_CN.UTF-8"), &["check", &path])).1;
    assert!(zh.contains("弯引号 `“`") && zh.contains("提示："), "{zh}");
}
