//! Word articles (`.docx`) read as article text (`jianbao import`, and `.docx` article files).
//!
//! This first layer opens the package: the zip with limits, XML parts, relationships.

mod error;
mod package;
mod rels;
mod xml;

pub use error::DocxError;
pub use package::{MAX_ENTRIES, MAX_FILE, MAX_UNPACKED, MAX_XML_PART};
