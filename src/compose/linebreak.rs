//! Choosing the breaks: total fit over the paragraph (Knuth–Plass style). Every candidate line
//! is measured with what it can shrink and stretch ([`adjust`]); its cost grows with the cube
//! of how far it must be squeezed or spread (squeezing punctuation is cheaper than spreading
//! characters: 先挤进，后推出), plus the break's penalty and a heavy cost for a paragraph's
//! last line holding one character (孤字).
//!
//! [`adjust`]: super::adjust

use super::adjust::{Metrics, measure};
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

/// Returns the chosen break positions (cluster indices where each line after the first
/// starts), ending with `clusters.len()`.
pub(super) fn linebreak(par: &Prepared, opportunities: &[Opportunity], style: &ParStyle) -> Vec<usize> {
    let n = par.clusters.len();
    let mut positions = vec![Opportunity { at: 0, penalty: 0.0 }];
    positions.extend_from_slice(opportunities);
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); positions.len()];
    best[0] = (0.0, 0);
    for j in 1..positions.len() {
        let stop = positions[j].at;
        let last = stop == n;
        for i in (0..j).rev() {
            let start = positions[i].at;
            let avail = style.width - if start == 0 { style.first_indent } else { style.rest_indent };
            let m = measure(par, start, stop, style);
            let cost = line_cost(par, &m, start, avail, last, style.align, positions[j].penalty);
            let total = best[i].0 + cost;
            if total < best[j].0 {
                best[j] = (total, i);
            }
            if m.natural - m.shrink_total() > avail && j - i > 1 {
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

/// How far a line must be spread (positive) or squeezed (negative), 1 being "a lot".
pub(super) fn ratio(m: &Metrics, avail: f64, em: f64) -> f64 {
    let diff = avail - m.natural;
    if diff < 0.0 {
        return diff / m.shrink_total().max(1e-9);
    }
    if diff <= m.stretch_limited {
        return 0.5 * diff / m.stretch_limited.max(1e-9);
    }
    let rest = diff - m.stretch_limited;
    if m.stretch_even == 0 {
        return if rest < 1e-6 { 0.5 } else { 100.0 };
    }
    0.5 + rest / (m.stretch_even as f64 * STRETCH_PER_GAP * em)
}

/// The demerits of one line.
fn line_cost(par: &Prepared, m: &Metrics, start: usize, avail: f64, last: bool, align: Align, penalty: f64) -> f64 {
    let em = par.em;
    if m.natural - m.shrink_total() > avail + 1e-6 {
        return OVERFULL * (1.0 + m.natural - m.shrink_total() - avail);
    }
    let extra = penalty + if last && lone_character(par, start, m.end) { LONE_CHARACTER } else { 0.0 };
    match align {
        Align::Justify => {
            if last && m.natural <= avail {
                return extra * extra;
            }
            let r = ratio(m, avail, em);
            let badness = if r < 0.0 { 5.0 } else { 100.0 } * r.abs().powi(3);
            (1.0 + badness.min(1.0e4) + extra).powi(2)
        }
        Align::Left | Align::Right => {
            if last {
                return extra * extra;
            }
            let slack = (avail - m.natural).max(0.0) / em;
            (1.0 + slack * slack + extra).powi(2)
        }
        Align::Center => {
            // Fewest lines first, then lines of nearly equal length (the last one included).
            let slack = (avail - m.natural).max(0.0) / em;
            1.0e4 + slack * slack * 10.0 + extra
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
