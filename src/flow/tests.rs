//! Flow tests on synthetic units: keeps, the balanced last page, the closing block.

use super::*;
use crate::layout;

/// A unit of `lines` grid lines carrying one rule so its position can be read back.
fn unit(lines: usize, keep: bool, id: usize) -> Unit {
    let rule = Rule { x0: 0.0, x1: 1.0, y: 0.0, thickness: id as f64, color: Cmyk::BLACK };
    Unit { lines, items: vec![Item::Rule(rule)], keep_with_next: keep, discard_at_top: false, article: 0 }
}

/// (page, x, y) of every unit, found by its id in the rule thickness.
fn positions(pages: &[Page]) -> Vec<(usize, f64, f64, usize)> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Rule(r) = item {
                if r.x1 - r.x0 == 1.0 {
                    out.push((p, r.x0, r.y, r.thickness as usize));
                }
            }
        }
    }
    out
}

fn galley(units: Vec<Unit>, masthead: usize, closing: usize) -> Galley {
    Galley {
        masthead: Block { lines: masthead, items: vec![] },
        units,
        closing: Block { lines: closing, items: vec![] },
    }
}

#[test]
fn title_is_never_last_in_a_column() {
    let layout = layout::load("two-column").unwrap();
    let cap = layout.grid.lines;
    // Fill column 1 up to one line short, then a title that keeps with two lines.
    let mut units: Vec<Unit> = (0..cap - 1).map(|i| unit(1, false, i + 1)).collect();
    units.push(unit(1, true, 1000)); // title
    units.push(unit(1, true, 1001)); // first line of its paragraph
    units.extend((0..2 * cap).map(|i| unit(1, false, 2000 + i)));
    let pages = flow(&galley(units, 0, 0), &layout);
    let pos = positions(&pages);
    let title = pos.iter().find(|p| p.3 == 1000).unwrap();
    let next = pos.iter().find(|p| p.3 == 1001).unwrap();
    assert_eq!((title.0, title.1), (next.0, next.1), "title and its text share a column");
    assert!(
        (title.2 - layout.baseline(0.0)).abs() < 1e-6,
        "title moved to the column top: {title:?} {next:?} {}",
        layout.baseline(0.0)
    );
}

#[test]
fn last_page_columns_are_balanced_above_the_closing_block() {
    let layout = layout::load("two-column").unwrap();
    let units: Vec<Unit> = (0..31).map(|i| unit(1, false, i + 1)).collect();
    let pages = flow(&galley(units, 10, 8), &layout);
    assert_eq!(pages.len(), 1);
    let pos = positions(&pages);
    let left_x = pos[0].1;
    let col1 = pos.iter().filter(|p| p.1 == left_x).count();
    let col2 = pos.len() - col1;
    assert!(col1 >= col2 && col1 - col2 <= 1, "columns {col1} and {col2}");
}

#[test]
fn closing_block_that_does_not_fit_moves_whole_to_a_new_page() {
    let layout = layout::load("two-column").unwrap();
    let cap = layout.grid.lines;
    let units: Vec<Unit> = (0..2 * cap).map(|i| unit(1, false, i + 1)).collect();
    let pages = flow(&galley(units, 0, 8), &layout);
    assert_eq!(pages.len(), 2, "a full page, then the closing block on its own page");
    assert!(positions(&pages).iter().all(|p| p.0 == 0));
}
