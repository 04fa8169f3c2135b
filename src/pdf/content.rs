//! The content stream of one page: its items in reading order.

use std::collections::BTreeMap;

use pdf_writer::Content;
use pdf_writer::types::LineCapStyle;

use super::font::EmbeddedFont;
use super::num;
use super::state::State;
use super::text::write_run;
use crate::flow::{Item, Page, Rule};
use crate::font::FaceId;

/// Writes the (uncompressed) content stream of `page`.
pub(super) fn page_content(page: &Page, fonts: &BTreeMap<FaceId, EmbeddedFont>) -> Vec<u8> {
    let mut content = Content::new();
    let mut state = State::default();
    for item in &page.items {
        match item {
            Item::Text(run) => {
                if let Some(font) = fonts.get(&run.face) {
                    write_run(&mut content, &mut state, run, font, page.height);
                }
            }
            Item::Rule(rule) => write_rule(&mut content, &mut state, rule, page.height),
        }
    }
    content.finish().into_vec()
}

/// Strokes a horizontal rule with butt caps.
fn write_rule(content: &mut Content, state: &mut State, rule: &Rule, page_height: f64) {
    let width = num(rule.thickness);
    if width <= 0.0 {
        return;
    }
    state.stroke(content, rule.color);
    state.line_width(content, width);
    state.line_cap(content, LineCapStyle::ButtCap);
    let y = num(page_height - rule.y);
    content.move_to(num(rule.x0), y).line_to(num(rule.x1), y).stroke();
}
