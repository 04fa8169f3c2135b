//! JPEG pictures, through zune-jpeg. CMYK and YCCK JPEGs written by Adobe applications keep
//! their inks inverted (an `Adobe` APP14 marker says so); they are turned into plain CMYK
//! samples here and not embedded as they are.

use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

use super::{PictureError, check_size};
use crate::page::{Picture, PixelSpace};

/// Decodes a JPEG.
pub(super) fn decode(bytes: &[u8], name: &str) -> Result<Picture, PictureError> {
    let bad = |e: &dyn std::fmt::Display| PictureError(format!("`{name}` is not a readable JPEG picture: {e}"));
    let mut headers = JpegDecoder::new(bytes);
    headers.decode_headers().map_err(|e| bad(&format!("{e:?}")))?;
    let info = headers.info().ok_or_else(|| bad(&"no frame header"))?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(name, width, height)?;
    let input = headers.get_input_colorspace().ok_or_else(|| bad(&"no colour space"))?;
    let (out, space) = match input {
        ColorSpace::Luma => (ColorSpace::Luma, PixelSpace::Gray),
        ColorSpace::CMYK => (ColorSpace::CMYK, PixelSpace::Cmyk),
        ColorSpace::YCCK => (ColorSpace::YCCK, PixelSpace::Cmyk),
        _ => (ColorSpace::RGB, PixelSpace::Rgb),
    };
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(out)
        .set_max_width(usize::from(info.width))
        .set_max_height(usize::from(info.height));
    let mut decoder = JpegDecoder::new_with_options(bytes, options);
    let mut samples = decoder.decode().map_err(|e| bad(&format!("{e:?}")))?;
    let expected = width as usize * height as usize * space.components();
    if samples.len() != expected {
        return Err(bad(&format!("{} samples for {width} × {height} pixels", samples.len())));
    }
    let inverted = adobe(bytes);
    match input {
        ColorSpace::YCCK => ycck_to_cmyk(&mut samples, inverted),
        ColorSpace::CMYK if inverted => samples.iter_mut().for_each(|v| *v = 255 - *v),
        _ => {}
    }
    // Grey and YCbCr JPEGs can be embedded as they are; CMYK ones were changed above.
    let jpeg = matches!(space, PixelSpace::Gray | PixelSpace::Rgb).then(|| bytes.to_vec());
    Ok(Picture { name: name.to_string(), width, height, space, samples, jpeg, icc: decoder.icc_profile() })
}

/// Whether the JPEG has an Adobe APP14 marker (so its CMYK or YCCK channels are inverted).
fn adobe(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        if marker == 0xDA || marker == 0xD9 {
            return false;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if marker == 0xEE && bytes.get(i + 4..i + 9) == Some(b"Adobe") {
            return true;
        }
        i += 2 + len;
    }
    false
}

/// YCCK samples (Y, Cb, Cr of the inverted C, M, Y; K) to CMYK, 255 = full ink.
fn ycck_to_cmyk(samples: &mut [u8], inverted: bool) {
    let clamp = |v: f64| v.round().clamp(0.0, 255.0) as u8;
    for px in samples.chunks_exact_mut(4) {
        let (y, cb, cr) = (f64::from(px[0]), f64::from(px[1]) - 128.0, f64::from(px[2]) - 128.0);
        let r = clamp(y + 1.402 * cr);
        let g = clamp(y - 0.344_136 * cb - 0.714_136 * cr);
        let b = clamp(y + 1.772 * cb);
        // The colour channels were stored as 255 − ink before the transform.
        px[0] = 255 - r;
        px[1] = 255 - g;
        px[2] = 255 - b;
        if inverted {
            px[3] = 255 - px[3];
        }
    }
}
