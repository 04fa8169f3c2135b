//! One font face: its bytes, its parsed tables and the metrics the later stages need.

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};

use harfrust::GlyphId;

/// The bytes of a font file: compiled in, or read from disk.
#[derive(Clone)]
pub enum FaceData {
    /// Bytes compiled into the program.
    Static(&'static [u8]),
    /// Bytes read at run time.
    Owned(Arc<Vec<u8>>),
}

impl FaceData {
    /// The raw font file.
    pub fn bytes(&self) -> &[u8] {
        match self {
            FaceData::Static(b) => b,
            FaceData::Owned(b) => b,
        }
    }
}

/// A font that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct FontError {
    /// The face's name as the layout gives it.
    pub name: String,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "font `{}`: {}", self.name, self.reason)
    }
}

impl std::error::Error for FontError {}

/// A parsed face of a font file (one member of a collection).
pub struct Face {
    /// The name the layout uses for it.
    pub name: String,
    /// The whole font file.
    pub data: FaceData,
    /// The index of the face in a collection (0 for a single font).
    pub index: u32,
    /// The parsed font, shared with the shaper.
    pub(super) font: harfrust::Font,
    /// Shaping plans made so far for this face, one per script, direction and feature set.
    pub(super) plans: super::shape::Plans,
    /// Font units per em.
    pub units_per_em: u16,
    /// Ideographic em box top (font units above the baseline), e.g. 880.
    pub em_top: f64,
    /// Ideographic em box bottom (font units, negative below the baseline), e.g. −120.
    pub em_bottom: f64,
    /// The glyphs of the Basic Multilingual Plane looked up so far ([`Glyphs`]).
    glyphs: Glyphs,
    /// Ink past the advance of the glyphs asked about so far.
    overhangs: super::overhang::Overhangs,
}

/// The cmap lookups of a face's Basic Multilingual Plane, remembered: a lookup searches the
/// cmap's subtable (some 300 instructions for a Han character), and a paragraph asks for
/// every character's glyph while choosing faces. Filled as characters are asked for (65,536
/// slots of 4 bytes, made on the first lookup), shared by the threads composing paragraphs.
#[derive(Default)]
struct Glyphs(OnceLock<Box<[AtomicU32]>>);

impl Glyphs {
    /// A slot not looked up yet.
    const UNKNOWN: u32 = 0;
    /// A character the face has no glyph for.
    const NONE: u32 = 1;

    /// The glyph of `c` as `lookup` gives it, asked of `lookup` once per BMP character.
    fn get(&self, c: char, lookup: impl FnOnce() -> Option<u16>) -> Option<u16> {
        let Some(slot) = usize::try_from(u32::from(c)).ok().filter(|&i| i < 0x10000) else {
            return lookup();
        };
        let slots =
            self.0.get_or_init(|| std::iter::repeat_with(|| AtomicU32::new(Self::UNKNOWN)).take(0x10000).collect());
        match slots[slot].load(Ordering::Relaxed) {
            Self::UNKNOWN => {
                let glyph = lookup();
                slots[slot].store(glyph.map_or(Self::NONE, |g| u32::from(g) + 2), Ordering::Relaxed);
                glyph
            }
            Self::NONE => None,
            // Stored as glyph id + 2, so it fits a u16 again.
            known => Some((known - 2) as u16),
        }
    }
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Face").field("name", &self.name).field("index", &self.index).finish()
    }
}

impl Face {
    /// Parses face `index` of `data`.
    pub fn new(name: &str, data: FaceData, index: u32) -> Result<Self, FontError> {
        let blob: harfrust::font::Blob = match &data {
            FaceData::Static(b) => (*b).into(),
            FaceData::Owned(b) => (b.as_ref().clone()).into(),
        };
        check(data.bytes(), index).map_err(|reason| FontError { name: name.to_string(), reason })?;
        let font = harfrust::Font::new(blob, index).ok_or_else(|| FontError {
            name: name.to_string(),
            reason: format!("no readable font at index {index}"),
        })?;
        let units_per_em = font.units_per_em();
        let (em_top, em_bottom) = ideographic_em_box(data.bytes(), index)
            .unwrap_or((0.88 * units_per_em as f64, -0.12 * units_per_em as f64));
        Ok(Face {
            name: name.to_string(),
            data,
            index,
            font,
            plans: Default::default(),
            glyphs: Glyphs::default(),
            overhangs: Default::default(),
            units_per_em,
            em_top,
            em_bottom,
        })
    }

