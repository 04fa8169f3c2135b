//! Text hygiene: characters pasted from Word, PDFs and e-mails that print nothing or the
//! wrong thing. Control characters are errors; invisible characters, tabs inside a line and
//! ASCII punctuation between Chinese characters are kept (a tab as a space) and reported as
//! warnings. Nothing is dropped silently.

use std::ops::Range;

/// Something found in a text, at a byte range of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// Where, in bytes of the text scanned.
    pub range: Range<usize>,
    /// What was found.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// Whether it stops the build (a control character) or is only reported.
    pub error: bool,
}

/// The kinds of warning, each reported once per file with a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// An invisible (default-ignorable) character.
    Invisible,
    /// A tab inside a line.
    Tab,
    /// ASCII punctuation between Chinese characters.
    Punctuation,
}

/// The first control character of `text`, if any (`\n`, `\t` and the `\r` of CRLF are not).
pub(crate) fn first_control(text: &str) -> Option<Finding> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_candidate(bytes, i) {
        i = at;
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let lone_cr = c == '\r' && bytes.get(i + 1) != Some(&b'\n');
        if lone_cr || (is_control(c) && c != '\r') {
            let range = i..i + c.len_utf8();
            return Some(Finding { range, message: control_message(c), hint: control_hint(c).into(), error: true });
        }
        i += c.len_utf8();
    }
    None
}

/// Whether a control character or a line or paragraph separator may start at this byte: C0
/// and DEL, and the lead bytes of C1 (`C2 80`–`C2 9F`) and of U+2028 and U+2029 (`E2 80
/// A8`/`A9`). Each is an ASCII byte or a lead byte, so the text between is never decoded.
fn candidate(b: &u8) -> bool {
    *b < 0x20 || *b == 0x7F || *b == 0xC2 || *b == 0xE2
}

/// The first byte at or after `from` that is a [`candidate`], passing over eight bytes at a
/// time where none is (the usual word tests for a byte below a bound or equal to a value,
/// exact for whether any byte of the word is).
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    let equal = |x: u64, b: u64| below(x ^ (ONES * b), 1);
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(word);
        if below(x, 0x20) | equal(x, 0x7F) | equal(x, 0xC2) | equal(x, 0xE2) != 0 {
            break;
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(candidate).map(|k| i + k)
}

/// Every character of `text` a warning is about: its kind, byte range and the character.
pub(crate) fn occurrences(text: &str) -> Vec<(Kind, Range<usize>, char)> {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        if let Some(kind) = kind(prev, c, next, i == 0) {
            found.push((kind, i..i + c.len_utf8(), c));
        }
        prev = Some(c);
    }
    found
}

/// Warnings for `text`: one per kind, at its first occurrence, with the number found.
#[cfg(test)]
pub(crate) fn warnings(text: &str) -> Vec<Finding> {
    let mut found: Vec<(Kind, Range<usize>, char, usize)> = Vec::new();
    for (kind, range, c) in occurrences(text) {
        match found.iter_mut().find(|(k, ..)| *k == kind) {
            Some(entry) => entry.3 += 1,
            None => found.push((kind, range, c, 1)),
        }
    }
    found.into_iter().map(|(kind, range, c, count)| warning(kind, range, c, count)).collect()
}

/// The kind of warning `c` deserves between `prev` and `next`, if any.
fn kind(prev: Option<char>, c: char, next: Option<char>, first: bool) -> Option<Kind> {
    // Letters, digits and Han, most of any text, never draw a warning.
    if c.is_ascii_alphanumeric() || matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
        return None;
    }
    let emoji = |c: Option<char>| c.is_some_and(crate::unicode::is_emoji_symbol);
    match c {
        '\u{200D}' | '\u{FE0F}' if emoji(prev) => None,
        '\u{FEFF}' if first => None,
        _ if crate::unicode::is_variation_selector(c) && prev.is_some_and(is_han) => None,
        _ if is_invisible(c) => Some(Kind::Invisible),
        '\t' => {
            let inside = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
            (inside(prev) && inside(next)).then_some(Kind::Tab)
        }
        ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' if prev.is_some_and(is_han) && next.is_some_and(is_han) => {
            Some(Kind::Punctuation)
        }
        _ => None,
    }
}

/// The finding for a kind of warning first seen at `range` (character `c`), `count` times.
pub(crate) fn warning(kind: Kind, range: Range<usize>, c: char, count: usize) -> Finding {
    let times = |what: &str| if count == 1 { String::new() } else { format!(" ({count} {what}, the first here)") };
    let (message, hint) = match kind {
        Kind::Invisible => (
            format!(
                "invisible character U+{:04X} ({}) kept in the text{}",
                c as u32,
                invisible_name(c),
                times("invisible characters")
            ),
            "it prints nothing but stays in the PDF's text, where search and copy meet it; delete it unless it is wanted"
                .to_string(),
        ),
        Kind::Tab => (
            format!("a tab inside a line is set as a space{}", times("tabs")),
            "type a space, or an ideographic space `　` (U+3000) for a full-width gap".to_string(),
        ),
        Kind::Punctuation => (
            format!("ASCII `{c}` between Chinese characters is kept as typed{}", times("such marks")),
            format!("did you mean `{}`?", full_width(c)),
        ),
    };
    Finding { range, message, hint, error: false }
}

