//! Ink past a glyph's advance on the right (the hook of an `f`, of an `ff` ligature): a line
//! ending with such a glyph makes room for it, or its ink would cross the column edge.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU16, Ordering};

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// Overhangs smaller than this (em) are left out: too little to see or to matter at a column
/// edge.
const LEAST: f64 = 0.01;

/// Points sampled along each curve segment (its control points may lie past the ink).
const SAMPLES: usize = 8;

/// The overhangs of a face's glyphs, each worked out the first time it is asked for (one
/// slot per glyph id, made on the first question: only faces that set Latin text ask),
/// shared by the threads composing paragraphs.
#[derive(Default)]
pub(super) struct Overhangs(OnceLock<Box<[AtomicU16]>>);

impl Overhangs {
    /// A slot not worked out yet; a known overhang of `u` font units is stored as `u + 1`.
    const UNKNOWN: u16 = 0;

    /// The overhang of `glyph` in font units, as `find` gives it, asked of `find` once.
    pub(super) fn get(&self, glyph: u16, find: impl FnOnce() -> u16) -> u16 {
        let slots =
            self.0.get_or_init(|| std::iter::repeat_with(|| AtomicU16::new(Self::UNKNOWN)).take(0x10000).collect());
        let slot = &slots[usize::from(glyph)];
        match slot.load(Ordering::Relaxed) {
            Self::UNKNOWN => {
                let units = find().min(u16::MAX - 1);
                slot.store(units + 1, Ordering::Relaxed);
                units
            }
            known => known - 1,
        }
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
    use crate::font::bundled_face;

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
