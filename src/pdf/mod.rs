//! The last stage: pages of placed glyphs and rules → the bytes of a print-ready PDF.
//!
//! Fonts are subset and embedded as Type0/CIDFont with Identity-H and a ToUnicode CMap;
//! colours are DeviceCMYK; every stream is Flate-compressed. The output depends only on the
//! input (no clock, no hash-map order), so identical input gives identical bytes.

mod cmap;
mod content;
mod error;
mod font;
mod hash;
mod meta;
mod sfnt;
mod state;
mod text;
mod usage;
mod widths;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::flow::{Item, Metadata, Page};
use crate::font::{Face, FaceId, FontBook};

pub use error::PdfError;
use font::EmbeddedFont;

/// The zlib compression level of every stream (fixed, for reproducible output).
const LEVEL: u8 = 9;

/// Writes the pages as a PDF 1.6 file.
pub fn write_pdf(pages: &[Page], meta: &Metadata, fonts: &FontBook) -> Result<Vec<u8>, PdfError> {
    let mut next = Ref::new(1);
    let (catalog, tree, info) = (next.bump(), next.bump(), next.bump());

    let mut embedded = BTreeMap::new();
    for (id, used) in usage::collect(pages) {
        let face = lookup(fonts, id)?;
        embedded.insert(id, EmbeddedFont::new(id, face, &used, next.bump())?);
    }
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (next.bump(), next.bump())).collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 6);
    let mut cat = pdf.catalog(catalog);
    cat.pages(tree);
    if !meta.language.is_empty() {
        cat.lang(TextStr(&meta.language));
    }
    cat.finish();
    pdf.pages(tree).kids(page_ids.iter().map(|&(page, _)| page)).count(i32::try_from(pages.len()).unwrap_or(i32::MAX));

    for (page, &(id, content_id)) in pages.iter().zip(&page_ids) {
        let content = deflate(&content::page_content(page, &embedded));
        let bx = Rect::new(0.0, 0.0, num(page.width), num(page.height));
        let mut obj = pdf.page(id);
        obj.parent(tree).media_box(bx).trim_box(bx).contents(content_id);
        let mut resources = obj.resources();
        let mut font_dict = resources.fonts();
        for face in faces_on(page) {
            if let Some(font) = embedded.get(&face) {
                font_dict.pair(Name(font.resource.as_bytes()), font.type0);
            }
        }
        font_dict.finish();
        resources.finish();
        obj.finish();
        pdf.stream(content_id, &content).filter(Filter::FlateDecode);
    }

    for font in embedded.values() {
        font.write(&mut pdf, &mut next);
    }
    meta::write_info(&mut pdf, info, meta);
    let id = meta::file_id(pdf.as_bytes());
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

/// The face with this id, or an error if the book has no such face.
fn lookup(fonts: &FontBook, id: FaceId) -> Result<&Face, PdfError> {
    fonts.faces().find(|&(i, _)| i == id).map(|(_, face)| face).ok_or(PdfError::UnknownFace(id))
}

/// The faces a page's text runs use, in id order.
fn faces_on(page: &Page) -> BTreeSet<FaceId> {
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) if !run.glyphs.is_empty() => Some(run.face),
            _ => None,
        })
        .collect()
}

/// Zlib-compresses a stream for `/FlateDecode`.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, LEVEL)
}

/// Numbers beyond this magnitude are clamped (far outside any page, within PDF limits).
const MAX_NUM: f64 = 1.0e9;

/// A number as written to the file: rounded to three decimals and clamped; non-finite values
/// become 0.
fn num(v: f64) -> f32 {
    if v.is_finite() { ((v.clamp(-MAX_NUM, MAX_NUM) * 1000.0).round() / 1000.0) as f32 } else { 0.0 }
}
