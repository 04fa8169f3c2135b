//! Text for the generated issues (`examples/long_issue`, `examples/back_issues`): paragraphs of
//! `../shared/corpus/gov/` when present, the example issue's articles otherwise, and the small
//! helpers both generators use to pick headings and body paragraphs from it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The seed issue's articles: the text used when the corpus is absent.
pub const FALLBACK: [&str; 2] = [
    include_str!("../lianluo-2021-04/articles/01-changsha.md"),
    include_str!("../lianluo-2021-04/articles/02-yiyang.md"),
];

/// Where the credits come from, in turn.
pub const SOURCES: [&str; 14] = [
    "长沙市",
    "株洲市",
    "湘潭市",
    "衡阳市",
    "邵阳市",
    "岳阳市",
    "常德市",
    "张家界市",
    "益阳市",
    "郴州市",
    "永州市",
    "怀化市",
    "娄底市",
    "湘西自治州",
];

/// Paragraphs of a text: blocks separated by blank lines, lines joined.
pub fn split(text: &str) -> Vec<String> {
    text.split("\n\n").map(|p| p.lines().map(str::trim).collect::<String>()).filter(|p| !p.is_empty()).collect()
}

/// The paragraphs of every `.txt` file in `dir`, files in name order; empty when unreadable.
pub fn read_corpus(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).flat_map(|t| split(&t)).collect()
}

/// A section heading of the reports (`（三）…`, `三、…`), numbering and final stop removed.
pub fn heading(p: &str) -> Option<String> {
    let n = p.chars().count();
    let numbered = p.starts_with('（') || p.chars().nth(1) == Some('、');
    if n > 40 || !numbered || p.ends_with('：') {
        return None;
    }
    let rest = p.split_once(['）', '、']).map_or(p, |(_, r)| r);
    let title = rest.trim_end_matches(['。', '；']);
    (title.chars().count() >= 6).then(|| title.to_string())
}

/// Body text: long enough and ending as a sentence does.
pub fn is_body(p: &str) -> bool {
    p.chars().count() >= 40 && p.ends_with(['。', '；', '！', '？', '”'])
}

/// A TOML basic string.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
