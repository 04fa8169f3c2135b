//! The walk's items as article text: paragraphs separated by blank lines, figures as
//! `![CAPTION](images/…)`, and every warning located by paragraph and line of that text.

use super::Warning;
use super::markup;
use super::model::{Item, PictureRef, Seg};
use super::pictures::Loaded;

/// Where a warning applies.
enum At {
    /// The whole document.
    Document,
    /// Paragraph `n` (0-based) of the text, or the end when past the last.
    Paragraph(usize),
    /// A table or text box whose text became paragraphs `from..to`.
    Span { what: String, from: usize, to: usize },
}

impl At {
    /// The first paragraph concerned, for ordering.
    fn key(&self) -> usize {
        match self {
            At::Document => 0,
            At::Paragraph(n) => *n,
            At::Span { from, .. } => *from,
        }
    }
}

/// A table or text box being read: what, its number, its first paragraph and its size.
struct Open {
    table: bool,
    number: usize,
    from: usize,
    size: (usize, usize),
}

/// The text being written.
#[derive(Default)]
struct Out {
    paragraphs: Vec<String>,
    notes: Vec<(At, String)>,
    open: Vec<Open>,
}

/// Renders `items` (pictures named by `loaded`) as article text with located warnings;
/// `document` holds warnings about the whole document.
pub(super) fn render(items: Vec<Item>, loaded: &mut Loaded, document: Vec<String>) -> (String, Vec<Warning>) {
    let mut out = Out::default();
    out.notes.extend(document.into_iter().map(|n| (At::Document, n)));
    for item in items {
        match item {
            Item::Para(p) => {
                let first = out.paragraphs.len();
                let mut chunk: Vec<Seg> = Vec::new();
                for seg in p.segs {
                    match seg {
                        Seg::Picture(r) => {
                            out.text(&std::mem::take(&mut chunk));
                            out.figure(r, loaded);
                        }
                        other => chunk.push(other),
                    }
                }
                out.text(&chunk);
                out.notes.extend(p.notes.into_iter().map(|n| (At::Paragraph(first), n)));
            }
            Item::TableStart { number, rows, columns } => {
                let from = out.paragraphs.len();
                out.open.push(Open { table: true, number, from, size: (rows, columns) });
            }
            Item::BoxStart(number) => {
                let from = out.paragraphs.len();
                out.open.push(Open { table: false, number, from, size: (0, 0) });
            }
            Item::TableEnd(_) | Item::BoxEnd(_) => out.close(),
            Item::Note(note) => {
                let at = At::Paragraph(out.paragraphs.len());
                out.notes.push((at, note));
            }
        }
    }
    while !out.open.is_empty() {
        out.close();
    }
    out.finish()
}

impl Out {
    /// Adds a paragraph of text, if it has any.
    fn text(&mut self, segs: &[Seg]) {
        let (text, notes) = markup::paragraph(segs);
        let at = self.paragraphs.len();
        self.notes.extend(notes.into_iter().map(|n| (At::Paragraph(at), n)));
        if !text.is_empty() {
            self.paragraphs.push(text);
        }
    }

    /// Adds a figure paragraph.
    fn figure(&mut self, picture: PictureRef, loaded: &mut Loaded) {
        let at = self.paragraphs.len();
        match loaded.name(&picture.part) {
            Ok(name) => {
                let caption = picture.caption.or(picture.alt).unwrap_or_default();
                self.paragraphs.push(format!("![{caption}]({name})"));
                if let Some(note) = loaded.take_note(&picture.part) {
                    self.notes.push((At::Paragraph(at), note));
                }
            }
            Err(why) => self.notes.push((At::Paragraph(at), format!("a picture is not imported: {why}"))),
        }
    }

    /// Ends the innermost table or text box, with its warning.
    fn close(&mut self) {
        let Some(open) = self.open.pop() else { return };
        let (from, to) = (open.from, self.paragraphs.len());
        let (what, message) = if open.table {
            let (rows, columns) = open.size;
            let message = if to > from {
                format!(
                    "a table of {rows} row(s) × {columns} column(s): jianbao sets no tables, so the text of its cells is \
                     kept as paragraphs, row by row; rewrite it as text or insert the table as a picture"
                )
            } else {
                "an empty table is dropped".to_string()
            };
            (format!("table {}", open.number), message)
        } else {
            let message = "the text of a text box is kept as paragraphs after the paragraph it is anchored in; check where it belongs";
            (format!("text box {}", open.number), message.to_string())
        };
        self.notes.push((At::Span { what, from, to }, message));
    }

    /// The text and the warnings, located.
    fn finish(mut self) -> (String, Vec<Warning>) {
        let mut lines = Vec::with_capacity(self.paragraphs.len());
        let mut line = 1;
        for p in &self.paragraphs {
            lines.push(line);
            line += p.split('\n').count() + 1;
        }
        let count = self.paragraphs.len();
        let place = |n: usize| match (lines.get(n), count) {
            (Some(line), _) => format!("paragraph {} (line {line})", n + 1),
            (None, 0) => "the document (no text)".to_string(),
            (None, last) => format!("the end (after paragraph {last})"),
        };
        self.notes.sort_by_key(|(at, _)| at.key());
        let warnings = self
            .notes
            .into_iter()
            .map(|(at, message)| {
                let location = match at {
                    At::Document => "document".to_string(),
                    At::Paragraph(n) => place(n),
                    At::Span { what, from, to } if to > from => {
                        let range = if to - from == 1 {
                            format!("paragraph {}", from + 1)
                        } else {
                            format!("paragraphs {}–{to}", from + 1)
                        };
                        format!("{what} ({range}, line {})", lines.get(from).copied().unwrap_or(line))
                    }
                    At::Span { what, from, .. } => format!("{what}, at {}", place(from)),
                };
                Warning { location, message }
            })
            .collect();
        let mut text = self.paragraphs.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        (text, warnings)
    }
}
