//! Why an OFD could not be written.

use std::fmt;

use crate::font::FaceId;

/// An OFD that could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum OfdError {
    /// A run names a face the font book does not have.
    UnknownFace(FaceId),
    /// A face could not be converted into an embedded font.
    Font {
        /// The face's name.
        name: String,
        /// What went wrong.
        reason: String,
    },
    /// A picture's samples cannot be encoded.
    Picture {
        /// The picture's name (its file).
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Something is larger than the package format can hold.
    TooLarge(String),
}

impl fmt::Display for OfdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfdError::UnknownFace(id) => write!(f, "a text run uses face {}, which the font book does not have", id.0),
            OfdError::Font { name, reason } => write!(f, "font `{name}`: {reason}"),
            OfdError::Picture { name, reason } => write!(f, "picture {name}: {reason}"),
            OfdError::TooLarge(what) => write!(f, "{what}"),
        }
    }
}

impl std::error::Error for OfdError {}
