//! Input errors as rustc-style diagnostics: file, line, column, the source line and a caret.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// Result type of the stages that read input.
pub type Result<T> = std::result::Result<T, Diagnostic>;

/// An error in the input, pointing at the file and (when known) the place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the error is in.
    pub file: PathBuf,
    /// 1-based line; 0 when the error has no position (e.g. an unreadable file).
    pub line: usize,
    /// 1-based column in characters; 0 when the error has no position.
    pub column: usize,
    /// 1-based column in characters just past the span on `line` (equals `column` when empty).
    pub end_column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
    /// The text of `line`, without its line break.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error at a byte `span` of `source`, the full text of `file`.
    pub fn at(file: impl Into<PathBuf>, source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let start = floor_boundary(source, span.start);
        let end = floor_boundary(source, span.end.max(start));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let text = source[line_start..line_end].trim_end_matches('\r');
        let column = source[line_start..start].chars().count() + 1;
        let end_column = column + source[start..end.min(line_end)].chars().count();
        Diagnostic {
            file: file.into(),
            line: source[..start].matches('\n').count() + 1,
            column,
            end_column: end_column.min(text.chars().count() + 1).max(column),
            message: message.into(),
            hint: None,
            source_line: Some(text.to_string()),
        }
    }

    /// An error about a whole file, with no position in it.
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: 0,
            column: 0,
            end_column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// The same diagnostic with a hint added.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The TOML syntax error to report for `text`: the first in the text when the parser found
/// several (it may list them out of order); `None` when the syntax is sound.
pub fn first_syntax_error(text: &str) -> Option<toml::de::Error> {
    let (_, errors) = toml::de::DeTable::parse_recoverable(text);
    errors.into_iter().min_by_key(|e| e.span().map_or(usize::MAX, |s| s.start))
}

/// A TOML syntax error on a line holding a quote or equals sign typed in a word processor
/// (“ ” ‘ ’ ＂ ＇ ＝), said as such with a hint; any other diagnostic as it is.
pub fn name_pasted_marks(d: Diagnostic) -> Diagnostic {
    let Some(line) = d.source_line.as_deref() else { return d };
    let from = line.chars().take(d.column.saturating_sub(1)).map(char::len_utf8).sum::<usize>();
    let (before, after) = line.split_at(from.min(line.len()));
    let pasted = |c: char| matches!(c, '“' | '”' | '‘' | '’' | '＂' | '＇' | '＝');
    let Some(mark) = after.chars().find(|&c| pasted(c)).or_else(|| before.chars().rev().find(|&c| pasted(c))) else {
        return d;
    };
    let message = match mark {
        '＝' => "a full-width `＝` where TOML needs `=`".to_string(),
        '＂' => "a full-width `＂` where TOML needs `\"`".to_string(),
        '＇' => "a full-width `＇` where TOML needs `'`".to_string(),
        _ => format!("a curly quote `{mark}` where TOML needs a straight quote `\"`"),
    };
    let hint = "type the quotes and equals signs of the manifest in ASCII, e.g. title = \"联络动态\"; quotes inside the text may stay as they are";
    Diagnostic { message, ..d }.with_hint(hint)
}

/// The largest char boundary of `s` that is not after `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Terminal width of a character: 2 for East Asian wide and full-width forms, 4 for a tab.
fn display_width(c: char) -> usize {
    let wide = crate::unicode::is_wide(c);
    match c {
        '\t' => 4,
        _ if wide => 2,
        _ => 1,
    }
}

impl Diagnostic {
    /// The diagnostic rendered as a warning: `warning: …` in place of `error: …`.
    pub fn as_warning(&self) -> String {
        Rendered { diagnostic: self, label: "warning" }.to_string()
    }
}

/// A diagnostic with the word it opens with.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    label: &'a str,
}

/// The characters of a source line shown around the caret at `caret`: all of a short line,
/// else 40 before it and 60 from it.
fn window(len: usize, caret: usize) -> (usize, usize) {
    if len <= 100 {
        return (0, len);
    }
    let from = caret.saturating_sub(40);
    (from, (caret + 60).min(len))
}

/// A character as shown in a quoted source line: a tab as four spaces, a control or
/// invisible character as a visible stand-in, so that the caret lines up under it.
fn visible(c: char) -> String {
    match c {
        '\t' => "    ".to_string(),
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('?').to_string(),
        '\u{7F}' => "\u{2421}".to_string(),
        _ if c.is_control() || is_invisible(c) => "\u{FFFD}".to_string(),
        _ => c.to_string(),
    }
}

