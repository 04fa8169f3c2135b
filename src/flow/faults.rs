//! Keeps: what a column break after each unit would do wrong. A title must not end a column
//! and goes with at least two lines of its text; a paragraph leaves no single line alone at
//! a column's foot (orphan) or head (widow); the credit stays with the article's last line.

use std::fmt;

use super::galley::{Part, Unit};

/// A fault a column break can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fault {
    /// A paragraph's first line alone at the foot of a column.
    Orphan,
    /// A paragraph's last line alone at the head of a column.
    Widow,
    /// The credit separated from its article's last line, or split.
    Credit,
    /// A title at the foot of a column, or with fewer than two lines of its text.
    Title,
    /// A sub-heading at the foot of a column, or with fewer than two lines after it.
    Heading,
}

impl Fault {
    /// The cost of making the fault, against the other costs of a page plan.
    pub(super) fn cost(self) -> u64 {
        match self {
            Fault::Orphan | Fault::Widow | Fault::Credit => 1_000_000,
            Fault::Title | Fault::Heading => 10_000_000,
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Fault::Orphan => "a paragraph's first line is alone at the foot of the column (orphan)",
            Fault::Widow => "a paragraph's last line is alone at the head of the next column (widow)",
            Fault::Credit => "the credit line is parted from the article's last line",
            Fault::Title => "the title ends the column without two lines of its text",
            Fault::Heading => "a sub-heading ends the column without two lines after it",
        })
    }
}

/// For every unit, the fault of a column break right after it (`None` where a break is fine;
/// the end of the text is always fine).
pub(super) fn faults(units: &[Unit]) -> Vec<Option<Fault>> {
    (0..units.len()).map(|i| fault_after(units, i)).collect()
}

/// The fault of a break between `units[i]` and `units[i + 1]`.
fn fault_after(units: &[Unit], i: usize) -> Option<Fault> {
    let next = units.get(i + 1)?.part;
    let part = units[i].part;
    let previous = i.checked_sub(1).map(|p| units[p].part);
    match part {
        Part::Title => Some(Fault::Title),
        Part::Heading => Some(Fault::Heading),
        Part::Line | Part::LastLine if previous == Some(Part::Title) => Some(Fault::Title),
        Part::Line | Part::LastLine if previous == Some(Part::Heading) => Some(Fault::Heading),
        // A line that is not its paragraph's last is followed by the paragraph's next line.
        Part::Line if previous != Some(Part::Line) => Some(Fault::Orphan),
        Part::Line if next == Part::LastLine => Some(Fault::Widow),
        Part::LastLine | Part::Credit if next == Part::Credit => Some(Fault::Credit),
        _ => None,
    }
}
