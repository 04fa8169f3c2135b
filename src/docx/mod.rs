//! Word articles (`.docx`) read as article text (`jianbao import`, and `.docx` article files).
//!
//! This layer opens the package (the zip with limits, XML parts, relationships) and reads
//! the definitions the body refers to: styles and list numbering.

mod error;
mod numbering;
mod numfmt;
mod package;
mod rels;
mod styles;
mod xml;

pub use error::DocxError;
pub use package::{MAX_ENTRIES, MAX_FILE, MAX_UNPACKED, MAX_XML_PART};
