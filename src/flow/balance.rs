//! The last page: the rest of the text split over the columns so that they end within one
//! line of each other, the left ones never shorter, with no keep broken where that can be
//! helped.

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
    let mut best: Option<(u64, Vec<usize>)> = None;
    let mut ends = Vec::with_capacity(columns);
    let mut heights = Vec::with_capacity(columns);
    split(m, capacity, columns, start, 0, &mut ends, &mut heights, &mut best);
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
