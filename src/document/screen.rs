//! Screening everything the issue prints (see [`Document::printed`]) with the manifest's
//! text hygiene rules: a control character is an error at its file, line and column; an
//! invisible character, a tab inside a line or ASCII punctuation between Chinese characters
//! is kept and reported once per file and kind, with a count.

use std::collections::BTreeMap;
use std::ops::Range;

use super::model::Document;
use super::printed::Place;
use super::source::FileId;
use crate::diagnostic::Diagnostic;
use crate::manifest::hygiene::{Kind, first_control, occurrences, warning};

/// The warnings of a document's printed text, or the error for its first control character.
pub(super) fn screen(doc: &Document) -> Result<Vec<Diagnostic>, Diagnostic> {
    // Per file and kind: the first occurrence (span, character) and the count.
    let mut found: BTreeMap<(FileId, Kind), (Range<usize>, char, usize)> = BTreeMap::new();
    // The contents box repeats the titles, screened where they stand.
    for printed in doc.printed().into_iter().filter(|p| p.place != Place::Contents) {
        for (range, source) in printed.text.pieces() {
            let Some(source) = source else { continue };
            let Some(file) = doc.sources.get(source.file.0) else { continue };
            // The bytes as written where they map one for one (a tab is still a tab there),
            // else the printed piece, reported at the value it came from.
            let (text, start) = match source.exact {
                true => match file.text.get(source.span.clone()) {
                    Some(text) => (text, Some(source.span.start)),
                    None => continue,
                },
                false => (&printed.text.as_str()[range], None),
            };
            let at = |r: Range<usize>| match start {
                Some(s) => s + r.start..s + r.end,
                None => source.span.clone(),
            };
            if let Some(control) = first_control(text) {
                let span = at(control.range.clone());
                return Err(Diagnostic::at(&file.path, &file.text, span, control.message).with_hint(control.hint));
            }
            for (kind, r, c) in occurrences(text) {
                found.entry((source.file, kind)).and_modify(|e| e.2 += 1).or_insert((at(r), c, 1));
            }
        }
    }
    let mut warnings: Vec<(FileId, Range<usize>, Diagnostic)> = found
        .into_iter()
        .filter_map(|((file_id, kind), (span, c, count))| {
            let file = doc.sources.get(file_id.0)?;
            let finding = warning(kind, span.clone(), c, count);
            let d = Diagnostic::at(&file.path, &file.text, span.clone(), finding.message).with_hint(finding.hint);
            Some((file_id, span, d))
        })
        .collect();
    warnings.sort_by_key(|w| (w.0, w.1.start));
    Ok(warnings.into_iter().map(|(_, _, d)| d).collect())
}
