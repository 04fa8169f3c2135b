//! Writing one page object: its boxes, resources and content stream.

use pdf_writer::{Filter, Finish, Name, Pdf, Ref};

use super::content::{Context, Drawn, page_content};
use super::deflate_text;
use super::geometry::Geometry;
use super::ink::Inks;
use crate::page::Page;

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

/// The graphics states pages may use: overprint on (nonzero mode) and off.
#[derive(Debug, Clone, Copy)]
pub(super) struct States {
    /// `GSop`.
    pub overprint: Ref,
    /// `GSko`.
    pub knockout: Ref,
}

/// Draws the content stream of a page, compressed (pages are drawn on several threads).
pub(super) fn draw_page(page: &Page, refs: &PageRefs, cx: &Context) -> Drawn {
    let mut drawn = page_content(page, cx, &refs.geometry);
    drawn.content = deflate_text(&drawn.content);
    drawn
}

/// Writes the page object (number `index`, its key in the parent tree) and its content
/// stream, `drawn` by [`draw_page`].
pub(super) fn write_page(
    pdf: &mut Pdf,
    drawn: &Drawn,
    index: usize,
    refs: &PageRefs,
    parent: Ref,
    cx: &Context,
    states: States,
) {
    let g = &refs.geometry;
    let mut obj = pdf.page(refs.page);
    obj.parent(parent).media_box(g.media_box()).trim_box(g.trim_box()).contents(refs.content);
    if let Some(bleed) = g.bleed_box() {
        obj.bleed_box(bleed);
    }
    obj.struct_parents(i32::try_from(index).unwrap_or(i32::MAX));
    let mut resources = obj.resources();
    let mut font_dict = resources.fonts();
    for (name, id) in &drawn.fonts {
        font_dict.pair(Name(name.as_bytes()), *id);
    }
    font_dict.finish();
    if !drawn.images.is_empty() {
        let mut images = resources.x_objects();
        for (name, id) in &drawn.images {
            images.pair(Name(name.as_bytes()), *id);
        }
    }
    if !drawn.inks.is_empty() {
        let mut spaces = resources.color_spaces();
        for &ink in &drawn.inks {
            spaces.pair(Name(Inks::resource(ink).as_bytes()), cx.inks.id(ink));
        }
    }
    if !drawn.states.is_empty() {
        let mut gs = resources.ext_g_states();
        for &name in &drawn.states {
            let id = if name == super::state::OVERPRINT { states.overprint } else { states.knockout };
            gs.pair(Name(name.as_bytes()), id);
        }
    }
    resources.finish();
    obj.finish();
    pdf.stream(refs.content, &drawn.content).filter(Filter::FlateDecode);
}

/// Writes the two graphics states.
pub(super) fn write_states(pdf: &mut Pdf, states: States) {
    pdf.ext_graphics(states.overprint)
        .overprint(true)
        .overprint_fill(true)
        .overprint_mode(pdf_writer::types::OverprintMode::IgnoreZeroChannel);
    pdf.ext_graphics(states.knockout).overprint(false).overprint_fill(false);
}
