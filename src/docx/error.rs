//! Why a `.docx` cannot be read, naming the part of the package where it applies.

use std::fmt;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// A `.docx` that cannot be read: not a Word package, damaged, encrypted or too large.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// The bytes are not a zip package; `what` says what they look like instead, if known.
    NotZip {
        /// What the file seems to be (e.g. "a PDF file"), or `None`.
        what: Option<&'static str>,
    },
    /// An OLE compound file holding a Word 97–2003 `.doc`.
    OldWordFormat,
    /// A password-protected (encrypted) Word document, or a zip with encrypted entries.
    Encrypted,
    /// The zip package is damaged or uses a feature jianbao does not read.
    Zip {
        /// The part being read, when the problem is in one part.
        part: Option<String>,
        /// What the zip reader found.
        message: String,
    },
    /// A part the document needs is not in the package.
    MissingPart {
        /// The part's name, e.g. `word/document.xml`.
        part: String,
    },
    /// The package's main part is not a Word document (e.g. an Excel workbook).
    NotWordDocument {
        /// The main part's name.
        part: String,
    },
    /// A part is not well-formed XML (or not UTF-8/UTF-16 text).
    Xml {
        /// The part's name.
        part: String,
        /// 1-based line in the part, 0 when unknown.
        line: u32,
        /// 1-based column in the part, 0 when unknown.
        column: u32,
        /// What the XML parser found.
        message: String,
    },
    /// The package is larger than jianbao reads (a zip bomb, or no article).
    TooLarge {
        /// The part whose reading went over the limit, or the whole file.
        part: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The package has more entries than jianbao reads.
    TooManyEntries {
        /// How many entries the package has.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Elements nest deeper than jianbao follows.
    TooDeep {
        /// The part's name.
        part: String,
    },
}

impl DocxError {
    /// The part of the package the error is in, when it is in one part.
    pub fn part(&self) -> Option<&str> {
        match self {
            DocxError::Zip { part, .. } => part.as_deref(),
            DocxError::MissingPart { part }
            | DocxError::NotWordDocument { part }
            | DocxError::Xml { part, .. }
            | DocxError::TooLarge { part, .. }
            | DocxError::TooDeep { part } => Some(part),
            _ => None,
        }
    }

    /// What the editor can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            DocxError::NotZip { .. } | DocxError::NotWordDocument { .. } => {
                "open it in Word (or WPS, LibreOffice) and save it as a Word document (.docx)"
            }
            DocxError::OldWordFormat => "open it in Word (or WPS, LibreOffice) and save it as .docx",
            DocxError::Encrypted => {
                "open it in Word, remove the password (File → Info → Protect Document) and save it again"
            }
            DocxError::Zip { .. }
            | DocxError::MissingPart { .. }
            | DocxError::Xml { .. }
            | DocxError::TooDeep { .. } => {
                "the file is damaged or was not written by Word; open it in Word and save it again"
            }
            DocxError::TooLarge { .. } | DocxError::TooManyEntries { .. } => {
                "an article is far smaller; check that this is the right file, or save its text as a new document"
            }
        }
    }

    /// The error as a diagnostic about `file`, with the hint.
    pub fn to_diagnostic(&self, file: &Path) -> Diagnostic {
        Diagnostic::file(file, self.to_string()).with_hint(self.hint())
    }
}

/// `bytes` in MiB for a message.
fn mib(bytes: u64) -> u64 {
    bytes >> 20
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip { what: Some(what) } => write!(f, "not a Word document (.docx): this is {what}"),
            DocxError::NotZip { what: None } => write!(f, "not a Word document (.docx): the file is not a zip package"),
            DocxError::OldWordFormat => write!(f, "a Word 97–2003 document (.doc), not .docx"),
            DocxError::Encrypted => write!(f, "the Word document is password-protected (encrypted)"),
            DocxError::Zip { part: Some(part), message } => write!(f, "damaged Word package: in `{part}`: {message}"),
            DocxError::Zip { part: None, message } => write!(f, "damaged Word package: {message}"),
            DocxError::MissingPart { part } => write!(f, "not a Word document: the package has no `{part}`"),
            DocxError::NotWordDocument { part } => {
                write!(f, "not a Word document: the package's main part `{part}` is not a Word body")
            }
            DocxError::Xml { part, line, column, message } if *line > 0 => {
                write!(f, "malformed XML in `{part}` at line {line}, column {column}: {message}")
            }
            DocxError::Xml { part, message, .. } => write!(f, "malformed XML in `{part}`: {message}"),
            DocxError::TooLarge { part, limit } => {
                write!(f, "`{part}` unpacks to more than {} MiB, the most jianbao reads", mib(*limit))
            }
            DocxError::TooManyEntries { count, limit } => {
                write!(f, "the package has {count} entries, more than the {limit} jianbao reads")
            }
            DocxError::TooDeep { part } => write!(f, "`{part}` nests its elements deeper than jianbao follows"),
        }
    }
}

impl std::error::Error for DocxError {}
