//! Reading a layout once, completely: every number finite and in its range, every name
//! known, the parts fitting on the page. A problem names the key it is about, so the error
//! can point at it in the layout's text.

use std::ops::RangeInclusive;
use std::path::Path;
use std::sync::Arc;

use super::model::*;
use super::raw::{RawLayout, RawRole};
use crate::compose::{Kinsoku, PunctStyle};
use crate::page::{Cmyk, Paint, Spot};
use crate::units::mm;

/// What is wrong with a layout, and where.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Problem {
    /// The dotted key it concerns, e.g. `grid.line_pitch`.
    pub key: String,
    /// What is wrong.
    pub message: String,
    /// How to put it right.
    pub hint: String,
}

/// A problem with `key`.
fn problem(key: impl Into<String>, message: impl Into<String>, hint: impl Into<String>) -> Problem {
    Problem { key: key.into(), message: message.into(), hint: hint.into() }
}

/// A number that must be finite and within `range` (`unit` for the message).
fn number(key: &str, value: f64, range: RangeInclusive<f64>, unit: &str) -> Result<f64, Problem> {
    if value.is_finite() && range.contains(&value) {
        return Ok(value);
    }
    let found = if value.is_nan() { "nan".to_string() } else { format!("{value}") };
    Err(problem(
        key,
        format!("`{key}` is {found}, out of range"),
        format!("give a number from {} to {}{unit}", short(*range.start()), short(*range.end())),
    ))
}

/// A whole number that must be within `range`.
fn count(key: &str, value: i64, range: RangeInclusive<i64>) -> Result<usize, Problem> {
    match usize::try_from(value) {
        Ok(v) if range.contains(&value) => Ok(v),
        _ => Err(problem(
            key,
            format!("`{key}` is {value}, out of range"),
            format!("give a whole number from {} to {}", range.start(), range.end()),
        )),
    }
}

