//! Filling columns with units: keeps (titles with their text, no lone first or last line of
//! a paragraph in a column) and balancing the last page's columns.

use super::galley::Unit;

/// Where the column starting at `start` with room for `capacity` lines ends.
pub(super) fn column_end(units: &[Unit], start: usize, capacity: usize) -> usize {
    let start = skip_discardable(units, start);
    let mut used = 0;
    let mut end = start;
    while end < units.len() && used + units[end].lines <= capacity {
        used += units[end].lines;
        end += 1;
    }
    if end == units.len() || end == start {
        return end.max(start + usize::from(end == start && start < units.len()));
    }
    // Back up to a place where no keep is broken.
    let mut cut = end;
    while cut > start && (units[cut - 1].keep_with_next || units[cut - 1].discard_at_top) {
        cut -= 1;
    }
    if cut == start { end } else { cut }
}

/// Skips the space units at a column top.
pub(super) fn skip_discardable(units: &[Unit], mut start: usize) -> usize {
    while start < units.len() && units[start].discard_at_top {
        start += 1;
    }
    start
}

/// Lines used by `units[start..end]`, discardable space at the top excluded.
pub(super) fn height(units: &[Unit], start: usize, end: usize) -> usize {
    let start = skip_discardable(units, start).min(end);
    units[start..end].iter().map(|u| u.lines).sum()
}

/// Splits `units` into two columns of at most `capacity` lines with heights as equal as can
/// be, the first never shorter; `None` when they do not fit.
pub(super) fn balance(units: &[Unit], capacity: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (cost, split)
    for split in 0..=units.len() {
        if split > 0 && split < units.len() && units[split - 1].keep_with_next {
            continue;
        }
        let (h1, h2) = (height(units, 0, split), height(units, split, units.len()));
        if h1 > capacity || h2 > capacity {
            continue;
        }
        let cost = h1.abs_diff(h2) * 2 + usize::from(h2 > h1);
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, split));
        }
    }
    best.map(|(_, split)| split)
}
