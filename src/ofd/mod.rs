//! OFD output (GB/T 33190-2016, the fixed-layout format of Chinese e-government archives),
//! written from the same pages as the PDF.
//!
//! The package (a ZIP) holds `OFD.xml` with the document's `DocInfo`, `Doc_0/Document.xml`
//! with the pages and the outline, `PublicRes.xml` (the CMYK colour space with its FOGRA39
//! profile, and the fonts), `DocumentRes.xml` (pictures), one `Content.xml` per page, and the
//! resource files under `Doc_0/Res/`. Lengths are millimetres (see `units`). Each face is
//! embedded as a TrueType subset (see `fonts`, `ttf`); text keeps its composed positions
//! (see `text`). The bytes depend only on the input: no clock, fixed ZIP timestamps, fixed
//! order and compression, IDs counted in reading order, the document ID a hash of the parts.

mod bookmarks;
mod color;
mod docinfo;
mod document;
mod error;
mod fonts;
mod image;
mod pen;
mod png;
mod shapes;
mod text;
mod ttf;
mod units;
mod xml;
mod zip;

#[cfg(test)]
mod tests;

pub use error::OfdError;

use crate::font::FontBook;
use crate::page::{Metadata, Page};

/// What the OFD records that the page model's [`Metadata`] does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfdInfo {
    /// The classification (密级), e.g. `内部资料　注意保存`, written as custom data.
    pub classification: Option<String>,
}

/// Hands out the document's object IDs (`ST_ID`), one after another from 1.
struct Ids {
    /// The last ID given.
    last: u32,
}

impl Ids {
    /// A counter that has given nothing yet.
    fn new() -> Self {
        Ids { last: 0 }
    }

    /// The next ID.
    fn next(&mut self) -> u32 {
        self.last = self.last.saturating_add(1);
        self.last
    }
}

/// Writes the pages as an OFD package and returns its bytes.
pub fn write_ofd(pages: &[Page], meta: &Metadata, fonts: &FontBook, info: &OfdInfo) -> Result<Vec<u8>, OfdError> {
    let mut ids = Ids::new();
    let space = ids.next();
    let mut embedded = std::collections::BTreeMap::new();
    for (face, usage) in fonts::collect(pages) {
        let book_face = fonts.faces().find(|&(i, _)| i == face).map(|(_, f)| f).ok_or(OfdError::UnknownFace(face))?;
        embedded.insert(face, fonts::EmbeddedFont::new(ids.next(), book_face, &usage)?);
    }
    let pictures = image::Pictures::collect(pages, &mut ids)?;
    let page_ids: Vec<u32> = pages.iter().map(|_| ids.next()).collect();

    let doc = "Doc_0";
    let mut parts: Vec<(String, Vec<u8>, bool)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let content = document::page_xml(page, &mut ids, space, &embedded, &pictures);
        parts.push((format!("{doc}/{}", document::page_loc(i)), content, true));
    }
    let has_media = !pictures.media.is_empty();
    let head = vec![
        (
            format!("{doc}/Document.xml"),
            document::document_xml(pages, &page_ids, ids.last, space, has_media, &meta.bookmarks),
            true,
        ),
        (format!("{doc}/PublicRes.xml"), document::public_res(space, &embedded), true),
    ];
    parts.splice(0..0, head);
    if has_media {
        parts.insert(2, (format!("{doc}/DocumentRes.xml"), document::document_res(&pictures), true));
    }
    let res = format!("{doc}/{}", document::RES);
    parts.push((format!("{res}/{}", document::PROFILE_FILE), document::PROFILE.to_vec(), true));
    for font in embedded.values() {
        parts.push((format!("{res}/{}", font.file), font.data.clone(), true));
    }
    for m in &pictures.media {
        parts.push((format!("{res}/{}", m.file), m.data.clone(), false));
    }

    let mut hasher = blake3::Hasher::new();
    for (name, data, _) in &parts {
        hasher.update(name.as_bytes()).update(&(data.len() as u64).to_le_bytes()).update(data);
    }
    let doc_id: String = hasher.finalize().as_bytes()[..16].iter().map(|b| format!("{b:02x}")).collect();

    let mut zip = zip::Zip::default();
    zip.add("OFD.xml", &docinfo::ofd_xml(meta, info, &doc_id), true)?;
    for (name, data, compress) in &parts {
        zip.add(name, data, *compress)?;
    }
    zip.finish()
}
