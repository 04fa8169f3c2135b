//! Preparation: shape each style run and cut the glyphs into clusters; then [`widths`] gives
//! every cluster its width and [`glue`] puts glue between clusters.
//!
//! [`widths`]: super::widths
//! [`glue`]: super::glue

use std::ops::Range;

use smallvec::{SmallVec, smallvec};

use super::class::Class;
use super::{PunctStyle, Span, glue, graphemes, widths};
use crate::font::{FaceId, FontBook, shape};

/// A glyph of a cluster, positioned relative to the cluster's left edge (points).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ClusterGlyph {
    /// Glyph id.
    pub id: u16,
    /// x offset from the cluster's left edge.
    pub dx: f64,
    /// Vertical offset (up).
    pub dy: f64,
}

/// The smallest unit composition moves: one shaping cluster (a character, a ligature,
/// a —— or …… pair).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cluster {
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
    /// Class of its first character.
    pub class: Class,
    /// Face and size of its span.
    pub face: FaceId,
    /// Font size, points.
    pub size: f64,
    /// Synthetic bold of its span.
    pub embolden: f64,
    /// Glyphs (held inline up to a —— pair: no allocation per cluster).
    pub glyphs: SmallVec<[ClusterGlyph; 2]>,
    /// Width of the box, points (natural, with fixed width rules applied).
    pub width: f64,
    /// Blank on the right that may be removed (line end, shrinking, compression), points.
    pub blank_right: f64,
    /// Blank on the left that may be removed (an opening bracket's), points.
    pub blank_left: f64,
    /// Whether it is drawn (a space that became Han–Latin glue is not).
    pub visible: bool,
    /// Kerning toward the next cluster included in `width` (shaped minus nominal advance),
    /// less `hook`, points; given back when the cluster ends a line.
    pub kern: f64,
    /// The room a line ending with the cluster makes for its ink past the advance (an `f`'s
    /// hook): all of it but the part that may hang past the edge ([`HANG`]), points.
    pub hook: f64,
}

/// What a gap between two clusters is, for justification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum GapKind {
    /// Nothing may be added or removed (inside Latin words and numbers, around connectors).
    #[default]
    Solid,
    /// Inter-character glue next to Chinese text: stretches, evenly, last.
    Cjk,
    /// Han–Latin/digit spacing: ¼ em, shrinking to ⅛ em, stretching to ½ em.
    HanLatin,
    /// Between two characters of a URL or e-mail address: stretches with the inter-character
    /// glue of the line, so a line holding a long address need not leave its Han gaps loose.
    Url,
}

/// Glue between two clusters.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Gap {
    /// Natural width, points (negative where adjacent marks are compressed).
    pub natural: f64,
    /// What it is.
    pub kind: GapKind,
}

/// A prepared paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Prepared {
    /// The paragraph text (all spans joined).
    pub text: String,
    /// The clusters in order.
    pub clusters: Vec<Cluster>,
    /// `gaps[k]` lies before cluster `k` (`gaps[0]` is unused).
    pub gaps: Vec<Gap>,
    /// The size of the first span, points (the paragraph's em).
    pub em: f64,
}

/// Shapes and measures a paragraph.
pub(super) fn prepare(book: &FontBook, spans: &[Span], style: PunctStyle) -> Prepared {
    let mut text = String::new();
    let mut clusters = Vec::new();
    for span in spans {
        let base = text.len();
        text.push_str(&span.text);
        for (range, face) in face_runs(book, span) {
            let run = Span { text: span.text[range.clone()].to_string(), face, ..span.clone() };
            let mut run_clusters = span_clusters(book, &run, base + range.start);
            if face != span.face {
                fit_fallback(book, span.face, face, &mut run_clusters);
            }
            clusters.extend(run_clusters);
        }
    }
    let mut clusters = pair_long_marks(&text, clusters);
    widths::set_widths(&text, &mut clusters, style);
    let gaps = glue::glue(&text, &mut clusters);
    let em = spans.first().map_or(10.0, |s| s.size);
    Prepared { text, clusters, gaps, em }
}

/// Splits a span into runs by the face that has each character (grapheme clusters stay whole;
/// spaces and controls stay in the span's face); a variation sequence goes to the face that
/// lists it ([`FontBook::face_for_sequence`]).
fn face_runs(book: &FontBook, span: &Span) -> Vec<(Range<usize>, FaceId)> {
    let mut runs: Vec<(Range<usize>, FaceId)> = Vec::new();
    for (i, g) in graphemes::grapheme_indices(&span.text) {
        let mut chars = g.chars();
        let first = chars.next().unwrap_or(' ');
        let sequence = chars.next().filter(|&c| crate::unicode::is_variation_selector(c));
        let face = if first.is_whitespace() || first.is_control() {
            span.face
        } else {
            sequence
                .and_then(|selector| book.face_for_sequence(span.face, first, selector))
                .unwrap_or_else(|| book.face_for(span.face, first))
        };
        match runs.last_mut() {
            Some((range, f)) if *f == face => range.end = i + g.len(),
            _ => runs.push((i..i + g.len(), face)),
        }
    }
    runs
}

