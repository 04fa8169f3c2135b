//! The closing block (报尾): rules, the distribution list with a hanging indent after the
//! label's colon, the responsible editors (two-character names spaced to three), contacts
//! and the approval number. Its last rule lies on the bottom edge of the type area.

use super::Setter;
use super::runs::{natural_width, spread};
use crate::compose::Align;
use crate::document::Closing;
use crate::flow::Block;
use crate::layout::RoleName;
use crate::page::{Item, Rule, TagKind, translate};

/// Sets the closing block, anchored at the type area's bottom-left corner.
pub(super) fn set_closing(c: &Closing, s: &Setter) -> Block {
    let layout = s.layout;
    let spec = &layout.closing;
    let role = layout.role(RoleName::Closing);
    let size = role.size;
    let pitch = role.line_pitch.unwrap_or(size * 1.5);
    let width = layout.type_width();
    let inset = spec.side_indent * size;
    let measure = width - 2.0 * inset;
    let color = s.color(RoleName::Closing);
    let tag = s.element(TagKind::Closing);
    let rule_color = spec.rule_paint.clone();
    let pad = spec.padding * pitch;

    // Built top-down from y = 0 (the top rule), then moved up by the height.
    let mut items = Vec::new();
    let mut y = 0.0;
    let rule = |items: &mut Vec<Item>, y: f64, thickness: f64| {
        items.push(Item::Rule(Rule { x0: 0.0, x1: width, y, thickness, paint: rule_color.clone() }));
    };
    rule(&mut items, y, spec.outer_rule);
    // Baseline of the first text line below a rule at y.
    let first_baseline = |y: f64| y + pad + 0.88 * size;

    if !c.recipients.is_empty() {
        let label = format!("{}：", c.label);
        let hang = natural_width(s, RoleName::Closing, &format!("{label}一")) - size;
        let mut baseline = first_baseline(y);
        for (i, group) in c.recipients.iter().enumerate() {
            let text = if i == 0 { format!("{label}{group}") } else { group.clone() };
            let first = if i == 0 { 0.0 } else { hang };
            for line in s.compose(&[s.span(RoleName::Closing, &text)], measure, Align::Justify, (first, hang)) {
                items.extend(s.line_items(&line, inset, baseline, &color, tag));
                baseline += pitch;
            }
        }
        y = baseline - pitch + 0.12 * size + pad;
        rule(&mut items, y, spec.inner_rule);
    }

    let baseline = first_baseline(y);
    let mut left = Vec::new();
    let mut x = inset;
    if !c.editors.is_empty() {
        let label = "责任编辑：";
        if let Some(line) = s.compose(&[s.span(RoleName::Closing, label)], measure, Align::Left, (0.0, 0.0)).first() {
            left.extend(s.line_items(line, x, baseline, &color, tag));
            x += natural_width(s, RoleName::Closing, &format!("{label}一")) - size;
        }
        for name in &c.editors {
            // A two-character name takes the width of three (石　韧).
            let n = name.chars().count();
            let w = natural_width(s, RoleName::Closing, name);
            let target = if n == 2 { w * 1.5 } else { w };
            left.push(spread(s, RoleName::Closing, name, x, target, baseline, tag));
            x += target + size;
        }
    }
    let contact: Vec<&str> = [c.phone.as_deref(), c.email.as_deref()].into_iter().flatten().collect();
    let mut rows = vec![left];
    if !contact.is_empty() {
        let text = format!("联系方式：{}", contact.join("　"));
        let w = natural_width(s, RoleName::Closing, &text);
        let line = s.compose(&[s.span(RoleName::Closing, &text)], measure, Align::Right, (0.0, 0.0));
        let fits = x + size + w <= inset + measure;
        let row: Vec<Item> = line.iter().take(1).flat_map(|l| s.line_items(l, inset, baseline, &color, tag)).collect();
        if fits {
            rows[0].extend(row);
        } else {
            rows.push(row);
        }
    }
    if let Some(approval) = &c.approval {
        let text = format!("批准文号：{approval}");
        let line = s.compose(&[s.span(RoleName::Closing, &text)], measure, Align::Left, (0.0, 0.0));
        rows.push(line.iter().take(1).flat_map(|l| s.line_items(l, inset, baseline, &color, tag)).collect());
    }
    let rows: Vec<Vec<Item>> = rows.into_iter().filter(|r| !r.is_empty()).collect();
    for (i, row) in rows.iter().enumerate() {
        items.extend(translate(row, 0.0, i as f64 * pitch));
    }
    let last_baseline = baseline + rows.len().saturating_sub(1) as f64 * pitch;
    let height = last_baseline + 0.12 * size + pad;
    rule(&mut items, height, spec.outer_rule);

    // Whole grid lines, with half a line of air above the top rule.
    let grid = &layout.grid;
    let needed = height + 0.5 * grid.line_pitch - grid.body_size;
    let lines = (needed / grid.line_pitch).ceil().max(0.0) as usize + 1;
    Block { lines, items: translate(&items, 0.0, -height).collect() }
}
