//! Page flow: units onto the line grid, column by column and page by page; the masthead on
//! page 1 and the closing block at the foot of the last page, both spanning the columns.
//!
//! `flow` is pure: composed material and a layout in, pages out.

mod columns;
mod galley;
mod page;

pub use galley::{Block, Galley, Unit, translate};
pub use page::*;

use crate::layout::Layout;
use crate::units::mm;

/// Lays the galley out on pages.
pub fn flow(galley: &Galley, layout: &Layout) -> Vec<Page> {
    let plan = plan(galley, layout);
    plan.pages.iter().enumerate().map(|(p, cols)| render(galley, layout, p, cols, p + 1 == plan.pages.len())).collect()
}

/// Which units go in which column of which page.
struct Plan {
    /// Per page, per column: the range of units.
    pages: Vec<Vec<(usize, usize)>>,
}

/// Grid lines a column of page `page` offers.
fn page_capacity(galley: &Galley, layout: &Layout, page: usize) -> usize {
    let lines = layout.grid.lines;
    if page == 0 { lines.saturating_sub(galley.masthead.lines) } else { lines }
}

/// Decides the columns of every page.
fn plan(galley: &Galley, layout: &Layout) -> Plan {
    let units = &galley.units;
    let ncols = layout.grid.columns;
    let mut pages = Vec::new();
    let mut start = 0;
    loop {
        let page = pages.len();
        let full = page_capacity(galley, layout, page);
        let above_closing = full.saturating_sub(galley.closing.lines);
        if let Some(cols) = last_page(units, start, above_closing, ncols) {
            pages.push(cols);
            return Plan { pages };
        }
        let mut cols = Vec::new();
        for _ in 0..ncols {
            let end = columns::column_end(units, start, full);
            cols.push((start, end));
            start = end;
        }
        pages.push(cols);
        if start >= units.len() {
            // Everything is placed but the closing block did not fit: it gets a page of its own.
            pages.push(vec![(units.len(), units.len()); ncols]);
            return Plan { pages };
        }
    }
}

/// Sets the remaining units above the closing block, columns balanced, if they fit.
fn last_page(units: &[Unit], start: usize, capacity: usize, ncols: usize) -> Option<Vec<(usize, usize)>> {
    let rest = &units[start..];
    let n = units.len();
    match ncols {
        1 => (columns::height(rest, 0, rest.len()) <= capacity).then(|| vec![(start, n)]),
        2 => columns::balance(rest, capacity).map(|split| vec![(start, start + split), (start + split, n)]),
        _ => {
            let mut cols = Vec::new();
            let mut s = start;
            for _ in 0..ncols {
                let e = columns::column_end(units, s, capacity);
                cols.push((s, e));
                s = e;
            }
            (s >= n).then_some(cols)
        }
    }
}

/// Draws one page: masthead, columns in reading order, closing block.
fn render(galley: &Galley, layout: &Layout, page: usize, cols: &[(usize, usize)], last: bool) -> Page {
    let left = layout.type_left();
    let top = layout.type_top();
    let mut items = Vec::new();
    let first_row = if page == 0 {
        items.extend(translate(&galley.masthead.items, left, top));
        galley.masthead.lines
    } else {
        0
    };
    for (c, &(start, end)) in cols.iter().enumerate() {
        let x = left + c as f64 * (layout.column_width() + layout.gutter());
        let mut row = first_row;
        for unit in &galley.units[columns::skip_discardable(&galley.units, start).min(end)..end] {
            items.extend(translate(&unit.items, x, layout.baseline(row as f64)));
            row += unit.lines;
        }
    }
    if last {
        items.extend(translate(&galley.closing.items, left, top + layout.type_height()));
    }
    Page { width: mm(layout.page.width), height: mm(layout.page.height), items }
}

#[cfg(test)]
mod tests;
