//! Building a TrueType (`glyf`) font from chosen glyphs of a face, whatever its outlines:
//! readers that take OFD fonts to a PDF library or to FreeType as TrueType fail on CFF-based
//! OpenType, and every reader takes `glyf` fonts.
//!
//! The font has the glyphs asked for (glyph 0, `.notdef`, first), their advances, a `cmap`
//! from the characters given, the face's own vertical metrics, weight and licence strings,
//! and names carrying the subset's tag so that no reader mistakes it for an installed font.

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::DrawSettings;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider, string::StringId};
use write_fonts::FontBuilder;
use write_fonts::from_obj::ToOwnedTable;
use write_fonts::tables::cmap::Cmap;
use write_fonts::tables::glyf::{GlyfLocaBuilder, Glyph, SimpleGlyph};
use write_fonts::tables::hmtx::{Hmtx, LongMetric};
use write_fonts::tables::maxp::Maxp;
use write_fonts::tables::name::{Name, NameRecord};
use write_fonts::types::{FWord, NameId, UfWord, Version16Dot16};

use super::pen::QuadPen;

/// The names the built font carries.
pub(super) struct Names {
    /// Family (name ID 1), e.g. `ABCDEF+Noto Serif CJK SC`.
    pub family: String,
    /// PostScript name (name ID 6), e.g. `ABCDEF+NotoSerifCJKsc-Bold`.
    pub postscript: String,
}

/// A built font and the ink box of each of its glyphs.
pub(super) struct Built {
    /// The font file.
    pub data: Vec<u8>,
    /// Per glyph of the new font: x min, y min, x max, y max in font units, or `None` for a
    /// glyph without ink.
    pub boxes: Vec<Option<[i16; 4]>>,
    /// Units per em.
    pub units_per_em: u16,
}

/// Name IDs copied from the face as they are: copyright, version, trademark, manufacturer,
/// designer, description, vendor URL, designer URL, licence, licence URL.
const COPIED_NAMES: [u16; 10] = [0, 5, 7, 8, 9, 10, 11, 12, 13, 14];

/// The Windows platform: where every reader looks for names.
const WINDOWS: u16 = 3;

/// The Unicode BMP encoding of the Windows platform.
const UNICODE_BMP: u16 = 1;

/// US English.
const EN_US: u16 = 0x409;

