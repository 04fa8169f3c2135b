//! The last guard before any output: nothing drawn outside the trimmed page, no text drawn
//! over other text, no rule or box drawn over text. A fault here is a bug or an input the
//! earlier stages let through; the build fails rather than print it.

use std::fmt;

use rayon::prelude::*;

use super::{Item, Page};
use crate::font::FaceId;

/// Distance below which two boxes are taken to touch, not overlap, points.
const TOUCH: f64 = 0.5;

/// How far two runs on one baseline may overlap, in ems of the larger: a compressed mark's
/// blank half lies under its neighbour.
const SAME_LINE_OVERLAP: f64 = 0.55;

/// A shape that paints over what lies under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A rule.
    Rule,
    /// The stroked frame of a rectangle (its inside left unpainted).
    Frame,
    /// A filled rectangle.
    Fill,
}

impl Shape {
    /// How a message names it.
    fn name(self) -> &'static str {
        match self {
            Shape::Rule => "a rule",
            Shape::Frame => "the frame of a box",
            Shape::Fill => "a filled box",
        }
    }
}

/// Something drawn where it must not be.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Text or a shape outside the trimmed page.
    Outside {
        /// Page, from 1.
        page: usize,
        /// The text (or a description of the shape).
        what: String,
    },
    /// Two text runs drawn over each other.
    Overlap {
        /// Page, from 1.
        page: usize,
        /// The first run's text.
        first: String,
        /// The second run's text.
        second: String,
    },
    /// A rule or a box drawn over a text run.
    Covered {
        /// Page, from 1.
        page: usize,
        /// What the shape is.
        shape: Shape,
        /// Its line width (a rule's thickness, a frame's stroke), points; 0 for a fill alone.
        width: f64,
        /// The run's text.
        text: String,
    },
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Outside { page, what } => write!(f, "page {page}: 「{what}」 would be drawn outside the page"),
            Fault::Overlap { page, first, second } => {
                write!(f, "page {page}: 「{first}」 would be drawn over 「{second}」")
            }
            Fault::Covered { page, shape, text, .. } => {
                write!(f, "page {page}: {} would be drawn over 「{text}」", shape.name())
            }
        }
    }
}

/// A text run's box: x from, x to, y top, y bottom, and its size and baseline.
struct TextBox {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    baseline: f64,
    size: f64,
    index: usize,
}

/// A band a shape paints: a rule, a filled rectangle or one side of a stroked one.
struct Band {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    shape: Shape,
    width: f64,
}

/// The bands `item` paints, if it is a rule or a rectangle.
fn bands(item: &Item) -> Vec<Band> {
    match item {
        Item::Rule(rule) => {
            let half = rule.thickness / 2.0;
            let (x0, x1) = (rule.x0.min(rule.x1), rule.x0.max(rule.x1));
            vec![Band { x0, x1, top: rule.y - half, bottom: rule.y + half, shape: Shape::Rule, width: rule.thickness }]
        }
        Item::Rect(rect) => {
            let (x0, x1) = (rect.x.min(rect.x + rect.width), rect.x.max(rect.x + rect.width));
            let (top, bottom) = (rect.y.min(rect.y + rect.height), rect.y.max(rect.y + rect.height));
            let stroke = rect.stroke.as_ref().map_or(0.0, |(_, w)| *w);
            if rect.fill.is_some() {
                let h = stroke / 2.0;
                return vec![Band {
                    x0: x0 - h,
                    x1: x1 + h,
                    top: top - h,
                    bottom: bottom + h,
                    shape: Shape::Fill,
                    width: stroke,
                }];
            }
            if rect.stroke.is_none() {
                return Vec::new();
            }
            let h = stroke / 2.0;
            let side = |x0: f64, x1: f64, top: f64, bottom: f64| Band {
                x0,
                x1,
                top,
                bottom,
                shape: Shape::Frame,
                width: stroke,
            };
            vec![
                side(x0 - h, x1 + h, top - h, top + h),
                side(x0 - h, x1 + h, bottom - h, bottom + h),
                side(x0 - h, x0 + h, top - h, bottom + h),
                side(x1 - h, x1 + h, top - h, bottom + h),
            ]
        }
        Item::Text(_) | Item::Image(_) => Vec::new(),
    }
}

