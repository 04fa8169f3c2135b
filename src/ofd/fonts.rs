//! The embedded fonts: for each face the pages use, a TrueType font holding just the glyphs
//! drawn, with a character map built from the text each glyph stands for, so that a reader
//! that looks a character up in the font finds the very glyph the page model placed.

use std::collections::{BTreeMap, BTreeSet};

use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider, string::StringId};

use super::OfdError;
use super::ttf::{self, Names};
use crate::font::{Face, FaceId};
use crate::page::{Item, Page};

/// What the pages use of one face.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Usage {
    /// Every glyph drawn.
    pub glyphs: BTreeSet<u16>,
    /// For each character some glyph stands for alone, the first such glyph in reading order.
    pub chars: BTreeMap<char, u16>,
}

/// Collects, per face, the glyphs drawn and the characters they stand for.
pub(super) fn collect(pages: &[Page]) -> BTreeMap<FaceId, Usage> {
    let mut faces: BTreeMap<FaceId, Usage> = BTreeMap::new();
    for item in pages.iter().flat_map(|p| &p.items) {
        let Item::Text(run) = item else { continue };
        if run.glyphs.is_empty() {
            continue;
        }
        let usage = faces.entry(run.face).or_default();
        for g in &run.glyphs {
            usage.glyphs.insert(g.id);
            let mut chars = g.text.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && g.id != 0
            {
                usage.chars.entry(c).or_insert(g.id);
            }
        }
    }
    faces
}

/// One face as embedded in the package.
pub(super) struct EmbeddedFont {
    /// The font's resource ID.
    pub id: u32,
    /// `FontName`: the subset tag and the face's PostScript family, e.g.
    /// `ABCDEF+NotoSerifCJKsc` (the style is in `Bold`).
    pub font_name: String,
    /// `FamilyName`, e.g. `Noto Serif CJK SC`.
    pub family: String,
    /// Whether the face is bold (weight class 600 or more).
    pub bold: bool,
    /// Whether the face has serifs.
    pub serif: bool,
    /// The font file's name inside the resource folder.
    pub file: String,
    /// The font file (TrueType).
    pub data: Vec<u8>,
    /// The face's glyph id → the embedded font's.
    glyphs: BTreeMap<u16, u16>,
    /// Characters the embedded font maps, and to which of its glyphs.
    chars: BTreeMap<char, u16>,
    /// Ink box of each embedded glyph in ems (x min, y min, x max, y max; y up).
    boxes: Vec<Option<[f64; 4]>>,
}

impl EmbeddedFont {
    /// Converts the used part of `face` into an embedded font with resource ID `id`.
    pub(super) fn new(id: u32, face: &Face, usage: &Usage) -> Result<Self, OfdError> {
        let error = |reason: String| OfdError::Font { name: face.name.clone(), reason };
        let mut order = vec![0u16];
        order.extend(usage.glyphs.iter().copied().filter(|&g| g != 0));
        let glyphs: BTreeMap<u16, u16> = order
            .iter()
            .enumerate()
            .map(|(new, &old)| u16::try_from(new).map(|new| (old, new)))
            .collect::<Result<_, _>>()
            .map_err(|_| error(format!("{} distinct glyphs are more than a font can hold", order.len())))?;
        let chars: BTreeMap<char, u16> =
            usage.chars.iter().filter_map(|(&c, old)| glyphs.get(old).map(|&new| (c, new))).collect();

        let data = face.data.bytes();
        let font = FontRef::from_index(data, face.index).map_err(|e| error(format!("cannot read the font: {e}")))?;
        let postscript = face.postscript_name();
        let tag = subset_tag(&postscript, &order, &chars);
        let family = english(&font, 1).unwrap_or_else(|| postscript.clone());
        let stem = postscript.split('-').next().unwrap_or(&postscript).to_string();
        let names = Names { family: format!("{tag}+{family}"), postscript: format!("{tag}+{postscript}") };
        let map: Vec<(char, u16)> = chars.iter().map(|(&c, &g)| (c, g)).collect();
        let built = ttf::build(data, face.index, &order, &map, &names).map_err(error)?;
        let em = f64::from(built.units_per_em.max(1));
        let boxes = built
            .boxes
            .iter()
            .map(|b| {
                b.map(|b| [f64::from(b[0]) / em, f64::from(b[1]) / em, f64::from(b[2]) / em, f64::from(b[3]) / em])
            })
            .collect();
        let os2 = font.os2().ok();
        let bold = os2.as_ref().is_some_and(|o| o.us_weight_class() >= 600);
        let serif = os2.as_ref().is_some_and(|o| matches!(o.s_family_class() >> 8, 1..=5 | 7));
        let font_name = format!("{tag}+{stem}");
        Ok(EmbeddedFont {
            id,
            file: format!("{font_name}.ttf"),
            font_name,
            family,
            bold,
            serif,
            data: built.data,
            glyphs,
            chars,
            boxes,
        })
    }

