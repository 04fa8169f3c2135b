//! `jianbao batch` as a user meets it: the summary on standard output, plain progress lines
//! when standard error is not a terminal, none with `--quiet`, and the exit status.

#[path = "../examples/back_issues/mod.rs"]
#[allow(dead_code)]
mod back_issues;

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the built `jianbao` with arguments.
fn jianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao")).args(args).output().expect("runs")
}

/// A fresh small archive and its output folder, as strings.
fn archive(name: &str) -> (String, String) {
    let root = std::env::temp_dir().join(format!("jianbao-batch-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir: PathBuf = root.join("issues");
    back_issues::generate(&dir, &back_issues::Options::small(1, 3)).expect("archive written");
    (dir.display().to_string(), root.join("out").display().to_string())
}

#[test]
fn batch_builds_reports_and_exits_by_outcome() {
    let (dir, out) = archive("status");
    let first = jianbao(&["batch", &dir, "-o", &out]);
    let (stdout, stderr) = (String::from_utf8_lossy(&first.stdout), String::from_utf8_lossy(&first.stderr));
    assert_eq!(first.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.starts_with("batch: 3 issues — 3 built, 0 skipped, 0 failed"), "{stdout}");
    assert!(stdout.contains("built (3, new):\n  2020/ 01 02 03\n"), "{stdout}");
    assert_eq!(stderr.lines().filter(|l| l.contains("] built 2020/")).count(), 3, "plain lines: {stderr}");

    let manifest = back_issues::issue_dir(std::path::Path::new(&dir), 2020, 3).join("issue.toml");
    std::fs::write(&manifest, "[issue]\nnumber = \n").unwrap();
    let second = jianbao(&["batch", &dir, "-o", &out, "--quiet"]);
    let (stdout, stderr) = (String::from_utf8_lossy(&second.stdout), String::from_utf8_lossy(&second.stderr));
    assert_eq!(second.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.starts_with("batch: 3 issues — 0 built, 2 skipped, 1 failed"), "{stdout}");
    assert!(stdout.contains("failed (1):\n  2020/03.pdf ("), "{stdout}");
    assert!(stdout.contains("issue.toml:2:"), "the error names file and line: {stdout}");
    assert!(!stdout.contains("skipped (2"), "--quiet leaves out the lists: {stdout}");
    assert!(stderr.is_empty(), "--quiet prints no progress: {stderr}");
}

#[test]
fn batch_needs_an_output_folder() {
    let out = jianbao(&["batch", "issues"]);
    assert_eq!(out.status.code(), Some(2));
    let missing = jianbao(&["batch", "no-such-folder", "-o", "target/no-such-out"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("no-such-folder: no such file or folder"));
}
