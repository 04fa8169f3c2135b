//! Cases 25–34: Latin, digits, URLs.

use super::*;

/// The gap (em) between the end of glyph `a` and the start of glyph `b` on a line.
fn gap(book: &FontBook, line: &Line, a: &str, b: &str) -> f64 {
    let ga = line.glyphs.iter().find(|g| g.text == a).unwrap();
    x_of(line, b) - ga.x / EM - advance(book, ga)
}

#[test]
fn case_25_han_latin_quarter_em_and_none_before_punctuation() {
    let (lines, book) = set_spans(&[("第4章介绍了基本的API。", 0.0)], 20.0, |_| {});
    let l = &lines[0];
    assert!((gap(&book, l, "第", "4") - 0.25).abs() < 0.01);
    assert!((gap(&book, l, "4", "章") - 0.25).abs() < 0.01);
    assert!((gap(&book, l, "的", "A") - 0.25).abs() < 0.01);
    assert!(gap(&book, l, "I", "。").abs() < 0.01, "no gap between API and 。");
}

#[test]
fn case_26_typed_space_is_the_gap() {
    let with_space = set("在 GitHub 上发布", 20.0);
    let without = set("在GitHub上发布", 20.0);
    assert!((with_space[0].right - without[0].right).abs() < 0.01);
    let drawn: String = with_space[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(drawn, "在GitHub上发布", "no space in the extracted text");
}

#[test]
fn case_27_year_whole_and_no_gap_at_line_edges() {
    let text = "2021年4月3日召开会议。";
    let (lines, book) = set_spans(&[(text, 0.0)], 4.0, |_| {});
    check(text, &lines, 4.0);
    assert!(lines.iter().any(|l| l.text.contains("2021")));
    for l in &lines {
        let first = l.glyphs.first().unwrap();
        assert!(first.x.abs() < 0.01, "no gap at the start of {:?}", l.text);
        let last = l.glyphs.last().unwrap();
        if last.text.chars().all(|c| c.is_ascii_digit()) && !l.last {
            assert!((last.x / EM + advance(&book, last) - l.right / EM).abs() < 0.01, "no gap at the end");
        }
    }
}

#[test]
fn case_28_latin_word_moves_whole_and_is_not_letter_spaced() {
    let text = "请登录Typesetting系统查看。";
    let (lines, book) = set_spans(&[(text, 0.0)], 6.0, |_| {});
    check(text, &lines, 6.0);
    let line = lines.iter().find(|l| l.text.contains("Typesetting")).expect("word whole");
    // The letters keep their natural (kerned) positions relative to each other.
    let natural = set("Typesetting", 20.0);
    let offsets = |l: &Line| -> Vec<f64> {
        let latin: Vec<&LineGlyph> =
            l.glyphs.iter().filter(|g| g.text.chars().all(|c| c.is_ascii_alphabetic())).collect();
        latin.iter().map(|g| (g.x - latin[0].x) / EM).collect()
    };
    let (a, b) = (offsets(line), offsets(&natural[0]));
    assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 0.001), "letter-spaced: {a:?} vs {b:?}");
    let _ = &book;
}

#[test]
fn case_29_percentage_whole() {
    let text = "同比增长12.5%，达到新高。";
    let lines = set(text, 6.0);
    check(text, &lines, 6.0);
    assert!(lines.iter().any(|l| l.text.contains("12.5%")));
}

#[test]
fn case_30_thousands_and_currency_whole() {
    let text = "约4,000吨，共投入经费￥500万元。";
    let lines = set(text, 5.0);
    check(text, &lines, 5.0);
    assert!(lines.iter().any(|l| l.text.contains("4,000")));
    assert!(lines.iter().any(|l| l.text.contains("￥500")));
}

