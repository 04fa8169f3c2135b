//! Reading the few SFNT facts the PDF needs: a table of a subset font, and `OS/2` metrics.

/// A big-endian `u16` at `offset`, if the data is long enough.
fn u16_at(data: &[u8], offset: usize) -> Option<u16> {
    data.get(offset..offset.checked_add(2)?).map(|b| u16::from_be_bytes([b[0], b[1]]))
}

/// A big-endian `i16` at `offset`, if the data is long enough.
fn i16_at(data: &[u8], offset: usize) -> Option<i16> {
    u16_at(data, offset).map(|v| v as i16)
}

/// A big-endian `u32` at `offset`, if the data is long enough.
fn u32_at(data: &[u8], offset: usize) -> Option<u32> {
    data.get(offset..offset.checked_add(4)?).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// Finds a table in a single (non-collection) SFNT font by walking its table directory.
pub(super) fn table(font: &[u8], tag: [u8; 4]) -> Option<&[u8]> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count).find_map(|i| {
        let record = 12 + 16 * i;
        if font.get(record..record + 4)? != tag {
            return None;
        }
        let start = u32_at(font, record + 8)? as usize;
        let len = u32_at(font, record + 12)? as usize;
        font.get(start..start.checked_add(len)?)
    })
}

/// The `OS/2` facts a font descriptor uses, in font units where they are lengths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Os2 {
    /// `usWeightClass` (400 regular, 700 bold).
    pub weight: f64,
    /// `sCapHeight`, when the table is version 2 or later.
    pub cap_height: Option<f64>,
    /// Whether `sFamilyClass` names a serif class (1–5, 7).
    pub serif: bool,
}

/// Reads the `OS/2` table; `None` when it is missing or too short.
pub(super) fn os2(table: &[u8]) -> Option<Os2> {
    let version = u16_at(table, 0)?;
    let weight = f64::from(u16_at(table, 4)?);
    let family_class = u16_at(table, 30)? >> 8;
    let cap_height = if version >= 2 { i16_at(table, 88).map(f64::from) } else { None };
    Some(Os2 { weight, cap_height, serif: matches!(family_class, 1..=5 | 7) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_sfnt_table_lookup() {
        // A directory with one table `abcd` of 3 bytes at offset 28.
        let mut font = vec![0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0];
        font.extend_from_slice(b"abcd");
        font.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 3]);
        font.extend_from_slice(&[7, 8, 9]);
        assert_eq!(table(&font, *b"abcd"), Some(&[7u8, 8, 9][..]));
        assert_eq!(table(&font, *b"CFF "), None);
        assert_eq!(table(&font[..20], *b"abcd"), None);
    }
}
