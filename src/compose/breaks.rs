//! Break opportunities: UAX #14 (icu_segmenter) between Western characters, and everywhere
//! next to Chinese text, both tailored by the kinsoku tables (cjk-rules §1.2–1.3).

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness};

use super::class::{Class, Kinsoku, no_line_end, no_line_start};
use super::prepare::Prepared;

/// A place where a line may end: before cluster `at`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Opportunity {
    /// Index of the first cluster of the next line (`clusters.len()` for the paragraph end).
    pub at: usize,
    /// Cost of breaking here (0 for an ordinary break, larger for a discouraged one).
    pub penalty: f64,
}

/// All break opportunities of a paragraph, in order, ending with the paragraph end.
pub(super) fn opportunities(par: &Prepared, level: Kinsoku) -> Vec<Opportunity> {
    let text = par.text.as_str();
    let mut uax14 = vec![false; text.len() + 1];
    let mut options = LineBreakOptions::default();
    options.strictness = Some(LineBreakStrictness::Strict);
    for pos in LineSegmenter::new_for_non_complex_scripts(options).segment_str(text) {
        uax14[pos] = true;
    }
    let clusters = &par.clusters;
    let mut out = Vec::new();
    for k in 1..clusters.len() {
        let (a, b) = (&clusters[k - 1], &clusters[k]);
        let before = text[a.range.clone()].chars().next_back();
        let after = text[b.range.clone()].chars().next();
        let (Some(ca), Some(cb)) = (before, after) else { continue };
        let _ = cb;
        if allowed(ca, a.class, b, text, level, uax14[b.range.start]) {
            out.push(Opportunity { at: k, penalty: 0.0 });
        } else if emergency(ca, cb, b.class) {
            out.push(Opportunity { at: k, penalty: EMERGENCY });
        }
    }
    out.push(Opportunity { at: clusters.len(), penalty: 0.0 });
    out
}

/// Cost of a break inside a token (a URL or word wider than the measure): used only where the
/// alternative is a line running past the column edge.
pub(super) const EMERGENCY: f64 = 1.0e5;

/// Whether an emergency break may fall between `a` and `b`: inside Western text, never
/// before a mark that may not start a line nor after one that may not end it.
fn emergency(a: char, b: char, class: Class) -> bool {
    class != Class::Space && !no_line_start(b) && !no_line_end(a)
}

/// Whether a line may end between character `a` (class `ca`) and the cluster `b`.
fn allowed(a: char, ca: Class, b: &super::prepare::Cluster, text: &str, level: Kinsoku, uax14: bool) -> bool {
    let b_char = text[b.range.clone()].chars().next().unwrap_or(' ');
    let b_len = text[b.range.clone()].chars().count();
    if b.class == Class::Space || no_line_start(b_char) || no_line_end(a) {
        return false;
    }
    // A single dash is the connector 一字线: not at a line start, and it binds digits.
    if b.class == Class::Dash && b_len == 1 {
        return false;
    }
    if ca == Class::Dash && b.class == Class::Digit {
        return false;
    }
    if level == Kinsoku::Strict && matches!(b.class, Class::Dash | Class::Ellipsis) {
        return false;
    }
    if ca.is_cjk() || b.class.is_cjk() {
        return true;
    }
    uax14
}
