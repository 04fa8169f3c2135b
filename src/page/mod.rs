//! The page model: what every output (PDF, PNG preview, OFD) reads.
//!
//! `flow` makes pages of positioned items — text runs, rules, rectangles and images — each
//! painted with a process colour or a named spot ink, tagged with its place in the document's
//! structure, plus the outline taken from where flow placed each article. Nothing here knows
//! about manifests or layouts; the only other module it names is `font` (a run's face).
//!
//! Coordinates are points with the origin at the top-left corner of the trimmed page, x to
//! the right and y downwards (outputs flip them as their format needs).

mod check;
mod image;
mod meta;
mod paint;
mod shapes;
mod tag;
mod text;

pub use check::{Fault, Shape, check_pages};
pub use image::{Image, Picture, PixelSpace};
pub use meta::{Bookmark, Metadata};
pub use paint::{Cmyk, Paint, Spot};
pub use shapes::{Rect, Rule};
pub use tag::{Tag, TagKind};
pub use text::{PlacedGlyph, TextRun};

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A horizontal rule.
    Rule(Rule),
    /// A rectangle, filled or stroked (a box around a note, a shaded panel).
    Rect(Rect),
    /// A picture.
    Image(Image),
}

impl Item {
    /// The item moved by (dx, dy) points.
    pub fn moved(&self, dx: f64, dy: f64) -> Item {
        let mut item = self.clone();
        item.shift(dx, dy);
        item
    }

    /// Moves the item by (dx, dy) points, in place.
    pub fn shift(&mut self, dx: f64, dy: f64) {
        match self {
            Item::Text(run) => run.shift(dx, dy),
            Item::Rule(rule) => (rule.x0, rule.x1, rule.y) = (rule.x0 + dx, rule.x1 + dx, rule.y + dy),
            Item::Rect(rect) => (rect.x, rect.y) = (rect.x + dx, rect.y + dy),
            Item::Image(image) => (image.x, image.y) = (image.x + dx, image.y + dy),
        }
    }

    /// The top edge of what the item covers, points from the page top: a text run's em box
    /// (one font size above the baseline), a rule's upper edge, a box's top.
    pub fn top(&self) -> f64 {
        match self {
            Item::Text(run) => run.baseline - run.size,
            Item::Rule(rule) => rule.y - rule.thickness / 2.0,
            Item::Rect(rect) => rect.y,
            Item::Image(image) => image.y,
        }
    }
}

/// Moves items by (dx, dy).
pub fn translate(items: &[Item], dx: f64, dy: f64) -> impl Iterator<Item = Item> + '_ {
    items.iter().map(move |item| item.moved(dx, dy))
}

/// One page: its trimmed size and the items in reading order (masthead, columns, foot).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Trimmed page width, points.
    pub width: f64,
    /// Trimmed page height, points.
    pub height: f64,
    /// Items in reading order.
    pub items: Vec<Item>,
}
