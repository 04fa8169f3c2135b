//! Pictures: each image part read once, named by order of first use and by its content
//! (`images/image1.jpeg`, …) — never by the names inside the zip.

use std::collections::HashMap;

use super::Picture;
use super::error::DocxError;
use super::model::{Item, Seg};
use super::package::{MAX_UNPACKED, Package};

/// The folder, relative to the article text, that pictures are written to.
pub const FOLDER: &str = "images";

/// The pictures of a document, read.
#[derive(Debug, Default)]
pub(super) struct Loaded {
    /// Part name → the picture's file name, or why it could not be read.
    names: HashMap<String, Result<String, String>>,
    /// Warnings per part name, given where the picture is first placed.
    notes: HashMap<String, String>,
    /// The pictures in order.
    pub pictures: Vec<Picture>,
}

impl Loaded {
    /// The file name of the picture stored at `part`, or why there is none.
    pub fn name(&self, part: &str) -> Result<&str, &str> {
        match self.names.get(part) {
            Some(Ok(name)) => Ok(name),
            Some(Err(why)) => Err(why),
            None => Err("the picture was not read"),
        }
    }

    /// The warning for the picture at `part`, once.
    pub fn take_note(&mut self, part: &str) -> Option<String> {
        self.notes.remove(part)
    }
}

/// Reads every picture placed in `items`, in order of first use.
pub(super) fn load(package: &mut Package, items: &[Item]) -> Result<Loaded, DocxError> {
    let mut loaded = Loaded::default();
    let parts = items.iter().flat_map(|item| match item {
        Item::Para(p) => {
            p.segs.iter().filter_map(|s| if let Seg::Picture(r) = s { Some(r.part.as_str()) } else { None }).collect()
        }
        _ => Vec::new(),
    });
    for part in parts {
        if loaded.names.contains_key(part) {
            continue;
        }
        let Some(bytes) = package.read(part, MAX_UNPACKED)? else {
            loaded.names.insert(part.to_string(), Err(format!("its image `{part}` is missing from the package")));
            continue;
        };
        let (extension, printable) = kind(&bytes);
        let name = format!("{FOLDER}/image{}.{extension}", loaded.pictures.len() + 1);
        if !printable {
            let what = extension.to_uppercase();
            loaded.notes.insert(
                part.to_string(),
                format!("the picture `{name}` is {what}, which jianbao does not print: convert it to PNG or JPEG and change the name in the text"),
            );
        }
        loaded.names.insert(part.to_string(), Ok(name.clone()));
        loaded.pictures.push(Picture { name, bytes });
    }
    Ok(loaded)
}

/// A picture's file extension by its content, and whether jianbao can print it (JPEG, PNG).
fn kind(bytes: &[u8]) -> (&'static str, bool) {
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        ("jpeg", true)
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        ("png", true)
    } else if at(0, b"GIF8") {
        ("gif", false)
    } else if at(0, b"BM") {
        ("bmp", false)
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        ("tif", false)
    } else if at(0, &[1, 0, 0, 0]) && at(40, b" EMF") {
        ("emf", false)
    } else if at(0, &[0xD7, 0xCD, 0xC6, 0x9A]) || at(0, &[1, 0, 9, 0]) || at(0, &[2, 0, 9, 0]) {
        ("wmf", false)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        ("webp", false)
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).contains("<svg") {
        ("svg", false)
    } else {
        ("bin", false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content() {
        assert_eq!(kind(&[0xFF, 0xD8, 0xFF, 0xE0]), ("jpeg", true));
        assert_eq!(kind(b"\x89PNG\r\n\x1a\nrest"), ("png", true));
        assert_eq!(kind(b"GIF89a"), ("gif", false));
        let mut emf = vec![1, 0, 0, 0];
        emf.resize(40, 0);
        emf.extend(b" EMF");
        assert_eq!(kind(&emf), ("emf", false));
        assert_eq!(kind(b"<?xml version='1.0'?><svg/>"), ("svg", false));
        assert_eq!(kind(b"../../etc/passwd"), ("bin", false));
    }
}
