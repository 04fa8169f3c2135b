//! Page numbers in the form — 1 —, centred below the type area.

use super::Setter;
use super::runs::line_items;
use crate::compose::Align;
use crate::flow::Item;
use crate::units::mm;

/// The folio of page `number` (1-based), in page coordinates.
pub fn folio(s: &Setter, number: usize) -> Vec<Item> {
    let layout = s.layout;
    let size = layout.role("folio").size;
    let text = format!("— {number} —");
    let y = layout.type_top() + layout.type_height() + mm(layout.folio.offset) + 0.5 * size;
    s.compose(&[s.span("folio", &text)], layout.type_width(), Align::Center, (0.0, 0.0))
        .first()
        .map(|line| line_items(line, layout.type_left(), y, s.color("folio")))
        .unwrap_or_default()
}
