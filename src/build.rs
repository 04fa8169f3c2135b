//! One issue from manifest to PDF: the pipeline's stages called in order, and the output
//! written atomically (a temporary file renamed into place), so a failed build never leaves
//! a broken PDF nor destroys an existing one.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

mod glyphs;
mod metadata;
mod output;
mod shared;

pub use shared::{Laid, Prepared, SharedPdf, make_pdf_shared};

use crate::diagnostic::Diagnostic;
use crate::document::{Document, from_issue};
use crate::flow::FlowWarning;
use crate::font::FontError;
use crate::layout::{self, LayoutError};
use crate::manifest;
use crate::page::{Metadata, Page};
use crate::pdf::{Options, PdfError, write_pdf_with};

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The manifest or an article is wrong.
    Input(Diagnostic),
    /// The layout is wrong.
    Layout(LayoutError),
    /// A font cannot be used.
    Font(FontError),
    /// The PDF could not be made.
    Pdf(PdfError),
    /// An environment variable the build reads is wrong (`SOURCE_DATE_EPOCH`).
    Environment(String),
    /// The output could not be written.
    Output {
        /// The output path.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Input(d) => write!(f, "{d}"),
            BuildError::Layout(e) => write!(f, "{e}"),
            BuildError::Font(e) => write!(f, "error: {e}"),
            BuildError::Pdf(e) => write!(f, "error: cannot write the PDF: {e}"),
            BuildError::Environment(e) => write!(f, "error: {e}"),
            BuildError::Output { path, error } => write!(f, "{}", output::write_error(path, error)),
        }
    }
}

impl std::error::Error for BuildError {}

/// An issue laid out: its document and pages, ready to be written.
pub struct Typeset {
    /// The document.
    pub document: Document,
    /// The pages.
    pub pages: Vec<Page>,
    /// Document metadata.
    pub metadata: Metadata,
    /// The fonts the pages use.
    pub book: crate::font::FontBook,
    /// Layout faults no arrangement could avoid (a widow, an unbalanced last page).
    pub warnings: Vec<FlowWarning>,
    /// Characters no font has, printed as boxes (only with `allow_missing_glyphs`).
    pub glyph_warnings: Vec<String>,
    /// What the manifest's text checks kept and report (`check` prints them).
    pub input_warnings: Vec<String>,
}

impl Typeset {
    /// Every warning as a message: missing glyphs first, then layout faults.
    pub fn messages(&self) -> Vec<String> {
        self.glyph_warnings.iter().cloned().chain(self.warnings.iter().map(ToString::to_string)).collect()
    }
}

/// What a build may do beyond the PDF's own options.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BuildOptions {
    /// The PDF standard, bleed and marks.
    pub pdf: Options,
    /// Print a visible box (and warn) for a character no font has, instead of failing.
    pub allow_missing_glyphs: bool,
}

/// Reads, checks and lays out an issue.
pub fn typeset(manifest_path: &Path) -> Result<Typeset, BuildError> {
    typeset_with(manifest_path, &BuildOptions::default())
}

/// Reads, checks and lays out an issue with `options`.
pub fn typeset_with(manifest_path: &Path, options: &BuildOptions) -> Result<Typeset, BuildError> {
    let issue = manifest::load(manifest_path).map_err(BuildError::Input)?;
    let document = from_issue(&issue);
    let mut prepared = Prepared::for_issue(&issue, &document)?;
    let glyph_warnings = shared::fallbacks(&issue, &document, &mut prepared, options)?;
    let Laid { pages, metadata, warnings } = shared::lay_out(&issue, &document, &prepared)?;
    let input_warnings = issue.warnings.iter().map(Diagnostic::as_warning).collect();
    Ok(Typeset { document, pages, metadata, book: prepared.book, warnings, glyph_warnings, input_warnings })
}

/// A layout error; a layout that does not exist is reported at the manifest's `series.layout`.
fn layout_error(issue: &manifest::Issue, error: LayoutError) -> BuildError {
    match (&issue.series.layout, error.not_found) {
        (Some(at), true) => {
            let d = issue.diagnostic(at.origin, at.span.clone(), &error.message);
            BuildError::Input(match &error.diagnostic.hint {
                Some(hint) => d.with_hint(hint),
                None => d,
            })
        }
        _ => BuildError::Layout(error),
    }
}

