//! The subset equals `subsetter`'s, byte for byte, on the bundled CFF faces; bad bytes give
//! `None`, never a panic.

use proptest::prelude::*;
use subsetter::GlyphRemapper;

use super::subset;
use crate::font::{Face, bundled_face};

/// A bundled face (the test fails if it is missing).
fn face(name: &str) -> Face {
    bundled_face(name).and_then(Result::ok).expect("bundled face")
}

/// The three bundled CFF faces, and another face of a collection (Japanese, index 0).
fn faces() -> Vec<Face> {
    let serif = face("Noto Serif CJK SC");
    let japanese = serif.sibling(0).expect("sibling face");
    vec![serif, face("Noto Serif CJK SC Bold"), face("Noto Sans CJK SC Bold"), japanese]
}

/// Our subset and `subsetter`'s `CFF ` table for the glyphs `ids`; ours is the same written
/// out in pieces on the pool as on one thread.
fn both(face: &Face, ids: &[u16]) -> (Option<Vec<u8>>, Vec<u8>) {
    let remapper = GlyphRemapper::new_from_glyphs_sorted(ids);
    let gids: Vec<u16> = remapper.remapped_gids().collect();
    let table = face.table(*b"CFF ").expect("CFF table");
    let ours = subset(table, &gids, false);
    assert_eq!(subset(table, &gids, true), ours, "{} in pieces, {} glyphs", face.name, ids.len());
    let full = subsetter::subset(face.data.bytes(), face.index, &remapper).expect("subsetter");
    let theirs = crate::pdf::sfnt::table(&full, *b"CFF ").expect("CFF in the subset").to_vec();
    (ours, theirs)
}

#[test]
fn the_subset_is_subsetters_byte_for_byte() {
    for face in faces() {
        let glyphs = face.table(*b"maxp").map(|m| u16::from_be_bytes([m[4], m[5]])).expect("maxp");
        let sets: [Vec<u16>; 5] = [
            vec![],
            vec![0],
            (1..200).collect(),
            (0..glyphs).step_by(97).collect(),
            (0..glyphs).rev().step_by(1013).chain([glyphs - 1, 3, 3]).collect(),
        ];
        for ids in sets {
            let (ours, theirs) = both(&face, &ids);
            assert_eq!(ours.as_deref(), Some(&theirs[..]), "{} with {} glyphs", face.name, ids.len());
        }
    }
}

#[test]
fn a_face_without_cid_keyed_cff_is_left_to_subsetter() {
    let kai = face("LXGW WenKai");
    assert!(kai.table(*b"CFF ").is_none(), "the TrueType face has no CFF table");
    assert_eq!(subset(b"\x02\x00\x04\x04", &[0], false), None, "CFF 2 is not CFF 1");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_glyph_set_is_subsetters(ids in prop::collection::vec(0u16..65_000, 0..60), which in 0usize..3) {
        let face = &faces()[which];
        let (ours, theirs) = both(face, &ids);
        prop_assert_eq!(ours.as_deref(), Some(&theirs[..]));
    }

    #[test]
    fn damaged_bytes_give_none_or_a_subset_never_a_panic(
        cut in 0.0f64..=1.0, flips in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..8), early in any::<bool>(),
    ) {
        let face = face("Noto Serif CJK SC");
        let table = face.table(*b"CFF ").expect("CFF table");
        let mut bytes = table.to_vec();
        // Half the cases damage the first 64 KiB (header, DICTs, strings, the start of the
        // subroutines), the others anywhere.
        let span = if early { 65_536.min(bytes.len()) } else { bytes.len() };
        for (at, b) in flips {
            let at = (at * span as f64) as usize;
            bytes[at] = b;
        }
        let end = (cut * bytes.len() as f64) as usize;
        let _ = subset(&bytes[..end], &[0, 1, 2, 100, 1000, 20_000, 60_000], false);
    }
}
