//! From roles to spans, and from composed lines to positioned text runs.

use super::Setter;
use crate::compose::{Align, Kinsoku, Line, ParStyle, PunctStyle, Span, compose};
use crate::flow::{Cmyk, Item, PlacedGlyph, TextRun};

impl Setter<'_> {
    /// A span of `text` in the named role.
    pub(super) fn span(&self, role: &str, text: &str) -> Span {
        let r = self.layout.role(role);
        Span { text: text.to_string(), face: self.faces[&r.font], size: r.size, embolden: r.embolden }
    }

    /// The colour of a role.
    pub(super) fn color(&self, role: &str) -> Cmyk {
        self.layout.color(&self.layout.role(role).color)
    }

    /// The kinsoku level of the layout.
    pub(super) fn kinsoku(&self) -> Kinsoku {
        Kinsoku::from_name(&self.layout.grid.kinsoku).unwrap_or_default()
    }

    /// The paragraph style of the layout for a measure, alignment and (first, other) indents.
    pub(super) fn style(&self, width: f64, align: Align, indents: (f64, f64)) -> ParStyle {
        let grid = &self.layout.grid;
        let mut style = ParStyle::new(width, align);
        style.first_indent = indents.0;
        style.rest_indent = indents.1;
        style.kinsoku = self.kinsoku();
        style.punctuation = PunctStyle::from_name(&grid.punctuation).unwrap_or_default();
        style.hanging = grid.hanging_punctuation;
        style
    }

    /// Composes spans in a measure.
    pub(super) fn compose(&self, spans: &[Span], width: f64, align: Align, indents: (f64, f64)) -> Vec<Line> {
        compose(self.book, spans, &self.style(width, align, indents))
    }
}

/// The items of a composed line: one text run per face and size, on baseline `y`, shifted
/// right by `x`.
pub(super) fn line_items(line: &Line, x: f64, y: f64, color: Cmyk) -> Vec<Item> {
    let mut runs: Vec<TextRun> = Vec::new();
    for g in &line.glyphs {
        let placed = PlacedGlyph { id: g.id, x: x + g.x, rise: g.rise, text: g.text.clone() };
        match runs.last_mut() {
            Some(run) if run.face == g.face && run.size == g.size && run.embolden == g.embolden => {
                run.glyphs.push(placed)
            }
            _ => runs.push(TextRun {
                face: g.face,
                size: g.size,
                color,
                baseline: y,
                glyphs: vec![placed],
                actual_text: None,
                embolden: g.embolden,
            }),
        }
    }
    runs.into_iter().map(Item::Text).collect()
}

/// Sets `text` in `role` spread evenly (均排) over `width` points starting at `x`: the first
/// and last characters touch the ends, the space between characters is equal. The run
/// carries the text as ActualText so that it copies out without the spacing.
pub(super) fn spread(s: &Setter, role: &str, text: &str, x: f64, width: f64, y: f64) -> Item {
    let lines = s.compose(&[s.span(role, text)], 1.0e6, Align::Left, (0.0, 0.0));
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
        glyphs.push(PlacedGlyph { id: g.id, x: x + g.x - line.left + shift, rise: g.rise, text: g.text.clone() });
    }
    let (face, size) = line
        .glyphs
        .first()
        .map_or((s.faces[&s.layout.role(role).font], s.layout.role(role).size), |g| (g.face, g.size));
    Item::Text(TextRun {
        face,
        size,
        color: s.color(role),
        baseline: y,
        glyphs,
        actual_text: Some(text.to_string()),
        embolden: 0.0,
    })
}

/// The natural width of `text` in `role`, points.
pub(super) fn natural_width(s: &Setter, role: &str, text: &str) -> f64 {
    s.compose(&[s.span(role, text)], 1.0e6, Align::Left, (0.0, 0.0)).first().map_or(0.0, |l| l.right - l.left)
}
