//! What an article's paragraphs are: a figure (`![CAPTION](PATH)`), a sub-heading standing
//! alone, a paragraph opening with a run-in heading, or a body paragraph — after the
//! numbering editors type (GB/T 9704-2012 §7.3.3, contract "Article text"). Also flags
//! paragraphs that look like a list or a table run together.

use std::path::Path;

use super::model::{Block, Figure, Heading, Paragraph, Run};
use super::source::Text;
use super::text::{Origin, line_groups, paragraph};

/// At most this many characters make a standalone heading; a run-in heading's mark must
/// come within them.
const HEADING_CHARS: usize = 40;

/// At most this many digits make the number of a `1.` or `（1）` ordinal (`（2021）湘0102民初
/// 123号` opens with a year, not a point).
const ORDINAL_DIGITS: usize = 2;

/// Whether `c` closes a quotation or a bracket: it stays with the `。？！` before it when a
/// run-in heading is cut there (`（一）他说：“好。”` ends after the `”`).
fn closing(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '〕' | '】' | '》' | '〉' | '〗' | '］' | '｝' | '」' | '』' | '〙' | ')' | ']')
}

/// A paragraph that looks like something else run together (a list, a table).
#[derive(Debug, Clone, PartialEq)]
pub struct Suspect {
    /// The paragraph's first text, to point at.
    pub text: Text,
    /// What it looks like.
    pub why: &'static str,
}

/// The blocks of article text; `dir` is the folder its figure paths are relative to;
/// `headings` turns heading detection on.
pub fn blocks(text: &str, origin: &Origin, dir: &Path, headings: bool) -> (Vec<Block>, Vec<Suspect>) {
    let mut out = Vec::new();
    let mut suspects = Vec::new();
    for lines in line_groups(text) {
        let Some(p) = paragraph(&lines, origin) else { continue };
        if let Some(why) = joined(&lines)
            && let Some(first) = p.runs.first()
        {
            suspects.push(Suspect { text: first.text.clone(), why });
        }
        out.push(match figure(&p, dir) {
            Some(figure) => Block::Figure(figure),
            None if headings => classify(p),
            None => Block::Paragraph(p),
        });
    }
    (out, suspects)
}

/// Why a paragraph's lines look like a list or a table that was joined into one paragraph.
fn joined(lines: &[(usize, &str)]) -> Option<&'static str> {
    if lines.len() < 2 {
        return None;
    }
    if lines.iter().any(|(_, l)| l.trim_matches([' ', '\t']).contains('\t')) {
        return Some("tabs inside its lines, like a table");
    }
    let numbered = |l: &str| {
        let l = l.trim_start_matches([' ', '\t', '\u{3000}']);
        ordinal(l).is_some() || l.chars().next().is_some_and(|c| c.is_ascii_digit() || matches!(c, '０'..='９'))
    };
    lines.iter().all(|(_, l)| numbered(l)).then_some("lines that each start with a number, like a list")
}

/// A figure: a paragraph that is exactly `![CAPTION](PATH)`.
fn figure(p: &Paragraph, dir: &Path) -> Option<Figure> {
    let [run] = p.runs.as_slice() else { return None };
    if run.bold {
        return None;
    }
    let text = run.text.as_str();
    let inner = text.strip_prefix("![")?.strip_suffix(')')?;
    let split = inner.find("](")?;
    let (caption, path) = (&inner[..split], &inner[split + 2..]);
    if path.trim().is_empty() || path.contains(['(', ')']) || caption.contains(']') {
        return None;
    }
    let caption_at = 2..2 + caption.len();
    let path_at = 2 + split + 2..text.len() - 1;
    Some(Figure {
        path: dir.join(path.trim()),
        written: run.text.slice(path_at),
        caption: trimmed(run.text.slice(caption_at)),
    })
}

/// A text without the spaces at its ends.
fn trimmed(text: Text) -> Text {
    let s = text.as_str();
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end { Text::default() } else { text.slice(start..end) }
}

/// A heading's level and the length in bytes of its ordinal, when `text` opens with one:
/// `一、` (1), `（一）` (2), `1.` or `1．` before a non-digit (3), `（1）` (4); the numbers of
/// levels 3 and 4 have at most two digits.
pub fn ordinal(text: &str) -> Option<(u8, usize)> {
    let numeral = |c: char| "一二三四五六七八九十百零〇两".contains(c);
    let digit = |c: char| c.is_ascii_digit() || matches!(c, '０'..='９');
    let run = |s: &str, f: &dyn Fn(char) -> bool| s.char_indices().find(|&(_, c)| !f(c)).map_or(s.len(), |(i, _)| i);
    if let Some(rest) = text.strip_prefix(['（', '(']) {
        for (level, kind, most) in [(2u8, &numeral as &dyn Fn(char) -> bool, 4), (4, &digit, ORDINAL_DIGITS)] {
            let n = run(rest, kind);
            if n == 0 || rest[..n].chars().count() > most {
                continue;
            }
            if let Some(after) = rest[n..].strip_prefix(['）', ')']) {
                return Some((level, text.len() - after.len()));
            }
        }
        return None;
    }
    let n = run(text, &numeral);
    if n > 0 && text[..n].chars().count() <= 4 && text[n..].starts_with('、') {
        return Some((1, n + '、'.len_utf8()));
    }
    let n = run(text, &digit);
    if n > 0 && text[..n].chars().count() <= ORDINAL_DIGITS {
        let rest = &text[n..];
        if let Some(after) = rest.strip_prefix(['.', '．'])
            && after.chars().next().is_some_and(|c| !digit(c))
        {
            return Some((3, text.len() - after.len()));
        }
    }
    None
}

