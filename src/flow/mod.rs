//! Page flow: units onto the line grid, column by column and page by page; the masthead on
//! page 1 and the closing block at the foot of the last page, both spanning the columns.
//!
//! Every unit takes whole grid lines, so every body line in every column lies on the one
//! grid. Titles go with two lines of their text, paragraphs leave no single line alone at a
//! column's head or foot, the last page's columns end within a line of each other above the
//! closing block, and the closing block is never split. `flow` is pure: composed material
//! and a layout in, pages out.

mod balance;
mod columns;
mod faults;
mod fills;
mod galley;
mod outcome;
mod plan;
mod render;
mod review;

pub use faults::Fault;
pub use galley::{Block, Galley, Part, Unit};
pub use outcome::{FlowError, FlowWarning, Flowed, Placement, Problem};

use crate::layout::Layout;
use columns::Measure;
use plan::{Frame, PAGE, PAGE_FIRST, PagePlan, plan};

/// Lays the galley out on pages, its items moved onto them; fails when the layout's page
/// limit is exceeded.
pub fn flow(galley: Galley, layout: &Layout) -> Result<Flowed, FlowError> {
    let m = Measure::new(&galley.units);
    let mut frame = Frame {
        columns: layout.grid.columns.max(1),
        lines: layout.grid.lines,
        masthead: galley.masthead.lines,
        closing: galley.closing.lines,
        page_cost: PAGE,
    };
    let mut plans = plan(&m, frame);
    if let Some(limit) = layout.page.max_pages
        && plans.len() > limit
    {
        // Fewest pages first, faults accepted.
        frame.page_cost = PAGE_FIRST;
        plans = plan(&m, frame);
        if plans.len() > limit {
            return Err(too_long(&galley, &m, frame, &plans, limit));
        }
    }
    let warnings = review::review(&galley, &m, &plans);
    let (pages, placements, outline) = render::render(galley, layout, &m, &plans);
    Ok(Flowed { pages, placements, outline, warnings })
}

/// The error for a plan longer than `limit` pages: column lines beyond what the allowed pages
/// hold, and the article that runs past them.
fn too_long(galley: &Galley, m: &Measure, frame: Frame, plans: &[PagePlan], limit: usize) -> FlowError {
    let used: usize = plans.iter().flat_map(|p| &p.columns).map(|&(s, e)| m.height(s, e)).sum();
    let room = (limit * frame.lines).saturating_sub(frame.masthead + frame.closing) * frame.columns;
    let article = plans
        .iter()
        .skip(limit)
        .flat_map(|p| &p.columns)
        .map(|&(s, _)| m.head(s))
        .find_map(|i| galley.units.get(i))
        .and_then(|u| galley.titles.get(u.article).cloned());
    FlowError::TooLong { pages: plans.len(), limit, lines: used.saturating_sub(room).max(1), article }
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;
