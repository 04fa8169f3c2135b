//! An article: its title (centred, bold, balanced, whole grid lines), its paragraphs
//! (justified, 2-em indent, one unit per line with widow and orphan keeps) and its credit.

use super::Setter;
use super::runs::line_items;
use crate::compose::Align;
use crate::document::Article;
use crate::flow::Unit;

/// Sets one article into units.
pub(super) fn set_article(article: &Article, index: usize, s: &Setter, first: bool) -> Vec<Unit> {
    let mut units = Vec::new();
    let title = s.layout.role("title");
    if !first && title.space_before > 0.0 {
        units.push(Unit {
            lines: title.space_before.round().max(1.0) as usize,
            items: Vec::new(),
            keep_with_next: false,
            discard_at_top: true,
            article: index,
        });
    }
    units.push(title_unit(article, index, s));
    for paragraph in &article.paragraphs {
        let spans: Vec<_> =
            paragraph.runs.iter().map(|run| s.span(if run.bold { "lead" } else { "body" }, &run.text)).collect();
        let indent = s.layout.grid.indent_chars * s.layout.grid.body_size;
        let lines = s.compose(&spans, s.layout.column_width(), Align::Justify, (indent, 0.0));
        let n = lines.len();
        let color = s.color("body");
        for (i, line) in lines.iter().enumerate() {
            // No first line alone at a column foot, no last line alone at a column head.
            let keep = n >= 2 && (i == 0 || i + 2 == n);
            units.push(Unit {
                lines: 1,
                items: line_items(line, 0.0, 0.0, color),
                keep_with_next: keep,
                discard_at_top: false,
                article: index,
            });
        }
    }
    if let Some(credit) = &article.credit {
        // The credit is never alone at a column head.
        if let Some(last) = units.last_mut() {
            last.keep_with_next = true;
        }
        let lines = s.compose(&[s.span("credit", credit)], s.layout.column_width(), Align::Right, (0.0, 0.0));
        let color = s.color("credit");
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            units.push(Unit {
                lines: 1,
                items: line_items(line, 0.0, 0.0, color),
                keep_with_next: i + 1 < n,
                discard_at_top: false,
                article: index,
            });
        }
    }
    units
}

/// The title as one unit of whole grid lines, its lines centred vertically in that room.
fn title_unit(article: &Article, index: usize, s: &Setter) -> Unit {
    let role = s.layout.role("title");
    let grid = &s.layout.grid;
    let pitch = role.line_pitch.unwrap_or(role.size * 1.5);
    let lines = s.compose(&[s.span("title", &article.title)], s.layout.column_width(), Align::Center, (0.0, 0.0));
    let text_height = (lines.len().max(1) - 1) as f64 * pitch + role.size;
    let after = role.space_after * grid.line_pitch;
    // Room from the em-box top of the unit's first grid line to that of the line after it.
    let grid_lines = ((text_height + after) / grid.line_pitch).ceil().max(1.0) as usize;
    let room = grid_lines as f64 * grid.line_pitch;
    let em_top = -0.88 * grid.body_size;
    let first_baseline = em_top + (room - after - text_height) / 2.0 + 0.88 * role.size;
    let color = s.color("title");
    let items = lines
        .iter()
        .enumerate()
        .flat_map(|(i, line)| line_items(line, 0.0, first_baseline + i as f64 * pitch, color))
        .collect();
    Unit { lines: grid_lines, items, keep_with_next: true, discard_at_top: false, article: index }
}
