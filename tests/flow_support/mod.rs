//! Helpers for the flow tests: issues built in code, laid out, and the layout result checked
//! for the grid, the keeps, the balanced last page and the closing block.
#![allow(dead_code)]

use std::path::Path;

use jianbao::document::{Article, Block, Document, Paragraph, Run, Text, from_issue};
use jianbao::flow::{Flowed, Galley, Part, flow};
use jianbao::layout::{self, Layout};
use jianbao::page::Item;
use jianbao::setting::{Setter, load_fonts, set_document};

/// The example issue's manifest.
pub const EXAMPLE: &str = "examples/lianluo-2021-04/issue.toml";

/// A one-line paragraph in both layouts (16 characters after a 2-character indent).
pub const SHORT: &str = "各地人大常委会认真落实工作部署。";

/// A sentence to repeat into longer paragraphs (39 characters).
pub const SENTENCE: &str = "会议听取和审议了关于代表联络工作的报告，要求进一步密切同人大代表和人民群众的联系。";

/// The example issue as a document, set in `layout`.
pub fn example(layout: &str) -> Document {
    let issue = jianbao::manifest::load(Path::new(EXAMPLE)).expect("the example loads");
    let (mut doc, _) = from_issue(&issue).expect("the example screens clean");
    doc.layout = layout.to_string();
    doc
}

/// A paragraph of plain text.
pub fn paragraph(text: &str) -> Paragraph {
    Paragraph { runs: vec![Run { text: Text::worded(text), bold: false, heading: None }] }
}

/// An article with a credit.
pub fn article(title: &str, paragraphs: Vec<Paragraph>) -> Article {
    Article {
        title: Text::worded(title),
        note: None,
        blocks: paragraphs.into_iter().map(Block::Paragraph).collect(),
        credit: Some(Text::worded("（长沙市人大常委会联工委　供稿）")),
    }
}

/// The example's masthead and closing block around these articles.
pub fn issue(layout: &str, articles: Vec<Article>) -> Document {
    let mut doc = example(layout);
    doc.articles = articles;
    doc
}

/// A document set and laid out in its layout (or `layout` when given).
pub struct Laid {
    /// The layout.
    pub layout: Layout,
    /// The galley.
    pub galley: Galley,
    /// The result of flow.
    pub flowed: Flowed,
}

/// Sets and flows a document; panics if flow fails.
pub fn lay_out(doc: &Document) -> Laid {
    let layout = layout::load(&doc.layout).expect("layout");
    lay_out_in(doc, layout).expect("flow succeeds")
}

/// Sets and flows a document in a given layout (setting must succeed).
pub fn lay_out_in(doc: &Document, layout: Layout) -> Result<Laid, jianbao::flow::FlowError> {
    let (book, faces) = load_fonts(&layout).expect("fonts");
    let galley = set_document(doc, &Setter::new(&layout, &book, &faces)).unwrap_or_else(|d| panic!("{d}"));
    let flowed = flow(galley.clone(), &layout)?;
    Ok(Laid { layout, galley, flowed })
}

