//! Choosing the breaks: total fit over the paragraph (Knuth–Plass style). Every candidate line
//! is measured with what it can shrink and stretch ([`adjust`]); its cost grows with the cube
//! of how far it must be squeezed or spread (squeezing punctuation is cheaper than spreading
//! characters: 先挤进，后推出), plus the break's penalty and a heavy cost for a paragraph's
//! last line holding one character (孤字).
//!
//! [`adjust`]: super::adjust

use super::adjust::{Fit, Lines, Running};
use super::breaks::Opportunity;
use super::prepare::Prepared;
use super::{Align, ParStyle};

/// Cost added for a paragraph's last line holding a single character (孤字).
const LONE_CHARACTER: f64 = 5000.0;
/// Cost of a line running past the measure (only chosen when nothing else exists).
const OVERFULL: f64 = 1.0e12;
/// Stretch per inter-character gap at which a justified line counts as "ratio 1", in em.
const STRETCH_PER_GAP: f64 = 0.25;
/// Stretch beyond the limited tier, in units of the even tier's ratio 1, past which a line's
/// badness is surely capped (the ratio is then over 4.7, and 100 × 4.7³ > 1e4; the cap is
/// reached at 4.64).
const CAPPED: f64 = 4.2;

/// Returns the chosen break positions (cluster indices where each line after the first
/// starts), ending with `clusters.len()`.
///
/// Each candidate line is measured in constant time from prefix sums ([`Lines`]); a line ending
/// at a break is tried from every earlier break until one makes it too long to fit.
pub(super) fn linebreak(par: &Prepared, opportunities: &[Opportunity], style: &ParStyle) -> Vec<usize> {
    let n = par.clusters.len();
    let lines = Lines::new(par, style);
    let mut positions = Vec::with_capacity(opportunities.len() + 1);
    positions.push(Opportunity { at: 0, penalty: 0.0 });
    positions.extend_from_slice(opportunities);
    if one_line(&lines, &positions, style) {
        return vec![n];
    }
    let (first_avail, rest_avail) = (style.width - style.first_indent, style.width - style.rest_indent);
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); positions.len()];
    best[0] = (0.0, 0);
    // The sums of the line from each break, moved on as the line end moves on.
    let mut running: Vec<Running> = positions.iter().map(|p| lines.start(p.at.min(n - 1))).collect();
    for j in 1..positions.len() {
        let stop = positions[j].at;
        let last = stop == n;
        let tail = lines.tail(stop);
        for i in (0..j).rev() {
            let start = positions[i].at;
            let avail = if start == 0 { first_avail } else { rest_avail };
            let f = lines.fit(&mut running[i], start, &tail);
            count_candidate();
            // 孤字: the last line holds only one character that is not punctuation.
            let lone = last && start > 0 && lines.solid(start, f.end) <= 1;
            let cost = line_cost(par.em, &f, avail, last, lone, style.align, positions[j].penalty);
            let total = best[i].0 + cost;
            if total < best[j].0 {
                best[j] = (total, i);
            }
            if f.natural - f.shrink > avail && j - i > 1 {
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

/// Whether the total fit is the whole paragraph on one line, known without trying every
/// pair of breaks (a name or a contact line measured at a measure of 1e6 pt, which would
/// otherwise cost breaks² candidates). It is when the paragraph fits its first line at no
/// cost and the search ending at the paragraph end would reach the paragraph start: no
/// shorter last line of two or more breaks runs past the measure. Every other way has a
/// line before the last, which costs at least 1 (Center: lines are counted first, so the
/// search runs in full). Where the fixed-point sums cannot tell for sure, the search decides.
fn one_line(lines: &Lines, positions: &[Opportunity], style: &ParStyle) -> bool {
    if style.align == Align::Center {
        return false;
    }
    let n = positions.last().map_or(0, |p| p.at);
    let avail = style.width - style.first_indent;
    let f = lines.fit(&mut lines.start(0), 0, &lines.tail(n));
    if f.natural - f.shrink > avail + 1e-6 || (style.align == Align::Justify && f.natural > avail) {
        return false;
    }
    let prefix = lines.prefix();
    let rest = style.width - style.rest_indent;
    let j = positions.len() - 1;
    (1..j.saturating_sub(1)).all(|i| {
        let (f, error) = lines.approx(&prefix, positions[i].at, n);
        f.natural - f.shrink + error <= rest
    })
}

/// How far a line must be spread (positive) or squeezed (negative), 1 being "a lot".
fn ratio(f: &Fit, avail: f64, em: f64) -> f64 {
    let diff = avail - f.natural;
    if diff < 0.0 {
        return diff / f.shrink.max(1e-9);
    }
    if diff <= f.stretch_limited {
        return 0.5 * diff / f.stretch_limited.max(1e-9);
    }
    let rest = diff - f.stretch_limited;
    if f.stretch_even == 0 {
        return if rest < 1e-6 { 0.5 } else { 100.0 };
    }
    0.5 + rest / (f.stretch_even as f64 * STRETCH_PER_GAP * em)
}

/// The demerits of one line; `em` is the paragraph's, `lone` whether it is a last line of
/// one character (孤字).
#[inline]
fn line_cost(em: f64, f: &Fit, avail: f64, last: bool, lone: bool, align: Align, penalty: f64) -> f64 {
    if f.natural - f.shrink > avail + 1e-6 {
        return OVERFULL * (1.0 + f.natural - f.shrink - avail);
    }
    let extra = penalty + if lone { LONE_CHARACTER } else { 0.0 };
    match align {
        Align::Justify => {
            if last && f.natural <= avail {
                return extra * extra;
            }
            // Most candidates are far too short: their badness is capped, known without the
            // division (rest ≥ 4.2 gaps' worth puts the ratio past 4.7, 100·4.7³ > 1e4).
            let rest = avail - f.natural - f.stretch_limited;
            let capped =
                rest > 0.0 && f.stretch_even > 0 && rest >= CAPPED * (f.stretch_even as f64 * STRETCH_PER_GAP * em);
            let badness = if capped {
                1.0e4
            } else {
                let r = ratio(f, avail, em);
                let weight = if r < 0.0 { 5.0 } else { 100.0 };
                weight * r.abs().powi(3)
            };
            (1.0 + badness.min(1.0e4) + extra).powi(2)
        }
        Align::Left | Align::Right => {
            if last {
                return extra * extra;
            }
            let slack = (avail - f.natural).max(0.0) / em;
            (1.0 + slack * slack + extra).powi(2)
        }
        Align::Center => {
            // Fewest lines first, then lines of nearly equal length (the last one included).
            let slack = (avail - f.natural).max(0.0) / em;
            1.0e4 + slack * slack * 10.0 + extra
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Candidate lines measured on this thread (tests assert the search stays linear).
    pub(super) static CANDIDATES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one candidate line (tests only).
#[inline]
fn count_candidate() {
    #[cfg(test)]
    CANDIDATES.with(|c| c.set(c.get() + 1));
}
