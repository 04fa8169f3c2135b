//! The input of `flow`: the material, already composed into lines and blocks.

use crate::page::Item;

/// What a unit of the running text is; `flow` derives its keeps (titles with their text, no
/// lone first or last line of a paragraph in a column) from these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    /// Space between articles, dropped at the head or foot of a column.
    Space,
    /// An article title (all its lines in one unit).
    Title,
    /// A sub-heading standing alone (all its lines in one unit): kept with two lines after it.
    Heading,
    /// An editor's note, whole.
    Note,
    /// A picture with its caption, whole.
    Figure,
    /// One line of a body paragraph.
    #[default]
    Line,
    /// The last line of a body paragraph (also the only line of a one-line paragraph).
    LastLine,
    /// One line of the credit （…　供稿）.
    Credit,
}

/// A piece of the running text that takes whole grid lines in one column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unit {
    /// Grid lines it takes.
    pub lines: usize,
    /// Items, x from the column's left edge, y from the baseline of the unit's first grid line.
    pub items: Vec<Item>,
    /// What it is.
    pub part: Part,
    /// Grid lines it may grow by so that a column held short by a keep still ends on its last
    /// grid line (space between articles).
    pub stretch: usize,
    /// Index of the article it belongs to (for messages and outlines).
    pub article: usize,
}

impl Unit {
    /// Whether the unit is space that a column head or foot drops.
    pub fn is_space(&self) -> bool {
        self.part == Part::Space
    }
}

/// A block set across all columns (masthead, closing block).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    /// Grid lines it takes.
    pub lines: usize,
    /// Items, x from the type area's left edge, y from the block's anchor (the type area's top
    /// for the masthead, its bottom for the closing block, so y is negative there).
    pub items: Vec<Item>,
}

/// Everything `flow` places.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Galley {
    /// The masthead, on page 1 above the columns.
    pub masthead: Block,
    /// The running text in reading order.
    pub units: Vec<Unit>,
    /// The closing block, at the foot of the last page.
    pub closing: Block,
    /// The article titles by index, for messages and the outline.
    pub titles: Vec<String>,
    /// Units that get an outline entry under their article's (level-1 headings): unit
    /// index and text.
    pub marks: Vec<(usize, String)>,
    /// How far the body face's em box rises above its baseline, in ems: where the first
    /// grid line's baseline lies below the type area's top.
    pub em_top: f64,
}
