//! Validation of a parsed manifest into an [`Issue`].

use toml::Spanned;
use toml::value::Datetime;

use super::articles::{article, text_of};
use super::issue::{Article, Colophon, Date, Distribution, EditorNote, Issue, Origin, SourceFile, TextOrigin};
use super::model::{RawColophon, RawDistributions, RawManifest};
use super::screen;
use super::series::{self, SeriesFile};
use crate::diagnostic::{Diagnostic, Result};
use crate::limits::{MAX_ISSUE_BYTES, describe};

/// Checks a parsed manifest (and the series file found for it) and reads the articles.
pub(crate) fn issue(manifest: SourceFile, raw: RawManifest, shared: Option<SeriesFile>) -> Result<Issue> {
    let number = at_least_one(&manifest, &raw.issue.get_ref().number, "issue.number")?;
    let number = Spanned::new(raw.issue.get_ref().number.span(), number);
    let date = date(&manifest, &raw.issue.get_ref().date)?;
    let series = series::merge(&manifest, raw.series.as_ref(), shared.as_ref())?;
    let total = series::total(
        &manifest,
        raw.issue.get_ref().total.as_ref(),
        *number.get_ref(),
        date.get_ref().year,
        shared.as_ref(),
    )?;
    let list = match &raw.article {
        Some(list) if !list.get_ref().is_empty() => list.get_ref(),
        other => {
            let span = other.as_ref().map_or(raw.issue.span(), |l| l.span());
            return Err(Diagnostic::at(&manifest.path, &manifest.text, span, "the issue has no articles")
                .with_hint("add at least one `[[article]]` table with `title` and `file` (or `body`)"));
        }
    };
    let mut articles = Vec::with_capacity(list.len());
    for (i, raw) in list.iter().enumerate() {
        articles.push(article(&manifest, raw, i + 1)?);
        // Checked as each is read, so no more than the limit and one file is ever held.
        within_budget(&manifest, shared.as_ref().map(|s| &s.file), &articles, None)?;
    }
    let (distribution, colophon, shared) = shared_closing(raw.distribution, raw.colophon, shared);
    for article in &articles {
        screen::article(&manifest, article)?;
    }
    let editor_note = match raw.editor_note {
        Some(note) => {
            let span = note.span();
            let note = note.into_inner();
            let (origin, text) = text_of(&manifest, span, note.file.as_ref(), note.body.as_ref(), "`[editor_note]`")?;
            let note = EditorNote { label: note.label, origin, text };
            within_budget(&manifest, shared.as_ref().map(|s| &s.file), &articles, Some(&note))?;
            screen::text(&manifest, &note.origin, &note.text)?;
            Some(note)
        }
        None => None,
    };
    let raw_issue = raw.issue.into_inner();
    let nonempty = |value: Option<Spanned<String>>, key: &str| match value {
        Some(v) if v.get_ref().trim().is_empty() => {
            Err(Diagnostic::at(&manifest.path, &manifest.text, v.span(), format!("`{key}` is empty"))
                .with_hint("give it a value, or leave the key out"))
        }
        other => Ok(other),
    };
    let classification = nonempty(raw_issue.classification, "issue.classification")?;
    let special = nonempty(raw_issue.special, "issue.special")?;
    let copies = match &raw_issue.copies {
        Some(copies) => Some(Spanned::new(copies.span(), at_least_one(&manifest, copies, "issue.copies")?)),
        None => None,
    };
    let pages = match raw.page.and_then(|p| p.pages) {
        Some(pages) => Some(Spanned::new(pages.span(), at_least_one(&manifest, &pages, "page.pages")?)),
        None => None,
    };
    Ok(Issue {
        manifest,
        series_file: shared.map(|s| s.file),
        series,
        number,
        total,
        date,
        classification,
        special,
        copies,
        contents: raw_issue.contents.unwrap_or(false),
        editor_note,
        articles,
        distribution,
        colophon,
        pages,
    })
}

