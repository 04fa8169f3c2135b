//! The issue manifest: TOML in, a validated [`Issue`] out (with the series file merged and
//! every article's text read). Errors are [`Diagnostic`]s naming file, line and column.

mod articles;
pub(crate) mod hygiene;
mod issue;
mod model;
mod read;
mod screen;
mod series;
pub(crate) mod suggest;
mod validate;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use issue::{
    Article, Colophon, Date, Distribution, EditorNote, Issue, Located, Origin, Series, SourceFile, TextOrigin, Word,
};
pub(crate) use read::decode;
pub(crate) use screen::string_start;

use crate::diagnostic::Diagnostic;

/// Reads, parses and validates the manifest at `path`, merging a `series.toml` found in its
/// folder or a parent folder, and reads every article's text.
pub fn load(path: &Path) -> Result<Issue, Diagnostic> {
    let manifest = read::read_source(path)?;
    check(manifest)
}

/// Parses and validates manifest `text` as if it had been read from `path`: the series file
/// is looked for and article files are read relative to `path`'s folder.
pub fn parse_str(text: &str, path: &Path) -> Result<Issue, Diagnostic> {
    check(SourceFile { path: path.to_path_buf(), text: text.to_string() })
}

/// Parses and validates a manifest that has been read.
fn check(manifest: SourceFile) -> Result<Issue, Diagnostic> {
    let raw = read::parse(&manifest)?;
    let shared = series::load(&manifest.path)?;
    validate::issue(manifest, raw, shared)
}
