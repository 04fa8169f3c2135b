//! Cases 17–24: widths and compression of marks.

use super::*;

#[test]
fn case_17_full_stop_and_quote_compressed_and_line_end_half() {
    let lines = set("“好。”他说。", 20.0);
    let l = &lines[0];
    assert!((x_of(l, "他") - x_of(l, "。") - 1.5).abs() < 0.01, "。” takes 1.5 em");
    assert!((l.right - l.left - 6.0 * EM).abs() < 0.01, "total 6 em: {}", l.right - l.left);
}

#[test]
fn case_18_closing_bracket_and_comma() {
    let lines = set("（一），二", 20.0);
    let l = &lines[0];
    assert!((x_of(l, "二") - x_of(l, "）") - 1.5).abs() < 0.01);
    assert!((l.right - l.left - 4.5 * EM).abs() < 0.01);
}

#[test]
fn case_19_colon_and_quote_also_across_style_runs() {
    for spans in [vec![("他说：“是。”", 0.0)], vec![("他说：", 0.03), ("“是。”", 0.0)]] {
        let (lines, _) = set_spans(&spans, 20.0, |_| {});
        let l = &lines[0];
        assert!((x_of(l, "是") - x_of(l, "：") - 1.5).abs() < 0.01, "：“ is 1.5 em in {spans:?}");
    }
}

#[test]
fn case_20_bracket_and_question_mark_face_ink_to_ink() {
    let lines = set("这是（？）一句话。", 20.0);
    let l = &lines[0];
    assert!((x_of(l, "？") - x_of(l, "（") - 1.0).abs() < 0.01, "（？ not compressed");
    assert!((x_of(l, "一") - x_of(l, "（") - 2.5).abs() < 0.01, "（？） is 2.5 em");
}

#[test]
fn case_21_question_exclamation_pairs() {
    let lines = set("真的吗？！", 20.0);
    let l = &lines[0];
    assert!((l.right / EM - x_of(l, "？") - 1.0).abs() < 0.01, "？！ takes 1 em");
    let lines = set("为什么？？？好", 20.0);
    let l = &lines[0];
    assert!((x_of(l, "好") - x_of(l, "？") - 2.0).abs() < 0.01, "？？？ takes 2 em");
}

#[test]
fn case_22_line_end_marks_half_width_and_line_full() {
    let text = "一二三四五六七八九，十一二三四五六七八。一二三四五六七八九，十一二三四五六七八。";
    let lines = set(text, 10.0);
    check(text, &lines, 10.0);
    for l in &lines[..lines.len() - 1] {
        if l.text.ends_with(['，', '。']) {
            let mark = l.text.chars().next_back().unwrap().to_string();
            assert!((l.right / EM - x_of(l, &mark) - 0.5).abs() < 0.01, "{:?}", l.text);
            assert!((l.right - 10.0 * EM).abs() < 0.01);
        }
    }
}

#[test]
fn case_23_bracket_at_paragraph_start_after_indent() {
    let (lines, _) = set_spans(&[("（一）聚焦主题主线。", 0.0)], 13.0, |s| s.first_indent = 2.0 * EM);
    assert!((x_of(&lines[0], "（") - 2.0).abs() < 0.01, "full-width bracket after a 2-em indent");
}

#[test]
fn case_24_kaiming_style() {
    let (lines, _) = set_spans(&[("一，二、三。四？", 0.0)], 20.0, |s| s.punctuation = PunctStyle::Kaiming);
    let l = &lines[0];
    assert!((x_of(l, "二") - x_of(l, "，") - 0.5).abs() < 0.01);
    assert!((x_of(l, "三") - x_of(l, "、") - 0.5).abs() < 0.01);
    assert!((x_of(l, "四") - x_of(l, "。") - 1.0).abs() < 0.01);
}

/// A face whose “” are Latin-width (the bundled kai face) still sets them in a full-width box,
/// ink toward the quoted text: the same positions as the body face gives.
#[test]
fn proportional_quotes_take_a_full_em() {
    let mut book = FontBook::new();
    let kai = book.add(bundled_face("LXGW WenKai").expect("bundled").expect("parses"));
    let spans = [Span { text: "甲“乙”丙".into(), face: kai, size: EM, embolden: 0.0 }];
    let lines = compose(&book, &spans, &ParStyle::new(20.0 * EM, Align::Left));
    let l = &lines[0];
    assert!((x_of(l, "乙") - 2.0).abs() < 0.01, "{:?}", xs(l));
    assert!((x_of(l, "丙") - 4.0).abs() < 0.01, "{:?}", xs(l));
    let open = l.glyphs.iter().find(|g| g.text == "“").expect("“");
    assert!(open.x / EM > 1.5, "the opening quote's ink sits right, by 乙: {:?}", xs(l));
}

/// A letter whose ink reaches past its advance (the serif `f`) at a line end makes room for
/// its hook but for the part that hangs past the edge: half of it at body sizes, never more
/// than half a point. Mid-line it keeps its own advance.
#[test]
fn a_hook_at_a_line_end_hangs_half_a_point_at_most() {
    let (book, face) = book();
    let ink = |id: u16, size: f64| book.face(face).overhang(id) * size;
    assert!(ink(book.face(face).glyph('f').expect("f"), EM) > 0.5);
    // A word broken by emergency after its f (or ff ligature), at body and display sizes.
    for size in [EM, 24.0] {
        let span = Span { text: "staffstaffstaffstaff".into(), face, size, embolden: 0.0 };
        let measure = 2.6 * size;
        let lines = compose(&book, &[span], &ParStyle::new(measure, Align::Justify));
        let ends_f: Vec<&Line> = lines.iter().filter(|l| l.text.ends_with('f')).collect();
        assert!(!ends_f.is_empty(), "{:?}", texts(&lines));
        for l in ends_f {
            let last = l.glyphs.last().expect("glyphs");
            let box_end = last.x + advance(&book, last) * EM;
            let hook = ink(last.id, size);
            let room = l.right - box_end;
            assert!(hook > 0.5 && room > 0.0, "{size} pt: {hook} {room}");
            let hangs = box_end + hook - l.right;
            assert!(hangs <= 0.45 + 1e-9 && (hangs - (hook / 2.0).min(0.45)).abs() < 1e-9, "{size} pt: {hangs}");
            assert!(l.right <= measure + 1e-6, "{:?} past the measure: {}", l.text, l.right);
        }
    }
    let mid = set("a left turn", 30.0);
    let f = mid[0].glyphs.iter().position(|g| g.text == "f").expect("f");
    let (a, b) = (&mid[0].glyphs[f], &mid[0].glyphs[f + 1]);
    assert!((b.x - a.x - advance(&book, a) * EM).abs() < 0.2, "f keeps its advance mid-line");
}
