//! Planning the pages: which units go in which column of which page.
//!
//! Every way of filling the pages is weighed at once (dynamic programming over the unit
//! where each page starts), so a column may end short to keep a title with its text or to
//! spare a widow, and earlier pages give up lines when that lets the last page balance.
//! Costs, from light to heavy: space before a title stretched by a line, lines a column is
//! left short, a page holding only the closing block, a page, an unbalanced last page, a
//! widow or orphan, a title at a column foot, a unit taller than a column.

use std::collections::HashMap;

use super::balance::last_page;
use super::columns::Measure;
use super::fills::Fills;

/// Cost of one page (small: a fault is worse than a page more).
pub(super) const PAGE: u64 = 10_000;
/// Cost of one page when the page count must come first (a page limit is near).
pub(super) const PAGE_FIRST: u64 = 10_000_000_000_000;
/// Cost of a page holding the closing block and no text (half a page: the text before may
/// end some lines short to keep the closing block company).
const CLOSING_ALONE: u64 = PAGE / 2;
/// Cost of a grid line added to the space before a title to fill a column.
const STRETCH: u64 = 40;
/// Cost of `n` lines short in a column that is not on the last page: `SHORT * n * n`.
const SHORT: u64 = 100;
/// Cost of a column holding a unit taller than itself.
pub(super) const OVERFULL: u64 = 100_000_000;
/// Cost of a page whose columns run to the end of the text without being balanced.
const LAST_RESORT: u64 = 1_000_000_000_000_000;

/// The page geometry, in grid lines.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    /// Columns per page.
    pub columns: usize,
    /// Grid lines of a column.
    pub lines: usize,
    /// Lines the masthead takes on page 1.
    pub masthead: usize,
    /// Lines the closing block takes on the last page.
    pub closing: usize,
    /// Cost of a page ([`PAGE`] or [`PAGE_FIRST`]).
    pub page_cost: u64,
}

/// One planned page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PagePlan {
    /// Per column, the range of units.
    pub columns: Vec<(usize, usize)>,
    /// Grid lines each column offers (the closing block's lines taken off on the last page).
    pub capacity: usize,
    /// Whether the closing block is at the page's foot.
    pub closing: bool,
    /// Whether the columns are balanced (the last page with text).
    pub balanced: bool,
}

/// How the pages from one unit on are best set.
#[derive(Debug, Clone)]
pub(super) enum Choice {
    /// A page of full columns, then more pages.
    Full,
    /// The last page: the rest balanced above the closing block.
    Last(Vec<usize>),
    /// The rest balanced on a page, then the closing block alone on the next one.
    LastThenClosing(Vec<usize>),
    /// The closing block alone on a page.
    ClosingAlone,
}

/// Per unit, the least cost of the pages from a full page starting there and how to set
/// them, and the full pages from every unit (from the end of the text back to its start).
pub(super) fn weigh(m: &Measure, frame: Frame) -> (Vec<(u64, Choice)>, Fills<'_>) {
    let n = m.len();
    let mut best: Vec<(u64, Choice)> = vec![(0, Choice::ClosingAlone); n + 1];
    best[n] = (frame.page_cost + CLOSING_ALONE, Choice::ClosingAlone);
    let mut fills = Fills::new(m, frame.columns, frame.lines);
    let end = fills.steps(n);
    fills.settle(n, LAST_RESORT.saturating_add(best[n].0), &end);
    // (best[0] is the text starting on a full page: page 1 may hold only the masthead.)
    // A unit's column ends are worked out once, for its page start and its settling.
    for s in (0..n).rev() {
        let steps = fills.steps(s);
        best[s] = choose(m, frame, s, frame.lines, Some(fills.cost(s, &steps)));
        fills.settle(s, best[s].0, &steps);
    }
    (best, fills)
}

/// Plans all pages.
pub(super) fn plan(m: &Measure, frame: Frame) -> Vec<PagePlan> {
    let n = m.len();
    let full = frame.lines;
    let (best, fills) = weigh(m, frame);
    let first = frame.lines.saturating_sub(frame.masthead);
    let first_page = full_page(m, frame.columns, first, 0, |end| rest(&best, 0, end, first == full));
    let start = choose(m, frame, 0, first, first_page.as_ref().map(|&(cost, _)| cost));
    let mut first_page = first_page.map(|(_, ends)| ends);
    let mut pages = Vec::new();
    let (mut s, mut choice, mut capacity) = (0, start.1, first);
    loop {
        let columns = |ends: &[usize]| {
            let mut from = s;
            ends.iter()
                .map(|&e| {
                    let col = (from, e);
                    from = e;
                    col
                })
                .collect::<Vec<_>>()
        };
        match choice {
            Choice::Full => {
                let ends = match first_page.take() {
                    Some(ends) => ends,
                    None => fills.page(s).map(|(_, ends)| ends).unwrap_or_default(),
                };
                pages.push(PagePlan { columns: columns(&ends), capacity, closing: false, balanced: false });
                s = ends.last().copied().unwrap_or(n);
                choice = best[s].1.clone();
                capacity = full;
            }
            Choice::Last(ends) => {
                let capacity = capacity.saturating_sub(frame.closing);
                pages.push(PagePlan { columns: columns(&ends), capacity, closing: true, balanced: true });
                return pages;
            }
            Choice::LastThenClosing(ends) => {
                pages.push(PagePlan { columns: columns(&ends), capacity, closing: false, balanced: true });
                pages.push(closing_page(frame, n, full));
                return pages;
            }
            Choice::ClosingAlone => {
                pages.push(closing_page(frame, n, capacity));
                return pages;
            }
        }
    }
}

