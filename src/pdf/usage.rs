//! Which glyphs of which faces the pages use, and the text each drawn glyph reads back as.
//!
//! Every drawn glyph gets the text of its ToUnicode entry. One glyph id drawn for two
//! different texts (a missing-glyph box standing for different characters, a glyph shaped
//! for several characters in one place and one in another) gets a second font resource — a
//! *variant* over the same embedded program — so that every extractor reads every glyph
//! exactly, without `/ActualText`. Glyphs of runs spaced for display are also drawn as
//! outlines (`paths.rs`), so their ids are noted.

use std::collections::{BTreeMap, BTreeSet};

use smol_str::SmolStr;

use crate::font::FaceId;
use crate::page::{Item, Page, TextRun};

/// The glyph uses of one face.
#[derive(Debug, Default)]
pub(super) struct FaceUses {
    /// The variants, variant 0 first, each a map from glyph id to its text (`""`: none,
    /// the glyph continues a cluster).
    pub variants: Vec<BTreeMap<u16, SmolStr>>,
    /// The glyphs drawn in runs spaced for display.
    pub displayed: BTreeSet<u16>,
    /// A glyph and text recorded lately, by the glyph id's low bits: recording it again
    /// changes nothing (a page repeats a few hundred glyphs thousands of times).
    seen: Vec<Option<(u16, SmolStr)>>,
}

/// Slots of [`FaceUses::seen`] (a power of two).
const SEEN: usize = 1024;

impl FaceUses {
    /// Records that `gid` reads as `text`: in the first variant that has no text for it yet
    /// or the same; an empty text in any variant that has the glyph.
    fn add(&mut self, gid: u16, text: &SmolStr) {
        if self.seen.is_empty() {
            self.seen = vec![None; SEEN];
        }
        let slot = &mut self.seen[usize::from(gid) & (SEEN - 1)];
        if slot.as_ref().is_some_and(|(g, t)| *g == gid && t == text) {
            return;
        }
        *slot = Some((gid, text.clone()));
        self.record(gid, text.clone());
    }

    /// Records a glyph and text not in [`FaceUses::seen`] (see [`FaceUses::add`]).
    fn record(&mut self, gid: u16, text: SmolStr) {
        // A glyph that stands for no text is drawn from any variant that has it (under an
        // empty `/ActualText`, `text.rs`).
        if text.is_empty() && self.variants.iter().any(|v| v.contains_key(&gid)) {
            return;
        }
        let fits = |v: &BTreeMap<u16, SmolStr>| v.get(&gid).is_none_or(|t| *t == text);
        match self.variants.iter_mut().find(|v| fits(v)) {
            Some(variant) => {
                variant.entry(gid).or_insert(text);
            }
            None => self.variants.push(BTreeMap::from([(gid, text)])),
        }
    }

    /// Every glyph id used, ascending.
    pub(super) fn glyph_ids(&self) -> Vec<u16> {
        let mut ids: Vec<u16> = self.variants.iter().flat_map(|v| v.keys().copied()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Collects, per face, the glyphs used anywhere in the pages with their texts, in page and
/// reading order.
pub(super) fn collect(pages: &[Page]) -> BTreeMap<FaceId, FaceUses> {
    let mut faces: BTreeMap<FaceId, FaceUses> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            if run.glyphs.is_empty() {
                continue;
            }
            let uses = faces.entry(run.face).or_default();
            if spaced_for_display(run) {
                uses.displayed.extend(run.glyphs.iter().map(|g| g.id));
            }
            // A run whose every glyph has a text of its own (nearly all) reads as they do.
            if run.glyphs.iter().all(|g| !g.text.is_empty()) {
                run.glyphs.iter().for_each(|g| uses.add(g.id, &g.text));
            } else {
                run_texts(run).iter().for_each(|(gid, text)| uses.add(*gid, text));
            }
        }
    }
    faces
}

/// Whether a run is spaced out for display (a masthead title, a two-character name set to
/// the width of three) and reads back as its glyphs' texts: such a run is drawn as outlines
/// under an invisible copy of its text set solid, which every extractor reads unspaced.
pub(super) fn spaced_for_display(run: &TextRun) -> bool {
    run.glyphs.len() > 1
        && run
            .actual_text
            .as_ref()
            .is_some_and(|t| *t == run.glyphs.iter().map(|g| g.text.as_str()).collect::<String>())
        && run.glyphs.iter().all(|g| g.rise == 0.0)
}

/// Each glyph of a run with the text it reads as: a cluster of as many glyphs as characters
/// gives each glyph its own character (`——` is two dashes, each read as one).
pub(super) fn run_texts(run: &TextRun) -> Vec<(u16, SmolStr)> {
    let mut texts: Vec<SmolStr> = run.glyphs.iter().map(|g| g.text.clone()).collect();
    let mut start = 0;
    while start < texts.len() {
        let end = (start + 1..texts.len()).find(|&i| !texts[i].is_empty()).unwrap_or(texts.len());
        // A cluster of one glyph (nearly every one) keeps its text as it is.
        if end - start > 1 && texts[start].chars().count() == end - start {
            let chars: Vec<char> = texts[start].chars().collect();
            for (slot, c) in texts[start..end].iter_mut().zip(chars) {
                *slot = SmolStr::from(c.encode_utf8(&mut [0; 4]) as &str);
            }
        }
        start = end;
    }
    run.glyphs.iter().map(|g| g.id).zip(texts).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Paint, PlacedGlyph, Tag};