/// Checks every page (on the thread pool when the build may use it); `em` gives a face's em
/// box as (top above the baseline, bottom below it) in ems (0.88 and 0.12 for the bundled
/// faces).
pub fn check_pages(pages: &[Page], em: impl Fn(FaceId) -> (f64, f64) + Sync) -> Vec<Fault> {
    let check = |(p, page): (usize, &Page)| check_page(p, page, &em);
    match crate::parallel::within_build() {
        true => pages.par_iter().enumerate().flat_map_iter(check).collect(),
        false => pages.iter().enumerate().flat_map(check).collect(),
    }
}

/// The faults of page `p` (from 0).
fn check_page(p: usize, page: &Page, em: impl Fn(FaceId) -> (f64, f64)) -> Vec<Fault> {
    let mut faults = Vec::new();
    let mut boxes = Vec::new();
    for (i, item) in page.items.iter().enumerate() {
        let (x0, x1, top, bottom) = match item {
            Item::Text(run) => {
                let Some((x0, x1)) = run.extent() else { continue };
                let (up, down) = em(run.face);
                let top = run.baseline - up * run.size;
                let bottom = run.baseline + down * run.size;
                boxes.push(TextBox { x0, x1, top, bottom, baseline: run.baseline, size: run.size, index: i });
                (x0, x1, top, bottom)
            }
            Item::Rule(rule) => {
                let half = rule.thickness / 2.0;
                (rule.x0.min(rule.x1), rule.x0.max(rule.x1), rule.y - half, rule.y + half)
            }
            Item::Rect(rect) => (rect.x, rect.x + rect.width, rect.y, rect.y + rect.height),
            Item::Image(image) => (image.x, image.x + image.width, image.y, image.y + image.height),
        };
        let inside = [x0, x1, top, bottom].iter().all(|v| v.is_finite())
            && x0 >= -TOUCH
            && x1 <= page.width + TOUCH
            && top >= -TOUCH
            && bottom <= page.height + TOUCH;
        if !inside {
            faults.push(Fault::Outside { page: p + 1, what: describe(item) });
        }
    }
    overlaps(page, p, &mut boxes, &mut faults);
    covered(page, p, &boxes, &mut faults);
    faults
}

/// Finds rules and boxes drawn over text runs: a shape's band and a run's em box that
/// overlap by more than [`TOUCH`] both across and down.
fn covered(page: &Page, p: usize, boxes: &[TextBox], faults: &mut Vec<Fault>) {
    for band in page.items.iter().flat_map(bands) {
        let hit = boxes.iter().find(|b| {
            let across = band.x1.min(b.x1) - band.x0.max(b.x0);
            let down = band.bottom.min(b.bottom) - band.top.max(b.top);
            across > TOUCH && down > TOUCH
        });
        if let Some(b) = hit {
            let text = describe(&page.items[b.index]);
            faults.push(Fault::Covered { page: p + 1, shape: band.shape, width: band.width, text });
        }
    }
}

/// Finds text boxes that overlap, sweeping down the page.
fn overlaps(page: &Page, p: usize, boxes: &mut [TextBox], faults: &mut Vec<Fault>) {
    boxes.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.index.cmp(&b.index)));
    for i in 0..boxes.len() {
        let a = &boxes[i];
        for b in boxes[i + 1..].iter().take_while(|b| b.top < a.bottom - TOUCH) {
            let same_line = (a.baseline - b.baseline).abs() < 0.01;
            let allowed = if same_line { SAME_LINE_OVERLAP * a.size.max(b.size) } else { TOUCH };
            let across = a.x1.min(b.x1) - a.x0.max(b.x0);
            if across > allowed && b.bottom > a.top + TOUCH {
                let (first, second) = (a.index.min(b.index), a.index.max(b.index));
                faults.push(Fault::Overlap {
                    page: p + 1,
                    first: describe(&page.items[first]),
                    second: describe(&page.items[second]),
                });
            }
        }
    }
}

