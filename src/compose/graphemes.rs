//! Grapheme clusters (UAX #29, extended) with a short way through plain text: between two
//! characters of the common Chinese and ASCII repertoire there is always a boundary, so only
//! the stretches around other characters (combining marks, joiners, emoji, flags, Hangul,
//! variation selectors) are handed to `unicode-segmentation`. The clusters are exactly that
//! crate's; a paragraph of Han and ASCII is cut at a few instructions a character instead of
//! some three hundred.

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// Whether a boundary lies on both sides of `c` wherever its neighbours are plain too: it is
/// none of CR, LF, a control, Extend, ZWJ, SpacingMark, Prepend, Hangul, a regional indicator
/// or an Indic letter (so no rule GB3–GB13 but GB999 can apply between two such characters).
#[inline]
fn plain(c: char) -> bool {
    let u = c as u32;
    // The unified ideographs first: most of a Chinese text is one test.
    (0x4E00..=0x9FFF).contains(&u)
        || matches!(u,
            0x20..=0x7E             // ASCII printable
            | 0x2010..=0x2027       // dashes, quotes, ‥ … ‧
            | 0x2030..=0x205E       // ‰ ′ ※ and the like
            | 0x3000..=0x3029       // ideographic space and punctuation (not the tone marks 302A–302F)
            | 0x3030..=0x303F
            | 0x3400..=0x4DBF       // CJK Extension A
            | 0xFF01..=0xFF5E) // full-width forms
}

/// The grapheme clusters of `text` with their byte offsets, as
/// `text.grapheme_indices(true)` gives them.
pub(super) fn grapheme_indices(text: &str) -> Graphemes<'_> {
    Graphemes { text, pos: 0, slow: None }
}

/// Iterator of [`grapheme_indices`].
pub(super) struct Graphemes<'a> {
    /// The text.
    text: &'a str,
    /// Where the next cluster starts, when no stretch is being cut by the library: always a
    /// boundary between two plain characters (or the text start).
    pos: usize,
    /// A stretch with other characters, cut by the library: its offset and its clusters.
    slow: Option<(usize, GraphemeIndices<'a>)>,
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if let Some((base, clusters)) = &mut self.slow {
            if let Some((i, g)) = clusters.next() {
                return Some((*base + i, g));
            }
            self.slow = None;
        }
        let rest = &self.text[self.pos..];
        let mut chars = rest.chars();
        let c = chars.next()?;
        let start = self.pos;
        if plain(c) && chars.clone().next().is_none_or(plain) {
            self.pos += c.len_utf8();
            return Some((start, &rest[..c.len_utf8()]));
        }
        // The stretch runs to the first boundary between two plain characters (whatever comes
        // before its start or after its end cannot join a cluster across such a boundary).
        let mut end = self.text.len();
        let mut before = c;
        for (i, d) in rest.char_indices().skip(1) {
            if plain(before) && plain(d) {
                end = start + i;
                break;
            }
            before = d;
        }
        self.pos = end;
        self.slow = Some((start, self.text[start..end].grapheme_indices(true)));
        self.next()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Our clusters and the library's over `text`.
    fn same(text: &str) {
        let ours: Vec<(usize, &str)> = grapheme_indices(text).collect();
        let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
        assert_eq!(ours, theirs, "{text:?}");
    }

    #[test]
    fn clusters_are_the_librarys() {
        for text in [
            "",
            "甲",
            "聚焦主题主线，围绕“十四五”规划。",
            "e\u{301}t\u{E9} 👨\u{200D}👩\u{200D}👧 🇨🇳🇺🇸 한국어 \r\n 葛\u{E0100}𠀀 ä",
            "\u{301}开头是组合符",
            "末尾是组合符a\u{301}",
            "क्षि हिन्दी",
            "〪〭〫 ゙\u{3099}",
        ] {
            same(text);
        }
    }

    #[test]
    fn clusters_of_the_corpus_are_the_librarys() {
        for part in ["gov", "mixed", "rare"] {
            let dir = format!("{}/../shared/corpus/{part}", env!("CARGO_MANIFEST_DIR"));
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue; // no shared corpus here
            };
            for entry in entries.flatten() {
                same(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            }
        }
    }

    proptest! {
        #[test]
        fn clusters_of_any_mixture_are_the_librarys(
            chars in prop::collection::vec(prop::sample::select(vec![
                '甲', '，', 'a', ' ', '\u{301}', '\u{200D}', '👩', '🇨', '🇳', '\r', '\n', '한', '\u{1100}',
                '\u{1161}', '\u{E0100}', '\u{FE0F}', '\u{94D}', 'क', '\u{600}', '\u{302A}', '〰', '\u{AD}',
            ]), 0..40)
        ) {
            same(&chars.into_iter().collect::<String>());
        }
    }
}
