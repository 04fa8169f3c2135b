//! Pictures: each distinct picture once as an image XObject, drawn by every placement.
//!
//! A JPEG the page model keeps is embedded as it is (`DCTDecode`); other pictures are their
//! samples, Flate-compressed. Colour: grey is `DeviceGray`; CMYK is `DeviceCMYK` (the output
//! intent's CMYK) or `ICCBased` with the picture's own profile; RGB is `ICCBased` with its own
//! profile or with sRGB (`srgb.rs`) in the archive files (PDF/A), never device RGB. In the
//! print files (PDF/X-4 and PDF/X-1a) RGB pictures are converted to the output intent's CMYK
//! (moxcms) from their own profile or sRGB, so the shop receives no RGB; under PDF/X-1a,
//! which takes no calibrated colour, so are pictures with a profile; and so are pictures
//! whose own profile is ICC version 4 under a PDF 1.4 standard.

use std::collections::BTreeMap;
use std::sync::Arc;

use moxcms::{ColorProfile, DataColorSpace, Layout, RenderingIntent, TransformOptions};
use pdf_writer::{Chunk, Filter, Finish, Ref};

use super::icc::OutputProfile;
use super::options::Standard;
use super::{PdfError, deflate};
use crate::page::{Item, Page, Picture, PixelSpace};

/// One distinct picture and its XObject.
struct Entry {
    /// The picture.
    picture: Arc<Picture>,
    /// Its image XObject.
    id: Ref,
}

/// The pictures of a document, in the order first drawn.
#[derive(Default)]
pub(super) struct Pictures {
    /// The distinct pictures.
    entries: Vec<Entry>,
    /// A picture's address → its entry (every placement of the same `Arc`).
    by_address: BTreeMap<usize, usize>,
}

/// How a picture's samples are written.
enum Space {
    /// DeviceGray.
    Gray,
    /// DeviceCMYK.
    Cmyk,
    /// ICCBased with the picture's own profile and this many components.
    Own(i32),
    /// ICCBased sRGB.
    Srgb,
}

impl Pictures {
    /// Collects the pictures the pages draw, giving each distinct one (by content) an id.
    pub(super) fn new(pages: &[Page], next: &mut Ref) -> Self {
        let mut out = Pictures::default();
        let mut by_content: BTreeMap<[u8; 32], usize> = BTreeMap::new();
        for item in pages.iter().flat_map(|p| &p.items) {
            let Item::Image(image) = item else { continue };
            let address = Arc::as_ptr(&image.picture) as usize;
            if out.by_address.contains_key(&address) {
                continue;
            }
            let index = *by_content.entry(image.picture.content_key()).or_insert_with(|| {
                out.entries.push(Entry { picture: image.picture.clone(), id: next.bump() });
                out.entries.len() - 1
            });
            out.by_address.insert(address, index);
        }
        out
    }

    /// The resource name and XObject of a picture collected before.
    pub(super) fn get(&self, picture: &Arc<Picture>) -> Option<(String, Ref)> {
        let index = *self.by_address.get(&(Arc::as_ptr(picture) as usize))?;
        Some((format!("Im{index}"), self.entries[index].id))
    }

    /// Writes the image XObjects (and the sRGB profile, when one is tagged with it), taking ids
    /// for profiles from `next`.
    pub(super) fn write(
        &self,
        chunk: &mut Chunk,
        next: &mut Ref,
        standard: Standard,
        profile: &OutputProfile,
    ) -> Result<(), PdfError> {
        let mut srgb_id = None;
        for entry in &self.entries {
            let p = &*entry.picture;
            let error = |reason: String| PdfError::Picture { name: p.name.clone(), reason };
            let n = p.space.components();
            let count = (p.width as usize).checked_mul(p.height as usize).and_then(|c| c.checked_mul(n));
            if p.width == 0 || p.height == 0 || count != Some(p.samples.len()) {
                return Err(error(format!(
                    "{} samples do not make {}×{} pixels of {n} components",
                    p.samples.len(),
                    p.width,
                    p.height
                )));
            }
            let (space, converted) = plan(p, standard, profile).map_err(error)?;
            let (data, filter) = match (&converted, &p.jpeg) {
                (Some(samples), _) => (deflate(samples), Filter::FlateDecode),
                (None, Some(jpeg)) => (jpeg.clone(), Filter::DctDecode),
                (None, None) => (deflate(&p.samples), Filter::FlateDecode),
            };
            let own = match space {
                Space::Own(_) => Some(next.bump()),
                _ => None,
            };
            if matches!(space, Space::Srgb) && srgb_id.is_none() {
                let id = next.bump();
                chunk.icc_profile(id, SRGB_COMPRESSED).n(3).filter(Filter::FlateDecode);
                srgb_id = Some(id);
            }
            let dims = |v: u32| i32::try_from(v).map_err(|_| error(format!("{v} pixels are too many")));
            let mut image = chunk.image_xobject(entry.id, &data);
            image.width(dims(p.width)?).height(dims(p.height)?).bits_per_component(8);
            image.filter(filter);
            match (&space, own, srgb_id) {
                (Space::Gray, ..) => image.color_space().device_gray(),
                (Space::Cmyk, ..) => image.color_space().device_cmyk(),
                (Space::Own(_), Some(id), _) | (Space::Srgb, _, Some(id)) => image.color_space().icc_based(id),
                _ => image.color_space().device_cmyk(),
            }
            image.finish();
            if let (Space::Own(n), Some(id), Some(icc)) = (&space, own, &p.icc) {
                chunk.icc_profile(id, &deflate(icc)).n(*n).filter(Filter::FlateDecode);
            }
        }
        Ok(())
    }
}

