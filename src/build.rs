//! One issue from manifest to PDF, through one entry point: a [`Request`] in, a [`Report`]
//! out. The stages are called in order — manifest, document, layout and fonts, setting,
//! flow, the page check, the PDF — and the output is written atomically (a temporary file
//! renamed into place), so a failed build never leaves a broken PDF nor destroys an
//! existing one. The files the issue is read from are listed once ([`inputs`]) for the
//! overwrite guard and for batch's change detection.

use std::fmt;
use std::path::{Path, PathBuf};

mod glyphs;
mod inputs;
mod metadata;
mod output;
mod pictures;
mod shared;
mod write;

pub use inputs::{InputFile, InputKind, inputs};
pub use metadata::source_date_epoch;
pub use pictures::{embedded, read_pictures};
pub use shared::{Laid, Prepared, SharedPdf, make_pdf_shared};
pub use write::{
    TEMP_PREFIX, TEMP_SUFFIX, remove_live, remove_stale, replace_atomically, temporaries_in, write_atomically,
};

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::flow::FlowWarning;
use crate::font::FontError;
use crate::layout::{self, LayoutError};
use crate::manifest;
use crate::page::{Metadata, Page};
use crate::pdf::{Options, PdfError, write_pdf_with};

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The manifest, an article, or what they ask to print is wrong.
    Input(Diagnostic),
    /// The layout is wrong.
    Layout(LayoutError),
    /// A font cannot be used.
    Font(FontError),
    /// The PDF could not be made.
    Pdf(PdfError),
    /// The OFD could not be made.
    Ofd(crate::ofd::OfdError),
    /// The previews could not be drawn or written.
    Preview(crate::png::PreviewError),
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
            BuildError::Preview(e) => write!(f, "error: {e}"),
            BuildError::Ofd(e) => write!(f, "error: cannot write the OFD: {e}"),
            BuildError::Output { path, error } => write!(f, "{}", output::write_error(path, error)),
        }
    }
}

impl std::error::Error for BuildError {}

/// What a build may do beyond the PDF's own options.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BuildOptions {
    /// The PDF standard, bleed and marks.
    pub pdf: Options,
    /// Print a visible box (and warn) for a character no font has, instead of failing.
    pub allow_missing_glyphs: bool,
    /// The creation time to record, seconds since 1970 (from `SOURCE_DATE_EPOCH`, read by
    /// the program's `main`); `None` records the issue date.
    pub created: Option<i64>,
    /// The pages the issue must fit (`check --pages N`); overrides the manifest's `[page] pages`.
    pub pages: Option<usize>,
}

/// What to do with an issue.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Lay it out and write the PDF to this path (`None`: next to the manifest); a path
    /// ending in `.ofd` gets an OFD package (GB/T 33190) instead.
    Build(Option<PathBuf>),
    /// Lay it out and make the PDF in memory, writing nothing.
    Check,
    /// Lay it out and draw each page as a PNG, `dir/page-N.png`, at `dpi`.
    Preview {
        /// The folder (created if missing).
        dir: PathBuf,
        /// Resolution, dots per inch.
        dpi: f32,
    },
}

/// A build request.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The issue manifest.
    pub manifest: PathBuf,
    /// Build or check.
    pub action: Action,
    /// Options.
    pub options: BuildOptions,
}

/// What a successful build or check produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Where the output was written (`None` for a check; the folder for previews).
    pub output: Option<PathBuf>,
    /// Number of pages.
    pub pages: usize,
    /// Size of the output in bytes (of the PDF a check made in memory; of all previews).
    pub bytes: usize,
    /// Warnings, one message each: what the text screening kept, characters printed as
    /// boxes, layout faults no arrangement could avoid.
    pub warnings: Vec<String>,
    /// The series file merged into the manifest, if one was found.
    pub series_file: Option<PathBuf>,
    /// The running total (总第N期) and where it comes from, e.g. `[totals] 2021 = 623 in
    /// issues/series.toml`; `None` when the issue has none.
    pub total: Option<(u64, String)>,
    /// The copy-fitting verdict, when a page count was asked for (`--pages`, `[page] pages`).
    pub fit: Option<crate::copyfit::Fit>,
}

