//! The graphics and text state of a content stream, so each operator is written only when
//! its value changes (except `Tf`, which every text object sets for itself).

use std::collections::BTreeSet;

use pdf_writer::types::{LineCapStyle, LineJoinStyle, TextRenderingMode};
use pdf_writer::{Content, Name};

use super::ink::{Ink, Inks, Tone};
use crate::page::Paint;

/// What the content stream has set so far (`None`: not yet set by us).
#[derive(Debug)]
pub(super) struct State<'a> {
    /// The document's inks, which decide how a colour is painted.
    inks: &'a Inks,
    /// The separations the stream has used, for the page's resources.
    pub used: BTreeSet<Ink>,
    /// Fill colour (`k`, or `cs` + `scn`).
    fill: Option<Tone>,
    /// Stroke colour (`K`, or `CS` + `SCN`).
    stroke: Option<Tone>,
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
    /// Whether overprint is on (`gs`); the PDF initial value is off.
    overprint: bool,
    /// The graphics states the stream has used, for the page's resources.
    pub states: BTreeSet<&'static str>,
}

/// The graphics state that turns overprint on (with the nonzero overprint mode).
pub(super) const OVERPRINT: &str = "GSop";

/// The graphics state that turns overprint off.
pub(super) const KNOCKOUT: &str = "GSko";

impl<'a> State<'a> {
    /// The initial state of a content stream painting with `inks`.
    pub(super) fn new(inks: &'a Inks) -> Self {
        State {
            inks,
            used: BTreeSet::new(),
            fill: None,
            stroke: None,
            line_width: None,
            line_cap: None,
            line_join: None,
            render: TextRenderingMode::Fill,
            rise: 0.0,
            overprint: false,
            states: BTreeSet::new(),
        }
    }

    /// Sets the fill colour: DeviceCMYK, or a spot ink the colour stands for.
    pub(super) fn fill(&mut self, content: &mut Content, paint: &Paint) {
        let tone = self.inks.tone(paint);
        self.fill_paint(content, tone);
    }

    /// Sets the stroke colour: DeviceCMYK, or a spot ink the colour stands for.
    pub(super) fn stroke(&mut self, content: &mut Content, paint: &Paint) {
        let tone = self.inks.tone(paint);
        self.stroke_paint(content, tone);
    }

    /// Sets the fill colour to a tone.
    pub(super) fn fill_paint(&mut self, content: &mut Content, paint: Tone) {
        if self.fill.replace(paint) == Some(paint) {
            return;
        }
        match paint {
            Tone::Process([c, m, y, k]) => {
                content.set_fill_cmyk(c, m, y, k);
            }
            Tone::Ink(ink) => {
                self.used.insert(ink);
                content.set_fill_color_space(Name(Inks::resource(ink).as_bytes())).set_fill_color([1.0]);
            }
        }
    }

    /// Sets the stroke colour to a tone.
    pub(super) fn stroke_paint(&mut self, content: &mut Content, paint: Tone) {
        if self.stroke.replace(paint) == Some(paint) {
            return;
        }
        match paint {
            Tone::Process([c, m, y, k]) => {
                content.set_stroke_cmyk(c, m, y, k);
            }
            Tone::Ink(ink) => {
                self.used.insert(ink);
                content.set_stroke_color_space(Name(Inks::resource(ink).as_bytes())).set_stroke_color([1.0]);
            }
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

    /// Turns overprint on or off.
    pub(super) fn overprint(&mut self, content: &mut Content, on: bool) {
        if self.overprint != on {
            self.overprint = on;
            let name = if on { OVERPRINT } else { KNOCKOUT };
            self.states.insert(name);
            content.set_parameters(Name(name.as_bytes()));
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
