//! Glyph outlines as PDF paths, for runs spaced for display (the masthead title, a name set
//! to the width of three characters). Extractors decide where a space goes from each glyph's
//! own advance in the font program — MuPDF ignores the `W` array of an embedded font — so a
//! run whose glyphs stand apart reads as `联 络 动 态` whatever its widths say. Such a run is
//! drawn as filled outlines, and its text is set solid and invisible over it (`text.rs`).

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::Content;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::num;
use crate::font::Face;

/// One command of an outline, in font units (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Command {
    /// Start a contour.
    Move(f32, f32),
    /// A straight segment.
    Line(f32, f32),
    /// A cubic Bézier segment: two control points and the end.
    Cubic([f32; 6]),
    /// Close the contour.
    Close,
}

/// A glyph's outline.
pub(super) type Outline = Vec<Command>;

/// Collects skrifa's commands, quadratic segments raised to cubic ones.
#[derive(Default)]
struct Pen {
    /// The commands so far.
    commands: Outline,
    /// The current point.
    at: (f32, f32),
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.commands.push(Command::Move(x, y));
        self.at = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.commands.push(Command::Line(x, y));
        self.at = (x, y);
    }

    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        let (x0, y0) = self.at;
        let c1 = (x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0));
        let c2 = (x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y));
        self.curve_to(c1.0, c1.1, c2.0, c2.1, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.commands.push(Command::Cubic([cx0, cy0, cx1, cy1, x, y]));
        self.at = (x, y);
    }

    fn close(&mut self) {
        self.commands.push(Command::Close);
    }
}

/// Reads the outlines of `ids` from `face` (a glyph without one gets an empty outline).
pub(super) fn read_outlines(face: &Face, ids: &BTreeSet<u16>) -> Result<BTreeMap<u16, Outline>, String> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let font = FontRef::from_index(face.data.bytes(), face.index).map_err(|e| format!("cannot read outlines: {e}"))?;
    let glyphs = font.outline_glyphs();
    let settings = || DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
    Ok(ids
        .iter()
        .map(|&id| {
            let mut pen = Pen::default();
            let drawn = glyphs.get(GlyphId::new(u32::from(id))).map(|g| g.draw(settings(), &mut pen));
            if !matches!(drawn, Some(Ok(_))) {
                pen.commands.clear();
            }
            (id, pen.commands)
        })
        .collect())
}

/// Appends an outline's path, scaled by `scale` (points per font unit) with its origin at
/// (`x`, `y`) in page space; the caller fills it.
pub(super) fn draw(content: &mut Content, outline: &Outline, x: f64, y: f64, scale: f64) {
    let px = |v: f32| num(x + f64::from(v) * scale);
    let py = |v: f32| num(y + f64::from(v) * scale);
    for command in outline {
        match *command {
            Command::Move(a, b) => {
                content.move_to(px(a), py(b));
            }
            Command::Line(a, b) => {
                content.line_to(px(a), py(b));
            }
            Command::Cubic([a, b, c, d, e, f]) => {
                content.cubic_to(px(a), py(b), px(c), py(d), px(e), py(f));
            }
            Command::Close => {
                content.close_path();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::bundled_face;

    #[test]
    fn pdf_outlines_of_a_bundled_glyph_become_a_path() {
        let Some(Ok(face)) = bundled_face("Noto Serif CJK SC") else { panic!("no bundled face") };
        let (Some(gid), Some(space)) = (face.glyph('联'), face.glyph(' ')) else { panic!("no glyphs") };
        let outlines = read_outlines(&face, &BTreeSet::from([gid, space])).unwrap_or_default();
        let outline = outlines.get(&gid).cloned().unwrap_or_default();
        assert!(matches!(outline.first(), Some(Command::Move(..))) && outline.len() > 10, "{outline:?}");
        assert_eq!(outlines.get(&space).map(Vec::len), Some(0), "a space has no outline");
        let mut content = Content::new();
        draw(&mut content, &outline, 100.0, 200.0, 0.01);
        let text = String::from_utf8_lossy(&content.finish()).into_owned();
        assert!(text.contains(" m\n") && text.contains(" c\n") && text.contains("h\n"), "{text}");
    }
}
