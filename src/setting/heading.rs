//! Sub-headings standing alone: in their level's role, justified like body text after the
//! first-line indent, all their lines one unit of whole grid lines that flow keeps with the
//! two lines after it.

use super::Setter;
use crate::compose::Align;
use crate::document::Heading;
use crate::flow::{Part, Unit};
use crate::layout::RoleName;
use crate::page::TagKind;

/// The heading as one unit of article `index`; `width` is the column's.
pub(super) fn heading_unit(heading: &Heading, index: usize, s: &Setter, width: f64) -> Unit {
    let role_name = RoleName::heading(heading.level);
    let role = s.layout.role(role_name);
    let grid = &s.layout.grid;
    let indent = grid.indent_chars * grid.body_size;
    let lines = s.compose(&[s.span(role_name, heading.text.as_str())], width, Align::Justify, (indent, 0.0));
    // At the body size each line takes a grid line; a larger heading takes its own pitch,
    // centred in whole grid lines.
    let pitch = if role.size <= grid.body_size + 1e-9 { grid.line_pitch } else { role.pitch() };
    let text_height = (lines.len().max(1) - 1) as f64 * pitch + role.size;
    let grid_lines = if pitch == grid.line_pitch {
        lines.len().max(1)
    } else {
        ((text_height + grid.line_pitch - grid.body_size) / grid.line_pitch).ceil().max(1.0) as usize
    };
    let first_baseline = if pitch == grid.line_pitch {
        0.0
    } else {
        let room = grid_lines as f64 * grid.line_pitch;
        let em_top = -s.em_top(RoleName::Body) * grid.body_size;
        em_top + (room - text_height) / 2.0 + s.em_top(role_name) * role.size
    };
    let paint = s.color(role_name);
    let tag = s.element(TagKind::Heading(heading.level));
    let items = lines
        .iter()
        .enumerate()
        .flat_map(|(i, line)| s.line_items(line, 0.0, first_baseline + i as f64 * pitch, &paint, tag))
        .collect();
    Unit { lines: grid_lines, items, part: Part::Heading, stretch: 0, article: index }
}
