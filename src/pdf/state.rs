//! The graphics and text state of a content stream, so each operator is written only when
//! its value changes (except `Tf`, which every text object sets for itself).

use pdf_writer::Content;
use pdf_writer::types::{LineCapStyle, LineJoinStyle, TextRenderingMode};

use super::num;
use crate::flow::Cmyk;

/// What the content stream has set so far (`None`: not yet set by us).
#[derive(Debug, Default)]
pub(super) struct State {
    /// Fill colour (`k`).
    fill: Option<[f32; 4]>,
    /// Stroke colour (`K`).
    stroke: Option<[f32; 4]>,
    /// Line width (`w`).
    line_width: Option<f32>,
    /// Line cap (`J`).
    line_cap: Option<LineCapStyle>,
    /// Line join (`j`).
    line_join: Option<LineJoinStyle>,
    /// Text rendering mode (`Tr`); the PDF initial value is fill.
    render: TextRenderingMode,
    /// Text rise (`Ts`); the PDF initial value is 0.
    rise: f32,
}

/// A colour's components as written: rounded and clamped to 0–1.
fn components(color: Cmyk) -> [f32; 4] {
    [color.c, color.m, color.y, color.k].map(|v| num(v.clamp(0.0, 1.0)))
}

impl State {
    /// Sets the fill colour (DeviceCMYK).
    pub(super) fn fill(&mut self, content: &mut Content, color: Cmyk) {
        let [c, m, y, k] = components(color);
        if self.fill.replace([c, m, y, k]) != Some([c, m, y, k]) {
            content.set_fill_cmyk(c, m, y, k);
        }
    }

    /// Sets the stroke colour (DeviceCMYK).
    pub(super) fn stroke(&mut self, content: &mut Content, color: Cmyk) {
        let [c, m, y, k] = components(color);
        if self.stroke.replace([c, m, y, k]) != Some([c, m, y, k]) {
            content.set_stroke_cmyk(c, m, y, k);
        }
    }

    /// Sets the line width.
    pub(super) fn line_width(&mut self, content: &mut Content, width: f32) {
        if self.line_width.replace(width) != Some(width) {
            content.set_line_width(width);
        }
    }

    /// Sets the line cap.
    pub(super) fn line_cap(&mut self, content: &mut Content, cap: LineCapStyle) {
        if self.line_cap.replace(cap) != Some(cap) {
            content.set_line_cap(cap);
        }
    }

    /// Sets the line join.
    pub(super) fn line_join(&mut self, content: &mut Content, join: LineJoinStyle) {
        if self.line_join.replace(join) != Some(join) {
            content.set_line_join(join);
        }
    }

    /// Sets the text rendering mode.
    pub(super) fn render(&mut self, content: &mut Content, mode: TextRenderingMode) {
        if self.render != mode {
            self.render = mode;
            content.set_text_rendering_mode(mode);
        }
    }

    /// The current text rise.
    pub(super) fn current_rise(&self) -> f32 {
        self.rise
    }

    /// Sets the text rise.
    pub(super) fn rise(&mut self, content: &mut Content, rise: f32) {
        if self.rise != rise {
            self.rise = rise;
            content.set_rise(rise);
        }
    }
}
