//! The content stream of one page: its items in reading order, moved into the trim box, each
//! in a marked-content sequence (an artifact, or a part of its structure element with an
//! MCID), and the crop marks.

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::LineCapStyle;
use pdf_writer::{Content, Name, Ref};

use super::font::EmbeddedFont;
use super::geometry::Geometry;
use super::image::Pictures;
use super::ink::{Ink, Inks};
use super::marks::crop_marks;
use super::num;
use super::state::State;
use super::structure::role;
use super::text::write_run;
use crate::font::FaceId;
use crate::page::{Image, Item, Page, Paint, Rect, Rule, Tag, TagKind};

/// An item this close to the trim edge touches it, points.
const EDGE: f64 = 0.01;

/// Black rules up to this thickness overprint, points.
pub(super) const THIN_RULE: f64 = 2.0;

/// What the content streams draw with: fonts, inks and pictures.
pub(super) struct Context<'a> {
    /// The embedded fonts by face.
    pub fonts: &'a BTreeMap<FaceId, EmbeddedFont>,
    /// The inks.
    pub inks: &'a Inks,
    /// The pictures.
    pub pictures: &'a Pictures,
}

/// What a page's content stream uses and marks.
#[derive(Debug, Default)]
pub(super) struct Drawn {
    /// The stream: uncompressed as drawn, compressed by `pages::draw_page`.
    pub content: Vec<u8>,
    /// The separations it paints with.
    pub inks: BTreeSet<Ink>,
    /// Font resources: name → Type0 font.
    pub fonts: BTreeMap<String, Ref>,
    /// Image resources: name → XObject.
    pub images: BTreeMap<String, Ref>,
    /// Graphics states by name (overprint on or off).
    pub states: BTreeSet<&'static str>,
    /// The marked-content sequences of structure elements, MCID order: each one's tag and
    /// the picture's alternative text for a figure.
    pub marks: Vec<(Tag, Option<String>)>,
}

/// Writes the content stream of `page`.
pub(super) fn page_content(page: &Page, cx: &Context, geometry: &Geometry) -> Drawn {
    let mut content = Content::new();
    let mut state = State::new(cx.inks);
    let mut drawn = Drawn::default();
    let offset = num(geometry.offset());
    if offset != 0.0 {
        content.save_state();
        content.transform([1.0, 0.0, 0.0, 1.0, offset, offset]);
    }
    for item in &page.items {
        let (tag, alt) = match item {
            Item::Text(run) => (run.tag, None),
            Item::Image(image) => (image.tag, Some(image.alt.clone())),
            Item::Rule(_) | Item::Rect(_) => (Tag::ARTIFACT, None),
        };
        begin_mark(&mut content, &mut drawn, tag, alt);
        match item {
            Item::Text(run) => {
                if let Some(font) = cx.fonts.get(&run.face) {
                    state.overprint(&mut content, is_black(&run.paint));
                    write_run(&mut content, &mut state, run, font, page.height);
                    drawn.fonts.extend(font.resources());
                }
            }
            Item::Rule(rule) => {
                state.overprint(&mut content, is_black(&rule.paint) && rule.thickness <= THIN_RULE);
                write_rule(&mut content, &mut state, &bled(rule, geometry), page.height);
            }
            Item::Rect(rect) => {
                state.overprint(&mut content, false);
                write_rect(&mut content, &mut state, rect, page.height);
            }
            Item::Image(image) => {
                if let Some((name, id)) = cx.pictures.get(&image.picture) {
                    write_image(&mut content, image, &name, page.height);
                    drawn.images.insert(name, id);
                }
            }
        }
        content.end_marked_content();
    }
    if offset != 0.0 {
        content.restore_state();
    }
    if geometry.marks {
        // The state inside `q … Q` is gone: marks start from the page's initial state.
        let mut marks = State::new(cx.inks);
        content.begin_marked_content(Name(b"Artifact"));
        crop_marks(&mut content, &mut marks, geometry);
        content.end_marked_content();
        state.used.extend(marks.used);
    }
    drawn.content = content.finish().into_vec();
    drawn.inks = state.used;
    drawn.states = state.states;
    drawn
}

/// Whether a paint is black ink alone, which prepress lets overprint.
fn is_black(paint: &Paint) -> bool {
    matches!(paint, Paint::Process(c) if c.is_black_only())
}

/// Opens the marked-content sequence of an item: `/Artifact BMC`, or the element's role with
/// the next MCID.
fn begin_mark(content: &mut Content, drawn: &mut Drawn, tag: Tag, alt: Option<String>) {
    if tag.kind == TagKind::Artifact {
        content.begin_marked_content(Name(b"Artifact"));
        return;
    }
    let mcid = i32::try_from(drawn.marks.len()).unwrap_or(i32::MAX);
    content
        .begin_marked_content_with_properties(Name(role(tag.kind).as_bytes()))
        .properties()
        .pair(Name(b"MCID"), mcid);
    drawn.marks.push((tag, alt));
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

/// Draws a picture stretched over its box (nothing for an empty box).
fn write_image(content: &mut Content, image: &Image, name: &str, page_height: f64) {
    let (w, h) = (num(image.width), num(image.height));
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    let (x, y) = (num(image.x), num(page_height - image.y - image.height));
    content.save_state();
    content.transform([w, 0.0, 0.0, h, x, y]);
    content.x_object(Name(name.as_bytes()));
    content.restore_state();
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let pictures = Pictures::default();
        let cx = Context { fonts: &BTreeMap::new(), inks: &inks, pictures: &pictures };
        let drawn = page_content(&page, &cx, &g);
        let text = String::from_utf8_lossy(&drawn.content).into_owned();
        assert!(text.starts_with("q\n1 0 0 1 9 9 cm\n/Artifact BMC\n/GSop gs\n"), "{text}");
        assert!(text.contains("-9 790 m\n509 790 l"), "{text}");
        assert!(text.trim_end().ends_with('Q'), "{text}");
        assert!(drawn.inks.is_empty() && drawn.marks.is_empty());
        assert_eq!(drawn.states, BTreeSet::from(["GSop"]));
    }
}
