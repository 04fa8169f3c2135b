//! The fit contract for one-line slots (masthead title, pinyin, issue number, publisher and
//! date, page numbers): a text fits its width at its role's size and tracking, or tightens —
//! tracking down to the role's `min_tracking`, then size down to its `min_size` — or the
//! build fails saying how much too long it is.

use super::Setter;
use super::runs::natural_width;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Text};
use crate::layout::RoleName;
use crate::units::to_mm;

/// How a one-line slot's text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Fitted {
    /// Font size, pt.
    pub size: f64,
    /// Tracking between characters, em.
    pub tracking: f64,
    /// Width of the text so set, pt.
    pub width: f64,
}

/// Why a one-line slot's text does not fit: how much too long it is at its tightest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Overflow {
    /// Points over the slot at the smallest size and tightest tracking.
    pub excess: f64,
    /// The slot's width, pt.
    pub width: f64,
    /// The smallest size tried, pt.
    pub min_size: f64,
}

impl Setter<'_> {
    /// Fits `text` in `role` into `width` points.
    pub(super) fn fit(&self, role: RoleName, text: &str, width: f64) -> Result<Fitted, Overflow> {
        let r = self.layout.role(role);
        let gaps = text.chars().count().saturating_sub(1) as f64;
        // Width per point of size: glyphs scale with the size, tracking is in em.
        let natural = natural_width(self, role, text);
        let at = |size: f64, tracking: f64| natural * size / r.size + gaps * tracking * size;
        if at(r.size, r.tracking) <= width + 1e-6 {
            return Ok(Fitted { size: r.size, tracking: r.tracking, width: at(r.size, r.tracking) });
        }
        if gaps > 0.0 && r.min_tracking < r.tracking {
            let tracking = (width - natural) / (gaps * r.size);
            if tracking >= r.min_tracking {
                return Ok(Fitted { size: r.size, tracking, width: at(r.size, tracking) });
            }
        }
        let per_point = natural / r.size + gaps * r.min_tracking;
        let size = if per_point > 0.0 { width / per_point } else { r.size };
        if size >= r.min_size - 1e-9 {
            let size = size.min(r.size);
            return Ok(Fitted { size, tracking: r.min_tracking, width: at(size, r.min_tracking) });
        }
        Err(Overflow { excess: at(r.min_size, r.min_tracking) - width, width, min_size: r.min_size })
    }
}

/// The error for `what` (e.g. "the series title") written as `text` that overflows its slot.
pub(super) fn too_long(doc: &Document, text: &Text, what: &str, role: RoleName, o: Overflow) -> Diagnostic {
    let shown: String = text.as_str().chars().take(30).collect();
    let more = if text.as_str().chars().count() > 30 { "…" } else { "" };
    let message = format!(
        "{what} 「{shown}{more}」 is {:.1} mm too long for its line ({:.1} mm), even at {} pt",
        to_mm(o.excess),
        to_mm(o.width),
        (o.min_size * 100.0).round() / 100.0
    );
    let hint = format!(
        "shorten it, or let the layout set it smaller (`roles.{}.min_size`) or tighter (`min_tracking`)",
        role.key()
    );
    doc.diagnostic(text, 0, message).with_hint(hint)
}
