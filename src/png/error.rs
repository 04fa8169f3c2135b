//! What can go wrong while drawing or writing a preview.

use std::fmt;
use std::path::PathBuf;

use crate::font::FaceId;

/// A preview could not be drawn or written.
#[derive(Debug)]
pub enum PreviewError {
    /// The resolution is not a finite number within [`MIN_DPI`](super::MIN_DPI)–[`MAX_DPI`](super::MAX_DPI).
    Dpi(f32),
    /// The page is empty, not finite, or too large to draw at this resolution.
    PageSize {
        /// Page width, points.
        width: f64,
        /// Page height, points.
        height: f64,
        /// The resolution asked for.
        dpi: f32,
    },
    /// A text run names a face that is not in the font book.
    UnknownFace(FaceId),
    /// A face's outlines cannot be read.
    Font {
        /// The face's name as the layout gives it.
        name: String,
        /// What went wrong.
        reason: String,
    },
    /// The CMYK output profile cannot be used to convert colours for the screen.
    Colour(String),
    /// The PNG could not be encoded.
    Encode(String),
    /// A file could not be written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
}

impl fmt::Display for PreviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PreviewError::Dpi(dpi) => {
                write!(f, "resolution {dpi} dpi is outside {}–{} dpi", super::MIN_DPI, super::MAX_DPI)
            }
            PreviewError::PageSize { width, height, dpi } => {
                write!(f, "a page of {width} × {height} pt cannot be drawn at {dpi} dpi")
            }
            PreviewError::UnknownFace(id) => write!(f, "text uses face #{} which was never loaded", id.0),
            PreviewError::Font { name, reason } => write!(f, "cannot read the outlines of font `{name}`: {reason}"),
            PreviewError::Colour(reason) => write!(f, "cannot convert CMYK for the screen: {reason}"),
            PreviewError::Encode(reason) => write!(f, "cannot encode the PNG: {reason}"),
            PreviewError::Io { path, error } => write!(f, "cannot write {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for PreviewError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PreviewError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}
