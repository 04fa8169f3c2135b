//! Drawing the planned pages: the masthead on page 1, the columns' units on the grid (space
//! before a title stretched by whole lines where a column would end short), the closing
//! block at the foot of its page; and where each unit went.

use super::columns::Measure;
use super::galley::{Galley, translate};
use super::outcome::Placement;
use super::page::Page;
use super::plan::PagePlan;
use crate::layout::Layout;
use crate::units::mm;

/// The pages, and per unit where it was set.
pub(super) fn render(
    galley: &Galley,
    layout: &Layout,
    m: &Measure,
    plans: &[PagePlan],
) -> (Vec<Page>, Vec<Option<Placement>>) {
    let mut placements = vec![None; galley.units.len()];
    let pages = plans
        .iter()
        .enumerate()
        .map(|(p, plan)| {
            let mut items = Vec::new();
            let first_row = if p == 0 { galley.masthead.lines } else { 0 };
            if p == 0 {
                items.extend(translate(&galley.masthead.items, layout.type_left(), layout.type_top()));
            }
            for (c, &(start, end)) in plan.columns.iter().enumerate() {
                let x = layout.type_left() + c as f64 * (layout.column_width() + layout.gutter());
                // Space at the column's head and foot is dropped.
                // Columns of a page that is not the last fill to their foot by stretching space.
                let mut fill = if plan.balanced { 0 } else { m.fill(start, end, plan.capacity) };
                let mut extra = 0;
                let shown = m.head(start).min(end)..m.foot(end).max(start);
                for (i, unit) in galley.units.iter().enumerate().take(shown.end).skip(shown.start) {
                    let row = first_row + m.row(start, i) + extra;
                    let grow = unit.stretch.min(fill);
                    (fill, extra) = (fill - grow, extra + grow);
                    items.extend(translate(&unit.items, x, layout.baseline(row as f64)));
                    placements[i] = Some(Placement { page: p, column: c, row });
                }
            }
            if plan.closing {
                let bottom = layout.type_top() + layout.type_height();
                items.extend(translate(&galley.closing.items, layout.type_left(), bottom));
            }
            Page { width: mm(layout.page.width), height: mm(layout.page.height), items }
        })
        .collect();
    (pages, placements)
}
