//! A PNG for a picture that is not a JPEG kept as it is, written with the `png` crate: 8-bit
//! grey or RGB, the picture's ICC profile in `iCCP`. PNG has no CMYK: CMYK samples are shown
//! as they print, through the output profile into sRGB (as the previews show them), and the
//! PNG is then marked sRGB.

use ::png::{BitDepth, ColorType, DeflateCompression, Encoder, Info, SrgbRenderingIntent};

use crate::page::{Picture, PixelSpace};

/// Encodes the picture's samples, or says why they cannot be.
pub(super) fn encode(picture: &Picture) -> Result<Vec<u8>, String> {
    let (w, h) = (picture.width as usize, picture.height as usize);
    let n = picture.space.components();
    if w == 0 || h == 0 || picture.width > i32::MAX as u32 || picture.height > i32::MAX as u32 {
        return Err(format!("{}×{} pixels cannot be a PNG", picture.width, picture.height));
    }
    if w.checked_mul(h).and_then(|p| p.checked_mul(n)) != Some(picture.samples.len()) {
        return Err(format!("{} samples do not make {w}×{h} pixels of {n} components", picture.samples.len()));
    }
    let (color_type, rgb) = match picture.space {
        PixelSpace::Gray => (ColorType::Grayscale, None),
        PixelSpace::Rgb => (ColorType::Rgb, None),
        PixelSpace::Cmyk => {
            let rgb = crate::png::cmyk_samples_as_srgb(&picture.samples).map_err(|e| e.to_string())?;
            (ColorType::Rgb, Some(rgb))
        }
    };
    let mut info = Info::with_size(picture.width, picture.height);
    info.color_type = color_type;
    info.bit_depth = BitDepth::Eight;
    if rgb.is_none() {
        info.icc_profile = picture.icc.as_deref().map(|icc| icc.to_vec().into());
    }
    let mut bytes = Vec::new();
    let fail = |e: ::png::EncodingError| e.to_string();
    let mut encoder = Encoder::with_info(&mut bytes, info).map_err(fail)?;
    encoder.set_deflate_compression(DeflateCompression::Level(6));
    if rgb.is_some() {
        encoder.set_source_srgb(SrgbRenderingIntent::RelativeColorimetric);
    }
    let mut writer = encoder.write_header().map_err(fail)?;
    writer.write_image_data(rgb.as_deref().unwrap_or(&picture.samples)).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(space: PixelSpace, width: u32, height: u32, samples: Vec<u8>) -> Picture {
        Picture { name: "p".into(), width, height, space, samples, jpeg: None, icc: None }
    }

    /// Decodes a PNG into (colour type, 8-bit samples).
    fn decode(png: &[u8]) -> (ColorType, Vec<u8>) {
        let mut reader = ::png::Decoder::new(std::io::Cursor::new(png)).read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().unwrap_or(0)];
        let frame = reader.next_frame(&mut buf).expect("a frame");
        buf.truncate(frame.buffer_size());
        (frame.color_type, buf)
    }

    #[test]
    fn ofd_png_holds_the_pixels_and_profile() {
        let png = encode(&picture(PixelSpace::Rgb, 2, 1, vec![255, 0, 0, 0, 0, 255])).unwrap_or_default();
        assert_eq!(decode(&png), (ColorType::Rgb, vec![255, 0, 0, 0, 0, 255]));
        let mut grey = picture(PixelSpace::Gray, 1, 2, vec![7, 200]);
        grey.icc = Some(vec![1, 2, 3]);
        let png = encode(&grey).unwrap_or_default();
        assert_eq!(decode(&png), (ColorType::Grayscale, vec![7, 200]));
        let reader = ::png::Decoder::new(std::io::Cursor::new(&png)).read_info().expect("a PNG");
        assert_eq!(reader.info().icc_profile.as_deref(), Some(&[1u8, 2, 3][..]));
    }

    #[test]
    fn ofd_png_refuses_bad_samples_and_shows_cmyk_as_printed() {
        assert!(encode(&picture(PixelSpace::Gray, 2, 2, vec![0; 3])).is_err());
        assert!(encode(&picture(PixelSpace::Gray, 0, 2, vec![])).is_err());
        let png = encode(&picture(PixelSpace::Cmyk, 3, 1, vec![0, 0, 0, 0, 0, 204, 204, 0, 0, 0, 0, 255]))
            .unwrap_or_default();
        let (kind, rgb) = decode(&png);
        assert_eq!((kind, &rgb[..3]), (ColorType::Rgb, &[255u8, 255, 255][..]), "paper is white");
        assert!(rgb[3] > 200 && rgb[4] < 120 && rgb[5] < 120, "red ink is red: {rgb:?}");
        assert!(rgb[6..].iter().all(|&v| v < 70), "black ink is dark: {rgb:?}");
    }
}
