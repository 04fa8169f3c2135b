//! `jianbao new`: the next issue of a series, started from the newest one — number and total
//! derived, the date set, distribution, colophon, classification and copies carried over, one
//! placeholder article. The folder is made beside the others and never over an existing one.

mod date;
mod find;
mod text;

use std::path::{Path, PathBuf};

pub use date::{parse_date, today};

use crate::diagnostic::Diagnostic;
use crate::manifest::{self, Date, Issue};

/// The placeholder article's file, relative to the new manifest.
pub const PLACEHOLDER: &str = "articles/01.md";

/// What `new` made.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIssue {
    /// The new manifest.
    pub manifest: PathBuf,
    /// The manifest it was started from.
    pub from: PathBuf,
    /// The new issue's number.
    pub number: u64,
    /// Its running total, when the series has one.
    pub total: Option<u64>,
    /// A note for the editor (a year the series file's `[totals]` does not name yet).
    pub note: Option<String>,
}

/// Starts the next issue under `series_dir`, dated `date`.
pub fn next_issue(series_dir: &Path, date: Date) -> Result<NewIssue, Diagnostic> {
    let from = find::newest(series_dir)?;
    let previous = manifest::load(&from)?;
    let prev = *previous.date.get_ref();
    if (date.year, date.month, date.day) < (prev.year, prev.month, prev.day) {
        return Err(Diagnostic::file(&from, format!("the newest issue is dated {}, after {}", show(prev), show(date)))
            .with_hint("give a later `--date YYYY-MM-DD`"));
    }
    let number = if date.year == prev.year { previous.number.get_ref() + 1 } else { 1 };
    let total = previous.total.as_ref().map(|t| t.value + 1);
    let target = series_dir.join(format!("{:04}", date.year)).join(format!("{:02}", date.month));
    if target.exists() {
        return Err(Diagnostic::file(&target, "the folder for the new issue exists already; nothing was written")
            .with_hint("an issue is never overwritten: give another `--date`, or move the folder away"));
    }
    let parent = target.parent().unwrap_or(series_dir);
    std::fs::create_dir_all(parent).map_err(|e| Diagnostic::file(parent, format!("cannot make the folder: {e}")))?;
    let scratch = parent.join(format!(".{:02}.new-{}", date.month, std::process::id()));
    let made = write_into(&scratch, &previous, &from, date, number, total)
        .and_then(|note| rename_into(&scratch, &target).map(|()| note));
    if made.is_err() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    let note = made?;
    Ok(NewIssue { manifest: target.join("issue.toml"), from, number, total, note })
}

/// Writes the new issue into `dir` and reads it back as a build would; returns a note when
/// the total had to be written into the manifest.
fn write_into(
    dir: &Path,
    previous: &Issue,
    from: &Path,
    date: Date,
    number: u64,
    total: Option<u64>,
) -> Result<Option<String>, Diagnostic> {
    let io = |path: &Path, e: std::io::Error| Diagnostic::file(path, format!("cannot write: {e}"));
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| io(&articles, e))?;
    let placeholder = dir.join(PLACEHOLDER);
    std::fs::write(&placeholder, text::PLACEHOLDER_TEXT).map_err(|e| io(&placeholder, e))?;
    let path = dir.join("issue.toml");
    let explicit = previous.total.as_ref().is_some_and(|t| t.origin == manifest::Origin::Manifest);
    let plan =
        text::Plan { from, title: &previous.series.title.value, date, number, total: total.filter(|_| explicit) };
    let written = text::manifest(&previous.manifest.text, &plan)?;
    std::fs::write(&path, &written).map_err(|e| io(&path, e))?;
    let derived = manifest::load(&path).ok().and_then(|issue| issue.total.map(|t| t.value));
    if total.is_none() || explicit || derived == total {
        manifest::load(&path)?;
        return Ok(None);
    }
    // The series rule does not give the running total for this year: write it down.
    let plan = text::Plan { total, ..plan };
    let written = text::manifest(&previous.manifest.text, &plan)?;
    std::fs::write(&path, &written).map_err(|e| io(&path, e))?;
    manifest::load(&path)?;
    let offset = total.unwrap_or(0).saturating_sub(number);
    Ok(Some(format!(
        "total written into the manifest; add `{} = {offset}` under [totals] in the series file to derive it",
        date.year
    )))
}

/// Moves the finished folder to its place, refusing to replace anything there.
fn rename_into(scratch: &Path, target: &Path) -> Result<(), Diagnostic> {
    if target.exists() {
        return Err(Diagnostic::file(target, "the folder for the new issue appeared meanwhile; nothing was written"));
    }
    std::fs::rename(scratch, target).map_err(|e| Diagnostic::file(target, format!("cannot make the folder: {e}")))
}

/// A date as written in a manifest.
fn show(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}
