//! Page numbers in the form — 1 —, below the type area: centred, or (GB/T 9704) on the
//! outside edge, odd pages at the right and even pages at the left, indented.

use super::Setter;
use crate::compose::Align;
use crate::layout::{FolioAlign, RoleName};
use crate::page::{Item, Tag};
use crate::units::mm;

/// The folio of page `number` (1-based), in page coordinates.
pub fn folio(s: &Setter, number: usize) -> Vec<Item> {
    let layout = s.layout;
    let size = layout.role(RoleName::Folio).size;
    let text = format!("— {number} —");
    let y = layout.type_top() + layout.type_height() + mm(layout.folio.offset) + 0.5 * size;
    let indent = layout.folio.indent * size;
    let (x, width, align) = match (layout.folio.align, number % 2) {
        (FolioAlign::Outside, 1) => (layout.type_left(), layout.type_width() - indent, Align::Right),
        (FolioAlign::Outside, _) => (layout.type_left() + indent, layout.type_width() - indent, Align::Left),
        _ => (layout.type_left(), layout.type_width(), Align::Center),
    };
    s.compose(&[s.span(RoleName::Folio, &text)], width, align, (0.0, 0.0))
        .first()
        .map(|line| s.line_items(line, x, y, &s.color(RoleName::Folio), Tag::ARTIFACT))
        .unwrap_or_default()
}
