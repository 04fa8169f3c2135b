//! Glue between clusters: Han–Latin spacing (a typed space there counts as that gap), the
//! compression of adjacent marks (the facing blank halves), and what justification may use.

use super::class::Class;
use super::prepare::{Cluster, Gap, GapKind};
use super::url;

/// Builds `gaps[k]`, the glue before cluster `k`.
pub(super) fn glue(text: &str, clusters: &mut [Cluster]) -> Vec<Gap> {
    let mut gaps = vec![Gap::default(); clusters.len()];
    for k in 1..clusters.len() {
        let (a, b) = (&clusters[k - 1], &clusters[k]);
        gaps[k] = if binds_number(text, a, b) { Gap { natural: 0.0, kind: GapKind::Solid } } else { gap(a, b) };
    }
    whitespace_runs(text, clusters, &mut gaps);
    // Inside a URL or e-mail address the characters may spread a little when justifying.
    for token in url::tokens(text) {
        for k in 1..clusters.len() {
            let (a, b) = (&clusters[k - 1], &clusters[k]);
            if a.range.start >= token.start && b.range.end <= token.end && gaps[k].kind == GapKind::Solid {
                gaps[k].kind = GapKind::Url;
            }
        }
    }
    gaps
}

/// Typed whitespace that is spacing, not content: spaces (and an ideographic space) between
/// Han and a Latin letter or digit become the Han–Latin gap, never added to it (and no gap
/// where a currency or per cent sign binds the number); spaces beside the blank of a
/// full-width mark are taken up by it; several spaces between Latin words count as one.
fn whitespace_runs(text: &str, clusters: &mut [Cluster], gaps: &mut [Gap]) {
    let white = |c: &Cluster| matches!(c.class, Class::Space | Class::IdeoSpace);
    let mut k = 1;
    while k < clusters.len() {
        if !white(&clusters[k]) {
            k += 1;
            continue;
        }
        let end = k + clusters[k..].iter().take_while(|c| white(c)).count();
        if end < clusters.len() {
            let (before, after) = (clusters[k - 1].class, clusters[end].class);
            let only_spaces = clusters[k..end].iter().all(|c| c.class == Class::Space);
            // Beside a full-width mark's blank (after 。，） or before （) typed spaces add
            // nothing: the blank is the separation, and the mark keeps its usual width.
            if only_spaces && (clusters[k - 1].blank_right > 0.0 || clusters[end].blank_left > 0.0) {
                hide(clusters, gaps, k..end);
                gaps[end] = gap(&clusters[k - 1], &clusters[end]);
                k = end;
                continue;
            }
            let hide_from = if han_latin(before, after) {
                Some(k)
            } else if before.is_western() && after.is_western() && only_spaces {
                Some(k + 1)
            } else {
                None
            };
            if let Some(first_hidden) = hide_from {
                hide(clusters, gaps, first_hidden..end);
                let bound = binds_number(text, &clusters[k - 1], &clusters[end]);
                gaps[end] = if first_hidden == k && !bound {
                    Gap { natural: 0.25 * clusters[end].size, kind: GapKind::HanLatin }
                } else {
                    Gap { natural: 0.0, kind: GapKind::Solid }
                };
            }
        }
        k = end;
    }
}

/// Makes the typed spaces `range` take no room and draw nothing, with no glue before them.
fn hide(clusters: &mut [Cluster], gaps: &mut [Gap], range: std::ops::Range<usize>) {
    for i in range {
        clusters[i].width = 0.0;
        clusters[i].visible = false;
        gaps[i] = Gap { natural: 0.0, kind: GapKind::Solid };
    }
}

/// Whether two classes meet at a Han–Latin boundary.
fn han_latin(a: Class, b: Class) -> bool {
    (a == Class::Han && b.is_western()) || (a.is_western() && b == Class::Han)
}

/// Whether a sign binds to the number beside it with no Han–Latin gap: a currency sign
/// before it (￥500, ＄20), a per cent or per mille sign after it (5％).
fn binds_number(text: &str, a: &Cluster, b: &Cluster) -> bool {
    let first = |c: &Cluster| text[c.range.clone()].chars().next().unwrap_or(' ');
    matches!(first(a), '￥' | '¥' | '＄' | '$' | '￡' | '£' | '€' | '₩' | '￦')
        || matches!(first(b), '％' | '%' | '‰' | '℃')
}

/// The glue between two adjacent clusters.
fn gap(a: &Cluster, b: &Cluster) -> Gap {
    let em = a.size.max(b.size);
    if han_latin(a.class, b.class) {
        return Gap { natural: 0.25 * em, kind: GapKind::HanLatin };
    }
    // Adjacent marks: remove one of the facing blanks, never letting ink touch ink.
    let natural = if a.class.is_mark() && b.class.is_mark() {
        if a.blank_right > 0.0 {
            -a.blank_right
        } else if b.blank_left > 0.0 {
            -b.blank_left
        } else {
            0.0
        }
    } else {
        0.0
    };
    let rigid = |c: Class| matches!(c, Class::Connector | Class::Solidus | Class::Space);
    let kind = if (a.class.is_cjk() || b.class.is_cjk()) && !rigid(a.class) && !rigid(b.class) {
        GapKind::Cjk
    } else {
        GapKind::Solid
    };
    Gap { natural, kind }
}
