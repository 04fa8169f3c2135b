//! The layout's fields, as read from TOML.

use std::collections::BTreeMap;

use serde::Deserialize;

use std::sync::Arc;

use crate::page::{Cmyk, Paint, Spot};
use crate::units::mm;

/// A whole layout.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Paper and type-area position.
    pub page: PageSpec,
    /// The character grid.
    pub grid: Grid,
    /// Font names by key (`regular`, `bold`).
    pub fonts: BTreeMap<String, String>,
    /// CMYK colours by key.
    pub colors: BTreeMap<String, [f64; 4]>,
    /// Colours printed as spot inks: a key of `[colors]` → the ink's name (a Separation in the
    /// PDF); the colour's CMYK value is the ink's alternate, what a four-colour device prints.
    #[serde(default)]
    pub spots: BTreeMap<String, String>,
    /// Type roles by name (`body`, `lead`, `title`, …).
    pub roles: BTreeMap<String, Role>,
    /// The masthead block.
    pub masthead: MastheadSpec,
    /// The closing block.
    pub closing: ClosingSpec,
    /// The page number.
    pub folio: FolioSpec,
    /// Faces for characters the role fonts lack.
    #[serde(default)]
    pub fallback: FallbackSpec,
}

/// Paper size and the top of the type area.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PageSpec {
    /// Trimmed width, mm.
    pub width: f64,
    /// Trimmed height, mm.
    pub height: f64,
    /// Paper top to the top of the first line's em box, mm.
    pub top: f64,
    /// Paper left edge to the type area (the binding margin), mm; centred when absent.
    #[serde(default)]
    pub left: Option<f64>,
    /// Most pages an issue may take; a longer issue fails to build.
    #[serde(default)]
    pub max_pages: Option<usize>,
}

/// The character grid shared by all columns.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    /// Body font size, pt.
    pub body_size: f64,
    /// Baseline-to-baseline distance, pt.
    pub line_pitch: f64,
    /// Grid lines per column.
    pub lines: usize,
    /// Number of columns.
    pub columns: usize,
    /// Characters per column line.
    pub column_chars: usize,
    /// Gutter between columns, in characters.
    pub gutter_chars: usize,
    /// First-line indent, in characters.
    pub indent_chars: f64,
    /// Kinsoku level: `normal`, `basic`, `gb` (default) or `strict`.
    #[serde(default = "default_kinsoku")]
    pub kinsoku: String,
    /// Punctuation style: `quanjiao` (default) or `kaiming`.
    #[serde(default = "default_punctuation")]
    pub punctuation: String,
    /// Whether a lone 、，。． may hang past the line end (off by default: it breaks the grid).
    #[serde(default)]
    pub hanging_punctuation: bool,
}

/// Default punctuation style.
fn default_punctuation() -> String {
    "quanjiao".into()
}

/// Default kinsoku level.
fn default_kinsoku() -> String {
    "gb".into()
}

/// A type role: font, size, colour and optional spacing.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// A key of `[fonts]`.
    pub font: String,
    /// Size, pt.
    pub size: f64,
    /// A key of `[colors]`.
    pub color: String,
    /// Line pitch for roles set on their own pitch (titles, closing block), pt.
    pub line_pitch: Option<f64>,
    /// Space above, in grid lines.
    #[serde(default)]
    pub space_before: f64,
    /// Space below, in grid lines.
    #[serde(default)]
    pub space_after: f64,
    /// Whole grid lines the space above may grow by, so that a column held short by a keep
    /// still ends on its last grid line.
    #[serde(default)]
    pub space_stretch: usize,
    /// Extra space between characters, em (a letter-spaced masthead title).
    #[serde(default)]
    pub tracking: f64,
    /// Synthetic bold for a face with no bold weight: stroke width in em (0.03 is a good
    /// start); the glyphs keep their advances, so the grid is unchanged.
    #[serde(default)]
    pub embolden: f64,
}

