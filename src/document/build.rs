//! From a validated [`Issue`] to a [`Document`]: wording the masthead, articles and closing,
//! every piece of printed text keeping the file and span it was written at.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::blocks::blocks;
use super::model::{Article, Closing, Document, Group, Labelled, Masthead, Note};
use super::screen;
use super::source::{FileId, Source, Text};
use super::text::{Origin, paragraphs, untab};
use crate::diagnostic::Diagnostic;
use crate::manifest::{self, Issue, Located, SourceFile, TextOrigin};
use crate::numerals::{chinese_date, chinese_numeral};

/// The layout used when the series names none.
pub const DEFAULT_LAYOUT: &str = "two-column";

/// The distribution label used when the manifest gives none.
pub const DEFAULT_LABEL: &str = "送";

/// The labels of the colophon lines, as printed.
pub const EDITORS_LABEL: &str = "责任编辑：";
/// The label of the contact line.
pub const CONTACT_LABEL: &str = "联系方式：";
/// The label of the approval line.
pub const APPROVAL_LABEL: &str = "批准文号：";

/// The label of an editor's note when the manifest gives none.
pub const NOTE_LABEL: &str = "编者按";

/// The file ids of an issue's sources: the manifest first, then the series file, then each
/// article file in order.
struct Files<'a> {
    issue: &'a Issue,
    series: Option<FileId>,
}

impl Files<'_> {
    /// The manifest.
    const MANIFEST: FileId = FileId(0);

    /// The file a merged value came from.
    fn of(&self, origin: manifest::Origin) -> FileId {
        match (origin, self.series) {
            (manifest::Origin::Series, Some(id)) => id,
            _ => Self::MANIFEST,
        }
    }

    /// The text of a file.
    fn text(&self, id: FileId) -> &str {
        match (id, self.series, &self.issue.series_file) {
            (id, Some(series), Some(file)) if id == series => &file.text,
            _ => &self.issue.manifest.text,
        }
    }

    /// A string value written at `span` of file `id`: exact when it is written without
    /// escapes, so each character maps to its own place.
    fn value(&self, id: FileId, span: Range<usize>, value: &str) -> Text {
        let value = untab(value);
        let source = match crate::manifest::string_start(self.text(id), &span, &value) {
            Some(start) => Source { file: id, span: start..start + value.len(), exact: true },
            None => Source { file: id, span, exact: false },
        };
        Text::sourced(&value, source)
    }

    /// A manifest value.
    fn spanned(&self, value: &Spanned<String>) -> Text {
        self.value(Self::MANIFEST, value.span(), value.get_ref())
    }

    /// A value of the manifest or of the series file it shares.
    fn written(&self, origin: manifest::Origin, value: &Spanned<String>) -> Text {
        self.value(self.of(origin), value.span(), value.get_ref())
    }

    /// A merged value.
    fn located(&self, value: &Located<String>) -> Text {
        self.value(self.of(value.origin), value.span.clone(), &value.value)
    }

    /// `text` worded by the program from a value written at `span` of file `id` (a number).
    fn derived(&self, id: FileId, span: Range<usize>, text: &str) -> Text {
        Text::sourced(text, Source { file: id, span, exact: false })
    }
}

/// Builds the document of an issue: every block worded as printed, every printed text
/// screened. Fails on a control character in a printed value; what the screening keeps and
/// reports (and paragraphs that look like a list or a table run together) is in `warnings`.
pub fn from_issue(issue: &Issue) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let (document, suspects) = document_and_suspects(issue);
    let mut warnings = screen::screen(&document)?;
    for suspect in suspects {
        let message = format!("this paragraph has {}: its lines were joined into one paragraph", suspect.why);
        let hint = "separate the items with blank lines if they are paragraphs of their own";
        warnings.push(document.diagnostic(&suspect.text, 0, message).with_hint(hint));
    }
    Ok((document, warnings))
}

/// The document of an issue, worded (not screened).
pub fn document(issue: &Issue) -> Document {
    document_and_suspects(issue).0
}

/// The document of an issue and the paragraphs that look like joined lists or tables.
fn document_and_suspects(issue: &Issue) -> (Document, Vec<super::blocks::Suspect>) {
    let mut sources = vec![issue.manifest.clone()];
    sources.extend(issue.series_file.clone());
    let files = Files { issue, series: issue.series_file.as_ref().map(|_| FileId(1)) };
    let date = *issue.date.get_ref();
    let series = &issue.series;
    let number = issue.number.get_ref().to_string();
    let mut number_text = issue.special.as_ref().map(|s| files.spanned(s)).unwrap_or_default();
    number_text.push_worded("第");
    number_text.append(&files.derived(Files::MANIFEST, issue.number.span(), &number));
    number_text.push_worded("期");
    let total = issue.total.as_ref().map(|t| {
        let mut text = Text::worded("（总第");
        text.append(&files.derived(files.of(t.origin), t.span.clone(), &chinese_numeral(t.value)));
        text.push_worded("期）");
        text
    });
    let masthead = Masthead {
        classification: issue.classification.as_ref().map(|c| files.spanned(c)),
        pinyin: series.pinyin.as_ref().map(|p| files.located(p)),
        title: files.located(&series.title),
        number: number_text,
        total,
        publisher: files.located(&series.publisher),
        date: files.derived(Files::MANIFEST, issue.date.span(), &chinese_date(date.year, date.month, date.day)),
    };
    let mut suspects = Vec::new();
    let editor_note = issue.editor_note.as_ref().map(|note| {
        let origin = origin_of(&note.origin, &note.text, &files, &mut sources);
        let mut label = note.label.as_ref().map_or_else(|| Text::worded(NOTE_LABEL), |l| files.spanned(l));
        label.push_worded("：");
        Note { label, paragraphs: paragraphs(&note.text, &origin) }
    });
    let articles = issue.articles.iter().map(|a| article(a, &files, &mut sources, &mut suspects)).collect();
    let document = Document {
        masthead,
        editor_note,
        contents: issue.contents,
        contents_title: None,
        articles,
        closing: closing(issue, &files),
        layout: layout(issue, series.layout.as_ref()),
        date: (i32::from(date.year), date.month, date.day),
        sources,
        pictures: Default::default(),
    };
    (document, suspects)
}

