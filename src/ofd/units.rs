//! Units: the page model measures in points, OFD in millimetres. Every length is converted
//! here, once, to whole micrometres, so sums and differences are exact and the text written
//! is the same on every machine.

/// Lengths beyond this many micrometres (a kilometre) are clamped: far outside any page.
const MAX_UM: f64 = 1.0e9;

/// A length in whole micrometres.
pub(super) type Um = i64;

/// Converts points to whole micrometres (non-finite values become 0).
pub(super) fn um(points: f64) -> Um {
    let v = crate::units::to_mm(points) * 1000.0;
    if v.is_finite() { v.clamp(-MAX_UM, MAX_UM).round() as Um } else { 0 }
}

/// Writes micrometres as millimetres with at most three decimals: `12.5`, `0`, `-0.353`.
pub(super) fn mm(v: Um) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let (whole, frac) = (v.unsigned_abs() / 1000, v.unsigned_abs() % 1000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{frac:03}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Writes a box `x y width height` in millimetres.
pub(super) fn mm_box(x: Um, y: Um, width: Um, height: Um) -> String {
    format!("{} {} {} {}", mm(x), mm(y), mm(width), mm(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofd_points_become_micrometres() {
        assert_eq!(um(72.0), 25_400);
        assert_eq!(um(595.276), 210_000);
        assert_eq!(um(1.0), 353);
        assert_eq!(um(f64::NAN), 0);
        assert_eq!(um(f64::INFINITY), 0);
        assert_eq!(um(1.0e300), 1_000_000_000);
    }

    #[test]
    fn ofd_millimetres_are_written_short() {
        assert_eq!(mm(0), "0");
        assert_eq!(mm(210_000), "210");
        assert_eq!(mm(12_500), "12.5");
        assert_eq!(mm(353), "0.353");
        assert_eq!(mm(-353), "-0.353");
        assert_eq!(mm(-5), "-0.005");
        assert_eq!(mm(1_020), "1.02");
        assert_eq!(mm_box(0, 0, 210_000, 297_000), "0 0 210 297");
    }
}
