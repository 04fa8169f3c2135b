//! Flow tests on synthetic units: keeps, the balanced last page, the closing block, limits.

use super::*;
use crate::layout;
use crate::page::{Cmyk, Item, Page, Paint, Rule};

/// A unit of `lines` grid lines of kind `part`.
fn unit(part: Part, lines: usize, article: usize) -> Unit {
    let rule = Rule { x0: 0.0, x1: 1.0, y: 0.0, thickness: 1.0, paint: Paint::Process(Cmyk::BLACK) };
    let items = if part == Part::Space { Vec::new() } else { vec![Item::Rule(rule)] };
    Unit { lines, items, part, stretch: 0, article }
}

/// An article: space (unless first), a title of `title` lines, paragraphs of these lengths.
fn article(index: usize, title: usize, paragraphs: &[usize]) -> Vec<Unit> {
    let mut units = Vec::new();
    if index > 0 {
        units.push(unit(Part::Space, 1, index));
    }
    units.push(unit(Part::Title, title, index));
    for &n in paragraphs {
        for i in 0..n {
            units.push(unit(if i + 1 == n { Part::LastLine } else { Part::Line }, 1, index));
        }
    }
    units
}

/// A galley of these units with a masthead and closing block of the given lines.
fn galley(units: Vec<Unit>, masthead: usize, closing: usize) -> Galley {
    let titles = (0..=units.iter().map(|u| u.article).max().unwrap_or(0)).map(|i| format!("文章{i}")).collect();
    Galley {
        masthead: Block { lines: masthead, items: vec![] },
        units,
        closing: Block { lines: closing, items: vec![] },
        titles,
        marks: Vec::new(),
        em_top: 0.88,
    }
}

/// The two-column layout with `lines` grid lines per column.
fn layout_with(lines: usize, columns: usize) -> Layout {
    let mut layout = layout::load("two-column").unwrap();
    layout.grid.lines = lines;
    layout.grid.columns = columns;
    layout
}

/// Per page and column, the units set there in order.
fn columns(flowed: &Flowed) -> Vec<Vec<Vec<usize>>> {
    let mut out: Vec<Vec<Vec<usize>>> = Vec::new();
    for (i, p) in flowed.placements.iter().enumerate() {
        let Some(p) = p else { continue };
        while out.len() <= p.page {
            out.push(Vec::new());
        }
        while out[p.page].len() <= p.column {
            out[p.page].push(Vec::new());
        }
        out[p.page][p.column].push(i);
    }
    out
}

/// Rows used by a column's units.
fn height(g: &Galley, flowed: &Flowed, col: &[usize]) -> usize {
    col.last().map_or(0, |&i| flowed.placements[i].map_or(0, |p| p.row) + g.units[i].lines)
}

/// Asserts the keeps: no column ends with a title or with fewer than two body lines after
/// its title; no paragraph line alone at a column's foot or head; rows follow one another.
fn assert_keeps(g: &Galley, flowed: &Flowed) {
    assert!(flowed.warnings.is_empty(), "{:?}", flowed.warnings);
    for page in columns(flowed) {
        for col in page {
            for w in col.windows(2) {
                let (a, b) = (flowed.placements[w[0]].unwrap(), flowed.placements[w[1]].unwrap());
                let gap = b.row - a.row - g.units[w[0]].lines;
                assert!(gap <= g.units[w[0]].stretch, "units {w:?} are not consecutive");
            }
            let parts: Vec<Part> = col.iter().map(|&i| g.units[i].part).collect();
            let last = col.len() - 1;
            assert_ne!(parts[last], Part::Title, "title last in column {col:?}");
            if let Some(t) = parts.iter().position(|&p| p == Part::Title) {
                let after = parts[t + 1..].iter().filter(|p| matches!(p, Part::Line | Part::LastLine)).count();
                assert!(after >= 2 || col[t] + after + 1 == g.units.len(), "title with {after} lines in {col:?}");
            }
            // A heading never ends a column, and has two lines after it unless its article ends.
            assert_ne!(parts[last], Part::Heading, "heading last in column {col:?}");
            if let Some(h) = parts.iter().rposition(|&p| p == Part::Heading) {
                let after: usize = col[h + 1..].iter().map(|&i| g.units[i].lines).sum();
                let ends = g.units.get(col[last] + 1).is_none_or(|u| matches!(u.part, Part::Space | Part::Credit));
                assert!(after >= 2 || ends, "heading with {after} lines in {col:?}");
            }
            // A paragraph's first line (not last) at the foot; its last line alone at the head.
            let i = col[last];
            let first_at_foot = parts[last] == Part::Line && (i == 0 || g.units[i - 1].part != Part::Line);
            assert!(!first_at_foot || col[last] + 1 == g.units.len(), "orphan at the foot of {col:?}");
            let widow = parts[0] == Part::LastLine && col[0] > 0 && g.units[col[0] - 1].part == Part::Line;
            assert!(!widow, "widow at the head of {col:?}");
        }
    }
}

