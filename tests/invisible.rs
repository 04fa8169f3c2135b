//! Default-ignorable characters (isolates, marks, the Mongolian vowel separator, tag
//! characters …) are kept in the text, not drawn and warned about; an ideographic variation
//! sequence draws the variant glyph of the bundled font's format-14 cmap and copies out whole.

use std::path::{Path, PathBuf};

use jianbao::build::{BuildOptions, typeset};
use jianbao::page::Item;

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
                out.extend(run.glyphs.iter().map(|g| (g.id, g.text.clone(), run.face)));
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

#[test]
fn an_ideographic_variation_sequence_draws_its_variant_and_copies_out() {
    let (plain, _) = glyphs(&issue("plain", "葛。\n"));
    let (varied, warnings) = glyphs(&issue("ivs", "葛\u{E0100}。\n"));
    let ge = |g: &[(u16, String, jianbao::font::FaceId)]| {
        g.iter().find(|(_, t, _)| t.starts_with('葛')).map(|(id, t, _)| (*id, t.clone()))
    };
    let (Some((plain_id, _)), Some((variant_id, text))) = (ge(&plain), ge(&varied)) else {
        panic!("葛 not drawn: {plain:?} {varied:?}");
    };
    assert_ne!(plain_id, variant_id, "the variation selector selects another glyph");
    assert_eq!(text, "葛\u{E0100}", "the sequence copies out whole");
    assert!(varied.iter().all(|(id, _, _)| *id != 0), "{varied:?}");
    assert!(!warnings.iter().any(|w| w.contains("E0100")), "a variation sequence is no fault: {warnings:?}");
}
