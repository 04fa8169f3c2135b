//! Writing one text run: a text object whose `TJ` adjustments put every glyph at its `x`.

use pdf_writer::types::{LineJoinStyle, TextRenderingMode};
use pdf_writer::{Content, Name, Str};
use smol_str::SmolStr;

use super::cmap::utf16be_text;
use super::font::EmbeddedFont;
use super::num;
use super::paths;
use super::state::State;
use super::usage::{run_texts, spaced_for_display};
use crate::page::TextRun;

/// One element of a `TJ` array.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    /// Two-byte CIDs shown one after another.
    Glyphs(Vec<u8>),
    /// A move left by this many thousandths of the font size.
    Adjust(f32),
}

/// The parts of the `TJ` being built.
#[derive(Debug, Default)]
struct Segment(Vec<Part>);

impl Segment {
    /// Adds an adjustment.
    fn adjust(&mut self, amount: f32) {
        self.0.push(Part::Adjust(amount));
    }

    /// Adds a glyph, joining it to the string before it when there is no adjustment between.
    fn glyph(&mut self, cid: u16) {
        match self.0.last_mut() {
            Some(Part::Glyphs(bytes)) => bytes.extend(cid.to_be_bytes()),
            _ => self.0.push(Part::Glyphs(cid.to_be_bytes().to_vec())),
        }
    }

    /// Writes the segment as `Tj` (a single string) or `TJ`, and empties it.
    fn flush(&mut self, content: &mut Content) {
        match self.0.as_slice() {
            [] => {}
            [Part::Glyphs(bytes)] => {
                content.show(Str(bytes));
            }
            parts => {
                let mut op = content.show_positioned();
                let mut items = op.items();
                for part in parts {
                    match part {
                        Part::Glyphs(bytes) => items.show(Str(bytes)),
                        Part::Adjust(amount) => items.adjust(*amount),
                    };
                }
            }
        }
        self.0.clear();
    }
}

/// Starts a `/Span` marked-content sequence whose `/ActualText` is `text`.
fn begin_actual_text(content: &mut Content, text: &str) {
    content
        .begin_marked_content_with_properties(Name(b"Span"))
        .properties()
        .pair(Name(b"ActualText"), Str(&utf16be_text(text)));
}