#[test]
fn title_that_would_end_a_column_moves_with_two_lines_of_text() {
    let layout = layout_with(20, 2);
    // Article 0 fills column 1 but for one line; article 1's title would take that line.
    let mut units = article(0, 2, &[1; 17]);
    units.extend(article(1, 2, &[6, 6, 6, 6, 6]));
    let g = galley(units, 0, 0);
    let flowed = flow(g.clone(), &layout).unwrap();
    let title = g.units.iter().rposition(|u| u.part == Part::Title).unwrap();
    let p = flowed.placements[title].unwrap();
    assert_eq!((p.page, p.column, p.row), (0, 1, 0), "the title opens column 2");
    assert_eq!(flowed.placements[title + 2].unwrap().column, 1);
    assert_keeps(&g, &flowed);
}

#[test]
fn a_one_line_paragraph_after_a_title_takes_the_next_paragraph_along() {
    let layout = layout_with(20, 2);
    let mut units = article(0, 2, &[1; 15]);
    units.extend(article(1, 1, &[1, 4, 6, 6, 6, 6]));
    let g = galley(units, 0, 0);
    let flowed = flow(g.clone(), &layout).unwrap();
    let title = g.units.iter().rposition(|u| u.part == Part::Title).unwrap();
    // Title (row 18) + one line would fit column 1 (rows 18, 19) but leave one body line.
    assert_eq!(flowed.placements[title].unwrap().column, 1);
    assert_keeps(&g, &flowed);
}

#[test]
fn a_paragraph_leaves_no_widow_at_the_head_of_a_column() {
    let layout = layout_with(20, 2);
    // 2 title lines + 9 + 10 = 21: the paragraph's last line would open column 2.
    let mut units = article(0, 2, &[9, 10]);
    units.extend(article(1, 2, &[8, 8, 8, 8]));
    let g = galley(units, 0, 0);
    let flowed = flow(g.clone(), &layout).unwrap();
    let cols = columns(&flowed);
    assert!(height(&g, &flowed, &cols[0][0]) < 20, "column 1 gives lines to column 2");
    let last = flowed.placements[19].unwrap();
    assert!(last.column == 1 && last.row > 0, "the paragraph's last line is not alone: {last:?}");
    assert_keeps(&g, &flowed);
}

#[test]
fn a_paragraph_leaves_no_orphan_at_the_foot_of_a_column() {
    let layout = layout_with(20, 2);
    // 2 + 17 = 19: the next paragraph's first line alone would end column 1.
    let mut units = article(0, 2, &[17, 12]);
    units.extend(article(1, 2, &[8, 8, 8, 8]));
    let g = galley(units, 0, 0);
    let flowed = flow(g.clone(), &layout).unwrap();
    let second = 1 + 17; // units: the title, 17 lines, then the 12-line paragraph
    let p = flowed.placements[second].unwrap();
    assert_eq!((p.column, p.row), (1, 0), "the paragraph starts column 2");
    assert_keeps(&g, &flowed);
}

