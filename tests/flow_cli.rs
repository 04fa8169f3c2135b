//! What `jianbao check` and `build` say about the page flow: an unavoidable widow or title
//! keep is reported as a warning, a page limit that is exceeded fails with exit status 1 and
//! names the lines and the article; the same manifest builds in either built-in layout.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the built `jianbao`.
fn jianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao")).args(args).output().expect("runs")
}

/// A copy of the example issue in a fresh folder, its layout line replaced by `layout`, with
/// a layout file `custom.toml` made from the two-column one by `edit`.
fn example_with(name: &str, layout: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-flow-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let src = Path::new("examples/lianluo-2021-04");
    for entry in std::fs::read_dir(src.join("articles")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("articles").join(entry.file_name())).unwrap();
    }
    let manifest = std::fs::read_to_string(src.join("issue.toml")).unwrap();
    let manifest = manifest.replace("layout = \"two-column\"", &format!("layout = \"{layout}\""));
    std::fs::write(dir.join("issue.toml"), manifest).unwrap();
    let two_column = std::fs::read_to_string("layouts/two-column.toml").unwrap();
    std::fs::write(dir.join("custom.toml"), edit(two_column)).unwrap();
    dir.join("issue.toml")
}

#[test]
fn check_fails_on_a_page_limit_naming_the_lines_and_the_article() {
    let manifest = example_with("limit", "custom.toml", |t| t.replace("top = 28.0", "top = 28.0\nmax_pages = 1"));
    let out = jianbao(&["check", manifest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the layout allows 1 page") && err.contains("lines too long"), "{err}");
    assert!(err.contains("益阳市开展五级人大代表助力乡村振兴"), "names the article that runs over: {err}");
    let out = jianbao(&["build", manifest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!manifest.with_extension("pdf").exists(), "nothing written");
}

#[test]
fn check_reports_a_keep_it_had_to_break() {
    // A title of 19 lines in columns of 20: no column holds it with two lines of its text.
    let manifest = example_with("keep", "custom.toml", |t| t.replace("lines = 38 ", "lines = 20 "));
    let text = std::fs::read_to_string(&manifest).unwrap();
    let long = "关于进一步加强和改进新时代人大代表联络服务工作的若干意见".repeat(6);
    let text = text.replace("title = \"长沙市开展", &format!("title = \"{long}长沙市开展"));
    std::fs::write(&manifest, text).unwrap();
    let out = jianbao(&["check", manifest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning: page") && err.contains("the title ends the column"), "{err}");
}

#[test]
fn a_title_with_no_room_under_the_masthead_is_not_a_warning() {
    // Two lines under the masthead: the first title goes whole to page 2.
    let manifest = example_with("no-room", "custom.toml", |t| t.replace("lines = 38 ", "lines = 12 "));
    let out = jianbao(&["check", manifest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("title"), "{err}");
}

#[test]
fn the_example_builds_in_both_layouts_without_warnings() {
    for layout in ["two-column", "gbt9704"] {
        let manifest = example_with(layout, layout, |t| t);
        let out = jianbao(&["build", manifest.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && err.is_empty(), "{layout}: {err}");
    }
}
