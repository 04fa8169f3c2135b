//! Embedding one face: subsetting, and the Type0 font, CIDFont, descriptor, font file and
//! ToUnicode objects.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str};
use smol_str::SmolStr;
use subsetter::GlyphRemapper;

use super::paths::{Outline, read_outlines};
use super::usage::FaceUses;
use super::widths::{WidthGroup, group};
use super::{PdfError, cff, cmap, deflate, deflate_font, deflate_text, hash, sfnt};
use crate::font::{Face, FaceId};

/// One glyph of an embedded font as the content stream uses it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct GlyphInfo {
    /// The CID (= glyph id in the subset) that addresses the glyph.
    pub cid: u16,
    /// Advance in glyph space (1000 per em), exactly as written in the `W` array.
    pub width: f64,
}

/// One font resource over the embedded program: its Type0 font, and the text of each glyph.
struct Variant {
    /// The name pages refer to it by (`F0`, `F0v1`, …).
    resource: String,
    /// The Type0 font object (given by [`EmbeddedFont::numbered`]).
    type0: Ref,
    /// The text each glyph's ToUnicode entry gives in this variant, by the glyph's place in
    /// [`EmbeddedFont::gids`] (`None`: not in this variant).
    texts: Vec<Option<SmolStr>>,
}

/// The subset `CFF ` table of a CID-keyed CFF face, made by [`cff::subset`]; `None` for any
/// other face (`subsetter` makes those).
fn program(face: &Face, remapper: &GlyphRemapper, parallel: bool) -> Option<Vec<u8>> {
    let gids: Vec<u16> = remapper.remapped_gids().collect();
    cff::subset(face.table(*b"CFF ")?, &gids, parallel)
}

/// The metrics of a font descriptor, in glyph space (1000 per em).
struct Metrics {
    /// Font bounding box.
    bbox: [f64; 4],
    /// Ideographic em box top.
    ascent: f64,
    /// Ideographic em box bottom (negative).
    descent: f64,
    /// Height of flat capitals.
    cap_height: f64,
    /// Estimated dominant vertical stem width.
    stem_v: f64,
    /// Whether the face has serifs (descriptor flag).
    serif: bool,
}

/// A face subset, ready to be drawn with and written: its glyph table and names (its
/// program is apart, in [`Program`]).
pub(super) struct EmbeddedFont {
    /// The font resources over the program; the first is the glyphs' ordinary use.
    variants: Vec<Variant>,
    /// Outlines of the glyphs drawn in runs spaced for display, font units.
    outlines: BTreeMap<u16, Outline>,
    /// The face's units per em.
    units_per_em: f64,
    /// `ABCDEF+PostScriptName`.
    base_font: String,
    /// The original glyph ids of the subset, sorted.
    gids: Vec<u16>,
    /// What the content stream needs of each, in the same order.
    glyphs: Vec<GlyphInfo>,
    /// Whether the program is CFF.
    cff: bool,
    /// Number of glyphs in the subset: CIDs 0 (`.notdef`) to `cid_count - 1`.
    cid_count: u16,
    /// Descriptor metrics.
    metrics: Metrics,
}

/// A subset face's program, uncompressed: compressed apart ([`Program::compress`], on
/// another thread while the next face is subset and the pages drawn).
pub(super) struct Program {
    /// The bare `CFF ` table for CFF faces, the whole subset font for TrueType faces.
    bytes: Vec<u8>,
    /// Whether the program is a bare `CFF ` table.
    cff: bool,
}

/// A subset face's program, compressed where that pays.
pub(super) struct Compressed {
    /// The program: a CFF table as it is, a TrueType font deflated.
    bytes: Vec<u8>,
    /// The program's length uncompressed.
    len: usize,
    /// Whether the program is deflated.
    deflated: bool,
}

/// What a font's program is made from, once its objects are planned.
pub(super) struct Pending {
    /// The subset's glyphs, in their new order.
    remapper: GlyphRemapper,
    /// Whether the program is CFF (as planned).
    cff: bool,
}

impl Pending {
    /// The number of glyphs in the subset, `.notdef` included.
    pub(super) fn glyphs(&self) -> u16 {
        self.remapper.num_gids()
    }

