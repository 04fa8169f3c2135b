//! Where printed text came from: every piece of a [`Text`] keeps the file and byte span it
//! was written at (or is marked as the program's own wording), so any later stage can point
//! an error at the manifest, the series file or an article file.

use std::ops::Range;

/// Index of a file in the document's list of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

pub use crate::manifest::SourceFile;

/// Where a piece of text was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The file.
    pub file: FileId,
    /// Byte span in the file: the piece's own bytes when `exact`, else the whole value it
    /// was derived from (a TOML string with escapes, a number worded as 第4期).
    pub span: Range<usize>,
    /// Whether the piece's bytes are the file's bytes from `span.start` one for one.
    pub exact: bool,
}

/// One piece of a [`Text`]: from `start` (bytes into the text) to the next piece's start.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    start: usize,
    source: Option<Source>,
}

/// Printed text with the origin of each of its pieces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    text: String,
    pieces: Vec<Piece>,
}

impl Text {
    /// Text the program words itself (a label, a bracket), written nowhere.
    pub fn worded(text: &str) -> Text {
        let mut t = Text::default();
        t.push_worded(text);
        t
    }

    /// Text from a source.
    pub fn sourced(text: &str, source: Source) -> Text {
        let mut t = Text::default();
        t.push(text, Some(source));
        t
    }

    /// Appends the program's own words.
    pub fn push_worded(&mut self, text: &str) {
        self.push(text, None);
    }

    /// Appends text written at `source` (`None`: the program's own words).
    pub fn push(&mut self, text: &str, source: Option<Source>) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        match self.pieces.last() {
            // A continuation of the same exact source: one piece.
            Some(Piece { start: s, source: Some(last) })
                if source.as_ref().is_some_and(|src| {
                    last.exact && src.exact && src.file == last.file && last.span.start + (start - s) == src.span.start
                }) => {}
            Some(Piece { source: None, .. }) if source.is_none() => {}
            _ => self.pieces.push(Piece { start, source }),
        }
        self.text.push_str(text);
    }

    /// Appends another text, keeping its pieces' origins.
    pub fn append(&mut self, other: &Text) {
        for (range, source) in other.pieces() {
            self.push(&other.text[range], source.cloned());
        }
    }

    /// The text as printed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether nothing is printed.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The pieces: byte range in the text and source (`None`: the program's own words).
    pub fn pieces(&self) -> impl Iterator<Item = (Range<usize>, Option<&Source>)> + '_ {
        self.pieces.iter().enumerate().map(|(i, piece)| {
            let end = self.pieces.get(i + 1).map_or(self.text.len(), |next| next.start);
            (piece.start..end, piece.source.as_ref())
        })
    }

    /// Where the character at byte `offset` of the text was written: its file and byte span
    /// (the character itself when its piece is exact, else the value it came from). A worded
    /// character points at the nearest written piece, so a message still lands near it.
    pub fn locate(&self, offset: usize) -> Option<(FileId, Range<usize>)> {
        let pieces: Vec<_> = self.pieces().collect();
        let at = pieces.iter().position(|(range, _)| range.contains(&offset)).unwrap_or(0);
        let exact = |(range, source): &(Range<usize>, Option<&Source>)| {
            source.map(|s| {
                if s.exact {
                    let start = s.span.start + (offset.clamp(range.start, range.end) - range.start);
                    let len = self.text[offset.min(self.text.len())..].chars().next().map_or(0, char::len_utf8);
                    (s.file, start..start + len)
                } else {
                    (s.file, s.span.clone())
                }
            })
        };
        pieces.get(at).and_then(exact).or_else(|| {
            let nearest =
                pieces.iter().filter(|(_, s)| s.is_some()).min_by_key(|(range, _)| range.start.abs_diff(offset));
            nearest.and_then(|(_, s)| s.map(|s| (s.file, s.span.start..s.span.start)))
        })
    }

    /// A part of the text, keeping its pieces' origins (`range` on char boundaries).
    pub fn slice(&self, range: Range<usize>) -> Text {
        let mut out = Text::default();
        for (piece, source) in self.pieces() {
            let (from, to) = (piece.start.max(range.start), piece.end.min(range.end));
            if from >= to {
                continue;
            }
            let source = source.map(|s| match s.exact {
                true => {
                    Source { span: s.span.start + (from - piece.start)..s.span.start + (to - piece.start), ..s.clone() }
                }
                false => s.clone(),
            });
            out.push(&self.text[from..to], source);
        }
        out
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(file: usize, start: usize, len: usize) -> Source {
        Source { file: FileId(file), span: start..start + len, exact: true }
    }

    #[test]
    fn pieces_locate_characters_in_their_files() {
        let mut t = Text::worded("（");
        t.push("长沙", Some(at(2, 100, 6)));
        t.push_worded("　供稿）");
        assert_eq!(t.as_str(), "（长沙　供稿）");
        // 沙 is the second character of the written piece.
        assert_eq!(t.locate("（长".len()), Some((FileId(2), 103..106)));
        // A worded character points at the start of the nearest written piece.
        assert_eq!(t.locate(0), Some((FileId(2), 100..100)));
        let inexact = Text::sourced("第4期", Source { file: FileId(0), span: 10..11, exact: false });
        assert_eq!(inexact.locate(3), Some((FileId(0), 10..11)));
    }

    #[test]
    fn slices_keep_origins_and_joined_pieces_merge() {
        let mut t = Text::default();
        t.push("甲乙", Some(at(1, 0, 6)));
        t.push("丙", Some(at(1, 6, 3)));
        assert_eq!(t.pieces().count(), 1);
        t.push_worded(" ");
        t.push("丁", Some(at(1, 20, 3)));
        let s = t.slice("甲".len().."甲乙丙 丁".len());
        assert_eq!(s.as_str(), "乙丙 丁");
        assert_eq!(s.locate(0), Some((FileId(1), 3..6)));
        assert_eq!(s.locate("乙丙 ".len()), Some((FileId(1), 20..23)));
    }
}
