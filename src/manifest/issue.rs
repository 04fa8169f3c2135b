//! The validated issue: every value checked, article text read, spans kept for later errors.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::diagnostic::Diagnostic;

/// A whole issue, validated, with the text of every article already read.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The manifest file as read.
    pub manifest: SourceFile,
    /// The series file merged into the manifest, if one was found.
    pub series_file: Option<SourceFile>,
    /// The series (masthead) settings after the merge.
    pub series: Series,
    /// Issue number, at least 1.
    pub number: Spanned<u64>,
    /// Running total: given in the manifest or derived from the series file's offset.
    pub total: Option<Located<u64>>,
    /// Issue date.
    pub date: Spanned<Date>,
    /// The classification printed at the masthead's top left, e.g. `内部资料　注意保存`.
    pub classification: Option<Spanned<String>>,
    /// A special issue's name printed before 第N期, e.g. `增刊`.
    pub special: Option<Spanned<String>>,
    /// How many copies were printed: （共印N份） at the end of the closing block.
    pub copies: Option<Spanned<u64>>,
    /// Whether a contents box (本期要目) is printed under the masthead.
    pub contents: bool,
    /// The issue's editor's note (编者按), set before the first article.
    pub editor_note: Option<EditorNote>,
    /// Articles in print order (at least one).
    pub articles: Vec<Article>,
    /// The distribution groups in order (one `[distribution]` table or `[[distribution]]`).
    pub distribution: Vec<Distribution>,
    /// The `[colophon]` table, if any.
    pub colophon: Option<Colophon>,
    /// `[page] pages`: the pages the issue must fit (copy-fitting), if given.
    pub pages: Option<Spanned<u64>>,
}

/// A file that was read, kept for diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// The path as found (the manifest's as given to `load`).
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
}

/// Which file a merged value was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The issue manifest.
    Manifest,
    /// The series file.
    Series,
}

/// A value that may come from the manifest or the series file, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Byte span in the file it came from.
    pub span: Range<usize>,
    /// The file it came from.
    pub origin: Origin,
}

/// The series settings printed in the masthead.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Masthead title, e.g. 联络动态.
    pub title: Located<String>,
    /// Pinyin line above the title.
    pub pinyin: Option<Located<String>>,
    /// Compiling office line.
    pub publisher: Located<String>,
    /// Layout name or path as written (not yet resolved).
    pub layout: Option<Located<String>>,
}

/// A calendar date (a TOML local date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Year, e.g. 2021.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

/// One article with its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The title.
    pub title: Spanned<String>,
    /// The contributing office, printed as the credit line.
    pub source: Option<Spanned<String>>,
    /// Where the text came from.
    pub origin: TextOrigin,
    /// The raw article text (UTF-8, byte-order mark removed, otherwise as written).
    pub text: String,
    /// An editor's note set after the title, before the body.
    pub note: Option<Spanned<String>>,
    /// Whether paragraphs opening with 一、 （一） 1. （1） are read as sub-headings.
    pub headings: bool,
    /// What a `.docx` article file brought besides its text (v2).
    pub word: Word,
}

/// The pictures and warnings of an article read from a Word document; empty for text files.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Word {
    /// The pictures it holds, by the path its figures name them by (never a file on disk).
    pub pictures: Vec<(PathBuf, Vec<u8>)>,
    /// What the import did not keep as it was (`table 1 (…)`: …).
    pub warnings: Vec<String>,
}

/// The issue's editor's note (`[editor_note]`).
#[derive(Debug, Clone, PartialEq)]
pub struct EditorNote {
    /// The label, when given (the document defaults it to 编者按).
    pub label: Option<Spanned<String>>,
    /// Where the text came from.
    pub origin: TextOrigin,
    /// The text as written.
    pub text: String,
}

/// Where an article's text was written.
#[derive(Debug, Clone, PartialEq)]
pub enum TextOrigin {
    /// A file; `path` is resolved against the manifest's folder, `span` is the `file` value.
    File {
        /// The resolved path.
        path: PathBuf,
        /// Span of the `file = …` value in the manifest.
        span: Range<usize>,
    },
    /// Inline `body = …`; the span of the value in the manifest.
    Body(Range<usize>),
}

/// The `[distribution]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    /// The label before the list (the document defaults it to 送).
    pub label: Option<Spanned<String>>,
    /// Recipient groups in order.
    pub recipients: Vec<Spanned<String>>,
    /// The file it was written in: the manifest, or the series file it shares.
    pub origin: Origin,
}

/// The `[colophon]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Colophon {
    /// Responsible editors.
    pub editors: Vec<Spanned<String>>,
    /// Contact phone.
    pub phone: Option<Spanned<String>>,
    /// Contact e-mail.
    pub email: Option<Spanned<String>>,
    /// Approval number.
    pub approval: Option<Spanned<String>>,
    /// The file it was written in: the manifest, or the series file it shares.
    pub origin: Origin,
}

impl Issue {
    /// The folder the manifest is in (relative paths in it are resolved against it).
    pub fn dir(&self) -> &Path {
        self.manifest.path.parent().unwrap_or(Path::new(""))
    }

    /// The folder of the file a value came from.
    pub fn dir_of(&self, origin: Origin) -> &Path {
        match (origin, &self.series_file) {
            (Origin::Series, Some(file)) => file.path.parent().unwrap_or(Path::new("")),
            _ => self.dir(),
        }
    }

    /// A diagnostic at `span` of the file `origin` names.
    pub fn diagnostic(&self, origin: Origin, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let file = match (origin, &self.series_file) {
            (Origin::Series, Some(file)) => file,
            _ => &self.manifest,
        };
        Diagnostic::at(&file.path, &file.text, span, message)
    }
}
