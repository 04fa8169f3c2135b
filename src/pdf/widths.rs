//! Grouping glyph widths into the compact forms of a CIDFont `W` array.

/// One entry of a `W` array.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum WidthGroup {
    /// `c [w1 w2 …]`: consecutive CIDs from `c` with their own widths.
    List(u16, Vec<f32>),
    /// `c_first c_last w`: a range of CIDs sharing one width.
    Same(u16, u16, f32),
}

/// A run of equal widths at least this long becomes a [`WidthGroup::Same`].
const MIN_SAME: usize = 3;

/// Groups `(cid, width)` pairs sorted by CID, covering every CID given.
pub(super) fn group(widths: &[(u16, f32)]) -> Vec<WidthGroup> {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < widths.len() {
        let (first, width) = widths[i];
        let mut j = i + 1;
        while j < widths.len() && widths[j].1 == width && widths[j].0 == widths[j - 1].0.wrapping_add(1) {
            j += 1;
        }
        if j - i >= MIN_SAME {
            groups.push(WidthGroup::Same(first, widths[j - 1].0, width));
        } else {
            for &(cid, w) in &widths[i..j] {
                match groups.last_mut() {
                    Some(WidthGroup::List(start, list)) if usize::from(*start) + list.len() == usize::from(cid) => {
                        list.push(w)
                    }
                    _ => groups.push(WidthGroup::List(cid, vec![w])),
                }
            }
        }
        i = j;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_width_groups() {
        let w = [(1, 500.0), (2, 600.0), (3, 1000.0), (4, 1000.0), (5, 1000.0), (6, 250.0), (9, 1000.0)];
        assert_eq!(
            group(&w),
            vec![
                WidthGroup::List(1, vec![500.0, 600.0]),
                WidthGroup::Same(3, 5, 1000.0),
                WidthGroup::List(6, vec![250.0]),
                WidthGroup::List(9, vec![1000.0]),
            ]
        );
        assert!(group(&[]).is_empty());
    }
}
