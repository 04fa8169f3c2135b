//! A page's boxes: the trimmed page, the bleed around it and room for crop marks.
//!
//! The trimmed page keeps the coordinates `flow` gives it; the content stream moves it by
//! [`Geometry::offset`] so that bleed and marks fit around it inside the MediaBox.

use pdf_writer::Rect;

use super::num;
use super::options::Options;
use crate::page::Page;
use crate::units::mm;

/// Distance from the trim edge to where a crop mark starts when there is no bleed, points.
pub(super) const MARK_GAP: f64 = mm(3.0);

/// Length of a crop mark, points.
pub(super) const MARK_LENGTH: f64 = mm(5.0);

/// Paper left beyond the crop marks, points.
const MARK_MARGIN: f64 = mm(1.0);

/// The boxes of one page, in PDF user space (origin at the MediaBox's lower left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Geometry {
    /// Trimmed width, points.
    pub width: f64,
    /// Trimmed height, points.
    pub height: f64,
    /// Bleed on each side, points.
    pub bleed: f64,
    /// Whether crop marks are drawn.
    pub marks: bool,
}

impl Geometry {
    /// The geometry of `page` written with `options`.
    pub(super) fn new(page: &Page, options: &Options) -> Self {
        Geometry { width: page.width, height: page.height, bleed: options.bleed.max(0.0), marks: options.marks }
    }

    /// Distance from the trim edge to where a crop mark starts: outside the bleed.
    pub(super) fn mark_start(&self) -> f64 {
        self.bleed.max(MARK_GAP)
    }

    /// Distance from the MediaBox edge to the trim edge on every side.
    pub(super) fn offset(&self) -> f64 {
        if self.marks { self.mark_start() + MARK_LENGTH + MARK_MARGIN } else { self.bleed }
    }

    /// The MediaBox: the trimmed page, its bleed and the marks' room.
    pub(super) fn media_box(&self) -> Rect {
        let o = self.offset();
        rect(0.0, 0.0, self.width + 2.0 * o, self.height + 2.0 * o)
    }

    /// The TrimBox: the finished page.
    pub(super) fn trim_box(&self) -> Rect {
        let o = self.offset();
        rect(o, o, o + self.width, o + self.height)
    }

    /// The BleedBox, when the MediaBox is larger than the trimmed page.
    pub(super) fn bleed_box(&self) -> Option<Rect> {
        let (o, b) = (self.offset(), self.bleed);
        (o > 0.0).then(|| rect(o - b, o - b, o + self.width + b, o + self.height + b))
    }

    /// The y in user space of a point `y` points below the top of the trimmed page.
    pub(super) fn user_y(&self, y: f64) -> f64 {
        self.offset() + self.height - y
    }
}

/// A rectangle with every number rounded as the file writes it.
fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
    Rect::new(num(x0), num(y0), num(x1), num(y1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An A4 page.
    fn a4(bleed_mm: f64, marks: bool) -> Geometry {
        Geometry { width: mm(210.0), height: mm(297.0), bleed: mm(bleed_mm), marks }
    }

    /// A rectangle in millimetres, rounded to 0.01 mm.
    fn in_mm(r: Rect) -> [f64; 4] {
        [r.x1, r.y1, r.x2, r.y2].map(|v| (crate::units::to_mm(f64::from(v)) * 100.0).round() / 100.0)
    }

    #[test]
    fn pdf_boxes_without_bleed() {
        let g = a4(0.0, false);
        assert_eq!(in_mm(g.media_box()), [0.0, 0.0, 210.0, 297.0]);
        assert_eq!(g.trim_box(), g.media_box());
        assert_eq!(g.bleed_box(), None);
        assert_eq!(g.user_y(0.0), g.height);
    }

    #[test]
    fn pdf_boxes_with_bleed_and_marks() {
        let g = a4(3.0, false);
        assert_eq!(in_mm(g.media_box()), [0.0, 0.0, 216.0, 303.0]);
        assert_eq!(in_mm(g.trim_box()), [3.0, 3.0, 213.0, 300.0]);
        assert_eq!(g.bleed_box().map(in_mm), Some([0.0, 0.0, 216.0, 303.0]));
        let g = a4(3.0, true);
        assert_eq!(in_mm(g.media_box()), [0.0, 0.0, 228.0, 315.0]);
        assert_eq!(in_mm(g.trim_box()), [9.0, 9.0, 219.0, 306.0]);
        assert_eq!(g.bleed_box().map(in_mm), Some([6.0, 6.0, 222.0, 309.0]));
        // Marks without bleed: the BleedBox is the TrimBox.
        let g = a4(0.0, true);
        assert_eq!(g.bleed_box().map(in_mm), Some(in_mm(g.trim_box())));
    }
}
