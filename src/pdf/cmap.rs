//! The `/ToUnicode` CMap of an embedded font: CID → the text the glyph stands for.

use pdf_writer::types::{SystemInfo, UnicodeCmap};
use pdf_writer::{Name, Str};

/// Builds the (uncompressed) CMap program for `(cid, text)` pairs; empty texts are skipped.
pub(super) fn to_unicode<'a>(pairs: impl IntoIterator<Item = (u16, &'a str)>) -> Vec<u8> {
    let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"UCS"), supplement: 0 };
    let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), info);
    for (cid, text) in pairs {
        if !text.is_empty() {
            cmap.pair_with_multiple(cid, text.chars());
        }
    }
    cmap.finish().into_vec()
}

/// A PDF text string's bytes: UTF-16BE with a byte-order mark.
pub(super) fn utf16be_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_cmap_maps_multi_char_texts() {
        let cmap = String::from_utf8(to_unicode([(1, "——"), (2, ""), (3, "𠀀")])).unwrap_or_default();
        assert!(cmap.contains("<0001> <20142014>"), "{cmap}");
        assert!(!cmap.contains("<0002>"));
        assert!(cmap.contains("<0003> <D840DC00>"), "{cmap}");
        assert!(cmap.contains("2 beginbfchar"));
    }

    #[test]
    fn pdf_text_strings_are_utf16be_with_bom() {
        assert_eq!(utf16be_text("A联"), vec![0xfe, 0xff, 0, 0x41, 0x80, 0x54]);
    }
}
