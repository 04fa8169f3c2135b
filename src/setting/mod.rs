//! Setting the document's blocks: each block's text gets its role from the layout, is
//! composed into lines and becomes units (running text) or blocks (masthead, closing) for
//! `flow`. This is where a document, a layout and fonts meet.

mod article;
mod body;
mod closing;
mod folio;
mod masthead;
mod runs;
mod title;

use std::collections::BTreeMap;

use crate::document::Document;
use crate::flow::Galley;
use crate::font::{FaceId, FontBook, FontError, load_face};
use crate::layout::Layout;

pub use folio::folio;

/// The layout with its fonts loaded: what setting a block needs.
pub struct Setter<'a> {
    /// The layout.
    pub layout: &'a Layout,
    /// The faces.
    pub book: &'a FontBook,
    /// Face ids by the layout's font keys.
    pub faces: &'a BTreeMap<String, FaceId>,
}

/// Loads every font the layout names into a new book.
pub fn load_fonts(layout: &Layout) -> Result<(FontBook, BTreeMap<String, FaceId>), FontError> {
    let mut book = FontBook::new();
    let mut faces = BTreeMap::new();
    for (key, name) in &layout.fonts {
        let id = book.add(load_face(name)?);
        faces.insert(key.clone(), id);
    }
    Ok((book, faces))
}

/// Sets the whole document into a galley.
pub fn set_document(doc: &Document, setter: &Setter) -> Galley {
    let mut units = Vec::new();
    for (i, article) in doc.articles.iter().enumerate() {
        units.extend(article::set_article(article, i, setter, i == 0));
    }
    Galley {
        masthead: masthead::set_masthead(&doc.masthead, setter),
        units,
        closing: closing::set_closing(&doc.closing, setter),
        titles: doc.articles.iter().map(|a| a.title.clone()).collect(),
    }
}