    /// Identity of the face for de-duplication: same bytes and index.
    pub(super) fn key(&self) -> (usize, usize, u32) {
        let b = self.data.bytes();
        (b.as_ptr() as usize, b.len(), self.index)
    }

    /// The glyph for a character, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        (self.glyphs).get(c, || self.font.charmap().map_unicode(c as u32).map(|g| g.to_u32() as u16))
    }

    /// Whether the face can draw this character.
    pub fn covers(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Whether the face's format-14 cmap lists the variation sequence `base` `selector`,
    /// with a glyph of its own or the base glyph as the sequence's default form.
    pub fn lists(&self, base: char, selector: char) -> bool {
        self.font.charmap().map_unicode_variant(base, selector).is_some()
    }

    /// The other faces of the collection this face is a member of, as indices in file order
    /// (none for a font file of one face).
    pub fn siblings(&self) -> Vec<u32> {
        let b = self.data.bytes();
        let count = match (b.get(0..4), b.get(8..12)) {
            (Some(b"ttcf"), Some(&[x, y, z, w])) => u32::from_be_bytes([x, y, z, w]),
            _ => 0,
        };
        (0..count).filter(|&i| i != self.index).collect()
    }

    /// Face `index` of the same collection, named `NAME#INDEX` after this one.
    pub fn sibling(&self, index: u32) -> Result<Face, FontError> {
        Face::new(&format!("{}#{index}", self.name), self.data.clone(), index)
    }

    /// Horizontal advance of a glyph in font units.
    pub fn advance(&self, glyph: u16) -> f64 {
        self.font.glyph_metrics().h_advance(GlyphId::new(glyph as u32)) as f64
    }

    /// How far the ink of `glyph` reaches past its advance on the right, em (the hook of an
    /// `f`); 0 for overhangs under 1/100 em. Worked out once per glyph.
    pub fn overhang(&self, glyph: u16) -> f64 {
        let units = self.overhangs.get(glyph, || super::overhang::overhang(self, glyph));
        f64::from(units) / f64::from(self.units_per_em.max(1))
    }

    /// The PostScript name from the `name` table (ID 6), or the layout name without spaces.
    pub fn postscript_name(&self) -> String {
        let from_table = self
            .font
            .names()
            .get(read_fonts::types::NameId::POSTSCRIPT_NAME)
            .and_then(|n| n.english_or_first())
            .map(|n| n.name().chars().filter(|c| c.is_ascii_graphic()).collect::<String>());
        match from_table {
            Some(name) if !name.is_empty() => name,
            _ => self.name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect(),
        }
    }

    /// Whether the outlines are CFF (PostScript) rather than TrueType.
    pub fn is_cff(&self) -> bool {
        table(self.data.bytes(), self.index, *b"CFF ").is_some()
    }

    /// The raw bytes of one table of this face.
    pub fn table(&self, tag: [u8; 4]) -> Option<&[u8]> {
        table(self.data.bytes(), self.index, tag)
    }

    /// Font bounding box (font units): x_min, y_min, x_max, y_max, from `head`.
    pub fn bbox(&self) -> [f64; 4] {
        match self.table(*b"head") {
            Some(h) if h.len() >= 44 => {
                let r = |o: usize| i16::from_be_bytes([h[o], h[o + 1]]) as f64;
                [r(36), r(38), r(40), r(42)]
            }
            _ => [0.0, self.em_bottom, self.units_per_em as f64, self.em_top],
        }
    }

    /// Gives back the resident pages of a compiled-in face (after subsetting it): a later
    /// read maps them in again.
    pub fn release_pages(&self) {
        if let Some(bytes) = self.compiled_in() {
            super::release(bytes);
        }
    }

    /// The face's file, when it is compiled into the program.
    pub(super) fn compiled_in(&self) -> Option<&'static [u8]> {
        match self.data {
            FaceData::Static(bytes) => Some(bytes),
            FaceData::Owned(_) => None,
        }
    }

    /// The parsed font for the shaper.
    pub(super) fn font(&self) -> &harfrust::Font {
        &self.font
    }
}

