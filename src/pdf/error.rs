//! What can go wrong while writing the PDF.

use std::fmt;

use crate::font::FaceId;

/// A page could not be written to PDF.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// A text run names a face that is not in the font book.
    UnknownFace(FaceId),
    /// A face could not be subset or embedded.
    Font {
        /// The face's name as the layout gives it.
        name: String,
        /// What went wrong.
        reason: String,
    },
    /// A picture cannot be embedded.
    Picture {
        /// The picture's name (its file).
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The output profile cannot be used with the standard.
    Profile(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::UnknownFace(id) => write!(f, "text uses face #{} which was never loaded", id.0),
            PdfError::Font { name, reason } => write!(f, "cannot embed font `{name}`: {reason}"),
            PdfError::Picture { name, reason } => write!(f, "cannot embed picture `{name}`: {reason}"),
            PdfError::Profile(reason) => write!(f, "{reason}"),
        }
    }
}

impl std::error::Error for PdfError {}