/// A short description of an item for a message: a text run's first characters.
fn describe(item: &Item) -> String {
    match item {
        Item::Text(run) => {
            let text = run.text();
            let mut short: String = text.chars().take(16).collect();
            if text.chars().count() > 16 {
                short.push('…');
            }
            short
        }
        Item::Rule(_) => "a rule".into(),
        Item::Rect(_) => "a box".into(),
        Item::Image(image) => image.picture.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Paint, PlacedGlyph, Rect, Rule, Tag, TextRun};

    fn run(text: &str, x: f64, baseline: f64) -> Item {
        let glyphs = text
            .chars()
            .enumerate()
            .map(|(i, c)| PlacedGlyph {
                id: 1,
                x: x + 10.0 * i as f64,
                rise: 0.0,
                advance: 10.0,
                text: c.to_string().into(),
            })
            .collect();
        Item::Text(TextRun {
            face: FaceId(0),
            size: 10.0,
            paint: Paint::BLACK,
            baseline,
            glyphs,
            actual_text: None,
            embolden: 0.0,
            tag: Tag::ARTIFACT,
        })
    }

    fn page(items: Vec<Item>) -> Page {
        Page { width: 200.0, height: 300.0, items }
    }

    const EM: fn(FaceId) -> (f64, f64) = |_| (0.88, 0.12);

    #[test]
    fn page_check_finds_text_outside_and_over_text() {
        let fine = page(vec![run("甲乙", 10.0, 20.0), run("丙丁", 10.0, 35.0), run("戊", 30.0, 20.0)]);
        assert_eq!(check_pages(&[fine], EM), []);
        let outside = page(vec![run("甲乙丙", 180.0, 20.0)]);
        assert!(matches!(&check_pages(&[outside], EM)[..], [Fault::Outside { page: 1, .. }]));
        let over = page(vec![run("甲乙丙", 10.0, 20.0), run("丁戊", 15.0, 24.0)]);
        let faults = check_pages(&[over], EM);
        assert!(
            matches!(&faults[..], [Fault::Overlap { page: 1, first, second }] if first == "甲乙丙" && second == "丁戊")
        );
        let same_line = page(vec![run("甲乙丙", 10.0, 20.0), run("丁", 35.0, 20.0)]);
        assert_eq!(check_pages(&[same_line], EM), []);
        let beyond = page(vec![run("甲乙丙", 10.0, 20.0), run("丁", 25.0, 20.0)]);
        assert_eq!(check_pages(&[beyond], EM).len(), 1);
    }

    #[test]
    fn page_check_finds_rules_and_boxes_over_text() {
        // "甲乙" on baseline 20 at size 10: its em box is x 10..30, y 11.2..21.2.
        let rule = |y: f64, thickness: f64| Item::Rule(Rule { x0: 0.0, x1: 200.0, y, thickness, paint: Paint::BLACK });
        let clear = page(vec![run("甲乙", 10.0, 20.0), rule(24.0, 2.0), rule(8.0, 2.0)]);
        assert_eq!(check_pages(&[clear], EM), []);
        let touching = page(vec![run("甲乙", 10.0, 20.0), rule(21.5, 1.0)]);
        assert_eq!(check_pages(&[touching], EM), []);
        let thick = page(vec![run("甲乙", 10.0, 20.0), rule(30.0, 20.0)]);
        let faults = check_pages(&[thick], EM);
        assert!(
            matches!(&faults[..], [Fault::Covered { page: 1, shape: Shape::Rule, width, text }] if *width == 20.0 && text == "甲乙"),
            "{faults:?}"
        );
        assert_eq!(faults[0].to_string(), "page 1: a rule would be drawn over 「甲乙」");

        let rect = |x: f64, y: f64, w: f64, h: f64, fill: bool| {
            let (fill, stroke) = if fill { (Some(Paint::BLACK), None) } else { (None, Some((Paint::BLACK, 1.0))) };
            Item::Rect(Rect { x, y, width: w, height: h, fill, stroke })
        };
        // A frame around the text, clear of it, paints nothing over it; a filled box does.
        let framed = page(vec![run("甲乙", 10.0, 20.0), rect(5.0, 6.0, 30.0, 20.0, false)]);
        assert_eq!(check_pages(&[framed], EM), []);
        let filled = page(vec![run("甲乙", 10.0, 20.0), rect(5.0, 6.0, 30.0, 20.0, true)]);
        assert!(matches!(&check_pages(&[filled], EM)[..], [Fault::Covered { shape: Shape::Fill, .. }]));
        let through = page(vec![run("甲乙", 10.0, 20.0), rect(20.0, 6.0, 30.0, 20.0, false)]);
        assert!(matches!(&check_pages(&[through], EM)[..], [Fault::Covered { shape: Shape::Frame, .. }]));
    }
}
