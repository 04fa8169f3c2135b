//! The masthead (报头) on page 1: pinyin, the red title spaced out, 第N期 and the running
//! total, the publisher at the left and the date at the right, and the red rule.

use super::Setter;
use super::runs::{natural_width, spread};
use crate::compose::Align;
use crate::document::Masthead;
use crate::flow::Block;
use crate::layout::RoleName;
use crate::page::{Item, Rule, TagKind};

/// Sets the masthead as a block anchored at the type area's top-left corner.
pub(super) fn set_masthead(m: &Masthead, s: &Setter) -> Block {
    let layout = s.layout;
    let spec = &layout.masthead;
    let width = layout.type_width();
    let baseline = |n: f64| 0.88 * layout.grid.body_size + n * layout.grid.line_pitch;
    let mut items = Vec::new();
    let tag = s.element(TagKind::Masthead);

    // The title, letter-spaced by the role's tracking and centred.
    let title_role = layout.role(RoleName::MastheadTitle);
    let n = m.title.chars().count().max(1) as f64;
    let title_width =
        natural_width(s, RoleName::MastheadTitle, &m.title) + (n - 1.0) * title_role.tracking * title_role.size;
    let title_x = (width - title_width) / 2.0;
    // The pinyin line over exactly the title's width, above it (first in reading order).
    if let Some(pinyin) = &m.pinyin {
        items.push(spread(s, RoleName::Pinyin, pinyin, title_x, title_width, baseline(spec.pinyin_baseline), tag));
    }
    items.push(spread(s, RoleName::MastheadTitle, &m.title, title_x, title_width, baseline(spec.title_baseline), tag));

    // 第N期（总第…期）, centred.
    let number = format!("{}{}", m.number, m.total.as_deref().unwrap_or(""));
    for line in s.compose(&[s.span(RoleName::Number, &number)], width, Align::Center, (0.0, 0.0)).iter().take(1) {
        items.extend(s.line_items(line, 0.0, baseline(spec.number_baseline), &s.color(RoleName::Number), tag));
    }

    // Publisher at the left, date at the right, each one em in.
    let pub_role = layout.role(RoleName::Publisher);
    let inset = spec.side_indent * pub_role.size;
    let y = baseline(spec.publisher_baseline);
    let measure = width - 2.0 * inset;
    for (text, align) in [(&m.publisher, Align::Left), (&m.date, Align::Right)] {
        if let Some(line) = s.compose(&[s.span(RoleName::Publisher, text)], measure, align, (0.0, 0.0)).first() {
            items.extend(s.line_items(line, inset, y, &s.color(RoleName::Publisher), tag));
        }
    }

    // The red rule across the type area.
    items.push(Item::Rule(Rule {
        x0: 0.0,
        x1: width,
        y: y + spec.rule_offset * layout.grid.line_pitch,
        thickness: spec.rule_thickness,
        paint: spec.rule_paint.clone(),
    }));
    Block { lines: spec.lines, items }
}