    fn glyph(id: u16, x: f64, text: &str) -> PlacedGlyph {
        PlacedGlyph { id, x, rise: 0.0, advance: 10.0, text: text.into() }
    }

    fn run(glyphs: Vec<PlacedGlyph>, actual: Option<&str>) -> TextRun {
        TextRun {
            face: FaceId(0),
            size: 10.0,
            paint: Paint::BLACK,
            baseline: 20.0,
            glyphs,
            actual_text: actual.map(str::to_string),
            embolden: 0.0,
            tag: Tag::ARTIFACT,
        }
    }

    #[test]
    fn pdf_a_cluster_of_two_dashes_reads_as_one_dash_per_glyph() {
        let texts = run_texts(&run(vec![glyph(5, 0.0, "——"), glyph(5, 10.0, ""), glyph(6, 20.0, "甲")], None));
        assert_eq!(texts, [(5, "—".into()), (5, "—".into()), (6, "甲".into())]);
        // A cluster of one glyph for two characters keeps both on it; one of two glyphs for
        // three characters keeps them on its first glyph.
        assert_eq!(run_texts(&run(vec![glyph(7, 0.0, "葛\u{E0100}")], None))[0].1, "葛\u{E0100}");
        let texts = run_texts(&run(vec![glyph(8, 0.0, "abc"), glyph(9, 5.0, "")], None));
        assert_eq!(texts, [(8, "abc".into()), (9, SmolStr::default())]);
    }

    #[test]
    fn pdf_one_glyph_for_two_texts_takes_a_second_variant() {
        let spaced = run(vec![glyph(1, 0.0, "联"), glyph(2, 30.0, "络")], Some("联络"));
        assert!(spaced_for_display(&spaced));
        assert!(!spaced_for_display(&run(vec![glyph(1, 0.0, "联"), glyph(2, 30.0, "络")], Some("联系"))));
        let boxes =
            run(vec![glyph(1, 0.0, "联"), glyph(0, 10.0, "𠀀"), glyph(0, 20.0, "𠀁"), glyph(0, 30.0, "𠀀")], None);
        let page = Page { width: 100.0, height: 100.0, items: vec![Item::Text(spaced), Item::Text(boxes)] };
        let mut faces = collect(&[page]);
        let face = faces.remove(&FaceId(0)).unwrap_or_default();
        assert_eq!(face.variants.len(), 2);
        assert_eq!(face.variants[0].get(&0).map(SmolStr::as_str), Some("𠀀"));
        assert_eq!(face.variants[1].get(&0).map(SmolStr::as_str), Some("𠀁"));
        assert_eq!(face.glyph_ids(), [0, 1, 2]);
        assert_eq!(face.displayed, BTreeSet::from([1, 2]));
    }

    proptest::proptest! {
        /// Glyphs recorded lately are not recorded again, and that changes nothing: the
        /// variants are those of recording every glyph (ids 1024 apart share a slot).
        #[test]
        fn pdf_remembered_glyphs_give_the_same_variants(
            uses in proptest::collection::vec((0u16..4, 0u16..3, 0usize..4), 0..200),
        ) {
            let texts = ["", "甲", "乙", "\u{0}"];
            let (mut remembered, mut every) = (FaceUses::default(), FaceUses::default());
            for (high, low, text) in uses {
                let gid = high * 1024 + low;
                remembered.add(gid, &SmolStr::new(texts[text]));
                every.record(gid, SmolStr::new(texts[text]));
            }
            proptest::prop_assert_eq!(remembered.variants, every.variants);
        }
    }
}
