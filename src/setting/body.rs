//! An article's running text as units: one unit per body line (justified, first-line indent)
//! marked as a paragraph's last line or not, so that `flow` can keep paragraphs from leaving
//! a single line alone; a sub-heading or a figure as a unit of its own; and the credit, on
//! the last body line when it fits there.

use super::Setter;
use super::figure::figure_unit;
use super::heading::heading_unit;
use super::precompose::BodyLine;

use crate::compose::class::Class;
use crate::compose::{Align, Line, ParStyle, Span};
use crate::diagnostic::Diagnostic;
use crate::document::{Article, Block, Document};
use crate::flow::{Part, Unit};
use crate::layout::RoleName;
use crate::page::{Item, TagKind};

/// The body lines of an article (its paragraphs composed already, [`compose_articles`]), and
/// the right edge of the last one (points from the column's left edge).
///
/// [`compose_articles`]: super::precompose::compose_articles
pub(super) fn body_units(
    article: &Article,
    index: usize,
    s: &Setter,
    doc: &Document,
    paragraphs: Vec<Vec<BodyLine>>,
) -> Result<(Vec<Unit>, Option<f64>), Diagnostic> {
    let mut units = Vec::new();
    let mut last_right = None;
    let width = s.layout.column_width();
    let mut composed = paragraphs.into_iter();
    for block in &article.blocks {
        let paragraph = match block {
            Block::Paragraph(paragraph) => paragraph,
            Block::Heading(heading) => {
                units.push(heading_unit(heading, index, s, width));
                last_right = None;
                continue;
            }
            Block::Figure(figure) => {
                let (unit, warning) = figure_unit(figure, index, s, doc, width)?;
                units.push(unit);
                s.warn(warning);
                last_right = None;
                continue;
            }
        };
        let tag = s.element(TagKind::Paragraph);
        let lines = composed.next().unwrap_or_default();
        if let (Some(line), Some(first)) = (lines.iter().find(|l| l.overfull > OVERFULL), paragraph.runs.first()) {
            let message = format!(
                "a line of this paragraph runs {:.1} mm past the column: 「{}」",
                crate::units::to_mm(line.overfull),
                line.text
            );
            return Err(doc
                .diagnostic(&first.text, 0, message)
                .with_hint("put a break opportunity (a space) in the long word"));
        }
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let part = if i + 1 == count { Part::LastLine } else { Part::Line };
            last_right = Some(line.right);
            units.push(Unit { lines: 1, items: line.tag(tag), part, stretch: 0, article: index });
        }
    }
    Ok((units, last_right))
}

/// How far a line may run past its measure before it is an error, points (rounding).
const OVERFULL: f64 = 0.01;

impl Setter<'_> {
    /// The style credits are composed in: flush right over the column.
    pub(super) fn credit_style(&self) -> ParStyle {
        self.style(self.layout.column_width(), Align::Right, (0.0, 0.0))
    }

    /// A credit as spans in its role.
    pub(super) fn credit_spans(&self, credit: &str) -> Vec<Span> {
        vec![self.span(RoleName::Credit, credit)]
    }
}

/// Space between the last body line (its trimmed end) and a credit set beside it, em.
const CREDIT_SPACE: f64 = 1.0;

/// Adds the credit: flush right on the last body line when that line, one em and the credit
/// fit in the column (cjk-rules case 45), else on lines of its own, flush right. A line that
/// ends with a closing mark (。！” …) keeps its credit below: the mark's blank and the
/// bracket's blank would face each other across the gap, which reads as an uncompressed pair
/// (and the print checks count it as one).
pub(super) fn add_credit(lines: Vec<Line>, index: usize, s: &Setter, last_right: Option<f64>, units: &mut Vec<Unit>) {
    let paint = s.color(RoleName::Credit);
    let tag = s.element(TagKind::Credit);
    let em = s.layout.grid.body_size;
    if let ([line], Some(right), Some(last)) = (lines.as_slice(), last_right, units.last_mut())
        && last.part == Part::LastLine
        && right + CREDIT_SPACE * em <= line.left + 1e-6
        && !ends_with_closing_mark(last)
    {
        last.items.extend(s.line_items(line, 0.0, 0.0, &paint, tag));
        return;
    }
    for line in &lines {
        let items = s.line_items(line, 0.0, 0.0, &paint, tag);
        units.push(Unit { lines: 1, items, part: Part::Credit, stretch: 0, article: index });
    }
}

/// Whether the last glyph of a unit is a pause or closing mark (blank on its right).
fn ends_with_closing_mark(unit: &Unit) -> bool {
    let last = unit.items.iter().rev().find_map(|item| match item {
        Item::Text(run) => run.glyphs.iter().rev().find(|g| !g.text.is_empty()).map(|g| g.text.clone()),
        _ => None,
    });
    last.and_then(|t| t.chars().next()).is_some_and(|c| matches!(Class::of(c), Class::Stop | Class::Close))
}
