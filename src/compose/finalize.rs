//! Finalising lines: justification by tiers ([`adjust`]), alignment, and the glyph positions
//! of every line.
//!
//! [`adjust`]: super::adjust

use smol_str::SmolStr;

use super::adjust::{distribute, measure};
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
    let m = measure(par, start, stop, style);
    let diff = avail - m.natural;
    // Justified lines fill the measure; every line is squeezed when it is too long.
    let target = if (style.align == Align::Justify && !last) || diff < 0.0 { diff } else { 0.0 };
    let (deltas, unabsorbed) = distribute(&m, start, target);
    let used = m.natural + target - unabsorbed;
    let mut x = indent
        + match style.align {
            Align::Justify | Align::Left => 0.0,
            Align::Right => (avail - used).max(0.0),
            Align::Center => ((avail - used) / 2.0).max(0.0),
        };
    let left = x;
    x -= m.lead;
    let mut glyphs = Vec::with_capacity(m.end - start);
    for k in start..m.end {
        let c = &par.clusters[k];
        if k > start {
            x += par.gaps[k].natural + deltas.gap[k - start];
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
                    text: if n == 0 { SmolStr::new(text) } else { SmolStr::default() },
                    embolden: c.embolden,
                });
            }
        }
        x += c.width + deltas.cluster[k - start];
    }
    let last_cluster = &par.clusters[m.end - 1];
    let right = if m.hangs { x - last_cluster.width } else { x - last_cluster.blank_right - last_cluster.kern };
    let text_end = par.clusters[stop - 1].range.end;
    Line {
        glyphs,
        left,
        right,
        last,
        overfull: (right - style.width).max(0.0),
        text: par.text[par.clusters[start].range.start..text_end].to_string(),
    }
}
