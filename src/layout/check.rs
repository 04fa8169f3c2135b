//! Checking a layout: the parts must fit together before anything is set with it.

use super::model::Layout;
use crate::units::mm;

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
        if crate::compose::PunctStyle::from_name(&g.punctuation).is_none() {
            return Err(format!("grid.punctuation must be \"quanjiao\" or \"kaiming\", not {:?}", g.punctuation));
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
            if role.size.is_nan() || role.size <= 0.0 {
                return Err(format!("roles.{name}.size must be positive"));
            }
        }
        if (self.role("body").size - g.body_size).abs() > 1e-9 {
            // A column of whole characters needs the body text in the grid's size.
            return Err(format!(
                "roles.body.size is {} pt but grid.body_size is {} pt: the {}-character column would not be a whole number of characters",
                self.role("body").size,
                g.body_size,
                g.column_chars
            ));
        }
        for key in [&self.masthead.rule_color, &self.closing.rule_color] {
            if !self.colors.contains_key(key) {
                return Err(format!("no colour `{key}` in [colors]"));
            }
        }
        for (key, ink) in &self.spots {
            if !self.colors.contains_key(key) {
                return Err(format!("spots.{key}: no colour `{key}` in [colors]"));
            }
            if ink.trim().is_empty() || matches!(ink.as_str(), "All" | "None") {
                return Err(format!("spots.{key}: {ink:?} cannot name a spot ink"));
            }
        }
        if !matches!(self.folio.align.as_str(), "center" | "outside") {
            return Err(format!("folio.align must be \"center\" or \"outside\", not {:?}", self.folio.align));
        }
        if self.page.max_pages == Some(0) {
            return Err("page.max_pages must be at least 1".into());
        }
        if self.type_left() < 0.0 || self.type_left() + self.type_width() > mm(self.page.width) + 1e-6 {
            return Err("the type area runs past the side of the page".into());
        }
        if self.masthead.lines >= g.lines {
            return Err("masthead.lines leaves no room for text".into());
        }
        Ok(())
    }
}