/// A number for a message: no trailing `.0`, at most three decimals.
fn short(v: f64) -> String {
    let s = format!("{:.3}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Checks a parsed layout and resolves its names: colours to paints, font paths against
/// `dir` (the layout file's folder; `None` for a built-in layout).
pub(super) fn resolve(raw: RawLayout, dir: Option<&Path>) -> Result<Layout, Problem> {
    let page = page(&raw)?;
    let grid = grid(&raw)?;
    let paints = paints(&raw)?;
    let paint = |key: &str, name: &str| {
        paints.iter().find(|(n, _)| n == name).map(|(_, p)| p.clone()).ok_or_else(|| {
            let known: Vec<&str> = paints.iter().map(|(n, _)| n.as_str()).collect();
            problem(
                key,
                format!("`{key}`: no colour `{name}` in [colors]"),
                format!("use one of `{}`", known.join("`, `")),
            )
        })
    };
    let mut fonts = raw.fonts.clone();
    let roles = roles(&raw, &mut fonts, &paint, &grid)?;
    let body = roles.get(RoleName::Body);
    if (body.size - grid.body_size).abs() > 1e-9 {
        // A column of whole characters needs the body text in the grid's size.
        return Err(problem(
            "roles.body.size",
            format!(
                "roles.body.size is {} pt but grid.body_size is {} pt: the {}-character column would not be a whole number of characters",
                short(body.size),
                short(grid.body_size),
                grid.column_chars
            ),
            "give both the same size",
        ));
    }
    // Run-in headings share their line with body text: they may not be larger than it.
    for level in 2..=4 {
        let name = RoleName::heading(level);
        if roles.get(name).size > grid.body_size + 1e-9 {
            return Err(problem(
                format!("roles.{}.size", name.key()),
                format!(
                    "roles.{}.size is larger than the body size: a run-in heading shares a line with body text",
                    name.key()
                ),
                format!("give at most {} pt", short(grid.body_size)),
            ));
        }
    }
    let m = &raw.masthead;
    let masthead_lines = count("masthead.lines", m.lines, 1..=(grid.lines as i64 - 1).max(0)).map_err(|p| Problem {
        hint: format!("{}; the masthead must leave room for text in a column of {} lines", p.hint, grid.lines),
        ..p
    })?;
    // Everything of the masthead lies within its own lines.
    let lines = masthead_lines as f64;
    let publisher_baseline =
        number("masthead.publisher_baseline", m.publisher_baseline, 0.0..=lines, " grid lines (inside the masthead)")?;
    let masthead = MastheadSpec {
        lines: masthead_lines,
        pinyin_baseline: number(
            "masthead.pinyin_baseline",
            m.pinyin_baseline,
            0.0..=lines,
            " grid lines (inside the masthead)",
        )?,
        title_baseline: number(
            "masthead.title_baseline",
            m.title_baseline,
            0.0..=lines,
            " grid lines (inside the masthead)",
        )?,
        number_baseline: number(
            "masthead.number_baseline",
            m.number_baseline,
            0.0..=lines,
            " grid lines (inside the masthead)",
        )?,
        total_baseline: match m.total_baseline {
            Some(b) => Some(number("masthead.total_baseline", b, 0.0..=lines, " grid lines (inside the masthead)")?),
            None => None,
        },
        classification_baseline: match m.classification_baseline {
            Some(b) => number("masthead.classification_baseline", b, 0.0..=lines, " grid lines (inside the masthead)")?,
            None => (m.pinyin_baseline.min(m.title_baseline) - 0.9).clamp(0.5, lines),
        },
        publisher_baseline,
        rule_offset: number(
            "masthead.rule_offset",
            m.rule_offset,
            -publisher_baseline..=lines - publisher_baseline,
            " grid lines from the publisher line (inside the masthead)",
        )?,
        rule_thickness: number("masthead.rule_thickness", m.rule_thickness, 0.0..=20.0, " pt")?,
        rule_paint: paint("masthead.rule_color", &m.rule_color)?,
        side_indent: number("masthead.side_indent", m.side_indent, 0.0..=10.0, " em")?,
    };
    let c = &raw.closing;
    let closing = ClosingSpec {
        outer_rule: number("closing.outer_rule", c.outer_rule, 0.0..=10.0, " pt")?,
        inner_rule: number("closing.inner_rule", c.inner_rule, 0.0..=10.0, " pt")?,
        rule_paint: paint("closing.rule_color", &c.rule_color)?,
        padding: number("closing.padding", c.padding, 0.0..=5.0, " line pitches")?,
        side_indent: number("closing.side_indent", c.side_indent, 0.0..=10.0, " em")?,
    };
    let f = &raw.folio;
    let align = match f.align.as_deref().unwrap_or("center") {
        "center" => FolioAlign::Center,
        "outside" => FolioAlign::Outside,
        other => {
            return Err(problem(
                "folio.align",
                format!("folio.align must be \"center\" or \"outside\", not {other:?}"),
                "\"center\" puts the number under the middle of the type area, \"outside\" on the outer edge",
            ));
        }
    };
    let folio = FolioSpec {
        offset: number("folio.offset", f.offset, 0.0..=page.height, " mm")?,
        align,
        indent: number("folio.indent", f.indent, 0.0..=20.0, " em")?,
    };
    let fallback = FallbackSpec { fonts: raw.fallback.fonts.clone(), system: raw.fallback.system };
    let notes = frame("notes", &raw.notes.frame, raw.notes.rule_thickness, raw.notes.padding)?;
    let c = &raw.contents;
    let contents = ContentsSpec {
        title: c.title.clone().unwrap_or_else(|| "本期要目".into()),
        frame: frame("contents", &c.frame, c.rule_thickness, c.padding)?,
    };
    let figure = FigureSpec {
        caption_gap: number("figure.caption_gap", raw.figure.caption_gap.unwrap_or(0.3), 0.0..=5.0, " em")?,
        min_ppi: number("figure.min_ppi", raw.figure.min_ppi.unwrap_or(200.0), 0.0..=2400.0, " pixels per inch")?,
    };
    let dir = dir.map(Path::to_path_buf);
    let layout = Layout { page, grid, fonts, roles, masthead, closing, folio, fallback, notes, contents, figure, dir };
    geometry(&layout)?;
    Ok(layout)
}

/// A frame: `frame` (box, rules, none), rule thickness and padding, under the table `table`.
fn frame(table: &str, kind: &Option<String>, rule: Option<f64>, padding: Option<f64>) -> Result<FrameSpec, Problem> {
    let frame = match kind.as_deref().unwrap_or("box") {
        "box" => Frame::Box,
        "rules" => Frame::Rules,
        "none" => Frame::None,
        other => {
            return Err(problem(
                format!("{table}.frame"),
                format!("{table}.frame must be \"box\", \"rules\" or \"none\", not {other:?}"),
                "\"box\" draws a rectangle around it, \"rules\" a rule above and below",
            ));
        }
    };
    Ok(FrameSpec {
        frame,
        rule_thickness: number(&format!("{table}.rule_thickness"), rule.unwrap_or(0.5), 0.0..=5.0, " pt")?,
        padding: number(&format!("{table}.padding"), padding.unwrap_or(0.5), 0.0..=5.0, " em")?,
    })
}

/// The bundled faces a role falls back to when the layout names no font of its own for it:
/// (font key, bundled face).
const DEFAULT_FONTS: [(&str, &str); 2] = [("sans", "Noto Sans CJK SC Bold"), ("kai", "LXGW WenKai")];

/// Every role, checked; a role the layout does not give takes a default made from the
/// body's (GB/T 9704: level-1 headings in a heavy sans, level 2 in kai, 3 in the body face
/// bold, 4 in the body face; notes in kai with a bold label). A default naming `sans` or
/// `kai` adds that bundled face to `fonts` when the layout has no font of that key.
fn roles(
    raw: &RawLayout,
    fonts: &mut std::collections::BTreeMap<String, String>,
    paint: &dyn Fn(&str, &str) -> Result<Paint, Problem>,
    grid: &Grid,
) -> Result<Roles, Problem> {
    let r = &raw.roles;
    let body = &r.body;
    let bold = r.lead.font.clone();
    let derived = |font: &str, size: f64| RawRole { font: font.to_string(), size, ..body.clone() };
    let required = [
        &r.body,
        &r.lead,
        &r.title,
        &r.credit,
        &r.pinyin,
        &r.masthead_title,
        &r.number,
        &r.publisher,
        &r.closing,
        &r.folio,
    ];
    let optional = [
        (&r.heading1, derived("sans", grid.body_size)),
        (&r.heading2, derived("kai", grid.body_size)),
        (&r.heading3, derived(&bold, grid.body_size)),
        (&r.heading4, derived(&body.font, grid.body_size)),
        (&r.note, derived("kai", grid.body_size)),
        (&r.note_label, derived(&bold, grid.body_size)),
        (&r.caption, derived(&body.font, (grid.body_size * 0.86 * 2.0).round() / 2.0)),
        (&r.contents, derived(&body.font, grid.body_size)),
        (&r.contents_title, derived("sans", grid.body_size)),
        (&r.classification, derived("sans", r.publisher.size)),
    ];
    let mut all: Vec<(RawRole, bool)> = required.iter().map(|r| ((*r).clone(), true)).collect();
    all.extend(optional.into_iter().map(|(given, default)| match given {
        Some(role) => (role.clone(), true),
        None => (default, false),
    }));
    let mut out = Vec::with_capacity(all.len());
    for (name, (raw_role, given)) in RoleName::ALL.iter().zip(all) {
        let key = format!("roles.{}", name.key());
        let font_key = &raw_role.font;
        if !fonts.contains_key(font_key) {
            match DEFAULT_FONTS.iter().find(|(k, _)| k == font_key) {
                Some((k, face)) if !given => {
                    fonts.insert((*k).to_string(), (*face).to_string());
                }
                _ => {
                    let known: Vec<&str> = fonts.keys().map(String::as_str).collect();
                    return Err(problem(
                        format!("{key}.font"),
                        format!("`{key}.font`: no font `{font_key}` in [fonts]"),
                        format!("use one of `{}`", known.join("`, `")),
                    ));
                }
            }
        }
        out.push(role(&key, &raw_role, paint(&format!("{key}.color"), &raw_role.color)?)?);
    }
    match <[Role; RoleName::ALL.len()]>::try_from(out) {
        Ok(all) => Ok(Roles(all)),
        Err(_) => Err(problem("roles", "roles are incomplete", "give every role")),
    }
}

/// `[page]`: sizes, margins and the page limit.
fn page(raw: &RawLayout) -> Result<PageSpec, Problem> {
    let p = &raw.page;
    let width = number("page.width", p.width, 50.0..=1500.0, " mm")?;
    let height = number("page.height", p.height, 50.0..=1500.0, " mm")?;
    let max_pages = match p.max_pages {
        Some(n) => Some(count("page.max_pages", n, 1..=10_000)?),
        None => None,
    };
    Ok(PageSpec {
        width,
        height,
        top: number("page.top", p.top, 0.0..=height, " mm")?,
        left: match p.left {
            Some(left) => Some(number("page.left", left, 0.0..=width, " mm")?),
            None => None,
        },
        max_pages,
    })
}

/// `[grid]`: the character grid, kinsoku and punctuation.
fn grid(raw: &RawLayout) -> Result<Grid, Problem> {
    let g = &raw.grid;
    let body_size = number("grid.body_size", g.body_size, 4.0..=72.0, " pt")?;
    let column_chars = count("grid.column_chars", g.column_chars, 1..=200)?;
    let kinsoku = g.kinsoku.as_deref().unwrap_or("gb");
    let kinsoku = Kinsoku::from_name(kinsoku).ok_or_else(|| {
        problem(
            "grid.kinsoku",
            format!("grid.kinsoku must be \"normal\", \"basic\", \"gb\" or \"strict\", not {kinsoku:?}"),
            "\"gb\" follows GB/T 15834; \"strict\" also keeps —— and …… off a line start",
        )
    })?;
    let punctuation = g.punctuation.as_deref().unwrap_or("quanjiao");
    let punctuation = PunctStyle::from_name(punctuation).ok_or_else(|| {
        problem(
            "grid.punctuation",
            format!("grid.punctuation must be \"quanjiao\" or \"kaiming\", not {punctuation:?}"),
            "\"quanjiao\" sets every mark a full em (the GB default)",
        )
    })?;
    Ok(Grid {
        body_size,
        line_pitch: number("grid.line_pitch", g.line_pitch, body_size..=4.0 * body_size, " pt")?,
        lines: count("grid.lines", g.lines, 1..=300)?,
        columns: count("grid.columns", g.columns, 1..=6)?,
        column_chars,
        gutter_chars: count("grid.gutter_chars", g.gutter_chars, 0..=20)?,
        indent_chars: number("grid.indent_chars", g.indent_chars, 0.0..=(column_chars as f64 - 1.0), " characters")?,
        kinsoku,
        punctuation,
        hanging_punctuation: g.hanging_punctuation,
    })
}

/// The colours by key, as paints: a spot ink where `[spots]` names one.
fn paints(raw: &RawLayout) -> Result<Vec<(String, Paint)>, Problem> {
    let mut out = Vec::new();
    for (key, values) in &raw.colors {
        let name = format!("colors.{key}");
        let mut cmyk = [0.0; 4];
        for (slot, &v) in cmyk.iter_mut().zip(values) {
            *slot = number(&name, v, 0.0..=1.0, " (a CMYK component)")?;
        }
        let [c, m, y, k] = cmyk;
        out.push((key.clone(), Paint::Process(Cmyk { c, m, y, k })));
    }
    for (key, ink) in &raw.spots {
        let at = format!("spots.{key}");
        let Some(slot) = out.iter_mut().find(|(k, _)| k == key) else {
            return Err(problem(
                &at,
                format!("`{at}`: no colour `{key}` in [colors]"),
                "a spot ink replaces a colour of [colors] of the same key",
            ));
        };
        if ink.trim().is_empty() || matches!(ink.as_str(), "All" | "None") {
            return Err(problem(
                &at,
                format!("`{at}`: {ink:?} cannot name a spot ink"),
                "give the ink's name as the print shop knows it, e.g. \"PANTONE 485 C\"",
            ));
        }
        let alternate = slot.1.cmyk();
        slot.1 = Paint::Spot(Arc::new(Spot { name: ink.clone(), alternate }));
    }
    for (key, ink) in &raw.spots {
        let twice = raw.spots.iter().find(|(k, i)| *i == ink && *k != key && raw.colors.get(*k) != raw.colors.get(key));
        if let Some((other, _)) = twice {
            return Err(problem(
                format!("spots.{key}"),
                format!("the spot ink {ink:?} stands for two different colours (`{key}` and `{other}`)"),
                "one ink has one colour: give the two colours the same values or different inks",
            ));
        }
    }
    Ok(out)
}

/// One role with its numbers checked.
fn role(key: &str, r: &RawRole, paint: Paint) -> Result<Role, Problem> {
    let at = |field: &str| format!("{key}.{field}");
    let size = number(&at("size"), r.size, 3.0..=200.0, " pt")?;
    let tracking = number(&at("tracking"), r.tracking, -0.5..=3.0, " em")?;
    Ok(Role {
        font: r.font.clone(),
        size,
        paint,
        line_pitch: match r.line_pitch {
            Some(p) => Some(number(&at("line_pitch"), p, size..=5.0 * size, " pt")?),
            None => None,
        },
        space_before: number(&at("space_before"), r.space_before, 0.0..=20.0, " grid lines")?,
        space_after: number(&at("space_after"), r.space_after, 0.0..=20.0, " grid lines")?,
        space_stretch: count(&at("space_stretch"), r.space_stretch, 0..=10)?,
        tracking,
        embolden: number(&at("embolden"), r.embolden, 0.0..=0.2, " em")?,
        min_size: match r.min_size {
            Some(v) => number(&at("min_size"), v, 3.0_f64.min(size)..=size, " pt")?,
            None => size,
        },
        min_tracking: match r.min_tracking {
            Some(v) => number(&at("min_tracking"), v, -0.5_f64.min(tracking)..=tracking, " em")?,
            None => tracking,
        },
    })
}

/// The parts must fit on the page: the type area inside it, the folio on it.
fn geometry(l: &Layout) -> Result<(), Problem> {
    let page_width = mm(l.page.width);
    if l.type_width() > page_width + 1e-6 {
        return Err(problem(
            "grid.column_chars",
            format!(
                "the grid is {:.1} mm wide, wider than the {:.1} mm page",
                crate::units::to_mm(l.type_width()),
                l.page.width
            ),
            "fewer characters per column, a smaller body size, fewer columns or a narrower gutter",
        ));
    }
    if l.type_left() < -1e-6 || l.type_left() + l.type_width() > page_width + 1e-6 {
        return Err(problem(
            "page.left",
            "the type area runs past the side of the page",
            format!("page.left may be at most {:.1} mm", crate::units::to_mm(page_width - l.type_width())),
        ));
    }
    if mm(l.page.top) + l.type_height() > mm(l.page.height) + 1e-6 {
        return Err(problem(
            "grid.lines",
            "the grid runs past the foot of the page",
            "fewer lines, a smaller line pitch or a smaller top margin",
        ));
    }
    let folio = l.role(RoleName::Folio).size;
    if mm(l.page.top) + l.type_height() + mm(l.folio.offset) + 0.6 * folio > mm(l.page.height) {
        return Err(problem("folio.offset", "the page number would fall off the foot of the page", "a smaller offset"));
    }
    Ok(())
}
