//! Cases 35–42: paragraph-level rules.

use super::*;

#[test]
fn case_35_no_lone_last_character() {
    let text = "一二三四五六七八一二三四五六七八九。";
    let lines = set(text, 8.0);
    check(text, &lines, 8.0);
    let last = &lines.last().unwrap().text;
    assert!(last.chars().filter(|c| class::is_han(*c)).count() >= 2, "孤字: {last}");
}

#[test]
fn case_36_37_first_line_indent_is_two_em_once() {
    // The document stage drops a typed indent (two U+3000); the layout's indent is 2 em.
    for source in ["聚焦主题主线。围绕中心工作开展调研。", "\u{3000}\u{3000}聚焦主题主线。围绕中心工作开展调研。"]
    {
        let origin = crate::document::Origin::file(crate::document::FileId(0), source.len());
        let paragraphs = crate::document::paragraphs(source, &origin);
        let text: String = paragraphs[0].runs.iter().map(|r| r.text.as_str()).collect();
        let (lines, _) = set_spans(&[(&text, 0.0)], 13.0, |s| s.first_indent = 2.0 * EM);
        assert!((lines[0].glyphs[0].x / EM - 2.0).abs() < 0.01, "indent of {source:?}");
    }
}

#[test]
fn case_38_bold_run_in_with_synthetic_bold_keeps_the_grid() {
    let spans = [("聚焦主题主线。", 0.04), ("围绕中心工作开展调研，深入基层听取意见。", 0.0)];
    let (bold, _) = set_spans(&spans, 13.0, |_| {});
    let (plain, _) = set_spans(&[("聚焦主题主线。围绕中心工作开展调研，深入基层听取意见。", 0.0)], 13.0, |_| {});
    assert_eq!(texts(&bold), texts(&plain), "breaks as if one run");
    for (a, b) in bold.iter().zip(&plain) {
        let xa: Vec<f64> = a.glyphs.iter().map(|g| g.x).collect();
        let xb: Vec<f64> = b.glyphs.iter().map(|g| g.x).collect();
        assert_eq!(xa, xb, "advances unchanged by synthetic bold");
    }
    assert!(bold[0].glyphs[0].embolden > 0.0 && bold[0].text.starts_with("聚焦主题主线。围"));
}

#[test]
fn case_39_latin_word_in_justified_line_gaps_at_most_half_em() {
    let text = "本次会议通过了关于加强Internet信息服务管理工作的若干意见和实施办法的决定。";
    let (lines, book) = set_spans(&[(text, 0.0)], 13.0, |_| {});
    check(text, &lines, 13.0);
    for l in &lines[..lines.len() - 1] {
        for pair in l.glyphs.windows(2) {
            let gap = pair[1].x / EM - pair[0].x / EM - advance(&book, &pair[0]);
            assert!(gap <= 0.5 + 0.01, "gap {gap} em in {:?}", l.text);
        }
    }
}

#[test]
fn case_40_last_line_natural() {
    let lines = set("一二三，四五。", 13.0);
    let l = &lines[0];
    assert!((x_of(l, "二") - x_of(l, "一") - 1.0).abs() < 0.01, "not spread");
    assert!(l.right < 13.0 * EM - 1.0);
}

#[test]
fn case_41_dash_at_line_end_stays_inside_the_measure() {
    let text = "一二三四五六——七八九十";
    let (lines, book) = set_spans(&[(text, 0.0)], 8.0, |_| {});
    check(text, &lines, 8.0);
    for l in &lines {
        for g in &l.glyphs {
            assert!(g.x / EM + advance(&book, g) <= 8.0 + 0.01, "ink past the edge in {:?}", l.text);
        }
    }
}

#[test]
fn case_42_hanging_only_a_lone_mark_and_by_half_an_em_at_most() {
    let hang = |s: &mut ParStyle| s.hanging = true;
    // A lone ， may hang.
    let (lines, _) = set_spans(&[("一二三四五六七八，九十一二三四五六七八。", 0.0)], 8.0, hang);
    let over: Vec<f64> = lines.iter().map(|l| l.glyphs.last().map_or(0.0, |g| g.x / EM + 0.5 - 8.0)).collect();
    assert!(over.iter().all(|o| *o <= 0.5 + 0.01), "at most ½ em of ink outside: {over:?}");
    // A cluster 。” does not hang.
    let (lines, _) = set_spans(&[("一二三四五六七。”九十一二三四五六七八。", 0.0)], 8.0, hang);
    for l in &lines[..lines.len() - 1] {
        assert!(l.right <= 8.0 * EM + 0.01, "nothing hangs after a cluster: {:?}", l.text);
    }
}

/// A variation selector the font has no sequence for draws nothing and takes no room: the
/// hidden glyph shaping leaves for it is dropped, so no glyph reaches past its cluster.
#[test]
fn a_variation_selector_without_a_sequence_draws_nothing() {
    let (lines, book) = set_spans(&[("中\u{FE0F}文（甲）", 0.0)], 20.0, |_| {});
    let glyphs = &lines[0].glyphs;
    assert_eq!(glyphs.len(), 5, "{glyphs:?}");
    for pair in glyphs.windows(2) {
        assert!(pair[0].x + advance(&book, &pair[0]) * EM <= pair[1].x + 5.01, "{pair:?}");
    }
}
