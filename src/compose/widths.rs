//! Widths of marks (cjk-rules §1.1, §1.4): the full-width grid, ½-em interpuncts and solidi,
//! the blank halves that compression and line ends may remove, ？！ pairs in one em, and the
//! kaiming style.

use super::PunctStyle;
use super::class::Class;
use super::prepare::Cluster;

/// Whether a cluster is a full-width (1-em) box.
fn full_width(c: &Cluster) -> bool {
    (c.width - c.size).abs() < 0.05 * c.size
}

/// Sets widths and blanks of every cluster.
pub(super) fn set_widths(text: &str, clusters: &mut [Cluster], style: PunctStyle) {
    for c in clusters.iter_mut() {
        let em = c.size;
        let first = text[c.range.clone()].chars().next().unwrap_or(' ');
        if matches!(first, '“' | '‘' | '”' | '’') && c.width < 0.9 * em {
            em_quote(c, matches!(first, '“' | '‘'));
        }
        match c.class {
            Class::Stop | Class::Close if full_width(c) => c.blank_right = 0.5 * em,
            Class::Open if full_width(c) => c.blank_left = 0.5 * em,
            // fwid gives a centred 1-em dot; GB sets · and ／ in ½ em, still centred.
            Class::Interpunct => narrow_centred(c),
            Class::Solidus if first == '／' => narrow_centred(c),
            Class::Space if text[c.range.clone()].chars().all(|ch| ch == ' ') => c.width = c.width.min(0.5 * em),
            _ => {}
        }
        if style == PunctStyle::Kaiming {
            kaiming(c, first);
        }
    }
    question_exclamation_runs(text, clusters);
}

/// Puts a proportional quote mark (a face whose “” are Latin-width, such as a kai face) in
/// the full-width box GB/T 15834 gives it: its ink at the side toward the quoted text.
fn em_quote(c: &mut Cluster, opening: bool) {
    let pad = c.size - c.width;
    if opening {
        for g in &mut c.glyphs {
            g.dx += pad;
        }
    }
    c.width = c.size;
    c.kern = 0.0;
}

/// Sets a centred mark in half its width.
fn narrow_centred(c: &mut Cluster) {
    let shift = (c.width - 0.5 * c.size) / 2.0;
    for g in &mut c.glyphs {
        g.dx -= shift;
    }
    c.width = 0.5 * c.size;
}

/// 开明式: 。？！ stay full width, every other pause mark and bracket takes ½ em.
fn kaiming(c: &mut Cluster, first: char) {
    if matches!(first, '。' | '？' | '！' | '．') {
        return;
    }
    if c.blank_right > 0.0 {
        c.width -= c.blank_right;
        c.blank_right = 0.0;
    } else if c.blank_left > 0.0 {
        for g in &mut c.glyphs {
            g.dx -= c.blank_left;
        }
        c.width -= c.blank_left;
        c.blank_left = 0.0;
    }
}

/// GB/T 15834 §5.1.2: ？！ together, or two repeated, take one em; three take two.
fn question_exclamation_runs(text: &str, clusters: &mut [Cluster]) {
    let is_qe = |c: &Cluster| matches!(&text[c.range.clone()], "？" | "！") && c.blank_right > 0.0;
    let mut k = 0;
    while k < clusters.len() {
        let run = clusters[k..].iter().take_while(|c| is_qe(c)).count();
        if run >= 2 {
            // Every mark but the last of each pair loses its blank; pairs are one em each.
            for (i, c) in clusters[k..k + run].iter_mut().enumerate() {
                let last = i + 1 == run;
                if !last || run % 2 == 0 {
                    c.width -= c.blank_right;
                    c.blank_right = 0.0;
                }
            }
        }
        k += run.max(1);
    }
}
