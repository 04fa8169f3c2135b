//! Glyph outlines read from the fonts (unhinted, as a PDF viewer draws embedded fonts), kept
//! as paths in font units (y up), each read once per face and glyph.

use std::collections::HashMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider, OutlineGlyphCollection};
use tiny_skia::{Path, PathBuilder};

use super::PreviewError;
use crate::font::{FaceId, FontBook};

/// Collects skrifa's outline commands into a tiny-skia path.
struct Pen(PathBuilder);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, cy0, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

/// One face's outline reader and the paths read so far.
struct FaceOutlines<'a> {
    /// The face's glyph outlines.
    glyphs: OutlineGlyphCollection<'a>,
    /// Font units per em.
    units_per_em: f32,
    /// The bottom and top of the face's box (`head`), font units.
    y_range: (f64, f64),
    /// Paths by glyph id; `None` for a glyph with no outline (a space, a missing id).
    paths: HashMap<u16, Option<Path>>,
}

/// The outlines of every face of a book, read as they are needed.
pub(super) struct Outlines<'a> {
    /// The book the faces come from.
    fonts: &'a FontBook,
    /// The faces opened so far.
    faces: HashMap<FaceId, FaceOutlines<'a>>,
}

/// A glyph's outline and the face's units per em.
pub(super) struct Glyph<'p> {
    /// The path in font units, y up.
    pub path: &'p Path,
    /// Font units per em.
    pub units_per_em: f32,
    /// The bottom of the face's box, font units.
    pub y_min: f64,
    /// The top of the face's box, font units.
    pub y_max: f64,
}

impl<'a> Outlines<'a> {
    /// Outlines of the faces of `fonts`.
    pub(super) fn new(fonts: &'a FontBook) -> Self {
        Outlines { fonts, faces: HashMap::new() }
    }

    /// Glyph `id` of `face`, or `None` when it has no outline to draw.
    pub(super) fn glyph(&mut self, face: FaceId, id: u16) -> Result<Option<Glyph<'_>>, PreviewError> {
        if !self.faces.contains_key(&face) {
            let opened = self.open(face)?;
            self.faces.insert(face, opened);
        }
        let Some(outlines) = self.faces.get_mut(&face) else { return Ok(None) };
        let (units_per_em, (y_min, y_max)) = (outlines.units_per_em, outlines.y_range);
        let path = outlines.paths.entry(id).or_insert_with(|| read(&outlines.glyphs, id));
        Ok(path.as_ref().map(|path| Glyph { path, units_per_em, y_min, y_max }))
    }

    /// Opens a face of the book for reading outlines.
    fn open(&self, id: FaceId) -> Result<FaceOutlines<'a>, PreviewError> {
        let fonts: &'a FontBook = self.fonts;
        let (_, face) = fonts.faces().find(|&(i, _)| i == id).ok_or(PreviewError::UnknownFace(id))?;
        let font = FontRef::from_index(face.data.bytes(), face.index)
            .map_err(|e| PreviewError::Font { name: face.name.clone(), reason: e.to_string() })?;
        let units_per_em = match face.units_per_em {
            0 => 1000.0,
            u => f32::from(u),
        };
        let [_, y_min, _, y_max] = face.bbox();
        Ok(FaceOutlines { glyphs: font.outline_glyphs(), units_per_em, y_range: (y_min, y_max), paths: HashMap::new() })
    }
}

/// Reads one glyph's outline; a glyph the face lacks or cannot draw has none (the PDF shows
/// nothing for it either).
fn read(glyphs: &OutlineGlyphCollection<'_>, id: u16) -> Option<Path> {
    let glyph = glyphs.get(GlyphId::new(u32::from(id)))?;
    let mut pen = Pen(PathBuilder::new());
    glyph.draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), &mut pen).ok()?;
    pen.0.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::bundled_face;

    #[test]
    fn preview_reads_bundled_cff_outlines_once() {
        let mut book = FontBook::new();
        let face = bundled_face("Noto Serif CJK SC").expect("bundled").expect("loads");
        let gid = face.glyph('永').expect("has 永");
        let space = face.glyph(' ').expect("has a space");
        let id = book.add(face);
        let mut outlines = Outlines::new(&book);
        let glyph = outlines.glyph(id, gid).expect("reads").expect("has an outline");
        assert_eq!(glyph.units_per_em, 1000.0);
        let b = glyph.path.bounds();
        assert!(b.left() >= 0.0 && b.right() <= 1000.0 && b.top() >= -120.0 && b.bottom() <= 880.0, "{b:?}");
        assert!(b.width() > 500.0 && b.height() > 500.0, "{b:?}");
        assert!(outlines.glyph(id, space).expect("reads").is_none());
        assert!(matches!(outlines.glyph(FaceId(7), gid), Err(PreviewError::UnknownFace(FaceId(7)))));
    }
}