/// Where a text read from a file or a `body` value maps back to; a file joins the sources.
fn origin_of(origin: &TextOrigin, text: &str, files: &Files, sources: &mut Vec<SourceFile>) -> Origin {
    match origin {
        TextOrigin::File { path, .. } => {
            sources.push(SourceFile { path: path.clone(), text: text.to_string() });
            Origin::file(FileId(sources.len() - 1), text.len())
        }
        TextOrigin::Body(span) => {
            let start = crate::manifest::string_start(&files.issue.manifest.text, span, text);
            Origin { file: Files::MANIFEST, start, value: span.clone() }
        }
    }
}

/// One article: title, note, blocks and the credit line （SOURCE　供稿）; an article file
/// joins the sources.
fn article(
    article: &manifest::Article,
    files: &Files,
    sources: &mut Vec<SourceFile>,
    suspects: &mut Vec<super::blocks::Suspect>,
) -> Article {
    let origin = origin_of(&article.origin, &article.text, files, sources);
    // Figure paths are relative to the file the text is in.
    let dir = match &article.origin {
        TextOrigin::File { path, .. } => path.parent().unwrap_or(Path::new("")).to_path_buf(),
        TextOrigin::Body(_) => files.issue.dir().to_path_buf(),
    };
    let (body, found) = blocks(&article.text, &origin, &dir, article.headings);
    suspects.extend(found);
    let note = article.note.as_ref().map(|n| {
        let value = files.spanned(n);
        let start = crate::manifest::string_start(&files.issue.manifest.text, &n.span(), n.get_ref());
        let origin = Origin { file: Files::MANIFEST, start, value: n.span() };
        let mut paragraphs = paragraphs(n.get_ref(), &origin);
        if paragraphs.is_empty() {
            paragraphs.push(super::model::Paragraph {
                runs: vec![super::model::Run { text: value, bold: false, heading: None }],
            });
        }
        Note { label: Text::worded(&format!("{NOTE_LABEL}：")), paragraphs }
    });
    let credit = article.source.as_ref().map(|s| {
        let mut text = Text::worded("（");
        text.append(&files.spanned(s));
        text.push_worded("\u{3000}供稿）");
        text
    });
    Article { title: files.spanned(&article.title), note, blocks: body, credit }
}

/// The closing block: the distribution group (label defaulting to 送) and the colophon lines.
fn closing(issue: &Issue, files: &Files) -> Closing {
    let mut closing = Closing::default();
    for d in &issue.distribution {
        let mut label = match &d.label {
            Some(label) => files.written(d.origin, label),
            None => Text::worded(DEFAULT_LABEL),
        };
        label.push_worded("：");
        let recipients = d.recipients.iter().map(|r| files.written(d.origin, r)).collect::<Vec<_>>();
        if !recipients.is_empty() {
            closing.groups.push(Group { label, recipients });
        }
    }
    closing.copies = issue.copies.as_ref().map(|n| {
        let mut text = Text::worded("（共印");
        text.append(&files.derived(Files::MANIFEST, n.span(), &n.get_ref().to_string()));
        text.push_worded("份）");
        text
    });
    let Some(c) = &issue.colophon else { return closing };
    let labelled =
        |label: &str, values: Vec<Text>| (!values.is_empty()).then(|| Labelled { label: Text::worded(label), values });
    closing.editors = labelled(EDITORS_LABEL, c.editors.iter().map(|e| files.written(c.origin, e)).collect());
    let contact = [&c.phone, &c.email].into_iter().flatten().map(|v| files.written(c.origin, v)).collect();
    closing.contact = labelled(CONTACT_LABEL, contact);
    closing.approval = labelled(APPROVAL_LABEL, c.approval.iter().map(|a| files.written(c.origin, a)).collect());
    closing
}

/// The layout: a name as written, or a path (contains `/` or ends in `.toml`) resolved
/// against the folder of the file that wrote it.
fn layout(issue: &Issue, layout: Option<&Located<String>>) -> String {
    let Some(layout) = layout else {
        return DEFAULT_LAYOUT.to_string();
    };
    let value = layout.value.as_str();
    if !(value.contains('/') || value.ends_with(".toml")) {
        return value.to_string();
    }
    let dir: &Path = issue.dir_of(layout.origin);
    dir.join(value).to_string_lossy().into_owned()
}