/// How a picture is written: its colour space, and its samples when they must be converted
/// (to the output intent's CMYK).
fn plan(p: &Picture, standard: Standard, profile: &OutputProfile) -> Result<(Space, Option<Vec<u8>>), String> {
    let own = p.icc.as_deref().and_then(|icc| ColorProfile::new_from_slice(icc).ok()).filter(|icc| {
        matches!(
            (p.space, icc.color_space),
            (PixelSpace::Gray, DataColorSpace::Gray)
                | (PixelSpace::Rgb, DataColorSpace::Rgb)
                | (PixelSpace::Cmyk, DataColorSpace::Cmyk)
        )
    });
    let own_version = p.icc.as_ref().and_then(|icc| icc.get(8)).copied().unwrap_or(0);
    let own_usable = own.is_some() && !(standard.pdf_1_4() && own_version > 2);
    let to_cmyk = |from: ColorProfile| convert(p, &from, profile).map(|s| (Space::Cmyk, Some(s)));
    match (p.space, standard) {
        (PixelSpace::Gray, Standard::PdfX1a) => Ok((Space::Gray, None)),
        (PixelSpace::Cmyk, Standard::PdfX1a) => match own {
            Some(own) => to_cmyk(own),
            None => Ok((Space::Cmyk, None)),
        },
        // The print files: the shop receives CMYK only, converted from the picture's own
        // profile (sRGB when it has none) to the output intent's.
        (PixelSpace::Rgb, Standard::PdfX1a | Standard::PdfX4) => to_cmyk(own.unwrap_or_else(ColorProfile::new_srgb)),
        (space, _) if own_usable => Ok((Space::Own(space.components() as i32), None)),
        (PixelSpace::Gray, _) => Ok((Space::Gray, None)),
        (PixelSpace::Cmyk, _) => match own {
            Some(own) => to_cmyk(own),
            None => Ok((Space::Cmyk, None)),
        },
        (PixelSpace::Rgb, _) => match own {
            // A profile PDF 1.4 cannot take: the samples in the output intent's CMYK.
            Some(own) => to_cmyk(own),
            None => Ok((Space::Srgb, None)),
        },
    }
}

/// The sRGB profile of `srgb.rs`, zlib-compressed as a stream is (by `build.rs`, once).
pub(super) const SRGB_COMPRESSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/srgb.icc.zlib"));

/// Pixels converted at a time, to bound the floating-point buffers.
const BATCH: usize = 1 << 14;

/// The picture's samples converted from `from` into the output profile's CMYK (255 full ink),
/// relative colorimetric, in floating point (no run-time SIMD choice: the same bytes on every
/// machine).
fn convert(p: &Picture, from: &ColorProfile, profile: &OutputProfile) -> Result<Vec<u8>, String> {
    let to = ColorProfile::new_from_slice(profile.data()).map_err(|e| format!("output profile: {e:?}"))?;
    let layout = match p.space {
        PixelSpace::Gray => Layout::Gray,
        PixelSpace::Rgb => Layout::Rgb,
        PixelSpace::Cmyk => Layout::Rgba,
    };
    let options = TransformOptions { rendering_intent: RenderingIntent::RelativeColorimetric, ..Default::default() };
    let transform = from
        .create_transform_f32(layout, &to, Layout::Rgba, options)
        .map_err(|e| format!("cannot convert its colours to CMYK: {e:?}"))?;
    let n = p.space.components();
    let mut out = Vec::with_capacity(p.samples.len() / n * 4);
    let mut src = Vec::with_capacity(BATCH * n);
    let mut dst = vec![0.0f32; BATCH * 4];
    for chunk in p.samples.chunks(BATCH * n) {
        src.clear();
        src.extend(chunk.iter().map(|&v| f32::from(v) / 255.0));
        let pixels = chunk.len() / n;
        let dst = &mut dst[..pixels * 4];
        transform.transform(&src, dst).map_err(|e| format!("cannot convert its colours to CMYK: {e:?}"))?;
        out.extend(dst.iter().map(|&v| if v.is_finite() { (v.clamp(0.0, 1.0) * 255.0).round() as u8 } else { 0 }));
    }
    Ok(out)
}
