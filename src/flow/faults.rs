//! Keeps: what a column break after each unit would do wrong. A title (with its article's
//! note) must not end a column and goes with at least two lines of its text; a sub-heading
//! must not end a column and goes with at least two grid lines after it (across a one-line
//! paragraph into the next) unless its article ends sooner; a paragraph leaves no single
//! line alone at a column's foot (orphan) or head (widow); the credit stays with the
//! article's last line.

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
    /// A sub-heading at the foot of a column.
    Heading,
    /// A sub-heading with only one line after it in its column, its article going on in the
    /// next.
    HeadingShort,
}

impl Fault {
    /// The cost of making the fault, against the other costs of a page plan.
    pub(super) fn cost(self) -> u64 {
        match self {
            Fault::Orphan | Fault::Widow | Fault::Credit => 1_000_000,
            // Less than a heading at the foot: where a run of short points (a heading and a
            // one-line paragraph each) must break, it breaks after a point's line.
            Fault::HeadingShort => 5_000_000,
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
            Fault::HeadingShort => "a sub-heading has only one line after it at the foot of the column",
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
    let before_previous = i.checked_sub(2).map(|p| units[p].part);
    match part {
        Part::Title => Some(Fault::Title),
        // An article's note goes with its title and the first two lines after it.
        Part::Note if previous == Some(Part::Title) => Some(Fault::Title),
        Part::Line | Part::LastLine if previous == Some(Part::Note) && before_previous == Some(Part::Title) => {
            Some(Fault::Title)
        }
        Part::Heading => Some(Fault::Heading),
        Part::Line | Part::LastLine if previous == Some(Part::Title) => Some(Fault::Title),
        _ if heading_short(units, i) => Some(Fault::HeadingShort),
        // A line that is not its paragraph's last is followed by the paragraph's next line.
        Part::Line if previous != Some(Part::Line) => Some(Fault::Orphan),
        Part::Line if next == Part::LastLine => Some(Fault::Widow),
        Part::LastLine | Part::Credit if next == Part::Credit => Some(Fault::Credit),
        _ => None,
    }
}

/// Lines a sub-heading goes with (grid lines of body text or figures after it).
const HEADING_KEEP: usize = 2;

/// Whether a break after `units[i]` leaves the nearest sub-heading before it with fewer than
/// [`HEADING_KEEP`] grid lines after it in the column while its article goes on: the lines
/// are counted across paragraphs (a one-line paragraph and the next one's first line).
fn heading_short(units: &[Unit], i: usize) -> bool {
    let goes_on =
        units.get(i + 1).is_some_and(|u| matches!(u.part, Part::Line | Part::LastLine | Part::Figure | Part::Heading));
    if !goes_on {
        return false;
    }
    let mut lines = 0;
    for unit in units[..=i].iter().rev() {
        match unit.part {
            Part::Heading => return lines < HEADING_KEEP,
            Part::Line | Part::LastLine | Part::Figure => lines += unit.lines,
            _ => return false,
        }
        if lines >= HEADING_KEEP {
            return false;
        }
    }
    false
}
