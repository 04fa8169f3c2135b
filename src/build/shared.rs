//! Fonts loaded once: a layout read and its faces parsed into a [`FontBook`] ([`Prepared`])
//! that many issues and threads share read-only — what `batch` does. An issue that needs a
//! fallback face loads a book of its own; a single build runs the same steps with its own.

use std::collections::BTreeMap;

use super::{BuildError, BuildOptions, font_error, glyphs, layout_error, metadata};
use crate::copyfit::{Census, Tally};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::flow::{FlowWarning, flow};
use crate::font::{FaceId, FallbackChain, FontBook, add_fallbacks, add_variants};
use crate::layout::{self, Frame, FrameSpec, Layout};
use crate::manifest::Issue;
use crate::page::{Fault, Metadata, Page, Shape, check_pages};
use crate::pdf::write_pdf_with;
use crate::setting::{Setter, folio, load_fonts, set_document, set_document_with};

/// A layout with its fonts parsed: everything about an issue's build that does not depend on
/// the issue, made once and shared (it is `Send + Sync`).
pub struct Prepared {
    /// The layout.
    pub layout: Layout,
    /// The layout's faces, parsed.
    pub book: FontBook,
    /// Face ids by the layout's font keys.
    pub faces: BTreeMap<String, FaceId>,
}

impl Prepared {
    /// Loads the layout `document` names and parses its fonts; errors point at the manifest's
    /// `series.layout` or at the layout's `[fonts]` key.
    pub fn for_issue(issue: &Issue, document: &Document) -> Result<Self, BuildError> {
        let layout = layout::load(&document.layout).map_err(|e| layout_error(issue, e))?;
        let (book, faces) = load_fonts(&layout).map_err(|e| font_error(&document.layout, &layout, e))?;
        Ok(Prepared { layout, book, faces })
    }

    /// Whether the book has every character `document` prints, and every layout face that
    /// has the base of a variation sequence it prints lists the sequence, so no fallback face
    /// is needed.
    pub fn covers(&self, document: &Document) -> bool {
        let listed = |&(base, selector): &(char, char)| {
            self.faces.values().all(|&face| {
                !self.book.face(face).covers(base) || self.book.face_for_sequence(face, base, selector).is_some()
            })
        };
        glyphs::printed_chars(document).iter().all(|&c| self.book.covers(c))
            && glyphs::printed_sequences(document).iter().all(listed)
    }
}

/// Adds fallback faces for the characters the book lacks. Returns a warning per character no
/// font has, or the error naming the first one unless `options` allow boxes.
pub(super) fn fallbacks(
    document: &Document,
    prepared: &mut Prepared,
    options: &BuildOptions,
) -> Result<Vec<String>, BuildError> {
    let fallback = &prepared.layout.fallback;
    let fonts = fallback.fonts.iter().map(|name| prepared.layout.font_location(name)).collect();
    let chain = FallbackChain { fonts, system: fallback.system };
    let needed = glyphs::printed_chars(document);
    let missing = add_fallbacks(&mut prepared.book, &chain, &needed).map_err(BuildError::Font)?;
    // Faces of the layout's own collections for the variation sequences they do not list (a
    // sequence still unlisted is warned about where it is drawn, in `lay_out`).
    let faces: Vec<FaceId> = prepared.faces.values().copied().collect();
    let sequences = glyphs::printed_sequences(document);
    add_variants(&mut prepared.book, &faces, &sequences).map_err(BuildError::Font)?;
    if !missing.is_empty() && !options.allow_missing_glyphs {
        return Err(BuildError::Input(glyphs::missing_glyphs(document, &missing)));
    }
    Ok(missing.iter().map(|&c| format!("warning: no font has {}: printed as a box", glyphs::describe(c))).collect())
}

/// An issue's pages laid out with fonts it borrows.
pub struct Laid {
    /// The pages, folios included.
    pub pages: Vec<Page>,
    /// Document metadata.
    pub metadata: Metadata,
    /// Layout faults no arrangement could avoid.
    pub warnings: Vec<FlowWarning>,
    /// What setting reports (pictures of low resolution), as messages.
    pub setting_warnings: Vec<String>,
    /// How the pages were used, for copy-fitting.
    pub census: crate::copyfit::Census,
}

