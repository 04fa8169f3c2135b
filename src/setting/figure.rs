//! Figures: the picture scaled to the column width keeping its proportions (smaller when it
//! would not fit a column), the caption centred under it — one unit of whole grid lines that
//! never splits, so the text after it stays on the grid.

use super::Setter;
use crate::compose::Align;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Figure};
use crate::flow::{Part, Unit};
use crate::layout::RoleName;
use crate::page::{Image, Item, TagKind};

/// The figure as one unit of article `index` in a column `width` points wide, and a warning
/// when its resolution is low; fails when its picture was not read.
pub(super) fn figure_unit(
    figure: &Figure,
    index: usize,
    s: &Setter,
    doc: &Document,
    width: f64,
) -> Result<(Unit, Option<Diagnostic>), Diagnostic> {
    let Some(picture) = doc.pictures.get(&figure.path) else {
        let message = format!("the picture `{}` was not read", figure.written);
        return Err(doc.diagnostic(&figure.written, 0, message));
    };
    let layout = s.layout;
    let grid = &layout.grid;
    let role = layout.role(RoleName::Caption);
    let captions = if figure.caption.is_empty() {
        Vec::new()
    } else {
        s.compose(&[s.span(RoleName::Caption, figure.caption.as_str())], width, Align::Center, (0.0, 0.0))
    };
    let caption_pitch = role.pitch().max(role.size);
    let caption_height = if captions.is_empty() {
        0.0
    } else {
        layout.figure.caption_gap * role.size + (captions.len() - 1) as f64 * caption_pitch + role.size
    };
    // The room a column offers: all its lines, less a line of air.
    let column = (grid.lines.saturating_sub(1)) as f64 * grid.line_pitch;
    let (pw, ph) = (f64::from(picture.width.max(1)), f64::from(picture.height.max(1)));
    let mut w = width;
    let mut h = w * ph / pw;
    if h + caption_height > column {
        h = (column - caption_height).max(grid.line_pitch);
        w = h * pw / ph;
    }
    let content = h + caption_height;
    // Whole grid lines with half a line of air above and below.
    let lines = ((content + grid.line_pitch) / grid.line_pitch).ceil().max(1.0) as usize;
    let room_top = -s.em_top(RoleName::Body) * grid.body_size;
    let top = room_top + (lines as f64 * grid.line_pitch - content) / 2.0;
    let tag = s.element(TagKind::Figure);
    let alt = figure.caption.to_string();
    let mut items = vec![Item::Image(Image {
        x: (width - w) / 2.0,
        y: top,
        width: w,
        height: h,
        picture: picture.clone(),
        tag,
        alt: if alt.is_empty() { picture.name.clone() } else { alt },
    })];
    if !captions.is_empty() {
        let caption_tag = s.element(TagKind::Caption);
        let first = top + h + layout.figure.caption_gap * role.size + s.em_top(RoleName::Caption) * role.size;
        let paint = s.color(RoleName::Caption);
        for (i, line) in captions.iter().enumerate() {
            items.extend(s.line_items(line, 0.0, first + i as f64 * caption_pitch, &paint, caption_tag));
        }
    }
    let ppi = pw / (w / 72.0);
    let warning = (ppi < layout.figure.min_ppi).then(|| {
        let message = format!(
            "the picture `{}` is printed at {:.0} pixels per inch, under {:.0}: it may look blurred",
            figure.written, ppi, layout.figure.min_ppi
        );
        doc.diagnostic(&figure.written, 0, message)
            .with_hint(format!("use a picture at least {:.0} pixels wide", (w / 72.0 * layout.figure.min_ppi).ceil()))
    });
    Ok((Unit { lines, items, part: Part::Figure, stretch: 0, article: index }, warning))
}
