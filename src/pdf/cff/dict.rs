//! CFF DICT data: operators with their operands, and the number encodings DICTs use.

/// A DICT operator: one byte, or `12` and a second byte (as `0x0c00 | b`).
pub(super) type Operator = u16;

/// `Notice` (a SID).
pub(super) const NOTICE: Operator = 1;
/// `FontBBox`.
pub(super) const FONT_BBOX: Operator = 5;
/// `charset` (an offset).
pub(super) const CHARSET: Operator = 15;
/// `CharStrings` (an offset).
pub(super) const CHAR_STRINGS: Operator = 17;
/// `Private` (size and offset).
pub(super) const PRIVATE: Operator = 18;
/// `Subrs` in a Private DICT (an offset from the DICT's start).
pub(super) const SUBRS: Operator = 19;
/// `Copyright` (a SID).
pub(super) const COPYRIGHT: Operator = 0x0c00;
/// `FontMatrix`.
pub(super) const FONT_MATRIX: Operator = 0x0c07;
/// `ROS` (registry, ordering, supplement): marks a CID-keyed font.
pub(super) const ROS: Operator = 0x0c1e;
/// `CIDCount`.
pub(super) const CID_COUNT: Operator = 0x0c22;
/// `FDArray` (an offset).
pub(super) const FD_ARRAY: Operator = 0x0c24;
/// `FDSelect` (an offset).
pub(super) const FD_SELECT: Operator = 0x0c25;
/// `FontName` (a SID).
pub(super) const FONT_NAME: Operator = 0x0c26;

/// The most operands a DICT entry may have.
const MAX_OPERANDS: usize = 48;

/// A DICT operand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Number {
    /// An integer.
    Int(i32),
    /// A real number (nibble-coded in the font), as a single-precision value.
    Real(f32),
}

impl Number {
    /// The number as an integer, when it is one.
    pub(super) fn integer(self) -> Option<i32> {
        match self {
            Number::Int(n) => Some(n),
            Number::Real(r) if r.fract() == 0.0 => Some(r as i32),
            Number::Real(_) => None,
        }
    }

    /// The number as a non-negative offset or length.
    pub(super) fn offset(self) -> Option<usize> {
        usize::try_from(self.integer()?).ok()
    }

    /// Appends the number in its shortest integer form, or nibble-coded from its shortest
    /// decimal form.
    pub(super) fn write(self, out: &mut Vec<u8>) -> Option<()> {
        match self {
            Number::Int(n) => write_int(n, out),
            Number::Real(r) => {
                let text = format!("{r}");
                let mut nibbles = Vec::with_capacity(text.len() + 2);
                for b in text.bytes() {
                    nibbles.push(match b {
                        b'0'..=b'9' => b - b'0',
                        b'.' => 0xa,
                        b'-' => 0xe,
                        _ => return None,
                    });
                }
                nibbles.push(0xf);
                if nibbles.len() % 2 == 1 {
                    nibbles.push(0xf);
                }
                out.push(30);
                out.extend(nibbles.chunks(2).map(|pair| (pair[0] << 4) | pair[1]));
            }
        }
        Some(())
    }
}

/// Appends an integer in its shortest CFF form.
pub(super) fn write_int(n: i32, out: &mut Vec<u8>) {
    match n {
        -107..=107 => out.push((n + 139) as u8),
        108..=1131 => out.extend([((n - 108) / 256 + 247) as u8, ((n - 108) % 256) as u8]),
        -1131..=-108 => out.extend([((-n - 108) / 256 + 251) as u8, ((-n - 108) % 256) as u8]),
        -32768..=32767 => {
            out.push(28);
            out.extend((n as i16).to_be_bytes());
        }
        _ => write_int5(n, out),
    }
}

/// Appends an integer in the five-byte form (offsets patched after the fact keep their size).
pub(super) fn write_int5(n: i32, out: &mut Vec<u8>) {
    out.push(29);
    out.extend(n.to_be_bytes());
}

/// Appends an operator.
pub(super) fn write_operator(op: Operator, out: &mut Vec<u8>) {
    match op >> 8 {
        0 => out.push(op as u8),
        _ => out.extend([12, op as u8]),
    }
}