    /// Subsets `face` (the face it was planned for) to the glyphs: its program, uncompressed;
    /// with `parallel`, a CFF program's glyphs are written out in pieces on the thread pool.
    pub(super) fn program(self, face: &Face, parallel: bool) -> Result<Program, PdfError> {
        let error = |reason: String| PdfError::Font { name: face.name.clone(), reason };
        let Pending { remapper, cff } = self;
        let (bytes, is_cff) = match program(face, &remapper, parallel) {
            Some(table) => (table, true),
            None => {
                let subset = subsetter::subset(face.data.bytes(), face.index, &remapper)
                    .map_err(|e| error(format!("subsetting failed: {e}")))?;
                match sfnt::table(&subset, *b"CFF ") {
                    Some(table) => (table.to_vec(), true),
                    None if sfnt::table(&subset, *b"glyf").is_some() => (subset, false),
                    None => return Err(error("the subset has neither CFF nor TrueType outlines".into())),
                }
            }
        };
        if is_cff != cff {
            return Err(error("the subset's outlines are not of the face's kind".into()));
        }
        Ok(Program { bytes, cff })
    }
}

impl Program {
    /// Compresses the program where that pays. A CFF program is stored as it is: Type 2
    /// charstrings are dense already, so deflate took 14 % off the model issue's largest
    /// subset (117 to 101 KB, 8 % of the file) for a quarter of the build's instructions, on
    /// its critical path.
    pub(super) fn compress(self) -> Compressed {
        let len = self.bytes.len();
        match self.cff {
            true => Compressed { bytes: self.bytes, len, deflated: false },
            false => Compressed { bytes: deflate_font(&self.bytes), len, deflated: true },
        }
    }
}

impl EmbeddedFont {
    /// Subsets `face` to the glyphs used and prepares the font's objects, taking one Type0
    /// font id per variant from `next`.
    #[cfg(test)]
    pub(super) fn new(id: FaceId, face: &Face, used: &FaceUses, next: &mut Ref) -> Result<Self, PdfError> {
        let (font, pending) = Self::plan(id, face, used)?;
        pending.program(face, false)?;
        Ok(font.numbered(next))
    }