/// A paragraph as a standalone heading, a paragraph with a run-in heading, or as it is.
fn classify(p: Paragraph) -> Block {
    let text = p.text();
    let Some((level, _)) = ordinal(&text) else { return Block::Paragraph(p) };
    // A run-in heading (levels 2–4): up to and including the first 。？！ in its first 40
    // characters and the closing quotes and brackets right after it, when text follows.
    // Checked first: `（一）聚焦主题。正文继续` is short enough to stand alone, but the editor
    // wrote a lead sentence and its paragraph.
    if level > 1 {
        let mark = text.char_indices().take(HEADING_CHARS).find(|&(_, c)| matches!(c, '。' | '？' | '！'));
        if let Some((at, c)) = mark {
            let after = &text[at + c.len_utf8()..];
            let cut = text.len() - after.trim_start_matches(closing).len();
            if cut < text.len() {
                return Block::Paragraph(run_in(p, cut, level));
            }
        }
    }
    let chars = text.chars().count();
    if chars <= HEADING_CHARS && !text.ends_with(['。', '；', '，', '：', '？', '！']) {
        let mut all = Text::default();
        for run in &p.runs {
            all.append(&run.text);
        }
        return Block::Heading(Heading { level, text: all });
    }
    Block::Paragraph(p)
}

