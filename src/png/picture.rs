//! Pictures as screen pixels: samples converted to sRGB (CMYK through the output profile,
//! like CMYK paint) and, when a picture is much larger than its place on the page, reduced
//! by averaging whole blocks of pixels first so that the final smooth scaling does not alias.

use tiny_skia::{IntSize, Pixmap};

use super::PreviewError;
use super::colour::Proof;
use crate::page::{Picture, PixelSpace};

/// The picture's pixels as an opaque pixmap, about `width` × `height` device pixels or
/// larger; `None` when the picture is empty or its samples are fewer than its size says.
pub(super) fn pixmap(
    picture: &Picture,
    width: f64,
    height: f64,
    proof: &Proof,
) -> Result<Option<Pixmap>, PreviewError> {
    let (w, h) = (picture.width as usize, picture.height as usize);
    let Some(count) = w.checked_mul(h).filter(|&n| n > 0) else { return Ok(None) };
    let needed = count.checked_mul(picture.space.components());
    let Some(samples) = needed.and_then(|n| picture.samples.get(..n)) else { return Ok(None) };
    let rgb = match picture.space {
        PixelSpace::Gray => samples.iter().flat_map(|&v| [v, v, v]).collect(),
        PixelSpace::Rgb => samples.to_vec(),
        PixelSpace::Cmyk => proof.cmyk_samples(samples)?,
    };
    let fx = block(w, width);
    let fy = block(h, height);
    let (rgb, w, h) = if fx > 1 || fy > 1 { reduce(&rgb, w, h, fx, fy) } else { (rgb, w, h) };
    let rgba: Vec<u8> = rgb.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect();
    let size = u32::try_from(w).ok().zip(u32::try_from(h).ok()).and_then(|(w, h)| IntSize::from_wh(w, h));
    Ok(size.and_then(|size| Pixmap::from_vec(rgba, size)))
}

/// How many source pixels to average into one along an axis: the whole number of times the
/// source is larger than the target (at least 1).
fn block(source: usize, target: f64) -> usize {
    if target.is_finite() && target >= 1.0 { ((source as f64 / target).floor() as usize).max(1) } else { 1 }
}

/// Averages blocks of `fx` × `fy` RGB pixels (the last row and column of blocks may be
/// smaller); returns the pixels and their new size.
fn reduce(rgb: &[u8], w: usize, h: usize, fx: usize, fy: usize) -> (Vec<u8>, usize, usize) {
    let (nw, nh) = (w.div_ceil(fx), h.div_ceil(fy));
    let mut out = Vec::with_capacity(nw * nh * 3);
    let mut sums = vec![[0u32; 4]; nw];
    for by in 0..nh {
        sums.iter_mut().for_each(|s| *s = [0; 4]);
        for y in by * fy..((by + 1) * fy).min(h) {
            let row = &rgb[y * w * 3..(y + 1) * w * 3];
            for (x, p) in row.chunks_exact(3).enumerate() {
                let s = &mut sums[x / fx];
                s[0] += u32::from(p[0]);
                s[1] += u32::from(p[1]);
                s[2] += u32::from(p[2]);
                s[3] += 1;
            }
        }
        for s in &sums {
            let n = s[3].max(1);
            out.extend(s[..3].iter().map(|&v| ((v + n / 2) / n) as u8));
        }
    }
    (out, nw, nh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_reduces_large_pictures_by_averaging_blocks() {
        // 3 × 2 pixels: black, white, grey / white, black, grey.
        let rgb = [0, 0, 0, 255, 255, 255, 100, 100, 100, 255, 255, 255, 0, 0, 0, 100, 100, 100];
        let (out, w, h) = reduce(&rgb, 3, 2, 2, 2);
        assert_eq!((w, h), (2, 1));
        assert_eq!(out, [128, 128, 128, 100, 100, 100]);
        assert_eq!(block(1000, 100.0), 10);
        assert_eq!(block(100, 1000.0), 1);
        assert_eq!(block(100, f64::NAN), 1);
    }

    #[test]
    fn preview_skips_pictures_with_missing_samples() {
        let proof = Proof::new().expect("profile");
        let picture = Picture {
            name: "short.png".into(),
            width: 4,
            height: 4,
            space: PixelSpace::Rgb,
            samples: vec![0; 10],
            jpeg: None,
            icc: None,
        };
        assert!(pixmap(&picture, 4.0, 4.0, &proof).expect("no error").is_none());
        let gray = Picture { space: PixelSpace::Gray, samples: vec![0, 255, 0, 255], width: 2, height: 2, ..picture };
        let p = pixmap(&gray, 2.0, 2.0, &proof).expect("no error").expect("a pixmap");
        assert_eq!(p.pixel(1, 0).map(|c| (c.red(), c.alpha())), Some((255, 255)));
    }
}
