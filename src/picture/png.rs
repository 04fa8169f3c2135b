//! PNG pictures, through the png crate: every colour type and depth to 8-bit grey or RGB,
//! alpha flattened on white (paper).

use png::{ColorType, Decoder, Transformations};

use super::{PictureError, check_size};
use crate::page::{Picture, PixelSpace};

/// Decodes a PNG.
pub(super) fn decode(bytes: &[u8], name: &str) -> Result<Picture, PictureError> {
    let bad = |e: &dyn std::fmt::Display| PictureError(format!("`{name}` is not a readable PNG picture: {e}"));
    let mut decoder = Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    let header = decoder.read_header_info().map_err(|e| bad(&e))?;
    let (width, height) = (header.width, header.height);
    check_size(name, width, height)?;
    let mut reader = decoder.read_info().map_err(|e| bad(&e))?;
    let icc = reader.info().icc_profile.as_ref().map(|p| p.to_vec());
    let mut buffer = vec![0; reader.output_buffer_size().ok_or_else(|| bad(&"too large"))?];
    let frame = reader.next_frame(&mut buffer).map_err(|e| bad(&e))?;
    let data = &buffer[..frame.buffer_size()];
    let pixels = width as usize * height as usize;
    // Alpha over white: v·a + 255·(1 − a).
    let over = |v: u8, a: u8| ((u32::from(v) * u32::from(a) + 255 * (255 - u32::from(a)) + 127) / 255) as u8;
    let (space, samples) = match frame.color_type {
        ColorType::Grayscale => (PixelSpace::Gray, data.to_vec()),
        ColorType::GrayscaleAlpha => (PixelSpace::Gray, data.chunks_exact(2).map(|p| over(p[0], p[1])).collect()),
        ColorType::Rgb => (PixelSpace::Rgb, data.to_vec()),
        ColorType::Rgba => (
            PixelSpace::Rgb,
            data.chunks_exact(4).flat_map(|p| [over(p[0], p[3]), over(p[1], p[3]), over(p[2], p[3])]).collect(),
        ),
        ColorType::Indexed => return Err(bad(&"an indexed picture the decoder did not expand")),
    };
    if samples.len() != pixels * space.components() {
        return Err(bad(&format!("{} samples for {width} × {height} pixels", samples.len())));
    }
    Ok(Picture { name: name.to_string(), width, height, space, samples, jpeg: None, icc })
}
