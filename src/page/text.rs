//! Text runs: glyphs of one face, size and paint on one baseline.

use smol_str::SmolStr;

use super::paint::Paint;
use super::tag::Tag;
use crate::font::FaceId;

/// One glyph placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the run's face.
    pub id: u16,
    /// Absolute x of the glyph origin (pen position, offsets applied), in points.
    pub x: f64,
    /// Vertical offset from the run's baseline (up), in points; usually 0.
    pub rise: f64,
    /// The glyph's own advance at the run's size, points (its box, before any compression).
    pub advance: f64,
    /// The source text this glyph stands for (its shaping cluster); empty for the second and
    /// later glyphs of a cluster. Copy and search give back exactly these strings. Held inline
    /// when short (a character or cluster), so placing and copying glyphs allocates nothing.
    pub text: SmolStr,
}

/// A run of glyphs in one face, size and paint on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The face the glyph ids belong to.
    pub face: FaceId,
    /// Font size in points.
    pub size: f64,
    /// Fill paint.
    pub paint: Paint,
    /// Baseline y, in points from the top of the page.
    pub baseline: f64,
    /// Glyphs, left to right.
    pub glyphs: Vec<PlacedGlyph>,
    /// Replacement text for the whole run when its glyphs are spaced out for display
    /// (a letter-spaced title): extractors read this instead of the glyphs' texts.
    pub actual_text: Option<String>,
    /// Synthetic bold (fill + stroke of this width in em); advances are unchanged.
    pub embolden: f64,
    /// The run's place in the document's structure.
    pub tag: Tag,
}

impl TextRun {
    /// The run moved by (dx, dy) points.
    pub fn moved(&self, dx: f64, dy: f64) -> TextRun {
        let mut run = self.clone();
        run.shift(dx, dy);
        run
    }

    /// Moves the run by (dx, dy) points, in place.
    pub fn shift(&mut self, dx: f64, dy: f64) {
        self.baseline += dy;
        for g in &mut self.glyphs {
            g.x += dx;
        }
    }

    /// The horizontal extent of the glyph boxes: (left, right), points.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let left = self.glyphs.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
        let right = self.glyphs.iter().map(|g| g.x + g.advance).fold(f64::NEG_INFINITY, f64::max);
        (left <= right).then_some((left, right))
    }

    /// The text the run stands for: its ActualText, else its glyphs' texts.
    pub fn text(&self) -> String {
        match &self.actual_text {
            Some(text) => text.clone(),
            None => self.glyphs.iter().map(|g| g.text.as_str()).collect(),
        }
    }
}
