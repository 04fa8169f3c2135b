//! The last page: the rest of the text split over the columns so that they end within one
//! line of each other, the left ones never shorter, with no keep broken where that can be
//! helped.
//!
//! The cost of a split is the faults at its column ends plus [`imbalance`] of the column
//! heights. Trying every split is exponential in the number of columns, so the search goes by
//! windows of heights instead: for a window `lo..=hi`, the fewest faults of a split whose
//! columns all stand within it is a shortest path over (column, unit) — linear in the text.
//! The spread `hi - lo` grows from 0 until its cost alone exceeds the best found; in the
//! windows that reach that best, a second pass keeps the previous column's height to weigh
//! right-heavy columns, and picks the same split the exhaustive search did (the first in
//! ascending order of column ends among those of least cost).

use std::collections::HashMap;

use super::columns::Measure;

/// Cost of columns ending `d` ≥ 2 lines apart: `UNBALANCED * (d - 1)²`.
const UNBALANCED: u64 = 200_000;
/// Cost of a column ending below the one on its left (as much as 2 lines short elsewhere).
const RIGHT_HEAVY: u64 = 400;

/// The best split of `units[start..]` over `columns` columns of `capacity` lines: its cost
/// (faults at the column ends, imbalance) and the column ends; `None` when it cannot fit.
pub(super) fn last_page(m: &Measure, start: usize, capacity: usize, columns: usize) -> Option<(u64, Vec<usize>)> {
    if m.rest(start) > columns * capacity {
        return None;
    }
    let n = m.len();
    if columns <= 1 {
        return (m.height(start, n) <= capacity).then(|| (0, vec![n]));
    }
    let search = Search { m, start, columns };
    let fewest = search.fewest_faults(0, capacity)?;
    // Column heights average between the text's solid lines and all its lines per column.
    let solid = m.rest(start);
    let all = m.height(start, n);
    let (low_mean, high_mean) = (solid.div_ceil(columns), all / columns);
    let mut best = u64::MAX;
    let mut windows = Vec::new();
    for spread in 0..=capacity {
        if fewest.saturating_add(spread_cost(spread)) > best {
            break;
        }
        let lowest = low_mean.saturating_sub(spread);
        let highest = high_mean.min(capacity - spread);
        for lo in lowest..=highest {
            let Some(faults) = search.fewest_faults(lo, lo + spread) else { continue };
            let cost = faults + spread_cost(spread);
            if cost < best {
                best = cost;
                windows.clear();
            }
            if cost == best {
                windows.push((lo, lo + spread));
            }
        }
    }
    windows
        .into_iter()
        .filter_map(|(lo, hi)| search.best_within(lo, hi))
        .map(|ends| (search.cost(&ends), ends))
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)))
}

/// Cost of columns whose heights span `spread` lines (0 or 1 is balanced).
fn spread_cost(spread: usize) -> u64 {
    let d = spread as u64;
    if d >= 2 { UNBALANCED * (d - 1).pow(2) } else { 0 }
}

/// One last page to split.
struct Search<'a> {
    /// The units measured.
    m: &'a Measure,
    /// The unit the page starts at.
    start: usize,
    /// Columns on the page.
    columns: usize,
}

