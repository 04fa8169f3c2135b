//! The series file: finding `series.toml` above a manifest, merging its `[series]` table
//! under the manifest's, and deriving the running total from its offsets.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::issue::{Located, Origin, Series, SourceFile};
use super::model::{RawSeries, RawSeriesFile, Text};
use super::read::{parse, read_source};
use crate::diagnostic::{Diagnostic, Result};

/// An offset added to the issue number, with the span it was written at.
type Offset = (u64, Range<usize>);

/// A year's offset from `[totals]`: (year, offset, span).
type YearOffset = (u16, u64, Range<usize>);

/// A series file as read, parsed and checked.
pub(crate) struct SeriesFile {
    pub file: SourceFile,
    pub raw: RawSeriesFile,
    /// Offsets per year from `[totals]`.
    by_year: Vec<YearOffset>,
    /// `total_offset`, for years `[totals]` does not name.
    offset: Option<Offset>,
    /// Where `[totals]` is, when the file has it.
    totals_at: Option<Range<usize>>,
}

/// The nearest `series.toml` in the manifest's folder or a parent folder, if any.
pub(crate) fn find(manifest: &Path) -> Option<PathBuf> {
    let dir = match manifest.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let itself = manifest.canonicalize().ok();
    dir.ancestors().map(|d| d.join("series.toml")).find(|p| p.is_file() && itself.as_deref() != Some(p.as_path()))
}

/// Reads and parses the series file for `manifest`, if there is one.
pub(crate) fn load(manifest: &Path) -> Result<Option<SeriesFile>> {
    let Some(path) = find(manifest) else {
        return Ok(None);
    };
    let file = read_source(&path)?;
    let raw = parse(&file)?;
    let (by_year, offset) = offsets(&file, &raw)?;
    let totals_at = raw.totals.as_ref().map(Spanned::span);
    Ok(Some(SeriesFile { file, raw, by_year, offset, totals_at }))
}

/// A manifest or series value with its origin.
fn located(text: &Text, origin: Origin) -> Located<String> {
    Located { value: text.get_ref().clone(), span: text.span(), origin }
}

/// Merges the manifest's `[series]` over the series file's; title and publisher are required.
pub(crate) fn merge(
    manifest: &SourceFile,
    own: Option<&Spanned<RawSeries>>,
    shared: Option<&SeriesFile>,
) -> Result<Series> {
    let empty = RawSeries::default();
    let mine = own.map_or(&empty, |s| s.get_ref());
    let theirs = shared.and_then(|s| s.raw.series.as_ref()).map_or(&empty, |s| s.get_ref());
    let pick = |a: &Option<Text>, b: &Option<Text>| {
        a.as_ref().map(|t| located(t, Origin::Manifest)).or_else(|| b.as_ref().map(|t| located(t, Origin::Series)))
    };
    let missing = |key: &str| missing_series_key(manifest, own, shared, key);
    let title = pick(&mine.title, &theirs.title).ok_or_else(|| missing("title"))?;
    if title.value.trim().is_empty() {
        let file = match title.origin {
            Origin::Series => shared.map_or(manifest, |s| &s.file),
            _ => manifest,
        };
        return Err(Diagnostic::at(&file.path, &file.text, title.span, "`series.title` is empty")
            .with_hint("give the bulletin's title, e.g. `title = \"联络动态\"`"));
    }
    if let (Some(own_title), Some(shared), Some(their_title)) = (&mine.title, shared, &theirs.title)
        && own_title.get_ref().trim() != their_title.get_ref().trim()
    {
        return Err(title_mismatch(manifest, own_title, shared, their_title));
    }
    Ok(Series {
        title,
        pinyin: pick(&mine.pinyin, &theirs.pinyin),
        publisher: pick(&mine.publisher, &theirs.publisher).ok_or_else(|| missing("publisher"))?,
        layout: pick(&mine.layout, &theirs.layout),
    })
}