/// A page with no text and the closing block at its foot.
fn closing_page(frame: Frame, n: usize, capacity: usize) -> PagePlan {
    PagePlan {
        columns: vec![(n, n); frame.columns],
        capacity: capacity.saturating_sub(frame.closing),
        closing: true,
        balanced: true,
    }
}

/// The cost of the pages after a full page from `s` that ends at unit `end`. A full page that
/// sets nothing would lead back to itself (`full`: the page offers a full column's lines);
/// page 1 may (its masthead can leave too little room for a title and its lines).
pub(super) fn rest(best: &[(u64, impl Sized)], s: usize, end: usize, full: bool) -> u64 {
    let n = best.len() - 1;
    match end {
        _ if end == s && full => u64::MAX,
        _ if end == n => LAST_RESORT.saturating_add(best[n].0),
        _ => best[end].0,
    }
}

/// The best way to set the pages from unit `s` on, the first of them offering `capacity`
/// lines per column, where `full` is the cost of the best full page and the pages after it.
fn choose(m: &Measure, frame: Frame, s: usize, capacity: usize, full: Option<u64>) -> (u64, Choice) {
    let page = frame.page_cost;
    let mut choice = (u64::MAX, Choice::ClosingAlone);
    let mut offer = |cost: u64, c: Choice| {
        if cost < choice.0 {
            choice = (cost, c);
        }
    };
    if let Some((cost, ends)) = last_page(m, s, capacity.saturating_sub(frame.closing), frame.columns) {
        offer(page + cost, Choice::Last(ends));
    }
    if frame.closing > 0
        && let Some((cost, ends)) = last_page(m, s, capacity, frame.columns)
    {
        offer(2 * page + CLOSING_ALONE + cost, Choice::LastThenClosing(ends));
    }
    if let Some(cost) = full {
        offer(page.saturating_add(cost), Choice::Full);
    }
    choice
}

/// The best way of filling the columns of a page from `start` that leaves text for a later
/// page or runs out of it: the cost of its columns plus `rest(end)` for what follows, and the
/// column ends. Column by column over the units each may end at (a shortest path, not every
/// combination: the columns of a page are a chain); of equal costs, the fullest columns first
/// — the plan whose columns are full now and end short later, where the trouble is.
pub(super) fn full_page(
    m: &Measure,
    columns: usize,
    capacity: usize,
    start: usize,
    rest: impl Fn(usize) -> u64,
) -> Option<(u64, Vec<usize>)> {
    let mut memo = HashMap::new();
    let mut ends = Vec::with_capacity(columns);
    let mut p = start;
    let total = to_go(m, columns, capacity, 0, p, &rest, &mut memo)?;
    for column in 0..columns {
        let target = to_go(m, columns, capacity, column, p, &rest, &mut memo)?;
        let next = steps(m, capacity, p).into_iter().rev().find(|&(e, cost)| {
            to_go(m, columns, capacity, column + 1, e, &rest, &mut memo).map(|r| cost.saturating_add(r)) == Some(target)
        })?;
        ends.push(next.0);
        p = next.0;
    }
    Some((total, ends))
}

/// The ends a column from `p` may take, ascending, with the column's cost; at the end of the
/// text the column is empty and costs nothing.
pub(super) fn steps(m: &Measure, capacity: usize, p: usize) -> Vec<(usize, u64)> {
    if p == m.len() {
        return vec![(p, 0)];
    }
    m.ends(p, capacity).into_iter().map(|e| (e, column_cost(m, p, e, capacity))).collect()
}

/// The least cost of filling columns `column..` from `p`, then `rest` after them.
fn to_go(
    m: &Measure,
    columns: usize,
    capacity: usize,
    column: usize,
    p: usize,
    rest: &impl Fn(usize) -> u64,
    memo: &mut HashMap<(usize, usize), Option<u64>>,
) -> Option<u64> {
    if column == columns {
        return Some(rest(p));
    }
    if let Some(&known) = memo.get(&(column, p)) {
        return known;
    }
    let best = steps(m, capacity, p)
        .into_iter()
        .filter_map(|(e, cost)| Some(cost.saturating_add(to_go(m, columns, capacity, column + 1, e, rest, memo)?)))
        .min();
    memo.insert((column, p), best);
    best
}

/// Cost of a column of a page that is not the last: lines left short or filled by stretching
/// space, a fault at its end.
pub(super) fn column_cost(m: &Measure, start: usize, end: usize, capacity: usize) -> u64 {
    let height = m.height(start, end);
    let fill = m.fill(start, end, capacity);
    let short = match capacity.checked_sub(height + fill) {
        Some(short) => SHORT * (short as u64).pow(2) + STRETCH * fill as u64,
        None => OVERFULL,
    };
    short + m.fault(end).map_or(0, |f| f.cost())
}
