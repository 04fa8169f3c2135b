//! Titles: centred, broken between words into lines of nearly equal length; a line break
//! typed in the manifest's title (`\n`) forces a break there.

use super::Setter;
use crate::compose::{Align, Line, ParStyle, Span, compose};
use crate::font::FontBook;
use crate::layout::RoleName;

impl Setter<'_> {
    /// The style titles are composed in over `width` points: balanced lines, breaks between
    /// words.
    pub(super) fn title_style(&self, width: f64) -> ParStyle {
        let mut style = self.style(width, Align::Center, (0.0, 0.0));
        style.words = true;
        style
    }

    /// A title's parts between the line breaks typed in it, as spans in `role`.
    pub(super) fn title_parts(&self, role: RoleName, title: &str) -> Vec<Span> {
        let parts = title.split('\n').map(str::trim).filter(|part| !part.is_empty());
        parts.map(|part| self.span(role, part)).collect()
    }
}

/// The lines of a title's parts ([`Setter::title_parts`]) in the [`Setter::title_style`], each
/// part starting a line.
pub(super) fn compose_title_parts(book: &FontBook, parts: &[Span], style: &ParStyle) -> Vec<Line> {
    parts.iter().flat_map(|part| compose(book, std::slice::from_ref(part), style)).collect()
}
