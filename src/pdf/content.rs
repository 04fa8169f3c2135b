//! The content stream of one page: its items in reading order, moved into the trim box, and
//! the crop marks.

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::Content;
use pdf_writer::types::LineCapStyle;

use super::font::EmbeddedFont;
use super::geometry::Geometry;
use super::ink::{Ink, Inks};
use super::marks::crop_marks;
use super::num;
use super::state::State;
use super::text::write_run;
use crate::font::FaceId;
use crate::page::{Item, Page, Rect, Rule};

/// An item this close to the trim edge touches it, points.
const EDGE: f64 = 0.01;

/// Writes the (uncompressed) content stream of `page`; also returns the separations it uses.
pub(super) fn page_content(
    page: &Page,
    fonts: &BTreeMap<FaceId, EmbeddedFont>,
    inks: &Inks,
    geometry: &Geometry,
) -> (Vec<u8>, BTreeSet<Ink>) {
    let mut content = Content::new();
    let mut state = State::new(inks);
    let offset = num(geometry.offset());
    if offset != 0.0 {
        content.save_state();
        content.transform([1.0, 0.0, 0.0, 1.0, offset, offset]);
    }
    for item in &page.items {
        match item {
            Item::Text(run) => {
                if let Some(font) = fonts.get(&run.face) {
                    write_run(&mut content, &mut state, run, font, page.height);
                }
            }
            Item::Rule(rule) => write_rule(&mut content, &mut state, &bled(rule, geometry), page.height),
            Item::Rect(rect) => write_rect(&mut content, &mut state, rect, page.height),
            Item::Image(_) => {}
        }
    }
    if offset != 0.0 {
        content.restore_state();
    }
    if geometry.marks {
        // The state inside `q … Q` is gone: marks start from the page's initial state.
        let mut marks = State::new(inks);
        crop_marks(&mut content, &mut marks, geometry);
        state.used.extend(marks.used);
    }
    (content.finish().into_vec(), state.used)
}

/// A rule that touches a trim edge, extended across the bleed beyond it.
fn bled(rule: &Rule, geometry: &Geometry) -> Rule {
    let mut rule = rule.clone();
    if geometry.bleed > 0.0 {
        if rule.x0.min(rule.x1) <= EDGE {
            rule.x0 = rule.x0.min(rule.x1) - geometry.bleed;
        }
        if rule.x1.max(rule.x0) >= geometry.width - EDGE {
            rule.x1 = rule.x1.max(rule.x0) + geometry.bleed;
        }
    }
    rule
}

/// Strokes a horizontal rule with butt caps.
fn write_rule(content: &mut Content, state: &mut State, rule: &Rule, page_height: f64) {
    let width = num(rule.thickness);
    if width <= 0.0 {
        return;
    }
    state.stroke(content, &rule.paint);
    state.line_width(content, width);
    state.line_cap(content, LineCapStyle::ButtCap);
    let y = num(page_height - rule.y);
    content.move_to(num(rule.x0), y).line_to(num(rule.x1), y).stroke();
}

/// Fills and/or strokes a rectangle.
fn write_rect(content: &mut Content, state: &mut State, rect: &Rect, page_height: f64) {
    let (x, y, w, h) = (num(rect.x), num(page_height - rect.y - rect.height), num(rect.width), num(rect.height));
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    if let Some(fill) = &rect.fill {
        state.fill(content, fill);
    }
    let stroke = rect.stroke.as_ref().filter(|(_, width)| num(*width) > 0.0);
    if let Some((paint, width)) = stroke {
        state.stroke(content, paint);
        state.line_width(content, num(*width));
    }
    content.rect(x, y, w, h);
    match (&rect.fill, stroke) {
        (Some(_), Some(_)) => content.fill_nonzero_and_stroke(),
        (Some(_), None) => content.fill_nonzero(),
        (None, Some(_)) => content.stroke(),
        (None, None) => content.end_path(),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Paint;

    #[test]
    fn pdf_rules_at_the_trim_edge_run_into_the_bleed() {
        let g = Geometry { width: 500.0, height: 800.0, bleed: 9.0, marks: false };
        let rule = Rule { x0: 0.0, x1: 500.0, y: 10.0, thickness: 1.0, paint: Paint::BLACK };
        let b = bled(&rule, &g);
        assert_eq!((b.x0, b.x1), (-9.0, 509.0));
        let inside = Rule { x0: 50.0, x1: 450.0, ..rule.clone() };
        assert_eq!(bled(&inside, &g), inside);
        let none = Geometry { bleed: 0.0, ..g };
        assert_eq!(bled(&rule, &none), rule);
    }

    #[test]
    fn pdf_content_moves_into_the_trim_box() {
        let inks = Inks::new(&[], &mut pdf_writer::Ref::new(1));
        let rule = Rule { x0: 0.0, x1: 500.0, y: 10.0, thickness: 1.0, paint: Paint::BLACK };
        let page = Page { width: 500.0, height: 800.0, items: vec![Item::Rule(rule)] };
        let g = Geometry { width: 500.0, height: 800.0, bleed: 9.0, marks: false };
        let (bytes, used) = page_content(&page, &BTreeMap::new(), &inks, &g);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        assert!(text.starts_with("q\n1 0 0 1 9 9 cm\n"), "{text}");
        assert!(text.contains("-9 790 m\n509 790 l"), "{text}");
        assert!(text.trim_end().ends_with('Q'), "{text}");
        assert!(used.is_empty());
    }
}
