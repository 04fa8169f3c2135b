//! The long generated issue (60 articles, about 50 pages) in both layouts: every body line on
//! the grid, no title alone at a column foot, no widow or orphan, the last page balanced
//! above the closing block, which lies whole at the foot of the last page.

mod flow_support;

#[path = "../examples/long_issue/mod.rs"]
#[allow(dead_code)]
mod long_issue;

use std::path::Path;

use flow_support::*;
use jianbao::document::from_issue;

/// Generates the long issue in `layout` and lays it out.
fn long(layout: &str) -> Laid {
    let dir = std::env::temp_dir().join(format!("jianbao-flow-long-{layout}-{}", std::process::id()));
    let options = long_issue::Options { layout: layout.into(), ..long_issue::Options::default() };
    let (manifest, _) = long_issue::generate(&dir, &options).expect("generated");
    let issue = jianbao::manifest::load(&manifest).expect("the generated manifest is valid");
    let laid = lay_out(&from_issue(&issue).expect("screens clean").0);
    let _ = std::fs::remove_dir_all(&dir);
    laid
}

#[test]
fn long_issue_in_two_columns() {
    let laid = long("two-column");
    let pages = laid.flowed.pages.len();
    assert!((40..=65).contains(&pages), "{pages} pages");
    laid.assert_keeps();
    laid.assert_grid();
    laid.assert_balanced();
    laid.assert_closing();
}

#[test]
fn long_issue_in_the_gbt9704_layout() {
    let laid = long("gbt9704");
    laid.assert_keeps();
    laid.assert_grid();
    laid.assert_closing();
}

#[test]
fn the_generator_works_without_the_corpus() {
    let dir = std::env::temp_dir().join(format!("jianbao-flow-long-fallback-{}", std::process::id()));
    let options =
        long_issue::Options { articles: 8, corpus: Some(Path::new("/nonexistent").into()), ..Default::default() };
    let (manifest, from_corpus) = long_issue::generate(&dir, &options).expect("generated");
    assert!(!from_corpus);
    let issue = jianbao::manifest::load(&manifest).expect("valid");
    assert_eq!(issue.articles.len(), 8);
    let laid = lay_out(&from_issue(&issue).expect("screens clean").0);
    laid.assert_keeps();
    laid.assert_balanced();
    let _ = std::fs::remove_dir_all(&dir);
}