    /// Prepares the font's objects for the glyphs used of `face`, and what its program is
    /// made from ([`Pending::program`], which may run while pages are drawn with the font:
    /// each glyph's CID and width are known before the program is). The Type0 font ids are
    /// given after ([`EmbeddedFont::numbered`]), so faces may be prepared in any order.
    pub(super) fn plan(id: FaceId, face: &Face, used: &FaceUses) -> Result<(Self, Pending), PdfError> {
        let error = |reason: String| PdfError::Font { name: face.name.clone(), reason };
        let ids = used.glyph_ids();
        if ids.len() >= usize::from(u16::MAX) {
            return Err(error(format!("{} distinct glyphs are more than a subset can hold", ids.len())));
        }
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&ids);
        // CFF outlines stay CFF; TrueType ones (and CFF2, which subsetter turns into TrueType)
        // are embedded as TrueType.
        let cff = face.table(*b"CFF ").is_some() && face.table(*b"glyf").is_none();
        let scale = 1000.0 / f64::from(face.units_per_em.max(1));
        // `ids` is sorted, each glyph once ([`FaceUses::glyph_ids`]).
        let glyphs = (ids.iter())
            .map(|&gid| {
                let cid = remapper.get(gid).ok_or_else(|| error(format!("glyph {gid} missing from the subset")))?;
                Ok(GlyphInfo { cid, width: round(face.advance(gid) * scale) })
            })
            .collect::<Result<Vec<_>, PdfError>>()?;
        let variants: Vec<Variant> = (used.variants.iter().enumerate())
            .map(|(n, uses)| Variant {
                resource: if n == 0 { format!("F{}", id.0) } else { format!("F{}v{n}", id.0) },
                type0: Ref::new(1),
                texts: ids.iter().map(|gid| uses.get(gid).cloned()).collect(),
            })
            .collect();
        let outlines = read_outlines(face, &used.displayed).map_err(error)?;
        let base_font = format!("{}+{}", subset_tag(&face.postscript_name(), &ids), face.postscript_name());
        let pending = Pending { remapper, cff };
        let font = EmbeddedFont {
            variants,
            outlines,
            units_per_em: f64::from(face.units_per_em.max(1)),
            base_font,
            gids: ids,
            glyphs,
            cff,
            cid_count: pending.glyphs(),
            metrics: metrics(face, scale),
        };
        Ok((font, pending))
    }

    /// Each variant's ToUnicode CMap, deflated (made while the pages are drawn).
    pub(super) fn to_unicode(&self) -> Vec<Vec<u8>> {
        (self.variants.iter())
            .map(|variant| {
                let mut by_cid: Vec<(u16, &str)> = (self.glyphs.iter().zip(&variant.texts))
                    .filter_map(|(info, t)| Some((info.cid, t.as_deref()?)))
                    .collect();
                by_cid.sort_unstable();
                deflate_text(&cmap::to_unicode(by_cid))
            })
            .collect()
    }

    /// Gives each variant its Type0 font id, taken from `next`.
    pub(super) fn numbered(mut self, next: &mut Ref) -> Self {
        for variant in &mut self.variants {
            variant.type0 = next.bump();
        }
        self
    }

    /// The font resources pages name this font by: (name, Type0 font), one per variant.
    pub(super) fn resources(&self) -> impl Iterator<Item = (String, Ref)> + '_ {
        self.variants.iter().map(|v| (v.resource.clone(), v.type0))
    }

    /// How to draw an original glyph id that reads as `text`: the font resource (the first
    /// variant that maps it so; for an empty text, the first that has it), its CID and width.
    pub(super) fn glyph(&self, gid: u16, text: &str) -> Option<(&str, &GlyphInfo)> {
        let k = self.gids.binary_search(&gid).ok()?;
        let variant = match text {
            "" => self.variants.iter().find(|v| v.texts.get(k).is_some_and(Option::is_some)),
            _ => self.variants.iter().find(|v| v.texts.get(k).is_some_and(|t| t.as_deref() == Some(text))),
        }?;
        Some((variant.resource.as_str(), self.glyphs.get(k)?))
    }

    /// The outline of a glyph drawn in a run spaced for display, with the face's units per
    /// em.
    pub(super) fn outline(&self, gid: u16) -> Option<(&Outline, f64)> {
        Some((self.outlines.get(&gid)?, self.units_per_em))
    }

    /// Writes each variant's Type0 font, CIDFont and ToUnicode CMap (`to_unicode`, from
    /// [`EmbeddedFont::to_unicode`]), and the descriptor and program they share (`program`,
    /// this font's), taking new ids from `next`; with `cid_set`, the descriptor lists the CIDs
    /// present (PDF/A-1 asks for it).
    pub(super) fn write(
        &self,
        chunk: &mut Chunk,
        next: &mut Ref,
        cid_set: bool,
        program: &Compressed,
        to_unicode: &[Vec<u8>],
    ) {
        let (descriptor, file) = (next.bump(), next.bump());
        let cid_set = cid_set.then(|| next.bump());
        let base = Name(self.base_font.as_bytes());
        for (variant, cmap) in self.variants.iter().zip(to_unicode) {
            let (cid_font, to_unicode) = (next.bump(), next.bump());
            chunk
                .type0_font(variant.type0)
                .base_font(base)
                .encoding_predefined(Name(b"Identity-H"))
                .descendant_font(cid_font)
                .to_unicode(to_unicode);
            self.write_cid_font(chunk, cid_font, descriptor);
            chunk.stream(to_unicode, cmap).filter(Filter::FlateDecode);
        }
        self.write_descriptor(chunk, descriptor, file, cid_set);
        if let Some(id) = cid_set {
            chunk.stream(id, &deflate(&cid_bits(self.cid_count))).filter(Filter::FlateDecode);
        }

        let mut stream = chunk.stream(file, &program.bytes);
        if program.deflated {
            stream.filter(Filter::FlateDecode);
        }
        if self.cff {
            stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        } else {
            stream.pair(Name(b"Length1"), i32::try_from(program.len).unwrap_or(i32::MAX));
        }
        stream.finish();
    }

    /// Writes a descendant CIDFont with its `W` array.
    fn write_cid_font(&self, chunk: &mut Chunk, id: Ref, descriptor: Ref) {
        let mut font = chunk.cid_font(id);
        font.subtype(if self.cff { CidFontType::Type0 } else { CidFontType::Type2 })
            .base_font(Name(self.base_font.as_bytes()))
            .system_info(SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 })
            .font_descriptor(descriptor);
        if !self.cff {
            font.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        let mut by_cid: Vec<(u16, f32)> = self.glyphs.iter().map(|g| (g.cid, g.width as f32)).collect();
        by_cid.sort_unstable_by_key(|&(cid, _)| cid);
        let mut widths = font.widths();
        for entry in group(&by_cid) {
            match entry {
                WidthGroup::List(first, list) => widths.consecutive(first, list),
                WidthGroup::Same(first, last, width) => widths.same(first, last, width),
            };
        }
    }

    /// Writes the font descriptor.
    fn write_descriptor(&self, chunk: &mut Chunk, id: Ref, file: Ref, cid_set: Option<Ref>) {
        let m = &self.metrics;
        let [x0, y0, x1, y1] = m.bbox.map(|v| v as f32);
        let mut flags = FontFlags::SYMBOLIC;
        if m.serif {
            flags |= FontFlags::SERIF;
        }
        let mut descriptor = chunk.font_descriptor(id);
        descriptor
            .name(Name(self.base_font.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(x0, y0, x1, y1))
            .italic_angle(0.0)
            .ascent(m.ascent as f32)
            .descent(m.descent as f32)
            .cap_height(m.cap_height as f32)
            .stem_v(m.stem_v as f32);
        if self.cff {
            descriptor.font_file3(file);
        } else {
            descriptor.font_file2(file);
        }
        if let Some(cid_set) = cid_set {
            descriptor.cid_set(cid_set);
        }
    }
}

