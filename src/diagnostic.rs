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
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
        | 0x20000..=0x3FFFD);
    match c {
        '\t' => 4,
        _ if wide => 2,
        _ => 1,
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        if self.line == 0 {
            write!(f, "{pad}--> {}", self.file.display())?;
        } else {
            write!(f, "{pad}--> {}:{}:{}", self.file.display(), self.line, self.column)?;
        }
        if let (Some(text), true) = (&self.source_line, self.line > 0) {
            let shown: String = text.replace('\t', "    ");
            let before: usize = text.chars().take(self.column - 1).map(display_width).sum();
            let span = self.end_column.saturating_sub(self.column);
            let width: usize = text.chars().skip(self.column - 1).take(span).map(display_width).sum();
            write!(f, "\n{pad} |\n{number} | {shown}\n{pad} | ")?;
            write!(f, "{}{}", " ".repeat(before), "^".repeat(width.max(1)))?;
        }
        if let Some(hint) = &self.hint {
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
    fn without_position_names_the_file() {
        let d = Diagnostic::file("gone.toml", "cannot read").with_hint("check the path");
        assert_eq!(d.line, 0);
        assert_eq!(d.to_string(), "error: cannot read\n --> gone.toml\n  = hint: check the path");
    }
}
