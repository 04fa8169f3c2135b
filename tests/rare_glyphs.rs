//! Rare characters (`../shared/corpus/rare/`, CJK Extensions B–G): every one is either drawn
//! from some font — the body face or a fallback — or reported by code point.

use std::path::{Path, PathBuf};

use jianbao::build::{BuildError, BuildOptions, typeset};
use jianbao::page::Item;

/// An issue whose first article holds `text`, in a fresh temporary folder.
fn issue_with(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-rare-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let example = Path::new("examples/lianluo-2021-04");
    std::fs::copy(example.join("issue.toml"), dir.join("issue.toml")).unwrap();
    std::fs::write(dir.join("articles/01-changsha.md"), text).unwrap();
    std::fs::copy(example.join("articles/02-yiyang.md"), dir.join("articles/02-yiyang.md")).unwrap();
    dir.join("issue.toml")
}

/// The rare characters of the corpus inventory, or `None` when `../shared` is absent.
fn rare_chars() -> Option<String> {
    let Ok(tsv) = std::fs::read_to_string("../shared/corpus/rare/rare-han-inventory.tsv") else {
        eprintln!("skipped: ../shared/corpus/rare is absent");
        return None;
    };
    Some(tsv.lines().skip(1).filter_map(|l| l.split('\t').next()).collect())
}

#[test]
fn every_rare_character_is_drawn_or_reported() {
    let Some(chars) = rare_chars() else { return };
    let manifest = issue_with("all", &chars);
    let options = BuildOptions { allow_missing_glyphs: true, ..BuildOptions::default() };
    let set = typeset(&manifest, &options).expect("builds with boxes allowed");
    let mut drawn = String::new();
    for page in &set.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                for g in &run.glyphs {
                    let reported = set.glyph_warnings.iter().any(|w| w.contains(g.text.as_str()));
                    assert!(
                        g.id != 0 || g.text.trim().is_empty() || reported,
                        "{:?} is a box but not reported",
                        g.text
                    );
                    drawn.push_str(&g.text);
                }
            }
        }
    }
    for c in chars.chars() {
        assert!(drawn.contains(c), "{c} lost");
    }
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it() {
    // A plane-16 private-use character stands for one no font has.
    let manifest = issue_with("missing", "第一段。\n\n第二段有一个字\u{10FFFD}在这里。\n");
    match typeset(&manifest, &BuildOptions::default()) {
        Err(BuildError::Input(d)) => {
            let text = d.to_string();
            assert!(text.contains("U+10FFFD"), "{text}");
            assert!(text.contains("01-changsha.md:3:"), "points at the file line: {text}");
            assert!(text.contains("paragraph 2"), "{text}");
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a character no font has must stop the build"),
    }
    let options = BuildOptions { allow_missing_glyphs: true, ..BuildOptions::default() };
    let set = typeset(&manifest, &options).expect("builds with a box");
    assert_eq!(set.glyph_warnings.len(), 1, "{:?}", set.glyph_warnings);
}

#[test]
fn fallback_glyph_sits_on_the_grid() {
    use jianbao::compose::{Align, ParStyle, Span, compose};
    use jianbao::font::{FallbackChain, FontBook, add_fallbacks, bundled_face};
    let mut book = FontBook::new();
    let body = book.add(bundled_face("Noto Serif CJK SC").unwrap().unwrap());
    // Not in Noto Serif CJK SC (see corpus/rare/rare-han-inventory.tsv).
    let rare = '𠇹';
    assert!(!book.covers(rare));
    let chain = FallbackChain { fonts: Vec::new(), system: true };
    let missing = add_fallbacks(&mut book, &chain, &[rare].into_iter().collect()).unwrap();
    if !missing.is_empty() {
        eprintln!("skipped: no font on this system has {rare}");
        return;
    }
    let span = Span { text: format!("一{rare}二"), face: body, size: 10.0, embolden: 0.0 };
    let lines = compose(&book, &[span], &ParStyle::new(200.0, Align::Left));
    let g = &lines[0].glyphs;
    assert_ne!(g[1].face, body, "drawn from a fallback face");
    assert!((g[2].x - g[0].x - 20.0).abs() < 0.01, "the fallback character takes one em");
}