#[test]
fn last_page_columns_are_balanced_above_the_closing_block() {
    let layout = layout::load("two-column").unwrap();
    let g = galley(article(0, 3, &[5, 7, 4, 9, 6]), 10, 8);
    let flowed = flow(g.clone(), &layout).unwrap();
    assert_eq!(flowed.pages.len(), 1);
    let cols = columns(&flowed);
    let (a, b) = (height(&g, &flowed, &cols[0][0]), height(&g, &flowed, &cols[0][1]));
    assert!(a >= b && a - b <= 1, "columns {a} and {b}");
    assert_keeps(&g, &flowed);
}

#[test]
fn earlier_pages_give_up_lines_so_the_last_page_balances() {
    let layout = layout_with(20, 2);
    // Page 1 holds 40 lines; 41 lines of paragraphs of 2 and 3 leave the last page one
    // paragraph of 2 lines (unbreakable) unless page 1 gives some up.
    let mut paragraphs = vec![3; 11];
    paragraphs.extend([2, 2, 2, 2]);
    let g = galley(article(0, 1, &paragraphs), 0, 4);
    let flowed = flow(g.clone(), &layout).unwrap();
    let cols = columns(&flowed);
    let last = cols.last().unwrap();
    let heights: Vec<usize> = last.iter().map(|c| height(&g, &flowed, c)).collect();
    assert!(heights.len() == 2 && heights[0] >= heights[1] && heights[0] - heights[1] <= 1, "{heights:?}");
    assert_keeps(&g, &flowed);
}

#[test]
fn closing_block_that_does_not_fit_moves_whole_to_a_new_page() {
    let layout = layout_with(20, 2);
    // 38 lines of one-line paragraphs fit page 1 but not above the closing block.
    let mut g = galley(article(0, 2, &[1; 36]), 0, 8);
    let rule = Item::Rule(Rule { x0: 0.0, x1: 5.0, y: 0.0, thickness: 9.0, paint: Paint::Process(Cmyk::BLACK) });
    g.closing.items = vec![rule.clone(), rule];
    let flowed = flow(g.clone(), &layout).unwrap();
    assert_eq!(flowed.pages.len(), 2, "the closing block on page 2");
    let count = |p: &Page| p.items.iter().filter(|i| matches!(i, Item::Rule(r) if r.thickness == 9.0)).count();
    assert_eq!((count(&flowed.pages[0]), count(&flowed.pages[1])), (0, 2), "the closing block is whole");
    // A few lines go along so that the closing block is not alone on its page.
    let cols = columns(&flowed);
    let h = |c: usize| cols[1].get(c).map_or(0, |col| height(&g, &flowed, col));
    let (a, b) = (h(0), h(1));
    assert!(a >= b && a - b <= 1 && a > 0, "the last page is balanced: {a} and {b}");
    assert_keeps(&g, &flowed);
}

#[test]
fn a_keep_longer_than_a_column_is_broken_and_reported() {
    let layout = layout_with(4, 1);
    // A 3-line title with a 3-line paragraph cannot share a 4-line column.
    let g = galley(article(0, 3, &[3, 3]), 0, 0);
    let flowed = flow(g.clone(), &layout).unwrap();
    assert!(!flowed.warnings.is_empty());
    let shown = flowed.warnings[0].to_string();
    assert!(shown.contains("page 1, column 1") && shown.contains("文章0"), "{shown}");
}

