//! Choosing the breaks: total fit over the paragraph (Knuth–Plass style), with shrinking
//! punctuation blanks and Han–Latin glue, stretching inter-character glue, and a heavy cost
//! for a one-character last line (孤字).

use super::breaks::Opportunity;
use super::class::Class;
use super::prepare::Prepared;
use super::{Align, ParStyle};

/// Cost added for a paragraph's last line holding a single character (孤字).
const LONE_CHARACTER: f64 = 5000.0;
/// Cost of a line running past the measure (only chosen when nothing else exists).
const OVERFULL: f64 = 1.0e12;
/// Stretch per inter-character gap at which a justified line counts as "ratio 1", in em.
const STRETCH_PER_GAP: f64 = 0.25;

/// Measured extent of a candidate line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Extent {
    /// One past the last cluster that takes room (trailing spaces dropped).
    pub end: usize,
    /// Natural width, line-end blank trimmed, points.
    pub natural: f64,
    /// Total shrink available, points.
    pub shrink: f64,
    /// Number of gaps that may stretch.
    pub stretch_gaps: usize,
}

/// Measures the line from cluster `start` up to (not including) `stop`.
pub(super) fn extent(par: &Prepared, start: usize, stop: usize) -> Extent {
    let clusters = &par.clusters;
    let mut end = stop;
    while end > start + 1 && (clusters[end - 1].class == Class::Space || !clusters[end - 1].visible) {
        end -= 1;
    }
    let mut natural = 0.0;
    let mut shrink = 0.0;
    let mut stretch_gaps = 0;
    for k in start..end {
        let c = &clusters[k];
        natural += c.width;
        if k > start {
            let g = par.gaps[k];
            natural += g.natural;
            shrink += g.shrink;
            stretch_gaps += usize::from(g.stretchable);
        }
        let compressed_after = k + 1 < end && par.gaps[k + 1].natural < 0.0;
        if k + 1 < end && !compressed_after && matches!(c.class, Class::Stop | Class::Close) {
            shrink += c.blank_right;
        }
    }
    if end > start {
        natural -= clusters[end - 1].blank_right;
    }
    Extent { end, natural, shrink, stretch_gaps }
}

/// Returns the chosen break positions (cluster indices where each line after the first
/// starts), ending with `clusters.len()`.
pub(super) fn linebreak(par: &Prepared, opportunities: &[Opportunity], style: &ParStyle) -> Vec<usize> {
    let n = par.clusters.len();
    // Candidate positions: the paragraph start and every opportunity.
    let mut positions = vec![Opportunity { at: 0, penalty: 0.0 }];
    positions.extend_from_slice(opportunities);
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); positions.len()];
    best[0] = (0.0, 0);
    for j in 1..positions.len() {
        let stop = positions[j].at;
        let last = stop == n;
        for i in (0..j).rev() {
            if !best[i].0.is_finite() {
                continue;
            }
            let start = positions[i].at;
            let avail = style.width - if start == 0 { style.first_indent } else { style.rest_indent };
            let ext = extent(par, start, stop);
            let cost = line_cost(par, &ext, start, avail, last, style.align, positions[j].penalty);
            let total = best[i].0 + cost;
            if total < best[j].0 {
                best[j] = (total, i);
            }
            if ext.natural - ext.shrink > avail && j - i > 1 {
                break; // earlier starts only make the line longer
            }
        }
    }
    let mut breaks = Vec::new();
    let mut j = positions.len() - 1;
    while j > 0 {
        breaks.push(positions[j].at);
        j = best[j].1;
    }
    breaks.reverse();
    breaks
}

/// The demerits of one line.
fn line_cost(par: &Prepared, ext: &Extent, start: usize, avail: f64, last: bool, align: Align, penalty: f64) -> f64 {
    let em = par.em;
    if ext.natural - ext.shrink > avail + 1e-6 {
        return OVERFULL * (1.0 + ext.natural - ext.shrink - avail);
    }
    let lone = penalty + if last && lone_character(par, start, ext.end) { LONE_CHARACTER } else { 0.0 };
    match align {
        Align::Justify => {
            if last && ext.natural <= avail {
                return lone * lone;
            }
            let ratio = if ext.natural > avail {
                -(ext.natural - avail) / ext.shrink.max(1e-9)
            } else if ext.stretch_gaps == 0 {
                if avail - ext.natural < 1e-6 { 0.0 } else { 100.0 }
            } else {
                (avail - ext.natural) / (ext.stretch_gaps as f64 * STRETCH_PER_GAP * em)
            };
            // Squeezing punctuation first, pushing out second (先挤进，后推出): shrinking is cheaper.
            let badness = if ratio < 0.0 { 5.0 } else { 100.0 } * ratio.abs().powi(3);
            (1.0 + badness.min(1.0e4) + lone).powi(2)
        }
        Align::Left | Align::Right => {
            if last {
                return lone * lone;
            }
            let slack = (avail - ext.natural).max(0.0) / em;
            (1.0 + slack * slack + lone).powi(2)
        }
        Align::Center => {
            // Fewest lines first, then lines of nearly equal length (the last one included).
            let slack = (avail - ext.natural).max(0.0) / em;
            1.0e4 + slack * slack * 10.0 + lone
        }
    }
}

/// Whether the line holds only one character that is not punctuation (孤字).
fn lone_character(par: &Prepared, start: usize, end: usize) -> bool {
    let solid = par.clusters[start..end]
        .iter()
        .filter(|c| c.visible && !c.class.is_mark() && c.class != Class::Space && c.class != Class::IdeoSpace)
        .count();
    solid <= 1 && start > 0
}
