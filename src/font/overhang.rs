//! Ink past a glyph's advance on the right (the hook of an `f`, of an `ff` ligature): a line
//! ending with such a glyph makes room for it, or its ink would cross the column edge.

use std::sync::atomic::{AtomicU32, Ordering};

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};

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

/// The rightmost point of an outline, sampled along its curves.
#[derive(Default)]
struct Right {
    /// The current point.
    at: (f32, f32),
    /// The largest x met.
    max: Option<f32>,
}

impl Right {
    /// Notes a point's x.
    fn note(&mut self, x: f32) {
        self.max = Some(self.max.map_or(x, |m| m.max(x)));
    }
}

impl OutlinePen for Right {
    fn move_to(&mut self, x: f32, y: f32) {
        self.note(x);
        self.at = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.note(x);
        self.at = (x, y);
    }

    fn quad_to(&mut self, cx: f32, _: f32, x: f32, y: f32) {
        let x0 = self.at.0;
        for i in 1..=SAMPLES {
            let t = i as f32 / SAMPLES as f32;
            let u = 1.0 - t;
            self.note(u * u * x0 + 2.0 * u * t * cx + t * t * x);
        }
        self.at = (x, y);
    }

    fn curve_to(&mut self, cx0: f32, _: f32, cx1: f32, _: f32, x: f32, y: f32) {
        let x0 = self.at.0;
        for i in 1..=SAMPLES {
            let t = i as f32 / SAMPLES as f32;
            let u = 1.0 - t;
            self.note(u * u * u * x0 + 3.0 * u * u * t * cx0 + 3.0 * u * t * t * cx1 + t * t * t * x);
        }
        self.at = (x, y);
    }

    fn close(&mut self) {}
}

/// How far the ink of `glyph` in face `index` of `bytes` reaches past `advance` (font units)
/// on the right, in whole font units; 0 under [`LEAST`] of `units_per_em` or without an
/// outline.
pub(super) fn overhang(bytes: &[u8], index: u32, units_per_em: u16, glyph: u16, advance: f64) -> u16 {
    let Ok(font) = FontRef::from_index(bytes, index) else { return 0 };
    let mut pen = Right::default();
    let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
    let drawn = font.outline_glyphs().get(GlyphId::new(u32::from(glyph))).map(|g| g.draw(settings, &mut pen));
    let (Some(Ok(_)), Some(right)) = (drawn, pen.max) else { return 0 };
    let over = f64::from(right) - advance;
    if over < LEAST * f64::from(units_per_em) { 0 } else { over.round().min(f64::from(u16::MAX)) as u16 }
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
