//! The output of `flow` and the input of `pdf`: pages of positioned glyphs and rules.
//!
//! Coordinates are points with the origin at the top-left corner of the trimmed page,
//! x to the right and y downwards (`pdf` flips them).

use crate::font::FaceId;

/// A process colour (CMYK, each component 0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cmyk {
    /// Cyan.
    pub c: f64,
    /// Magenta.
    pub m: f64,
    /// Yellow.
    pub y: f64,
    /// Black.
    pub k: f64,
}

impl Cmyk {
    /// 100 % black ink only (never rich black).
    pub const BLACK: Cmyk = Cmyk { c: 0.0, m: 0.0, y: 0.0, k: 1.0 };
}

/// A spot ink (a Separation in the PDF): its name and the process colour that stands in for
/// it on a four-colour device. A colour equal to `alternate` is printed with this ink.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// The ink's name as the print shop knows it, e.g. `PANTONE 485 C`.
    pub name: String,
    /// Its CMYK equivalent.
    pub alternate: Cmyk,
}

/// An entry of the document outline (bookmarks): where an article starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// The article title.
    pub title: String,
    /// Index of the page (from 0).
    pub page: usize,
    /// Top of the destination, points from the top of the trimmed page.
    pub y: f64,
}

/// One glyph placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the run's face.
    pub id: u16,
    /// Absolute x of the glyph origin (pen position, offsets applied), in points.
    pub x: f64,
    /// Vertical offset from the run's baseline (up), in points; usually 0.
    pub rise: f64,
    /// The source text this glyph stands for (its shaping cluster); empty for the second and
    /// later glyphs of a cluster. Copy and search give back exactly these strings.
    pub text: String,
}

/// A run of glyphs in one face, size and colour on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The face the glyph ids belong to.
    pub face: FaceId,
    /// Font size in points.
    pub size: f64,
    /// Fill colour.
    pub color: Cmyk,
    /// Baseline y, in points from the top of the page.
    pub baseline: f64,
    /// Glyphs, left to right.
    pub glyphs: Vec<PlacedGlyph>,
    /// Replacement text for the whole run when its glyphs are spaced out for display
    /// (a letter-spaced title): extractors read this instead of the glyphs' texts.
    pub actual_text: Option<String>,
    /// Synthetic bold (fill + stroke of this width in em); advances are unchanged.
    pub embolden: f64,
}

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end, points.
    pub x0: f64,
    /// Right end, points.
    pub x1: f64,
    /// Centre line y, points from the top.
    pub y: f64,
    /// Thickness, points.
    pub thickness: f64,
    /// Stroke colour.
    pub color: Cmyk,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A rule.
    Rule(Rule),
}

/// One page: its size and the items in reading order (masthead, column 1, column 2, foot).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Trimmed page width, points.
    pub width: f64,
    /// Trimmed page height, points.
    pub height: f64,
    /// Items in reading order.
    pub items: Vec<Item>,
}

/// Document-level facts the PDF records (Info dictionary, XMP).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    /// Document title, e.g. `联络动态 2021年第4期`.
    pub title: String,
    /// Author / publisher line.
    pub author: String,
    /// Subject: the article titles.
    pub subject: String,
    /// The issue date as (year, month, day); used as the creation date.
    pub date: (i32, u8, u8),
    /// Language tag, e.g. `zh-CN`.
    pub language: String,
    /// The series title, e.g. `联络动态`.
    pub series: String,
    /// The issue number as printed, e.g. `第4期`.
    pub issue: String,
    /// The running total as printed, without brackets, e.g. `总第六百二十七期`; empty if none.
    pub total: String,
    /// The publisher, e.g. `湖南省人大常委会选举任免联络工作委员会`.
    pub publisher: String,
    /// Creation time in seconds since 1970-01-01 UTC (`SOURCE_DATE_EPOCH`); `None` records the
    /// issue date at midnight UTC.
    pub created: Option<i64>,
    /// The outline: one entry per article, in order.
    pub bookmarks: Vec<Bookmark>,
    /// Spot inks; every other colour is process CMYK.
    pub spots: Vec<Spot>,
}
