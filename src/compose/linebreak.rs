//! Choosing the breaks: total fit over the paragraph (Knuth–Plass style). Every candidate line
//! is measured with what it can shrink and stretch ([`adjust`]); its cost grows with the cube
//! of the space added between characters, with no cap (a looser line always costs more), and
//! with the square of how far its marks are squeezed (a mark keeps its width unless spreading
//! would leave the Han gaps past the goal), plus the break's penalty and a heavy cost for a
//! line holding one character before a break (孤字).
//!
//! [`adjust`]: super::adjust

use super::adjust::{Fit, GENTLE, Lines, Prefix, Running, Tail};
use super::breaks::{LAST_RESORT, Opportunity};
use super::prepare::Prepared;
use super::{Align, ParStyle};

/// Cost added for a paragraph's last line holding a single character (孤字), or a line of one
/// character before a token that cannot start it.
const LONE_CHARACTER: f64 = 1.0e5;
/// Cost of a line running past the measure (only chosen when nothing else exists).
const OVERFULL: f64 = 1.0e14;
/// Space added per inter-character gap, em, at which a line's badness is 100 (as much as two
/// marks squeezed): a line 1 em short over 20 gaps.
const GAP_GOAL: f64 = 0.05;
/// Badness of a line whose word spaces take all their limited stretch (½ em each).
const SPACES_FULL: f64 = 12.5;
/// Badness of each closing or pause mark squeezed to ½ em in the middle of a line.
const MARK_SQUEEZED: f64 = 60.0;
/// Badness of squeezing everything in the second tier (word spaces to ¼ em, Han–Latin gaps to
/// ⅛ em, opening marks to ½ em), on top of the first.
const SECOND_FULL: f64 = 300.0;
/// Badness of the shared squeeze too small to see, taken in full.
const GENTLE_FULL: f64 = 10.0;
/// Badness of squeezing a 。？！ in the middle of a line (on top of the first two tiers).
const STOPS_FULL: f64 = 1000.0;
/// Badness past which growth slows to logarithmic: still rising, so that a looser line always
/// costs more, but never reaching the penalties of forbidden breaks.
const STEEP: f64 = 1.0e4;
/// Space added per gap, em, past which a line's badness is past [`STEEP`] whatever its word
/// spaces take: [`GAP_GOAL`] × ∛(STEEP / 100) = 0.2321, rounded up.
const LOOSE_GAP: f64 = 0.233;
/// Badness under which a line ending at a safe point of an address serves (its gaps spread
/// by about 1/10 em at most, the Han-gap bound): a line that holds such a point may not end
/// inside the address's letters.
const SAFE_SERVES: f64 = 800.0;