/// Writes `run` on a page `page_height` points high. Each glyph is drawn from the font
/// variant that reads it back as its own text (`usage.rs`); a run spaced for display is
/// drawn as outlines under its text set solid and invisible; a run whose replacement text
/// differs from its glyphs' keeps an `/ActualText` span, and so does a glyph that continues
/// a cluster and stands for no text of its own.
pub(super) fn write_run(
    content: &mut Content,
    state: &mut State,
    run: &TextRun,
    font: &EmbeddedFont,
    page_height: f64,
) {
    let size = num(run.size);
    let Some(first) = run.glyphs.first() else { return };
    if size <= 0.0 {
        return;
    }
    let texts = run_texts(run);
    let own = || texts.iter().map(|(_, t)| t.as_str()).collect::<String>();
    let replacement = run.actual_text.as_ref().filter(|t| **t != own());
    let display = spaced_for_display(run);
    // A run justified with its Chinese characters spread apart is read as one span of its own
    // text, so that an extractor that honours `/ActualText` does not read the spread as spaces.
    let spread = replacement.is_none() && !display && spread_apart(run);
    if let Some(text) = replacement {
        begin_actual_text(content, text);
    } else if spread {
        begin_actual_text(content, &own());
    }
    state.fill(content, &run.paint);
    if run.embolden > 0.0 {
        state.stroke(content, &run.paint);
        state.line_width(content, num(run.embolden * run.size));
        state.line_join(content, LineJoinStyle::RoundJoin);
    }
    if display {
        draw_outlines(content, run, font, page_height);
        state.render(content, TextRenderingMode::Invisible);
    } else if run.embolden > 0.0 {
        state.render(content, TextRenderingMode::FillStroke);
    } else {
        state.render(content, TextRenderingMode::Fill);
    }
    content.begin_text();
    let (x0, y) = (num(first.x), num(page_height - run.baseline));
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x0, y]);
    let size = f64::from(size);
    let solid = display.then(|| solid_scale(run, font, &texts)).flatten();
    if let Some(scale) = solid {
        content.set_horizontal_scaling(num(scale * 100.0));
    }

    let mut pen = f64::from(x0);
    let mut segment = Segment::default();
    let mut current: Option<&str> = None;
    for (glyph, (gid, text)) in run.glyphs.iter().zip(&texts) {
        let Some((resource, info)) = font.glyph(*gid, text) else { continue };
        let span = replacement.is_none() && text.is_empty();
        let rise = num(glyph.rise);
        if span || rise != state.current_rise() || current != Some(resource) {
            segment.flush(content);
            state.rise(content, rise);
        }
        if current != Some(resource) {
            content.set_font(Name(resource.as_bytes()), size as f32);
            current = Some(resource);
        }
        if span {
            begin_actual_text(content, "");
        }
        if solid.is_none() {
            let adjust = num((pen - glyph.x) * 1000.0 / size);
            if adjust != 0.0 {
                segment.adjust(adjust);
                pen -= f64::from(adjust) * size / 1000.0;
            }
        }
        segment.glyph(info.cid);
        pen += info.width * size / 1000.0;
        if span {
            segment.flush(content);
            content.end_marked_content();
        }
    }
    segment.flush(content);
    if solid.is_some() {
        content.set_horizontal_scaling(100.0);
    }
    content.end_text();
    if replacement.is_some() || spread {
        content.end_marked_content();
    }
}

/// Space between two characters, em, past which some extractor (poppler at about 1/10 em,
/// pdfminer at 1/10 of the larger side of the glyph box, MuPDF at about 0.15) reads a space.
const READS_AS_SPACE: f64 = 0.08;

/// Whether justification spread any two neighbouring Chinese characters (or marks) of a run
/// apart by more than [`READS_AS_SPACE`]. A Han–Latin gap, or a typed space, may read as a
/// space: it is one.
fn spread_apart(run: &TextRun) -> bool {
    let chinese =
        |g: &crate::page::PlacedGlyph| g.text.chars().next().is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
    run.glyphs.windows(2).any(|pair| {
        let (a, b) = (&pair[0], &pair[1]);
        chinese(a) && chinese(b) && b.x - (a.x + a.advance) > READS_AS_SPACE * run.size
    })
}

/// Fills (and for synthetic bold strokes) the outlines of a run's glyphs at their places.
fn draw_outlines(content: &mut Content, run: &TextRun, font: &EmbeddedFont, page_height: f64) {
    let y = page_height - run.baseline;
    let mut any = false;
    for glyph in &run.glyphs {
        if let Some((outline, units_per_em)) = font.outline(glyph.id) {
            paths::draw(content, outline, glyph.x, y, run.size / units_per_em);
            any |= !outline.is_empty();
        }
    }
    if any {
        if run.embolden > 0.0 {
            content.fill_nonzero_and_stroke();
        } else {
            content.fill_nonzero();
        }
    }
}

/// The horizontal scaling that makes a run's glyphs, set solid, span the run from its first
/// glyph's origin to its last glyph's end; `None` when it cannot be had.
fn solid_scale(run: &TextRun, font: &EmbeddedFont, texts: &[(u16, SmolStr)]) -> Option<f64> {
    let (first, last) = (run.glyphs.first()?, run.glyphs.last()?);
    let solid: f64 = texts
        .iter()
        .filter_map(|(gid, text)| font.glyph(*gid, text))
        .map(|(_, info)| info.width * run.size / 1000.0)
        .sum();
    let spread = last.x + last.advance - first.x;
    (solid > 0.0 && spread > 0.0).then(|| spread / solid)
}
