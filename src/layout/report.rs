//! Where a layout error is: the key a contradiction concerns, found from the check's message,
//! and that key's span in the layout's TOML text.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::Layout;

/// The dotted key (`grid.column_chars`) that a check's `message` about `layout` concerns.
pub(super) fn key_of(layout: &Layout, message: &str) -> Option<String> {
    let g = &layout.grid;
    let special = [
        ("grid: columns", [("grid.columns", g.columns == 0), ("grid.column_chars", g.column_chars == 0)]),
        ("grid: body_size", [("grid.body_size", g.body_size.is_nan() || g.body_size <= 0.0), ("", false)]),
    ];
    for (prefix, candidates) in special {
        if message.starts_with(prefix) {
            let fallback = if prefix == "grid: columns" { "grid.lines" } else { "grid.line_pitch" };
            let key = candidates.iter().find(|(_, bad)| *bad).map_or(fallback, |(k, _)| *k);
            return Some(key.to_string());
        }
    }
    let by_wording = [
        ("the grid is ", "grid.column_chars"),
        ("the grid runs past", "grid.lines"),
        ("the type area runs past", "page.left"),
    ];
    if let Some((_, key)) = by_wording.iter().find(|(p, _)| message.starts_with(p)) {
        return Some(key.to_string());
    }
    if let Some(rest) = message.strip_prefix("no colour `") {
        let name = rest.split('`').next().unwrap_or("");
        let table = if layout.masthead.rule_color == name { "masthead" } else { "closing" };
        return Some(format!("{table}.rule_color"));
    }
    let token: String =
        message.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')).collect();
    token.contains('.').then(|| token.trim_end_matches('.').to_string())
}

/// The span of `key` (dotted) in a layout's `text`: its value, or, when the key is absent,
/// the nearest table above it that is there. `None` when the text does not parse.
pub(super) fn span_of(text: &str, key: &str) -> Option<Range<usize>> {
    let root = DeTable::parse(text).ok()?;
    let mut span = None;
    let mut table: &DeTable = root.get_ref();
    for part in key.split('.') {
        let Some((name, value)) = table.iter().find(|(k, _)| k.get_ref().as_ref() == part) else {
            break;
        };
        span = Some(spanned_span(name, value));
        match value.get_ref() {
            DeValue::Table(inner) => table = inner,
            _ => break,
        }
    }
    span
}

/// The span to point at for a key and its value: the value, unless it is a table (whose
/// span may be its whole body), then the key.
fn spanned_span<K>(key: &Spanned<K>, value: &Spanned<DeValue>) -> Range<usize> {
    match value.get_ref() {
        DeValue::Table(_) => key.span(),
        _ => value.span(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[page]\nwidth = 210.0\n\n[grid]\ncolumn_chars = 40\n\n[roles.body]\nfont = \"regular\"\n";

    #[test]
    fn finds_values_and_the_nearest_table() {
        let at = |key: &str| span_of(TEXT, key).map(|s| &TEXT[s]);
        assert_eq!(at("grid.column_chars"), Some("40"));
        assert_eq!(at("roles.body.font"), Some("\"regular\""));
        assert_eq!(at("roles.title"), Some("roles"));
        assert_eq!(at("grid.lines"), Some("grid"));
        assert_eq!(at("nowhere.at_all"), None);
        assert_eq!(span_of("[grid", "grid"), None);
    }
}
