//! Colours: every paint is written in the document's one RGB colour space (sRGB, its profile
//! in the package), 8 bits a component, as the CMYK prints: through the PDF's output profile
//! (FOGRA39), as the previews show it. A spot ink is shown as its CMYK stand-in.
//!
//! Why not CMYK, which GB/T 33190 also allows: OFD is the archive's screen format, and
//! readers differ on CMYK — easyofd reads any colour's first three components as RGB, so CMYK
//! red (0 204 204 0) showed cyan. RGB values read alike everywhere; the print's CMYK is the
//! PDF's business.

use super::xml::Xml;
use crate::page::Paint;

/// The colour space's profile file in the resource folder.
pub(super) const PROFILE_FILE: &str = "sRGB.icc";

/// The colour's components as OFD writes them: `r g b`, each 0–255.
pub(super) fn value(paint: &Paint) -> String {
    let [r, g, b] = crate::png::paint_as_srgb(paint).unwrap_or_else(|_| naive(paint));
    format!("{r} {g} {b}")
}

/// The colour by the device formula (each channel is paper less its ink and the black): only
/// if the profile's transform failed, which `write_ofd` rules out before writing.
fn naive(paint: &Paint) -> [u8; 3] {
    let c = paint.cmyk();
    let ink = |v: f64| if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
    [c.c, c.m, c.y].map(|v| ((1.0 - ink(v)) * (1.0 - ink(c.k)) * 255.0).round() as u8)
}

/// Writes a colour element (`FillColor`, `StrokeColor`) in colour space `space`.
pub(super) fn write(xml: &mut Xml, element: &'static str, paint: &Paint, space: u32) {
    xml.open(element).attr("ColorSpace", space).attr("Value", value(paint)).close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Cmyk, Spot};
    use std::sync::Arc;

    fn rgb(paint: &Paint) -> Vec<u8> {
        value(paint).split(' ').filter_map(|v| v.parse().ok()).collect()
    }

    #[test]
    fn ofd_colours_are_rgb_as_printed() {
        assert_eq!(value(&Paint::Process(Cmyk::WHITE)), "255 255 255");
        let black = rgb(&Paint::BLACK);
        assert!(black.len() == 3 && black.iter().all(|&v| v < 70), "{black:?}");
        let red = rgb(&Paint::Process(Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 }));
        assert!(red[0] > 200 && red[1] < 120 && red[2] < 120, "masthead red is red: {red:?}");
        let odd = rgb(&Paint::Process(Cmyk { c: -1.0, m: 2.0, y: f64::NAN, k: 0.5 }));
        assert_eq!(odd.len(), 3, "out-of-range inks still give a colour");
        let spot = Spot { name: "PANTONE 485 C".into(), alternate: Cmyk { c: 0.0, m: 0.95, y: 1.0, k: 0.0 } };
        assert_eq!(value(&Paint::Spot(Arc::new(spot.clone()))), value(&Paint::Process(spot.alternate)));
        assert_eq!(naive(&Paint::Process(Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 })), [255, 51, 51]);
    }
}
