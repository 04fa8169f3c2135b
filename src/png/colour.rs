//! CMYK as the print would look on screen: through the CMYK output profile the PDF names as
//! its output intent (FOGRA39, see `icc/`), relative colorimetric (paper white becomes screen
//! white, inks keep their measured colour, so 100 % black is the dark grey of real ink), into
//! sRGB.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use moxcms::{ColorProfile, Layout, RenderingIntent, TransformF32Executor, TransformOptions};

use super::PreviewError;
use crate::page::{Cmyk, Paint};

/// The output intent's profile: the same file `src/pdf/intent.rs` embeds in every PDF.
static PROFILE: &[u8] = include_bytes!("../../icc/FOGRA39L_coated.icc");

/// The transform from the profile's CMYK to sRGB, in floating point for paints and pictures
/// alike (moxcms's 8-bit tables clip out-of-gamut inks differently: solid cyan came out
/// 18/161/215 instead of the 0/161/228 that lcms2 and the floating-point path give).
type Transform = Arc<TransformF32Executor>;

/// The transform, made once per process (building the tables is the costly part).
fn transform() -> Result<&'static Transform, PreviewError> {
    static CELL: OnceLock<Result<Transform, String>> = OnceLock::new();
    CELL.get_or_init(make_transform).as_ref().map_err(|reason| PreviewError::Colour(reason.clone()))
}

/// Builds the transform, without run-time SIMD choices, so every machine gives the same
/// bytes.
fn make_transform() -> Result<Transform, String> {
    let cmyk = ColorProfile::new_from_slice(PROFILE).map_err(|e| format!("output profile: {e:?}"))?;
    let srgb = ColorProfile::new_srgb();
    let options = TransformOptions { rendering_intent: RenderingIntent::RelativeColorimetric, ..Default::default() };
    // moxcms takes four-component CMYK in the RGBA layout.
    cmyk.create_transform_f32(Layout::Rgba, &srgb, Layout::Rgb, options).map_err(|e| format!("{e:?}"))
}

/// 8-bit CMYK samples (255 full ink), four a pixel, as they print, in 8-bit sRGB.
pub(crate) fn cmyk_samples_as_srgb(samples: &[u8]) -> Result<Vec<u8>, PreviewError> {
    Proof::new()?.cmyk_samples(samples)
}

/// Samples converted at a time, to bound the floating-point buffers.
const BATCH: usize = 1 << 14;

/// A colour's components as the PDF writes them: clamped to 0–1 and rounded to three
/// decimals (non-finite values become 0).
fn as_written(color: Cmyk) -> [f32; 4] {
    [color.c, color.m, color.y, color.k]
        .map(|v| if v.is_finite() { ((v.clamp(0.0, 1.0) * 1000.0).round() / 1000.0) as f32 } else { 0.0 })
}

/// Converts the colours of one or more pages, remembering those of paints.
pub(super) struct Proof {
    /// The shared transform.
    transform: &'static Transform,
    /// sRGB (0–1) of each CMYK already seen, by the bits of its components as written.
    paints: HashMap<[u32; 4], [f32; 3]>,
}

impl Proof {
    /// A converter with the bundled output profile.
    pub(super) fn new() -> Result<Self, PreviewError> {
        Ok(Proof { transform: transform()?, paints: HashMap::new() })
    }

    /// The sRGB colour (components 0–1) that `paint` prints as; a spot ink shows as its CMYK
    /// stand-in, as it does in the PDF on a four-colour device.
    pub(super) fn paint(&mut self, paint: &Paint) -> Result<[f32; 3], PreviewError> {
        let cmyk = as_written(paint.cmyk());
        let key = cmyk.map(f32::to_bits);
        if let Some(rgb) = self.paints.get(&key) {
            return Ok(*rgb);
        }
        let mut rgb = [0.0f32; 3];
        self.transform.transform(&cmyk, &mut rgb).map_err(|e| PreviewError::Colour(format!("{e:?}")))?;
        let rgb = rgb.map(|v| if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 });
        self.paints.insert(key, rgb);
        Ok(rgb)
    }

    /// 8-bit CMYK samples (255 full ink), four a pixel, as 8-bit sRGB, three a pixel.
    pub(super) fn cmyk_samples(&self, samples: &[u8]) -> Result<Vec<u8>, PreviewError> {
        let pixels = samples.len() / 4;
        let mut rgb = Vec::with_capacity(pixels * 3);
        let (mut inks, mut out) = (Vec::with_capacity(BATCH * 4), vec![0.0f32; BATCH * 3]);
        for chunk in samples[..pixels * 4].chunks(BATCH * 4) {
            inks.clear();
            inks.extend(chunk.iter().map(|&v| f32::from(v) / 255.0));
            let out = &mut out[..chunk.len() / 4 * 3];
            self.transform.transform(&inks, out).map_err(|e| PreviewError::Colour(format!("{e:?}")))?;
            rgb.extend(out.iter().map(|&v| if v.is_finite() { (v.clamp(0.0, 1.0) * 255.0).round() as u8 } else { 0 }));
        }
        Ok(rgb)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb8(proof: &mut Proof, c: Cmyk) -> [u8; 3] {
        proof.paint(&Paint::Process(c)).map(|rgb| rgb.map(|v| (v * 255.0).round() as u8)).unwrap_or_default()
    }

    #[test]
    fn preview_paper_is_white_and_black_ink_is_dark_grey() {
        let mut proof = Proof::new().expect("the bundled profile converts");
        assert_eq!(rgb8(&mut proof, Cmyk::WHITE), [255, 255, 255]);
        let black = rgb8(&mut proof, Cmyk::BLACK);
        assert!(black.iter().all(|&v| (25..=60).contains(&v)), "{black:?}");
        let red = rgb8(&mut proof, Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 });
        assert!(red[0] > 200 && red[1] < 120 && red[2] < 120, "{red:?}");
        // Solid cyan as lcms2 shows it (0/161/228), and pictures the same as paint.
        let cyan = rgb8(&mut proof, Cmyk { c: 1.0, m: 0.0, y: 0.0, k: 0.0 });
        assert!(cyan.iter().zip([0, 161, 228]).all(|(a, b)| a.abs_diff(b) <= 2), "{cyan:?}");
        let samples = proof.cmyk_samples(&[0, 0, 0, 0, 0, 0, 0, 255, 0, 204, 204, 0, 255, 0, 0, 0]).expect("converts");
        assert_eq!(&samples[..3], &[255, 255, 255]);
        assert_eq!(&samples[3..], [black, red, cyan].concat());
    }
}
