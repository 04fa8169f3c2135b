//! Every article's title, paragraphs and credit composed at once on the thread pool, before the
//! articles are set one after the other: composition depends on nothing but the text, its
//! style and the fonts, and a pool given all the paragraphs of an issue keeps every core busy
//! (given one article's at a time, a core waited for the longest paragraph of each, and both
//! for the title). A paragraph's lines become their text runs on the same thread, so that no
//! more than a few paragraphs' composed lines are held at once; the runs are numbered as
//! structure elements when the article is set ([`BodyLine::tag`]).

use rayon::prelude::*;

use super::Setter;
use super::runs::line_items;
use super::title::compose_title_parts;
use crate::compose::{Align, Line, ParStyle, Span, compose};
use crate::document::{Block, Document};
use crate::font::FontBook;
use crate::layout::RoleName;
use crate::page::{Item, Paint, Tag};

/// One line of a body paragraph, as text runs.
pub(super) struct BodyLine {
    /// The line's text runs, at x = 0 on baseline 0, tagged as artifacts until [`BodyLine::tag`].
    pub items: Vec<Item>,
    /// The right edge of the line's ink, points from the column's left edge.
    pub right: f64,
    /// How far the line runs past its measure, points.
    pub overfull: f64,
    /// The line's text when it runs past its measure (for the message), else empty.
    pub text: String,
}

impl BodyLine {
    /// The line's runs, tagged as the structure element `tag`.
    pub(super) fn tag(mut self, tag: Tag) -> Vec<Item> {
        for item in &mut self.items {
            if let Item::Text(run) = item {
                run.tag = tag;
            }
        }
        self.items
    }
}

/// An article's title lines, its paragraphs' lines in order, and its credit's lines.
pub(super) struct Composed {
    /// The title's lines.
    pub title: Vec<Line>,
    /// Each body paragraph's lines.
    pub paragraphs: Vec<Vec<BodyLine>>,
    /// The credit's lines, when the article has one.
    pub credit: Option<Vec<Line>>,
}

/// What the pool composes: a title's parts, a body paragraph's spans, or a credit.
enum Job {
    /// A title.
    Title(Vec<Span>),
    /// A body paragraph.
    Paragraph(Vec<Span>),
    /// A credit （…　供稿）, set to the right.
    Credit(Vec<Span>),
}

/// What composing a [`Job`] gives.
enum Done {
    /// A title's lines.
    Title(Vec<Line>),
    /// A paragraph's lines as runs.
    Paragraph(Vec<BodyLine>),
    /// A credit's lines.
    Credit(Vec<Line>),
}

/// The styles and paint the jobs share.
struct Styles {
    /// Titles'.
    title: ParStyle,
    /// Body paragraphs'.
    body: ParStyle,
    /// Credits'.
    credit: ParStyle,
    /// Body text's paint.
    paint: Paint,
}

impl Job {
    /// Composes the job.
    fn run(&self, book: &FontBook, styles: &Styles) -> Done {
        match self {
            Job::Title(parts) => Done::Title(compose_title_parts(book, parts, &styles.title)),
            Job::Credit(spans) => Done::Credit(compose(book, spans, &styles.credit)),
            Job::Paragraph(spans) => Done::Paragraph(
                (compose(book, spans, &styles.body).into_iter())
                    .map(|line| BodyLine {
                        items: line_items(book, &line, (0.0, 0.0), &styles.paint, Tag::ARTIFACT),
                        right: line.right,
                        overfull: line.overfull,
                        text: if line.overfull > 0.0 { line.text } else { String::new() },
                    })
                    .collect(),
            ),
        }
    }
}

/// The role a body run is set in.
fn role(run: &crate::document::Run) -> RoleName {
    match run.heading {
        Some(level) => RoleName::heading(level),
        None if run.bold => RoleName::Lead,
        None => RoleName::Body,
    }
}

/// Every article's composition jobs and the styles they share, made on the setter's thread;
/// [`Work::compose`] runs them (on any thread: it needs only the faces).
pub(super) struct Work {
    /// The jobs, article by article: a title, its paragraphs, then its credit.
    jobs: Vec<Job>,
    /// The styles and paint the jobs share.
    styles: Styles,
    /// The number of articles.
    articles: usize,
}

/// The composition jobs of every article's title, body paragraphs and credit.
pub(super) fn articles_work(doc: &Document, s: &Setter) -> Work {
    let width = s.layout.column_width();
    let indent = s.layout.grid.indent_chars * s.layout.grid.body_size;
    let mut jobs = Vec::new();
    for article in &doc.articles {
        jobs.push(Job::Title(s.title_parts(RoleName::Title, article.title.as_str())));
        for block in &article.blocks {
            if let Block::Paragraph(paragraph) = block {
                jobs.push(Job::Paragraph(
                    paragraph.runs.iter().map(|run| s.span(role(run), run.text.as_str())).collect(),
                ));
            }
        }
        if let Some(credit) = &article.credit {
            jobs.push(Job::Credit(s.credit_spans(credit.as_str())));
        }
    }
    let styles = Styles {
        title: s.title_style(width),
        body: s.style(width, Align::Justify, (indent, 0.0)),
        credit: s.credit_style(),
        paint: s.color(RoleName::Body),
    };
    Work { jobs, styles, articles: doc.articles.len() }
}

impl Work {
    /// Composes every job, on the thread pool when the build may use it, and gathers the
    /// lines by article.
    pub(super) fn compose(&self, book: &FontBook) -> Vec<Composed> {
        let done: Vec<Done> = match crate::parallel::within_build() {
            true => self.jobs.par_iter().map(|job| job.run(book, &self.styles)).collect(),
            false => self.jobs.iter().map(|job| job.run(book, &self.styles)).collect(),
        };
        let mut articles = Vec::with_capacity(self.articles);
        for done in done {
            match done {
                Done::Title(title) => articles.push(Composed { title, paragraphs: Vec::new(), credit: None }),
                Done::Credit(lines) => {
                    if let Some(article) = articles.last_mut() {
                        article.credit = Some(lines);
                    }
                }
                Done::Paragraph(lines) => {
                    if let Some(article) = articles.last_mut() {
                        article.paragraphs.push(lines);
                    }
                }
            }
        }
        articles
    }
}