/// Whether `c` is a control character that prints nothing meaningful (C0 but `\n` and `\t`,
/// DEL, C1, and the Unicode line and paragraph separators).
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The message for a control character.
fn control_message(c: char) -> String {
    let name = match c {
        '\0' => "NUL",
        '\u{7}' => "BEL",
        '\u{8}' => "backspace",
        '\u{B}' => "vertical tab",
        '\u{C}' => "form feed",
        '\r' => "carriage return",
        '\u{1B}' => "escape",
        '\u{7F}' => "delete",
        '\u{85}' => "next line",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        _ => "control character",
    };
    format!("control character U+{:04X} ({name}) in the text", c as u32)
}

/// The hint for a control character.
fn control_hint(c: char) -> &'static str {
    match c {
        '\u{B}' | '\u{85}' | '\u{2028}' => "a manual line break from Word: replace it with a line break",
        '\u{C}' | '\u{2029}' => "a page or paragraph break: replace it with a blank line (a new paragraph)",
        '\r' => "the file has old Mac line ends (CR): save it with LF or CRLF line ends",
        _ => "delete it: it prints nothing (often left by a copy from Word, a PDF or an e-mail)",
    }
}

/// Whether `c` is an invisible format character (a default-ignorable code point): zero-width
/// spaces and joiners, word joiner, byte-order mark, soft hyphen, direction marks,
/// embeddings and isolates, variation selectors, tags. An ideographic variation selector
/// after a Han character selects its form and is not reported.
fn is_invisible(c: char) -> bool {
    crate::unicode::is_default_ignorable(c)
}

/// The name of an invisible character for a message.
fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{00AD}' => "soft hyphen",
        '\u{200B}' => "zero width space",
        '\u{200C}' => "zero width non-joiner",
        '\u{200D}' => "zero width joiner",
        '\u{200E}' | '\u{200F}' => "direction mark",
        '\u{2060}' => "word joiner",
        '\u{FE0F}' => "variation selector",
        '\u{FEFF}' => "zero width no-break space, a byte-order mark inside the text",
        _ => "format character",
    }
}

/// Whether `c` is a Han ideograph.
fn is_han(c: char) -> bool {
    crate::unicode::is_ideograph(c)
}

/// The full-width mark an editor most likely meant.
fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        '.' => '。',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        _ => '）',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first control character as a walk over every character finds it.
    fn walked(text: &str) -> Option<(Range<usize>, char)> {
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let lone_cr = c == '\r' && chars.peek().is_none_or(|(_, n)| *n != '\n');
            if lone_cr || (is_control(c) && c != '\r') {
                return Some((i..i + c.len_utf8(), c));
            }
        }
        None
    }

    proptest! {
        #[test]
        fn skipping_finds_the_walked_control(picks in prop::collection::vec(0usize..16, 0..40)) {
            let alphabet = ["甲", "乙", "—", "…", "“", "\u{2028}", "\u{2029}", "\u{85}", "\u{A0}", "\r", "\n", "\r\n", "\t", "\u{7}", "a", "\u{7F}"];
            let text: String = picks.iter().map(|&k| alphabet[k]).collect();
            let found = first_control(&text).map(|f| (f.range.clone(), text[f.range].chars().next().unwrap_or('?')));
            prop_assert_eq!(found, walked(&text));
        }
    }

    #[test]
    fn controls_are_errors_but_not_newline_tab_or_crlf() {
        assert_eq!(first_control("甲\r\n乙\t丙\n"), None);
        let f = first_control("甲乙\u{7}丙").expect("BEL");
        assert_eq!((f.range, f.error), (6..7, true));
        assert!(f.message.contains("U+0007 (BEL)"), "{}", f.message);
        assert!(first_control("甲\r乙").is_some_and(|f| f.hint.contains("CR")));
        assert!(first_control("甲\r").is_some());
        assert!(first_control("甲\u{B}乙").is_some_and(|f| f.hint.contains("Word")));
        assert!(first_control("甲\u{2029}").is_some());
        assert!(first_control("\u{85}").is_some());
    }

    #[test]
    fn warnings_once_per_kind_with_counts() {
        let w = warnings("今天,我们.开会\u{200B}讨论\u{200B}。A\tB");
        let messages: Vec<&str> = w.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert_eq!(w[0].range, 6..7);
        assert!(messages[0].starts_with("ASCII `,`") && messages[0].contains("(2 such marks, the first here)"));
        assert_eq!(w[0].hint, "did you mean `，`?");
        assert!(messages[1].contains("U+200B (zero width space)") && messages[1].contains("2 invisible"));
        assert!(messages[2].starts_with("a tab inside a line"));
    }

    #[test]
    fn what_is_not_warned() {
        assert!(warnings("\u{FEFF}甲，乙 A, B 3.5 年\t\n\t乙 １２３　全角").is_empty());
        assert!(warnings("家庭👨\u{200D}👩\u{200D}👧").is_empty());
        assert!(warnings("「甲」,乙").is_empty());
    }
}
