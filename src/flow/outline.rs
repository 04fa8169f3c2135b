//! Where each article starts on the pages, for the document outline (bookmarks).
//!
//! Found from what was drawn, not from how the columns were planned: each article's first
//! item is looked for among the page items, in reading order, as the same item moved by
//! some offset (flow only translates the galley's items). So the answer stays right however
//! the columns are filled.

use super::galley::Galley;
use super::page::{Item, Page};

/// Positions closer than this are the same, points.
const EPSILON: f64 = 1e-6;

/// For each article index (0 up to the largest in the galley), the page (from 0) and the y
/// of the top of its first item, points from the top of the page; `None` when the article
/// has nothing drawn or it was not found.
pub fn article_starts(galley: &Galley, pages: &[Page]) -> Vec<Option<(usize, f64)>> {
    let count = galley.units.iter().map(|u| u.article + 1).max().unwrap_or(0);
    let mut starts = vec![None; count];
    // Where the search goes on: articles come in reading order.
    let mut from = (0, 0);
    for unit in &galley.units {
        if starts[unit.article].is_some() {
            continue;
        }
        let Some(first) = unit.items.first() else { continue };
        if let Some((page, index)) = find(first, pages, from) {
            starts[unit.article] = Some((page, top(&pages[page].items[index])));
            from = (page, index + 1);
        }
    }
    starts
}

/// The first position at or after `from` (page, item) holding `item` moved by some offset.
fn find(item: &Item, pages: &[Page], from: (usize, usize)) -> Option<(usize, usize)> {
    pages.iter().enumerate().skip(from.0).find_map(|(p, page)| {
        let start = if p == from.0 { from.1 } else { 0 };
        page.items.iter().enumerate().skip(start).find(|(_, placed)| moved(item, placed)).map(|(i, _)| (p, i))
    })
}

/// Whether `placed` is `item` translated.
fn moved(item: &Item, placed: &Item) -> bool {
    match (item, placed) {
        (Item::Text(a), Item::Text(b)) => {
            let (Some(a0), Some(b0)) = (a.glyphs.first(), b.glyphs.first()) else { return false };
            a.face == b.face
                && a.size == b.size
                && a.glyphs.len() == b.glyphs.len()
                && a.glyphs
                    .iter()
                    .zip(&b.glyphs)
                    .all(|(g, h)| g.id == h.id && g.text == h.text && ((g.x - a0.x) - (h.x - b0.x)).abs() < EPSILON)
        }
        (Item::Rule(a), Item::Rule(b)) => a.thickness == b.thickness && ((a.x1 - a.x0) - (b.x1 - b.x0)).abs() < EPSILON,
        _ => false,
    }
}

/// The top of an item: a text run's em box (one font size above the baseline), a rule's edge.
fn top(item: &Item) -> f64 {
    match item {
        Item::Text(run) => run.baseline - run.size,
        Item::Rule(rule) => rule.y - rule.thickness / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Cmyk, PlacedGlyph, TextRun, Unit, translate};
    use crate::font::FaceId;

    /// A text run of glyph ids at x = 0, 10, 20, … on baseline 0.
    fn run(ids: &[u16]) -> Item {
        let glyphs = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| PlacedGlyph { id, x: 10.0 * i as f64, rise: 0.0, text: String::new() })
            .collect();
        Item::Text(TextRun {
            face: FaceId(0),
            size: 10.0,
            color: Cmyk::BLACK,
            baseline: 0.0,
            glyphs,
            actual_text: None,
            embolden: 0.0,
        })
    }

    /// A unit of one item.
    fn unit(article: usize, items: Vec<Item>) -> Unit {
        Unit { lines: 1, items, article, ..Unit::default() }
    }

    /// A page holding these items.
    fn page(items: Vec<Item>) -> Page {
        Page { width: 100.0, height: 100.0, items }
    }

    #[test]
    fn flow_outline_finds_moved_items_in_reading_order() {
        let a = run(&[1, 2, 3]);
        let b = run(&[4, 5]);
        let galley = Galley {
            units: vec![unit(0, vec![]), unit(0, vec![a.clone()]), unit(0, vec![b.clone()]), unit(1, vec![a.clone()])],
            ..Galley::default()
        };
        let pages = vec![
            page(translate(&[a.clone(), b.clone()], 30.0, 50.0).collect()),
            page(translate(&[b, a], 5.0, 80.0).collect()),
        ];
        // Article 1 repeats article 0's first line: found after it, on page 2.
        assert_eq!(article_starts(&galley, &pages), vec![Some((0, 40.0)), Some((1, 70.0))]);
    }

    #[test]
    fn flow_outline_reports_missing_articles() {
        let galley = Galley { units: vec![unit(1, vec![run(&[9])])], ..Galley::default() };
        assert_eq!(article_starts(&galley, &[page(vec![run(&[8])])]), vec![None, None]);
        assert!(article_starts(&Galley::default(), &[]).is_empty());
    }
}
