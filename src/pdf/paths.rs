//! Glyph outlines as PDF paths, for runs spaced for display (the masthead title, a name set
//! to the width of three characters). Extractors decide where a space goes from each glyph's
//! own advance in the font program — MuPDF ignores the `W` array of an embedded font — so a
//! run whose glyphs stand apart reads as `联 络 动 态` whatever its widths say. Such a run is
//! drawn as filled outlines, and its text is set solid and invisible over it (`text.rs`).

use pdf_writer::Content;

use super::num;
pub(super) use crate::font::{Command, Outline, read_outlines};

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
    use std::collections::BTreeSet;

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