/// Where the masthead's lines sit (page 1, all columns).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MastheadSpec {
    /// Grid lines the masthead takes.
    pub lines: usize,
    /// Baseline of the pinyin line, grid lines from the type-area top.
    pub pinyin_baseline: f64,
    /// Baseline of the title.
    pub title_baseline: f64,
    /// Baseline of the 第N期 line.
    pub number_baseline: f64,
    /// Baseline of the publisher / date line.
    pub publisher_baseline: f64,
    /// Distance from the publisher baseline to the rule, grid lines.
    pub rule_offset: f64,
    /// Rule thickness, pt.
    pub rule_thickness: f64,
    /// Rule colour key.
    pub rule_color: String,
    /// Indent of the publisher and date from the sides, em of the publisher role.
    pub side_indent: f64,
}

/// The closing block's rules and spacing.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClosingSpec {
    /// First and last rule thickness, pt.
    pub outer_rule: f64,
    /// Thickness of the rules between groups, pt.
    pub inner_rule: f64,
    /// Rule colour key.
    pub rule_color: String,
    /// Space between a rule and the text, in closing line pitches.
    pub padding: f64,
    /// Indent from each side, em of the closing role.
    pub side_indent: f64,
}

/// Where characters the role fonts lack are looked for: `fonts` in order (bundled names or
/// font files, `path#index` for a collection), then the system's fonts unless `system = false`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FallbackSpec {
    /// Font names or paths, in order.
    #[serde(default)]
    pub fonts: Vec<String>,
    /// Whether the system's fonts are searched after them.
    #[serde(default = "yes")]
    pub system: bool,
}

impl Default for FallbackSpec {
    fn default() -> Self {
        FallbackSpec { fonts: Vec::new(), system: true }
    }
}

/// `true`, for serde defaults.
fn yes() -> bool {
    true
}

/// The page number.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FolioSpec {
    /// Distance below the type area, mm.
    pub offset: f64,
    /// `center` (default), or `outside`: odd pages at the right, even pages at the left.
    #[serde(default = "default_folio_align")]
    pub align: String,
    /// Indent from the type area's side when `outside`, em of the folio role.
    #[serde(default)]
    pub indent: f64,
}

/// Default folio alignment.
fn default_folio_align() -> String {
    "center".into()
}

impl Layout {
    /// Width of one column, pt (a whole number of characters).
    pub fn column_width(&self) -> f64 {
        self.grid.column_chars as f64 * self.grid.body_size
    }

    /// Gutter width, pt.
    pub fn gutter(&self) -> f64 {
        self.grid.gutter_chars as f64 * self.grid.body_size
    }

    /// Width of the type area, pt.
    pub fn type_width(&self) -> f64 {
        let g = &self.grid;
        g.columns as f64 * self.column_width() + (g.columns - 1) as f64 * self.gutter()
    }

    /// Height of the type area, pt: from the first em-box top to the last em-box bottom.
    pub fn type_height(&self) -> f64 {
        (self.grid.lines - 1) as f64 * self.grid.line_pitch + self.grid.body_size
    }

    /// Left edge of the type area, pt (centred on the page).
    pub fn type_left(&self) -> f64 {
        self.page.left.map_or((mm(self.page.width) - self.type_width()) / 2.0, mm)
    }

    /// Top of the type area, pt.
    pub fn type_top(&self) -> f64 {
        mm(self.page.top)
    }

    /// Baseline of grid line `n` (0-based), pt from the page top.
    pub fn baseline(&self, n: f64) -> f64 {
        self.type_top() + 0.88 * self.grid.body_size + n * self.grid.line_pitch
    }

    /// A role by name (present: checked at load time).
    pub fn role(&self, name: &str) -> &Role {
        &self.roles[name]
    }

    /// The paint of a colour key: its spot ink when `[spots]` names one, else process CMYK;
    /// black when unknown (keys are checked at load time).
    pub fn color(&self, key: &str) -> Paint {
        let cmyk = self.colors.get(key).map_or(Cmyk::BLACK, |[c, m, y, k]| Cmyk { c: *c, m: *m, y: *y, k: *k });
        match self.spots.get(key) {
            Some(name) => Paint::Spot(Arc::new(Spot { name: name.clone(), alternate: cmyk })),
            None => Paint::Process(cmyk),
        }
    }
}
