//! Full pages from every unit at once. The least cost of filling columns `c..` of a page from
//! unit `p` and setting the pages after them does not depend on where the page started, so
//! it is kept per (unit, column) and shared by every page that reaches the unit: the plan
//! weighs each unit once per column, not once per page start that can reach it, and costs
//! time linear in the text whatever the number of columns.

use super::columns::Measure;
use super::plan::steps;

/// The least costs of full pages of one capacity, settled from the end of the text back.
pub(super) struct Fills<'a> {
    /// The units measured.
    m: &'a Measure,
    /// Columns per page.
    columns: usize,
    /// Grid lines of a column.
    capacity: usize,
    /// `to_go[p * (columns + 1) + c]`: the least cost of columns `c..` from unit `p`, a
    /// page's column head but not its start, then the pages after them (`u64::MAX` until
    /// settled).
    to_go: Vec<u64>,
}

impl<'a> Fills<'a> {
    /// No unit settled yet.
    pub(super) fn new(m: &'a Measure, columns: usize, capacity: usize) -> Fills<'a> {
        Fills { m, columns, capacity, to_go: vec![u64::MAX; (m.len() + 1) * (columns + 1)] }
    }

    /// The ends a column of these pages from `p` may take, with their costs ([`steps`]).
    pub(super) fn steps(&self, p: usize) -> Vec<(usize, u64)> {
        steps(self.m, self.capacity, p)
    }

    /// Settles unit `p` once every unit after it is settled: `rest` is the cost of the pages
    /// from `p` on when a page ends there, `steps` the column ends from `p` ([`Fills::steps`]).
    pub(super) fn settle(&mut self, p: usize, rest: u64, steps: &[(usize, u64)]) {
        let at = p * (self.columns + 1);
        self.to_go[at + self.columns] = rest;
        for c in (0..self.columns).rev() {
            self.to_go[at + c] = self.least(steps, p, c, self.to_go[at + c + 1]);
        }
    }

    /// The least cost of a full page starting at `s` and the pages after it, `steps` the
    /// column ends from `s` ([`Fills::steps`]): every unit after `s` settled. A page that sets
    /// nothing leads back to itself and is never chosen.
    pub(super) fn cost(&self, s: usize, steps: &[(usize, u64)]) -> u64 {
        self.opening(s, steps)[0]
    }

    /// The least cost of a full page starting at `s` and the pages after it, and its column
    /// ends; of equal costs, the fullest columns first (as [`super::plan::full_page`]).
    pub(super) fn page(&self, s: usize) -> Option<(u64, Vec<usize>)> {
        let first = steps(self.m, self.capacity, s);
        let start = self.opening(s, &first);
        let value = |c: usize, p: usize| if p == s { start[c] } else { self.at(p, c) };
        let mut ends = Vec::with_capacity(self.columns);
        let mut p = s;
        for column in 0..self.columns {
            let target = value(column, p);
            let steps = if p == s { first.clone() } else { steps(self.m, self.capacity, p) };
            let (e, _) =
                steps.into_iter().rev().find(|&(e, cost)| cost.saturating_add(value(column + 1, e)) == target)?;
            ends.push(e);
            p = e;
        }
        Some((start[0], ends))
    }

    /// Per column `c`, the least cost of columns `c..` from `s` where `s` starts the page
    /// (the page may not end where it began), given the column ends `steps` from `s`.
    fn opening(&self, s: usize, steps: &[(usize, u64)]) -> Vec<u64> {
        let mut start = vec![u64::MAX; self.columns + 1];
        for c in (0..self.columns).rev() {
            start[c] = self.least(steps, s, c, start[c + 1]);
        }
        start
    }

    /// The least cost of column `c` from `p` over its `steps` and the columns after it, where
    /// `here` is the cost of columns `c + 1..` from `p` itself (an empty column).
    fn least(&self, steps: &[(usize, u64)], p: usize, c: usize, here: u64) -> u64 {
        let after = |e: usize| if e == p { here } else { self.at(e, c + 1) };
        steps.iter().map(|&(e, cost)| cost.saturating_add(after(e))).min().unwrap_or(u64::MAX)
    }

    /// The settled cost of columns `c..` from unit `p`.
    fn at(&self, p: usize, c: usize) -> u64 {
        self.to_go.get(p * (self.columns + 1) + c).copied().unwrap_or(u64::MAX)
    }
}
