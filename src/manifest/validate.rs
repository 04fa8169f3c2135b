//! Validation of a parsed manifest into an [`Issue`].

use toml::Spanned;
use toml::value::Datetime;

use super::articles::article;
use super::issue::{Article, Colophon, Date, Distribution, Issue, SourceFile, TextOrigin};
use super::limits::{MAX_ISSUE_BYTES, describe};
use super::model::RawManifest;
use super::screen;
use super::series::{self, SeriesFile};
use crate::diagnostic::{Diagnostic, Result};

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
        within_budget(&manifest, shared.as_ref().map(|s| &s.file), &articles)?;
    }
    let distribution = raw.distribution.map(|d| Distribution { label: d.label, recipients: d.recipients });
    let colophon =
        raw.colophon.map(|c| Colophon { editors: c.editors, phone: c.phone, email: c.email, approval: c.approval });
    for article in &articles {
        screen::article(&manifest, article)?;
    }
    Ok(Issue {
        manifest,
        series_file: shared.map(|s| s.file),
        series,
        number,
        total,
        date,
        articles,
        distribution,
        colophon,
    })
}

/// Checks that the issue's files read so far stay within [`MAX_ISSUE_BYTES`] together; the
/// error points at the last article read, the one that goes past it.
fn within_budget(manifest: &SourceFile, series: Option<&SourceFile>, articles: &[Article]) -> Result<()> {
    let own = (manifest.text.len() + series.map_or(0, |s| s.text.len())) as u64;
    let total = own + articles.iter().map(|a| a.text.len() as u64).sum::<u64>();
    let Some(last) = articles.last().filter(|_| total > MAX_ISSUE_BYTES) else {
        return Ok(());
    };
    let span = match &last.origin {
        TextOrigin::File { span, .. } | TextOrigin::Body(span) => span.clone(),
    };
    let message = format!(
        "the issue's text reaches {} with article {}, over the limit of {} per issue (manifest, series file and \
         articles together)",
        describe(total),
        articles.len(),
        describe(MAX_ISSUE_BYTES)
    );
    Err(Diagnostic::at(&manifest.path, &manifest.text, span, message)
        .with_hint("split the issue in two; a bulletin issue is rarely more than 100 KB of text"))
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
