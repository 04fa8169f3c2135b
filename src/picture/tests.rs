//! The test pictures of tests/data/pictures (made by Pillow, see make.py there), decoded.

use std::path::{Path, PathBuf};

use super::*;
use crate::page::PixelSpace;

/// A test picture's path.
fn file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pictures").join(name)
}

/// The picture and its samples at the left and right halves' centres.
fn read(name: &str) -> (Picture, Vec<u8>, Vec<u8>) {
    let p = read_picture(&file(name), name).unwrap_or_else(|e| panic!("{e}"));
    let n = p.space.components();
    let at = |x: usize, y: usize| p.samples[(y * p.width as usize + x) * n..][..n].to_vec();
    let (left, right) = (at(6, 8), at(18, 8));
    (p, left, right)
}

/// Whether two sample vectors are within `tol` of each other (JPEG is lossy).
fn near(a: &[u8], b: &[u8], tol: u8) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.abs_diff(*y) <= tol)
}

#[test]
fn jpegs_of_every_colour_space() {
    for name in ["rgb.jpg", "rgb-progressive.jpg"] {
        let (p, left, right) = read(name);
        assert_eq!((p.width, p.height, p.space), (24, 16, PixelSpace::Rgb));
        assert!(near(&left, &[200, 30, 40], 12) && near(&right, &[20, 60, 220], 12), "{name}: {left:?} {right:?}");
        assert!(p.jpeg.is_some(), "an RGB JPEG is embedded as it is");
    }
    let (p, left, right) = read("grey.jpg");
    assert_eq!(p.space, PixelSpace::Gray);
    assert!(near(&left, &[40], 8) && near(&right, &[220], 8), "{left:?} {right:?}");
    // An Adobe CMYK JPEG: inverted channels read back as ink.
    let (p, left, right) = read("cmyk.jpg");
    assert_eq!(p.space, PixelSpace::Cmyk);
    assert!(near(&left, &[0, 204, 204, 0], 12) && near(&right, &[255, 0, 0, 0], 12), "{left:?} {right:?}");
    assert!(p.jpeg.is_none(), "a CMYK JPEG is set from its samples");
}

#[test]
fn pngs_flattened_on_white() {
    let (p, left, right) = read("rgba.png");
    assert_eq!(p.space, PixelSpace::Rgb);
    assert_eq!((left, right), (vec![255, 0, 0], vec![255, 255, 255]), "a transparent half is paper white");
    let (p, left, right) = read("grey-alpha.png");
    assert_eq!(p.space, PixelSpace::Gray);
    assert_eq!((left, right), (vec![0], vec![127]));
    let (p, _, _) = read("palette.png");
    assert_eq!(p.space, PixelSpace::Rgb);
    let (p, left, right) = read("grey16.png");
    assert_eq!((p.space, left, right), (PixelSpace::Gray, vec![0], vec![255]));
    assert!(p.jpeg.is_none());
}

#[test]
fn unreadable_pictures_are_errors() {
    assert!(read_picture(&file("missing.jpg"), "missing.jpg").unwrap_err().0.contains("no picture file"));
    assert!(decode(b"GIF89a....", "a.gif").unwrap_err().0.contains("neither a JPEG nor a PNG"));
    let truncated = std::fs::read(file("rgb.jpg")).map(|b| b[..b.len() / 3].to_vec()).unwrap_or_default();
    assert!(decode(&truncated, "cut.jpg").is_err());
    assert!(decode(&[0x89, b'P', b'N', b'G', 0, 0], "cut.png").is_err());
}
