//! Ink past a glyph's advance on the right (the hook of an `f`, of an `ff` ligature): a line
//! ending with such a glyph makes room for it, or its ink would cross the column edge.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, Ordering};

use super::Face;
use super::outline::{Command, read_outlines};

/// Overhangs smaller than this (em) are left out: too little to see or to matter at a column
/// edge.
const LEAST: f64 = 0.01;

/// Points sampled along each curve segment (its control points may lie past the ink).
const SAMPLES: usize = 8;

/// Slots of [`Overhangs`] (a power of two): more than the glyphs of the printable ASCII
/// characters and their ligatures.
const SLOTS: usize = 256;

/// The overhangs of a face's glyphs as they are worked out, shared by the threads composing
/// paragraphs: slot `glyph % SLOTS` holds the glyph id (high half) and its overhang plus one
/// (low half; 0 for an empty slot). A glyph whose slot another holds is worked out again:
/// the answer is the same, only dearer.
pub(super) struct Overhangs([AtomicU32; SLOTS]);

impl Default for Overhangs {
    fn default() -> Self {
        Overhangs(std::array::from_fn(|_| AtomicU32::new(0)))
    }
}

impl Overhangs {
    /// The overhang of `glyph` in font units, as `find` gives it.
    pub(super) fn get(&self, glyph: u16, find: impl FnOnce() -> u16) -> u16 {
        let slot = &self.0[usize::from(glyph) % SLOTS];
        let held = slot.load(Ordering::Relaxed);
        if held & 0xffff != 0 && held >> 16 == u32::from(glyph) {
            return (held & 0xffff) as u16 - 1;
        }
        let units = find().min(u16::MAX - 1);
        slot.store(u32::from(glyph) << 16 | u32::from(units + 1), Ordering::Relaxed);
        units
    }
}

/// How far the ink of `glyph` in `face` reaches past its advance on the right, in whole font
/// units; 0 under [`LEAST`] of an em or without an outline. Curves are sampled (their
/// control points may lie past the ink).
pub(super) fn overhang(face: &Face, glyph: u16) -> u16 {
    let Ok(outlines) = read_outlines(face, &BTreeSet::from([glyph])) else { return 0 };
    let mut right: Option<f32> = None;
    let mut note = |x: f32| right = Some(right.map_or(x, |r| r.max(x)));
    let mut at = 0.0;
    for command in outlines.get(&glyph).into_iter().flatten() {
        match *command {
            Command::Move(x, _) | Command::Line(x, _) => {
                note(x);
                at = x;
            }
            Command::Cubic([c0, _, c1, _, x, _]) => {
                for i in 1..=SAMPLES {
                    let t = i as f32 / SAMPLES as f32;
                    let u = 1.0 - t;
                    note(u * u * u * at + 3.0 * u * u * t * c0 + 3.0 * u * t * t * c1 + t * t * t * x);
                }
                at = x;
            }
            Command::Close => {}
        }
    }
    let Some(right) = right else { return 0 };
    let over = f64::from(right) - face.advance(glyph);
    let units_per_em = f64::from(face.units_per_em);
    if over < LEAST * units_per_em { 0 } else { over.round().min(f64::from(u16::MAX)) as u16 }
}

#[cfg(test)]
mod tests {
    use super::{Overhangs, SLOTS};
    use crate::font::bundled_face;

    #[test]
    fn glyphs_sharing_a_slot_each_get_their_own_overhang() {
        let slots = Overhangs::default();
        let (a, b) = (7u16, 7 + SLOTS as u16);
        let mut asked = 0;
        for _ in 0..3 {
            assert_eq!(
                slots.get(a, || {
                    asked += 1;
                    40
                }),
                40
            );
            assert_eq!(
                slots.get(b, || {
                    asked += 1;
                    0
                }),
                0
            );
        }
        assert_eq!(asked, 6, "each evicts the other");
        assert_eq!(slots.get(b, || 99), 0, "remembered while it holds the slot");
        assert_eq!(slots.get(u16::MAX, || u16::MAX), u16::MAX - 1, "the largest overhang kept");
    }

    #[test]
    fn the_serif_f_overhangs_and_plain_letters_do_not() {
        let face = bundled_face("Noto Serif CJK SC").expect("bundled").expect("parses");
        let over = |c: char| face.overhang(face.glyph(c).expect("has the letter"));
        assert!((0.05..0.1).contains(&over('f')), "{}", over('f'));
        for c in ['a', 'n', 'o', 'x', '1', '.', '/', '-'] {
            assert_eq!(over(c), 0.0, "{c}");
        }
        assert_eq!(face.overhang(face.glyph('中').expect("has it")), 0.0);
        // Asked again, the same answer (from the slot).
        assert_eq!(over('f'), over('f'));
    }
}
