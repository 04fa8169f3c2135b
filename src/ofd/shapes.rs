//! Rules and boxes as `PathObject`s: a rule is a stroked line, a box a closed rectangle
//! filled and/or stroked, each path in its own boundary (a little larger than its ink, so that
//! no reader clips an edge).

use super::Ids;
use super::color;
use super::units::{Um, mm, mm_box, um};
use super::xml::Xml;
use crate::page::{Rect, Rule};

/// Room left around a shape's ink inside its boundary: one point.
fn pad() -> Um {
    um(1.0)
}

/// Writes a rule as a stroked horizontal line with butt caps.
pub(super) fn write_rule(xml: &mut Xml, ids: &mut Ids, rule: &Rule, space: u32) {
    let t = um(rule.thickness);
    let (x0, x1) = (um(rule.x0.min(rule.x1)), um(rule.x0.max(rule.x1)));
    if t <= 0 || x1 <= x0 {
        return;
    }
    let (p, half, y) = (pad(), t / 2, um(rule.y));
    xml.open("PathObject")
        .attr("ID", ids.next())
        .attr("Boundary", mm_box(x0 - p, y - half - p, x1 - x0 + 2 * p, t + 2 * p))
        .attr("LineWidth", mm(t));
    color::write(xml, "StrokeColor", &rule.paint, space);
    let line = format!("M {} {} L {} {}", mm(p), mm(p + half), mm(p + x1 - x0), mm(p + half));
    xml.leaf("AbbreviatedData", &line).close();
}

/// Writes a box: filled, stroked or both (nothing for an empty box or one with neither).
pub(super) fn write_rect(xml: &mut Xml, ids: &mut Ids, rect: &Rect, space: u32) {
    let (x, y, w, h) = (um(rect.x), um(rect.y), um(rect.width), um(rect.height));
    let stroke = rect.stroke.as_ref().map(|(paint, width)| (paint, um(*width))).filter(|&(_, width)| width > 0);
    if w <= 0 || h <= 0 || (rect.fill.is_none() && stroke.is_none()) {
        return;
    }
    let p = pad() + stroke.map_or(0, |(_, width)| width / 2 + 1);
    xml.open("PathObject").attr("ID", ids.next()).attr("Boundary", mm_box(x - p, y - p, w + 2 * p, h + 2 * p));
    match stroke {
        Some((_, width)) => xml.attr("LineWidth", mm(width)),
        None => xml.attr("Stroke", "false"),
    };
    if rect.fill.is_some() {
        xml.attr("Fill", "true");
    }
    if let Some((paint, _)) = stroke {
        color::write(xml, "StrokeColor", paint, space);
    }
    if let Some(paint) = &rect.fill {
        color::write(xml, "FillColor", paint, space);
    }
    let (l, t, r, b) = (mm(p), mm(p), mm(p + w), mm(p + h));
    xml.leaf("AbbreviatedData", &format!("M {l} {t} L {r} {t} L {r} {b} L {l} {b} C")).close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{Cmyk, Paint};

    fn written(f: impl FnOnce(&mut Xml, &mut Ids)) -> String {
        let mut xml = Xml::new("Layer");
        let mut ids = Ids::new();
        f(&mut xml, &mut ids);
        String::from_utf8(xml.finish()).unwrap_or_default()
    }

    #[test]
    fn ofd_rule_is_a_stroked_line_in_its_box() {
        let red = Paint::Process(Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 });
        let rule = Rule { x0: 72.0, x1: 144.0, y: 100.0, thickness: 2.0, paint: red };
        let text = written(|xml, ids| write_rule(xml, ids, &rule, 7));
        assert!(
            text.contains(r#"<ofd:PathObject ID="1" Boundary="25.047 34.572 26.106 1.412" LineWidth="0.706">"#),
            "{text}"
        );
        assert!(text.contains(r#"<ofd:StrokeColor ColorSpace="7" Value="0 204 204 0"/>"#), "{text}");
        assert!(text.contains("<ofd:AbbreviatedData>M 0.353 0.706 L 25.753 0.706</ofd:AbbreviatedData>"), "{text}");
        let nothing = Rule { thickness: 0.0, ..rule };
        assert!(!written(|xml, ids| write_rule(xml, ids, &nothing, 7)).contains("PathObject"));
    }

    #[test]
    fn ofd_rect_fills_and_strokes() {
        let fill = Rect { x: 0.0, y: 0.0, width: 72.0, height: 36.0, fill: Some(Paint::BLACK), stroke: None };
        let text = written(|xml, ids| write_rect(xml, ids, &fill, 1));
        assert!(text.contains(r#"Stroke="false" Fill="true""#), "{text}");
        assert!(text.contains("<ofd:FillColor"), "{text}");
        assert!(text.contains("M 0.353 0.353 L 25.753 0.353 L 25.753 13.053 L 0.353 13.053 C"), "{text}");
        let boxed = Rect { fill: None, stroke: Some((Paint::BLACK, 1.0)), ..fill };
        let text = written(|xml, ids| write_rect(xml, ids, &boxed, 1));
        assert!(
            text.contains(r#"LineWidth="0.353""#) && !text.contains("Fill=") && text.contains("StrokeColor"),
            "{text}"
        );
    }
}
