//! Preparation: shape each style run, cut the glyphs into clusters, give every cluster its
//! class and width, and put glue between clusters (Han–Latin spacing, mark compression).

use std::ops::Range;

use super::Span;
use super::class::Class;
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
    /// Glyphs.
    pub glyphs: Vec<ClusterGlyph>,
    /// Width of the box, points (natural, with fixed width rules applied).
    pub width: f64,
    /// Blank on the right that may be removed (line end, shrinking), points.
    pub blank_right: f64,
    /// Whether it is drawn (a space that became Han–Latin glue is not).
    pub visible: bool,
}

/// Glue between two clusters.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Gap {
    /// Natural width, points (negative where adjacent marks are compressed).
    pub natural: f64,
    /// How much it may shrink, points.
    pub shrink: f64,
    /// Whether justification may add space here.
    pub stretchable: bool,
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
pub(super) fn prepare(book: &FontBook, spans: &[Span]) -> Prepared {
    let mut text = String::new();
    let mut clusters = Vec::new();
    for span in spans {
        let base = text.len();
        text.push_str(&span.text);
        clusters.extend(span_clusters(book, span, base));
    }
    let clusters = pair_long_marks(&text, clusters);
    let mut clusters = clusters;
    for c in &mut clusters {
        set_width(&text, c);
    }
    let gaps = glue(&text, &mut clusters);
    let em = spans.first().map_or(10.0, |s| s.size);
    Prepared { text, clusters, gaps, em }
}

/// Shapes one span and cuts it into clusters.
fn span_clusters(book: &FontBook, span: &Span, base: usize) -> Vec<Cluster> {
    let face = book.face(span.face);
    let fwid: Vec<Range<usize>> = span
        .text
        .char_indices()
        .filter(|(_, c)| matches!(c, '—' | '⸺' | '·' | '‧'))
        .map(|(i, c)| i..i + c.len_utf8())
        .collect();
    let run = shape(face, &span.text, &fwid);
    let mut out: Vec<Cluster> = Vec::new();
    let mut pen = 0.0;
    let mut origin = 0.0; // pen position where the current cluster starts
    for g in &run.glyphs {
        let start = base + g.cluster;
        let glyph_x = pen + g.x_offset * span.size;
        match out.last_mut() {
            Some(last) if last.range.start == start => {
                last.glyphs.push(ClusterGlyph { id: g.id, dx: glyph_x - origin, dy: g.y_offset * span.size });
                last.width += g.advance * span.size;
            }
            _ => {
                let class = span.text[g.cluster..].chars().next().map_or(Class::Latin, Class::of);
                out.push(Cluster {
                    range: start..start,
                    class,
                    face: span.face,
                    size: span.size,
                    embolden: span.embolden,
                    glyphs: vec![ClusterGlyph { id: g.id, dx: g.x_offset * span.size, dy: g.y_offset * span.size }],
                    width: g.advance * span.size,
                    blank_right: 0.0,
                    visible: true,
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
    out
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

/// Applies the fixed width rules: marks on the full-width grid, ½-em interpuncts, blanks.
fn set_width(text: &str, c: &mut Cluster) {
    let em = c.size;
    match c.class {
        Class::Stop | Class::Close => {
            if (c.width - em).abs() < 0.05 * em {
                c.blank_right = 0.5 * em;
            }
        }
        Class::Interpunct => {
            // fwid gives a centred 1-em dot; GB sets it in ½ em, still centred.
            let shift = (c.width - 0.5 * em) / 2.0;
            for g in &mut c.glyphs {
                g.dx -= shift;
            }
            c.width = 0.5 * em;
        }
        Class::Space => {
            if text[c.range.clone()].chars().all(|ch| ch == ' ') {
                c.width = c.width.min(0.5 * em);
            }
        }
        _ => {}
    }
}

/// Builds the glue between clusters: Han–Latin spacing (¼ em, shrinking to ⅛), compression of
/// adjacent marks (the facing blank halves), and where justification may stretch.
fn glue(_text: &str, clusters: &mut [Cluster]) -> Vec<Gap> {
    let mut gaps = vec![Gap::default(); clusters.len()];
    for k in 1..clusters.len() {
        let (a, b) = (&clusters[k - 1], &clusters[k]);
        let em = a.size.max(b.size);
        let mut gap = Gap { natural: 0.0, shrink: 0.0, stretchable: a.class.is_cjk() || b.class.is_cjk() };
        if (a.class == Class::Han && b.class.is_western()) || (a.class.is_western() && b.class == Class::Han) {
            gap = Gap { natural: 0.25 * em, shrink: 0.125 * em, stretchable: true };
        }
        if a.class.is_mark() && b.class.is_mark() {
            if a.blank_right > 0.0 {
                gap.natural = -a.blank_right;
            } else if b.class == Class::Open && (b.width - b.size).abs() < 0.05 * b.size {
                gap.natural = -0.5 * b.size;
            }
        }
        if a.class == Class::Space || b.class == Class::Space {
            gap.stretchable = true;
        }
        gaps[k] = gap;
    }
    // A space typed between Han and a Latin letter or digit is that gap, not added to it.
    for k in 1..clusters.len().saturating_sub(1) {
        let (prev, mid, next) = (clusters[k - 1].class, clusters[k].class, clusters[k + 1].class);
        let han_latin = (prev == Class::Han && next.is_western()) || (prev.is_western() && next == Class::Han);
        if mid == Class::Space && han_latin {
            let em = clusters[k].size;
            clusters[k].width = 0.0;
            clusters[k].visible = false;
            gaps[k] = Gap { natural: 0.0, shrink: 0.0, stretchable: false };
            gaps[k + 1] = Gap { natural: 0.25 * em, shrink: 0.125 * em, stretchable: true };
        }
    }
    gaps
}
