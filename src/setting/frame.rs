//! Blocks set off by a frame (editors' notes, the contents box): rows of text on the grid,
//! in a box or between two rules, taking whole grid lines so that the text after them stays
//! on the grid.

use super::Setter;
use crate::layout::{Frame, FrameSpec, RoleName};
use crate::page::{Item, Rect, Rule, translate};

/// Rows of text (each row's items on baseline 0, x from the frame's inner left edge) set in
/// a frame `width` points wide at `x`: the rows on grid lines 1..=n of a block of n + 2 lines
/// when framed, 0..n − 1 of n lines when not. `role` gives the em box and the frame's paint.
/// Returns the items (y from the baseline of the block's first grid line) and its lines.
pub(super) fn framed(
    s: &Setter,
    rows: Vec<Vec<Item>>,
    spec: &FrameSpec,
    role: RoleName,
    x: f64,
    width: f64,
) -> (Vec<Item>, usize) {
    let pitch = s.layout.grid.line_pitch;
    let n = rows.len();
    let first = if spec.frame == Frame::None { 0 } else { 1 };
    let inset = inner_inset(s, spec, role);
    let mut items: Vec<Item> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        items.extend(translate(row, x + inset, (first + i) as f64 * pitch));
    }
    if spec.frame == Frame::None || n == 0 {
        return (items, n);
    }
    let size = s.layout.role(role).size;
    let pad = spec.padding * size;
    let top = first as f64 * pitch - s.em_top(role) * size - pad;
    let bottom = (first + n - 1) as f64 * pitch + s.em_bottom(role) * size + pad;
    let paint = s.color(role);
    let t = spec.rule_thickness;
    match spec.frame {
        Frame::Box => items.push(Item::Rect(Rect {
            x: x + t / 2.0,
            y: top,
            width: width - t,
            height: bottom - top,
            fill: None,
            stroke: Some((paint, t)),
        })),
        Frame::Rules => {
            for y in [top, bottom] {
                items.push(Item::Rule(Rule { x0: x, x1: x + width, y, thickness: t, paint: paint.clone() }));
            }
        }
        Frame::None => {}
    }
    (items, n + 2)
}

/// How far text in a frame is set in from the frame's outer edge on each side.
pub(super) fn inner_inset(s: &Setter, spec: &FrameSpec, role: RoleName) -> f64 {
    match spec.frame {
        Frame::Box => spec.rule_thickness + spec.padding * s.layout.role(role).size,
        Frame::Rules | Frame::None => 0.0,
    }
}
