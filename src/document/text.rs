//! Article text: paragraphs, joined line breaks and `**bold**` runs.

use std::ops::Range;

use super::model::{Paragraph, Run};
use super::source::{FileId, Source, Text};

/// Where an article's text was written: a file of its own (every byte maps one for one), or
/// a manifest string value that maps one for one from `start` when it has no escapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The file.
    pub file: FileId,
    /// Where the text's first byte is in the file, when the text is the file's bytes.
    pub start: Option<usize>,
    /// The whole value's span, for text that does not map one for one.
    pub value: Range<usize>,
}

impl Origin {
    /// Text that is a whole file.
    pub fn file(file: FileId, len: usize) -> Origin {
        Origin { file, start: Some(0), value: 0..len }
    }

    /// The source of `len` bytes at `offset` of the text.
    fn source(&self, offset: usize, len: usize) -> Source {
        match self.start {
            Some(start) => Source { file: self.file, span: start + offset..start + offset + len, exact: true },
            None => Source { file: self.file, span: self.value.clone(), exact: false },
        }
    }
}

/// Splits article text into paragraphs of style runs, each piece keeping its origin.
///
/// Paragraphs are separated by blank (or whitespace-only) lines; CRLF is accepted. Line
/// breaks inside a paragraph are joined without a space next to CJK characters or
/// punctuation, and with one space otherwise (between Latin words or digits). Leading
/// ideographic spaces (U+3000) of a paragraph are dropped: the layout indents. A tab inside
/// a line becomes a space (the screening reports it); every other character is kept.
pub fn paragraphs(text: &str, origin: &Origin) -> Vec<Paragraph> {
    line_groups(text).iter().filter_map(|lines| paragraph(lines, origin)).collect()
}

/// The lines of each paragraph of `text` (separated by blank lines), each with its byte
/// offset; CRs of CRLF removed, a leading byte-order mark skipped.
pub(super) fn line_groups(text: &str) -> Vec<Vec<(usize, &str)>> {
    let skip = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut out = Vec::new();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = skip;
    for line in text[skip..].split('\n') {
        let at = offset;
        offset += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !lines.is_empty() {
                out.push(std::mem::take(&mut lines));
            }
        } else {
            lines.push((at, line));
        }
    }
    if !lines.is_empty() {
        out.push(lines);
    }
    out
}

/// Horizontal whitespace an editor's line wrapping leaves at a line's ends.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// One paragraph from its lines (each with its byte offset); `None` when there is no text.
pub(super) fn paragraph(lines: &[(usize, &str)], origin: &Origin) -> Option<Paragraph> {
    let mut joined = Text::default();
    for &(offset, line) in lines {
        let lead = line.len() - line.trim_start_matches(is_blank).len();
        let line = untab(line.trim_matches(is_blank));
        if let (Some(a), Some(b)) = (joined.as_str().chars().next_back(), line.chars().next())
            && !is_cjk(a)
            && !is_cjk(b)
        {
            joined.push_worded(" ");
        }
        joined.push(&line, Some(origin.source(offset + lead, line.len())));
    }
    let all = joined.as_str();
    let start = all.len() - all.trim_start_matches(|c| is_blank(c) || c == '\u{3000}').len();
    if start == all.len() {
        return None;
    }
    Some(Paragraph { runs: runs(&joined.slice(start..all.len())) })
}

/// `text` with each tab replaced by a space: a tab has no width of its own in print.
pub fn untab(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\t') { text.replace('\t', " ").into() } else { text.into() }
}

/// Whether a line break next to `c` is joined without a space: Han, kana, Hangul, CJK and
/// full-width punctuation, and the quotes, dashes and ellipsis used in Chinese text.
pub fn is_cjk(c: char) -> bool {
    crate::unicode::joins_without_space(c)
}

/// Style runs of a paragraph: `**…**` is bold; an unmatched or empty `**` stays literal.
fn runs(text: &Text) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut push = |range: Range<usize>, bold: bool| match out.last_mut() {
        _ if range.is_empty() => {}
        Some(last) if last.bold == bold => last.text.append(&text.slice(range)),
        _ => out.push(Run { text: text.slice(range), bold, heading: None }),
    };
    let all = text.as_str();
    let mut rest = 0;
    while let Some(open) = all[rest..].find("**").map(|i| rest + i) {
        let inner = open + 2;
        match all[inner..].find("**").map(|i| inner + i) {
            Some(close) if close == inner => {
                push(rest..open + 4, false);
                rest = open + 4;
            }
            Some(close) => {
                push(rest..open, false);
                push(inner..close, true);
                rest = close + 2;
            }
            None => break,
        }
    }
    push(rest..all.len(), false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraphs of `text` read as a whole file.
    fn paras(text: &str) -> Vec<Paragraph> {
        paragraphs(text, &Origin::file(FileId(1), text.len()))
    }

    fn texts(text: &str) -> Vec<String> {
        paras(text).iter().map(Paragraph::text).collect()
    }

    /// The runs of the first paragraph as (text, bold).
    fn runs_of(text: &str) -> Vec<(String, bool)> {
        paras(text)[0].runs.iter().map(|r| (r.text.as_str().to_string(), r.bold)).collect()
    }

    fn run(text: &str, bold: bool) -> (String, bool) {
        (text.to_string(), bold)
    }

    #[test]
    fn splits_on_blank_lines() {
        assert_eq!(texts("甲。\n\n乙。\n  \n\n\t\n丙。\n"), ["甲。", "乙。", "丙。"]);
        assert_eq!(texts("\n\n甲。\n\n"), ["甲。"]);
        assert!(paras("").is_empty());
        assert!(paras(" \n\u{3000}\n").is_empty());
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
        assert_eq!(runs_of("**聚焦主题主线。**活动紧扣"), [run("聚焦主题主线。", true), run("活动紧扣", false)]);
        let want = [run("前", false), run("重", true), run("后", false), run("又", true)];
        assert_eq!(runs_of("前**重**后**又**"), want);
    }

    #[test]
    fn bold_across_a_line_break() {
        assert_eq!(runs_of("**聚焦\n主线。**活动"), [run("聚焦主线。", true), run("活动", false)]);
    }

    #[test]
    fn unmatched_or_empty_markers_stay_literal() {
        assert_eq!(runs_of("a**b"), [run("a**b", false)]);
        assert_eq!(runs_of("**甲**乙**丙"), [run("甲", true), run("乙**丙", false)]);
        assert_eq!(runs_of("a****b"), [run("a****b", false)]);
    }

    #[test]
    fn every_run_points_at_its_characters_in_the_file() {
        let text = "\u{feff}　　第一段\n第二行。\n\n  **聚焦。**正文\tB\r\n";
        let ps = paras(text);
        assert_eq!(ps.len(), 2);
        let first = &ps[0].runs[0].text;
        assert_eq!(first.as_str(), "第一段第二行。");
        // 第二行 starts the second line of the file.
        let second_line = text.find("第二行").unwrap();
        assert_eq!(first.locate("第一段".len()), Some((FileId(1), second_line..second_line + 3)));
        let body = &ps[1].runs[1].text;
        assert_eq!(body.as_str(), "正文 B");
        let b = text.find('B').unwrap();
        assert_eq!(body.locate("正文 ".len()), Some((FileId(1), b..b + 1)));
    }
}
