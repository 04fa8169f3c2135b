//! The newest issue of a series folder: `YEAR/MONTH/issue.toml`, the highest year and month.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// The manifest of the newest issue under `dir` (folders `YEAR/MONTH/issue.toml`).
pub fn newest(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let numbered = |path: &Path| -> Vec<(u32, PathBuf)> {
        let Ok(entries) = std::fs::read_dir(path) else { return Vec::new() };
        let mut found: Vec<(u32, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_str()?.to_string();
                let n = name.parse::<u32>().ok().filter(|_| name.chars().all(|c| c.is_ascii_digit()))?;
                Some((n, e.path()))
            })
            .filter(|(_, p)| p.is_dir())
            .collect();
        found.sort();
        found
    };
    if !dir.is_dir() {
        return Err(Diagnostic::file(dir, "no such series folder")
            .with_hint("name the folder that holds the series' YEAR/MONTH/issue.toml folders, e.g. issues/"));
    }
    let newest = numbered(dir).into_iter().rev().find_map(|(_, year)| {
        numbered(&year).into_iter().rev().map(|(_, m)| m.join("issue.toml")).find(|p| p.is_file())
    });
    newest.ok_or_else(|| {
        Diagnostic::file(dir, "no issue found to start from")
            .with_hint("`new` continues a series: it looks for YEAR/MONTH/issue.toml folders, e.g. 2021/04/issue.toml")
    })
}
