//! Text runs as `TextObject`s.
//!
//! A run becomes one object whose `TextCode`s hold the run's characters, the first at `X`/`Y`
//! and each next one `DeltaX` further on: the composed positions, not the font's advances. A
//! new `TextCode` starts where the baseline moves (a raised glyph). Characters are drawn by
//! looking them up in the embedded font, whose character map was built from the same text;
//! a glyph the lookup would not give — a second glyph for a character, a ligature, a glyph of
//! a cluster after its first, the characters of a replacement text — is named by a
//! `CGTransform` over its characters. Synthetic bold is a stroke as wide as the PDF's.

use super::Ids;
use super::color;
use super::fonts::EmbeddedFont;
use super::units::{Um, mm, mm_box, um};
use super::xml::{Xml, allowed};
use crate::page::TextRun;

/// Room left around the ink inside a text object's boundary: one point.
const PAD: f64 = 1.0;

/// Characters drawn at one position with the glyphs they map to.
#[derive(Debug, Clone, PartialEq)]
struct Code {
    /// The characters.
    text: String,
    /// Where the first glyph goes, µm from the page's left edge.
    x: Um,
    /// The embedded font's glyphs.
    glyphs: Vec<u16>,
    /// Whether looking the (single) character up in the font gives the (single) glyph.
    mapped: bool,
}

/// Codes on one baseline.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    /// The baseline, µm from the page top.
    y: Um,
    /// The codes, left to right.
    codes: Vec<Code>,
}

/// Writes `run` as a text object in `font`, with its colours in colour space `space`
/// (nothing if the run draws no glyph).
pub(super) fn write_run(xml: &mut Xml, ids: &mut Ids, run: &TextRun, font: &EmbeddedFont, space: u32) {
    let segments = segments(run, font);
    let size = um(run.size);
    if segments.is_empty() || size <= 0 {
        return;
    }
    let (bx, by, bw, bh) = boundary(run, font);
    let stroke = um(run.embolden * run.size);
    xml.open("TextObject")
        .attr("ID", ids.next())
        .attr("Boundary", mm_box(bx, by, bw, bh))
        .attr("Font", font.id)
        .attr("Size", mm(size));
    if stroke > 0 {
        xml.attr("Stroke", "true").attr("LineWidth", mm(stroke)).attr("Join", "Round");
    }
    color::write(xml, "FillColor", &run.paint, space);
    if stroke > 0 {
        color::write(xml, "StrokeColor", &run.paint, space);
    }
    for segment in &segments {
        write_segment(xml, segment, bx, by);
    }
    xml.close();
}

/// Writes one segment: its glyph transforms, then its `TextCode`.
fn write_segment(xml: &mut Xml, segment: &Segment, bx: Um, by: Um) {
    let mut xs = Vec::new();
    let mut text = String::new();
    for code in &segment.codes {
        let chars = code.text.chars().count();
        if !code.mapped {
            let glyphs: Vec<String> = code.glyphs.iter().map(u16::to_string).collect();
            xml.open("CGTransform")
                .attr("CodePosition", xs.len())
                .attr("CodeCount", chars)
                .attr("GlyphCount", code.glyphs.len());
            xml.leaf("Glyphs", &glyphs.join(" ")).close();
        }
        xs.extend(std::iter::repeat_n(code.x, chars));
        text.push_str(&code.text);
    }
    let Some(&x0) = xs.first() else { return };
    xml.open("TextCode").attr("X", mm(x0 - bx)).attr("Y", mm(segment.y - by));
    if xs.len() > 1 {
        let deltas: Vec<String> = xs.windows(2).map(|w| mm(w[1] - w[0])).collect();
        xml.attr("DeltaX", deltas.join(" "));
    }
    xml.text(&text).close();
}

/// The run's codes, split where the baseline moves, without blank codes at either end of a
/// segment (they draw nothing, and readers trim them from the text, which would misalign the
/// positions).
fn segments(run: &TextRun, font: &EmbeddedFont) -> Vec<Segment> {
    let own: String = run.glyphs.iter().map(|g| g.text.as_str()).collect();
    let replacement = run.actual_text.as_ref().filter(|t| **t != own);
    let texts: Vec<String> = match replacement {
        None => run.glyphs.iter().map(|g| clean(&g.text)).collect(),
        Some(t) if clean(t).chars().count() == run.glyphs.len() => clean(t).chars().map(String::from).collect(),
        Some(t) => {
            // A replacement whose characters do not pair off with the glyphs: one code, at the
            // first glyph, naming all the glyphs.
            let glyphs: Vec<u16> = run.glyphs.iter().filter_map(|g| font.glyph(g.id)).collect();
            let (Some(first), false) = (run.glyphs.first(), glyphs.is_empty() || t.is_empty()) else { return vec![] };
            let code = Code { text: clean(t), x: um(first.x), glyphs, mapped: false };
            return vec![Segment { y: um(run.baseline - first.rise), codes: vec![code] }];
        }
    };
    let mut out: Vec<Segment> = Vec::new();
    for (g, text) in run.glyphs.iter().zip(texts) {
        let Some(glyph) = font.glyph(g.id) else { continue };
        if text.is_empty() {
            // A later glyph of a cluster goes with the cluster's first.
            if let Some(code) = out.last_mut().and_then(|s| s.codes.last_mut()) {
                code.glyphs.push(glyph);
                code.mapped = false;
            }
            continue;
        }
        let mut chars = text.chars();
        let mapped = matches!((chars.next(), chars.next()), (Some(c), None) if font.maps(c, glyph));
        let code = Code { text, x: um(g.x), glyphs: vec![glyph], mapped };
        let y = um(run.baseline - g.rise);
        match out.last_mut() {
            Some(segment) if segment.y == y => segment.codes.push(code),
            _ => out.push(Segment { y, codes: vec![code] }),
        }
    }
    let blank = |c: &Code| c.text.chars().all(char::is_whitespace);
    for segment in &mut out {
        let end = segment.codes.iter().rposition(|c| !blank(c)).map_or(0, |i| i + 1);
        segment.codes.truncate(end);
        let start = segment.codes.iter().position(|c| !blank(c)).unwrap_or(segment.codes.len());
        segment.codes.drain(..start);
    }
    out.retain(|s| !s.codes.is_empty());
    out
}

/// Text as a `TextCode` holds it: characters XML cannot hold become U+FFFD, tabs and line
/// breaks spaces (a parser would fold them anyway).
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if allowed(c) => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// The text object's boundary (x, y, width, height in µm): the glyphs' ink and origins, with
/// room for the bold stroke and a point to spare.
fn boundary(run: &TextRun, font: &EmbeddedFont) -> (Um, Um, Um, Um) {
    let size = run.size;
    let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    let mut add = |x: f64, y: f64| {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    };
    for g in &run.glyphs {
        let base = run.baseline - g.rise;
        add(g.x, base);
        add(g.x + g.advance, base);
        if let Some([x0, y0, x1, y1]) = font.glyph(g.id).and_then(|id| font.ink(id)) {
            add(g.x + x0 * size, base - y1 * size);
            add(g.x + x1 * size, base - y0 * size);
        }
    }
    let pad = PAD + run.embolden.max(0.0) * size;
    let (x0, y0, x1, y1) = (um(b[0] - pad), um(b[1] - pad), um(b[2] + pad), um(b[3] + pad));
    (x0, y0, (x1 - x0).max(0), (y1 - y0).max(0))
}
