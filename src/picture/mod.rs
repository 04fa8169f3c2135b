//! Reading pictures for figures: a JPEG (grey, RGB, CMYK or YCCK; baseline or progressive)
//! or a PNG (any colour type and depth, alpha flattened on white) into a page-model
//! [`Picture`], with its ICC profile when it carries one. JPEGs that outputs may embed as
//! they are (grey and YCbCr ones) keep their bytes.

mod jpeg;
mod png;

use std::path::Path;

use crate::page::Picture;

/// The largest picture file read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The most pixels a picture may have (its samples are held in memory).
pub const MAX_PIXELS: u64 = 60_000_000;

/// Why a picture cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureError(pub String);

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads and decodes the picture at `path`; `name` is what it is called in messages.
pub fn read_picture(path: &Path, name: &str) -> Result<Picture, PictureError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PictureError(format!("no picture file `{}`", path.display())),
        _ => PictureError(format!("cannot read `{}`: {e}", path.display())),
    })?;
    if !meta.is_file() {
        return Err(PictureError(format!("`{}` is not a regular file", path.display())));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(PictureError(format!(
            "`{}` is over the limit of {} MiB for a picture",
            path.display(),
            MAX_FILE_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| PictureError(format!("cannot read `{}`: {e}", path.display())))?;
    decode(&bytes, name)
}

/// Decodes a JPEG or PNG file's bytes.
pub fn decode(bytes: &[u8], name: &str) -> Result<Picture, PictureError> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => jpeg::decode(bytes, name),
        [0x89, b'P', b'N', b'G', ..] => png::decode(bytes, name),
        _ => Err(PictureError(format!("`{name}` is neither a JPEG nor a PNG picture"))),
    }
}

/// Fails for a picture with no pixels or too many.
fn check_size(name: &str, width: u32, height: u32) -> Result<(), PictureError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels == 0 {
        return Err(PictureError(format!("`{name}` has no pixels")));
    }
    if pixels > MAX_PIXELS {
        return Err(PictureError(format!(
            "`{name}` has {width} × {height} pixels, over the limit of {} million",
            MAX_PIXELS / 1_000_000
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
