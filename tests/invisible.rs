//! Default-ignorable characters (isolates, marks, the Mongolian vowel separator, tag
//! characters …) are kept in the text, not drawn and warned about; a variation sequence draws
//! the variant glyph of the bundled font's format-14 cmap — or of another face of its collection
//! that lists the sequence (the base glyph, with a warning, where none does) — and copies out
//! whole.

use std::path::{Path, PathBuf};

mod common;

use common::pdfread;
use jianbao::build::{BuildOptions, typeset};
use jianbao::page::Item;
use jianbao::pdf::write_pdf;

/// An issue whose one article is `text`, in a fresh folder.
fn issue(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-invisible-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let manifest = "[series]\ntitle = \"联络动态\"\npublisher = \"编\"\n\n[issue]\nnumber = 1\ndate = 2021-04-03\n\n\
                    [[article]]\ntitle = \"标题\"\nfile = \"a.md\"\n";
    std::fs::write(dir.join("issue.toml"), manifest).expect("manifest");
    std::fs::write(dir.join("a.md"), text).expect("article");
    dir.join("issue.toml")
}

/// Every glyph of the article's body text: (glyph id, the text it stands for, its face).
fn glyphs(manifest: &Path) -> (Vec<(u16, String, jianbao::font::FaceId)>, Vec<String>) {
    let set = typeset(manifest, &BuildOptions::default()).expect("builds");
    let mut out = Vec::new();
    for page in &set.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                out.extend(run.glyphs.iter().map(|g| (g.id, g.text.to_string(), run.face)));
            }
        }
    }
    (out, set.messages())
}

#[test]
fn default_ignorables_are_kept_not_drawn_and_warned() {
    let invisible = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{180E}', '\u{061C}', '\u{E0041}', '\u{E007F}'];
    let text: String = invisible.iter().map(|c| format!("甲{c}")).collect::<String>() + "乙。\n";
    let (glyphs, warnings) = glyphs(&issue("ignorables", &text));
    assert!(glyphs.iter().all(|(id, _, _)| *id != 0), "a .notdef box is drawn: {glyphs:?}");
    let copied: String = glyphs.iter().map(|(_, t, _)| t.as_str()).collect();
    for c in invisible {
        assert!(copied.contains(c), "U+{:04X} is not in the copied text: {copied:?}", c as u32);
    }
    let warned = warnings.join("\n");
    assert!(warned.contains("U+2066"), "{warned}");
}

/// The glyph id and copied text of the first glyph whose text starts with `base`.
fn glyph_of(glyphs: &[(u16, String, jianbao::font::FaceId)], base: char) -> Option<(u16, String)> {
    glyphs.iter().find(|(_, t, _)| t.starts_with(base)).map(|(id, t, _)| (*id, t.clone()))
}

/// A variation sequence the bundled face maps in its format-14 cmap (礼 U+FE00, a glyph of its
/// own in Noto Serif CJK SC) draws that glyph and copies out whole.
#[test]
fn a_variation_sequence_draws_the_variant_of_the_format_14_cmap() {
    let (plain, _) = glyphs(&issue("plain-li", "礼。\n"));
    let (varied, warnings) = glyphs(&issue("variant-li", "礼\u{FE00}。\n"));
    let (Some((plain_id, _)), Some((variant_id, text))) = (glyph_of(&plain, '礼'), glyph_of(&varied, '礼')) else {
        panic!("礼 not drawn: {plain:?} {varied:?}");
    };
    assert_ne!(plain_id, variant_id, "the variation selector selects another glyph");
    assert_eq!(text, "礼\u{FE00}", "the sequence copies out whole");
    assert!(!warnings.iter().any(|w| w.contains("FE00")), "a variation sequence is no fault: {warnings:?}");
}

/// An ideographic variation sequence the SC face does not list (葛 U+E0100: its format-14
/// cmap has no Adobe-Japan1 sequences) is drawn with the variant glyph of the JP face of the
/// same bundled collection, which lists it; the PDF's text gives the whole sequence back.
#[test]
fn an_ideographic_variation_sequence_draws_the_variant_of_a_sibling_face() {
    let (plain, _) = glyphs(&issue("plain", "葛。\n"));
    let manifest = issue("ivs", "诸葛\u{E0100}亮。\n");
    let (varied, warnings) = glyphs(&manifest);
    let (Some(&(plain_id, _, plain_face)), Some(&(variant_id, ref text, variant_face))) =
        (plain.iter().find(|g| g.1.starts_with('葛')), varied.iter().find(|g| g.1.starts_with('葛')))
    else {
        panic!("葛 not drawn: {plain:?} {varied:?}");
    };
    assert_ne!((plain_id, plain_face), (variant_id, variant_face), "the variant glyph, not the plain one");
    assert_ne!(variant_face, plain_face, "drawn from another face of the collection");
    assert_eq!(text, "葛\u{E0100}", "the sequence copies out whole");
    assert!(varied.iter().all(|(id, _, _)| *id != 0), "{varied:?}");
    assert!(!warnings.iter().any(|w| w.contains("E0100")), "a listed sequence is no fault: {warnings:?}");
    // Its neighbours stay in the body face.
    let face_of = |c: char| varied.iter().find(|g| g.1.starts_with(c)).map(|g| g.2);
    assert_eq!(face_of('诸'), Some(plain_face));
    assert_eq!(face_of('亮'), Some(plain_face));
    let set = typeset(&manifest, &BuildOptions::default()).expect("builds");
    let pdf = write_pdf(&set.pages, &set.metadata, &set.book).expect("PDF");
    let copied = pdfread::extract_text(&pdf).concat();
    assert!(copied.contains("诸葛\u{E0100}亮"), "text extraction: {copied:?}");
}

/// A sequence no face of the collection lists (诸 U+E0100) draws the plain glyph, copies out
/// whole and is warned about.
#[test]
fn an_unlisted_variation_sequence_draws_the_plain_glyph_and_warns() {
    let (plain, _) = glyphs(&issue("plain-zhu", "诸。\n"));
    let (varied, warnings) = glyphs(&issue("unlisted", "诸\u{E0100}亮。\n"));
    let (Some((plain_id, _)), Some((variant_id, text))) = (glyph_of(&plain, '诸'), glyph_of(&varied, '诸')) else {
        panic!("诸 not drawn: {plain:?} {varied:?}");
    };
    assert_eq!(plain_id, variant_id, "the base glyph, as Unicode asks for an unlisted sequence");
    assert_eq!(text, "诸\u{E0100}", "the sequence copies out whole");
    let warned: Vec<&String> = warnings.iter().filter(|w| w.contains("U+8BF8 U+E0100")).collect();
    assert_eq!(warned.len(), 1, "one warning for the sequence: {warnings:?}");
}
