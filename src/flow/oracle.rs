//! The exhaustive searches the page plan used before (every split of the last page, every
//! combination of column ends on a full page) and the full page weighed from each start on its
//! own, kept as oracles: on small random galleys the faster searches must choose exactly what
//! these choose, cost and column ends alike.

use super::balance::{imbalance, last_page};
use super::columns::Measure;
use super::galley::{Part, Unit};

/// Every split of the last page, the first of least cost in ascending order of ends.
fn last_page_exhaustive(m: &Measure, start: usize, capacity: usize, columns: usize) -> Option<(u64, Vec<usize>)> {
    if m.rest(start) > columns * capacity {
        return None;
    }
    let mut best: Option<(u64, Vec<usize>)> = None;
    split(m, capacity, columns, start, 0, &mut Vec::new(), &mut Vec::new(), &mut best);
    best
}

/// Tries every end of the next column from `start`; the last column takes the rest.
#[allow(clippy::too_many_arguments)]
fn split(
    m: &Measure,
    capacity: usize,
    columns: usize,
    start: usize,
    faults: u64,
    ends: &mut Vec<usize>,
    heights: &mut Vec<usize>,
    best: &mut Option<(u64, Vec<usize>)>,
) {
    let n = m.len();
    if ends.len() + 1 == columns {
        let height = m.height(start, n);
        if height > capacity {
            return;
        }
        heights.push(height);
        let cost = faults + imbalance(heights);
        heights.pop();
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            ends.push(n);
            *best = Some((cost, ends.clone()));
            ends.pop();
        }
        return;
    }
    let first = m.head(start);
    let candidates = if first == n { n..=n } else { first + 1..=n };
    for end in candidates {
        let height = m.height(start, end);
        if height > capacity {
            break;
        }
        ends.push(end);
        heights.push(height);
        let fault = m.fault(end).map_or(0, |f| f.cost());
        split(m, capacity, columns, end, faults + fault, ends, heights, best);
        heights.pop();
        ends.pop();
    }
}

/// A random galley: articles of a title and paragraphs, from a simple generator.
fn random_units(seed: u64, articles: usize) -> Vec<Unit> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let mut units = Vec::new();
    let unit = |part: Part, lines: usize, article: usize| Unit { lines, items: Vec::new(), part, stretch: 0, article };
    for a in 0..articles {
        if a > 0 {
            units.push(unit(Part::Space, 1, a));
        }
        units.push(unit(Part::Title, 1 + next(3) as usize, a));
        for _ in 0..1 + next(3) {
            let lines = 1 + next(6);
            for i in 0..lines {
                units.push(unit(if i + 1 == lines { Part::LastLine } else { Part::Line }, 1, a));
            }
        }
        if next(2) == 0 {
            units.push(unit(Part::Credit, 1, a));
        }
    }
    units
}

#[test]
fn the_last_page_is_split_as_the_exhaustive_search_splits_it() {
    let mut compared = 0;
    for seed in 0..300 {
        let units = random_units(seed, 1 + (seed % 4) as usize);
        let m = Measure::new(&units);
        for columns in 1..=4 {
            for capacity in [3, 5, 8, 12] {
                for start in 0..m.len() {
                    let want = last_page_exhaustive(&m, start, capacity, columns);
                    let got = last_page(&m, start, capacity, columns);
                    assert_eq!(got, want, "seed {seed}, {columns} columns of {capacity}, from {start}");
                    compared += usize::from(want.is_some());
                }
            }
        }
    }
    assert!(compared > 10_000, "{compared} splits compared");
}

/// Every combination of column ends on a full page, fullest first, the first of least cost.
fn full_page_exhaustive(
    m: &Measure,
    columns: usize,
    capacity: usize,
    start: usize,
    rest: &impl Fn(usize) -> u64,
) -> Option<(u64, Vec<usize>)> {
    let mut best: Option<(u64, Vec<usize>)> = None;
    fill(m, columns, capacity, start, 0, &mut Vec::new(), &mut |ends, cost| {
        let end = ends.last().copied().unwrap_or(m.len());
        let total = cost.saturating_add(rest(end));
        if best.as_ref().is_none_or(|(c, _)| total < *c) {
            best = Some((total, ends.to_vec()));
        }
    });
    best
}

/// Calls `found` with every way of filling the remaining columns of a page from `start`.
fn fill(
    m: &Measure,
    columns: usize,
    capacity: usize,
    start: usize,
    cost: u64,
    ends: &mut Vec<usize>,
    found: &mut impl FnMut(&[usize], u64),
) {
    if ends.len() == columns {
        found(ends, cost);
        return;
    }
    let n = m.len();
    if start == n {
        ends.push(n);
        fill(m, columns, capacity, n, cost, ends, found);
        ends.pop();
        return;
    }
    for end in m.ends(start, capacity).into_iter().rev() {
        ends.push(end);
        fill(m, columns, capacity, end, cost + super::plan::column_cost(m, start, end, capacity), ends, found);
        ends.pop();
    }
}

#[test]
fn a_full_page_is_filled_as_the_exhaustive_search_fills_it() {
    for seed in 0..200 {
        let units = random_units(seed, 2 + (seed % 5) as usize);
        let m = Measure::new(&units);
        // What follows the page: an arbitrary cost per unit, with ties.
        let rest = |end: usize| ((end as u64 * 7919 + seed) % 5) * 100;
        for columns in 1..=3 {
            for capacity in [4, 7, 10] {
                for start in 0..m.len() {
                    let want = full_page_exhaustive(&m, columns, capacity, start, &rest);
                    let got = super::plan::full_page(&m, columns, capacity, start, rest);
                    assert_eq!(got, want, "seed {seed}, {columns} columns of {capacity}, from {start}");
                }
            }
        }
    }
}

#[test]
fn the_shared_full_pages_are_the_full_pages_weighed_from_each_start() {
    use super::plan::{Frame, PAGE, PAGE_FIRST, full_page, rest, weigh};
    let mut compared = 0;
    for seed in 0..120 {
        let units = random_units(seed, 2 + (seed % 6) as usize);
        let m = Measure::new(&units);
        for columns in 1..=6 {
            for lines in [4, 7, 11] {
                let page_cost = if seed % 2 == 0 { PAGE } else { PAGE_FIRST };
                let frame = Frame { columns, lines, masthead: 0, closing: (seed % 3) as usize, page_cost };
                let (best, fills) = weigh(&m, frame);
                for s in 0..m.len() {
                    let want = full_page(&m, columns, lines, s, |end| rest(&best, s, end, true));
                    assert_eq!(fills.page(s), want, "seed {seed}, {columns} columns of {lines}, from {s}");
                    assert_eq!(Some(fills.cost(s, &fills.steps(s))), want.map(|(cost, _)| cost));
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 10_000, "{compared} pages compared");
}
