//! What the outputs record about the issue: title, publisher, dates and the outline.

use crate::document::Document;
use crate::page::{Bookmark, Metadata};

/// The metadata of a laid-out issue; `created` overrides the creation date (seconds since
/// 1970, from `SOURCE_DATE_EPOCH`).
pub(super) fn metadata(doc: &Document, bookmarks: Vec<Bookmark>, created: Option<i64>) -> Metadata {
    let m = &doc.masthead;
    let publisher = m.publisher.as_str().trim();
    Metadata {
        title: format!("{} {}年{}", m.title, doc.date.0, m.number),
        author: m.publisher.to_string(),
        subject: doc.articles.iter().map(|a| a.title.as_str()).collect::<Vec<_>>().join("；"),
        date: doc.date,
        language: "zh-CN".into(),
        series: m.title.to_string(),
        issue: m.number.to_string(),
        total: m.total.as_ref().map_or("", |t| t.as_str()).trim_matches(['（', '）', '(', ')']).to_string(),
        // `…委员会编` is "edited by …": the publisher is the body itself.
        publisher: publisher.strip_suffix("编印").or(publisher.strip_suffix('编')).unwrap_or(publisher).to_string(),
        created,
        bookmarks,
        classification: None,
    }
}

/// `SOURCE_DATE_EPOCH` from the environment: `Ok(None)` when unset or empty, an error message
/// when it is not a whole number of seconds.
pub fn source_date_epoch() -> Result<Option<i64>, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => v.trim().parse().map(Some).map_err(|_| {
            format!("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not `{v}`")
        }),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err("SOURCE_DATE_EPOCH is not valid text".into()),
    }
}
