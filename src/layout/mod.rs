//! Layouts (`layouts/*.toml`): paper, grid, columns, fonts, colours and sizes per role.
//!
//! The layouts in the repository's `layouts/` folder are compiled in, so an installed
//! binary finds them by name; any other layout is read from a path.

mod check;
mod model;

use std::path::{Path, PathBuf};

pub use model::*;

/// The layouts shipped with the program, by name.
const BUILT_IN: &[(&str, &str)] = &[
    ("two-column", include_str!("../../layouts/two-column.toml")),
    ("gbt9704", include_str!("../../layouts/gbt9704.toml")),
];

/// A layout that cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutError {
    /// The layout file (or `layouts/NAME.toml` for a built-in one).
    pub file: PathBuf,
    /// 1-based line and column of the offending text, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for LayoutError {}

/// Loads a layout by built-in name (`two-column`) or from a path to a TOML file.
pub fn load(name_or_path: &str) -> Result<Layout, LayoutError> {
    if let Some((name, text)) = BUILT_IN.iter().find(|(n, _)| *n == name_or_path) {
        return parse(text, Path::new(&format!("layouts/{name}.toml")));
    }
    let path = Path::new(name_or_path);
    let text = std::fs::read_to_string(path).map_err(|e| LayoutError {
        file: path.to_path_buf(),
        position: None,
        message: if path.extension().is_none() && !name_or_path.contains('/') {
            let known: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
            format!("no layout named `{name_or_path}` (known: {})", known.join(", "))
        } else {
            format!("cannot read the layout: {e}")
        },
    })?;
    parse(&text, path)
}

/// Parses and checks a layout's TOML text.
pub fn parse(text: &str, file: &Path) -> Result<Layout, LayoutError> {
    let layout: Layout = toml::from_str(text).map_err(|e| LayoutError {
        file: file.to_path_buf(),
        position: e.span().map(|s| line_column(text, s.start)),
        message: e.message().to_string(),
    })?;
    layout.check().map_err(|message| LayoutError { file: file.to_path_buf(), position: None, message })?;
    Ok(layout)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
