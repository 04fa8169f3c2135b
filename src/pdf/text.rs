//! Writing one text run: a text object whose `TJ` adjustments put every glyph at its `x`.

use pdf_writer::types::{LineJoinStyle, TextRenderingMode};
use pdf_writer::{Content, Name, Str};

use super::cmap::utf16be_text;
use super::font::EmbeddedFont;
use super::num;
use super::state::State;
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

/// Writes `run` on a page `page_height` points high.
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
    if let Some(text) = &run.actual_text {
        begin_actual_text(content, text);
    }
    state.fill(content, &run.paint);
    if run.embolden > 0.0 {
        state.stroke(content, &run.paint);
        state.line_width(content, num(run.embolden * run.size));
        state.line_join(content, LineJoinStyle::RoundJoin);
        state.render(content, TextRenderingMode::FillStroke);
    } else {
        state.render(content, TextRenderingMode::Fill);
    }
    content.begin_text();
    content.set_font(Name(font.resource.as_bytes()), size);
    let (x0, y) = (num(first.x), num(page_height - run.baseline));
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x0, y]);

    let size = f64::from(size);
    let mut pen = f64::from(x0);
    let mut segment = Segment::default();
    for glyph in &run.glyphs {
        let Some(info) = font.glyph(glyph.id) else { continue };
        let span = run.actual_text.is_none() && glyph.text != info.text;
        let rise = num(glyph.rise);
        if span || rise != state.current_rise() {
            segment.flush(content);
            state.rise(content, rise);
        }
        if span {
            begin_actual_text(content, &glyph.text);
        }
        let adjust = num((pen - glyph.x) * 1000.0 / size);
        if adjust != 0.0 {
            segment.adjust(adjust);
            pen -= f64::from(adjust) * size / 1000.0;
        }
        segment.glyph(info.cid);
        pen += info.width * size / 1000.0;
        if span {
            segment.flush(content);
            content.end_marked_content();
        }
    }
    segment.flush(content);
    content.end_text();
    if run.actual_text.is_some() {
        content.end_marked_content();
    }
}
