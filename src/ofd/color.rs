//! Colours: every paint is a CMYK colour in the document's one CMYK colour space, 8 bits a
//! component (0 no ink, 255 full ink). A spot ink is written as its CMYK stand-in: OFD colour
//! spaces are GRAY, RGB and CMYK only.

use super::xml::Xml;
use crate::page::Paint;

/// The colour's components as OFD writes them: `c m y k`, each 0–255.
pub(super) fn value(paint: &Paint) -> String {
    let c = paint.cmyk();
    let byte = |v: f64| if v.is_finite() { (v.clamp(0.0, 1.0) * 255.0).round() as u8 } else { 0 };
    format!("{} {} {} {}", byte(c.c), byte(c.m), byte(c.y), byte(c.k))
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

    #[test]
    fn ofd_colours_are_eight_bit_cmyk() {
        assert_eq!(value(&Paint::BLACK), "0 0 0 255");
        assert_eq!(value(&Paint::Process(Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 })), "0 204 204 0");
        assert_eq!(value(&Paint::Process(Cmyk { c: -1.0, m: 2.0, y: f64::NAN, k: 0.5 })), "0 255 0 128");
        let spot = Spot { name: "PANTONE 485 C".into(), alternate: Cmyk { c: 0.0, m: 0.95, y: 1.0, k: 0.0 } };
        assert_eq!(value(&Paint::Spot(Arc::new(spot))), "0 242 255 0");
    }
}
