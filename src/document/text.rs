//! Article text: paragraphs, joined line breaks and `**bold**` runs.

use super::model::{Paragraph, Run};

/// Splits article text into paragraphs of style runs.
///
/// Paragraphs are separated by blank (or whitespace-only) lines; CRLF is accepted. Line
/// breaks inside a paragraph are joined without a space next to CJK characters or
/// punctuation, and with one space otherwise (between Latin words or digits). Leading
/// ideographic spaces (U+3000) of a paragraph are dropped: the layout indents. A tab inside
/// a line becomes a space (the manifest's checks report it); every other character is kept.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            out.extend(paragraph(&lines));
            lines.clear();
        } else {
            lines.push(line);
        }
    }
    out.extend(paragraph(&lines));
    out
}

/// Horizontal whitespace an editor's line wrapping leaves at a line's ends.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// One paragraph from its lines; `None` when there is no text.
fn paragraph(lines: &[&str]) -> Option<Paragraph> {
    let mut joined = String::new();
    for line in lines {
        let line = untab(line.trim_matches(is_blank));
        if let (Some(a), Some(b)) = (joined.chars().next_back(), line.chars().next())
            && !is_cjk(a)
            && !is_cjk(b)
        {
            joined.push(' ');
        }
        joined.push_str(&line);
    }
    let body = joined.trim_start_matches(|c| is_blank(c) || c == '\u{3000}');
    if body.is_empty() {
        return None;
    }
    Some(Paragraph { runs: runs(body) })
}

/// `text` with each tab replaced by a space: a tab has no width of its own in print.
pub fn untab(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\t') { text.replace('\t', " ").into() } else { text.into() }
}

/// Whether a line break next to `c` is joined without a space: Han, kana, Hangul, CJK and
/// full-width punctuation, and the quotes, dashes and ellipsis used in Chinese text.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x31FF
        | 0x3200..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE10..=0xFE1F | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
        || matches!(c, '‘' | '’' | '“' | '”' | '—' | '…' | '·' | '⸺')
}

/// Style runs of a paragraph: `**…**` is bold; an unmatched or empty `**` stays literal.
fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut push = |text: &str, bold: bool| match out.last_mut() {
        _ if text.is_empty() => {}
        Some(last) if last.bold == bold => last.text.push_str(text),
        _ => out.push(Run { text: text.to_string(), bold }),
    };
    let mut rest = text;
    while let Some(open) = rest.find("**") {
        let inner = &rest[open + 2..];
        match inner.find("**") {
            Some(0) => {
                push(&rest[..open + 4], false);
                rest = &inner[2..];
            }
            Some(close) => {
                push(&rest[..open], false);
                push(&inner[..close], true);
                rest = &inner[close + 2..];
            }
            None => break,
        }
    }
    push(rest, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        paragraphs(text).iter().map(|p| p.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    fn run(text: &str, bold: bool) -> Run {
        Run { text: text.to_string(), bold }
    }

    #[test]
    fn splits_on_blank_lines() {
        assert_eq!(texts("甲。\n\n乙。\n  \n\n\t\n丙。\n"), ["甲。", "乙。", "丙。"]);
        assert_eq!(texts("\n\n甲。\n\n"), ["甲。"]);
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\u{3000}\n").is_empty());
    }

    #[test]
    fn accepts_crlf() {
        assert_eq!(texts("甲\r\n乙。\r\n\r\n丙。\r\n"), ["甲乙。", "丙。"]);
    }

    #[test]
    fn joins_lines_without_space_next_to_cjk() {
        assert_eq!(texts("长沙市人大\n常委会"), ["长沙市人大常委会"]);
        assert_eq!(texts("3月\n2日，"), ["3月2日，"]);
        assert_eq!(texts("会议，\nPPT"), ["会议，PPT"]);
        assert_eq!(texts("“三高四新”\n战略"), ["“三高四新”战略"]);
        assert_eq!(texts("人大 \n 代表"), ["人大代表"]);
    }

    #[test]
    fn joins_latin_and_digits_with_one_space() {
        assert_eq!(texts("see the\nreport"), ["see the report"]);
        assert_eq!(texts("2021\n2022"), ["2021 2022"]);
        assert_eq!(texts("word,   \n   next"), ["word, next"]);
    }

    #[test]
    fn keeps_other_characters_exactly() {
        assert_eq!(texts("3 月 2 日，A&B　C"), ["3 月 2 日，A&B　C"]);
    }

    #[test]
    fn hygiene_keeps_what_it_does_not_report() {
        // Full-width digits, U+3000 inside a line, zero-width characters, ASCII punctuation
        // between Han characters: kept exactly. A tab inside a line: a space.
        let kept = "全角１２３　数字\u{200B}零宽\u{200D}连接\u{FEFF}今天,我们.结束";
        assert_eq!(texts(kept), [kept]);
        assert_eq!(texts("2021年\tA\tB"), ["2021年 A B"]);
        assert_eq!(texts("\t甲\t\n\t乙"), ["甲乙"]);
        assert_eq!(texts("\u{FEFF}甲\r\n乙"), ["甲乙"]);
    }

    #[test]
    fn removes_leading_ideographic_spaces() {
        assert_eq!(texts("　　为贯彻。\n\n　　**聚焦。**正文"), ["为贯彻。", "聚焦。正文"]);
        assert_eq!(texts("甲\n　　乙"), ["甲　　乙"]);
    }

    #[test]
    fn bold_runs() {
        let p = paragraphs("**聚焦主题主线。**活动紧扣");
        assert_eq!(p[0].runs, [run("聚焦主题主线。", true), run("活动紧扣", false)]);
        let p = paragraphs("前**重**后**又**");
        let want = [run("前", false), run("重", true), run("后", false), run("又", true)];
        assert_eq!(p[0].runs, want);
    }

    #[test]
    fn bold_across_a_line_break() {
        let p = paragraphs("**聚焦\n主线。**活动");
        assert_eq!(p[0].runs, [run("聚焦主线。", true), run("活动", false)]);
    }

    #[test]
    fn unmatched_or_empty_markers_stay_literal() {
        assert_eq!(paragraphs("a**b")[0].runs, [run("a**b", false)]);
        assert_eq!(paragraphs("**甲**乙**丙")[0].runs, [run("甲", true), run("乙**丙", false)]);
        assert_eq!(paragraphs("a****b")[0].runs, [run("a****b", false)]);
    }
}
