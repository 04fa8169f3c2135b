//! Glyph outlines as TrueType wants them: drawn with `skrifa`, cubic curves (CFF) turned into
//! quadratic ones with `kurbo`, contours turned clockwise.

use kurbo::{BezPath, CubicBez, Point};
use skrifa::outline::OutlinePen;

/// How far, in font units, a quadratic approximation may stray from the cubic it replaces
/// (half a unit: below what rounding to whole units in `glyf` already costs).
const ACCURACY: f64 = 0.5;

/// Collects one glyph's outline as lines and quadratic curves.
#[derive(Default)]
pub(super) struct QuadPen {
    /// The finished contours.
    path: BezPath,
    /// The current point.
    current: Point,
    /// A move not yet written, because no segment has followed it yet.
    pending: Option<Point>,
    /// Whether the current contour has a segment.
    open: bool,
}

impl QuadPen {
    /// The outline, contours reversed when `reverse` (CFF contours run anticlockwise, TrueType
    /// ones clockwise).
    pub(super) fn finish(mut self, reverse: bool) -> BezPath {
        self.end();
        if reverse { self.path.reverse_subpaths() } else { self.path }
    }

    /// Writes the pending move before a segment.
    fn segment(&mut self) {
        if let Some(start) = self.pending.take() {
            self.path.move_to(start);
            self.open = true;
        }
    }

    /// Closes the current contour if it has any segment.
    fn end(&mut self) {
        if self.open {
            self.path.close_path();
            self.open = false;
        }
        self.pending = None;
    }
}

impl OutlinePen for QuadPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.end();
        self.current = Point::new(x.into(), y.into());
        self.pending = Some(self.current);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.segment();
        self.current = Point::new(x.into(), y.into());
        self.path.line_to(self.current);
    }

    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.segment();
        self.current = Point::new(x.into(), y.into());
        self.path.quad_to(Point::new(cx.into(), cy.into()), self.current);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.segment();
        let end = Point::new(x.into(), y.into());
        let (c0, c1) = (Point::new(cx0.into(), cy0.into()), Point::new(cx1.into(), cy1.into()));
        let cubic = CubicBez::new(self.current, c0, c1, end);
        for (_, _, quad) in cubic.to_quads(ACCURACY) {
            self.path.quad_to(quad.p1, quad.p2);
        }
        self.current = end;
    }

    fn close(&mut self) {
        self.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kurbo::{PathEl, Shape};

    #[test]
    fn ofd_pen_turns_cubics_into_quads_and_drops_empty_contours() {
        let mut pen = QuadPen::default();
        pen.move_to(0.0, 0.0);
        pen.close();
        pen.move_to(0.0, 0.0);
        pen.curve_to(0.0, 500.0, 500.0, 500.0, 500.0, 0.0);
        pen.close();
        let path = pen.finish(false);
        let els = path.elements();
        assert!(matches!(els.first(), Some(PathEl::MoveTo(_))));
        assert!(matches!(els.last(), Some(PathEl::ClosePath)));
        assert_eq!(els.iter().filter(|e| matches!(e, PathEl::MoveTo(_))).count(), 1, "{els:?}");
        assert!(els.iter().all(|e| !matches!(e, PathEl::CurveTo(..))));
        assert!(els.iter().filter(|e| matches!(e, PathEl::QuadTo(..))).count() >= 2);
        // The approximation stays close: the curve's top is at 375.
        let top = path.bounding_box().y1;
        assert!((top - 375.0).abs() < 1.0, "{top}");
    }
}
