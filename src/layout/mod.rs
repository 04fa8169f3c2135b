//! Layouts (`layouts/*.toml`): paper, grid, columns, fonts, colours and sizes per role.
//!
//! The layouts in the repository's `layouts/` folder are compiled in, so an installed
//! binary finds them by name; any other layout is read from a path.

mod check;
mod model;
mod raw;
mod report;

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, first_syntax_error};

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
    /// The error as a rustc-style diagnostic: the source line with a caret, and a hint.
    pub diagnostic: Box<Diagnostic>,
    /// Whether no usable layout file of that name or path exists — missing, not a regular
    /// file, too large or unreadable — so the manifest's `series.layout` is what is wrong.
    pub not_found: bool,
}

impl LayoutError {
    /// The error a diagnostic describes.
    fn new(diagnostic: Diagnostic, not_found: bool) -> Self {
        let position = (diagnostic.line > 0).then_some((diagnostic.line, diagnostic.column));
        LayoutError {
            file: diagnostic.file.clone(),
            position,
            message: diagnostic.message.clone(),
            diagnostic: Box::new(diagnostic),
            not_found,
        }
    }
}

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.diagnostic)
    }
}

impl std::error::Error for LayoutError {}

/// The names of the built-in layouts.
pub fn built_in_names() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(n, _)| *n).collect()
}

/// Whether `name_or_path` is read as a path (it has a `/` or ends in `.toml`) rather than a
/// built-in layout's name.
fn is_path(name_or_path: &str) -> bool {
    name_or_path.contains('/') || name_or_path.ends_with(".toml")
}

/// The largest layout file read.
const MAX_LAYOUT_BYTES: u64 = 1 << 20;

/// The text of a layout and the file to name in errors.
fn source(name_or_path: &str) -> Result<(String, PathBuf), LayoutError> {
    if let Some((name, text)) = BUILT_IN.iter().find(|(n, _)| *n == name_or_path) {
        return Ok((text.to_string(), PathBuf::from(format!("layouts/{name}.toml"))));
    }
    let path = Path::new(name_or_path);
    let fail = |message: String, hint: String, not_found: bool| {
        LayoutError::new(Diagnostic::file(path, message).with_hint(hint), not_found)
    };
    let known = built_in_names().join("`, `");
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound if !is_path(name_or_path) => fail(
            format!("no layout named `{name_or_path}`"),
            format!("the built-in layouts are `{known}`; or give a path to a layout file (`….toml`)"),
            true,
        ),
        std::io::ErrorKind::NotFound => fail(
            format!("layout file `{name_or_path}` not found"),
            format!("a path is relative to the folder of the file that names it; the built-in layouts are `{known}`"),
            true,
        ),
        _ => fail(format!("cannot read the layout `{name_or_path}`: {e}"), "check the file's permissions".into(), true),
    })?;
    if !meta.is_file() || meta.len() > MAX_LAYOUT_BYTES {
        let why = if meta.is_file() { "is over 1 MiB" } else { "is not a regular file" };
        return Err(fail(format!("layout `{name_or_path}` {why}"), "name a layout TOML file".into(), true));
    }
    let bytes = crate::limits::read_at_most(path, MAX_LAYOUT_BYTES).map_err(|e| {
        fail(format!("cannot read the layout `{name_or_path}`: {e}"), "name a layout TOML file".into(), true)
    })?;
    let text = crate::manifest::decode(path, bytes).map_err(|d| LayoutError::new(d, false))?;
    Ok((text, path.to_path_buf()))
}

/// Loads a layout by built-in name (`two-column`) or from a path to a TOML file; font paths
/// in a layout file are relative to its folder.
pub fn load(name_or_path: &str) -> Result<Layout, LayoutError> {
    let (text, file) = source(name_or_path)?;
    let built_in = BUILT_IN.iter().any(|(n, _)| *n == name_or_path);
    let dir = (!built_in).then(|| file.parent().unwrap_or(Path::new("")));
    parse_in(&text, &file, dir)
}

/// Parses and checks a layout's TOML text (font paths taken as written); errors point at the
/// offending key.
pub fn parse(text: &str, file: &Path) -> Result<Layout, LayoutError> {
    parse_in(text, file, None)
}

/// Parses and checks a layout's TOML text, resolving relative font paths against `dir`.
fn parse_in(text: &str, file: &Path, dir: Option<&Path>) -> Result<Layout, LayoutError> {
    let raw: raw::RawLayout = toml::from_str(text).map_err(|e| {
        let e = first_syntax_error(text).unwrap_or(e);
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end().replace("invalid type: ", "wrong type: ");
        LayoutError::new(Diagnostic::at(file, text, span, message.clone()).with_hint(parse_hint(&message)), false)
    })?;
    check::resolve(raw, dir).map_err(|problem| {
        let diagnostic = match report::span_of(text, &problem.key) {
            Some(span) => Diagnostic::at(file, text, span, problem.message),
            None => Diagnostic::file(file, problem.message),
        };
        LayoutError::new(diagnostic.with_hint(problem.hint), false)
    })
}

/// The hint for a layout TOML error: the nearest key for an unknown one.
fn parse_hint(message: &str) -> String {
    let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    match names.split_first() {
        Some((typed, known)) if message.starts_with("unknown field") => {
            let longer = known.iter().find(|k| k.starts_with(typed) || typed.starts_with(*k)).copied();
            match crate::manifest::suggest::closest(typed, known).or(longer) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "the message lists the keys this table takes".to_string(),
            }
        }
        _ => "see layouts/two-column.toml for every key a layout takes".to_string(),
    }
}

/// An error about `key` (dotted, e.g. `fonts.regular`) of the layout `name_or_path`, such as a
/// font that cannot be loaded, pointing at that key in the layout's text.
pub fn error_at(name_or_path: &str, key: &str, message: &str, hint: &str) -> LayoutError {
    let diagnostic = match source(name_or_path) {
        Ok((text, file)) => match report::span_of(&text, key) {
            Some(span) => Diagnostic::at(file, &text, span, message),
            None => Diagnostic::file(file, message),
        },
        Err(e) => Diagnostic::file(e.file, message),
    };
    LayoutError::new(diagnostic.with_hint(hint), false)
}

#[cfg(test)]
mod tests;