/// The paragraph with its first `cut` bytes as one run-in heading run of `level`.
fn run_in(p: Paragraph, cut: usize, level: u8) -> Paragraph {
    let mut heading = Text::default();
    let mut rest = Vec::new();
    let mut start = 0;
    for run in p.runs {
        let len = run.text.as_str().len();
        let (from, to) = (start, start + len);
        if cut > from {
            heading.append(&run.text.slice(0..cut.min(to) - from));
        }
        if to > cut {
            let text = if cut > from { run.text.slice(cut - from..len) } else { run.text };
            rest.push(Run { text, bold: run.bold, heading: None });
        }
        start = to;
    }
    let mut runs = vec![Run { text: heading, bold: false, heading: Some(level) }];
    runs.extend(rest);
    Paragraph { runs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::FileId;

    /// The blocks of `text` read as a file in `/a`.
    fn of(text: &str) -> Vec<Block> {
        blocks(text, &Origin::file(FileId(1), text.len()), Path::new("/a"), true).0
    }

    /// A one-paragraph text's block, described: ("heading", level, text), ("run-in", level,
    /// heading part), ("paragraph", 0, text), ("figure", 0, caption).
    fn one(text: &str) -> (&'static str, u8, String) {
        match of(text).remove(0) {
            Block::Heading(h) => ("heading", h.level, h.text.to_string()),
            Block::Paragraph(p) => match p.runs[0].heading {
                Some(level) => ("run-in", level, p.runs[0].text.to_string()),
                None => ("paragraph", 0, p.text()),
            },
            Block::Figure(f) => ("figure", 0, f.caption.to_string()),
        }
    }

    #[test]
    fn ordinals_of_the_four_levels() {
        assert_eq!(ordinal("一、总体要求"), Some((1, "一、".len())));
        assert_eq!(ordinal("十九、其他"), Some((1, "十九、".len())));
        assert_eq!(ordinal("（一）聚焦"), Some((2, "（一）".len())));
        assert_eq!(ordinal("(二)聚焦"), Some((2, "(二)".len())));
        assert_eq!(ordinal("1.工作"), Some((3, 2)));
        assert_eq!(ordinal("12．工作"), Some((3, "12．".len())));
        assert_eq!(ordinal("（1）工作"), Some((4, "（1）".len())));
        assert_eq!(ordinal("(10)工作"), Some((4, 4)));
        assert_eq!(ordinal("99.工作"), Some((3, 3)));
        for not in ["一是加强", "1.5亿元", "2021年", "（注）", "（一", "、一", "一二三四五、x"] {
            assert_eq!(ordinal(not), None, "{not}");
        }
    }

    #[test]
    fn standalone_and_run_in_headings() {
        assert_eq!(one("一、总体要求"), ("heading", 1, "一、总体要求".into()));
        assert_eq!(one("（二）主要任务"), ("heading", 2, "（二）主要任务".into()));
        assert_eq!(one("3.加强组织领导"), ("heading", 3, "3.加强组织领导".into()));
        assert_eq!(one("（4）经费保障"), ("heading", 4, "（4）经费保障".into()));
        assert_eq!(one("**一、总体要求**"), ("heading", 1, "一、总体要求".into()));
        assert_eq!(one("（一）聚焦主题主线。活动紧扣主题开展。"), ("run-in", 2, "（一）聚焦主题主线。".into()));
        assert_eq!(one("**（一）聚焦主题。**正文继续"), ("run-in", 2, "（一）聚焦主题。".into()));
        assert_eq!(one("1.加强领导！各地要重视。"), ("run-in", 3, "1.加强领导！".into()));
        // A run-in heading keeps the bold run after it.
        let Block::Paragraph(p) = of("（一）聚焦。**重点**在于").remove(0) else { panic!() };
        let runs: Vec<(String, bool, Option<u8>)> =
            p.runs.iter().map(|r| (r.text.to_string(), r.bold, r.heading)).collect();
        assert_eq!(
            runs,
            [("（一）聚焦。".into(), false, Some(2)), ("重点".into(), true, None), ("在于".into(), false, None)]
        );
    }

    #[test]
    fn what_must_not_become_a_heading() {
        assert_eq!(one("一是加强组织领导，确保工作落实。").0, "paragraph");
        assert_eq!(one("一、二、三等奖获得者由评审委员会确定。").0, "paragraph");
        assert_eq!(one("1.5亿元资金已经拨付到位").0, "paragraph");
        // Level 1 is never run-in.
        assert_eq!(one("一、总体要求。各地要认真落实。").0, "paragraph");
        // A sentence longer than a heading with no mark in its first 40 characters.
        let long = format!("（一）{}，并且继续推进各项工作。", "各地人大常委会认真贯彻落实".repeat(4));
        assert_eq!(one(&long).0, "paragraph");
        // A short paragraph ending in a full stop is a sentence, not a heading.
        assert_eq!(one("（一）工作完成。").0, "paragraph");
        // Detection off.
        let off = blocks("一、总体要求", &Origin::file(FileId(1), 18), Path::new("/a"), false).0;
        assert!(matches!(&off[..], [Block::Paragraph(_)]));
    }

    #[test]
    fn a_run_in_heading_keeps_the_closing_marks_after_its_stop() {
        let Block::Paragraph(p) = of("（一）他说：“好。”后文继续").remove(0) else {
            panic!("a paragraph")
        };
        let runs: Vec<(String, Option<u8>)> = p.runs.iter().map(|r| (r.text.to_string(), r.heading)).collect();
        assert_eq!(runs, [("（一）他说：“好。”".into(), Some(2)), ("后文继续".into(), None)]);
        assert_eq!(
            one("（2）会议指出：“要抓落实！”）」各地继续"),
            ("run-in", 4, "（2）会议指出：“要抓落实！”）」".into())
        );
        // Closing marks alone after the stop are not text following it: no run-in heading. The
        // paragraph ends with `”`, not with one of 。；，：？！, so it stands alone (contract,
        // "Article text").
        assert_eq!(one("（一）他说：“好。”"), ("heading", 2, "（一）他说：“好。”".into()));
        assert_eq!(one("2.他问：“行吗？”）"), ("heading", 3, "2.他问：“行吗？”）".into()));
    }

    #[test]
    fn ordinals_have_at_most_two_digits() {
        assert_eq!(ordinal("（2021）湘0102民初123号"), None);
        assert_eq!(ordinal("(2021)湘0102民初123号"), None);
        assert_eq!(ordinal("（123）项"), None);
        assert_eq!(ordinal("100.工作"), None);
        assert_eq!(ordinal("2021．工作"), None);
        assert_eq!(ordinal("（12）工作"), Some((4, "（12）".len())));
        assert_eq!(ordinal("12.工作"), Some((3, 3)));
        assert_eq!(one("（2021）湘0102民初123号").0, "paragraph");
        assert_eq!(one("（2021）湘0102民初123号判决已经生效。当事人应当履行。").0, "paragraph");
        assert_eq!(one("100.工作要点").0, "paragraph");
    }

    #[test]
    fn figures_and_their_captions() {
        let Block::Figure(f) = of("![座谈会现场](images/photo.jpg)").remove(0) else { panic!("not a figure") };
        assert_eq!((f.caption.as_str(), f.written.as_str()), ("座谈会现场", "images/photo.jpg"));
        assert_eq!(f.path, Path::new("/a/images/photo.jpg"));
        let Block::Figure(f) = of("![](a.png)").remove(0) else { panic!("not a figure") };
        assert!(f.caption.is_empty());
        for not in ["见![图](a.png)", "![图](a.png)。", "![图]()", "**![图](a.png)**"] {
            assert!(!matches!(of(not)[0], Block::Figure(_)), "{not}");
        }
    }

    #[test]
    fn joined_lists_and_tables_are_suspected() {
        let text = "1.甲\n2.乙\n3.丙\n\n正文。\n\n姓名\t单位\n张三\t长沙";
        let (_, suspects) = blocks(text, &Origin::file(FileId(1), text.len()), Path::new("/a"), true);
        let why: Vec<&str> = suspects.iter().map(|s| s.why).collect();
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(why[0].contains("list") && why[1].contains("table"));
    }
}
