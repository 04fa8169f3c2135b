//! Pictures: each distinct picture once as a `MultiMedia` resource — the original JPEG where
//! the page model keeps one, else a PNG of its samples — and each placement an `ImageObject`
//! stretched over its box.

use std::collections::BTreeMap;

use super::units::{mm, mm_box, um};
use super::xml::Xml;
use super::{Ids, OfdError};
use crate::page::{Image, Item, Page, Picture};

/// One picture as a file in the package.
pub(super) struct Media {
    /// Its resource ID.
    pub id: u32,
    /// The file's name inside the resource folder.
    pub file: String,
    /// `JPEG` or `PNG`.
    pub format: &'static str,
    /// The file.
    pub data: Vec<u8>,
}

/// Every distinct picture the pages draw, in the order first drawn.
#[derive(Default)]
pub(super) struct Pictures {
    /// The files.
    pub media: Vec<Media>,
    /// A picture's content hash → its index in `media`.
    index: BTreeMap<[u8; 32], usize>,
}

impl Pictures {
    /// Collects and encodes the pictures, giving them resource IDs from `ids`.
    pub(super) fn collect(pages: &[Page], ids: &mut Ids) -> Result<Self, OfdError> {
        let mut out = Pictures::default();
        for item in pages.iter().flat_map(|p| &p.items) {
            let Item::Image(image) = item else { continue };
            let key = image.picture.content_key();
            if out.index.contains_key(&key) {
                continue;
            }
            let id = ids.next();
            let (format, ext, data) = match &image.picture.jpeg {
                Some(jpeg) => ("JPEG", "jpg", jpeg.clone()),
                None => {
                    let png = super::png::encode(&image.picture)
                        .map_err(|reason| OfdError::Picture { name: image.picture.name.clone(), reason })?;
                    ("PNG", "png", png)
                }
            };
            out.index.insert(key, out.media.len());
            out.media.push(Media { id, file: format!("Image_{id}.{ext}"), format, data });
        }
        Ok(out)
    }

    /// The resource ID of a picture collected before.
    fn id(&self, picture: &Picture) -> Option<u32> {
        self.index.get(&picture.content_key()).map(|&i| self.media[i].id)
    }

    /// Writes an image placement (nothing for an empty box).
    pub(super) fn write(&self, xml: &mut Xml, ids: &mut Ids, image: &Image) {
        let (x, y, w, h) = (um(image.x), um(image.y), um(image.width), um(image.height));
        let Some(resource) = self.id(&image.picture) else { return };
        if w <= 0 || h <= 0 {
            return;
        }
        xml.open("ImageObject")
            .attr("ID", ids.next())
            .attr("Boundary", mm_box(x, y, w, h))
            .attr("CTM", format!("{} 0 0 {} 0 0", mm(w), mm(h)))
            .attr("ResourceID", resource)
            .close();
    }
}
