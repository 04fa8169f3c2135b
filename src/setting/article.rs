//! An article: its title (centred, bold, balanced, whole grid lines), then its paragraphs
//! and credit (`body`), with the space that separates it from the article before.

use super::Setter;
use super::body::{add_credit, body_units};
use super::note::set_note;
use super::precompose::Composed;
use crate::compose::{Line, compose};
use crate::diagnostic::Diagnostic;
use crate::document::{Article, Document};
use crate::flow::{Part, Unit};
use crate::layout::RoleName;
use crate::page::TagKind;

/// Sets one article into units; fails when its title is taller than a column or a line runs
/// past the column.
pub(super) fn set_article(
    article: &Article,
    index: usize,
    s: &Setter,
    first: bool,
    doc: &Document,
    composed: Composed,
) -> Result<Vec<Unit>, Diagnostic> {
    let mut units = Vec::new();
    let title = s.layout.role(RoleName::Title);
    if !first && title.space_before > 0.0 {
        let lines = title.space_before.round().max(1.0) as usize;
        let stretch = title.space_stretch;
        units.push(Unit { lines, items: Vec::new(), part: Part::Space, stretch, article: index });
    }
    let title_unit = title_unit(composed.title, index, s);
    if title_unit.lines > s.layout.grid.lines {
        let message = format!("the title takes {} lines but a column holds {}", title_unit.lines, s.layout.grid.lines);
        return Err(doc.diagnostic(&article.title, 0, message).with_hint("shorten the title"));
    }
    units.push(title_unit);
    if let Some(note) = &article.note {
        let (items, lines) = set_note(note, s, 0.0, s.layout.column_width());
        if lines > s.layout.grid.lines {
            let message = format!("the editor's note takes {lines} lines but a column holds {}", s.layout.grid.lines);
            let at = note.paragraphs.first().and_then(|p| p.runs.first()).map_or(&note.label, |r| &r.text);
            return Err(doc.diagnostic(at, 0, message).with_hint("shorten the note"));
        }
        units.push(Unit { lines, items, part: Part::Note, stretch: 0, article: index });
    }
    let (body, last_right) = body_units(article, index, s, doc, composed.paragraphs)?;
    units.extend(body);
    if let Some(credit) = &article.credit {
        // Composed with the rest of the issue (else here, so a credit is never lost).
        let lines =
            composed.credit.unwrap_or_else(|| compose(s.book, &s.credit_spans(credit.as_str()), &s.credit_style()));
        add_credit(lines, index, s, last_right, &mut units);
    }
    Ok(units)
}

/// The title as one unit of whole grid lines, its lines centred vertically in that room.
fn title_unit(lines: Vec<Line>, index: usize, s: &Setter) -> Unit {
    let role = s.layout.role(RoleName::Title);
    let grid = &s.layout.grid;
    let pitch = role.line_pitch.unwrap_or(role.size * 1.5);
    let text_height = (lines.len().max(1) - 1) as f64 * pitch + role.size;
    let after = role.space_after * grid.line_pitch;
    // Room from the em-box top of the unit's first grid line to that of the line after it.
    let grid_lines = ((text_height + after) / grid.line_pitch).ceil().max(1.0) as usize;
    let room = grid_lines as f64 * grid.line_pitch;
    let em_top = -s.em_top(RoleName::Body) * grid.body_size;
    let first_baseline = em_top + (room - after - text_height) / 2.0 + s.em_top(RoleName::Title) * role.size;
    let paint = s.color(RoleName::Title);
    let tag = s.element(TagKind::Title);
    let items = lines
        .iter()
        .enumerate()
        .flat_map(|(i, line)| s.line_items(line, 0.0, first_baseline + i as f64 * pitch, &paint, tag))
        .collect();
    Unit { lines: grid_lines, items, part: Part::Title, stretch: 0, article: index }
}
