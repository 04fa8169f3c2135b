//! Composition tests: the paragraph cases 1–42 of cjk-rules §4, each asserting the property
//! its table states, plus a property test over random text.

mod hard;
mod kinsoku;
mod latin;
mod paragraph;
mod random;
mod scaling;
mod widths;

use super::class::{no_line_end, no_line_start};
use super::*;
use crate::font::{FontBook, bundled_face};

/// Body size used by the tests, points: 1 em = 10 pt.
const EM: f64 = 10.0;

/// A book with the bundled regular face, and its id.
fn book() -> (FontBook, FaceId) {
    let mut book = FontBook::new();
    let face = bundled_face("Noto Serif CJK SC").expect("bundled").expect("parses");
    let id = book.add(face);
    (book, id)
}

/// Composes spans (text, embolden) with a style adjusted by `f`.
fn set_spans(spans: &[(&str, f64)], w: f64, f: impl FnOnce(&mut ParStyle)) -> (Vec<Line>, FontBook) {
    let (book, face) = book();
    let spans: Vec<Span> =
        spans.iter().map(|(t, e)| Span { text: t.to_string(), face, size: EM, embolden: *e }).collect();
    let mut style = ParStyle::new(w * EM, Align::Justify);
    f(&mut style);
    let lines = compose(&book, &spans, &style);
    (lines, book)
}

/// Composes `text` in a justified measure `w` em wide with no indent, GB rules.
fn set(text: &str, w: f64) -> Vec<Line> {
    set_spans(&[(text, 0.0)], w, |_| {}).0
}

/// The glyphs of a line that start a cluster: (text, x in em).
fn xs(line: &Line) -> Vec<(String, f64)> {
    line.glyphs.iter().filter(|g| !g.text.is_empty()).map(|g| (g.text.to_string(), g.x / EM)).collect()
}

/// x (em) of the first cluster whose text is `t`, on line `line`.
fn x_of(line: &Line, t: &str) -> f64 {
    xs(line).into_iter().find(|(s, _)| s == t).unwrap_or_else(|| panic!("{t} not on {:?}", line.text)).1
}

/// The advance (em) of a glyph as the font gives it.
fn advance(book: &FontBook, g: &LineGlyph) -> f64 {
    let face = book.face(g.face);
    face.advance(g.id) / face.units_per_em as f64 * g.size / EM
}

/// The properties every composed paragraph must have: nothing lost, added or reordered; GB
/// kinsoku; no line past the measure; every line but the last justified where it has room
/// to take space.
fn check(text: &str, lines: &[Line], w: f64) {
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, text, "characters lost, added or reordered");
    let inside_url = url_breaks(text, lines);
    for (i, l) in lines.iter().enumerate() {
        let first = l.text.chars().next().unwrap();
        let last = l.text.trim_end().chars().next_back().unwrap();
        if i > 0 && !inside_url[i - 1] {
            assert!(!no_line_start(first), "line {} starts with {first}: {:?}", i + 1, l.text);
        }
        if i + 1 < lines.len() && !inside_url[i] {
            assert!(!no_line_end(last), "line {} ends with {last}: {:?}", i + 1, l.text);
            let spaceable = l.text.chars().any(|c| c.is_whitespace() || class::Class::of(c).is_cjk());
            assert!(
                !spaceable || (l.right - w * EM).abs() < 0.01,
                "line {} not justified: right {} {:?}",
                i + 1,
                l.right,
                l.text
            );
        }
        assert!(l.right <= w * EM + 0.01, "line {} overfull: {:?}", i + 1, l.text);
    }
}

/// The texts of the lines.
fn texts(lines: &[Line]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

/// For each line but the last, whether its break falls inside a URL or e-mail address (where
/// the address's own safe points apply instead of kinsoku).
fn url_breaks(text: &str, lines: &[Line]) -> Vec<bool> {
    let tokens = url::tokens(text);
    let mut pos = 0;
    let mut out = Vec::new();
    for l in lines {
        pos += l.text.len();
        out.push(tokens.iter().any(|t| t.start < pos && pos < t.end));
    }
    out
}