/// A font the layout names that cannot be loaded, reported at its key in `[fonts]`.
fn font_error(name: &str, layout: &layout::Layout, error: FontError) -> BuildError {
    match layout.fonts.iter().find(|(_, font)| **font == error.name) {
        Some((key, _)) => {
            let hint = "name a bundled font (`Noto Serif CJK SC`, `Noto Serif CJK SC Bold`) or a path to a font file";
            BuildError::Layout(layout::error_at(name, &format!("fonts.{key}"), &error.to_string(), hint))
        }
        None => BuildError::Font(error),
    }
}

/// Lays out an issue and makes its PDF in memory with `options`.
pub fn make_pdf(manifest_path: &Path, options: &BuildOptions) -> Result<(Typeset, Vec<u8>), BuildError> {
    let set = typeset_with(manifest_path, options)?;
    let bytes = write_pdf_with(&set.pages, &set.metadata, &set.book, &options.pdf).map_err(BuildError::Pdf)?;
    Ok((set, bytes))
}

/// What a successful build produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Where the PDF was written (None for `check`).
    pub output: Option<PathBuf>,
    /// Number of pages.
    pub pages: usize,
    /// Size of the PDF in bytes.
    pub bytes: usize,
    /// Layout warnings, one message each.
    pub warnings: Vec<String>,
}

/// The default output path: the manifest's path with the extension `pdf`.
pub fn default_output(manifest_path: &Path) -> PathBuf {
    manifest_path.with_extension("pdf")
}

/// Builds an issue into a PDF/X-4 file at `output` (or next to the manifest).
pub fn build(manifest_path: &Path, output: Option<&Path>) -> Result<Report, BuildError> {
    build_with(manifest_path, output, &Options::default())
}

/// Builds an issue into a PDF at `output` (or next to the manifest) with PDF `options`.
pub fn build_with(manifest_path: &Path, output: Option<&Path>, options: &Options) -> Result<Report, BuildError> {
    build_opts(manifest_path, output, &BuildOptions { pdf: *options, ..BuildOptions::default() })
}

/// Builds an issue into a PDF at `output` (or next to the manifest) with build `options`.
pub fn build_opts(manifest_path: &Path, output: Option<&Path>, options: &BuildOptions) -> Result<Report, BuildError> {
    let path = output.map_or_else(|| default_output(manifest_path), Path::to_path_buf);
    if let Some(problem) = output::problem(&path, manifest_path) {
        return Err(BuildError::Input(problem));
    }
    let (set, bytes) = make_pdf(manifest_path, options)?;
    write_atomically(&path, &bytes).map_err(|error| BuildError::Output { path: path.clone(), error })?;
    Ok(Report { output: Some(path), pages: set.pages.len(), bytes: bytes.len(), warnings: set.messages() })
}

/// Lays out an issue and makes its PDF in memory, writing nothing.
pub fn check(manifest_path: &Path) -> Result<Report, BuildError> {
    check_opts(manifest_path, &BuildOptions::default())
}

/// Lays out an issue with build `options` and makes its PDF in memory, writing nothing.
pub fn check_opts(manifest_path: &Path, options: &BuildOptions) -> Result<Report, BuildError> {
    let (set, bytes) = make_pdf(manifest_path, options)?;
    let warnings = set.input_warnings.iter().cloned().chain(set.messages()).collect();
    Ok(Report { output: None, pages: set.pages.len(), bytes: bytes.len(), warnings })
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out.pdf".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The issue's printed text in reading order — article titles, bodies and credits, then the
/// closing block — one block per line, for search indexes and for checking a PDF's text.
pub fn text(manifest_path: &Path) -> Result<String, BuildError> {
    let issue = manifest::load(manifest_path).map_err(BuildError::Input)?;
    let doc = from_issue(&issue);
    let mut out = String::new();
    for article in &doc.articles {
        out.push_str(&article.title);
        out.push('\n');
        for p in &article.paragraphs {
            out.extend(p.runs.iter().map(|r| r.text.as_str()));
            out.push('\n');
        }
        if let Some(credit) = &article.credit {
            out.push_str(credit);
            out.push('\n');
        }
    }
    let c = &doc.closing;
    if !c.recipients.is_empty() {
        out.push_str(&format!("{}：{}\n", c.label, c.recipients.join("\n")));
    }
    if !c.editors.is_empty() {
        out.push_str(&format!("责任编辑：{}\n", c.editors.join("　")));
    }
    let contact: Vec<&str> = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect();
    if !contact.is_empty() {
        out.push_str(&format!("联系方式：{}\n", contact.join("　")));
    }
    if let Some(a) = &c.approval {
        out.push_str(&format!("批准文号：{a}\n"));
    }
    Ok(out)
}
