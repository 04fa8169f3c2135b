//! Type 2 charstrings with their subroutine calls written out in place (a subset keeps no
//! subroutines), straight from bytes to bytes.

use super::dict::{read_short, write_int};
use super::index::Index;

/// How deep subroutine calls may nest.
const MAX_DEPTH: u8 = 64;
/// The most arguments the charstring stack holds.
const MAX_STACK: usize = 48;

/// A subroutine INDEX with the bias its callers' numbers are offset by.
#[derive(Clone, Copy)]
pub(super) struct Subroutines<'a> {
    /// The subroutines.
    index: Index<'a>,
    /// Added to a caller's number to give the subroutine's position.
    bias: i32,
}

impl<'a> Subroutines<'a> {
    /// The subroutines of `index`, with the bias their number gives.
    pub(super) fn new(index: Index<'a>) -> Self {
        let bias = match index.len() {
            0..1240 => 107,
            1240..33900 => 1131,
            _ => 32768,
        };
        Subroutines { index, bias }
    }

    /// The subroutine a caller names by `number`.
    fn get(&self, number: i32) -> Option<&'a [u8]> {
        self.index.get(u32::try_from(number.checked_add(self.bias)?).ok()?)
    }
}

/// How a charstring (or subroutine) ended.
#[derive(PartialEq)]
enum End {
    /// `return`, or the bytes ran out.
    Return,
    /// `endchar`: the glyph is complete.
    EndChar,
}

/// Writes charstrings out flat, reusing its buffers from glyph to glyph.
pub(super) struct Flattener<'a> {
    /// The global subroutines.
    global: Subroutines<'a>,
    /// The argument stack: where each argument starts in the output (a call reads its
    /// subroutine number back from there, and takes it back out).
    stack: [u32; MAX_STACK],
    /// How many arguments are on the stack.
    depth: usize,
    /// Stem hints declared so far in the current glyph.
    hints: usize,
    /// Bytes of a hint mask in the current glyph (0 until the first mask).
    mask_bytes: usize,
}

/// The value of the charstring number at the start of `bytes`, if it is an integer.
fn integer(bytes: &[u8]) -> Option<i32> {
    match *bytes.first()? {
        255 => {
            let value = i32::from_be_bytes(bytes.get(1..5)?.try_into().ok()?) as f32 / 65536.0;
            (value.fract() == 0.0).then_some(value as i32)
        }
        _ => Some(read_short(bytes)?.0),
    }
}

impl<'a> Flattener<'a> {
    /// A flattener over the font's global subroutines.
    pub(super) fn new(global: Subroutines<'a>) -> Self {
        Flattener { global, stack: [0; MAX_STACK], depth: 0, hints: 0, mask_bytes: 0 }
    }

    /// Appends `charstring` to `out` with every subroutine call replaced by the subroutine;
    /// `None` if the charstring is malformed or uses what a subset cannot carry (`seac`).
    pub(super) fn flatten(&mut self, charstring: &[u8], local: Subroutines<'a>, out: &mut Vec<u8>) -> Option<()> {
        self.depth = 0;
        (self.hints, self.mask_bytes) = (0, 0);
        self.run(charstring, local, out, 1).map(|_| ())
    }

    /// Counts the stems the arguments on the stack declare, and clears it.
    fn count_hints(&mut self) {
        self.hints += self.depth / 2;
        self.depth = 0;
    }

    /// Writes one charstring or subroutine.
    fn run(&mut self, code: &[u8], local: Subroutines<'a>, out: &mut Vec<u8>, depth: u8) -> Option<End> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut at = 0;
        out.reserve(code.len());
        while let Some(&b) = code.get(at) {
            if b == 28 || b >= 32 {
                // Numbers: the one- and two-byte forms are the shortest there are and are copied;
                // a 16-bit one (28) is written in its shortest form; a 16.16 fixed one as it is.
                let start = u32::try_from(out.len()).ok()?;
                match b {
                    32..=246 => {
                        out.push(b);
                        at += 1;
                    }
                    247..=254 => {
                        out.extend([b, *code.get(at + 1)?]);
                        at += 2;
                    }
                    28 => {
                        let (n, len) = read_short(&code[at..])?;
                        write_int(n, out);
                        at += len;
                    }
                    _ => {
                        out.extend_from_slice(code.get(at..at + 5)?);
                        at += 5;
                    }
                }
                *self.stack.get_mut(self.depth)? = start;
                self.depth += 1;
                continue;
            }
            let op = match b {
                12 => 0x0c00 | u16::from(*code.get(at + 1)?),
                _ => u16::from(b),
            };
            at += if b == 12 { 2 } else { 1 };
            match op {
                // hflex, flex, hflex1, flex1; the path operators.
                0x0c22..=0x0c25 | 4..=8 | 21 | 22 | 24..=27 | 30 | 31 => self.depth = 0,
                // hstem, vstem, hstemhm, vstemhm.
                1 | 3 | 18 | 23 => self.count_hints(),
                // return
                11 => return Some(End::Return),
                // callsubr, callgsubr: the subroutine's number is taken back out of the output.
                10 | 29 => {
                    self.depth = self.depth.checked_sub(1)?;
                    let start = self.stack[self.depth] as usize;
                    let number = integer(out.get(start..)?)?;
                    out.truncate(start);
                    let subroutines = if op == 10 { local } else { self.global };
                    if self.run(subroutines.get(number)?, local, out, depth + 1)? == End::EndChar {
                        return Some(End::EndChar);
                    }
                    continue;
                }
                // hintmask, cntrmask: the operator, then the mask.
                19 | 20 => {
                    out.push(b);
                    if self.mask_bytes == 0 {
                        self.count_hints();
                        self.mask_bytes = self.hints.div_ceil(8);
                    }
                    out.extend_from_slice(code.get(at..at + self.mask_bytes)?);
                    at += self.mask_bytes;
                    continue;
                }
                // endchar; with four arguments or more it is `seac`, which a subset cannot keep.
                14 if self.depth >= 4 => return None,
                14 => {
                    out.push(b);
                    return Some(End::EndChar);
                }
                _ => return None,
            }
            super::dict::write_operator(op, out);
        }
        Some(End::Return)
    }
}
