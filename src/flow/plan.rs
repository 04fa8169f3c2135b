//! Planning the pages: which units go in which column of which page.
//!
//! Every way of filling the pages is weighed at once (dynamic programming over the unit
//! where each page starts), so a column may end short to keep a title with its text or to
//! spare a widow, and earlier pages give up lines when that lets the last page balance.
//! Costs, from light to heavy: space before a title stretched by a line, lines a column is
//! left short, a page holding only the closing block, a page, an unbalanced last page, a
//! widow or orphan, a title at a column foot, a unit taller than a column.

use super::balance::last_page;
use super::columns::Measure;

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
enum Choice {
    /// A page of full columns ending at these units, then more pages.
    Full(Vec<usize>),
    /// The last page: the rest balanced above the closing block.
    Last(Vec<usize>),
    /// The rest balanced on a page, then the closing block alone on the next one.
    LastThenClosing(Vec<usize>),
    /// The closing block alone on a page.
    ClosingAlone,
}

/// Plans all pages.
pub(super) fn plan(m: &Measure, frame: Frame) -> Vec<PagePlan> {
    let n = m.len();
    let full = frame.lines;
    let mut best: Vec<(u64, Choice)> = vec![(0, Choice::ClosingAlone); n + 1];
    best[n] = (frame.page_cost + CLOSING_ALONE, Choice::ClosingAlone);
    // (best[0] is the text starting on a full page: page 1 may hold only the masthead.)
    for s in (0..n).rev() {
        best[s] = choose(m, frame, s, full, &best);
    }
    let first = frame.lines.saturating_sub(frame.masthead);
    let start = choose(m, frame, 0, first, &best);
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
            Choice::Full(ends) => {
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

/// The best way to set the pages from unit `s` on, the first of them offering `capacity`
/// lines per column.
fn choose(m: &Measure, frame: Frame, s: usize, capacity: usize, best: &[(u64, Choice)]) -> (u64, Choice) {
    let n = m.len();
    let full_capacity = frame.lines;
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
    let mut ends = Vec::with_capacity(frame.columns);
    full_pages(m, frame.columns, capacity, s, 0, &mut ends, &mut |ends, cost| {
        let end = ends.last().copied().unwrap_or(n);
        // A full page that sets nothing would lead back to itself; page 1 may (its masthead
        // can leave too little room for a title and its lines).
        if end == s && capacity == full_capacity {
            return;
        }
        let rest = if end == n { LAST_RESORT + best[n].0 } else { best[end].0 };
        offer(page.saturating_add(cost).saturating_add(rest), Choice::Full(ends.to_vec()));
    });
    choice
}

/// Calls `found` with every way of filling the remaining columns of a page from `start`
/// (column ends and their cost) that leaves text for a later page or runs out of it.
fn full_pages(
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
        full_pages(m, columns, capacity, n, cost, ends, found);
        ends.pop();
        return;
    }
    // Fullest first: of two plans that cost the same, the one whose columns are full now
    // and end short later, where the trouble is, wins.
    for end in m.ends(start, capacity).into_iter().rev() {
        ends.push(end);
        full_pages(m, columns, capacity, end, cost + column_cost(m, start, end, capacity), ends, found);
        ends.pop();
    }
}

/// Cost of a column of a page that is not the last: lines left short or filled by stretching
/// space, a fault at its end.
fn column_cost(m: &Measure, start: usize, end: usize, capacity: usize) -> u64 {
    let height = m.height(start, end);
    let fill = m.fill(start, end, capacity);
    let short = match capacity.checked_sub(height + fill) {
        Some(short) => SHORT * (short as u64).pow(2) + STRETCH * fill as u64,
        None => OVERFULL,
    };
    short + m.fault(end).map_or(0, |f| f.cost())
}