/// Reads an integer in one of the DICT and charstring forms other than `29` (`28`, 32–254)
/// whose first byte is `bytes[0]`; returns it and its length.
pub(super) fn read_short(bytes: &[u8]) -> Option<(i32, usize)> {
    let b0 = i32::from(*bytes.first()?);
    let b1 = || bytes.get(1).map(|&b| i32::from(b));
    Some(match b0 {
        28 => (i32::from(i16::from_be_bytes([*bytes.get(1)?, *bytes.get(2)?])), 3),
        32..=246 => (b0 - 139, 1),
        247..=250 => ((b0 - 247) * 256 + b1()? + 108, 2),
        251..=254 => (-(b0 - 251) * 256 - b1()? - 108, 2),
        _ => return None,
    })
}

/// Reads a DICT number; returns it and its length.
fn read_number(bytes: &[u8]) -> Option<(Number, usize)> {
    match *bytes.first()? {
        29 => Some((Number::Int(i32::from_be_bytes(bytes.get(1..5)?.try_into().ok()?)), 5)),
        30 => read_real(bytes),
        _ => read_short(bytes).map(|(n, len)| (Number::Int(n), len)),
    }
}

/// Reads a nibble-coded real number (`30` and nibbles up to `f`); returns it and its length.
fn read_real(bytes: &[u8]) -> Option<(Number, usize)> {
    let mut text = String::new();
    for (i, &byte) in bytes.iter().enumerate().skip(1) {
        for nibble in [byte >> 4, byte & 0xf] {
            match nibble {
                0..=9 => text.push(char::from(b'0' + nibble)),
                0xa => text.push('.'),
                0xb => text.push('E'),
                0xc => text.push_str("E-"),
                0xe => text.push('-'),
                0xf => return Some((Number::Real(text.parse().ok()?), i + 1)),
                _ => return None,
            }
            if text.len() > 64 {
                return None;
            }
        }
    }
    None
}

/// Whether a DICT byte is (the first byte of) an operator rather than a number.
fn is_operator(b: u8) -> bool {
    matches!(b, 0..=27 | 31 | 255)
}

/// One entry of a DICT: its operator and operands.
pub(super) struct Entry {
    /// The operator.
    pub op: Operator,
    /// The operands, in order.
    pub operands: Vec<Number>,
}

impl Entry {
    /// The single operand, when there is exactly one.
    pub(super) fn one(&self) -> Option<Number> {
        match self.operands[..] {
            [n] => Some(n),
            _ => None,
        }
    }

    /// The operands, when there are exactly `N`.
    pub(super) fn exactly<const N: usize>(&self) -> Option<[Number; N]> {
        self.operands[..].try_into().ok()
    }
}

/// The entries of a DICT, in order; `None` if any is malformed.
pub(super) fn entries(data: &[u8]) -> Option<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut operands = Vec::new();
    let mut at = 0;
    while let Some(&b) = data.get(at) {
        if is_operator(b) {
            let op = match b {
                12 => 0x0c00 | Operator::from(*data.get(at + 1)?),
                _ => Operator::from(b),
            };
            at += if b == 12 { 2 } else { 1 };
            entries.push(Entry { op, operands: std::mem::take(&mut operands) });
        } else {
            let (number, len) = read_number(&data[at..])?;
            operands.push(number);
            if operands.len() > MAX_OPERANDS {
                return None;
            }
            at += len;
        }
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written() {
        for n in [0, 107, -107, 108, 1131, -108, -1131, 1132, -32768, 32767, 65535, -40000] {
            let mut out = Vec::new();
            write_int(n, &mut out);
            let (read, len) = read_number(&out).unwrap();
            assert_eq!((read, len), (Number::Int(n), out.len()));
        }
        let mut out = Vec::new();
        Number::Real(-0.039625).write(&mut out).unwrap();
        assert_eq!(read_number(&out).unwrap(), (Number::Real(-0.039625), out.len()));
    }

    #[test]
    fn a_dict_reads_as_its_entries() {
        // 391 392 0 ROS, 1 Notice, 0.001 0 0 0.001 0 0 FontMatrix.
        let data =
            [248, 27, 248, 28, 139, 12, 30, 140, 1, 30, 0x0a, 0x00, 0x1f, 139, 139, 30, 0x0a, 0x00, 0x1f, 139, 139];
        let mut data = data.to_vec();
        data.extend([12, 7]);
        let entries = entries(&data).unwrap();
        assert_eq!(entries.iter().map(|e| e.op).collect::<Vec<_>>(), [ROS, NOTICE, FONT_MATRIX]);
        assert_eq!(entries[0].operands, [Number::Int(391), Number::Int(392), Number::Int(0)]);
        assert_eq!(entries[2].exactly::<6>().unwrap()[0], Number::Real(0.001));
    }
}