/// Whether the process ends after its one build ([`last_build`]).
static LAST_BUILD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Tells the builds of this process that it ends after the next one (a `build` or `check`
/// command): the laid-out issue is then left to the operating system, which takes the whole
/// memory back at exit, instead of being freed piece by piece — as compilers do. Freeing the
/// page model of the 60-article issue (some 4,000 runs of glyphs) took about 0.8 ms of its
/// 55. A batch and `watch` free as they go (they never call this).
pub fn last_build() {
    LAST_BUILD.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Runs a request: the one entry point of a build.
pub fn run(request: &Request) -> Result<Report, BuildError> {
    let loaded = load(&request.manifest)?;
    let series_file = loaded.issue.series_file.as_ref().map(|f| f.path.clone());
    let total = loaded.issue.total.as_ref().map(|t| (t.value, total_source(&loaded.issue, t)));
    let files = inputs(&loaded.issue, &loaded.prepared.layout, &loaded.document);
    let output = match &request.action {
        Action::Build(path) => {
            let path = path.clone().unwrap_or_else(|| default_output(&request.manifest));
            if let Some(problem) = output::problem(&path, &files) {
                return Err(BuildError::Input(problem));
            }
            Some(path)
        }
        Action::Check => None,
        Action::Preview { dir, .. } => {
            if let Some(problem) = output::preview_problem(dir, &files) {
                return Err(BuildError::Input(problem));
            }
            Some(dir.clone())
        }
    };
    let target = request.options.pages.or(loaded
        .issue
        .pages
        .as_ref()
        .map(|p| usize::try_from(*p.get_ref()).unwrap_or(usize::MAX)));
    let set = typeset_loaded(loaded, &request.options)?;
    let (pages, mut warnings) = (set.pages.len(), set.messages());
    let fit = target.map(|n| crate::copyfit::Fit::new(&set.census, n));
    warnings.extend(fit.iter().filter(|f| !f.fits()).map(crate::copyfit::Fit::message));
    let bytes = match (&request.action, &output) {
        (Action::Preview { dir, dpi }, _) => {
            let written = crate::png::write_previews(&set.pages, &set.book, dir, *dpi).map_err(BuildError::Preview)?;
            written.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len() as usize).sum()
        }
        (_, path) => {
            let bytes = match path {
                Some(path) if is_ofd(path) => {
                    let info = crate::ofd::OfdInfo { classification: set.metadata.classification.clone() };
                    crate::ofd::write_ofd(&set.pages, &set.metadata, &set.book, &info).map_err(BuildError::Ofd)?
                }
                _ => write_pdf_with(&set.pages, &set.metadata, &set.book, &request.options.pdf)
                    .map_err(BuildError::Pdf)?,
            };
            if let Some(path) = path {
                remove_stale(&write::folder_of(path));
                write_atomically(path, &bytes).map_err(|error| BuildError::Output { path: path.clone(), error })?;
            }
            bytes.len()
        }
    };
    if LAST_BUILD.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(set);
    }
    Ok(Report { output, pages, bytes, warnings, series_file, total, fit })
}

