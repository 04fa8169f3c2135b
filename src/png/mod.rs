//! PNG previews of pages: a second output of the page model beside the PDF (not a PDF
//! rasteriser). Glyph outlines come from the fonts, rules, boxes and pictures from the
//! items, and CMYK is shown as it prints (through the PDF's output profile), so a preview
//! looks like the PDF opened in a viewer.
//!
//! A page of `width` × `height` points becomes ⌈width · dpi / 72⌉ × ⌈height · dpi / 72⌉
//! pixels, the size `pdftoppm -r DPI` gives the PDF's page. Drawing is pure: the same page
//! and fonts give the same PNG bytes.

mod colour;
mod draw;
mod encode;
mod error;
mod grid;
mod outline;
mod picture;
mod write;

#[cfg(test)]
mod tests;

use tiny_skia::{Color, Pixmap};

use crate::font::FontBook;
use crate::page::Page;

pub(crate) use colour::cmyk_samples_as_srgb;
pub use error::PreviewError;
pub use write::write_previews;

use draw::Renderer;

/// The lowest resolution a preview is drawn at, dots per inch.
pub const MIN_DPI: f32 = 10.0;

/// The highest resolution a preview is drawn at, dots per inch (an A4 page is then
/// 4961 × 7016 pixels).
pub const MAX_DPI: f32 = 600.0;

/// The resolution `jianbao preview` uses unless told otherwise (pdftoppm's default too).
pub const DEFAULT_DPI: f32 = 150.0;

/// The most pixels one page may have (400 MB while it is drawn).
const MAX_PIXELS: u64 = 100_000_000;

/// A drawn page: 8-bit sRGB, three bytes a pixel, row by row from the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Red, green and blue of each pixel.
    pub pixels: Vec<u8>,
}

/// The pixel size of `page` at `dpi`: each side rounded up, as pdftoppm sizes the PDF's page
/// (whose box is the page's size rounded to 0.001 pt).
pub fn pixel_size(page: &Page, dpi: f32) -> Result<(u32, u32), PreviewError> {
    if !(dpi.is_finite() && (MIN_DPI..=MAX_DPI).contains(&dpi)) {
        return Err(PreviewError::Dpi(dpi));
    }
    let too_large = || PreviewError::PageSize { width: page.width, height: page.height, dpi };
    let side = |points: f64| -> Option<u32> {
        let points = (points * 1000.0).round() / 1000.0;
        let pixels = (points * (f64::from(dpi) / 72.0)).ceil();
        (pixels.is_finite() && pixels >= 1.0 && pixels <= f64::from(u32::MAX)).then_some(pixels as u32)
    };
    let (w, h) = side(page.width).zip(side(page.height)).ok_or_else(too_large)?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(too_large());
    }
    Ok((w, h))
}

/// Draws `page` (set in `fonts`) at `dpi` and encodes it as PNG.
pub fn render_page(page: &Page, fonts: &FontBook, dpi: f32) -> Result<Vec<u8>, PreviewError> {
    let mut renderer = Renderer::new(fonts, scale(dpi))?;
    encode::encode(&pixmap(&mut renderer, page, dpi)?, dpi)
}

/// Draws every page at `dpi` and encodes each as PNG, reading each glyph's outline once.
pub fn render_pages(pages: &[Page], fonts: &FontBook, dpi: f32) -> Result<Vec<Vec<u8>>, PreviewError> {
    let mut renderer = Renderer::new(fonts, scale(dpi))?;
    pages.iter().map(|page| encode::encode(&pixmap(&mut renderer, page, dpi)?, dpi)).collect()
}

/// Draws `page` at `dpi` and returns its pixels (for comparing with other renderings).
pub fn render_rgb(page: &Page, fonts: &FontBook, dpi: f32) -> Result<RgbImage, PreviewError> {
    let mut renderer = Renderer::new(fonts, scale(dpi))?;
    let pixmap = pixmap(&mut renderer, page, dpi)?;
    Ok(RgbImage { width: pixmap.width(), height: pixmap.height(), pixels: encode::rgb(&pixmap) })
}

/// Device pixels per point at `dpi`.
fn scale(dpi: f32) -> f64 {
    f64::from(dpi) / 72.0
}

/// A paper-white pixmap of the page's size with the page drawn on it.
fn pixmap(renderer: &mut Renderer<'_>, page: &Page, dpi: f32) -> Result<Pixmap, PreviewError> {
    let (w, h) = pixel_size(page, dpi)?;
    let mut pixmap = Pixmap::new(w, h).ok_or(PreviewError::PageSize { width: page.width, height: page.height, dpi })?;
    pixmap.fill(Color::WHITE);
    renderer.draw(page, &mut pixmap)?;
    Ok(pixmap)
}
