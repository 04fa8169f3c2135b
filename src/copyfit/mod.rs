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

/// What copy-fitting needs of a galley, taken before flow moves its items onto the pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    /// Per unit, its grid lines; for a paragraph's last line, its article and characters.
    units: Vec<(usize, Option<(usize, usize)>)>,
    /// The article titles by index.
    titles: Vec<String>,
    /// Grid lines of the masthead and of the closing block.
    blocks: (usize, usize),
}

impl Tally {
    /// Takes what [`Census::count`] needs of `galley`.
    pub fn of(galley: &Galley) -> Tally {
        let units = (galley.units.iter())
            .map(|u| (u.lines, (u.part == Part::LastLine).then(|| (u.article, characters(&u.items)))))
            .collect();
        Tally { units, titles: galley.titles.clone(), blocks: (galley.masthead.lines, galley.closing.lines) }
    }
}

impl Census {
    /// Counts the galley (`tally`, taken before it was flowed) as flow placed it on `pages`
    /// pages (`placements` parallel to its units; the last page may hold nothing but the
    /// closing block).
    pub fn count(tally: &Tally, placements: &[Option<Placement>], pages: usize, grid: &Grid) -> Census {
        let (columns, lines, chars) = (grid.columns, grid.lines, grid.column_chars);
        let pages = placements.iter().flatten().map(|p| p.page + 1).max().unwrap_or(1).max(pages);
        let mut used = vec![vec![0; columns.max(1)]; pages];
        let mut shortest: Vec<Option<usize>> = vec![None; tally.titles.len()];
        for (&(unit_lines, last), placed) in tally.units.iter().zip(placements) {
            if let Some(p) = placed
                && let Some(col) = used.get_mut(p.page).and_then(|page| page.get_mut(p.column))
            {
                *col = (*col).max(p.row + unit_lines);
            }
            if let Some((article, n)) = last
                && let Some(slot) = shortest.get_mut(article)
            {
                *slot = Some(slot.map_or(n, |s| s.min(n)));
            }
        }
        // Space between articles that flow dropped at a column's head or foot takes no line.
        let needed = tally.units.iter().zip(placements).filter(|(_, p)| p.is_some()).map(|(u, _)| u.0).sum();
        let slack = tally.titles.iter().zip(shortest).filter_map(|(t, s)| Some((t.clone(), s?))).collect();
        Census {
            columns: columns.max(1),
            lines,
            chars,
            masthead: tally.blocks.0,
            closing: tally.blocks.1,
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
