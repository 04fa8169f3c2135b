//! Characters no font has: found before composition from the document's list of everything
//! printed, reported where they first occur (the place in the issue, file line and column),
//! or drawn as a visible box when allowed.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Place};
use crate::font::FontBook;
use crate::page::{Item, Page};
use crate::unicode::{is_default_ignorable, is_ideograph, is_variation_selector};

/// Whether `c` needs a glyph: not a space, a control or an invisible character.
fn drawn(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !is_default_ignorable(c)
}

/// Every character the document draws.
pub(super) fn printed_chars(doc: &Document) -> BTreeSet<char> {
    distinct_drawn(doc.printed().iter().flat_map(|p| p.text.as_str().chars()))
}

/// The characters of `chars` that are drawn, each once. Marked in a bit set of the Basic
/// Multilingual Plane (a long issue prints some 100,000 characters but a few thousand
/// different ones: sorting them all into the set cost more than the screening), the rest of
/// Unicode sorted apart.
fn distinct_drawn(chars: impl Iterator<Item = char>) -> BTreeSet<char> {
    let mut bmp = vec![0u64; 0x10000 / 64];
    let mut astral = Vec::new();
    // Every character is marked, and only the few thousand different ones tested for being drawn.
    for c in chars {
        match usize::try_from(u32::from(c)) {
            Ok(u) if u < 0x10000 => bmp[u / 64] |= 1 << (u % 64),
            _ => astral.push(c),
        }
    }
    let marked = (bmp.iter().enumerate()).flat_map(|(w, &bits)| {
        (0..64).filter(move |b| bits & (1 << b) != 0).filter_map(move |b| char::from_u32((w * 64 + b) as u32))
    });
    marked.chain(astral).filter(|&c| drawn(c)).collect()
}

/// Every variation sequence the document prints after a Han character (葛󠄀 = U+845B U+E0100):
/// the base and the selector.
pub(super) fn printed_sequences(doc: &Document) -> BTreeSet<(char, char)> {
    doc.printed().iter().flat_map(|printed| sequences(printed.text.as_str())).collect()
}

/// The variation sequences after a Han character in `text`. A selector's UTF-8 starts `E1 A0`
/// (U+180B–U+180F), `EF B8` (U+FE00–U+FE0F) or `F3 A0` (U+E0100–U+E01EF): only there are the
/// two characters decoded.
fn sequences(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let starts = text.as_bytes().windows(2).enumerate();
    starts.filter(|(_, pair)| matches!(pair, [0xE1, 0xA0] | [0xEF, 0xB8] | [0xF3, 0xA0])).filter_map(|(i, _)| {
        let selector = text.get(i..)?.chars().next()?;
        let base = text.get(..i)?.chars().next_back()?;
        (is_variation_selector(selector) && is_ideograph(base)).then_some((base, selector))
    })
}

/// A warning per variation sequence drawn with a face that does not list it (its base glyph
/// is printed), in order of first appearance.
pub(super) fn unlisted_sequences(pages: &[Page], book: &FontBook) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let runs = pages.iter().flat_map(|p| &p.items).filter_map(|item| match item {
        Item::Text(run) => Some(run),
        _ => None,
    });
    for run in runs {
        for glyph in &run.glyphs {
            // A Han base and a selector take six bytes at least: nearly every glyph is passed.
            if glyph.text.len() < 6 {
                continue;
            }
            let mut chars = glyph.text.chars();
            let (Some(base), Some(selector)) = (chars.next(), chars.next()) else { continue };
            if is_ideograph(base)
                && is_variation_selector(selector)
                && !book.face(run.face).lists(base, selector)
                && seen.insert((base, selector))
            {
                out.push(format!(
                    "warning: no bundled or layout font draws the variation sequence U+{:04X} U+{:04X} of '{base}': \
                     its plain form is printed (the sequence is kept in the text)",
                    base as u32, selector as u32
                ));
            }
        }
    }
    out
}

/// Describes a character, e.g. `U+2A6D6 '𪛖'`.
pub(super) fn describe(c: char) -> String {
    format!("U+{:04X} '{c}'", c as u32)
}

/// The error for characters no font has, pointing at the first one's first occurrence.
pub(super) fn missing_glyphs(doc: &Document, missing: &BTreeSet<char>) -> Diagnostic {
    let list: Vec<String> = missing.iter().take(8).map(|&c| describe(c)).collect();
    let more = if missing.len() > 8 { format!(" and {} more", missing.len() - 8) } else { String::new() };
    let message = format!("no font has {}{more}", list.join(", "));
    let hint = "add a font that has it to [fallback] fonts in the layout, install one on the system, \
                or build with --allow-missing-glyphs to print a box in its place";
    // The contents box repeats the titles: a character is pointed at where the title stands.
    for printed in doc.printed().into_iter().filter(|p| p.place != Place::Contents) {
        if let Some((offset, _)) = printed.text.as_str().char_indices().find(|(_, c)| missing.contains(c)) {
            return doc.diagnostic(printed.text, offset, format!("{message} ({})", printed.place)).with_hint(hint);
        }
    }
    doc.manifest_diagnostic(message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn sequences_are_a_han_base_and_its_selector() {
        let text = "葛\u{E0100}甲\u{FE00}a\u{FE01}\u{FE01}\u{180B}乙\u{180C}，（\u{E01EF}丙";
        let found: Vec<(char, char)> = sequences(text).collect();
        assert_eq!(found, [('葛', '\u{E0100}'), ('甲', '\u{FE00}'), ('乙', '\u{180C}')]);
        assert_eq!(sequences("").count() + sequences("\u{FE00}").count() + sequences("，。（）").count(), 0);
    }

    proptest! {
        #[test]
        fn the_drawn_characters_are_each_character_drawn_once(text in "[\\x{0}-\\x{10FFFF}]{0,60}") {
            let want: BTreeSet<char> = text.chars().filter(|&c| drawn(c)).collect();
            prop_assert_eq!(distinct_drawn(text.chars()), want);
        }
    }

    #[test]
    fn the_drawn_characters_of_both_planes() {
        let text = "联络动态 联络\u{200B}𠀀𠀀\u{E0100}a\u{FFFF}\u{10000}";
        let got: Vec<char> = distinct_drawn(text.chars()).into_iter().collect();
        assert_eq!(got, ['a', '动', '态', '络', '联', '\u{FFFF}', '\u{10000}', '𠀀']);
    }
}