impl Laid {
    /// Units (indices) per page and column, in order.
    pub fn columns(&self) -> Vec<Vec<Vec<usize>>> {
        let mut out: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); self.layout.grid.columns]; self.flowed.pages.len()];
        for (i, p) in self.flowed.placements.iter().enumerate() {
            if let Some(p) = p {
                out[p.page][p.column].push(i);
            }
        }
        out
    }

    /// Grid rows a column's units reach down to (its height from the type area's top).
    pub fn bottom(&self, column: &[usize]) -> Option<usize> {
        let &i = column.last()?;
        Some(self.flowed.placements[i]?.row + self.galley.units[i].lines)
    }

    /// Units of `part`, by index.
    pub fn parts(&self, part: Part) -> Vec<usize> {
        (0..self.galley.units.len()).filter(|&i| self.galley.units[i].part == part).collect()
    }

    /// Asserts no warnings and the keeps: a title never ends a column and has two lines of
    /// its text below it in its column; a sub-heading never ends a column and has two lines
    /// after it there unless its article ends; no paragraph's first line alone at a column foot;
    /// no last line alone at a column head; a credit line never alone at a column head.
    pub fn assert_keeps(&self) {
        assert!(self.flowed.warnings.is_empty(), "warnings: {:?}", self.flowed.warnings);
        let units = &self.galley.units;
        let n = units.len();
        for (p, page) in self.columns().iter().enumerate() {
            for (c, col) in page.iter().enumerate().filter(|(_, col)| !col.is_empty()) {
                let at = format!("page {} column {}", p + 1, c + 1);
                let parts: Vec<Part> = col.iter().map(|&i| units[i].part).collect();
                for (k, &part) in parts.iter().enumerate().filter(|(_, p)| **p == Part::Title) {
                    let body = parts[k + 1..].iter().take_while(|p| matches!(p, Part::Line | Part::LastLine)).count();
                    let text = units[col[k] + 1..].iter().take_while(|u| u.part != Part::Space).count();
                    assert!(body >= 2.min(text), "{at}: a {part:?} with {body} lines of its text");
                }
                let (first, last) = (col[0], col[col.len() - 1]);
                // A sub-heading never ends a column, and has two grid lines after it in its
                // column unless its article ends sooner.
                assert_ne!(units[last].part, Part::Heading, "{at}: a sub-heading ends the column");
                if let Some(k) = parts.iter().rposition(|&p| p == Part::Heading) {
                    let after: usize = col[k + 1..].iter().map(|&i| units[i].lines).sum();
                    let ends = units.get(last + 1).is_none_or(|u| matches!(u.part, Part::Space | Part::Credit));
                    assert!(after >= 2 || ends, "{at}: a sub-heading with {after} lines after it");
                }
                let head_of_paragraph = last == 0 || units[last - 1].part != Part::Line;
                let orphan = units[last].part == Part::Line && head_of_paragraph && last + 1 < n;
                assert!(!orphan, "{at}: a paragraph's first line alone at the foot");
                let widow = first > 0 && units[first].part == Part::LastLine && units[first - 1].part == Part::Line;
                assert!(!widow, "{at}: a paragraph's last line alone at the head");
                let credit = first > 0 && units[first].part == Part::Credit && units[first - 1].part != Part::Credit;
                assert!(!credit, "{at}: the credit alone at the head");
            }
        }
    }

    /// Asserts that every body-size text line outside the masthead lies on the grid.
    pub fn assert_grid(&self) {
        let l = &self.layout;
        let body = l.grid.body_size;
        let masthead_bottom = l.baseline_at(self.galley.masthead.lines as f64, 0.88) - 0.88 * body;
        let closing_top = l.type_top() + l.type_height() - self.galley.closing.lines as f64 * l.grid.line_pitch;
        for (p, page) in self.flowed.pages.iter().enumerate() {
            let last = p + 1 == self.flowed.pages.len();
            for item in &page.items {
                let Item::Text(run) = item else { continue };
                let y = run.baseline;
                if (run.size - body).abs() > 1e-9 || (p == 0 && y < masthead_bottom) || (last && y > closing_top) {
                    continue;
                }
                let row = (y - l.baseline_at(0.0, 0.88)) / l.grid.line_pitch;
                assert!((row - row.round()).abs() < 1e-6, "page {}: baseline {y} is off the grid (row {row})", p + 1);
            }
        }
    }

    /// Rows of the columns of the last page with text; asserts they end within one line of
    /// each other.
    pub fn assert_balanced(&self) -> Vec<usize> {
        let columns = self.columns();
        let p = columns.iter().rposition(|p| p.iter().any(|c| !c.is_empty())).expect("text");
        let top = if p == 0 { self.galley.masthead.lines } else { 0 };
        let heights: Vec<usize> = columns[p].iter().map(|c| self.bottom(c).map_or(0, |b| b - top)).collect();
        let (max, min) = (heights.iter().max().copied(), heights.iter().min().copied());
        assert!(max.zip(min).is_some_and(|(a, b)| a - b <= 1), "last page columns {heights:?}");
        heights
    }

    /// Asserts that the closing block is on the last page only, whole, its last rule on the
    /// bottom edge of the type area; returns the page (from 0).
    pub fn assert_closing(&self) -> usize {
        let l = &self.layout;
        let bottom = l.type_top() + l.type_height();
        let marker = self.galley.closing.items.iter().find_map(|i| match i {
            Item::Rule(r) => Some(r.thickness),
            _ => None,
        });
        let count = self.galley.closing.items.len();
        let pages: Vec<usize> = (0..self.flowed.pages.len())
            .filter(|&p| {
                self.flowed.pages[p].items.iter().any(|i| matches!(i, Item::Rule(r) if (r.y - bottom).abs() < 1e-6))
            })
            .collect();
        assert_eq!(pages, vec![self.flowed.pages.len() - 1], "a rule on the type area's bottom edge, last page only");
        let last = &self.flowed.pages[pages[0]];
        let low = last.items.iter().filter_map(|i| match i {
            Item::Rule(r) => Some(r.y),
            _ => None,
        });
        assert!((low.fold(f64::MIN, f64::max) - bottom).abs() < 1e-6, "the last rule is the lowest");
        assert!(marker.is_some() && count > 0);
        pages[0]
    }
}
