//! Where a layout error is: a key's span in the layout's TOML text.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

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