/// The error for a manifest whose `series.title` is not the title of the series file found
/// above it: that file belongs to another bulletin and is not merged.
fn title_mismatch(manifest: &SourceFile, own: &Text, shared: &SeriesFile, theirs: &Text) -> Diagnostic {
    let message = format!(
        "the series file `{}` is for 《{}》, not 《{}》",
        shared.file.path.display(),
        theirs.get_ref().trim(),
        own.get_ref().trim()
    );
    Diagnostic::at(&manifest.path, &manifest.text, own.span(), message).with_hint(
        "the nearest series.toml above the manifest is used; give this bulletin a series.toml of its own in \
         its folder, or correct the title",
    )
}

/// The error for a required `[series]` key found in neither file.
fn missing_series_key(
    manifest: &SourceFile,
    own: Option<&Spanned<RawSeries>>,
    shared: Option<&SeriesFile>,
    key: &str,
) -> Diagnostic {
    let message = format!("missing key `{key}` in `[series]`");
    let hint = "put it in the manifest's `[series]` table or in a series.toml in its folder or a parent folder";
    let shared_table = shared.and_then(|s| s.raw.series.as_ref().map(|t| (&s.file, t.span())));
    let diagnostic = match (own, shared_table) {
        (Some(table), _) => Diagnostic::at(&manifest.path, &manifest.text, table.span(), message),
        (None, Some((file, span))) => Diagnostic::at(&file.path, &file.text, span, message),
        (None, None) => Diagnostic::file(&manifest.path, message),
    };
    diagnostic.with_hint(hint)
}

/// The running total: the manifest's `total`, else `number` plus the series file's offset
/// for the issue's year (`[totals]`), else plus its `total_offset`.
pub(crate) fn total(
    manifest: &SourceFile,
    given: Option<&Spanned<i64>>,
    number: u64,
    year: u16,
    shared: Option<&SeriesFile>,
) -> Result<Option<Located<u64>>> {
    if let Some(total) = given {
        let value = super::validate::at_least_one(manifest, total, "issue.total")?;
        let (span, origin) = (total.span(), Origin::Manifest);
        return Ok(Some(Located { value, span, origin }));
    }
    let Some(shared) = shared else {
        return Ok(None);
    };
    let by_year = shared.by_year.iter().find(|(y, _, _)| *y == year);
    let offset = by_year.map(|(_, o, s)| (*o, s.clone())).or(shared.offset.clone());
    match (offset, &shared.totals_at) {
        (Some((value, span)), _) => {
            Ok(Some(Located { value: number.saturating_add(value), span, origin: Origin::Series }))
        }
        (None, Some(at)) => {
            let file = &shared.file;
            let message = format!("`[totals]` has no line for {year}, so 总第N期 of this issue is unknown");
            Err(Diagnostic::at(&file.path, &file.text, at.clone(), message).with_hint(format!(
                "add `{year} = OFFSET` to `[totals]` (the total is the issue number plus the offset), a \
                 `total_offset` for all other years, or `total` in the manifest's `[issue]`"
            )))
        }
        (None, None) => Ok(None),
    }
}

/// Checks the offsets of a series file: `[totals]` keys are years, offsets are 0 or more.
fn offsets(file: &SourceFile, raw: &RawSeriesFile) -> Result<(Vec<YearOffset>, Option<Offset>)> {
    let error = |span: Range<usize>, message: String| Diagnostic::at(&file.path, &file.text, span, message);
    let non_negative = |value: &Spanned<i64>, key: &str| {
        u64::try_from(*value.get_ref()).map(|v| (v, value.span())).map_err(|_| {
            let found = value.get_ref();
            error(value.span(), format!("`{key}` must be 0 or more, found {found}"))
        })
    };
    let mut by_year = Vec::new();
    for (key, value) in raw.totals.iter().flat_map(|t| t.get_ref()) {
        let year: u16 = key.get_ref().trim().parse().ok().filter(|y| *y >= 1).ok_or_else(|| {
            error(key.span(), format!("`[totals]` keys are years, found `{}`", key.get_ref()))
                .with_hint("write e.g. `2021 = 623` (issue 4 of 2021 is then 总第627期)")
        })?;
        let (offset, span) = non_negative(value, "[totals]")?;
        by_year.push((year, offset, span));
    }
    let offset = raw.total_offset.as_ref().map(|v| non_negative(v, "total_offset")).transpose()?;
    Ok((by_year, offset))
}
