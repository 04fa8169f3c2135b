//! Pictures: decoded samples (and the original JPEG, which outputs may embed as it is).

use std::sync::Arc;

use super::tag::Tag;

/// The colour space of a picture's samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PixelSpace {
    /// One grey component (0 black, 255 white).
    Gray,
    /// Red, green, blue.
    Rgb,
    /// Cyan, magenta, yellow, black (0 no ink, 255 full ink).
    Cmyk,
}

impl PixelSpace {
    /// Components per pixel.
    pub fn components(self) -> usize {
        match self {
            PixelSpace::Gray => 1,
            PixelSpace::Rgb => 3,
            PixelSpace::Cmyk => 4,
        }
    }
}

/// A decoded picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Where it came from, for messages and metadata (a file name).
    pub name: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The samples' colour space.
    pub space: PixelSpace,
    /// 8-bit samples, row by row, alpha already flattened on white.
    pub samples: Vec<u8>,
    /// The original JPEG file, when the picture is one whose samples an output may take
    /// from it unchanged (baseline or progressive, not inverted CMYK).
    pub jpeg: Option<Vec<u8>>,
    /// The picture's own ICC profile, if it carries one.
    pub icc: Option<Vec<u8>>,
}

impl Picture {
    /// What identifies the picture's content (outputs write each distinct picture once): a
    /// hash of its size, colour space, data and profile.
    pub fn content_key(&self) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(&self.width.to_le_bytes());
        h.update(&self.height.to_le_bytes());
        h.update(&[self.space.components() as u8]);
        match &self.jpeg {
            Some(jpeg) => h.update(b"jpeg").update(jpeg),
            None => h.update(b"samples").update(&self.samples),
        };
        h.update(self.icc.as_deref().unwrap_or_default());
        *h.finalize().as_bytes()
    }
}

/// A picture placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Left edge, points.
    pub x: f64,
    /// Top edge, points from the page top.
    pub y: f64,
    /// Width on the page, points.
    pub width: f64,
    /// Height on the page, points.
    pub height: f64,
    /// The picture (shared: one picture may be drawn more than once).
    pub picture: Arc<Picture>,
    /// Its place in the document's structure.
    pub tag: Tag,
    /// Alternative text (the caption), for tagged output.
    pub alt: String,
}
