//! Cases 1–16: prohibition, push-in and push-out.

use super::*;

#[test]
fn case_01_push_in_line_end_mark() {
    let text = "一二三，四五六七八。九十";
    let lines = set(text, 9.0);
    check(text, &lines, 9.0);
    assert_eq!(lines[0].text, "一二三，四五六七八。");
    assert!((x_of(&lines[0], "。") - 8.5).abs() < 0.01, "。 ends the line at ½ em");
}

#[test]
fn case_02_push_out_when_mark_cannot_start_a_line() {
    let text = "一二三四五六七八九，十";
    let lines = set(text, 9.0);
    check(text, &lines, 9.0);
    assert_eq!(texts(&lines), ["一二三四五六七八", "九，十"]);
    // Equal gaps of 1/7 em.
    let x = xs(&lines[0]);
    for pair in x.windows(2) {
        assert!((pair[1].1 - pair[0].1 - (1.0 + 1.0 / 7.0)).abs() < 0.01, "{pair:?}");
    }
}

#[test]
fn case_03_quote_pulled_back_onto_line() {
    let text = "他说：“今天开会。”明天再议。";
    let lines = set(text, 9.0);
    check(text, &lines, 9.0);
    assert!(lines[0].text.ends_with('”'), "{:?}", texts(&lines));
}

#[test]
fn case_04_no_opening_bracket_at_line_end_and_no_lone_last_line() {
    let text = "会议审议了（草案）等文件。";
    let lines = set(text, 6.0);
    check(text, &lines, 6.0);
    let last = lines.last().unwrap().text.chars().filter(|c| class::is_han(*c)).count();
    assert!(last >= 2, "{:?}", texts(&lines));
}

#[test]
fn case_05_book_title_marks_cascade() {
    let text = "学习贯彻《中华人民共和国宪法》精神。";
    check(text, &set(text, 5.0), 5.0);
}

#[test]
fn case_06_interpunct_not_at_line_start() {
    let text = "克里斯蒂娜·罗塞蒂的诗。";
    let lines = set(text, 5.0);
    check(text, &lines, 5.0);
    let line = lines.iter().find(|l| l.text.contains('·')).unwrap();
    let (dot, next) = (x_of(line, "·"), line.text.split('·').nth(1).unwrap().chars().next().unwrap());
    let width = x_of(line, &next.to_string()) - dot;
    // ½ em plus any justification glue (less than ¼ em per gap at this measure).
    assert!(width < 0.9, "· is ½ em, not a full em: {width}");
}

#[test]
fn case_07_wave_dash_not_at_line_start() {
    let text = "时间为三月一日～五日。";
    check(text, &set(text, 7.0), 7.0);
}

#[test]
fn case_08_two_em_dash_never_split() {
    let text = "会期三天——十一日至十三日。";
    for w in [5.0, 4.0, 6.0] {
        let lines = set(text, w);
        check(text, &lines, w);
        assert!(lines.iter().any(|l| l.text.contains("——")));
    }
    let strict = set_spans(&[(text, 0.0)], 5.0, |s| s.kinsoku = Kinsoku::Strict).0;
    check(text, &strict, 5.0);
    assert!(strict.iter().skip(1).all(|l| !l.text.starts_with('—')));
}

#[test]
fn case_09_ellipsis_never_split_and_two_em() {
    let text = "他说……好吧，就这样。";
    let lines = set(text, 3.0);
    check(text, &lines, 3.0);
    assert!(lines.iter().any(|l| l.text.contains("……")));
    let one = set("说……好", 20.0);
    assert!((x_of(&one[0], "好") - x_of(&one[0], "……") - 2.0).abs() < 0.01);
}

#[test]
fn case_10_dash_pair_not_split_across_lines() {
    let text = "一二三四五六七——八九";
    let lines = set(text, 8.0);
    check(text, &lines, 8.0);
    assert!(lines.iter().all(|l| !l.text.starts_with('—') || l.text.starts_with("——")));
    assert!(lines.iter().all(|l| !l.text.ends_with('—') || l.text.ends_with("——")));
}

#[test]
fn case_11_break_between_closing_and_opening_quote() {
    let text = "上一句话。”“下一句话。";
    // The break between ” and “ is an opportunity (ctex-kit#437) …
    let at = text.find('“').unwrap();
    assert!(matches!(breaks::text_breaks(text, Kinsoku::Gb)[at], breaks::Break::Allowed(p) if p == 0.0));
    // … and is used where the next line fits: with line-start openers trimmed at 5 em, and
    // with full-width openers at 5.5 em.
    let (trimmed, _) = set_spans(&[(text, 0.0)], 5.0, |s| s.trim_opener = true);
    check(text, &trimmed, 5.0);
    assert_eq!(trimmed[0].text, "上一句话。”");
    let (full, _) = set_spans(&[(text, 0.0)], 5.5, |_| {});
    assert_eq!(full[0].text, "上一句话。”");
    let mid = set(text, 20.0);
    let pair = x_of(&mid[0], "“") - x_of(&mid[0], "”");
    assert!((pair - 0.5).abs() < 0.01, "”“ unbroken is 1.5 em: ” takes {pair}");
}

