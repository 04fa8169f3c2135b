//! Finalising lines: justification (stretching inter-character glue, shrinking punctuation
//! blanks and Han–Latin glue), alignment, and the glyph positions of every line.

use super::class::Class;
use super::linebreak::extent;
use super::prepare::Prepared;
use super::{Align, Line, LineGlyph, ParStyle};

/// Turns break positions into positioned lines.
pub(super) fn finalize(par: &Prepared, breaks: &[usize], style: &ParStyle) -> Vec<Line> {
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for (i, &stop) in breaks.iter().enumerate() {
        let last = i + 1 == breaks.len();
        lines.push(line(par, start, stop, last, style));
        start = stop;
    }
    lines
}

/// Sets one line.
fn line(par: &Prepared, start: usize, stop: usize, last: bool, style: &ParStyle) -> Line {
    let indent = if start == 0 { style.first_indent } else { style.rest_indent };
    let avail = style.width - indent;
    let ext = extent(par, start, stop);
    let diff = avail - ext.natural;
    let justify = style.align == Align::Justify && (!last || diff < 0.0);
    let stretch = if justify && diff > 0.0 && ext.stretch_gaps > 0 { diff / ext.stretch_gaps as f64 } else { 0.0 };
    let squeeze = if justify && diff < 0.0 && ext.shrink > 0.0 { (-diff / ext.shrink).min(1.0) } else { 0.0 };
    let used = ext.natural + stretch * ext.stretch_gaps as f64 - squeeze * ext.shrink;
    let mut x = indent
        + match style.align {
            Align::Justify | Align::Left => 0.0,
            Align::Right => (avail - used).max(0.0),
            Align::Center => ((avail - used) / 2.0).max(0.0),
        };
    let left = x;
    let mut glyphs = Vec::new();
    for k in start..ext.end {
        let c = &par.clusters[k];
        if k > start {
            let g = par.gaps[k];
            x += g.natural - squeeze * g.shrink + if g.stretchable { stretch } else { 0.0 };
        }
        if c.visible {
            let text = &par.text[c.range.clone()];
            for (n, g) in c.glyphs.iter().enumerate() {
                glyphs.push(LineGlyph {
                    face: c.face,
                    size: c.size,
                    id: g.id,
                    x: x + g.dx,
                    rise: g.dy,
                    text: if n == 0 { text.to_string() } else { String::new() },
                    embolden: c.embolden,
                });
            }
        }
        x += c.width;
        let compressed_after = k + 1 < ext.end && par.gaps[k + 1].natural < 0.0;
        if k + 1 < ext.end && !compressed_after && matches!(c.class, Class::Stop | Class::Close) {
            x -= squeeze * c.blank_right;
        }
    }
    let right = x - ext.end.checked_sub(1).map_or(0.0, |k| par.clusters[k].blank_right);
    let text_end = par.clusters[stop - 1].range.end;
    Line { glyphs, left, right, last, text: par.text[par.clusters[start].range.start..text_end].to_string() }
}
