//! The one length unit of the program: PostScript points (1/72 in), as `f64`.

/// Points per millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// Converts millimetres to points.
pub const fn mm(value: f64) -> f64 {
    value * PT_PER_MM
}

/// Converts points to millimetres.
pub const fn to_mm(points: f64) -> f64 {
    points / PT_PER_MM
}