/// A `CIDSet` bit string: bit `cid` set (high bit first) for every CID below `count`.
fn cid_bits(count: u16) -> Vec<u8> {
    let count = usize::from(count);
    let mut bits = vec![0xffu8; count / 8];
    if count % 8 != 0 {
        bits.push(0xff << (8 - count % 8));
    }
    bits
}

/// Six capital letters derived from the face and glyph set, so equal subsets get equal tags.
fn subset_tag(postscript_name: &str, glyphs: &[u16]) -> String {
    let mut hasher = hash::Fnv128::new();
    hasher.write(postscript_name.as_bytes());
    for g in glyphs {
        hasher.write(&g.to_be_bytes());
    }
    let mut h = hasher.value();
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            letter
        })
        .collect()
}

/// Descriptor metrics of `face`, scaled to glyph space.
fn metrics(face: &Face, scale: f64) -> Metrics {
    let os2 = face.table(*b"OS/2").and_then(sfnt::os2);
    let ascent = round(face.em_top * scale);
    let weight = os2.map_or(400.0, |o| o.weight);
    Metrics {
        bbox: face.bbox().map(|v| round(v * scale)),
        ascent,
        descent: round(face.em_bottom * scale),
        cap_height: os2.and_then(|o| o.cap_height).map_or(ascent, |c| round(c * scale)),
        // The usual estimate from the weight class (no font records its stems directly).
        stem_v: round(10.0 + 0.244 * (weight - 50.0).max(0.0)),
        serif: os2.is_some_and(|o| o.serif),
    }
}

/// Rounds to three decimals, the precision every number in the file gets.
fn round(v: f64) -> f64 {
    super::num(v) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_cid_set_bits() {
        assert_eq!(cid_bits(0), Vec::<u8>::new());
        assert_eq!(cid_bits(3), vec![0b1110_0000]);
        assert_eq!(cid_bits(8), vec![0xff]);
        assert_eq!(cid_bits(10), vec![0xff, 0b1100_0000]);
    }

    #[test]
    fn pdf_subset_tag_is_deterministic() {
        let a = subset_tag("NotoSerifCJKsc-Regular", &[1, 5, 9]);
        assert_eq!(a, subset_tag("NotoSerifCJKsc-Regular", &[1, 5, 9]));
        assert_ne!(a, subset_tag("NotoSerifCJKsc-Regular", &[1, 5, 10]));
        assert_eq!(a.len(), 6);
        assert!(a.bytes().all(|b| b.is_ascii_uppercase()));
    }
}