/// Where an issue's total comes from: the line that gives it and its file.
fn total_source(issue: &manifest::Issue, total: &manifest::Located<u64>) -> String {
    let file = match (total.origin, &issue.series_file) {
        (manifest::Origin::Series, Some(file)) => file,
        _ => &issue.manifest,
    };
    let start = file.text.get(..total.span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let end =
        file.text.get(total.span.end..).and_then(|t| t.find('\n')).map_or(file.text.len(), |i| total.span.end + i);
    let line = file.text.get(start..end).unwrap_or_default().trim();
    let table = match total.origin {
        manifest::Origin::Series if !line.starts_with("total_offset") => "[totals] ",
        manifest::Origin::Series => "",
        _ => "[issue] ",
    };
    format!("{table}{line} in {}", file.path.display())
}

/// An issue read: its manifest, its document (with what the screening reported) and its
/// layout with the fonts loaded.
pub struct Loaded {
    /// The validated manifest.
    pub issue: manifest::Issue,
    /// The document.
    pub document: Document,
    /// What the text screening kept and reports.
    pub input_warnings: Vec<Diagnostic>,
    /// The layout and its fonts.
    pub prepared: Prepared,
}

/// Reads an issue: manifest, document (with its pictures), layout and fonts.
pub fn load(manifest_path: &Path) -> Result<Loaded, BuildError> {
    let issue = manifest::load(manifest_path).map_err(BuildError::Input)?;
    let (mut document, mut input_warnings) = crate::document::from_issue(&issue).map_err(BuildError::Input)?;
    pictures::read_pictures(&mut document, &pictures::embedded(&issue)).map_err(BuildError::Input)?;
    for article in &issue.articles {
        if let manifest::TextOrigin::File { path, .. } = &article.origin {
            input_warnings.extend(article.word.warnings.iter().map(|w| Diagnostic::file(path, w.clone())));
        }
    }
    let prepared = Prepared::for_issue(&issue, &document)?;
    set_layout_words(&mut document, &prepared.layout);
    Ok(Loaded { issue, document, input_warnings, prepared })
}

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
    /// What the text screening kept and reports.
    pub input_warnings: Vec<String>,
    /// How the pages were used, for copy-fitting.
    pub census: crate::copyfit::Census,
}

impl Typeset {
    /// Every warning as a message: the text screening's, missing glyphs, layout faults.
    pub fn messages(&self) -> Vec<String> {
        let flow = self.warnings.iter().map(ToString::to_string);
        self.input_warnings.iter().chain(&self.glyph_warnings).cloned().chain(flow).collect()
    }
}

/// Reads, checks and lays out an issue.
pub fn typeset(manifest_path: &Path, options: &BuildOptions) -> Result<Typeset, BuildError> {
    typeset_loaded(load(manifest_path)?, options)
}

/// Lays out an issue that has been read.
pub fn typeset_loaded(loaded: Loaded, options: &BuildOptions) -> Result<Typeset, BuildError> {
    let Loaded { issue: _, document, input_warnings, mut prepared } = loaded;
    let glyph_warnings = shared::fallbacks(&document, &mut prepared, options)?;
    let Laid { pages, metadata, warnings, setting_warnings, census } = shared::lay_out(&document, &prepared, options)?;
    let input_warnings = input_warnings.iter().map(Diagnostic::as_warning).chain(setting_warnings).collect();
    Ok(Typeset { document, pages, metadata, book: prepared.book, warnings, glyph_warnings, input_warnings, census })
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
            let hint = "name a bundled font (`Noto Serif CJK SC`, `Noto Serif CJK SC Bold`) or a path to a font file \
                        (relative to the layout file)";
            BuildError::Layout(layout::error_at(name, &format!("fonts.{key}"), &error.to_string(), hint))
        }
        None => BuildError::Font(error),
    }
}

/// Whether an output path asks for OFD (its extension is `.ofd`, in any case).
pub fn is_ofd(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ofd"))
}

/// The default output path: the manifest's path with the extension `pdf`.
pub fn default_output(manifest_path: &Path) -> PathBuf {
    manifest_path.with_extension("pdf")
}

/// The issue's printed text in reading order (see [`Document::plain_text`]). The layout is
/// read only when the issue has a contents box, for the box's title.
pub fn text(manifest_path: &Path) -> Result<String, BuildError> {
    let issue = manifest::load(manifest_path).map_err(BuildError::Input)?;
    let (mut document, _) = crate::document::from_issue(&issue).map_err(BuildError::Input)?;
    if document.contents {
        let layout = layout::load(&document.layout).map_err(|e| layout_error(&issue, e))?;
        set_layout_words(&mut document, &layout);
    }
    Ok(document.plain_text())
}

/// Gives `document` what the layout words for it to print: the contents box's title, so that
/// [`Document::printed`] lists it.
pub fn set_layout_words(document: &mut Document, layout: &layout::Layout) {
    document.contents_title = document.contents.then(|| crate::document::Text::worded(&layout.contents.title));
}
