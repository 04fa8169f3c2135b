//! The closing block (报尾): rules, the distribution groups with a hanging indent after each
//! label's colon, the responsible editors (two-character names spaced to three), contacts
//! and the approval number. Its last rule lies on the bottom edge of the type area. A line
//! too long for the measure wraps under its first value; a block taller than a page, or a
//! label that leaves no room for what follows it, fails the build at the manifest line.

use super::Setter;
use super::runs::{Spread, natural_width, spread};
use crate::compose::Align;
use crate::diagnostic::Diagnostic;
use crate::document::{Closing, Document, Labelled, Text};
use crate::flow::Block;
use crate::layout::RoleName;
use crate::page::{Item, Paint, Rule, Tag, TagKind, translate};

/// Ems a label must leave for the text after it on a line of the closing block.
const ROOM_AFTER_LABEL: f64 = 10.0;

/// What every line of the closing block shares.
struct Ctx<'a, 'b> {
    s: &'a Setter<'b>,
    doc: &'a Document,
    /// Left edge of the text, points from the type area's left.
    inset: f64,
    /// Width of the text.
    measure: f64,
    /// Font size of the closing role.
    size: f64,
    paint: Paint,
    tag: Tag,
}

impl Ctx<'_, '_> {
    /// The width a label takes before the text it introduces (its natural width).
    fn label_width(&self, label: &Text) -> f64 {
        natural_width(self.s, RoleName::Closing, &format!("{label}一")) - self.size
    }

    /// Fails when a label leaves too little room after it.
    fn check_label(&self, label: &Text) -> Result<f64, Diagnostic> {
        let hang = self.label_width(label);
        if hang + ROOM_AFTER_LABEL * self.size > self.measure {
            let message = format!("the label 「{label}」 leaves no room on its line for what follows it");
            let hint = format!(
                "a label takes at most {:.0} characters here; shorten it",
                (self.measure / self.size - ROOM_AFTER_LABEL).floor().max(0.0)
            );
            return Err(self.doc.diagnostic(label, 0, message).with_hint(hint));
        }
        Ok(hang)
    }

    /// `text` set justified in the measure, its lines after the first hanging by `hang`: one
    /// row of items per line, each on baseline 0.
    fn paragraph(&self, text: &str, first: f64, hang: f64) -> Vec<Vec<Item>> {
        let lines =
            self.s.compose(&[self.s.span(RoleName::Closing, text)], self.measure, Align::Justify, (first, hang));
        lines.iter().map(|line| self.s.line_items(line, self.inset, 0.0, &self.paint, self.tag)).collect()
    }

    /// A labelled line as one paragraph (label, values joined by ideographic spaces) hanging
    /// under its first value: rows of items.
    fn wrapped(&self, l: &Labelled) -> Result<Vec<Vec<Item>>, Diagnostic> {
        let hang = self.check_label(&l.label)?;
        let values: Vec<&str> = l.values.iter().map(Text::as_str).collect();
        Ok(self.paragraph(&format!("{}{}", l.label, values.join("\u{3000}")), 0.0, hang))
    }

    /// The editors on one row — a two-character name takes the width of three (石　韧) — or,
    /// when they do not fit, wrapped like any labelled line. Returns the rows and where the
    /// next thing on the last row may start (one em after the last name).
    fn editors(&self, l: &Labelled) -> Result<(Vec<Vec<Item>>, f64), Diagnostic> {
        let s = self.s;
        let mut row = Vec::new();
        let mut x = self.inset;
        let label = s.compose(&[s.span(RoleName::Closing, l.label.as_str())], self.measure, Align::Left, (0.0, 0.0));
        if let Some(line) = label.first() {
            row.extend(s.line_items(line, x, 0.0, &self.paint, self.tag));
            x += self.label_width(&l.label);
        }
        for name in &l.values {
            let n = name.as_str().chars().count();
            let w = natural_width(s, RoleName::Closing, name.as_str());
            let target = if n == 2 { w * 1.5 } else { w };
            if x + target > self.inset + self.measure + 1e-6 {
                return Ok((self.wrapped(l)?, self.inset + self.measure));
            }
            let at = Spread { x, width: target, y: 0.0, size: self.size };
            row.push(spread(s, RoleName::Closing, name.as_str(), at, self.tag));
            x += target + self.size;
        }
        Ok((vec![row], x))
    }
}

/// Where the text of a row of items ends, points.
fn right_edge(row: &[Item]) -> f64 {
    row.iter()
        .filter_map(|item| match item {
            Item::Text(run) => run.extent().map(|(_, right)| right),
            _ => None,
        })
        .fold(0.0, f64::max)
}

