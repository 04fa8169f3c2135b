//! Paragraph composition: styled text and a measure in, justified lines out.
//!
//! The stages follow one another in files of their own:
//! [`prepare`] (shaping, classes, widths, glue) → [`breaks`] (where a line may end) →
//! [`linebreak`] (total-fit choice of breaks) → [`finalize`] (justification, glyph positions).
//! `compose` knows nothing of pages: x is measured from the left edge of the measure.

pub mod breaks;
pub mod class;
mod finalize;
mod linebreak;
mod prepare;
mod url;

use crate::font::{FaceId, FontBook};

pub use class::Kinsoku;

/// A run of text in one style, as it enters composition.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// The face it is set in.
    pub face: FaceId,
    /// Font size in points.
    pub size: f64,
    /// Synthetic bold stroke width in em (0 for none).
    pub embolden: f64,
}

/// How lines are placed in the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Both edges flush except the last line (body text).
    Justify,
    /// Flush left, natural spacing.
    Left,
    /// Centred, natural spacing; breaks balanced so lines have nearly equal length (titles).
    Center,
    /// Flush right (credits).
    Right,
}

/// The paragraph's measure and settings.
#[derive(Debug, Clone, PartialEq)]
pub struct ParStyle {
    /// Width of the measure, points.
    pub width: f64,
    /// Indent of the first line, points (2 em for body text).
    pub first_indent: f64,
    /// Indent of the other lines, points (a hanging indent for the distribution list).
    pub rest_indent: f64,
    /// Alignment.
    pub align: Align,
    /// Kinsoku level.
    pub kinsoku: Kinsoku,
}

/// One glyph of a composed line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineGlyph {
    /// Face of the glyph.
    pub face: FaceId,
    /// Font size, points.
    pub size: f64,
    /// Glyph id.
    pub id: u16,
    /// x of the glyph origin from the left edge of the measure, points.
    pub x: f64,
    /// Vertical offset (up), points.
    pub rise: f64,
    /// Source text the glyph stands for (empty for later glyphs of a cluster).
    pub text: String,
    /// Synthetic bold stroke width in em.
    pub embolden: f64,
}

/// A composed line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Glyphs left to right.
    pub glyphs: Vec<LineGlyph>,
    /// Left edge of the first box, points from the measure's left edge.
    pub left: f64,
    /// Right edge of the last box (line-end blank trimmed), points.
    pub right: f64,
    /// Whether the line is the paragraph's last.
    pub last: bool,
    /// The source text of the line (without the spaces dropped at the break).
    pub text: String,
}

/// Composes a paragraph into lines.
pub fn compose(book: &FontBook, spans: &[Span], style: &ParStyle) -> Vec<Line> {
    let par = prepare::prepare(book, spans);
    if par.clusters.is_empty() {
        return Vec::new();
    }
    let opportunities = breaks::opportunities(&par, style.kinsoku);
    let breaks = linebreak::linebreak(&par, &opportunities, style);
    finalize::finalize(&par, &breaks, style)
}

#[cfg(test)]
mod tests;
