//! Everything an issue prints, in reading order, from one function: what the `text` command
//! prints, what glyph coverage checks and what the screening reads.

use super::model::{Block, Document, Labelled, Note, Paragraph};
use super::source::Text;

/// Where a printed text stands in the issue, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The masthead.
    Masthead,
    /// The editor's note.
    EditorNote,
    /// The contents box: its title and each article's title again.
    Contents,
    /// An article's editor's note (article index from 0).
    Note(usize),
    /// An article's title (article index from 0).
    Title(usize),
    /// A paragraph of an article (article and paragraph index from 0).
    Paragraph(usize, usize),
    /// An article's credit line.
    Credit(usize),
    /// The closing block.
    Closing,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Masthead => write!(f, "the masthead"),
            Place::EditorNote => write!(f, "the editor's note"),
            Place::Contents => write!(f, "the contents box"),
            Place::Note(a) => write!(f, "the editor's note of article {}", a + 1),
            Place::Title(a) => write!(f, "the title of article {}", a + 1),
            Place::Paragraph(a, p) => write!(f, "article {}, paragraph {}", a + 1, p + 1),
            Place::Credit(a) => write!(f, "the credit of article {}", a + 1),
            Place::Closing => write!(f, "the closing block"),
        }
    }
}

/// How a printed text follows the one before it in the plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// On a line of its own.
    Line,
    /// On the same line, directly after.
    Same,
    /// On the same line, after an ideographic space.
    Space,
}

/// One printed text.
#[derive(Debug, Clone, Copy)]
pub struct Printed<'a> {
    /// The text.
    pub text: &'a Text,
    /// How it follows the text before it.
    pub join: Join,
    /// Where it stands.
    pub place: Place,
}

impl Document {
    /// Every text the issue prints, in reading order: the masthead, the editor's
    /// note, the contents box (its title when the layout has been read, then every article's
    /// title), each article's title, note, blocks and credit, then the closing block. Page
    /// numbers are not in it, the contents box's included: they belong to the pages, known
    /// after flow, not to the document.
    pub fn printed(&self) -> Vec<Printed<'_>> {
        let mut out: Vec<Printed<'_>> = Vec::new();
        macro_rules! push {
            ($text:expr, $join:expr, $place:expr) => {
                out.push(Printed { text: $text, join: $join, place: $place })
            };
        }
        /// A paragraph's runs: the first on a line of its own.
        fn runs<'a>(out: &mut Vec<Printed<'a>>, p: &'a Paragraph, place: Place, first: Join) {
            for (i, run) in p.runs.iter().enumerate() {
                out.push(Printed { text: &run.text, join: if i == 0 { first } else { Join::Same }, place });
            }
        }
        /// A note: its label, then its paragraphs, the first on the label's line.
        fn note<'a>(out: &mut Vec<Printed<'a>>, n: &'a Note, place: Place) {
            out.push(Printed { text: &n.label, join: Join::Line, place });
            for (i, p) in n.paragraphs.iter().enumerate() {
                runs(out, p, place, if i == 0 { Join::Same } else { Join::Line });
            }
        }
        let m = &self.masthead;
        if let Some(classification) = &m.classification {
            push!(classification, Join::Line, Place::Masthead);
        }
        if let Some(pinyin) = &m.pinyin {
            push!(pinyin, Join::Line, Place::Masthead);
        }
        push!(&m.title, Join::Line, Place::Masthead);
        push!(&m.number, Join::Line, Place::Masthead);
        if let Some(total) = &m.total {
            push!(total, Join::Same, Place::Masthead);
        }
        push!(&m.publisher, Join::Line, Place::Masthead);
        push!(&m.date, Join::Line, Place::Masthead);
        if let Some(n) = &self.editor_note {
            note(&mut out, n, Place::EditorNote);
        }
        // Set under the editor's note (`setting::set_document_with`).
        if self.contents {
            if let Some(title) = &self.contents_title {
                push!(title, Join::Line, Place::Contents);
            }
            for article in &self.articles {
                push!(&article.title, Join::Line, Place::Contents);
            }
        }
        for (a, article) in self.articles.iter().enumerate() {
            push!(&article.title, Join::Line, Place::Title(a));
            if let Some(n) = &article.note {
                note(&mut out, n, Place::Note(a));
            }
            for (b, block) in article.blocks.iter().enumerate() {
                match block {
                    Block::Paragraph(p) => runs(&mut out, p, Place::Paragraph(a, b), Join::Line),
                    Block::Heading(h) => push!(&h.text, Join::Line, Place::Paragraph(a, b)),
                    Block::Figure(f) => push!(&f.caption, Join::Line, Place::Paragraph(a, b)),
                }
            }
            if let Some(credit) = &article.credit {
                push!(credit, Join::Line, Place::Credit(a));
            }
        }
        let c = &self.closing;
        for group in &c.groups {
            push!(&group.label, Join::Line, Place::Closing);
            for (i, r) in group.recipients.iter().enumerate() {
                push!(r, if i == 0 { Join::Same } else { Join::Line }, Place::Closing);
            }
        }
        for Labelled { label, values } in [&c.editors, &c.contact, &c.approval].into_iter().flatten() {
            push!(label, Join::Line, Place::Closing);
            for (i, value) in values.iter().enumerate() {
                push!(value, if i == 0 { Join::Same } else { Join::Space }, Place::Closing);
            }
        }
        if let Some(copies) = &c.copies {
            push!(copies, Join::Line, Place::Closing);
        }
        out
    }

    /// The printed text in reading order, one block per line: for search indexes and
    /// for checking a PDF's text.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for printed in self.printed() {
            match printed.join {
                Join::Line if !out.is_empty() => out.push('\n'),
                Join::Space => out.push('\u{3000}'),
                _ => {}
            }
            out.push_str(printed.text.as_str());
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}
