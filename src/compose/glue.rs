//! Glue between clusters: Han–Latin spacing (a typed space there counts as that gap), the
//! compression of adjacent marks (the facing blank halves), and what justification may use.

use super::class::Class;
use super::prepare::{Cluster, Gap, GapKind};

/// Builds `gaps[k]`, the glue before cluster `k`.
pub(super) fn glue(clusters: &mut [Cluster]) -> Vec<Gap> {
    let mut gaps = vec![Gap::default(); clusters.len()];
    for k in 1..clusters.len() {
        let (a, b) = (&clusters[k - 1], &clusters[k]);
        gaps[k] = gap(a, b);
    }
    // A space typed between Han and a Latin letter or digit is that gap, not added to it.
    for k in 1..clusters.len().saturating_sub(1) {
        let (prev, mid, next) = (clusters[k - 1].class, clusters[k].class, clusters[k + 1].class);
        if mid == Class::Space && han_latin(prev, next) {
            clusters[k].width = 0.0;
            clusters[k].visible = false;
            gaps[k] = Gap { natural: 0.0, kind: GapKind::Solid };
            gaps[k + 1] = Gap { natural: 0.25 * clusters[k].size, kind: GapKind::HanLatin };
        }
    }
    gaps
}

/// Whether two classes meet at a Han–Latin boundary.
fn han_latin(a: Class, b: Class) -> bool {
    (a == Class::Han && b.is_western()) || (a.is_western() && b == Class::Han)
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
