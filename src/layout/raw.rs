//! The layout as written in TOML: serde types, checked and resolved into a
//! [`Layout`](super::Layout) by `resolve`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A whole layout file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLayout {
    pub page: RawPage,
    pub grid: RawGrid,
    pub fonts: BTreeMap<String, String>,
    pub colors: BTreeMap<String, [f64; 4]>,
    #[serde(default)]
    pub spots: BTreeMap<String, String>,
    pub roles: RawRoles,
    pub masthead: RawMasthead,
    pub closing: RawClosing,
    pub folio: RawFolio,
    #[serde(default)]
    pub fallback: RawFallback,
    #[serde(default)]
    pub notes: RawFrame,
    #[serde(default)]
    pub contents: RawContents,
    #[serde(default)]
    pub figure: RawFigure,
}

/// `[notes]` and the frame part of `[contents]`: how a block is set off.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFrame {
    #[serde(default)]
    pub frame: Option<String>,
    #[serde(default)]
    pub rule_thickness: Option<f64>,
    #[serde(default)]
    pub padding: Option<f64>,
}

/// `[contents]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContents {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub frame: Option<String>,
    #[serde(default)]
    pub rule_thickness: Option<f64>,
    #[serde(default)]
    pub padding: Option<f64>,
}

/// `[figure]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFigure {
    #[serde(default)]
    pub caption_gap: Option<f64>,
    #[serde(default)]
    pub min_ppi: Option<f64>,
}

/// `[page]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPage {
    pub width: f64,
    pub height: f64,
    pub top: f64,
    #[serde(default)]
    pub left: Option<f64>,
    #[serde(default)]
    pub max_pages: Option<i64>,
}

/// `[grid]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGrid {
    pub body_size: f64,
    pub line_pitch: f64,
    pub lines: i64,
    pub columns: i64,
    pub column_chars: i64,
    pub gutter_chars: i64,
    pub indent_chars: f64,
    #[serde(default)]
    pub kinsoku: Option<String>,
    #[serde(default)]
    pub punctuation: Option<String>,
    #[serde(default)]
    pub hanging_punctuation: bool,
}

/// `[roles]`: one table per role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRoles {
    pub body: RawRole,
    pub lead: RawRole,
    pub title: RawRole,
    pub credit: RawRole,
    pub pinyin: RawRole,
    pub masthead_title: RawRole,
    pub number: RawRole,
    pub publisher: RawRole,
    pub closing: RawRole,
    pub folio: RawRole,
    #[serde(default)]
    pub heading1: Option<RawRole>,
    #[serde(default)]
    pub heading2: Option<RawRole>,
    #[serde(default)]
    pub heading3: Option<RawRole>,
    #[serde(default)]
    pub heading4: Option<RawRole>,
    #[serde(default)]
    pub note: Option<RawRole>,
    #[serde(default)]
    pub note_label: Option<RawRole>,
    #[serde(default)]
    pub caption: Option<RawRole>,
    #[serde(default)]
    pub contents: Option<RawRole>,
    #[serde(default)]
    pub contents_title: Option<RawRole>,
    #[serde(default)]
    pub classification: Option<RawRole>,
}

/// One `[roles.NAME]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRole {
    pub font: String,
    pub size: f64,
    pub color: String,
    #[serde(default)]
    pub line_pitch: Option<f64>,
    #[serde(default)]
    pub space_before: f64,
    #[serde(default)]
    pub space_after: f64,
    #[serde(default)]
    pub space_stretch: i64,
    #[serde(default)]
    pub tracking: f64,
    #[serde(default)]
    pub embolden: f64,
    #[serde(default)]
    pub min_size: Option<f64>,
    #[serde(default)]
    pub min_tracking: Option<f64>,
}

/// `[masthead]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMasthead {
    pub lines: i64,
    pub pinyin_baseline: f64,
    pub title_baseline: f64,
    pub number_baseline: f64,
    #[serde(default)]
    pub total_baseline: Option<f64>,
    #[serde(default)]
    pub classification_baseline: Option<f64>,
    pub publisher_baseline: f64,
    pub rule_offset: f64,
    pub rule_thickness: f64,
    pub rule_color: String,
    pub side_indent: f64,
}

/// `[closing]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClosing {
    pub outer_rule: f64,
    pub inner_rule: f64,
    pub rule_color: String,
    pub padding: f64,
    pub side_indent: f64,
}

/// `[folio]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFolio {
    pub offset: f64,
    #[serde(default)]
    pub align: Option<String>,
    #[serde(default)]
    pub indent: f64,
}

/// `[fallback]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFallback {
    #[serde(default)]
    pub fonts: Vec<String>,
    #[serde(default = "yes")]
    pub system: bool,
}

impl Default for RawFallback {
    fn default() -> Self {
        RawFallback { fonts: Vec::new(), system: true }
    }
}

/// `true`, for serde defaults.
fn yes() -> bool {
    true
}
