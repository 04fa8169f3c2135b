//! Drawing the planned pages: the masthead on page 1, the columns' units on the grid (space
//! before a title stretched by whole lines where a column would end short), the closing
//! block at the foot of its page; where each unit went, and the outline that follows from it.

use super::columns::Measure;
use super::galley::Galley;
use super::outcome::Placement;
use super::plan::PagePlan;
use crate::layout::Layout;
use crate::page::{Bookmark, Page, translate};
use crate::units::mm;

/// The pages, per unit where it was set, and the outline. Each unit's items are moved onto
/// its page, not copied (every unit is shown in one column at most: the planned columns are
/// consecutive ranges of units).
pub(super) fn render(
    mut galley: Galley,
    layout: &Layout,
    m: &Measure,
    plans: &[PagePlan],
) -> (Vec<Page>, Vec<Option<Placement>>, Vec<Bookmark>) {
    let mut placements = vec![None; galley.units.len()];
    // Per article, the page and top of the first item drawn; per mark, where it was drawn.
    let mut starts: Vec<Option<(usize, f64)>> = vec![None; galley.titles.len()];
    let mut marked: Vec<Option<(usize, f64)>> = vec![None; galley.marks.len()];
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
                for (i, unit) in galley.units.iter_mut().enumerate().take(shown.end).skip(shown.start) {
                    let row = first_row + m.row(start, i) + extra;
                    let grow = unit.stretch.min(fill);
                    (fill, extra) = (fill - grow, extra + grow);
                    let at = items.len();
                    let dy = layout.baseline_at(row as f64, galley.em_top);
                    items.extend(std::mem::take(&mut unit.items).into_iter().map(|mut item| {
                        item.shift(x, dy);
                        item
                    }));
                    if let (Some(slot @ None), Some(first)) = (starts.get_mut(unit.article), items.get(at)) {
                        *slot = Some((p, first.top()));
                    }
                    if let (Some(m), Some(first)) = (galley.marks.iter().position(|(u, _)| *u == i), items.get(at)) {
                        marked[m] = Some((p, first.top()));
                    }
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
    (pages, placements, outline(&galley, &starts, &marked))
}

/// One bookmark per article where its first item was drawn (an article with nothing drawn
/// points where the one before it does, the top of page 1 for the first), each followed by
/// its marked units (level-1 headings) as entries one level down.
fn outline(galley: &Galley, starts: &[Option<(usize, f64)>], marked: &[Option<(usize, f64)>]) -> Vec<Bookmark> {
    let mut at = (0, 0.0);
    let mut out = Vec::new();
    for (a, (title, start)) in galley.titles.iter().zip(starts).enumerate() {
        if let Some(start) = start {
            at = *start;
        }
        out.push(Bookmark { title: title.clone(), page: at.0, y: at.1, level: 1 });
        for ((unit, text), place) in galley.marks.iter().zip(marked) {
            if let (Some(u), Some((page, y))) = (galley.units.get(*unit), place)
                && u.article == a
            {
                out.push(Bookmark { title: text.clone(), page: *page, y: *y, level: 2 });
            }
        }
    }
    out
}