/// Checks that the issue's files read so far stay within [`MAX_ISSUE_BYTES`] together; the
/// error points at the last text read (the editor's note when given, else the last article),
/// the one that goes past it.
fn within_budget(
    manifest: &SourceFile,
    series: Option<&SourceFile>,
    articles: &[Article],
    note: Option<&EditorNote>,
) -> Result<()> {
    let own = (manifest.text.len() + series.map_or(0, |s| s.text.len())) as u64;
    let total =
        own + articles.iter().map(|a| a.text.len() as u64).sum::<u64>() + note.map_or(0, |n| n.text.len() as u64);
    if total <= MAX_ISSUE_BYTES {
        return Ok(());
    }
    let (origin, what) = match (note, articles.last()) {
        (Some(n), _) => (&n.origin, "the editor's note".to_string()),
        (None, Some(a)) => (&a.origin, format!("article {}", articles.len())),
        (None, None) => return Ok(()),
    };
    let span = match origin {
        TextOrigin::File { span, .. } | TextOrigin::Body(span) => span.clone(),
    };
    let message = format!(
        "the issue's text reaches {} with {what}, over the limit of {} per issue (manifest, series file and \
         articles together)",
        describe(total),
        describe(MAX_ISSUE_BYTES)
    );
    Err(Diagnostic::at(&manifest.path, &manifest.text, span, message)
        .with_hint("split the issue in two; a bulletin issue is rarely more than 100 KB of text"))
}

/// The distribution and colophon: the manifest's own, else the series file's (v2).
fn shared_closing(
    distribution: Option<RawDistributions>,
    colophon: Option<RawColophon>,
    mut shared: Option<SeriesFile>,
) -> (Vec<Distribution>, Option<Colophon>, Option<SeriesFile>) {
    let theirs = shared.as_mut().map(|s| (s.raw.distribution.take(), s.raw.colophon.take()));
    let (their_d, their_c) = theirs.unwrap_or((None, None));
    let (distribution, d_origin) = match (distribution, their_d) {
        (Some(d), _) => (Some(d), Origin::Manifest),
        (None, d) => (d, Origin::Series),
    };
    let distribution = distribution
        .map(|d| {
            let groups = d.into_groups().into_iter();
            groups.map(|d| Distribution { label: d.label, recipients: d.recipients, origin: d_origin }).collect()
        })
        .unwrap_or_default();
    let (colophon, c_origin) = match (colophon, their_c) {
        (Some(c), _) => (Some(c), Origin::Manifest),
        (None, c) => (c, Origin::Series),
    };
    let colophon = colophon.map(|c| Colophon {
        editors: c.editors,
        phone: c.phone,
        email: c.email,
        approval: c.approval,
        origin: c_origin,
    });
    (distribution, colophon, shared)
}

/// An integer that must be at least 1 (`key` names it in the message).
pub(crate) fn at_least_one(file: &SourceFile, value: &Spanned<i64>, key: &str) -> Result<u64> {
    u64::try_from(*value.get_ref()).ok().filter(|n| *n >= 1).ok_or_else(|| {
        let message = format!("`{key}` must be at least 1, found {}", value.get_ref());
        Diagnostic::at(&file.path, &file.text, value.span(), message)
    })
}

/// `issue.date`: a TOML local date (no time, no offset), e.g. `2021-04-03`.
fn date(file: &SourceFile, value: &Spanned<toml::Value>) -> Result<Spanned<Date>> {
    let error =
        |message: &str, hint: &str| Diagnostic::at(&file.path, &file.text, value.span(), message).with_hint(hint);
    let hint = "write a TOML date without quotes, e.g. `date = 2021-04-03`";
    match value.get_ref() {
        toml::Value::Datetime(Datetime { date: Some(d), time: None, offset: None }) => {
            Ok(Spanned::new(value.span(), Date { year: d.year, month: d.month, day: d.day }))
        }
        toml::Value::Datetime(_) => Err(error("`issue.date` must be a date without a time", hint)),
        toml::Value::String(_) => Err(error("`issue.date` must be a TOML date, not a string", hint)),
        other => Err(error(&format!("`issue.date` must be a TOML date, found {}", other.type_str()), hint)),
    }
}
