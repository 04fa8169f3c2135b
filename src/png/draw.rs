//! Drawing a page's items onto a pixmap, the way the PDF paints them and a viewer shows
//! them: glyph outlines filled (and stroked for synthetic bold), rules as the area of a
//! butt-capped stroke, boxes filled then stroked, all placed on the pixel grid as [`grid`]
//! says; pictures scaled into their box.

use tiny_skia::{
    Color, FillRule, FilterQuality, LineJoin, Paint as Brush, PathBuilder, Pattern, Pixmap, Rect as Area, SpreadMode,
    Stroke, Transform,
};

use super::colour::Proof;
use super::outline::Outlines;
use super::picture;
use super::{PreviewError, grid};
use crate::font::FontBook;
use crate::page::{Image, Item, Page, Paint, Rect, Rule, TextRun};

/// Pages drawn at one resolution, sharing glyph outlines and converted colours.
pub(super) struct Renderer<'a> {
    /// Glyph outlines read so far.
    outlines: Outlines<'a>,
    /// CMYK → screen colours.
    proof: Proof,
    /// Device pixels per point.
    scale: f64,
}

impl<'a> Renderer<'a> {
    /// A renderer for pages set in `fonts`, at `scale` pixels per point.
    pub(super) fn new(fonts: &'a FontBook, scale: f64) -> Result<Self, PreviewError> {
        Ok(Renderer { outlines: Outlines::new(fonts), proof: Proof::new()?, scale })
    }

    /// Draws `page` on `pixmap`, which the caller has sized and filled with paper white.
    pub(super) fn draw(&mut self, page: &Page, pixmap: &mut Pixmap) -> Result<(), PreviewError> {
        for item in &page.items {
            match item {
                Item::Text(run) => self.text(pixmap, run, page.height)?,
                Item::Rule(rule) => self.rule(pixmap, rule)?,
                Item::Rect(rect) => self.rect(pixmap, rect)?,
                Item::Image(image) => self.image(pixmap, image)?,
            }
        }
        Ok(())
    }

