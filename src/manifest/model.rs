//! The manifest and series file as written: serde types that keep every value's span.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A string value with its span.
pub(crate) type Text = Spanned<String>;

/// An issue manifest (`issue.toml`) as parsed, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawManifest {
    pub series: Option<Spanned<RawSeries>>,
    pub issue: Spanned<RawIssue>,
    pub article: Option<Spanned<Vec<Spanned<RawArticle>>>>,
    pub distribution: Option<RawDistribution>,
    pub colophon: Option<RawColophon>,
}

/// The `[series]` table; every key optional here, required after the series merge.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSeries {
    pub title: Option<Text>,
    pub pinyin: Option<Text>,
    pub publisher: Option<Text>,
    pub layout: Option<Text>,
}

/// The `[issue]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIssue {
    pub number: Spanned<i64>,
    pub total: Option<Spanned<i64>>,
    pub date: Spanned<toml::Value>,
}

/// One `[[article]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticle {
    pub title: Text,
    pub source: Option<Text>,
    pub file: Option<Text>,
    pub body: Option<Text>,
}

/// The `[distribution]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDistribution {
    pub label: Option<Text>,
    pub recipients: Vec<Text>,
}

/// The `[colophon]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawColophon {
    pub editors: Vec<Text>,
    pub phone: Option<Text>,
    pub email: Option<Text>,
    pub approval: Option<Text>,
}

/// A series file (`series.toml`): the shared `[series]` table and the rule for totals.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSeriesFile {
    pub series: Option<Spanned<RawSeries>>,
    pub total_offset: Option<Spanned<i64>>,
    pub totals: Option<Spanned<BTreeMap<Text, Spanned<i64>>>>,
}

/// The keys each table accepts, for "did you mean" hints: (table as written, keys).
pub(crate) const TABLES: &[(&str, &[&str])] = &[
    ("the top level of the manifest", &["series", "issue", "article", "distribution", "colophon"]),
    ("[series]", &["title", "pinyin", "publisher", "layout"]),
    ("[issue]", &["number", "total", "date"]),
    ("[[article]]", &["title", "source", "file", "body"]),
    ("[distribution]", &["label", "recipients"]),
    ("[colophon]", &["editors", "phone", "email", "approval"]),
    ("the top level of the series file", &["series", "total_offset", "totals"]),
];
