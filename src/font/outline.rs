//! Glyph outlines read from a face with skrifa, as move, line, cubic and close commands in
//! font units: drawn as PDF paths for runs spaced for display, measured for the ink past a
//! glyph's advance.

use std::collections::{BTreeMap, BTreeSet};

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::Face;

/// One command of an outline, in font units (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Command {
    /// Start a contour.
    Move(f32, f32),
    /// A straight segment.
    Line(f32, f32),
    /// A cubic Bézier segment: two control points and the end.
    Cubic([f32; 6]),
    /// Close the contour.
    Close,
}

/// A glyph's outline.
pub type Outline = Vec<Command>;

/// Collects skrifa's commands, quadratic segments raised to cubic ones.
#[derive(Default)]
struct Pen {
    /// The commands so far.
    commands: Outline,
    /// The current point.
    at: (f32, f32),
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.commands.push(Command::Move(x, y));
        self.at = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.commands.push(Command::Line(x, y));
        self.at = (x, y);
    }

    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        let (x0, y0) = self.at;
        let c1 = (x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0));
        let c2 = (x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y));
        self.curve_to(c1.0, c1.1, c2.0, c2.1, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.commands.push(Command::Cubic([cx0, cy0, cx1, cy1, x, y]));
        self.at = (x, y);
    }

    fn close(&mut self) {
        self.commands.push(Command::Close);
    }
}

/// Reads the outlines of `ids` from `face` (a glyph without one gets an empty outline).
pub fn read_outlines(face: &Face, ids: &BTreeSet<u16>) -> Result<BTreeMap<u16, Outline>, String> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let font = FontRef::from_index(face.data.bytes(), face.index).map_err(|e| format!("cannot read outlines: {e}"))?;
    let glyphs = font.outline_glyphs();
    let settings = || DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
    Ok(ids
        .iter()
        .map(|&id| {
            let mut pen = Pen::default();
            let drawn = glyphs.get(GlyphId::new(u32::from(id))).map(|g| g.draw(settings(), &mut pen));
            if !matches!(drawn, Some(Ok(_))) {
                pen.commands.clear();
            }
            (id, pen.commands)
        })
        .collect())
}
