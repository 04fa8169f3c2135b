//! The layout's fields, as read from TOML.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::flow::Cmyk;
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
    /// Type roles by name (`body`, `lead`, `title`, …).
    pub roles: BTreeMap<String, Role>,
    /// The masthead block.
    pub masthead: MastheadSpec,
    /// The closing block.
    pub closing: ClosingSpec,
    /// The page number.
    pub folio: FolioSpec,
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
    /// Kinsoku level: `gb` or `strict`.
    #[serde(default = "default_kinsoku")]
    pub kinsoku: String,
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
    /// Extra space between characters, em (a letter-spaced masthead title).
    #[serde(default)]
    pub tracking: f64,
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

/// The page number.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FolioSpec {
    /// Distance below the type area, mm.
    pub offset: f64,
}

impl Layout {
    /// Checks that the parts fit together; returns what does not.
    pub(super) fn check(&self) -> Result<(), String> {
        let g = &self.grid;
        if g.columns == 0 || g.column_chars == 0 || g.lines == 0 {
            return Err("grid: columns, column_chars and lines must be at least 1".into());
        }
        if !(g.body_size > 0.0 && g.line_pitch >= g.body_size) {
            return Err("grid: body_size must be positive and line_pitch at least body_size".into());
        }
        if crate::compose::Kinsoku::from_name(&g.kinsoku).is_none() {
            return Err(format!(
                "grid.kinsoku must be \"normal\", \"basic\", \"gb\" or \"strict\", not {:?}",
                g.kinsoku
            ));
        }
        if self.type_width() > mm(self.page.width) {
            return Err(format!(
                "the grid is {:.1} mm wide, wider than the {:.1} mm page",
                crate::units::to_mm(self.type_width()),
                self.page.width
            ));
        }
        if mm(self.page.top) + self.type_height() > mm(self.page.height) {
            return Err("the grid runs past the foot of the page".into());
        }
        for name in
            ["body", "lead", "title", "credit", "pinyin", "masthead_title", "number", "publisher", "closing", "folio"]
        {
            let role = self.roles.get(name).ok_or_else(|| format!("roles.{name} is missing"))?;
            if !self.fonts.contains_key(&role.font) {
                return Err(format!("roles.{name}.font: no font `{}` in [fonts]", role.font));
            }
            if !self.colors.contains_key(&role.color) {
                return Err(format!("roles.{name}.color: no colour `{}` in [colors]", role.color));
            }
            if !(role.size > 0.0) {
                return Err(format!("roles.{name}.size must be positive"));
            }
        }
        for key in [&self.masthead.rule_color, &self.closing.rule_color] {
            if !self.colors.contains_key(key) {
                return Err(format!("no colour `{key}` in [colors]"));
            }
        }
        if self.masthead.lines >= g.lines {
            return Err("masthead.lines leaves no room for text".into());
        }
        Ok(())
    }

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
        (mm(self.page.width) - self.type_width()) / 2.0
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

    /// A colour by key, black when unknown (keys are checked at load time).
    pub fn color(&self, key: &str) -> Cmyk {
        self.colors.get(key).map_or(Cmyk::BLACK, |[c, m, y, k]| Cmyk { c: *c, m: *m, y: *y, k: *k })
    }
}
