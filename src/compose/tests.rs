//! Composition tests on the cases of cjk-rules §4 that this stage already covers.

use super::class::{no_line_end, no_line_start};
use super::*;
use crate::font::{FontBook, bundled_face};

/// A book with the bundled regular face, and its id.
fn book() -> (FontBook, FaceId) {
    let mut book = FontBook::new();
    let face = bundled_face("Noto Serif CJK SC").expect("bundled").expect("parses");
    let id = book.add(face);
    (book, id)
}

/// Composes `text` at 10 pt in a measure `w` em wide, justified, no indent.
fn set(text: &str, w: f64) -> Vec<Line> {
    let (book, face) = book();
    let span = Span { text: text.into(), face, size: 10.0, embolden: 0.0 };
    let style =
        ParStyle { width: w * 10.0, first_indent: 0.0, rest_indent: 0.0, align: Align::Justify, kinsoku: Kinsoku::Gb };
    compose(&book, &[span], &style)
}

/// Asserts the kinsoku and no-loss properties every composed paragraph must have.
fn check(text: &str, lines: &[Line], w: f64) {
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, text, "characters lost, added or reordered");
    for (i, l) in lines.iter().enumerate() {
        let first = l.text.chars().next().unwrap();
        let last = l.text.chars().next_back().unwrap();
        if i > 0 {
            assert!(!no_line_start(first), "line {} starts with {first}: {:?}", i + 1, l.text);
        }
        if i + 1 < lines.len() {
            assert!(!no_line_end(last), "line {} ends with {last}: {:?}", i + 1, l.text);
            // A line that is one Latin word has nowhere to put space (no letter-spacing).
            let spaceable = l.text.chars().any(|c| c.is_whitespace() || super::class::Class::of(c).is_cjk());
            assert!(
                !spaceable || (l.right - w * 10.0).abs() < 0.01,
                "line {} not justified: right {} {:?}",
                i + 1,
                l.right,
                l.text
            );
        }
        assert!(l.right <= w * 10.0 + 0.01, "line {} overfull", i + 1);
    }
}

#[test]
fn push_in_fits_line_end_mark() {
    // Case 1: the line-end 。 takes ½ em so it stays on line 1.
    let text = "一二三，四五六七八。九十";
    let lines = set(text, 9.0);
    check(text, &lines, 9.0);
    assert_eq!(lines[0].text, "一二三，四五六七八。");
}

#[test]
fn push_out_when_mark_cannot_start_a_line() {
    // Case 2: ， may not start line 2, so 九 moves down with it.
    let text = "一二三四五六七八九，十";
    let lines = set(text, 9.0);
    check(text, &lines, 9.0);
    assert!(!lines[1].text.starts_with('，'));
}

#[test]
fn opening_bracket_never_ends_a_line() {
    let text = "学习贯彻《中华人民共和国宪法》精神。";
    let lines = set(text, 5.0);
    check(text, &lines, 5.0);
}

#[test]
fn lone_last_character_is_avoided() {
    // Case 35: the naive last line 九。 is a 孤字.
    let text = "一二三四五六七八一二三四五六七八九。";
    let lines = set(text, 8.0);
    check(text, &lines, 8.0);
    let last = &lines.last().unwrap().text;
    assert!(last.chars().filter(|c| !no_line_start(*c)).count() >= 2, "孤字: {last}");
}

#[test]
fn two_em_dash_is_one_unbroken_two_em_box() {
    // Cases 10 and 62.
    let text = "一二三四五六七——八九";
    let lines = set(text, 8.0);
    check(text, &lines, 8.0);
    assert!(lines.iter().all(|l| !l.text.starts_with("—") || l.text.starts_with("——")));
    let one = set("——", 20.0);
    let dash = &one[0];
    assert!((dash.right - 20.0).abs() < 0.01, "—— is {} pt wide at 10 pt", dash.right);
}

#[test]
fn latin_words_and_numbers_stay_whole() {
    let text = "请登录Typesetting系统查看。同比增长12.5%，达到新高。";
    let lines = set(text, 6.0);
    check(text, &lines, 6.0);
    assert!(lines.iter().any(|l| l.text.contains("Typesetting")));
    assert!(lines.iter().any(|l| l.text.contains("12.5%")));
}

#[test]
fn han_latin_gap_replaces_typed_space() {
    let with_space = set("在 GitHub 上发布", 20.0);
    let without = set("在GitHub上发布", 20.0);
    assert!((with_space[0].right - without[0].right).abs() < 0.01);
    let drawn: String = with_space[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(drawn, "在GitHub上发布");
}