/// Builds the font: `glyphs` are the face's glyph ids in the new font's order (the first
/// should be 0), `cmap` maps characters to indices into `glyphs`.
pub(super) fn build(
    data: &[u8],
    index: u32,
    glyphs: &[u16],
    cmap: &[(char, u16)],
    names: &Names,
) -> Result<Built, String> {
    let font = FontRef::from_index(data, index).map_err(|e| format!("cannot read the font: {e}"))?;
    let cff = font.table_data(skrifa::Tag::new(b"CFF ")).is_some();
    let outlines = font.outline_glyphs();
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let count = u16::try_from(glyphs.len()).map_err(|_| "too many glyphs for one font".to_string())?;

    let mut builder = GlyfLocaBuilder::new();
    let mut h_metrics = Vec::with_capacity(glyphs.len());
    let mut boxes = Vec::with_capacity(glyphs.len());
    let (mut max_points, mut max_contours) = (0u16, 0u16);
    for &gid in glyphs {
        let id = GlyphId::new(u32::from(gid));
        let mut pen = QuadPen::default();
        if let Some(outline) = outlines.get(id) {
            outline
                .draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), &mut pen)
                .map_err(|e| format!("cannot draw glyph {gid}: {e}"))?;
        }
        let path = pen.finish(cff);
        let advance = metrics.advance_width(id).unwrap_or(0.0).round().clamp(0.0, f32::from(u16::MAX)) as u16;
        if path.elements().is_empty() {
            builder.add_glyph(&Glyph::Empty).map_err(|e| format!("glyph {gid}: {e}"))?;
            h_metrics.push(LongMetric { advance, side_bearing: 0 });
            boxes.push(None);
            continue;
        }
        let glyph =
            SimpleGlyph::from_bezpath(&path).map_err(|e| format!("glyph {gid} has a malformed outline: {e:?}"))?;
        let points = glyph.contours.iter().map(|c| c.len()).sum::<usize>();
        max_points = max_points.max(u16::try_from(points).unwrap_or(u16::MAX));
        max_contours = max_contours.max(u16::try_from(glyph.contours.len()).unwrap_or(u16::MAX));
        let b = glyph.bbox;
        boxes.push(Some([b.x_min, b.y_min, b.x_max, b.y_max]));
        h_metrics.push(LongMetric { advance, side_bearing: b.x_min });
        builder.add_glyph(&glyph).map_err(|e| format!("glyph {gid}: {e}"))?;
    }
    let (glyf, loca, loca_format) = builder.build();

    let read = |e: skrifa::raw::ReadError| format!("cannot read a table of the font: {e}");
    let inked = boxes.iter().flatten();
    let (x_min, y_min) =
        (inked.clone().map(|b| b[0]).min().unwrap_or(0), inked.clone().map(|b| b[1]).min().unwrap_or(0));
    let (x_max, y_max) =
        (inked.clone().map(|b| b[2]).max().unwrap_or(0), inked.clone().map(|b| b[3]).max().unwrap_or(0));

    let mut head: write_fonts::tables::head::Head = font.head().map_err(read)?.to_owned_table();
    head.checksum_adjustment = 0;
    (head.x_min, head.y_min, head.x_max, head.y_max) = (x_min, y_min, x_max, y_max);
    head.index_to_loc_format = loca_format as i16;
    let units_per_em = head.units_per_em;

    let mut hhea: write_fonts::tables::hhea::Hhea = font.hhea().map_err(read)?.to_owned_table();
    hhea.number_of_h_metrics = count;
    hhea.advance_width_max = UfWord::new(h_metrics.iter().map(|m| m.advance).max().unwrap_or(0));
    let sides = glyphs_sides(&h_metrics, &boxes);
    hhea.min_left_side_bearing = FWord::new(sides.0);
    hhea.min_right_side_bearing = FWord::new(sides.1);
    hhea.x_max_extent = FWord::new(sides.2);

    let maxp = Maxp {
        num_glyphs: count,
        max_points: Some(max_points),
        max_contours: Some(max_contours),
        max_composite_points: Some(0),
        max_composite_contours: Some(0),
        max_zones: Some(1),
        max_twilight_points: Some(0),
        max_storage: Some(0),
        max_function_defs: Some(0),
        max_instruction_defs: Some(0),
        max_stack_elements: Some(0),
        max_size_of_instructions: Some(0),
        max_component_elements: Some(0),
        max_component_depth: Some(0),
    };

    let mut os2: write_fonts::tables::os2::Os2 = font.os2().map_err(read)?.to_owned_table();
    let first = cmap.iter().map(|(c, _)| u32::from(*c)).min().unwrap_or(0);
    let last = cmap.iter().map(|(c, _)| u32::from(*c)).max().unwrap_or(0);
    os2.us_first_char_index = u16::try_from(first).unwrap_or(u16::MAX);
    os2.us_last_char_index = u16::try_from(last).unwrap_or(u16::MAX);

    let mut post: write_fonts::tables::post::Post = font.post().map_err(read)?.to_owned_table();
    post.version = Version16Dot16::VERSION_3_0;
    post.num_glyphs = None;
    post.glyph_name_index = None;
    post.string_data = None;

    let cmap = Cmap::from_mappings(cmap.iter().map(|&(c, g)| (c, GlyphId::new(u32::from(g)))))
        .map_err(|e| format!("conflicting character map: {e}"))?;
    let hmtx = Hmtx::new(h_metrics, Vec::new());
    let name = name_table(&font, names);

    let mut out = FontBuilder::new();
    let add = |e: write_fonts::BuilderError| format!("cannot write a table: {e}");
    out.add_table(&head).map_err(add)?;
    out.add_table(&hhea).map_err(add)?;
    out.add_table(&maxp).map_err(add)?;
    out.add_table(&os2).map_err(add)?;
    out.add_table(&hmtx).map_err(add)?;
    out.add_table(&cmap).map_err(add)?;
    out.add_table(&loca).map_err(add)?;
    out.add_table(&glyf).map_err(add)?;
    out.add_table(&name).map_err(add)?;
    out.add_table(&post).map_err(add)?;
    Ok(Built { data: out.build(), boxes, units_per_em })
}

/// The smallest left side bearing, smallest right side bearing and largest x extent over the
/// glyphs with ink.
fn glyphs_sides(metrics: &[LongMetric], boxes: &[Option<[i16; 4]>]) -> (i16, i16, i16) {
    let mut sides: Option<(i16, i16, i16)> = None;
    for (m, b) in metrics.iter().zip(boxes) {
        let Some([x_min, _, x_max, _]) = *b else { continue };
        let rsb = i32::from(m.advance) - i32::from(x_max);
        let rsb = i16::try_from(rsb).unwrap_or(if rsb < 0 { i16::MIN } else { i16::MAX });
        sides = Some(match sides {
            None => (x_min, rsb, x_max),
            Some((l, r, e)) => (l.min(x_min), r.min(rsb), e.max(x_max)),
        });
    }
    sides.unwrap_or((0, 0, 0))
}

/// The `name` table: the new family and PostScript names, the subfamily, full and unique
/// names made from them, and the face's copyright and licence strings as they are.
fn name_table(font: &FontRef, names: &Names) -> Name {
    let original = |id: u16| {
        font.localized_strings(StringId::new(id)).english_or_first().map(|s| s.to_string()).filter(|s| !s.is_empty())
    };
    let subfamily = original(2).unwrap_or_else(|| "Regular".into());
    let full = if subfamily == "Regular" { names.family.clone() } else { format!("{} {subfamily}", names.family) };
    let mut strings: Vec<(u16, String)> = vec![
        (1, names.family.clone()),
        (2, subfamily),
        (3, names.postscript.clone()),
        (4, full),
        (6, names.postscript.clone()),
    ];
    strings.extend(COPIED_NAMES.iter().filter_map(|&id| original(id).map(|s| (id, s))));
    strings.sort();
    let records = strings
        .into_iter()
        .map(|(id, s)| NameRecord::new(WINDOWS, UNICODE_BMP, EN_US, NameId::new(id), s.into()))
        .collect();
    Name::new(records)
}
