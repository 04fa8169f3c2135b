//! Titles: centred, broken between words into lines of nearly equal length; a line break
//! typed in the manifest's title (`\n`) forces a break there.

use super::Setter;
use crate::compose::{Align, Line, compose};
use crate::layout::RoleName;

impl Setter<'_> {
    /// Composes a title in `role` over `width` points: balanced lines, breaks between words.
    pub(super) fn compose_title(&self, role: RoleName, title: &str, width: f64) -> Vec<Line> {
        let mut style = self.style(width, Align::Center, (0.0, 0.0));
        style.words = true;
        title
            .split('\n')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .flat_map(|part| compose(self.book, &[self.span(role, part)], &style))
            .collect()
    }
}