/// Returns the chosen break positions (cluster indices where each line after the first
/// starts), ending with `clusters.len()`.
///
/// Each candidate line is measured in constant amortised time from running sums ([`Lines`]); a
/// line ending at a break is tried from every earlier break until one makes it too long to
/// fit, but for the starts a bound from above shows certainly loose (see [`floor`]) when a line
/// from another start costs less than any of those can; measured lines past the loose floor
/// are priced last, only when they can still beat the best line found.
pub(super) fn linebreak(par: &Prepared, opportunities: &[Opportunity], style: &ParStyle) -> Vec<usize> {
    let n = par.clusters.len();
    let lines = Lines::new(par, style);
    let mut positions = Vec::with_capacity(opportunities.len() + 1);
    positions.push(Opportunity::new(0, 0.0));
    positions.extend_from_slice(opportunities);
    if one_line(&lines, &positions, style) {
        return vec![n];
    }
    let (first_avail, rest_avail) = (style.width - style.first_indent, style.width - style.rest_indent);
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); positions.len()];
    best[0] = (0.0, 0);
    // The sums of the line from each break, moved on as the line end moves on.
    let mut running: Vec<Running> = positions.iter().map(|p| lines.start(p.at.min(n - 1))).collect();
    // Prefix sums, made when a break inside an address first needs them.
    let mut prefix = None;
    // Lines certainly looser than [`LOOSE_GAP`] per gap, whose floor is past the best line
    // found from the other starts, are not measured: they are the starts after `dense` (their
    // running sums catch up, in the same order, when a later line end reaches them). A bound
    // from above on each line ([`Lines::upper`]) tells; `dense` only moves on.
    let loose = LOOSE_GAP * par.em;
    let (upper, first) = lines.upper(loose);
    let widest = first_avail.max(rest_avail);
    let room = widest - loose - 1e-9 * (1.0 + widest.abs() + upper[n]);
    let mut dense = 0;
    // The cheapest way to reach a start after `dense`, for the skip's bound.
    let mut reach = Reach::default();
    // Lines waiting to be priced: start, measure, floor.
    let mut waiting: Vec<(usize, Fit, f64)> = Vec::new();
    for j in 1..positions.len() {
        let stop = positions[j].at;
        let line = Candidates {
            lines: &lines,
            positions: &positions,
            j,
            last: stop == n,
            tail: lines.tail(stop),
            avail: (first_avail, rest_avail),
            em: par.em,
            align: style.align,
        };
        let trim = lines.trim(stop);
        // Starts from which the line holds two clusters or more, certainly loose where the
        // bound on it is short of `room` (the bound grows as the start moves back).
        let long = |i: usize| positions[i].at + 1 < trim;
        let span = |i: usize| first + upper[trim] - upper[positions[i].at + 1] + line.tail.gain();
        while dense + 1 < j && long(dense + 1) && span(dense + 1) >= room {
            dense += 1;
        }
        // A certainly loose line costs more than the floor with the break's penalty (a line
        // ending at a forbidden break is loose or not at that price), on top of the cheapest
        // way to its start: when the best line found from the other starts costs less, none
        // of those can be the best. Else they are tried too (below).
        reach.push(j - 1, &best);
        let loose_line = (1.0 + STEEP + positions[j].penalty).powi(2);
        let loose_floor = reach.after(dense, &best) + loose_line;
        let skips = skipping() && style.align == Align::Justify && !line.last;
        // The last start skipped.
        let mut jump = None;
        // Measured lines that are loose past the floor (a line of one character, mostly) wait
        // until the others are priced: most then cannot beat the best found and go unpriced.
        // Of equal costs the line from the later start is kept, as in a search in order.
        let mut i = j;
        while i > 0 {
            i -= 1;
            if skips && jump.is_none() && i > dense && long(i) {
                jump = Some(i);
                i = dense + 1;
                continue;
            }
            let f = line.fit(i, &mut running[i]);
            count_candidate();
            let floor = line.floor(i, &f);
            if skips && floor > 1.0 {
                waiting.push((i, f, floor));
            } else {
                line.take(i, &f, floor, &mut best, &mut prefix);
            }
            if line.too_long(i, &f) {
                break; // earlier starts only make the line longer
            }
        }
        line.take_waiting(&mut waiting, &mut best, &mut prefix);
        // The skipped starts are tried when the best line found does not beat their floor: as if
        // they had been tried in turn, a line from them wins a tie with the lines after them
        // (tried later, up to `dense`) but not with those before. A start whose own floor is past
        // the line found is not measured: its line could only win by costing no more than that.
        if let Some(last) = jump
            && best[j].0 >= loose_floor
        {
            let found = best[j];
            best[j] = (f64::INFINITY, 0);
            for i in (dense + 1..=last).rev() {
                if best[i].0 + loose_line > found.0 {
                    continue;
                }
                let f = line.fit(i, &mut running[i]);
                count_candidate();
                line.consider(i, &f, &mut best, &mut prefix);
            }
            let wins = best[j].0 < found.0 || (best[j].0 == found.0 && found.1 <= dense);
            if !wins {
                best[j] = found;
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

/// The cheapest cost of reaching each start of a window that only moves on: a queue of
/// starts whose costs rise from front to back (each start enters and leaves it once).
#[derive(Default)]
struct Reach {
    /// Starts, oldest first, each cheaper than every start behind it in the queue.
    queue: std::collections::VecDeque<usize>,
}

impl Reach {
    /// Takes start `i` (its cost in `best` final) into the window.
    fn push(&mut self, i: usize, best: &[(f64, usize)]) {
        while self.queue.back().is_some_and(|&k| best[k].0 >= best[i].0) {
            self.queue.pop_back();
        }
        self.queue.push_back(i);
    }

    /// The cheapest cost of reaching a start after `first` (infinite when there is none).
    fn after(&mut self, first: usize, best: &[(f64, usize)]) -> f64 {
        while self.queue.front().is_some_and(|&k| k <= first) {
            self.queue.pop_front();
        }
        self.queue.front().map_or(f64::INFINITY, |&k| best[k].0)
    }
}

/// The lines ending at one break `j`, measured and priced.
struct Candidates<'a> {
    /// The paragraph's measures.
    lines: &'a Lines,
    /// The breaks, the paragraph start first.
    positions: &'a [Opportunity],
    /// The break the lines end at.
    j: usize,
    /// Whether it is the paragraph end.
    last: bool,
    /// What the line end takes off.
    tail: Tail,
    /// The measure of the first line and of the others, points.
    avail: (f64, f64),
    /// The paragraph's em.
    em: f64,
    /// Alignment.
    align: Align,
}

impl Candidates<'_> {
    /// The measure of a line starting at break `i`.
    fn avail(&self, i: usize) -> f64 {
        if self.positions[i].at == 0 { self.avail.0 } else { self.avail.1 }
    }

    /// Takes the line from break `i`, measured `f`, with its floor ([`Candidates::take`]).
    /// Returns whether the line is too long (then every earlier start gives a longer one).
    #[inline(always)]
    fn consider(&self, i: usize, f: &Fit, best: &mut [(f64, usize)], prefix: &mut Option<Prefix>) -> bool {
        self.take(i, f, self.floor(i, f), best, prefix);
        self.too_long(i, f)
    }

    /// A cost the line from break `i`, measured `f`, cannot go under ([`floor`]).
    #[inline(always)]
    fn floor(&self, i: usize, f: &Fit) -> f64 {
        floor(self.em, f, self.avail(i), self.last, self.align, self.positions[self.j].penalty)
    }

    /// Whether the line from break `i`, measured `f`, is too long: every earlier start gives a
    /// longer one.
    #[inline(always)]
    fn too_long(&self, i: usize, f: &Fit) -> bool {
        f.natural - f.shrink > self.avail(i) && self.j - i > 1
    }

    /// Prices the line from break `i`, measured `f` with floor `floor`, unless the floor shows
    /// it cannot beat the best line to break `j` so far, and keeps it if it is cheaper, or as
    /// cheap and from a later start (the line a search from the latest start down keeps).
    #[inline(always)]
    fn take(&self, i: usize, f: &Fit, floor: f64, best: &mut [(f64, usize)], prefix: &mut Option<Prefix>) {
        let (kept, from) = best[self.j];
        if best[i].0 + floor <= kept {
            let total = best[i].0 + self.price(i, f, prefix);
            if total < kept || (total == kept && i > from && total.is_finite()) {
                best[self.j] = (total, i);
            }
        }
    }

    /// Takes the waiting lines, latest start first.
    fn take_waiting(
        &self,
        waiting: &mut Vec<(usize, Fit, f64)>,
        best: &mut [(f64, usize)],
        prefix: &mut Option<Prefix>,
    ) {
        for (i, f, floor) in waiting.drain(..) {
            self.take(i, &f, floor, best, prefix);
        }
    }

    /// The line from break `i`, whose running sums are `run`.
    fn fit(&self, i: usize, run: &mut Running) -> Fit {
        self.lines.fit(run, self.positions[i].at, &self.tail)
    }

    /// The cost of the line from break `i`, measured `f`.
    fn price(&self, i: usize, f: &Fit, prefix: &mut Option<Prefix>) -> f64 {
        let start = self.positions[i].at;
        let avail = self.avail(i);
        // 孤字: the last line holds only one character that is not punctuation; nor should
        // any line before it (a 甲 alone before a long address).
        let lone = (start > 0 || !self.last) && self.lines.solid(start, f.end) <= 1;
        // A line that holds a safe point of an address does not end inside its letters.
        let opportunity = &self.positions[self.j];
        let safe = opportunity.safe_before;
        let refused =
            if safe > start && serves(self.lines, prefix, start, safe, avail, self.em) { LAST_RESORT } else { 0.0 };
        line_cost(self.em, f, avail, self.last, lone, self.align, opportunity.penalty + refused)
    }
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

/// Whether the line from `start` to the safe point of an address before cluster `safe` would
/// be good enough to end there: then the line may not end between two of the address's
/// letters instead.
fn serves(lines: &Lines, prefix: &mut Option<Prefix>, start: usize, safe: usize, avail: f64, em: f64) -> bool {
    let prefix = prefix.get_or_insert_with(|| lines.prefix());
    let (f, _) = lines.approx(prefix, start, safe);
    let diff = avail - f.natural;
    diff < 0.0 || stretch_badness(&f, diff, em) <= SAFE_SERVES
}

/// The badness of a justified line `diff` points short of the measure: word spaces first,
/// then the same space added to every inter-character gap (a line with no such gap counts
/// as one, so a line of one word or character short by more costs more).
fn stretch_badness(f: &Fit, diff: f64, em: f64) -> f64 {
    if diff <= f.stretch_limited {
        return SPACES_FULL * (diff / f.stretch_limited.max(1e-9)).powi(3);
    }
    let rest = diff - f.stretch_limited;
    let spaces = if f.stretch_limited > 0.0 { SPACES_FULL } else { 0.0 };
    if f.stretch_even == 0 && rest < 1e-6 {
        return spaces;
    }
    let per_gap = rest / (places(f) as f64 * em);
    spaces + 100.0 * (per_gap / GAP_GOAL).powi(3)
}

/// The places a line's space past its limited stretch is spread over, as justification
/// spreads it: the even tier; else, on a line with no limited stretch either, the gaps
/// between an address's letters (a line of nothing but an address takes its space there);
/// else one.
fn places(f: &Fit) -> usize {
    if f.stretch_even > 0 {
        f.stretch_even
    } else if f.stretch_limited == 0.0 {
        f.stretch_address.max(1)
    } else {
        1
    }
}

/// The badness of a line `need` points too long: first a squeeze shared by the closing and
/// pause marks, spaces, Han–Latin gaps and opening marks, too small to see ([`GENTLE`]); then
/// the closing and pause marks one by one (each mark that gives more costs [`MARK_SQUEEZED`]),
/// then the rest of the second tier, then full stops.
fn shrink_badness(f: &Fit, need: f64, em: f64) -> f64 {
    let [t0, t1, t2] = f.shrink_tiers;
    let gentle = (t0 + t1) * GENTLE;
    let mut rest = need;
    let mut badness = 0.0;
    if gentle > 0.0 {
        let used = rest.min(gentle);
        badness += GENTLE_FULL * (used / gentle).powi(2);
        rest -= used;
    }
    let per_mark = 0.5 * em * (1.0 - GENTLE);
    let marks = rest.min(t0 * (1.0 - GENTLE));
    badness += MARK_SQUEEZED * marks / per_mark;
    rest -= marks;
    let tiers = [(t1 * (1.0 - GENTLE), SECOND_FULL), (t2, STOPS_FULL)];
    for (cap, full) in tiers {
        if rest <= 0.0 {
            break;
        }
        if cap <= 0.0 {
            continue;
        }
        let used = rest.min(cap);
        badness += full * (used / cap).powi(2);
        rest -= used;
    }
    badness
}

/// A cost no line measured `f` ending at a break of `penalty` can go under (what else a
/// line's cost adds is never negative), found without the logarithm and powers of the exact
/// cost: past [`LOOSE_GAP`] per gap the badness is past [`STEEP`], and the softened badness at
/// least that.
#[inline]
fn floor(em: f64, f: &Fit, avail: f64, last: bool, align: Align, penalty: f64) -> f64 {
    let diff = avail - f.natural;
    if align != Align::Justify || last || diff < 0.0 || f.natural - f.shrink > avail + 1e-6 {
        return 0.0;
    }
    let rest = diff - f.stretch_limited;
    if rest > LOOSE_GAP * em * places(f) as f64 { (1.0 + STEEP + penalty).powi(2) } else { 1.0 }
}

/// Slows the growth of a badness past [`STEEP`] to logarithmic, keeping it increasing.
fn soften(badness: f64) -> f64 {
    if badness <= STEEP { badness } else { STEEP * (1.0 + (badness / STEEP).ln()) }
}

/// The demerits of one line; `em` is the paragraph's, `lone` whether it holds one character
/// (孤字).
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
            let diff = avail - f.natural;
            let badness = if diff >= 0.0 { stretch_badness(f, diff, em) } else { shrink_badness(f, -diff, em) };
            (1.0 + soften(badness) + extra).powi(2)
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
mod tests {
    use super::*;

    #[test]
    fn a_looser_line_always_costs_more() {
        let em = 10.0;
        let fit = |natural: f64, even: usize| Fit {
            end: 1,
            natural,
            shrink: 0.0,
            shrink_tiers: [0.0; 3],
            stretch_limited: 0.0,
            stretch_even: even,
            stretch_address: 0,
        };
        for even in [0, 1, 5, 20] {
            let mut last = 0.0;
            for short in 1..2000 {
                let f = fit(210.0 - short as f64 * 0.1, even);
                let cost = line_cost(em, &f, 210.0, false, false, Align::Justify, 0.0);
                assert!(cost > last, "{even} gaps, {short}: {cost} after {last}");
                last = cost;
            }
            // Never as costly as a break the kinsoku rules forbid.
            assert!(last < 1.0e12, "{last}");
        }
    }

    #[test]
    fn the_floor_is_never_above_the_cost_and_skips_loose_lines() {
        let em = 10.0;
        let mut skipped = 0;
        for (limited, even) in [(0.0, 0), (0.0, 1), (4.0, 1), (0.0, 5), (2.5, 5), (0.0, 20), (9.0, 20)] {
            for short in 0..3000 {
                let f = Fit {
                    end: 1,
                    natural: 210.0 - short as f64 * 0.1,
                    shrink: 0.0,
                    shrink_tiers: [0.0; 3],
                    stretch_limited: limited,
                    stretch_even: even,
                    stretch_address: 0,
                };
                for penalty in [0.0, 10.0, 3000.0, 1.0e6] {
                    let cost = line_cost(em, &f, 210.0, false, false, Align::Justify, penalty);
                    let floor = floor(em, &f, 210.0, false, Align::Justify, penalty);
                    assert!(floor <= cost, "{limited} {even} {short} {penalty}: floor {floor} over {cost}");
                    skipped += usize::from(floor > 1.0);
                }
            }
        }
        assert!(skipped > 40_000, "{skipped}");
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

#[cfg(test)]
thread_local! {
    /// Whether certainly loose lines go unmeasured and loose lines wait to be priced on this
    /// thread (tests turn it off to compare).
    pub(super) static SKIP_LOOSE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Whether certainly loose lines go unmeasured and loose lines wait to be priced (always, but
/// in tests that compare with a search that measures and prices every line in order).
#[inline]
fn skipping() -> bool {
    #[cfg(test)]
    return SKIP_LOOSE.with(std::cell::Cell::get);
    #[cfg(not(test))]
    true
}
