//! Documents as blocks: the masthead, articles and the closing block, worded as printed,
//! every piece of text keeping the file and span it was written at.

mod blocks;
mod build;
mod model;
mod printed;
mod screen;
mod source;
mod text;

#[cfg(test)]
mod tests;

pub use crate::numerals::{chinese_date, chinese_numeral};
pub use blocks::{Suspect, blocks, ordinal};
pub use build::{
    APPROVAL_LABEL, CONTACT_LABEL, DEFAULT_LABEL, DEFAULT_LAYOUT, EDITORS_LABEL, NOTE_LABEL, document, from_issue,
};
pub use model::*;
pub use printed::{Join, Place, Printed};
pub use source::{FileId, Source, Text};
pub use text::{Origin, is_cjk, paragraphs};

use crate::diagnostic::Diagnostic;

impl Document {
    /// A diagnostic at the character at byte `offset` of `text`, in the file it was written
    /// in (or about the manifest as a whole when the text was worded by the program).
    pub fn diagnostic(&self, text: &Text, offset: usize, message: impl Into<String>) -> Diagnostic {
        match text.locate(offset).and_then(|(file, span)| Some((self.sources.get(file.0)?, span))) {
            Some((file, span)) => Diagnostic::at(&file.path, &file.text, span, message),
            None => self.manifest_diagnostic(message),
        }
    }

    /// A diagnostic about the manifest as a whole.
    pub fn manifest_diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        match self.sources.first() {
            Some(file) => Diagnostic::file(&file.path, message),
            None => Diagnostic::file("issue.toml", message),
        }
    }
}
