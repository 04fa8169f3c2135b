//! Setting the document's blocks: each block's text gets its role from the layout, is
//! composed into lines and becomes units (running text) or blocks (masthead, closing) for
//! `flow`. This is where a document, a layout and fonts meet.

mod article;
mod body;
mod closing;
mod contents;
mod figure;
mod fit;
mod folio;
mod frame;
mod heading;
mod masthead;
mod note;
mod precompose;
mod runs;
mod title;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::flow::Galley;
use crate::font::{FaceId, FontBook, FontError, load_face};
use crate::layout::{Layout, RoleName};
use crate::page::{Tag, TagKind};

pub use folio::folio;

/// The layout with its fonts loaded: what setting a block needs.
pub struct Setter<'a> {
    /// The layout.
    pub layout: &'a Layout,
    /// The faces.
    pub book: &'a FontBook,
    /// Face ids by the layout's font keys.
    pub faces: &'a BTreeMap<String, FaceId>,
    /// The number the next structure element gets (elements are numbered in reading order).
    elements: Cell<u32>,
    /// What setting found worth reporting (low-resolution pictures).
    warnings: RefCell<Vec<Diagnostic>>,
}

impl<'a> Setter<'a> {
    /// A setter for the layout and its loaded faces.
    pub fn new(layout: &'a Layout, book: &'a FontBook, faces: &'a BTreeMap<String, FaceId>) -> Self {
        Setter { layout, book, faces, elements: Cell::new(0), warnings: RefCell::new(Vec::new()) }
    }

    /// Records a warning.
    pub(super) fn warn(&self, warning: Option<Diagnostic>) {
        self.warnings.borrow_mut().extend(warning);
    }

    /// The warnings recorded so far, taken out.
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        std::mem::take(&mut *self.warnings.borrow_mut())
    }

    /// The face a layout font key names (every key is loaded with the layout: checked).
    pub(super) fn face(&self, key: &str) -> FaceId {
        self.faces.get(key).copied().unwrap_or(FaceId(0))
    }

    /// How far the em box of `role`'s face rises above the baseline, in ems (0.88 for the
    /// bundled faces).
    pub fn em_top(&self, role: RoleName) -> f64 {
        let face = self.book.face(self.face(&self.layout.role(role).font));
        face.em_top / f64::from(face.units_per_em)
    }

    /// How far the em box of `role`'s face reaches below the baseline, in ems (0.12 for the
    /// bundled faces).
    pub fn em_bottom(&self, role: RoleName) -> f64 {
        let face = self.book.face(self.face(&self.layout.role(role).font));
        -face.em_bottom / f64::from(face.units_per_em)
    }

    /// A tag for the next structure element of `kind`.
    pub(super) fn element(&self, kind: TagKind) -> Tag {
        let element = self.elements.get() + 1;
        self.elements.set(element);
        Tag { kind, element }
    }
}

/// Loads every font the layout names into a new book.
pub fn load_fonts(layout: &Layout) -> Result<(FontBook, BTreeMap<String, FaceId>), FontError> {
    let mut book = FontBook::new();
    let mut faces = BTreeMap::new();
    for (key, name) in &layout.fonts {
        let face = load_face(&layout.font_location(name)).map_err(|e| FontError { name: name.clone(), ..e })?;
        faces.insert(key.clone(), book.add(face));
    }
    Ok((book, faces))
}

/// Sets the whole document into a galley (the contents box, if any, without page numbers);
/// fails, naming the manifest value, when a text does not fit its slot (see the `fit`
/// module), a block is taller than a page, or a line runs past its measure.
pub fn set_document(doc: &Document, setter: &Setter) -> Result<Galley, Diagnostic> {
    set_document_with(doc, setter, None)
}

/// Sets the whole document into a galley, the contents box with each article's first page
/// (from 1) when `pages` gives them.
pub fn set_document_with(doc: &Document, setter: &Setter, pages: Option<&[usize]>) -> Result<Galley, Diagnostic> {
    // The articles are composed on the pool while this thread sets the masthead (its first
    // runs make the shaping plans of faces the articles may not use).
    let work = precompose::articles_work(doc, setter);
    let mut composed = None;
    let masthead = match crate::parallel::within_build() {
        true => rayon::in_place_scope(|scope| {
            scope.spawn(|_| composed = Some(work.compose(setter.book)));
            masthead::set_masthead(&doc.masthead, setter, doc)
        }),
        false => masthead::set_masthead(&doc.masthead, setter, doc),
    };
    let mut masthead = masthead?;
    let width = setter.layout.type_width();
    let pitch = setter.layout.grid.line_pitch;
    let mut spans_below: Vec<(Vec<crate::page::Item>, usize)> = Vec::new();
    if let Some(note) = &doc.editor_note {
        spans_below.push(note::set_note(note, setter, 0.0, width));
    }
    if doc.contents {
        spans_below.push(contents::set_contents(doc, setter, 0.0, width, pages));
    }
    for (items, lines) in spans_below {
        let dy = masthead.lines as f64 * pitch;
        masthead.items.extend(crate::page::translate(&items, 0.0, dy));
        masthead.lines += lines;
    }
    if masthead.lines >= setter.layout.grid.lines {
        let message = format!(
            "the masthead, the editor's note and the contents take {} lines but page 1 holds {}",
            masthead.lines, setter.layout.grid.lines
        );
        let at = doc.editor_note.as_ref().map_or(&doc.masthead.title, |n| &n.label);
        return Err(doc.diagnostic(at, 0, message).with_hint("shorten the editor's note"));
    }
    let mut units = Vec::new();
    let composed = composed.unwrap_or_else(|| work.compose(setter.book));
    for (i, (article, composed)) in doc.articles.iter().zip(composed).enumerate() {
        units.extend(article::set_article(article, i, setter, i == 0, doc, composed)?);
    }
    let closing = closing::set_closing(&doc.closing, setter, doc)?;
    // Level-1 headings get outline entries under their article's.
    let marks = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| match u.items.first() {
            Some(crate::page::Item::Text(run)) if run.tag.kind == crate::page::TagKind::Heading(1) => {
                let text: String = u
                    .items
                    .iter()
                    .filter_map(|it| match it {
                        crate::page::Item::Text(r) => Some(r.text()),
                        _ => None,
                    })
                    .collect();
                Some((i, text))
            }
            _ => None,
        })
        .collect();
    Ok(Galley {
        masthead,
        units,
        closing,
        titles: doc.articles.iter().map(|a| a.title.to_string()).collect(),
        marks,
        em_top: setter.em_top(RoleName::Body),
    })
}