/// Puts glyphs of a fallback face on the primary face's em box: the same baseline offset of
/// the ideographic box, and Han characters centred in a full em.
fn fit_fallback(book: &FontBook, primary: FaceId, fallback: FaceId, clusters: &mut [Cluster]) {
    let (p, f) = (book.face(primary), book.face(fallback));
    let shift = p.em_bottom / p.units_per_em as f64 - f.em_bottom / f.units_per_em as f64;
    for c in clusters {
        let dy = shift * c.size;
        let dx = if c.class == Class::Han { (c.size - c.width) / 2.0 } else { 0.0 };
        for g in &mut c.glyphs {
            g.dy += dy;
            g.dx += dx;
        }
        if c.class == Class::Han {
            c.width = c.size;
            c.kern = 0.0;
        }
    }
}

/// Shapes one span and cuts it into clusters.
fn span_clusters(book: &FontBook, span: &Span, base: usize) -> Vec<Cluster> {
    let face = book.face(span.face);
    // Full-width forms of the dash and the interpuncts; a run of them is one range (one
    // feature per mark makes shaping quadratic in a long run of ——).
    let mut fwid: Vec<Range<usize>> = Vec::new();
    for (i, c) in span.text.char_indices().filter(|(_, c)| matches!(c, '—' | '⸺' | '·' | '‧')) {
        match fwid.last_mut() {
            Some(last) if last.end == i => last.end = i + c.len_utf8(),
            _ => fwid.push(i..i + c.len_utf8()),
        }
    }
    let run = shape(face, &span.text, &fwid);
    let upem = face.units_per_em as f64;
    let nominal = |id: u16| face.advance(id) / upem;
    let mut out: Vec<Cluster> = Vec::with_capacity(run.glyphs.len());
    let mut pen = 0.0;
    let mut origin = 0.0; // pen position where the current cluster starts
    // Shaping stands a default-ignorable character (a variation selector the font has no
    // sequence for, a joiner) for the space glyph with no advance: it draws nothing.
    let hidden = face.glyph(' ');
    for g in &run.glyphs {
        let start = base + g.cluster;
        let glyph_x = pen + g.x_offset * span.size;
        match out.last_mut() {
            Some(last) if last.range.start == start && g.advance == 0.0 && Some(g.id) == hidden => {}
            Some(last) if last.range.start == start => {
                last.glyphs.push(ClusterGlyph { id: g.id, dx: glyph_x - origin, dy: g.y_offset * span.size });
                last.width += g.advance * span.size;
                last.kern += (g.advance - nominal(g.id)) * span.size;
            }
            _ => {
                let class = span.text[g.cluster..].chars().next().map_or(Class::Latin, Class::of);
                out.push(Cluster {
                    range: start..start,
                    class,
                    face: span.face,
                    size: span.size,
                    embolden: span.embolden,
                    glyphs: smallvec![ClusterGlyph {
                        id: g.id,
                        dx: g.x_offset * span.size,
                        dy: g.y_offset * span.size
                    }],
                    width: g.advance * span.size,
                    kern: (g.advance - nominal(g.id)) * span.size,
                    blank_right: 0.0,
                    blank_left: 0.0,
                    visible: true,
                    hook: 0.0,
                });
                origin = pen;
            }
        }
        pen += g.advance * span.size;
    }
    // Cluster ends are the next cluster's start; the last ends with the span.
    let end = base + span.text.len();
    for i in 0..out.len() {
        out[i].range.end = out.get(i + 1).map_or(end, |n| n.range.start);
    }
    // A letter whose ink reaches past its advance (an f's hook) takes more room when it ends
    // a line, given back with the kerning: all of the hook but the part that may hang past the
    // column edge. Only Latin letters are looked at (an outline read per glyph): digits and
    // signs of upright faces keep their ink inside their advance.
    for c in &mut out {
        if span.text.as_bytes().get(c.range.start - base).is_some_and(u8::is_ascii_alphabetic)
            && let Some(last) = c.glyphs.last()
        {
            let ink = face.overhang(last.id) * span.size;
            c.hook = ink - hang(ink);
            c.kern -= c.hook;
        }
    }
    out
}

/// The most of a letter's hook that hangs past the column edge, points: under half a point,
/// too little to see in print, as optical margin alignment lets a letter protrude.
pub(super) const HANG: f64 = 0.45;

/// The part of a hook `ink` points wide that hangs past the column edge: half of it, at most
/// [`HANG`], so that the letter's box and its ink sit evenly about the edge at body sizes.
fn hang(ink: f64) -> f64 {
    (ink / 2.0).min(HANG)
}

/// Joins a —— or …… written as two clusters into one, so it is never split.
fn pair_long_marks(text: &str, clusters: Vec<Cluster>) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::with_capacity(clusters.len());
    let mut run = 0usize; // length of the current run of same long marks, in clusters
    for c in clusters {
        let long = matches!(c.class, Class::Dash | Class::Ellipsis) && chars(text, &c.range) == 1;
        match out.last_mut() {
            Some(prev)
                if long
                    && run % 2 == 1
                    && prev.class == c.class
                    && prev.face == c.face
                    && chars(text, &prev.range) == 1 =>
            {
                let shift = prev.width;
                prev.glyphs.extend(c.glyphs.iter().map(|g| ClusterGlyph { dx: g.dx + shift, ..g.clone() }));
                prev.width += c.width;
                prev.kern = c.kern;
                prev.range.end = c.range.end;
                run += 1;
            }
            _ => {
                run = if long { 1 } else { 0 };
                out.push(c);
            }
        }
    }
    out
}

/// Number of characters in a range of the text.
fn chars(text: &str, range: &Range<usize>) -> usize {
    text[range.clone()].chars().count()
}
