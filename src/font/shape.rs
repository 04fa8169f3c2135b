//! Shaping a run of text in one face with harfrust.

use std::ops::Range;
use std::sync::{Arc, Mutex};

use harfrust::{Buffer, Direction, Feature, ShapeOptions, ShapePlan, ShapePlanKey, ShaperFont, Tag};

use super::Face;

/// One glyph of a shaped run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Advance in em.
    pub advance: f64,
    /// Horizontal offset from the pen position, in em.
    pub x_offset: f64,
    /// Vertical offset from the baseline (up), in em.
    pub y_offset: f64,
    /// Byte offset in the run's text of the first character of the glyph's cluster.
    pub cluster: usize,
}

/// The glyphs of a run, in visual (= logical, left-to-right) order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShapedRun {
    /// The glyphs.
    pub glyphs: Vec<ShapedGlyph>,
}

/// Shapes `text` left to right in `face`, turning on `fwid` (full widths) in the byte ranges
/// given — used for —— and · whose default forms in Noto CJK are proportional.
pub fn shape(face: &Face, text: &str, fwid: &[Range<usize>]) -> ShapedRun {
    let font = face.font();
    let shaper = ShaperFont::new(font);
    let mut buffer = Buffer::new();
    buffer.push_str(text);
    buffer.set_direction(Direction::LeftToRight);
    buffer.guess_segment_properties();
    let tag = Tag::new(b"fwid");
    let features: Vec<Feature> = fwid.iter().map(|r| Feature::new(tag, 1, r.clone())).collect();
    let plan = face.plans.find_or_make(font, &buffer, &features);
    let options = ShapeOptions::new().features(&features).plan(Some(&plan));
    if harfrust::shape(&shaper, &mut buffer, options).is_err() {
        return fallback(face, text);
    }
    let upem = face.units_per_em as f64;
    let glyphs = buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(info, pos)| ShapedGlyph {
            id: info.glyph_id as u16,
            advance: pos.x_advance as f64 / upem,
            x_offset: pos.x_offset as f64 / upem,
            y_offset: pos.y_offset as f64 / upem,
            cluster: info.cluster as usize,
        })
        .collect();
    ShapedRun { glyphs }
}

/// Maps characters to glyphs one by one when shaping fails (a damaged layout table).
fn fallback(face: &Face, text: &str) -> ShapedRun {
    let upem = face.units_per_em as f64;
    let glyphs = text
        .char_indices()
        .map(|(i, c)| {
            let id = face.glyph(c).unwrap_or(0);
            ShapedGlyph { id, advance: face.advance(id) / upem, x_offset: 0.0, y_offset: 0.0, cluster: i }
        })
        .collect();
    ShapedRun { glyphs }
}

/// The shaping plans of one face, made on first use and shared by every later run with the
/// same script, direction, language and features (making a plan costs more than shaping a
/// paragraph with it). A plan depends on the features' tags and values, not on their ranges.
#[derive(Default)]
pub(crate) struct Plans(Mutex<Vec<Arc<ShapePlan>>>);

impl Plans {
    /// The plan matching the buffer's segment properties and `features`, made if new.
    fn find_or_make(&self, font: &harfrust::Font, buffer: &Buffer, features: &[Feature]) -> Arc<ShapePlan> {
        let key =
            ShapePlanKey::new(font, buffer.script(), buffer.direction()).language(buffer.language()).features(features);
        let mut plans = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(plan) = plans.iter().find(|p| key.matches(p)) {
            return Arc::clone(plan);
        }
        let plan = Arc::new(ShapePlan::new(font, buffer.direction(), buffer.script(), buffer.language(), features));
        plans.push(Arc::clone(&plan));
        plan
    }
}