    /// The embedded glyph id for a glyph id of the face.
    pub(super) fn glyph(&self, original: u16) -> Option<u16> {
        self.glyphs.get(&original).copied()
    }

    /// Whether looking `c` up in the embedded font gives glyph `glyph`.
    pub(super) fn maps(&self, c: char, glyph: u16) -> bool {
        self.chars.get(&c) == Some(&glyph)
    }

    /// The ink box of an embedded glyph in ems (y up), if it has ink.
    pub(super) fn ink(&self, glyph: u16) -> Option<[f64; 4]> {
        self.boxes.get(usize::from(glyph)).copied().flatten()
    }
}

/// An English (or the first) name of the face.
fn english(font: &FontRef, id: u16) -> Option<String> {
    font.localized_strings(StringId::new(id)).english_or_first().map(|s| s.to_string()).filter(|s| !s.is_empty())
}

/// Six capital letters derived from the face, its glyphs and character map, so that equal
/// subsets get equal tags and different ones (almost surely) different tags.
fn subset_tag(postscript: &str, glyphs: &[u16], chars: &BTreeMap<char, u16>) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(postscript.as_bytes());
    for g in glyphs {
        hasher.update(&g.to_be_bytes());
    }
    for (c, g) in chars {
        hasher.update(&u32::from(*c).to_be_bytes());
        hasher.update(&g.to_be_bytes());
    }
    let hash = hasher.finalize();
    let mut h = u64::from_le_bytes(hash.as_bytes()[..8].try_into().unwrap_or([0; 8]));
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Paint, PlacedGlyph, Tag, TextRun};

    fn glyph(id: u16, text: &str) -> PlacedGlyph {
        PlacedGlyph { id, x: 0.0, rise: 0.0, advance: 10.0, text: text.into() }
    }

    #[test]
    fn ofd_usage_maps_each_character_to_its_first_glyph() {
        let run = TextRun {
            face: FaceId(1),
            size: 10.0,
            paint: Paint::BLACK,
            baseline: 20.0,
            glyphs: vec![glyph(5, "联"), glyph(6, "联"), glyph(7, "ff"), glyph(8, ""), glyph(0, "\u{10FFFD}")],
            actual_text: None,
            embolden: 0.0,
            tag: Tag::ARTIFACT,
        };
        let page = Page { width: 100.0, height: 100.0, items: vec![Item::Text(run)] };
        let usage = collect(&[page]);
        let u = &usage[&FaceId(1)];
        assert_eq!(u.glyphs.iter().copied().collect::<Vec<_>>(), vec![0, 5, 6, 7, 8]);
        assert_eq!(u.chars.iter().map(|(&c, &g)| (c, g)).collect::<Vec<_>>(), vec![('联', 5)]);
    }

    #[test]
    fn ofd_subset_tags_are_stable_letters() {
        let chars = BTreeMap::from([('a', 1u16)]);
        let a = subset_tag("X-Regular", &[0, 1], &chars);
        assert_eq!(a, subset_tag("X-Regular", &[0, 1], &chars));
        assert_ne!(a, subset_tag("X-Regular", &[0, 2], &chars));
        assert!(a.len() == 6 && a.bytes().all(|b| b.is_ascii_uppercase()));
    }
}