impl Search<'_> {
    /// The ends of a column from `p` (not the last) whose height lies in `lo..=hi`, with
    /// that height, ascending.
    fn ends(&self, p: usize, lo: usize, hi: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let n = self.m.len();
        let first = self.m.head(p);
        let from = if first == n { n } else { first + 1 };
        // Heights grow with the end: search for the first end tall enough.
        let (mut low, mut high) = (from, n + 1);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.m.height(p, mid) < lo { low = mid + 1 } else { high = mid }
        }
        (low..=n).map(move |e| (e, self.m.height(p, e))).take_while(move |&(_, h)| h <= hi)
    }

    /// The fewest faults of a split whose columns all take `lo..=hi` lines; `None` if none.
    fn fewest_faults(&self, lo: usize, hi: usize) -> Option<u64> {
        let n = self.m.len();
        let mut reached: Vec<(usize, u64)> = vec![(self.start, 0)];
        let mut next: Vec<(usize, u64)> = Vec::new();
        for _ in 1..self.columns {
            next.clear();
            for &(p, faults) in &reached {
                next.extend(self.ends(p, lo, hi).map(|(e, _)| (e, faults + self.m.fault(e).map_or(0, |f| f.cost()))));
            }
            // Each end once, at its fewest faults (sorted by end, then faults: the first).
            next.sort_unstable();
            next.dedup_by_key(|&mut (e, _)| e);
            std::mem::swap(&mut reached, &mut next);
        }
        let fits = |p: usize| (lo..=hi).contains(&self.m.height(p, n));
        reached.into_iter().filter(|&(p, _)| fits(p)).map(|(_, faults)| faults).min()
    }

    /// The split of least faults and right-heavy columns with every column in `lo..=hi`,
    /// the first in ascending order of its ends among equals.
    fn best_within(&self, lo: usize, hi: usize) -> Option<Vec<usize>> {
        let mut memo = HashMap::new();
        let mut ends = Vec::with_capacity(self.columns);
        let (mut p, mut previous) = (self.start, None);
        for column in 0..self.columns - 1 {
            let mut choice: Option<(u64, usize, usize)> = None;
            for (e, h) in self.ends(p, lo, hi) {
                let Some(rest) = self.to_go(column + 1, e, h, lo, hi, &mut memo) else { continue };
                let cost = self.step(e, h, previous) + rest;
                if choice.is_none_or(|(c, _, _)| cost < c) {
                    choice = Some((cost, e, h));
                }
            }
            let (_, e, h) = choice?;
            ends.push(e);
            (p, previous) = (e, Some(h));
        }
        ends.push(self.m.len());
        Some(ends)
    }

    /// The fault at `e` and the cost of a column of `h` lines after one of `previous`.
    fn step(&self, e: usize, h: usize, previous: Option<usize>) -> u64 {
        let heavy = previous.is_some_and(|before| h > before);
        self.m.fault(e).map_or(0, |f| f.cost()) + if heavy { RIGHT_HEAVY } else { 0 }
    }

    /// The least cost of columns `column..` from unit `p` after a column of `before` lines,
    /// every column in `lo..=hi`.
    fn to_go(
        &self,
        column: usize,
        p: usize,
        before: usize,
        lo: usize,
        hi: usize,
        memo: &mut HashMap<(usize, usize, usize), Option<u64>>,
    ) -> Option<u64> {
        let n = self.m.len();
        if column + 1 == self.columns {
            let h = self.m.height(p, n);
            return (lo..=hi).contains(&h).then(|| self.step(n, h, Some(before)));
        }
        if let Some(&known) = memo.get(&(column, p, before)) {
            return known;
        }
        let ends: Vec<(usize, usize)> = self.ends(p, lo, hi).collect();
        let best = ends
            .into_iter()
            .filter_map(|(e, h)| Some(self.step(e, h, Some(before)) + self.to_go(column + 1, e, h, lo, hi, memo)?))
            .min();
        memo.insert((column, p, before), best);
        best
    }

    /// The cost of a split: the faults at its column ends and the imbalance of its heights.
    fn cost(&self, ends: &[usize]) -> u64 {
        let mut from = self.start;
        let mut heights = Vec::with_capacity(ends.len());
        let mut faults = 0;
        for &e in ends {
            heights.push(self.m.height(from, e));
            faults += self.m.fault(e).map_or(0, |f| f.cost());
            from = e;
        }
        faults + imbalance(&heights)
    }
}

/// Cost of column heights: nothing when they end within one line of each other with the
/// left ones never shorter; some for a right column longer than its left neighbour; much for
/// columns two or more lines apart.
pub(super) fn imbalance(heights: &[usize]) -> u64 {
    let (Some(&max), Some(&min)) = (heights.iter().max(), heights.iter().min()) else {
        return 0;
    };
    let spread = (max - min) as u64;
    let uneven = if spread >= 2 { UNBALANCED * (spread - 1).pow(2) } else { 0 };
    uneven + RIGHT_HEAVY * heights.windows(2).filter(|w| w[1] > w[0]).count() as u64
}