/// Sets the closing block, anchored at the type area's bottom-left corner.
pub(super) fn set_closing(c: &Closing, s: &Setter, doc: &Document) -> Result<Block, Diagnostic> {
    let layout = s.layout;
    let spec = &layout.closing;
    let role = layout.role(RoleName::Closing);
    let size = role.size;
    let pitch = role.pitch();
    let width = layout.type_width();
    let inset = spec.side_indent * size;
    let ctx = Ctx {
        s,
        doc,
        inset,
        measure: width - 2.0 * inset,
        size,
        paint: s.color(RoleName::Closing),
        tag: s.element(TagKind::Closing),
    };
    let pad = spec.padding * pitch;
    let (ascent, descent) = (s.em_top(RoleName::Closing) * size, s.em_bottom(RoleName::Closing) * size);

    // Built top-down from y = 0 (the top rule), then moved up by the height.
    let mut items = Vec::new();
    let rule = |items: &mut Vec<Item>, y: f64, thickness: f64| {
        items.push(Item::Rule(Rule { x0: 0.0, x1: width, y, thickness, paint: spec.rule_paint.clone() }));
    };
    rule(&mut items, 0.0, spec.outer_rule);
    let mut y = 0.0;

    // The distribution: each group's label and first recipient start a line, each recipient
    // starts a line, wrapped lines hang under the first recipient.
    // How many rows each part takes, to name the biggest when the block is too tall.
    let mut parts: Vec<(usize, &Text)> = Vec::new();
    let mut rows: Vec<Vec<Item>> = Vec::new();
    for group in &c.groups {
        let before = rows.len();
        let hang = ctx.check_label(&group.label)?;
        for (i, recipient) in group.recipients.iter().enumerate() {
            let text = if i == 0 { format!("{}{recipient}", group.label) } else { recipient.to_string() };
            rows.extend(ctx.paragraph(&text, if i == 0 { 0.0 } else { hang }, hang));
        }
        parts.extend(group.recipients.first().map(|r| (rows.len() - before, r)));
    }
    if !rows.is_empty() {
        let first = y + pad + ascent;
        for (i, row) in rows.iter().enumerate() {
            items.extend(translate(row, 0.0, first + i as f64 * pitch));
        }
        y = first + (rows.len() - 1) as f64 * pitch + descent + pad;
        rule(&mut items, y, spec.inner_rule);
    }

    // The colophon: editors, then the contact on the same row when it fits there; a rule;
    // then the approval number and the copies printed.
    let mut rows: Vec<Vec<Item>> = Vec::new();
    let mut end = inset;
    if let Some(editors) = &c.editors {
        let (editor_rows, x) = ctx.editors(editors)?;
        parts.extend(editors.values.first().map(|v| (editor_rows.len(), v)));
        rows.extend(editor_rows);
        end = x;
    }
    if let Some(contact) = &c.contact {
        let values: Vec<&str> = contact.values.iter().map(Text::as_str).collect();
        let text = format!("{}{}", contact.label, values.join("\u{3000}"));
        let w = natural_width(s, RoleName::Closing, &text);
        if w <= ctx.measure + 1e-6 {
            let line = s.compose(&[s.span(RoleName::Closing, &text)], ctx.measure, Align::Right, (0.0, 0.0));
            let row: Vec<Item> =
                line.iter().take(1).flat_map(|l| s.line_items(l, inset, 0.0, &ctx.paint, ctx.tag)).collect();
            match rows.last_mut() {
                Some(last) if c.editors.is_some() && end + size + w <= inset + ctx.measure => last.extend(row),
                _ => rows.push(row),
            }
        } else {
            let wrapped = ctx.wrapped(contact)?;
            parts.extend(contact.values.first().map(|v| (wrapped.len(), v)));
            rows.extend(wrapped);
        }
    }
    let mut last_rows: Vec<Vec<Item>> = Vec::new();
    if let Some(approval) = &c.approval {
        let wrapped = ctx.wrapped(approval)?;
        parts.extend(approval.values.first().map(|v| (wrapped.len(), v)));
        last_rows.extend(wrapped);
    }
    if let Some(copies) = &c.copies {
        let w = natural_width(s, RoleName::Closing, copies.as_str());
        let line = s.compose(&[s.span(RoleName::Closing, copies.as_str())], ctx.measure, Align::Right, (0.0, 0.0));
        let row: Vec<Item> =
            line.iter().take(1).flat_map(|l| s.line_items(l, inset, 0.0, &ctx.paint, ctx.tag)).collect();
        // Beside the approval number when there is room, else on a line of its own.
        let room = last_rows.last().map_or(0.0, |r| inset + ctx.measure - right_edge(r));
        match last_rows.last_mut() {
            Some(last) if room >= w + 2.0 * size => last.extend(row),
            _ => last_rows.push(row),
        }
    }
    // Each section below the previous one's rule; a rule between the two sections.
    let sections = [rows, last_rows].map(|r| r.into_iter().filter(|row| !row.is_empty()).collect::<Vec<_>>());
    let mut top = y;
    let mut drawn = 0;
    for section in sections.iter().filter(|s| !s.is_empty()) {
        if drawn > 0 {
            rule(&mut items, top, spec.inner_rule);
        }
        let baseline = top + pad + ascent;
        for (i, row) in section.iter().enumerate() {
            items.extend(translate(row, 0.0, baseline + i as f64 * pitch));
        }
        top = baseline + (section.len() - 1) as f64 * pitch + descent + pad;
        drawn += 1;
    }
    // An empty colophon still takes one line of room.
    let height = if drawn == 0 { y + pad + ascent + descent + pad } else { top };
    rule(&mut items, height, spec.outer_rule);

    // Whole grid lines, with half a line of air above the top rule.
    let grid = &layout.grid;
    let needed = height + 0.5 * grid.line_pitch - grid.body_size;
    let lines = (needed / grid.line_pitch).ceil().max(0.0) as usize + 1;
    if lines > grid.lines {
        // The part taking the most lines is the one to shorten.
        let at = parts.iter().rev().max_by_key(|(n, _)| *n).map(|(_, text)| *text);
        let message =
            format!("the closing block takes {lines} lines but a page holds {}, and it is never split", grid.lines);
        let hint = "shorten the distribution list or the colophon (several recipients may share a line)";
        let d = match at {
            Some(text) => doc.diagnostic(text, 0, message),
            None => doc.manifest_diagnostic(message),
        };
        return Err(d.with_hint(hint));
    }
    Ok(Block { lines, items: translate(&items, 0.0, -height).collect() })
}
