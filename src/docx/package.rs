//! The zip package: opened with limits, parts read by name within a decompression budget.
//!
//! Entry names are only ever used to look parts up; nothing is written under them.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::error::DocxError;

/// The most bytes read out of one package, all parts together (a zip bomb stops here).
pub const MAX_UNPACKED: u64 = 256 << 20;
/// The most bytes of one XML part (parsed in memory as a tree).
pub const MAX_XML_PART: u64 = 64 << 20;
/// The most entries a package may have.
pub const MAX_ENTRIES: usize = 10_000;
/// The largest `.docx` file read.
pub const MAX_FILE: u64 = 256 << 20;

/// An opened package.
pub(super) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Normalised entry name → index.
    names: HashMap<String, usize>,
    /// Bytes that may still be unpacked.
    budget: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip package, telling other kinds of file apart.
    pub fn open(bytes: &'a [u8]) -> Result<Self, DocxError> {
        if bytes.len() as u64 > MAX_FILE {
            return Err(DocxError::TooLarge { part: "the file".into(), limit: MAX_FILE });
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Err(compound_file(bytes));
        }
        let archive = match ZipArchive::new(Cursor::new(bytes)) {
            Ok(archive) => archive,
            Err(e) if bytes.starts_with(b"PK") => {
                return Err(DocxError::Zip { part: None, message: zip_message(&e) });
            }
            Err(_) => return Err(DocxError::NotZip { what: sniff(bytes) }),
        };
        if archive.len() > MAX_ENTRIES {
            return Err(DocxError::TooManyEntries { count: archive.len(), limit: MAX_ENTRIES });
        }
        let mut names = HashMap::new();
        for (index, name) in archive.file_names().enumerate() {
            if let Ok(name) = name {
                names.entry(normalise(&name)).or_insert(index);
            }
        }
        Ok(Package { archive, names, budget: MAX_UNPACKED })
    }

    /// Whether the package has a part of this name (compared as OPC does, ignoring case).
    pub fn has(&self, part: &str) -> bool {
        self.names.contains_key(&normalise(part))
    }

    /// The bytes of `part`, at most `limit` of them; `None` when there is no such part.
    pub fn read(&mut self, part: &str, limit: u64) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(&index) = self.names.get(&normalise(part)) else {
            return Ok(None);
        };
        let limit = limit.min(self.budget);
        let over = |part: &str| DocxError::TooLarge { part: part.to_string(), limit };
        let damaged = |e: &ZipError| match e {
            ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => DocxError::Encrypted,
            ZipError::InvalidPassword => DocxError::Encrypted,
            _ => DocxError::Zip { part: Some(part.to_string()), message: zip_message(e) },
        };
        let entry = self.archive.by_index(index).map_err(|e| damaged(&e))?;
        if entry.encrypted() {
            return Err(DocxError::Encrypted);
        }
        if entry.size() > limit {
            return Err(over(part));
        }
        let mut bytes = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        entry
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DocxError::Zip { part: Some(part.to_string()), message: format!("cannot unpack it ({e})") })?;
        if bytes.len() as u64 > limit {
            return Err(over(part));
        }
        self.budget -= bytes.len() as u64;
        Ok(Some(bytes))
    }
}

/// A zip entry name as looked up: `/` separators, no leading slash, lower case.
pub(super) fn normalise(name: &str) -> String {
    name.replace('\\', "/").trim_start_matches('/').to_lowercase()
}

/// A zip reader's error in words for the editor.
fn zip_message(e: &ZipError) -> String {
    match e {
        ZipError::CompressionMethodNotSupported(m) => {
            format!("compressed with method {m}, which jianbao does not read")
        }
        ZipError::Io(io) => format!("cannot read the zip ({io})"),
        ZipError::InvalidArchive(why) => format!("the zip structure is broken or the file is cut short ({why})"),
        other => other.to_string(),
    }
}

/// The error for an OLE compound file: an encrypted `.docx` keeps its package in a stream
/// named `EncryptedPackage`; otherwise it is most likely a Word 97–2003 `.doc`.
fn compound_file(bytes: &[u8]) -> DocxError {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        DocxError::Encrypted
    } else {
        DocxError::OldWordFormat
    }
}

/// What a file that is not a zip looks like, from its first bytes.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(512)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if bytes.is_empty() {
        Some("an empty file")
    } else if head.starts_with(b"%PDF") {
        Some("a PDF file")
    } else if head.starts_with(b"{\\rtf") {
        Some("an RTF file")
    } else if text.starts_with("<?xml") || text.starts_with('<') {
        if text.contains("w:wordDocument") || text.contains("pkg:package") {
            Some("a Word XML document (.xml), not .docx")
        } else if text.contains("<html") || text.contains("<HTML") {
            Some("a web page (HTML)")
        } else {
            Some("an XML file")
        }
    } else if std::str::from_utf8(head).is_ok() {
        Some("a plain text file (give it to the manifest as article text directly)")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_without_case_or_leading_slash() {
        assert_eq!(normalise("/Word\\Document.xml"), "word/document.xml");
    }

    #[test]
    fn other_kinds_of_file_are_named() {
        assert!(matches!(Package::open(b"%PDF-1.7\n"), Err(DocxError::NotZip { what: Some("a PDF file") })));
        assert!(matches!(Package::open(b""), Err(DocxError::NotZip { what: Some("an empty file") })));
        assert!(matches!(Package::open(b"PK\x03\x04broken"), Err(DocxError::Zip { part: None, .. })));
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert!(matches!(Package::open(&cfb), Err(DocxError::OldWordFormat)));
        cfb.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(Package::open(&cfb), Err(DocxError::Encrypted)));
    }
}
