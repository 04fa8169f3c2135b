//! A PNG for a picture that is not a JPEG kept as it is: 8-bit grey or RGB, unfiltered rows,
//! zlib at a fixed level, the picture's ICC profile in `iCCP`. PNG has no CMYK: CMYK samples
//! are turned into RGB by the naive formula (their profile cannot go with them).

use crate::page::{Picture, PixelSpace};

/// The zlib level of the image data.
const LEVEL: u8 = 6;

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
    let (colour_type, rgb): (u8, Option<Vec<u8>>) = match picture.space {
        PixelSpace::Gray => (0, None),
        PixelSpace::Rgb => (2, None),
        PixelSpace::Cmyk => (2, Some(cmyk_to_rgb(&picture.samples))),
    };
    let samples = rgb.as_deref().unwrap_or(&picture.samples);
    let row = w * if colour_type == 0 { 1 } else { 3 };
    let mut raw = Vec::with_capacity((row + 1) * h);
    for line in samples.chunks_exact(row) {
        raw.push(0);
        raw.extend_from_slice(line);
    }

    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&picture.width.to_be_bytes());
    ihdr.extend_from_slice(&picture.height.to_be_bytes());
    ihdr.extend_from_slice(&[8, colour_type, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    if let (Some(icc), None) = (&picture.icc, &rgb) {
        let mut iccp = b"ICC profile\0\0".to_vec();
        iccp.extend(miniz_oxide::deflate::compress_to_vec_zlib(icc, LEVEL));
        chunk(&mut png, b"iCCP", &iccp);
    }
    chunk(&mut png, b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&raw, LEVEL));
    chunk(&mut png, b"IEND", &[]);
    Ok(png)
}

/// CMYK samples (0 no ink) as RGB: each channel is paper less its ink and the black.
fn cmyk_to_rgb(samples: &[u8]) -> Vec<u8> {
    samples
        .chunks_exact(4)
        .flat_map(|p| {
            let k = 255 - u32::from(p[3]);
            [0, 1, 2].map(|i| ((255 - u32::from(p[i])) * k / 255) as u8)
        })
        .collect()
}

/// Appends a chunk: length, type, data, CRC of type and data.
fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32fast::hash(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(space: PixelSpace, width: u32, height: u32, samples: Vec<u8>) -> Picture {
        Picture { name: "p".into(), width, height, space, samples, jpeg: None, icc: None }
    }

    #[test]
    fn ofd_png_has_its_chunks_and_pixels() {
        let png = encode(&picture(PixelSpace::Rgb, 2, 1, vec![255, 0, 0, 0, 0, 255])).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(&png[16..29], &[0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let idat = png.windows(4).position(|w| w == b"IDAT").unwrap_or(0);
        let len = u32::from_be_bytes([png[idat - 4], png[idat - 3], png[idat - 2], png[idat - 1]]) as usize;
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&png[idat + 4..idat + 4 + len]).unwrap_or_default();
        assert_eq!(raw, vec![0, 255, 0, 0, 0, 0, 255]);
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn ofd_png_refuses_bad_samples_and_converts_cmyk() {
        assert!(encode(&picture(PixelSpace::Gray, 2, 2, vec![0; 3])).is_err());
        assert!(encode(&picture(PixelSpace::Gray, 0, 2, vec![])).is_err());
        assert_eq!(cmyk_to_rgb(&[0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255]), vec![255, 255, 255, 0, 255, 255, 0, 0, 0]);
    }
}