#[test]
fn case_12_closing_cluster_stays_with_its_word() {
    let text = "详见（附件“说明”）。下文";
    let lines = set(text, 9.0);
    check(text, &lines, 9.0);
    let line = lines.iter().find(|l| l.text.contains("明”）。")).expect("”）。 with 明");
    let mid = set(text, 20.0);
    let cluster = x_of(&mid[0], "下") - x_of(&mid[0], "”");
    assert!((cluster - 2.0).abs() < 0.01, "”）。 is 2 em mid-line: {cluster}");
    let end = set("说明”）。", 20.0);
    let at_end = end[0].right / EM - x_of(&end[0], "”");
    assert!((at_end - 1.5).abs() < 0.01, "and 1.5 em at a line end: {at_end}");
    let _ = line;
}

#[test]
fn case_13_ascii_punctuation_not_at_line_start() {
    let text = "今天,我们开会;明天(周二)再议.";
    let lines = set(text, 5.0);
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, text);
    for l in lines.iter().skip(1) {
        assert!(!l.text.starts_with([',', ';', ')', '.']), "{:?}", texts(&lines));
    }
}

#[test]
fn case_14_paragraph_may_start_with_dash_even_when_strict() {
    let text = "——在全省人大联络工作会议上的讲话";
    let lines = set_spans(&[(text, 0.0)], 13.0, |s| s.kinsoku = Kinsoku::Strict).0;
    assert!(lines[0].text.starts_with("——"));
    assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), text);
}

#[test]
fn case_15_solidus_at_neither_end_and_fraction_whole() {
    let text = "比例为1/2，即甲／乙两方";
    let lines = set(text, 6.0);
    check(text, &lines, 6.0);
    for l in &lines {
        assert!(!l.text.starts_with(['/', '／']) && !l.text.ends_with(['/', '／']), "{:?}", texts(&lines));
    }
    assert!(lines.iter().any(|l| l.text.contains("1/2")));
}

#[test]
fn case_16_unbreakable_cluster_wider_than_the_measure_terminates_and_reports() {
    let text = "（——）好";
    let lines = set(text, 3.0);
    assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), text);
    // Nothing may be printed past the column: the break the rules forbid is the last resort,
    // taken rather than an overflow; an overflow that remains is reported and at most the
    // cluster's excess.
    let over = lines.iter().map(|l| l.overfull).fold(0.0, f64::max);
    assert!(over <= 1.0 * EM + 0.01, "overflows by at most the cluster's excess: {over}");
    assert!(over == 0.0 || lines.len() == 1, "an overflow is reported only where no break exists: {over}");
}

/// An opening bracket after a space gives its blank half as after a Han character: the
/// line keeps it rather than ending with it (which the rules forbid).
#[test]
fn opening_bracket_after_a_space_gives_its_blank() {
    let text = "《 “——";
    let lines = set(text, 4.0);
    check(text, &lines, 4.0);
    assert_eq!(texts(&lines), [text]);
    assert!(x_of(&lines[0], "——") <= 2.0 + 0.01, "the “ takes ½ em: {:?}", xs(&lines[0]));
}

/// Straight double quotes between Chinese characters are brackets too: a line may start with
/// an opening one and end after a closing one (UAX #14 binds them to both sides), never the
/// other way round.
#[test]
fn straight_quotes_in_chinese_break_like_brackets() {
    let text = "嗨!你知道嘛?今天前台的小妹跟我说\"喵\"了哎！她又说\"汪\"了。";
    let mut seen = [false; 2];
    for tenths in 60..260 {
        let w = f64::from(tenths) / 10.0;
        let lines = set(text, w);
        check(text, &lines, w);
        for i in 1..lines.len() {
            // Quotes on the lines before line i: even means the next one opens.
            let before: usize = lines[..i].iter().map(|l| l.text.matches('"').count()).sum();
            if lines[i].text.starts_with('"') {
                seen[0] = true;
                assert!(before.is_multiple_of(2), "{w} em: a closing quote starts a line: {:?}", texts(&lines));
            }
            if lines[i - 1].text.ends_with('"') {
                seen[1] = true;
                assert!(before.is_multiple_of(2), "{w} em: an opening quote ends a line: {:?}", texts(&lines));
            }
        }
    }
    assert!(seen[0] && seen[1], "both breaks taken somewhere: {seen:?}");
    // At 21 em with a 2-em indent the quoted word stays on the first line (no lone 了哎！ nor
    // a first line spread by 0.28 em).
    let text = "嗨!你知道嘛?今天前台的小妹跟我说\"喵\"了哎！";
    let (lines, _) = set_spans(&[(text, 0.0)], 21.0, |s| s.first_indent = 2.0 * EM);
    assert_eq!(texts(&lines), ["嗨!你知道嘛?今天前台的小妹跟我说\"喵\"", "了哎！"]);
}