/// Checks that a font file holds a whole face at `index` that can be drawn with: a font or
/// collection header, every table inside the file, and the tables shaping, metrics and
/// embedding read (head, maxp, hhea, hmtx, cmap, and outlines). A truncated or foreign file
/// is refused here, when it is loaded, rather than when the PDF is written.
fn check(bytes: &[u8], index: u32) -> Result<(), String> {
    use read_fonts::{FontRef, TableProvider};
    let font = FontRef::from_index(bytes, index).map_err(|e| match e {
        read_fonts::ReadError::InvalidCollectionIndex(_) => format!("the file has no face number {index}"),
        _ => format!("not a font file (TrueType, OpenType or a collection of them): {e}"),
    })?;
    let size = bytes.len() as u64;
    for record in font.table_directory().table_records() {
        let end = u64::from(record.offset()) + u64::from(record.length());
        if end > size {
            return Err(format!(
                "the file is cut short: its `{}` table ends at byte {end}, but the file has {size} bytes",
                record.tag()
            ));
        }
    }
    let unreadable = |table: &str, e: read_fonts::ReadError| format!("its `{table}` table cannot be read: {e}");
    font.head().map_err(|e| unreadable("head", e))?;
    font.maxp().map_err(|e| unreadable("maxp", e))?;
    font.hhea().map_err(|e| unreadable("hhea", e))?;
    font.hmtx().map_err(|e| unreadable("hmtx", e))?;
    font.cmap().map_err(|e| unreadable("cmap", e))?;
    if font.glyf().is_err() && font.cff().is_err() && font.cff2().is_err() {
        return Err("it has no glyph outlines (no `glyf`, `CFF ` or `CFF2` table)".into());
    }
    Ok(())
}

/// Finds a table in a font file or collection by walking the SFNT directory.
fn table(data: &[u8], index: u32, tag: [u8; 4]) -> Option<&[u8]> {
    let u32_at = |o: usize| -> Option<u32> { data.get(o..o + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]])) };
    let u16_at = |o: usize| -> Option<u16> { data.get(o..o + 2).map(|b| u16::from_be_bytes([b[0], b[1]])) };
    let offset = if data.get(0..4)? == b"ttcf" { u32_at(12 + 4 * index as usize)? as usize } else { 0 };
    let num_tables = u16_at(offset + 4)? as usize;
    for i in 0..num_tables {
        let rec = offset + 12 + 16 * i;
        if data.get(rec..rec + 4)? == tag {
            let start = u32_at(rec + 8)? as usize;
            let len = u32_at(rec + 12)? as usize;
            return data.get(start..start.checked_add(len)?);
        }
    }
    None
}

/// Reads the ideographic em box in font units. CJK fonts in the Adobe/Noto tradition put it
/// in `OS/2` sTypoAscender/sTypoDescender (880/−120), not in `hhea` (1160/−288).
fn ideographic_em_box(data: &[u8], index: u32) -> Option<(f64, f64)> {
    let os2 = table(data, index, *b"OS/2")?;
    let ascender = i16::from_be_bytes([*os2.get(68)?, *os2.get(69)?]) as f64;
    let descender = i16::from_be_bytes([*os2.get(70)?, *os2.get(71)?]) as f64;
    (ascender > 0.0 && descender <= 0.0).then_some((ascender, descender))
}

#[cfg(test)]
mod tests {
    use super::super::bundled_face;

    #[test]
    fn a_remembered_glyph_is_the_cmap_lookup() {
        for name in ["Noto Serif CJK SC", "LXGW WenKai"] {
            let face = bundled_face(name).expect("bundled").expect("parses");
            let cmap = |c: char| face.font.charmap().map_unicode(c as u32).map(|g| g.to_u32() as u16);
            // Every BMP character twice (the second time from the slots), and beyond the BMP.
            let chars: Vec<char> = (0..0x10000).chain(0x20000..0x20100).filter_map(char::from_u32).collect();
            for _ in 0..2 {
                for &c in &chars {
                    assert_eq!(face.glyph(c), cmap(c), "{name}: U+{:04X}", c as u32);
                }
            }
            assert!(chars.iter().filter(|&&c| face.covers(c)).count() > 1000, "{name}");
        }
    }
}
