//! Variation sequences a face does not list (葛󠄀 = U+845B U+E0100 in the SC face of Noto CJK,
//! whose format-14 cmap has only two selectors): another member of the same collection that
//! lists it (the JP face, with the Adobe-Japan1 sequences) draws that cluster, as a fallback
//! face for it. Where no member lists it, the base glyph is drawn (as Unicode asks).

use std::collections::BTreeSet;

use super::{FaceId, FontBook, FontError};

/// For each of `faces` (the layout's faces) that has the base character of a sequence in
/// `sequences` but does not list the sequence, adds to `book` the first other member of its
/// collection that lists it (a sequence no member lists is left to the base glyph).
pub fn add_variants(
    book: &mut FontBook,
    faces: &[FaceId],
    sequences: &BTreeSet<(char, char)>,
) -> Result<(), FontError> {
    for &face in faces {
        let lacking: Vec<(char, char)> = sequences
            .iter()
            .copied()
            .filter(|&(base, selector)| {
                book.face(face).covers(base) && book.face_for_sequence(face, base, selector).is_none()
            })
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let mut left = lacking;
        for index in book.face(face).siblings() {
            if left.is_empty() {
                break;
            }
            let sibling = book.face(face).sibling(index)?;
            if left.iter().any(|&(base, selector)| sibling.lists(base, selector)) {
                let id = book.add(sibling);
                book.push_variant(face, id);
                left.retain(|&(base, selector)| book.face_for_sequence(face, base, selector).is_none());
            }
        }
    }
    Ok(())
}