#[test]
fn a_page_limit_that_is_exceeded_names_the_lines_and_the_article() {
    let mut layout = layout_with(20, 2);
    layout.page.max_pages = Some(1);
    let mut units = article(0, 2, &[10, 10]);
    units.extend(article(1, 2, &[10, 10, 10]));
    let g = galley(units, 0, 4);
    let err = flow(g.clone(), &layout).unwrap_err();
    // 2 + 20 + 1 + 2 + 30 = 55 lines against 2 × (20 - 4) = 32.
    assert_eq!(err, FlowError::TooLong { pages: 2, limit: 1, lines: 23, article: Some("文章1".into()) });
    assert!(err.to_string().contains("23 lines too long"), "{err}");
}

#[test]
fn a_page_limit_takes_a_fault_rather_than_a_page() {
    let mut layout = layout_with(10, 1);
    // 1 + 8 + 11 lines fill two pages only by leaving an orphan or a widow.
    let g = galley(article(0, 1, &[8, 11]), 0, 0);
    assert_eq!(flow(g.clone(), &layout).unwrap().pages.len(), 3);
    layout.page.max_pages = Some(2);
    let flowed = flow(g.clone(), &layout).unwrap();
    assert_eq!(flowed.pages.len(), 2);
    assert_eq!(flowed.warnings.len(), 1, "{:?}", flowed.warnings);
}

#[test]
fn three_columns_balance_too() {
    let layout = layout_with(30, 3);
    let g = galley(article(0, 2, &[4, 5, 6, 4, 5, 6, 7]), 0, 5);
    let flowed = flow(g.clone(), &layout).unwrap();
    let cols = columns(&flowed);
    let heights: Vec<usize> = cols[0].iter().map(|c| height(&g, &flowed, c)).collect();
    assert_eq!(heights.len(), 3);
    assert!(heights.windows(2).all(|w| w[0] >= w[1]) && heights[0] - heights[2] <= 1, "{heights:?}");
}

#[test]
fn masthead_on_page_one_only_and_closing_on_the_last_page() {
    let layout = layout_with(20, 2);
    let rule = |t: f64| Item::Rule(Rule { x0: 0.0, x1: 5.0, y: 0.0, thickness: t, paint: Paint::Process(Cmyk::BLACK) });
    let mut g = galley(article(0, 2, &[8; 12]), 6, 5);
    g.masthead.items = vec![rule(7.0)];
    g.closing.items = vec![rule(9.0)];
    let flowed = flow(g.clone(), &layout).unwrap();
    let count = |p: &Page, t: f64| p.items.iter().filter(|i| matches!(i, Item::Rule(r) if r.thickness == t)).count();
    let n = flowed.pages.len();
    assert!(n >= 3);
    for (i, page) in flowed.pages.iter().enumerate() {
        assert_eq!(count(page, 7.0), usize::from(i == 0));
        assert_eq!(count(page, 9.0), usize::from(i + 1 == n));
    }
    // Page 1's columns start below the masthead.
    assert_eq!(flowed.placements[0].unwrap().row, 6);
    assert_keeps(&g, &flowed);
}

#[test]
fn an_empty_galley_gives_one_page_with_the_closing_block() {
    let flowed = flow(galley(Vec::new(), 5, 5), &layout_with(20, 2)).unwrap();
    assert_eq!(flowed.pages.len(), 1);
}

/// A masthead that leaves too little room on page 1 for a title, its article's note and two
/// lines: the title goes to page 2 whole, page 1 holds only the masthead, nothing is broken.
#[test]
fn title_and_note_go_whole_to_the_next_page_when_page_one_has_no_room() {
    let layout = layout_with(20, 1);
    let mut units = vec![unit(Part::Title, 2, 0), unit(Part::Note, 4, 0)];
    units.extend(article(0, 1, &[6, 6]).into_iter().skip(1));
    let g = galley(units, 15, 2);
    let flowed = flow(g.clone(), &layout).unwrap();
    assert_keeps(&g, &flowed);
    let cols = columns(&flowed);
    assert_eq!(flowed.placements[0].map(|p| p.page), Some(1), "{cols:?}");
    assert!(flowed.placements.iter().flatten().all(|p| p.page >= 1));
}

