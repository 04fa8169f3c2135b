//! `Document.xml` (pages, common data, outline), the resource files and each page's
//! `Content.xml`.

use std::collections::BTreeMap;

use super::Ids;
use super::fonts::EmbeddedFont;
use super::image::Pictures;
use super::units::{mm_box, um};
use super::xml::Xml;
use super::{bookmarks, shapes, text};
use crate::font::FaceId;
use crate::page::{Bookmark, Item, Page};

/// The resource files' folder, relative to the document (their `BaseLoc`).
pub(super) const RES: &str = "Res";

/// The CMYK output profile the colours are meant for (FOGRA39, as in the PDF's output
/// intent), compiled into the program.
pub(super) const PROFILE: &[u8] = include_bytes!("../../icc/FOGRA39L_coated.icc");

/// The profile's file name in the resource folder.
pub(super) const PROFILE_FILE: &str = "FOGRA39L_coated.icc";

/// A page's content file, relative to the document.
pub(super) fn page_loc(index: usize) -> String {
    format!("Pages/Page_{index}/Content.xml")
}

/// The page box `0 0 width height` of a page.
fn physical_box(page: &Page) -> String {
    mm_box(0, 0, um(page.width).max(0), um(page.height).max(0))
}

/// Writes `Document.xml`.
pub(super) fn document_xml(
    pages: &[Page],
    page_ids: &[u32],
    max_id: u32,
    space: u32,
    has_media: bool,
    outline: &[Bookmark],
) -> Vec<u8> {
    let mut xml = Xml::new("Document");
    xml.open("CommonData").leaf("MaxUnitID", &max_id.to_string());
    let default = pages.first().map_or_else(|| "0 0 210 297".to_string(), physical_box);
    xml.open("PageArea").leaf("PhysicalBox", &default).close();
    xml.leaf("PublicRes", "PublicRes.xml");
    if has_media {
        xml.leaf("DocumentRes", "DocumentRes.xml");
    }
    xml.leaf("DefaultCS", &space.to_string());
    xml.close();
    xml.open("Pages");
    for (i, id) in page_ids.iter().enumerate() {
        xml.open("Page").attr("ID", id).attr("BaseLoc", page_loc(i)).close();
    }
    xml.close();
    bookmarks::write_outlines(&mut xml, outline, page_ids);
    xml.finish()
}

/// Writes `PublicRes.xml`: the CMYK colour space and the fonts.
pub(super) fn public_res(space: u32, fonts: &BTreeMap<FaceId, EmbeddedFont>) -> Vec<u8> {
    let mut xml = Xml::new("Res");
    xml.attr("BaseLoc", RES);
    xml.open("ColorSpaces")
        .open("ColorSpace")
        .attr("ID", space)
        .attr("Type", "CMYK")
        .attr("BitsPerComponent", 8)
        .attr("Profile", PROFILE_FILE)
        .close()
        .close();
    if !fonts.is_empty() {
        xml.open("Fonts");
        for font in fonts.values() {
            xml.open("Font").attr("ID", font.id).attr("FontName", &font.font_name).attr("FamilyName", &font.family);
            if font.bold {
                xml.attr("Bold", "true");
            }
            if font.serif {
                xml.attr("Serif", "true");
            }
            xml.leaf("FontFile", &font.file).close();
        }
        xml.close();
    }
    xml.finish()
}

/// Writes `DocumentRes.xml`: the pictures.
pub(super) fn document_res(pictures: &Pictures) -> Vec<u8> {
    let mut xml = Xml::new("Res");
    xml.attr("BaseLoc", RES).open("MultiMedias");
    for m in &pictures.media {
        xml.open("MultiMedia").attr("ID", m.id).attr("Type", "Image").attr("Format", m.format);
        xml.leaf("MediaFile", &m.file).close();
    }
    xml.finish()
}

/// Writes a page's `Content.xml`: one body layer with the items in reading order.
pub(super) fn page_xml(
    page: &Page,
    ids: &mut Ids,
    space: u32,
    fonts: &BTreeMap<FaceId, EmbeddedFont>,
    pictures: &Pictures,
) -> Vec<u8> {
    let mut xml = Xml::new("Page");
    xml.open("Area").leaf("PhysicalBox", &physical_box(page)).close();
    xml.open("Content").open("Layer").attr("ID", ids.next()).attr("Type", "Body");
    for item in &page.items {
        match item {
            Item::Text(run) => {
                if let Some(font) = fonts.get(&run.face) {
                    text::write_run(&mut xml, ids, run, font, space);
                }
            }
            Item::Rule(rule) => shapes::write_rule(&mut xml, ids, rule, space),
            Item::Rect(rect) => shapes::write_rect(&mut xml, ids, rect, space),
            Item::Image(image) => pictures.write(&mut xml, ids, image),
        }
    }
    xml.finish()
}
