//! Reading manifest and series files and turning TOML errors into diagnostics.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::hygiene::first_control;
use super::issue::SourceFile;
use super::model::TABLES;
use super::suggest::closest;
use crate::diagnostic::{Diagnostic, Result, first_syntax_error};
use crate::limits::{MAX_FILE_BYTES, ReadError, describe, read_limited};

/// Reads a TOML file as UTF-8 text.
pub(crate) fn read_source(path: &Path) -> Result<SourceFile> {
    let shown = path.display();
    let bytes = read_limited(path).map_err(|e| match e {
        ReadError::Io(e) => Diagnostic::file(path, format!("cannot read `{shown}`: {e}")),
        ReadError::NotAFile => Diagnostic::file(path, format!("`{shown}` is not a regular file"))
            .with_hint("name the issue's TOML manifest, e.g. issues/2021/04/issue.toml"),
        ReadError::TooLarge(size) => Diagnostic::file(
            path,
            format!(
                "`{shown}` is {} long, over the limit of {} for a manifest",
                describe(size),
                describe(MAX_FILE_BYTES)
            ),
        )
        .with_hint("keep long texts in article files (`file = …`)"),
    })?;
    let text = decode(path, bytes)?;
    Ok(SourceFile { path: path.to_path_buf(), text })
}

/// A file's bytes as UTF-8 text, or an error at the line and column of the first byte that
/// is not UTF-8, naming UTF-16 (with or without a byte-order mark) when the file is that.
pub(crate) fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let shown = path.display();
    let hint = "save the file as UTF-8 (in Notepad or Word: Save As, encoding UTF-8)";
    if let Some((order, big_endian)) = utf16(&bytes) {
        let message = format!("`{shown}` is UTF-16 ({order}), not UTF-8");
        // A fault of the whole file, found at its first bytes: line 1, column 1, shown as
        // the first line reads in UTF-16.
        let units = bytes.chunks_exact(2).map(|p| if big_endian { [p[0], p[1]] } else { [p[1], p[0]] });
        let first: String = char::decode_utf16(units.map(u16::from_be_bytes))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .skip_while(|c| *c == '\u{feff}')
            .take_while(|c| *c != '\n')
            .take(200)
            .collect();
        return Err(
            Diagnostic::at(path, &first, 0..first.chars().next().map_or(0, char::len_utf8), message).with_hint(hint)
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or_default();
        let text = String::from_utf8_lossy(e.as_bytes());
        let message = format!("`{shown}` is not UTF-8: byte 0x{byte:02X} cannot start or continue a character");
        let hint = "save the file as UTF-8; GBK or GB 18030 text must be converted (e.g. iconv -f GB18030 -t UTF-8)";
        Diagnostic::at(path, &text, at..at + 1, message).with_hint(hint)
    })
}

/// The byte order of a UTF-16 text: by its byte-order mark, or by the zero bytes of ASCII
/// characters in every other place: the order's name, and whether it is big-endian.
fn utf16(bytes: &[u8]) -> Option<(&'static str, bool)> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(("little-endian, with a byte-order mark", false)),
        [0xFE, 0xFF, ..] => return Some(("big-endian, with a byte-order mark", true)),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(512) & !1];
    let zeros = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let pairs = sample.len() / 2;
    match (zeros(0), zeros(1)) {
        _ if pairs < 2 => None,
        (even, odd) if odd * 2 > pairs && even == 0 => Some(("little-endian", false)),
        (even, odd) if even * 2 > pairs && odd == 0 => Some(("big-endian", true)),
        _ => None,
    }
}

/// Parses a file's text into `T`, reporting errors at the offending key or value.
pub(crate) fn parse<T: DeserializeOwned>(file: &SourceFile) -> Result<T> {
    toml::from_str(&file.text).map_err(|e| translate(file, &first_syntax_error(&file.text).unwrap_or(e)))
}

/// A TOML or serde error as a diagnostic, reworded where serde's wording is obscure.
fn translate(file: &SourceFile, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let raw = error.message().trim_end();
    let names: Vec<&str> = raw.split('`').skip(1).step_by(2).collect();
    let (message, hint) = if raw.starts_with("unknown field") {
        unknown_key(&names)
    } else if raw.starts_with("missing field") {
        let key = names.first().copied().unwrap_or("?");
        (missing_key(key, file.text.get(span.clone()).unwrap_or("")), None)
    } else if let Some(rest) = raw.strip_prefix("invalid type: ") {
        (wrong_type(rest), None)
    } else if let Some(control) = file.text.get(span.start..).and_then(first_control).filter(|f| f.range.start == 0) {
        (control.message, Some(control.hint))
    } else {
        (raw.to_string(), None)
    };
    let syntax = hint.is_none() && message == raw;
    let diagnostic = Diagnostic::at(&file.path, &file.text, span, message);
    let diagnostic = if syntax { crate::diagnostic::name_pasted_marks(diagnostic) } else { diagnostic };
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// Message and hint for serde's "unknown field `x`, expected …".
fn unknown_key(names: &[&str]) -> (String, Option<String>) {
    let Some((typed, expected)) = names.split_first() else {
        return ("unknown key".to_string(), None);
    };
    let table =
        TABLES.iter().find(|(_, keys)| keys.len() == expected.len() && keys.iter().all(|k| expected.contains(k)));
    let message = match table {
        Some((name, _)) if name.starts_with('[') => format!("unknown key `{typed}` in `{name}`"),
        Some((name, _)) => format!("unknown key `{typed}` at {name}"),
        None => format!("unknown key `{typed}`"),
    };
    let elsewhere = TABLES.iter().find(|(_, keys)| keys.contains(typed)).map(|(name, _)| *name);
    let hint = match (closest(typed, expected), elsewhere) {
        (Some(near), _) => format!("did you mean `{near}`?"),
        (None, Some(name)) if name.starts_with('[') => {
            format!("`{typed}` belongs in the `{name}` table")
        }
        (None, Some(_)) => format!("`{typed}` belongs at the top level, above the first `[table]`"),
        (None, None) if expected.is_empty() => "this table takes no keys".to_string(),
        (None, None) => format!("expected one of `{}`", expected.join("`, `")),
    };
    (message, Some(hint))
}

/// Message for serde's "missing field `x`"; `at` is the source text of the table's span.
fn missing_key(key: &str, at: &str) -> String {
    match at.trim() {
        _ if key == "issue" => "missing the `[issue]` table".to_string(),
        header if header.starts_with('[') => format!("missing key `{key}` in `{header}`"),
        _ => format!("missing key `{key}`"),
    }
}

/// Message for serde's "invalid type: FOUND, expected EXPECTED".
fn wrong_type(rest: &str) -> String {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, "another type"));
    let expected = match expected {
        e if e.starts_with("struct ") || e == "a map" => "a table",
        e if e.starts_with("i64") || e.starts_with("u64") => "an integer",
        "a sequence" => "an array",
        e => e,
    };
    format!("wrong type: expected {expected}, found {found}")
}
