//! The issue manifest: TOML in, a validated [`Issue`] out (with the series file merged and
//! every article's text read). Errors are [`Diagnostic`]s naming file, line and column.

mod articles;
mod issue;
mod model;
mod read;
mod series;
mod suggest;
mod validate;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use issue::{Article, Colophon, Date, Distribution, Issue, Located, Origin, Series, SourceFile, TextOrigin};

use crate::diagnostic::Diagnostic;

/// Reads, parses and validates the manifest at `path`, merging a `series.toml` found in its
/// folder or a parent folder, and reads every article's text.
pub fn load(path: &Path) -> Result<Issue, Diagnostic> {
    let manifest = read::read_source(path)?;
    let raw = read::parse(&manifest)?;
    let shared = series::load(path)?;
    validate::issue(manifest, raw, shared)
}
