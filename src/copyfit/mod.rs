//! Copy-fitting: whether an issue fits the pages the editor wants, and if not, how many
//! lines to cut (or how many are free) on each page and in which articles a cut gives back a
//! whole line soonest. Measured from the galley and where flow put each unit, so the counts
//! are those of the real layout, keeps and balancing included.

mod report;

pub use report::Fit;

use crate::flow::{Galley, Part, Placement};
use crate::layout::Grid;
use crate::page::Item;

/// How the issue used its pages: what [`Fit`] is worked out from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Census {
    /// Columns per page.
    pub columns: usize,
    /// Grid lines per column.
    pub lines: usize,
    /// Characters per column line.
    pub chars: usize,
    /// Grid lines the masthead takes on page 1, the closing block on the last page.
    pub masthead: usize,
    /// Grid lines of the closing block.
    pub closing: usize,
    /// Grid lines the running text takes (space between articles included where it is set,
    /// not where a column's head or foot drops it).
    pub needed: usize,
    /// Per page, per column: the first grid line below what was set there.
    pub used: Vec<Vec<usize>>,
    /// Per article (title, characters on its shortest paragraph-ending line), when it has one.
    pub slack: Vec<(String, usize)>,
}

impl Census {
    /// Counts the galley as flow placed it on `pages` pages (`placements` parallel to
    /// `galley.units`; the last page may hold nothing but the closing block).
    pub fn count(galley: &Galley, placements: &[Option<Placement>], pages: usize, grid: &Grid) -> Census {
        let (columns, lines, chars) = (grid.columns, grid.lines, grid.column_chars);
        let pages = placements.iter().flatten().map(|p| p.page + 1).max().unwrap_or(1).max(pages);
        let mut used = vec![vec![0; columns.max(1)]; pages];
        let mut shortest: Vec<Option<usize>> = vec![None; galley.titles.len()];
        for (unit, placed) in galley.units.iter().zip(placements) {
            if let Some(p) = placed
                && let Some(col) = used.get_mut(p.page).and_then(|page| page.get_mut(p.column))
            {
                *col = (*col).max(p.row + unit.lines);
            }
            if unit.part == Part::LastLine
                && let Some(slot) = shortest.get_mut(unit.article)
            {
                let n = characters(&unit.items);
                *slot = Some(slot.map_or(n, |s| s.min(n)));
            }
        }
        // Space between articles that flow dropped at a column's head or foot takes no line.
        let needed = galley.units.iter().zip(placements).filter(|(_, p)| p.is_some()).map(|(u, _)| u.lines).sum();
        let slack = galley.titles.iter().zip(shortest).filter_map(|(t, s)| Some((t.clone(), s?))).collect();
        Census {
            columns: columns.max(1),
            lines,
            chars,
            masthead: galley.masthead.lines,
            closing: galley.closing.lines,
            needed,
            used,
            slack,
        }
    }
}

/// Characters printed by a line's text items.
fn characters(items: &[Item]) -> usize {
    items
        .iter()
        .map(|i| if let Item::Text(run) = i { run.text().chars().filter(|c| !c.is_whitespace()).count() } else { 0 })
        .sum()
}
