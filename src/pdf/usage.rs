//! Which glyphs of which faces the pages use, and the text each glyph stands for.

use std::collections::BTreeMap;

use crate::font::FaceId;
use crate::page::{Item, Page};

/// Every glyph id one face draws, with the first non-empty text seen for it (`""` if none).
pub(super) type GlyphTexts = BTreeMap<u16, String>;

/// Collects, per face, the glyphs used anywhere in the pages, in page and reading order.
pub(super) fn collect(pages: &[Page]) -> BTreeMap<FaceId, GlyphTexts> {
    let mut faces: BTreeMap<FaceId, GlyphTexts> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            if run.glyphs.is_empty() {
                continue;
            }
            let glyphs = faces.entry(run.face).or_default();
            for glyph in &run.glyphs {
                let text = glyphs.entry(glyph.id).or_default();
                if text.is_empty() {
                    text.push_str(&glyph.text);
                }
            }
        }
    }
    faces
}
