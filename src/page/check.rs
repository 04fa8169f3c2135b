//! The last guard before any output: nothing drawn outside the trimmed page, no text drawn
//! over other text. A fault here is a bug or an input the earlier stages let through; the
//! build fails rather than print it.

use std::fmt;

use super::{Item, Page};
use crate::font::FaceId;

/// Distance below which two boxes are taken to touch, not overlap, points.
const TOUCH: f64 = 0.5;

/// How far two runs on one baseline may overlap, in ems of the larger: a compressed mark's
/// blank half lies under its neighbour.
const SAME_LINE_OVERLAP: f64 = 0.55;

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
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Outside { page, what } => write!(f, "page {page}: 「{what}」 would be drawn outside the page"),
            Fault::Overlap { page, first, second } => {
                write!(f, "page {page}: 「{first}」 would be drawn over 「{second}」")
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

/// Checks every page; `em` gives a face's em box as (top above the baseline, bottom below
/// it) in ems (0.88 and 0.12 for the bundled faces).
pub fn check_pages(pages: &[Page], em: impl Fn(FaceId) -> (f64, f64)) -> Vec<Fault> {
    let mut faults = Vec::new();
    for (p, page) in pages.iter().enumerate() {
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
    }
    faults
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
    use crate::page::{Paint, PlacedGlyph, Tag, TextRun};

    fn run(text: &str, x: f64, baseline: f64) -> Item {
        let glyphs = text
            .chars()
            .enumerate()
            .map(|(i, c)| PlacedGlyph { id: 1, x: x + 10.0 * i as f64, rise: 0.0, advance: 10.0, text: c.to_string() })
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
}
