//! Editors' notes (编者按): the label in its bold role, then the paragraphs in the note role,
//! justified, in the frame the layout asks for — after an article's title (in the column) or
//! after the masthead (across the columns).

use super::Setter;
use super::frame::{framed, inner_inset};
use crate::compose::{Align, Span};
use crate::document::Note;
use crate::layout::RoleName;
use crate::page::{Item, TagKind};

/// The note set `width` points wide at `x`: its items (y from the baseline of the block's
/// first grid line) and the grid lines it takes.
pub(super) fn set_note(note: &Note, s: &Setter, x: f64, width: f64) -> (Vec<Item>, usize) {
    let spec = &s.layout.notes;
    let inner = width - 2.0 * inner_inset(s, spec, RoleName::Note);
    let indent = s.layout.grid.indent_chars * s.layout.grid.body_size;
    let tag = s.element(TagKind::Note);
    let paint = s.color(RoleName::Note);
    let mut rows = Vec::new();
    for (i, paragraph) in note.paragraphs.iter().enumerate() {
        let mut spans: Vec<Span> = Vec::new();
        if i == 0 {
            spans.push(s.span(RoleName::NoteLabel, note.label.as_str()));
        }
        for run in &paragraph.runs {
            let role = if run.bold { RoleName::NoteLabel } else { RoleName::Note };
            spans.push(s.span(role, run.text.as_str()));
        }
        for line in s.compose(&spans, inner, Align::Justify, (indent, 0.0)) {
            rows.push(s.line_items(&line, 0.0, 0.0, &paint, tag));
        }
    }
    if rows.is_empty() {
        let line = s.compose(&[s.span(RoleName::NoteLabel, note.label.as_str())], inner, Align::Left, (indent, 0.0));
        rows.extend(line.iter().map(|l| s.line_items(l, 0.0, 0.0, &paint, tag)));
    }
    framed(s, rows, spec, RoleName::Note, x, width)
}
