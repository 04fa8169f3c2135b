//! Writing one page object: its boxes, resources and content stream.

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::{Filter, Finish, Name, Pdf, Ref};

use super::content::page_content;
use super::deflate;
use super::font::EmbeddedFont;
use super::geometry::Geometry;
use super::ink::{Ink, Inks};
use crate::font::FaceId;
use crate::page::{Item, Page};

/// Object ids and geometry of one page.
#[derive(Debug, Clone, Copy)]
pub(super) struct PageRefs {
    /// The page object.
    pub page: Ref,
    /// Its content stream.
    pub content: Ref,
    /// Its boxes.
    pub geometry: Geometry,
}

/// Writes the page object and its content stream; returns the separations the page uses.
pub(super) fn write_page(
    pdf: &mut Pdf,
    page: &Page,
    refs: &PageRefs,
    parent: Ref,
    fonts: &BTreeMap<FaceId, EmbeddedFont>,
    inks: &Inks,
) -> BTreeSet<Ink> {
    let g = &refs.geometry;
    let (content, used) = page_content(page, fonts, inks, g);
    let content = deflate(&content);
    let mut obj = pdf.page(refs.page);
    obj.parent(parent).media_box(g.media_box()).trim_box(g.trim_box()).contents(refs.content);
    if let Some(bleed) = g.bleed_box() {
        obj.bleed_box(bleed);
    }
    let mut resources = obj.resources();
    let mut font_dict = resources.fonts();
    for face in faces_on(page) {
        if let Some(font) = fonts.get(&face) {
            font_dict.pair(Name(font.resource.as_bytes()), font.type0);
        }
    }
    font_dict.finish();
    if !used.is_empty() {
        let mut spaces = resources.color_spaces();
        for &ink in &used {
            spaces.pair(Name(Inks::resource(ink).as_bytes()), inks.id(ink));
        }
    }
    resources.finish();
    obj.finish();
    pdf.stream(refs.content, &content).filter(Filter::FlateDecode);
    used
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
