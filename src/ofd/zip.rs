//! The package: a ZIP archive written byte for byte the same way every time — entries in the
//! order added, every timestamp 1980-01-01 00:00, Deflate at one fixed level (or stored, for
//! data that is compressed already), no extra fields, no comments.

use super::OfdError;

/// The Deflate level of compressed entries.
const LEVEL: u8 = 6;

/// The earliest date a ZIP (MS-DOS) timestamp can hold, 1980-01-01, as the DOS date field.
const DOS_DATE: u16 = (1 << 5) | 1;

/// ZIP 2.0: what a reader needs to extract Deflate entries.
const VERSION: u16 = 20;

/// General-purpose flag bit 11: the entry name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;

/// A ZIP archive being written.
#[derive(Default)]
pub(super) struct Zip {
    /// Local headers and data so far.
    out: Vec<u8>,
    /// The central directory so far.
    central: Vec<u8>,
    /// Entries written.
    count: usize,
}

impl Zip {
    /// Adds a file; `compress` chooses Deflate over storing it as it is.
    pub(super) fn add(&mut self, name: &str, data: &[u8], compress: bool) -> Result<(), OfdError> {
        let too_large = || OfdError::TooLarge(format!("{name} is too large for a ZIP entry without ZIP64"));
        let crc = crc32fast::hash(data);
        let packed;
        let (method, body): (u16, &[u8]) = if compress {
            packed = miniz_oxide::deflate::compress_to_vec(data, LEVEL);
            (8, &packed)
        } else {
            (0, data)
        };
        let size = u32::try_from(data.len()).map_err(|_| too_large())?;
        let packed_size = u32::try_from(body.len()).map_err(|_| too_large())?;
        let offset = u32::try_from(self.out.len()).map_err(|_| too_large())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_large())?;
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };

        // Local file header.
        put32(&mut self.out, 0x0403_4b50);
        put16(&mut self.out, VERSION);
        put16(&mut self.out, flags);
        put16(&mut self.out, method);
        put16(&mut self.out, 0);
        put16(&mut self.out, DOS_DATE);
        put32(&mut self.out, crc);
        put32(&mut self.out, packed_size);
        put32(&mut self.out, size);
        put16(&mut self.out, name_len);
        put16(&mut self.out, 0);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(body);

        // Its central directory record.
        let c = &mut self.central;
        put32(c, 0x0201_4b50);
        put16(c, VERSION);
        put16(c, VERSION);
        put16(c, flags);
        put16(c, method);
        put16(c, 0);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, packed_size);
        put32(c, size);
        put16(c, name_len);
        put16(c, 0);
        put16(c, 0);
        put16(c, 0);
        put16(c, 0);
        put32(c, 0);
        put32(c, offset);
        c.extend_from_slice(name.as_bytes());
        self.count += 1;
        Ok(())
    }

    /// Appends the central directory and its end record and returns the archive.
    pub(super) fn finish(mut self) -> Result<Vec<u8>, OfdError> {
        let too_large = || OfdError::TooLarge("the package is too large for a ZIP without ZIP64".into());
        let count = u16::try_from(self.count).map_err(|_| too_large())?;
        let offset = u32::try_from(self.out.len()).map_err(|_| too_large())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_large())?;
        u32::try_from(self.out.len() + self.central.len()).map_err(|_| too_large())?;
        let central = std::mem::take(&mut self.central);
        self.out.extend_from_slice(&central);
        let o = &mut self.out;
        put32(o, 0x0605_4b50);
        put16(o, 0);
        put16(o, 0);
        put16(o, count);
        put16(o, count);
        put32(o, size);
        put32(o, offset);
        put16(o, 0);
        Ok(self.out)
    }
}

/// Appends a little-endian `u16`.
fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Appends a little-endian `u32`.
fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
/// Reads the entries back (for tests): (name, method, data) with data inflated.
pub(super) fn entries(zip: &[u8]) -> Vec<(String, u16, Vec<u8>)> {
    let u16_at = |o: usize| u16::from_le_bytes([zip[o], zip[o + 1]]);
    let u32_at = |o: usize| u32::from_le_bytes([zip[o], zip[o + 1], zip[o + 2], zip[o + 3]]) as usize;
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50);
    let (count, mut at) = (u16_at(end + 10) as usize, u32_at(end + 16));
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50);
        let (method, crc, packed, name_len, local) =
            (u16_at(at + 10), u32_at(at + 16), u32_at(at + 20), u16_at(at + 28) as usize, u32_at(at + 42));
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap_or_default();
        let start = local + 30 + u16_at(local + 26) as usize;
        let body = &zip[start..start + packed];
        let data =
            if method == 8 { miniz_oxide::inflate::decompress_to_vec(body).unwrap_or_default() } else { body.to_vec() };
        assert_eq!(crc32fast::hash(&data) as usize, crc, "{name}");
        out.push((name, method, data));
        at += 46 + name_len;
    }
    out
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