    /// A solid, anti-aliased brush of `paint` as it prints.
    fn brush(&mut self, paint: &Paint) -> Result<Brush<'static>, PreviewError> {
        let [r, g, b] = self.proof.paint(paint)?;
        let mut brush = Brush { anti_alias: true, ..Brush::default() };
        brush.set_color(Color::from_rgba(r, g, b, 1.0).unwrap_or(Color::BLACK));
        Ok(brush)
    }

    /// Fills each glyph's outline at its place on the pixel grid (see [`grid`]); synthetic
    /// bold also strokes the outline at its exact place, `embolden` ems wide with round
    /// joins, as the PDF's fill-and-stroke text mode is drawn.
    fn text(&mut self, pixmap: &mut Pixmap, run: &TextRun, page_height: f64) -> Result<(), PreviewError> {
        let size = grid::as_written(run.size);
        if !(size > 0.0 && run.baseline.is_finite()) || run.glyphs.is_empty() {
            return Ok(());
        }
        let brush = self.brush(&run.paint)?;
        let embolden = (run.embolden.is_finite() && run.embolden > 0.0).then_some(run.embolden);
        // The baseline as the PDF has it: page height less the baseline's height.
        let baseline = grid::as_written(page_height) - grid::as_written(page_height - run.baseline);
        let mut large = None;
        for placed in &run.glyphs {
            let (x, y) = (placed.x, baseline - grid::as_written(placed.rise));
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            let Some(glyph) = self.outlines.glyph(run.face, placed.id)? else { continue };
            let em = f64::from(glyph.units_per_em);
            let pixels = size * self.scale;
            let large = *large.get_or_insert_with(|| grid::large(pixels, glyph.y_min, glyph.y_max, em));
            let k = (pixels / em) as f32;
            let (gx, gy) = grid::origin(x * self.scale, y * self.scale, large);
            let at = Transform::from_row(k, 0.0, 0.0, -k, gx as f32, gy as f32);
            pixmap.fill_path(glyph.path, &brush, FillRule::Winding, at, None);
            if let Some(width) = embolden {
                let exact = Transform::from_row(k, 0.0, 0.0, -k, (x * self.scale) as f32, (y * self.scale) as f32);
                let stroke = Stroke { width: (width * em) as f32, line_join: LineJoin::Round, ..Stroke::default() };
                pixmap.stroke_path(glyph.path, &brush, &stroke, exact, None);
            }
        }
        Ok(())
    }

    /// A horizontal rule: the area a butt-capped stroke covers, its edges adjusted to the
    /// pixel grid.
    fn rule(&mut self, pixmap: &mut Pixmap, rule: &Rule) -> Result<(), PreviewError> {
        let half = rule.thickness / 2.0;
        let (left, right) = (rule.x0.min(rule.x1), rule.x0.max(rule.x1));
        let Some(area) = self.adjusted(left, rule.y - half, right, rule.y + half) else { return Ok(()) };
        let brush = self.brush(&rule.paint)?;
        pixmap.fill_rect(area, &brush, Transform::identity(), None);
        Ok(())
    }

    /// A box: filled, then stroked along its edges (a band `width` wide centred on them),
    /// every edge adjusted to the pixel grid.
    fn rect(&mut self, pixmap: &mut Pixmap, rect: &Rect) -> Result<(), PreviewError> {
        let (x0, y0, x1, y1) = (rect.x, rect.y, rect.x + rect.width, rect.y + rect.height);
        if let Some(fill) = &rect.fill
            && let Some(area) = self.adjusted(x0, y0, x1, y1)
        {
            let brush = self.brush(fill)?;
            pixmap.fill_rect(area, &brush, Transform::identity(), None);
        }
        let Some((paint, width)) = &rect.stroke else { return Ok(()) };
        let h = width / 2.0;
        let Some(outer) = self.adjusted(x0 - h, y0 - h, x1 + h, y1 + h) else { return Ok(()) };
        let mut band = PathBuilder::new();
        band.push_rect(outer);
        // The inside of the band, unless the stroke is as wide as the box.
        if x1 - x0 > *width && y1 - y0 > *width {
            let (l, r) = grid::adjust((x0 + h) * self.scale, (x1 - h) * self.scale);
            let (t, b) = grid::adjust((y0 + h) * self.scale, (y1 - h) * self.scale);
            let inner = Area::from_ltrb(l as f32, t as f32, r as f32, b as f32);
            let within = |i: &Area| {
                i.left() > outer.left()
                    && i.top() > outer.top()
                    && i.right() < outer.right()
                    && i.bottom() < outer.bottom()
            };
            // A stroke thinner than a pixel keeps a band one pixel wide, never fills the box.
            let thinnest = || {
                let (l, t, r, b) = (outer.left() + 1.0, outer.top() + 1.0, outer.right() - 1.0, outer.bottom() - 1.0);
                Area::from_ltrb(l, t, r, b)
            };
            if let Some(inner) = inner.filter(within).or_else(thinnest) {
                band.push_rect(inner);
            }
        }
        if let Some(band) = band.finish() {
            let brush = self.brush(paint)?;
            pixmap.fill_path(&band, &brush, FillRule::EvenOdd, Transform::identity(), None);
        }
        Ok(())
    }

    /// The device rectangle between two corners in points, its edges adjusted to the pixel
    /// grid; `None` if it is not finite or empty.
    fn adjusted(&self, left: f64, top: f64, right: f64, bottom: f64) -> Option<Area> {
        area(left, top, right, bottom)?;
        let (l, r) = grid::adjust(left * self.scale, right * self.scale);
        let (t, b) = grid::adjust(top * self.scale, bottom * self.scale);
        Area::from_ltrb(l as f32, t as f32, r as f32, b as f32)
    }

    /// A picture scaled into its box: block averaging down to less than twice the box's
    /// pixels, then bilinear filtering (which keeps a pixel's colour at its centre).
    fn image(&mut self, pixmap: &mut Pixmap, image: &Image) -> Result<(), PreviewError> {
        let s = self.scale;
        let Some(area) = area(image.x * s, image.y * s, (image.x + image.width) * s, (image.y + image.height) * s)
        else {
            return Ok(());
        };
        let (w, h) = (image.width * s, image.height * s);
        let Some(pixels) = picture::pixmap(&image.picture, w, h, &self.proof)? else { return Ok(()) };
        let (sx, sy) = (w / f64::from(pixels.width()), h / f64::from(pixels.height()));
        let place = Transform::from_row(sx as f32, 0.0, 0.0, sy as f32, (image.x * s) as f32, (image.y * s) as f32);
        let shader = Pattern::new(pixels.as_ref(), SpreadMode::Pad, FilterQuality::Bilinear, 1.0, place);
        let brush = Brush { shader, anti_alias: true, ..Brush::default() };
        pixmap.fill_rect(area, &brush, Transform::identity(), None);
        Ok(())
    }
}

/// The rectangle between two corners, if it is finite and not empty.
fn area(left: f64, top: f64, right: f64, bottom: f64) -> Option<Area> {
    let all = [left, top, right, bottom];
    if !all.iter().all(|v| v.is_finite()) || right <= left || bottom <= top {
        return None;
    }
    Area::from_ltrb(left as f32, top as f32, right as f32, bottom as f32)
}