/// The breaks that fall inside `token`, as (char before, char after).
fn token_breaks(lines: &[Line], token: &str) -> Vec<(char, char)> {
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    let start = joined.find(token).unwrap();
    let mut pos = 0;
    let mut out = Vec::new();
    for l in &lines[..lines.len() - 1] {
        pos += l.text.len();
        if pos > start && pos < start + token.len() {
            out.push((joined[..pos].chars().next_back().unwrap(), joined[pos..].chars().next().unwrap()));
        }
    }
    out
}

/// Breaks inside an address never leave a solidus at a line end nor a full stop, solidus or
/// hyphen at a line start (kinsoku holds inside addresses too).
fn kinsoku_clean(breaks: &[(char, char)]) {
    for &(a, b) in breaks {
        assert!(a != '/' && !matches!(b, '.' | '/' | '-'), "break {a}|{b}");
    }
}

#[test]
fn case_31_url_breaks_at_safe_points_and_never_overflows() {
    let url = "https://www.example.gov.cn/lianluo/dongtai/2021/04/03/index.html";
    let text = format!("详见{url}。");
    let (lines, book) = set_spans(&[(&text, 0.0)], 10.0, |_| {});
    check(&text, &lines, 10.0);
    // Safe points first; between two letters only where a safe point would leave a line
    // letter-spaced (the measure is 10 em here); never next to a solidus or before a full stop.
    kinsoku_clean(&token_breaks(&lines, url));
    for l in &lines {
        for g in &l.glyphs {
            assert!(g.x / EM + advance(&book, g) <= 10.0 + 0.01, "glyph beyond the column: {:?}", l.text);
        }
    }
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined.matches('-').count(), text.matches('-').count(), "no hyphen added");
}

#[test]
fn case_32_email_breaks_without_overflow() {
    let address = "lianluochu_hunan@example.gov.cn";
    let text = format!("邮箱：{address}");
    let lines = set(&text, 8.0);
    check(&text, &lines, 8.0);
    kinsoku_clean(&token_breaks(&lines, address));
    // Where the measure allows it, the address breaks at a safe point (after @ or a full stop).
    let lines = set(&text, 12.0);
    check(&text, &lines, 12.0);
    let breaks = token_breaks(&lines, address);
    assert!(breaks.iter().all(|&(a, b)| url::safe_break(a, b, true)), "{breaks:?}");
}

#[test]
fn case_33_phone_number_never_split() {
    for text in ["联系电话：0731-88888888", "联系电话：0731—85309270"] {
        let lines = set(text, 8.0);
        check(text, &lines, 8.0);
        let number = &text[text.find('0').unwrap()..];
        assert!(lines.iter().any(|l| l.text.contains(number)), "{:?}", texts(&lines));
    }
}

#[test]
fn case_34_document_number() {
    let text = "湘人大常发〔2021〕5号";
    let lines = set(text, 5.0);
    check(text, &lines, 5.0);
    assert!(lines.iter().any(|l| l.text.contains("2021")));
    assert!(lines.iter().any(|l| l.text.contains("5号")), "{:?}", texts(&lines));
}

/// A typed space beside a full-width mark's blank adds nothing: the mark keeps its usual
/// width, its blank is the separation, and nothing is drawn for the space.
#[test]
fn spaces_beside_a_marks_blank_are_taken_up_by_it() {
    for (spaced, solid) in
        [("见官网（gov.cn） 纪委监委", "见官网（gov.cn）纪委监委"), ("海河 （网址）", "海河（网址）")]
    {
        let (a, b) = (set(spaced, 30.0), set(solid, 30.0));
        assert_eq!(xs(&a[0]).into_iter().filter(|(t, _)| t != " ").collect::<Vec<_>>(), xs(&b[0]), "{spaced}");
        let drawn: String = a[0].glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(drawn, solid, "the space is not drawn");
    }
    // Between two words the space stays a space.
    let words = set("Apache Software", 30.0);
    assert!(words[0].glyphs.iter().any(|g| g.text == " "));
}
