//! Paint: a process colour (CMYK) or a named spot ink with its CMYK stand-in.

use std::sync::Arc;

/// A process colour (CMYK, each component 0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cmyk {
    /// Cyan.
    pub c: f64,
    /// Magenta.
    pub m: f64,
    /// Yellow.
    pub y: f64,
    /// Black.
    pub k: f64,
}

impl Cmyk {
    /// 100 % black ink only (never rich black).
    pub const BLACK: Cmyk = Cmyk { c: 0.0, m: 0.0, y: 0.0, k: 1.0 };

    /// No ink at all (paper white).
    pub const WHITE: Cmyk = Cmyk { c: 0.0, m: 0.0, y: 0.0, k: 0.0 };

    /// Whether this is black ink alone, at any tint (what prepress lets overprint).
    pub fn is_black_only(&self) -> bool {
        self.c == 0.0 && self.m == 0.0 && self.y == 0.0 && self.k > 0.0
    }
}

/// A spot ink (a Separation in the PDF): its name and the process colour that stands in for
/// it on a four-colour device.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// The ink's name as the print shop knows it, e.g. `PANTONE 485 C`.
    pub name: String,
    /// Its CMYK equivalent.
    pub alternate: Cmyk,
}

/// How something is painted.
#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    /// Process colour.
    Process(Cmyk),
    /// A spot ink at full tint.
    Spot(Arc<Spot>),
}

impl Paint {
    /// Black ink.
    pub const BLACK: Paint = Paint::Process(Cmyk::BLACK);

    /// The process colour this paint looks like (a spot ink's alternate).
    pub fn cmyk(&self) -> Cmyk {
        match self {
            Paint::Process(c) => *c,
            Paint::Spot(spot) => spot.alternate,
        }
    }
}
