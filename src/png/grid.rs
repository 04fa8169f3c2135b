//! Where a glyph lands on the pixel grid. PDF viewers built on FreeType (poppler's
//! `pdftoppm`, Evince, Okular) draw each glyph from a bitmap whose origin sits on a whole
//! pixel row (the baseline is rounded down) and, unless the font's box is taller than 50
//! pixels, on a quarter pixel across (rounded down; whole pixels for larger type). The
//! preview does the same, so its text sits where those viewers show the PDF's: never more
//! than a pixel from the exact place. Numbers go through the PDF's own rounding first.
//!
//! Rules and boxes get the viewers' stroke adjustment: each edge moves to the nearest pixel
//! boundary (at least one pixel between two edges), so a thin rule shows as a crisp line of
//! whole pixels rather than a blur across three rows.

/// A glyph box taller than this many pixels is placed on whole pixels across.
const LARGE: i64 = 50;

/// Sub-pixel positions across for smaller type.
const FRACTIONS: f64 = 4.0;

/// A length as the PDF writes it: rounded to 0.001 pt (non-finite values become 0).
pub(super) fn as_written(v: f64) -> f64 {
    if v.is_finite() { (v * 1000.0).round() / 1000.0 } else { 0.0 }
}

/// Whether glyphs of a face whose box runs from `y_min` to `y_max` font units (of
/// `units_per_em`) are large at `pixels` per em: the box's height in whole pixels, as the
/// viewer measures it, is over 50.
pub(super) fn large(pixels: f64, y_min: f64, y_max: f64, units_per_em: f64) -> bool {
    let edge = |y: f64| (-pixels * y / units_per_em).trunc() as i64;
    (edge(y_min) - edge(y_max)).abs() + 3 > LARGE
}

/// The device position of a glyph origin at exact device position (`x`, `y`), in pixels.
pub(super) fn origin(x: f64, y: f64, large: bool) -> (f64, f64) {
    let fractions = if large { 1.0 } else { FRACTIONS };
    ((x * fractions).floor() / fractions, y.floor())
}

/// Edges `from` < `to` (device pixels) moved to the nearest pixel boundaries, at least one
/// pixel apart.
pub(super) fn adjust(from: f64, to: f64) -> (f64, f64) {
    let (a, b) = ((from + 0.5).floor(), (to + 0.5).floor());
    (a, if b <= a { a + 1.0 } else { b })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_glyphs_and_rules_snap_like_freetype_viewers() {
        assert_eq!(origin(10.3, 20.9, false), (10.25, 20.0));
        assert_eq!(origin(10.3, 20.9, true), (10.0, 20.0));
        assert_eq!(origin(-0.1, -0.1, false), (-0.25, -1.0));
        // Noto Serif CJK's box (−1049 to 1809 units): 10.5 pt at 100 dpi is 14.6 px a em,
        // a box of 15 + 26 + 3 = 44 px; 16 pt (22.2 px) makes 23 + 40 + 3 = 66 px.
        assert!(!large(14.583, -1049.0, 1809.0, 1000.0));
        assert!(large(22.222, -1049.0, 1809.0, 1000.0));
        assert_eq!(as_written(769.8904), 769.89);
        // A 2 pt rule at 100 dpi from 319.75 to 322.5 px covers rows 320–322; a hairline
        // still covers one row.
        assert_eq!(adjust(319.75, 322.5), (320.0, 323.0));
        assert_eq!(adjust(10.1, 10.2), (10.0, 11.0));
        assert_eq!(as_written(f64::NAN), 0.0);
    }
}
