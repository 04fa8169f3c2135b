//! Crop marks: at each corner of the trimmed page, two hairlines on the trim lines, outside
//! the bleed, in the registration colour so they print on every separation.

use pdf_writer::Content;
use pdf_writer::types::LineCapStyle;

use super::geometry::{Geometry, MARK_LENGTH};
use super::ink::{Ink, Tone};
use super::num;
use super::state::State;

/// Line width of a crop mark, points.
const MARK_WIDTH: f32 = 0.25;

/// Strokes the eight crop marks of a page (coordinates in user space).
pub(super) fn crop_marks(content: &mut Content, state: &mut State, geometry: &Geometry) {
    let o = geometry.offset();
    let (start, end) = (geometry.mark_start(), geometry.mark_start() + MARK_LENGTH);
    state.stroke_paint(content, Tone::Ink(Ink::Registration));
    state.line_width(content, MARK_WIDTH);
    state.line_cap(content, LineCapStyle::ButtCap);
    for (x, dx) in [(o, -1.0), (o + geometry.width, 1.0)] {
        for (y, dy) in [(o, -1.0), (o + geometry.height, 1.0)] {
            // Horizontal mark on the trim line y, outward in x; vertical mark on x, outward in y.
            content.move_to(num(x + dx * start), num(y)).line_to(num(x + dx * end), num(y));
            content.move_to(num(x), num(y + dy * start)).line_to(num(x), num(y + dy * end));
        }
    }
    content.stroke();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::ink::Inks;

    #[test]
    fn pdf_crop_marks_stay_outside_the_bleed() {
        let inks = Inks::new(&[], &mut pdf_writer::Ref::new(1));
        let mut state = State::new(&inks);
        let mut content = Content::new();
        let g = Geometry { width: 100.0, height: 200.0, bleed: 10.0, marks: true };
        crop_marks(&mut content, &mut state, &g);
        let text = String::from_utf8_lossy(&content.finish()).into_owned();
        assert!(text.starts_with("/All CS\n1 SCN\n0.25 w\n0 J\n"), "{text}");
        assert_eq!(text.matches(" m\n").count(), 8);
        let o = g.offset();
        // The lower-left horizontal mark ends where the bleed begins.
        assert!(text.contains(&format!("{} {} m", num(o - 10.0), num(o))), "{text}");
        assert!(state.used.contains(&Ink::Registration));
    }
}
