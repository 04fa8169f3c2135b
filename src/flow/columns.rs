//! Measuring columns: how many grid lines a run of units takes (space dropped at a column's
//! head and foot), and where a column starting at a unit may end.

use super::faults::{Fault, faults};
use super::galley::Unit;

/// How many of `from..=to`, counted from `from`, satisfy `holds`, which holds for the first
/// few and then never again (found by bisection).
fn leading(from: usize, to: usize, holds: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, (to + 1).saturating_sub(from));
    while low < high {
        let mid = low + (high - low) / 2;
        if holds(from + mid) { low = mid + 1 } else { high = mid }
    }
    low
}

/// Lines a column may be left short of the fullest fit when looking for a better break.
const SLACK: usize = 12;

/// The units' heights and keeps, indexed for constant-time column measures.
pub(super) struct Measure {
    /// `sums[i]`: grid lines of `units[..i]`.
    sums: Vec<usize>,
    /// `solid[i]`: grid lines of `units[..i]` that are not space.
    solid: Vec<usize>,
    /// `flex[i]`: grid lines `units[..i]` may grow by.
    flex: Vec<usize>,
    /// `head[i]`: the first unit at or after `i` that is not space.
    head: Vec<usize>,
    /// `foot[e]`: the end of `units[..e]` with trailing space dropped.
    foot: Vec<usize>,
    /// The fault of a column break after each unit.
    pub(super) faults: Vec<Option<Fault>>,
}

impl Measure {
    /// Indexes the units.
    pub(super) fn new(units: &[Unit]) -> Measure {
        let n = units.len();
        let (mut sums, mut solid, mut flex) = (vec![0; n + 1], vec![0; n + 1], vec![0; n + 1]);
        for (i, u) in units.iter().enumerate() {
            sums[i + 1] = sums[i] + u.lines;
            solid[i + 1] = solid[i] + if u.is_space() { 0 } else { u.lines };
            flex[i + 1] = flex[i] + u.stretch;
        }
        let mut head = vec![n; n + 1];
        for i in (0..n).rev() {
            head[i] = if units[i].is_space() { head[i + 1] } else { i };
        }
        let mut foot = vec![0; n + 1];
        for e in 1..=n {
            foot[e] = if units[e - 1].is_space() { foot[e - 1] } else { e };
        }
        Measure { sums, solid, flex, head, foot, faults: faults(units) }
    }

    /// Number of units.
    pub(super) fn len(&self) -> usize {
        self.sums.len() - 1
    }

    /// The first unit a column starting at `start` shows (space at its head dropped).
    pub(super) fn head(&self, start: usize) -> usize {
        self.head[start]
    }

    /// The end of a column ending at `end` with the space at its foot dropped.
    pub(super) fn foot(&self, end: usize) -> usize {
        self.foot[end]
    }

    /// Grid lines taken by `units[start..end]` set in one column.
    pub(super) fn height(&self, start: usize, end: usize) -> usize {
        let (s, e) = (self.head[start], self.foot[end]);
        if s < e { self.sums[e] - self.sums[s] } else { 0 }
    }

    /// Grid lines a column of `units[start..end]` with room for `capacity` lines grows by to
    /// reach its foot, within what the space inside it may stretch.
    pub(super) fn fill(&self, start: usize, end: usize, capacity: usize) -> usize {
        let (s, e) = (self.head[start], self.foot[end]);
        let flex = if s < e { self.flex[e] - self.flex[s] } else { 0 };
        capacity.saturating_sub(self.height(start, end)).min(flex)
    }

    /// Grid lines of text from `start` to the end, space not counted: no arrangement of the
    /// rest in columns takes fewer.
    pub(super) fn rest(&self, start: usize) -> usize {
        self.solid[self.len()] - self.solid[start]
    }

    /// Rows from the head of a column starting at `start` to unit `i` in it.
    pub(super) fn row(&self, start: usize, i: usize) -> usize {
        self.sums[i] - self.sums[self.head[start].min(i)]
    }

    /// The fault of ending a column at `end` (none at the end of the text).
    pub(super) fn fault(&self, end: usize) -> Option<Fault> {
        if end == 0 || end >= self.len() { None } else { self.faults[end - 1] }
    }

    /// The ends worth trying for a column from `start` with room for `capacity` lines: the
    /// fullest fit and those up to [`SLACK`] lines shorter; all shorter ones too when none
    /// of those is free of faults, with `start` itself (an empty column); a single unit too
    /// tall for the column when nothing fits. Ascending; empty only when no text is left.
    pub(super) fn ends(&self, start: usize, capacity: usize) -> Vec<usize> {
        let first = self.head(start);
        let n = self.len();
        if first == n {
            return if start < n { vec![n] } else { Vec::new() };
        }
        // Heights only grow with the end: the fullest fit by bisection.
        let fit = first + leading(first + 1, n, |e| self.height(start, e) <= capacity);
        if fit == first {
            // The next unit is taller than the room: it goes here overfull, or the column
            // stays empty (page 1 under the masthead) and it goes to a taller one.
            return vec![start, first + 1];
        }
        let full = self.height(start, fit);
        let short = leading(first + 1, fit, |e| self.height(start, e) + SLACK < full);
        let near: Vec<usize> = (first + 1 + short..=fit).collect();
        if near.iter().any(|&e| self.fault(e).is_none()) {
            return near;
        }
        // Every end makes a fault: leaving the column empty is one more way (a title under a
        // tall masthead goes to the next column whole).
        std::iter::once(start).chain(first + 1..=fit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Part;
    use proptest::prelude::*;

    /// Units of these heights, every fourth a space.
    fn units(heights: &[usize]) -> Vec<Unit> {
        (heights.iter().enumerate())
            .map(|(i, &lines)| Unit {
                lines,
                items: Vec::new(),
                part: if i % 4 == 3 { Part::Space } else { Part::Line },
                stretch: 0,
                article: 0,
            })
            .collect()
    }

    /// The ends as a walk from the first unit finds them, one unit at a time.
    fn walked(m: &Measure, start: usize, capacity: usize) -> Vec<usize> {
        let first = m.head(start);
        let n = m.len();
        if first == n {
            return if start < n { vec![n] } else { Vec::new() };
        }
        let mut fit = first;
        while fit < n && m.height(start, fit + 1) <= capacity {
            fit += 1;
        }
        if fit == first {
            return vec![start, first + 1];
        }
        let full = m.height(start, fit);
        let near: Vec<usize> = (first + 1..=fit).filter(|&e| m.height(start, e) + SLACK >= full).collect();
        if near.iter().any(|&e| m.fault(e).is_none()) {
            return near;
        }
        std::iter::once(start).chain(first + 1..=fit).collect()
    }

    proptest! {
        #[test]
        fn bisected_ends_are_the_walked_ones(heights in prop::collection::vec(0usize..6, 0..80), capacity in 0usize..40) {
            let units = units(&heights);
            let m = Measure::new(&units);
            for start in 0..=units.len() {
                prop_assert_eq!(m.ends(start, capacity), walked(&m, start, capacity));
            }
        }
    }
}
