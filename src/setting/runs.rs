//! From roles to spans, and from composed lines to positioned text runs.

use super::Setter;
use crate::compose::{Align, Line, LineGlyph, ParStyle, Span, compose};
use crate::font::FontBook;
use crate::layout::RoleName;
use crate::page::{Item, Paint, PlacedGlyph, Tag, TextRun};

impl Setter<'_> {
    /// A span of `text` in the named role.
    pub(super) fn span(&self, role: RoleName, text: &str) -> Span {
        let r = self.layout.role(role);
        Span { text: text.to_string(), face: self.face(&r.font), size: r.size, embolden: r.embolden }
    }

    /// The paint of a role.
    pub(super) fn color(&self, role: RoleName) -> Paint {
        self.layout.role(role).paint.clone()
    }

    /// The paragraph style of the layout for a measure, alignment and (first, other) indents.
    pub(super) fn style(&self, width: f64, align: Align, indents: (f64, f64)) -> ParStyle {
        let grid = &self.layout.grid;
        let mut style = ParStyle::new(width, align);
        style.first_indent = indents.0;
        style.rest_indent = indents.1;
        style.kinsoku = grid.kinsoku;
        style.punctuation = grid.punctuation;
        style.hanging = grid.hanging_punctuation;
        style
    }

    /// Composes spans in a measure.
    pub(super) fn compose(&self, spans: &[Span], width: f64, align: Align, indents: (f64, f64)) -> Vec<Line> {
        compose(self.book, spans, &self.style(width, align, indents))
    }
}

impl Setter<'_> {
    /// The advance of glyph `id` of `face` at `size`, points.
    pub(super) fn advance(&self, face: crate::font::FaceId, id: u16, size: f64) -> f64 {
        advance(self.book, face, id, size)
    }

    /// The items of a composed line: one text run per face and size, on baseline `y`, shifted
    /// right by `x`, painted with `paint` and tagged `tag`.
    pub(super) fn line_items(&self, line: &Line, x: f64, y: f64, paint: &Paint, tag: Tag) -> Vec<Item> {
        line_items(self.book, line, (x, y), paint, tag)
    }
}

/// The advance of glyph `id` of `face` at `size`, points.
fn advance(book: &FontBook, face: crate::font::FaceId, id: u16, size: f64) -> f64 {
    let face = book.face(face);
    face.advance(id) * size / f64::from(face.units_per_em)
}

/// The items of a composed line (see [`Setter::line_items`]), shifted by `(x, y)`: usable off
/// the setter's thread. One text run per stretch of glyphs in one face, size and bold, each
/// vector made at its length (the page model holds every glyph of the issue: spare capacity
/// there is memory the build faults in).
pub(super) fn line_items(book: &FontBook, line: &Line, (x, y): (f64, f64), paint: &Paint, tag: Tag) -> Vec<Item> {
    let same = |a: &LineGlyph, b: &LineGlyph| a.face == b.face && a.size == b.size && a.embolden == b.embolden;
    let mut items = Vec::with_capacity(line.glyphs.chunk_by(same).count());
    for run in line.glyphs.chunk_by(same) {
        let first = &run[0];
        let glyphs = run
            .iter()
            .map(|g| PlacedGlyph {
                id: g.id,
                x: x + g.x,
                rise: g.rise,
                advance: advance(book, g.face, g.id, g.size),
                text: g.text.clone(),
            })
            .collect();
        items.push(Item::Text(TextRun {
            face: first.face,
            size: first.size,
            paint: paint.clone(),
            baseline: y,
            glyphs,
            actual_text: None,
            embolden: first.embolden,
            tag,
        }));
    }
    items
}

/// Where and how a spread text is set: `x` and `width` (points), baseline `y`, font `size`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spread {
    /// Left end, points.
    pub x: f64,
    /// Width spread over, points.
    pub width: f64,
    /// Baseline, points.
    pub y: f64,
    /// Font size, points.
    pub size: f64,
}

/// Sets `text` in `role` spread evenly (均排) over a width: the first and last characters
/// touch the ends, the space between characters is equal. The run carries the text as
/// ActualText so that it copies out without the spacing.
pub(super) fn spread(s: &Setter, role: RoleName, text: &str, at: Spread, tag: Tag) -> Item {
    let Spread { x, width, y, size } = at;
    let lines = s.compose(&[Span { size, ..s.span(role, text) }], 1.0e6, Align::Left, (0.0, 0.0));
    let line = lines.into_iter().next().unwrap_or(Line {
        glyphs: Vec::new(),
        left: 0.0,
        right: 0.0,
        last: true,
        overfull: 0.0,
        text: String::new(),
    });
    // Cluster starts: glyphs that carry text.
    let starts: Vec<usize> = (0..line.glyphs.len()).filter(|&i| !line.glyphs[i].text.is_empty()).collect();
    let natural = line.right - line.left;
    let gap = if starts.len() > 1 { (width - natural) / (starts.len() - 1) as f64 } else { 0.0 };
    let mut glyphs = Vec::new();
    let mut cluster = 0usize;
    for (i, g) in line.glyphs.iter().enumerate() {
        if i > 0 && !g.text.is_empty() {
            cluster += 1;
        }
        let shift = if starts.len() > 1 { cluster as f64 * gap } else { (width - natural) / 2.0 };
        let advance = s.advance(g.face, g.id, g.size);
        glyphs.push(PlacedGlyph {
            id: g.id,
            x: x + g.x - line.left + shift,
            rise: g.rise,
            advance,
            text: g.text.clone(),
        });
    }
    let (face, size) =
        line.glyphs.first().map_or((s.face(&s.layout.role(role).font), s.layout.role(role).size), |g| (g.face, g.size));
    Item::Text(TextRun {
        face,
        size,
        paint: s.color(role),
        baseline: y,
        glyphs,
        actual_text: Some(text.to_string()),
        embolden: 0.0,
        tag,
    })
}

/// The natural width of `text` in `role`, points.
pub(super) fn natural_width(s: &Setter, role: RoleName, text: &str) -> f64 {
    s.compose(&[s.span(role, text)], 1.0e6, Align::Left, (0.0, 0.0)).first().map_or(0.0, |l| l.right - l.left)
}
