//! Rules and rectangles.

use super::paint::Paint;

/// A horizontal rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Left end, points.
    pub x0: f64,
    /// Right end, points.
    pub x1: f64,
    /// Centre line y, points from the top.
    pub y: f64,
    /// Thickness, points.
    pub thickness: f64,
    /// Stroke paint.
    pub paint: Paint,
}

/// A rectangle: filled, stroked, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    /// Left edge, points.
    pub x: f64,
    /// Top edge, points from the page top.
    pub y: f64,
    /// Width, points.
    pub width: f64,
    /// Height, points.
    pub height: f64,
    /// Fill, if any.
    pub fill: Option<Paint>,
    /// Stroke paint and line width (points), if any.
    pub stroke: Option<(Paint, f64)>,
}
