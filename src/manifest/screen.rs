//! Screening an article's whole text for control characters, which are errors at their line
//! and column even where they print nothing (between paragraphs). What is printed is screened
//! for the rest by the document (see `document::printed`).

use std::ops::Range;

use super::hygiene::{Finding, first_control};
use super::issue::{Article, SourceFile, TextOrigin};
use crate::diagnostic::{Diagnostic, Result};

/// Fails on the first control character of an article's text.
pub(crate) fn article(manifest: &SourceFile, article: &Article) -> Result<()> {
    text(manifest, &article.origin, &article.text)
}

/// Fails on the first control character of a text read from a file or a `body` value.
pub(crate) fn text(manifest: &SourceFile, origin: &TextOrigin, text: &str) -> Result<()> {
    match origin {
        TextOrigin::File { path, .. } => screen(text, |f| Diagnostic::at(path, text, f.range.clone(), &f.message)),
        TextOrigin::Body(span) => value(manifest, span, text),
    }
}

/// Fails on the first control character of a string value written at `span` of `file`.
pub(crate) fn value(file: &SourceFile, span: &Range<usize>, text: &str) -> Result<()> {
    let start = string_start(&file.text, span, text);
    screen(text, |f| {
        let at = start.map_or(span.clone(), |s| s + f.range.start..s + f.range.end);
        Diagnostic::at(&file.path, &file.text, at, &f.message)
    })
}

/// Fails on the first control character of `text`, placed with `at`.
fn screen(text: &str, at: impl Fn(&Finding) -> Diagnostic) -> Result<()> {
    match first_control(text) {
        Some(finding) => Err(at(&finding).with_hint(finding.hint)),
        None => Ok(()),
    }
}

/// Where the text of the string value at `span` starts in `source`, when the value is written
/// without escapes (so that its characters map one to one; a tab may stand where `text` has
/// the space it is printed as); `None` otherwise.
pub(crate) fn string_start(source: &str, span: &Range<usize>, text: &str) -> Option<usize> {
    let raw = source.get(span.clone())?;
    let open = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { 3 } else { 1 };
    let inner = raw.get(open..raw.len().checked_sub(open)?)?;
    let skip = match inner {
        _ if open == 1 => 0,
        i if i.starts_with("\r\n") => 2,
        i if i.starts_with('\n') => 1,
        _ => 0,
    };
    let inner = inner.get(skip..)?;
    (inner.len() == text.len() && inner.chars().zip(text.chars()).all(|(a, b)| a == b || (a == '\t' && b == ' ')))
        .then_some(span.start + open + skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_plain_values_and_falls_back_for_escapes() {
        let src = "a = \"今天,我们\"\nb = \"\"\"\n第一行\n第二行\"\"\"\nc = \"x\\u0007y\"\n";
        let span = |from: &str, to: &str| {
            let s = src.find(from).unwrap_or(0);
            s..src[s..].find(to).map_or(src.len(), |e| s + e + to.len())
        };
        assert_eq!(string_start(src, &span("\"今", "们\""), "今天,我们"), Some(5));
        let multi = span("\"\"\"", "行\"\"\"");
        assert_eq!(string_start(src, &multi, "第一行\n第二行"), Some(multi.start + 4));
        assert_eq!(string_start(src, &span("\"x", "y\""), "x\u{7}y"), None);
    }

    #[test]
    fn a_control_character_in_a_value_is_an_error_at_it() {
        let file = SourceFile { path: "m.toml".into(), text: "t = \"甲\u{2028}乙\"\n".into() };
        let span = 4..file.text.len() - 1;
        let d = value(&file, &span, "甲\u{2028}乙").expect_err("separator");
        assert_eq!((d.line, d.column), (1, 7));
        assert!(d.hint.is_some());
    }
}
