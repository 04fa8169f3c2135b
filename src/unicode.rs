//! The program's one table of Unicode character classes: Han ideographs, CJK letters,
//! default-ignorable characters, East Asian wide forms. Every stage asks here, so that
//! reading, checking, composing and reporting agree on what a character is.

/// Whether `c` is a Han ideograph: the unified ideographs of every extension, the
/// compatibility ideographs, and 〇 々 〆.
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3005..=0x3007
        | 0x3400..=0x4DBF       // Extension A
        | 0x4E00..=0x9FFF       // URO
        | 0xF900..=0xFAFF       // compatibility ideographs
        | 0x20000..=0x2FA1F     // Extensions B–F, compatibility supplement (plane 2)
        | 0x30000..=0x323AF) // Extensions G, H (plane 3)
}

/// Whether `c` is set as an ideographic letter in Chinese text, one em on the character
/// grid: a Han ideograph, a radical, kana or bopomofo.
pub fn is_ideographic_letter(c: char) -> bool {
    is_ideograph(c)
        || matches!(c as u32,
            0x2E80..=0x2FDF         // radicals
            | 0x3040..=0x30FF       // kana
            | 0x3100..=0x312F       // bopomofo
            | 0x3190..=0x31FF) // kanbun, bopomofo extended, strokes, kana extension
}

/// Whether `c` is a letter of a CJK script: an ideographic letter or Hangul.
pub fn is_cjk_letter(c: char) -> bool {
    is_ideographic_letter(c) || matches!(c as u32, 0x1100..=0x11FF | 0xA960..=0xA97F | 0xAC00..=0xD7AF)
}

/// Whether a line break in an editor's text next to `c` is joined without a space: CJK
/// letters, CJK and full-width punctuation and symbols, and the quotes, dashes and ellipsis
/// used in Chinese text.
pub fn joins_without_space(c: char) -> bool {
    is_cjk_letter(c)
        || matches!(c as u32,
            0x3000..=0x303F         // CJK symbols and punctuation
            | 0x3200..=0x33FF       // enclosed letters, compatibility
            | 0xFE10..=0xFE1F       // vertical forms
            | 0xFE30..=0xFE4F       // compatibility forms
            | 0xFF00..=0xFFEF)      // half- and full-width forms
        || matches!(c, '‘' | '’' | '“' | '”' | '—' | '…' | '·' | '⸺')
}

/// Whether `c` is a default-ignorable code point (Unicode's `Default_Ignorable_Code_Point`):
/// zero-width spaces and joiners, direction marks, embeddings and isolates, variation
/// selectors, the byte-order mark, tag characters. They print nothing.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Whether `c` is a variation selector (standardized or ideographic), which selects a form of
/// the character before it.
pub fn is_variation_selector(c: char) -> bool {
    matches!(c as u32, 0x180B..=0x180D | 0x180F | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

/// Whether `c` is an icon or pictograph: arrows, technical symbols, enclosed alphanumerics,
/// geometric shapes, miscellaneous symbols, dingbats, symbols and arrows, and the pictographs
/// and emoji of plane 1. Line breaking treats one like a bullet that introduces what follows
/// it: a line does not end with one.
pub fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF         // arrows
        | 0x2300..=0x23FF       // miscellaneous technical
        | 0x2460..=0x24FF       // enclosed alphanumerics
        | 0x25A0..=0x27BF       // geometric shapes, miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF       // miscellaneous symbols and arrows
        | 0x1F000..=0x1FAFF) // plane 1: cards, enclosed, pictographs, emoji, transport, …
}

/// Whether `c` is an emoji symbol that a zero-width joiner (U+200D) or the emoji presentation
/// selector (U+FE0F) after it belongs to: the miscellaneous symbols, dingbats and plane 1's
/// pictographs. The text screening does not report such a joiner or selector as invisible.
/// Narrower than [`is_pictograph`] — no arrows, technical symbols, enclosed alphanumerics or
/// geometric shapes — so that the screening still reports a selector after one of those, as
/// it always has.
pub fn is_emoji_symbol(c: char) -> bool {
    matches!(c as u32,
        0x2600..=0x27BF         // miscellaneous symbols, dingbats
        | 0x1F000..=0x1FAFF) // plane 1: cards, enclosed, pictographs, emoji, transport, …
}

/// Whether `c` takes two cells on a terminal: East Asian wide and full-width forms.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_on_common_characters() {
        for c in ['中', '〇', '𠀀', '𪛖', '\u{30000}'] {
            assert!(is_ideograph(c) && is_cjk_letter(c) && joins_without_space(c) && is_wide(c), "{c}");
        }
        for c in ['あ', 'ㄅ', '⺀'] {
            assert!(!is_ideograph(c) && is_ideographic_letter(c) && is_cjk_letter(c), "{c}");
        }
        assert!(is_cjk_letter('가') && !is_ideographic_letter('가'));
        for c in ['，', '。', '“', '—', '…', '　', '（'] {
            assert!(!is_cjk_letter(c) && joins_without_space(c), "{c}");
        }
        for c in ['A', '1', ',', ' '] {
            assert!(!joins_without_space(c) && !is_wide(c), "{c}");
        }
        for c in ['\u{200B}', '\u{2066}', '\u{2069}', '\u{180E}', '\u{061C}', '\u{E0041}', '\u{FE0F}', '\u{E0100}'] {
            assert!(is_default_ignorable(c), "U+{:04X}", c as u32);
        }
        assert!(is_variation_selector('\u{E0100}') && !is_variation_selector('\u{200B}'));
        for c in ['☀', '✂', '😀', '🀄'] {
            assert!(is_emoji_symbol(c) && is_pictograph(c), "{c}");
        }
        for c in ['→', '⌚', '①', '■', '⬆'] {
            assert!(!is_emoji_symbol(c) && is_pictograph(c), "{c}");
        }
        // The emoji symbols are pictographs.
        assert!((0..=0x10FFFF).filter_map(char::from_u32).all(|c| !is_emoji_symbol(c) || is_pictograph(c)));
    }
}