/// Sets the document, flows it onto pages, numbers them, checks that nothing is drawn
/// outside a page or over other text, and describes the result.
pub(super) fn lay_out(document: &Document, prepared: &Prepared, options: &BuildOptions) -> Result<Laid, BuildError> {
    let setter = Setter::new(&prepared.layout, &prepared.book, &prepared.faces);
    let flow_error = |e: crate::flow::FlowError| {
        let hint = "shorten the text, or raise page.max_pages in the layout";
        BuildError::Input(document.manifest_diagnostic(e.to_string()).with_hint(hint))
    };
    let galley = set_document(document, &setter).map_err(BuildError::Input)?;
    let mut tally = Tally::of(&galley);
    let mut flowed = flow(galley, &prepared.layout).map_err(flow_error)?;
    let mut setting_warnings: Vec<String> = setter.take_warnings().iter().map(Diagnostic::as_warning).collect();
    if document.contents {
        // The contents box's page numbers take a field of fixed width: with them known, the
        // box keeps its lines and flow gives the same pages. Checked, not assumed.
        for _ in 0..3 {
            let pages = article_pages(&flowed.outline, document.articles.len());
            // A fresh setter numbers the structure elements from 1 again.
            let again = Setter::new(&prepared.layout, &prepared.book, &prepared.faces);
            let galley = set_document_with(document, &again, Some(&pages)).map_err(BuildError::Input)?;
            tally = Tally::of(&galley);
            flowed = flow(galley, &prepared.layout).map_err(flow_error)?;
            if article_pages(&flowed.outline, document.articles.len()) == pages {
                break;
            }
        }
    }
    let grid = &prepared.layout.grid;
    let census = Census::count(&tally, &flowed.placements, flowed.pages.len(), grid);
    let (mut pages, warnings, outline) = (flowed.pages, flowed.warnings, flowed.outline);
    for (i, page) in pages.iter_mut().enumerate() {
        page.items.extend(folio(&setter, i + 1));
    }
    let em = |face: FaceId| {
        let face = prepared.book.face(face);
        let upem = f64::from(face.units_per_em);
        (face.em_top / upem, -face.em_bottom / upem)
    };
    if let Some(fault) = check_pages(&pages, em).first() {
        return Err(page_fault(fault, document, &prepared.layout));
    }
    setting_warnings.extend(glyphs::unlisted_sequences(&pages, &prepared.book));
    // Composition is over: the title dictionary's pages are given back, and the faces' (each
    // is read again as the output subsets it, one at a time: the peak memory is then that of
    // one face's glyphs, not of every face's pages composition touched as well).
    prepared.book.release_pages(&[crate::compose::words::dictionary()]);
    let metadata = metadata::metadata(document, outline, options.created);
    Ok(Laid { pages, metadata, warnings, setting_warnings, census })
}

/// The error for what the page check found, naming the layout file; for a rule or a frame
/// drawn over text, at the key that draws it when only one key draws that kind of shape that
/// thick (the page check knows a shape by its geometry only).
fn page_fault(fault: &Fault, document: &Document, layout: &Layout) -> BuildError {
    let file = if layout.dir.is_some() { document.layout.as_str() } else { "the layout" };
    let (hint, key) = match fault {
        Fault::Covered { shape, width, .. } => (
            "move the rule or frame off the text, or make it thinner",
            shape_key(layout, *shape, *width).filter(|_| layout.dir.is_some()),
        ),
        Fault::Outside { .. } | Fault::Overlap { .. } => {
            ("the layout puts these in the same place: check its masthead baselines, sizes and margins", None)
        }
    };
    match key {
        Some(key) => BuildError::Layout(layout::error_at(file, key, &fault.to_string(), hint)),
        None => BuildError::Input(Diagnostic::file(file, fault.to_string()).with_hint(hint)),
    }
}

/// The layout key that gives shapes of this kind their line width `width`, when exactly one
/// key does.
fn shape_key(layout: &Layout, shape: Shape, width: f64) -> Option<&'static str> {
    let frames = [("notes.rule_thickness", &layout.notes), ("contents.rule_thickness", &layout.contents.frame)];
    let drawn_as = |frame: Frame| {
        frames
            .into_iter()
            .filter(move |(_, spec): &(_, &FrameSpec)| spec.frame == frame)
            .map(|(k, s)| (k, s.rule_thickness))
    };
    let keys: Vec<(&'static str, f64)> = match shape {
        Shape::Rule => [
            ("masthead.rule_thickness", layout.masthead.rule_thickness),
            ("closing.outer_rule", layout.closing.outer_rule),
            ("closing.inner_rule", layout.closing.inner_rule),
        ]
        .into_iter()
        .chain(drawn_as(Frame::Rules))
        .collect(),
        Shape::Frame => drawn_as(Frame::Box).collect(),
        Shape::Fill => Vec::new(),
    };
    let mut matching = keys.iter().filter(|(_, w)| *w == width).map(|(k, _)| *k);
    match (matching.next(), matching.next()) {
        (Some(key), None) => Some(key),
        _ => None,
    }
}

/// Each article's first page (from 1), from the outline's article entries.
fn article_pages(outline: &[crate::page::Bookmark], articles: usize) -> Vec<usize> {
    let mut pages: Vec<usize> = outline.iter().filter(|b| b.level == 1).map(|b| b.page + 1).collect();
    pages.resize(articles, pages.last().copied().unwrap_or(1));
    pages
}

/// A PDF made in memory with a shared layout.
pub struct SharedPdf {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Warnings: characters printed as boxes, then layout faults.
    pub warnings: Vec<String>,
    /// Whether the issue needed fallback faces and so loaded a book of its own.
    pub own_fonts: bool,
}

/// Lays out a read issue and makes its PDF in memory with `shared`, prepared once for the
/// layout `document` names. Its book is used as it is when it has every character the issue
/// prints; otherwise the issue loads a book of its own and adds fallback faces to it, exactly
/// as a single build does — so the PDF is the same bytes either way.
pub fn make_pdf_shared(
    issue: &Issue,
    document: &Document,
    shared: &Prepared,
    options: &BuildOptions,
) -> Result<SharedPdf, BuildError> {
    let (own, glyph_warnings) = if shared.covers(document) {
        (None, Vec::new())
    } else {
        let mut own = Prepared::for_issue(issue, document)?;
        let warnings = fallbacks(document, &mut own, options)?;
        (Some(own), warnings)
    };
    let prepared = own.as_ref().unwrap_or(shared);
    let laid = lay_out(document, prepared, options)?;
    let bytes = write_pdf_with(&laid.pages, &laid.metadata, &prepared.book, &options.pdf).map_err(BuildError::Pdf)?;
    let warnings = glyph_warnings
        .into_iter()
        .chain(laid.setting_warnings)
        .chain(laid.warnings.iter().map(ToString::to_string))
        .collect();
    Ok(SharedPdf { bytes, pages: laid.pages.len(), warnings, own_fonts: own.is_some() })
}
