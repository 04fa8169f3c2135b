//! The manifest and series file as written: serde types that keep every value's span.

use std::collections::BTreeMap;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
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
    pub distribution: Option<RawDistributions>,
    pub colophon: Option<RawColophon>,
    pub editor_note: Option<Spanned<RawNote>>,
    pub page: Option<RawPage>,
}

/// The `[page]` table of a manifest (v2): the pages the issue must fit (copy-fitting).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPage {
    pub pages: Option<Spanned<i64>>,
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
    pub classification: Option<Text>,
    pub special: Option<Text>,
    pub copies: Option<Spanned<i64>>,
    pub contents: Option<bool>,
}

/// One `[[article]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticle {
    pub title: Text,
    pub source: Option<Text>,
    pub file: Option<Text>,
    pub body: Option<Text>,
    pub note: Option<Text>,
    pub headings: Option<bool>,
}

/// The `[editor_note]` table: the issue's 编者按.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNote {
    pub label: Option<Text>,
    pub body: Option<Text>,
    pub file: Option<Text>,
}

/// The distribution: one `[distribution]` table (version 1) or several `[[distribution]]`
/// groups (version 2).
#[derive(Debug)]
pub(crate) enum RawDistributions {
    /// `[distribution]`.
    One(RawDistribution),
    /// `[[distribution]]`, in order.
    Many(Vec<RawDistribution>),
}

impl RawDistributions {
    /// The groups in order.
    pub fn into_groups(self) -> Vec<RawDistribution> {
        match self {
            RawDistributions::One(one) => vec![one],
            RawDistributions::Many(many) => many,
        }
    }
}

impl<'de> Deserialize<'de> for RawDistributions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Tells a table from an array of tables, deserializing either with its own errors.
        struct Groups;
        impl<'de> Visitor<'de> for Groups {
            type Value = RawDistributions;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a `[distribution]` table or `[[distribution]]` tables")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                RawDistribution::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawDistributions::One)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(RawDistributions::Many)
            }
        }
        deserializer.deserialize_any(Groups)
    }
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
    pub distribution: Option<RawDistributions>,
    pub colophon: Option<RawColophon>,
}

/// The keys each table accepts, for "did you mean" hints: (table as written, keys).
pub(crate) const TABLES: &[(&str, &[&str])] = &[
    (
        "the top level of the manifest",
        &["series", "issue", "article", "distribution", "colophon", "editor_note", "page"],
    ),
    ("[page]", &["pages"]),
    ("[series]", &["title", "pinyin", "publisher", "layout"]),
    ("[issue]", &["number", "total", "date", "classification", "special", "copies", "contents"]),
    ("[[article]]", &["title", "source", "file", "body", "note", "headings"]),
    ("[editor_note]", &["label", "body", "file"]),
    ("[distribution]", &["label", "recipients"]),
    ("[colophon]", &["editors", "phone", "email", "approval"]),
    ("the top level of the series file", &["series", "total_offset", "totals", "distribution", "colophon"]),
];