/// A sub-heading, a one-line paragraph and a longer one, placed so that the fullest column 1
/// would end on the one-line paragraph: the heading goes on with two lines after it.
#[test]
fn a_heading_keeps_two_lines_across_a_one_line_paragraph() {
    let layout = layout_with(12, 2);
    let mut units = article(0, 1, &[1; 9]);
    // Rows 10 and 11 of column 1 fit the heading and the one-line paragraph, not a third line.
    units.extend([unit(Part::Heading, 1, 0), unit(Part::LastLine, 1, 0)]);
    units.extend(article(0, 1, &[6, 6, 6]).into_iter().skip(1));
    let g = galley(units, 0, 0);
    let flowed = flow(g.clone(), &layout).unwrap();
    assert_keeps(&g, &flowed);
    let heading = g.units.iter().position(|u| u.part == Part::Heading).unwrap();
    let at = |i: usize| flowed.placements[i].map(|p| (p.page, p.column));
    assert_eq!(at(heading), at(heading + 2), "the heading, its one-line paragraph and the next line together");
}

/// A run of short points (a heading and a one-line paragraph each) longer than a column has
/// no break that keeps every heading with two lines: the least fault is taken, a point's line
/// at the foot, never a heading, and it is reported.
#[test]
fn a_run_of_short_points_breaks_after_a_point_not_after_a_heading() {
    let layout = layout_with(12, 1);
    let mut units = vec![unit(Part::Title, 1, 0)];
    units.extend((0..5).map(|_| unit(Part::LastLine, 1, 0)));
    for _ in 0..8 {
        units.push(unit(Part::Heading, 1, 0));
        units.push(unit(Part::LastLine, 1, 0));
    }
    units.extend(article(0, 1, &[8]).into_iter().skip(1));
    let g = galley(units, 0, 2);
    let flowed = flow(g.clone(), &layout).unwrap();
    for page in columns(&flowed) {
        for col in page {
            let last = *col.last().unwrap();
            assert_ne!(g.units[last].part, Part::Heading, "a heading ends {col:?}");
        }
    }
    assert!(!flowed.warnings.is_empty());
    assert!(flowed.warnings.iter().all(|w| w.problem == Problem::Broken(Fault::HeadingShort)), "{:?}", flowed.warnings);
}

/// Every item of the galley is moved onto a page once: none lost, none drawn twice, over
/// several pages with columns ending short.
#[test]
fn every_item_reaches_a_page_once() {
    let layout = layout_with(20, 2);
    let mut units = Vec::new();
    for a in 0..6 {
        units.extend(article(a, 2, &[5, 9, 3, 7]));
    }
    // Each unit's rule carries its index in its thickness.
    for (i, u) in units.iter_mut().enumerate() {
        for item in &mut u.items {
            if let Item::Rule(rule) = item {
                rule.thickness = i as f64;
            }
        }
    }
    let mut g = galley(units, 3, 2);
    let rule = |t: f64| Item::Rule(Rule { x0: 0.0, x1: 1.0, y: 0.0, thickness: t, paint: Paint::Process(Cmyk::BLACK) });
    g.masthead.items = vec![rule(-1.0)];
    g.closing.items = vec![rule(-2.0)];
    let mut expected: Vec<i64> = g
        .units
        .iter()
        .flat_map(|u| &u.items)
        .chain(&g.masthead.items)
        .chain(&g.closing.items)
        .map(|i| if let Item::Rule(r) = i { r.thickness as i64 } else { i64::MIN })
        .collect();
    let flowed = flow(g, &layout).unwrap();
    assert!(flowed.pages.len() > 2);
    let mut drawn: Vec<i64> = (flowed.pages.iter().flat_map(|p: &Page| &p.items))
        .map(|i| if let Item::Rule(r) = i { r.thickness as i64 } else { i64::MIN })
        .collect();
    expected.sort_unstable();
    drawn.sort_unstable();
    assert_eq!(drawn, expected);
}