/// Whether a character has no width on a terminal: default-ignorable characters and the
/// line and paragraph separators.
fn is_invisible(c: char) -> bool {
    crate::unicode::is_default_ignorable(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Rendered { diagnostic: self, label: "error" }.fmt(f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        writeln!(f, "{}: {}", self.label, d.message)?;
        let number = d.line.to_string();
        let pad = " ".repeat(number.len());
        if d.line == 0 {
            write!(f, "{pad}--> {}", d.file.display())?;
        } else {
            write!(f, "{pad}--> {}:{}:{}", d.file.display(), d.line, d.column)?;
        }
        if let (Some(text), true) = (&d.source_line, d.line > 0) {
            let chars: Vec<char> = text.chars().collect();
            let caret = d.column.saturating_sub(1).min(chars.len());
            let (from, to) = window(chars.len(), caret);
            let shown: String = chars[from..to].iter().map(|&c| visible(c)).collect();
            let (lead, tail) = (if from > 0 { "..." } else { "" }, if to < chars.len() { "..." } else { "" });
            let before: usize = lead.len() + chars[from..caret].iter().map(|&c| display_width(c)).sum::<usize>();
            let span = d.end_column.saturating_sub(d.column).min(to - caret);
            let width: usize = chars[caret..caret + span].iter().map(|&c| display_width(c)).sum();
            write!(f, "\n{pad} |\n{number} | {lead}{shown}{tail}\n{pad} | ")?;
            write!(f, "{}{}", " ".repeat(before), "^".repeat(width.max(1)))?;
        }
        if let Some(hint) = &d.hint {
            write!(f, "\n{pad} = hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_is_one_based_in_characters() {
        let src = "[issue]\ntitle = \"联络动态\"\nnumber = 0\n";
        let start = src.find('0').unwrap_or_default();
        let d = Diagnostic::at("a.toml", src, start..start + 1, "bad");
        assert_eq!((d.line, d.column, d.end_column), (3, 10, 11));
        assert_eq!(d.source_line.as_deref(), Some("number = 0"));
    }

    #[test]
    fn renders_rustc_style_with_wide_caret() {
        let src = "a = 1\ntitle = \"联络\"\n";
        let start = src.find('"').unwrap_or_default();
        let d = Diagnostic::at("x.toml", src, start..start + 8, "wrong").with_hint("fix it");
        assert_eq!((d.line, d.column), (2, 9));
        let shown = d.to_string();
        let want = "error: wrong\n --> x.toml:2:9\n  |\n2 | title = \"联络\"\n  |         ^^^^^^\n  = hint: fix it";
        assert_eq!(shown, want);
    }

    #[test]
    fn crlf_and_empty_span() {
        let src = "a = 1\r\nb = 2\r\n";
        let d = Diagnostic::at("x.toml", src, 7..7, "here");
        assert_eq!((d.line, d.column, d.end_column), (2, 1, 1));
        assert_eq!(d.source_line.as_deref(), Some("b = 2"));
        assert!(d.to_string().ends_with("2 | b = 2\n  | ^"));
    }

    #[test]
    fn span_past_end_of_line_is_clamped() {
        let src = "[issue]\nnumber = 4\n";
        let d = Diagnostic::at("x.toml", src, 0..src.len(), "table");
        assert_eq!((d.line, d.column, d.end_column), (1, 1, 8));
    }

    #[test]
    fn control_characters_are_shown_and_long_lines_cut() {
        let d = Diagnostic::at("a.md", "甲\u{7}乙", 3..4, "bel");
        assert!(d.to_string().contains("1 | 甲\u{2407}乙\n  |   ^"), "{d}");
        let long = format!("{}\u{200B}{}", "字".repeat(300), "x".repeat(300));
        let d = Diagnostic::at("a.md", &long, 900..903, "zw");
        assert_eq!(d.column, 301);
        let shown = d.to_string();
        let quoted = shown.lines().nth(3).unwrap_or_default();
        assert_eq!(quoted, format!("1 | ...{}\u{FFFD}{}...", "字".repeat(40), "x".repeat(59)));
        let caret = shown.lines().nth(4).unwrap_or_default();
        assert_eq!(caret, format!("  | {}^", " ".repeat(83)));
    }

    #[test]
    fn the_first_syntax_error_in_the_text() {
        let e = first_syntax_error("[a]\ntitle = \"长沙\n市开展\"\n").expect("syntax error");
        assert_eq!(e.span(), Some(19..19));
        assert!(first_syntax_error("a = 1\n").is_none());
    }

    #[test]
    fn pasted_quotes_and_equals_signs_are_named() {
        for (src, want) in [("title = “联络动态”\n", "curly quote `“`"), ("number ＝ 5\n", "full-width `＝`")]
        {
            let e = first_syntax_error(src).expect("syntax error");
            let d = Diagnostic::at("a.toml", src, e.span().unwrap_or(0..0), e.message());
            let d = name_pasted_marks(d);
            assert!(d.message.contains(want), "{src}: {d}");
            assert!(d.hint.is_some_and(|h| h.contains("ASCII")));
        }
        let plain = Diagnostic::at("a.toml", "a = b\n", 4..5, "string values must be quoted");
        assert_eq!(name_pasted_marks(plain.clone()), plain);
    }

    #[test]
    fn renders_as_a_warning() {
        let d = Diagnostic::at("a.md", "今天,我们", 6..7, "kept").with_hint("did you mean `，`?");
        let want = "warning: kept\n --> a.md:1:3\n  |\n1 | 今天,我们\n  |     ^\n  = hint: did you mean `，`?";
        assert_eq!(d.as_warning(), want);
    }

    #[test]
    fn without_position_names_the_file() {
        let d = Diagnostic::file("gone.toml", "cannot read").with_hint("check the path");
        assert_eq!(d.line, 0);
        assert_eq!(d.to_string(), "error: cannot read\n --> gone.toml\n  = hint: check the path");
    }
}
