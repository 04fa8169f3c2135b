//! The command line as a user meets it: help, exit statuses, messages, and files left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the built `jianbao` with arguments.
fn jianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao")).args(args).output().expect("runs")
}

/// A copy of the example issue in a fresh temporary folder; returns the manifest path.
fn example_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let src = Path::new("examples/lianluo-2021-04");
    std::fs::copy(src.join("issue.toml"), dir.join("issue.toml")).unwrap();
    for entry in std::fs::read_dir(src.join("articles")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("articles").join(entry.file_name())).unwrap();
    }
    dir.join("issue.toml")
}

#[test]
fn help_explains_the_commands() {
    let out = jianbao(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in ["build", "check", "text", "Example"] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
}

#[test]
fn build_writes_the_pdf_next_to_the_manifest_by_default() {
    let manifest = example_copy("default");
    let out = jianbao(&["build", manifest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(manifest.with_extension("pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(manifest.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn bad_manifest_fails_with_position_and_keeps_the_old_pdf() {
    let manifest = example_copy("bad");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("recipients = [", "recipient = [")).unwrap();
    let old = manifest.with_extension("pdf");
    std::fs::write(&old, b"%PDF-1.6 an earlier build").unwrap();
    let out = jianbao(&["build", manifest.to_str().unwrap(), "-o", old.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().position(|l| l.starts_with("recipients")).unwrap() + 1;
    assert!(err.contains(&format!("issue.toml:{line}:1")), "message names file, line and column:\n{err}");
    assert!(err.contains("recipients"), "hint names the right key:\n{err}");
    assert_eq!(std::fs::read(&old).unwrap(), b"%PDF-1.6 an earlier build");
}

#[test]
fn unwritable_output_fails_cleanly() {
    let manifest = example_copy("unwritable");
    let out = jianbao(&["build", manifest.to_str().unwrap(), "-o", "/nonexistent-dir/x.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-dir/x.pdf"));
}

#[test]
fn check_writes_nothing() {
    let manifest = example_copy("check");
    let out = jianbao(&["check", manifest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!manifest.with_extension("pdf").exists());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(jianbao(&["build"]).status.code(), Some(2));
    assert_eq!(jianbao(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn missing_manifest_is_an_input_error() {
    let out = jianbao(&["build", "/nonexistent/issue.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/issue.toml"));
}
