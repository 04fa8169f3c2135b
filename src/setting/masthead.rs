//! The masthead (报头) on page 1: the classification at the top left, pinyin, the red title
//! spaced out, 第N期 and the running total (on two lines where the layout says), the
//! publisher at the left and the date at the right, and the red rule. Each line fits its
//! slot (see the `fit` module) or the build fails naming the value.

use super::Setter;
use super::fit::too_long;
use super::runs::{Spread, spread};
use crate::compose::{Align, Span};
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Masthead};
use crate::flow::Block;
use crate::layout::RoleName;
use crate::page::{Item, Rule, TagKind};

/// Sets the masthead as a block anchored at the type area's top-left corner.
pub(super) fn set_masthead(m: &Masthead, s: &Setter, doc: &Document) -> Result<Block, Diagnostic> {
    let layout = s.layout;
    let spec = &layout.masthead;
    let width = layout.type_width();
    let body_top = s.em_top(RoleName::Body) * layout.grid.body_size;
    let baseline = |n: f64| body_top + n * layout.grid.line_pitch;
    let mut items = Vec::new();
    let tag = s.element(TagKind::Masthead);

    // The classification at the top left.
    if let Some(classification) = &m.classification {
        let fit = s
            .fit(RoleName::Classification, classification.as_str(), width)
            .map_err(|o| too_long(doc, classification, "the classification", RoleName::Classification, o))?;
        let span = Span { size: fit.size, ..s.span(RoleName::Classification, classification.as_str()) };
        let paint = s.color(RoleName::Classification);
        for line in s.compose(&[span], width, Align::Left, (0.0, 0.0)).iter().take(1) {
            items.extend(s.line_items(line, 0.0, baseline(spec.classification_baseline), &paint, tag));
        }
    }

    // The title, letter-spaced by the role's tracking and centred.
    let title = s
        .fit(RoleName::MastheadTitle, m.title.as_str(), width)
        .map_err(|o| too_long(doc, &m.title, "the series title", RoleName::MastheadTitle, o))?;
    let title_x = (width - title.width) / 2.0;
    // The pinyin line over exactly the title's width, above it (first in reading order); a
    // pinyin wider than the title keeps its own width, centred.
    if let Some(pinyin) = &m.pinyin {
        let fit = s
            .fit(RoleName::Pinyin, pinyin.as_str(), width)
            .map_err(|o| too_long(doc, pinyin, "the pinyin line", RoleName::Pinyin, o))?;
        let (x, w) =
            if fit.width <= title.width { (title_x, title.width) } else { ((width - fit.width) / 2.0, fit.width) };
        let at = Spread { x, width: w, y: baseline(spec.pinyin_baseline), size: fit.size };
        items.push(spread(s, RoleName::Pinyin, pinyin.as_str(), at, tag));
    }
    let at = Spread { x: title_x, width: title.width, y: baseline(spec.title_baseline), size: title.size };
    items.push(spread(s, RoleName::MastheadTitle, m.title.as_str(), at, tag));

    // 第N期（总第…期）, centred: on one line, or on two where the layout gives the total a
    // line of its own.
    let mut lines = vec![(m.number.clone(), spec.number_baseline)];
    match (&m.total, spec.total_baseline) {
        (Some(total), Some(at)) => lines.push((total.clone(), at)),
        (Some(total), None) => lines[0].0.append(total),
        (None, _) => {}
    }
    for (text, at) in lines {
        let fit = s
            .fit(RoleName::Number, text.as_str(), width)
            .map_err(|o| too_long(doc, &text, "the issue number", RoleName::Number, o))?;
        let span = Span { size: fit.size, ..s.span(RoleName::Number, text.as_str()) };
        for line in s.compose(&[span], width, Align::Center, (0.0, 0.0)).iter().take(1) {
            items.extend(s.line_items(line, 0.0, baseline(at), &s.color(RoleName::Number), tag));
        }
    }

    // Publisher at the left, date at the right, each one em in, at least one em apart.
    let role = layout.role(RoleName::Publisher);
    let inset = spec.side_indent * role.size;
    let y = baseline(spec.publisher_baseline);
    let measure = width - 2.0 * inset;
    let date = s
        .fit(RoleName::Publisher, m.date.as_str(), measure)
        .map_err(|o| too_long(doc, &m.date, "the date", RoleName::Publisher, o))?;
    let room = measure - date.width - role.size;
    let publisher = s
        .fit(RoleName::Publisher, m.publisher.as_str(), room)
        .map_err(|o| too_long(doc, &m.publisher, "the publisher beside the date", RoleName::Publisher, o))?;
    for (text, align, size) in [(&m.publisher, Align::Left, publisher.size), (&m.date, Align::Right, date.size)] {
        let span = Span { size, ..s.span(RoleName::Publisher, text.as_str()) };
        if let Some(line) = s.compose(&[span], measure, align, (0.0, 0.0)).first() {
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
    Ok(Block { lines: spec.lines, items })
}
