//! The package: a ZIP archive written byte for byte the same way every time — entries in the
//! order added, every timestamp 1980-01-01 00:00, Deflate at one fixed level (or stored, for
//! data that is compressed already), no comments. The `zip` crate writes it (it was
//! hand-rolled before: the crate is maintained, handles names, sizes and limits the way
//! every reader expects, and the project reads `.docx` files with it already).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::OfdError;

/// The Deflate level of compressed entries.
const LEVEL: i64 = 6;

/// The largest package written: what a ZIP without its 64-bit extension can hold.
const MAX_BYTES: usize = u32::MAX as usize;

/// A ZIP archive being written.
pub(super) struct Zip {
    /// The writer over the bytes so far.
    writer: ZipWriter<Cursor<Vec<u8>>>,
}

impl Default for Zip {
    fn default() -> Self {
        Zip { writer: ZipWriter::new(Cursor::new(Vec::new())) }
    }
}

impl Zip {
    /// Adds a file; `compress` chooses Deflate over storing it as it is.
    pub(super) fn add(&mut self, name: &str, data: &[u8], compress: bool) -> Result<(), OfdError> {
        let error = |e: String| OfdError::TooLarge(format!("cannot add {name} to the package: {e}"));
        let written = self.writer.get_ref().map_or(0, |c| c.get_ref().len());
        if data.len() >= MAX_BYTES || written + data.len() >= MAX_BYTES {
            return Err(OfdError::TooLarge(format!("{name} is too large for a ZIP entry without ZIP64")));
        }
        let options = SimpleFileOptions::default()
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644)
            .large_file(false);
        let options = if compress {
            options.compression_method(CompressionMethod::Deflated).compression_level(Some(LEVEL))
        } else {
            options.compression_method(CompressionMethod::Stored)
        };
        self.writer.start_file(name, options).map_err(|e| error(e.to_string()))?;
        self.writer.write_all(data).map_err(|e| error(e.to_string()))
    }

    /// Writes the central directory and returns the archive.
    pub(super) fn finish(self) -> Result<Vec<u8>, OfdError> {
        let bytes = self.writer.finish().map_err(|e| OfdError::TooLarge(format!("cannot finish the package: {e}")))?;
        Ok(bytes.into_inner())
    }
}

#[cfg(test)]
/// Reads the entries back (for tests): (name, method, data) with data inflated.
pub(super) fn entries(zip: &[u8]) -> Vec<(String, u16, Vec<u8>)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap_or_else(|e| panic!("not a ZIP: {e}"));
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap_or_else(|e| panic!("entry {i}: {e}"));
            let method = if file.compression() == CompressionMethod::Deflated { 8 } else { 0 };
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap_or_else(|e| panic!("entry {i}: {e}"));
            let name = file.name().map(|n| n.to_string()).unwrap_or_else(|e| panic!("entry {i}: {e}"));
            (name, method, data)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofd_zip_round_trips_in_order_and_is_stable() {
        let make = || {
            let mut zip = Zip::default();
            zip.add("OFD.xml", b"<a/>", true).unwrap();
            zip.add("Doc_0/Res/x.jpg", &[1, 2, 3], false).unwrap();
            zip.finish().unwrap()
        };
        let bytes = make();
        assert_eq!(bytes, make());
        let read = entries(&bytes);
        assert_eq!(read.len(), 2);
        assert_eq!((read[0].0.as_str(), read[0].1, read[0].2.as_slice()), ("OFD.xml", 8, &b"<a/>"[..]));
        assert_eq!((read[1].0.as_str(), read[1].1, read[1].2.as_slice()), ("Doc_0/Res/x.jpg", 0, &[1u8, 2, 3][..]));
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }
}
