//! Paragraph composition: styled text and a measure in, justified lines out.
//!
//! The stages follow one another in files of their own:
//! `prepare` (shaping, classes, widths, glue) → [`breaks`] (where a line may end) →
//! `linebreak` (total-fit choice of breaks) → `finalize` (justification, glyph positions).
//! `compose` knows nothing of pages: x is measured from the left edge of the measure.

use std::ops::Range;

mod adjust;
pub mod breaks;
pub mod class;
mod finalize;
mod glue;
mod graphemes;
mod linebreak;
mod prepare;
mod url;
mod widths;
pub mod words;

use smol_str::SmolStr;

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
    /// Punctuation width style.
    pub punctuation: PunctStyle,
    /// Whether a lone 、，。． at a line end may hang outside the measure (clreq §3.1.7).
    pub hanging: bool,
    /// Whether lines should break between words only (titles): a break inside a word found by
    /// the segmenter costs a penalty.
    pub words: bool,
    /// Whether an opening bracket or quote at a line start drops its leading blank (clreq
    /// "can"; off by default to keep the character grid).
    pub trim_opener: bool,
    /// Byte ranges of the text inside which a break is an emergency, taken only when a range
    /// is wider than the measure (the names of a distribution list).
    pub keep: Vec<Range<usize>>,
}

impl ParStyle {
    /// A measure `width` points wide with no indent, GB kinsoku, quanjiao marks, no hanging.
    pub fn new(width: f64, align: Align) -> Self {
        ParStyle {
            width,
            first_indent: 0.0,
            rest_indent: 0.0,
            align,
            kinsoku: Kinsoku::Gb,
            punctuation: PunctStyle::Quanjiao,
            hanging: false,
            words: false,
            trim_opener: false,
            keep: Vec::new(),
        }
    }
}

/// How wide punctuation marks are set (cjk-rules §1.4, after xeCJK's PunctStyle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PunctStyle {
    /// 全角式: every mark a full em (GB default), compressed where marks meet and at line ends.
    #[default]
    Quanjiao,
    /// 开明式: 。？！ full width, every other mark ½ em.
    Kaiming,
}

impl PunctStyle {
    /// Parses a layout's style name.
    pub fn from_name(name: &str) -> Option<PunctStyle> {
        match name {
            "quanjiao" => Some(PunctStyle::Quanjiao),
            "kaiming" => Some(PunctStyle::Kaiming),
            _ => None,
        }
    }
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
    /// Source text the glyph stands for (empty for later glyphs of a cluster); a short text is
    /// held inline, with no allocation per glyph.
    pub text: SmolStr,
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
    /// How far the line runs past the measure, points (0 unless an unbreakable token is wider
    /// than the measure; callers report it).
    pub overfull: f64,
    /// The source text of the line (without the spaces dropped at the break).
    pub text: String,
}

/// Composes a paragraph into lines.
pub fn compose(book: &FontBook, spans: &[Span], style: &ParStyle) -> Vec<Line> {
    let par = prepare::prepare(book, spans, style.punctuation);
    if par.clusters.is_empty() {
        return Vec::new();
    }
    let mut opportunities = breaks::opportunities(&par, style.kinsoku, false);
    breaks::keep_penalties(&par, &style.keep, &mut opportunities);
    let mut breaks = linebreak::linebreak(&par, &opportunities, style);
    // Words matter only where the text wraps: a break inside a word costs more, so a text that
    // is best on one line without that cost is best on one line with it.
    if style.words && breaks.len() > 1 {
        breaks::words_penalties(&par, &mut opportunities);
        breaks = linebreak::linebreak(&par, &opportunities, style);
    }
    finalize::finalize(&par, &breaks, style)
}

#[cfg(test)]
mod tests;
