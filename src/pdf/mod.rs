//! The last stage: pages of placed glyphs and rules → the bytes of a print-ready or archival
//! PDF (PDF/X-4, PDF/A-2b or PDF/A-1b, see [`Standard`]).
//!
//! Fonts are subset and embedded as Type0/CIDFont with Identity-H and a ToUnicode CMap;
//! colours are DeviceCMYK or spot inks, under a CMYK output intent; every stream but the XMP
//! packet is Flate-compressed. The output depends only on the input (no clock, no hash-map
//! order), so identical input gives identical bytes.

mod cff;
mod cmap;
mod content;
mod date;
mod error;
mod font;
mod geometry;
mod hash;
mod icc;
mod image;
mod ink;
mod intent;
mod marks;
mod meta;
mod options;
mod outline;
mod pages;
mod paths;
mod sfnt;
// Compressed into the program by build.rs; here for its tests.
#[cfg(test)]
mod srgb;
mod state;
mod structure;
mod text;
mod usage;
mod widths;
mod xmp;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use pdf_writer::types::PageMode;
use pdf_writer::{Finish, Name, Pdf, Ref, TextStr};
use rayon::prelude::*;

use crate::font::{Face, FaceId, FontBook};
use crate::page::{Metadata, Page};

pub use error::PdfError;
pub use icc::OutputProfile;
pub use options::{MAX_BLEED, Options, Standard, parse_bleed};

use content::{Context, Drawn};
use font::{Compressed, EmbeddedFont, Pending};
use geometry::Geometry;
use image::Pictures;
use ink::Inks;
use pages::{PageRefs, States, draw_page, write_page};

/// The zlib compression level of every stream (fixed, for reproducible output).
const LEVEL: u8 = 6;

/// Writes the pages as a PDF/X-4 file without bleed or marks (the default [`Options`]).
pub fn write_pdf(pages: &[Page], meta: &Metadata, fonts: &FontBook) -> Result<Vec<u8>, PdfError> {
    write_pdf_with(pages, meta, fonts, &Options::default())
}

/// Writes the pages as a PDF to the standard, bleed and marks of `options`.
pub fn write_pdf_with(
    pages: &[Page],
    meta: &Metadata,
    fonts: &FontBook,
    options: &Options,
) -> Result<Vec<u8>, PdfError> {
    let standard = options.standard;
    let profile = &options.intent;
    if standard.pdf_1_4() && profile.version() > 2 {
        return Err(PdfError::Profile(format!(
            "{} is based on PDF 1.4, which takes ICC profiles of version 2 only; the output profile \
             `{}` is version {}",
            standard,
            profile.description(),
            profile.version()
        )));
    }
    let mut next = Ref::new(1);
    let (catalog, tree, info, xmp, profile_id, outline, struct_root) =
        (next.bump(), next.bump(), next.bump(), next.bump(), next.bump(), next.bump(), next.bump());
    let states = States { overprint: next.bump(), knockout: next.bump() };

    let uses: Vec<(FaceId, usage::FaceUses)> = usage::collect(pages).into_iter().collect();
    // Every font's objects are planned first (each glyph's CID and width are known before
    // the program is), so that the pages are drawn on the thread pool while the faces are
    // subset, one at a time, each face's pages given back before the next is read (two faces
    // resident at once would raise the peak memory by most of one), the fewest glyphs first:
    // the face with the most is read when the others' pages are gone (most glyphs first
    // raised the peak by 2–3 MiB). A TrueType program is deflated on another thread; the
    // ToUnicode maps are made beside the pages.
    // Object ids are given in face order, so the bytes do not depend on the order anything
    // finished in.
    let parallel = crate::parallel::within_build();
    let mut embedded = BTreeMap::new();
    let mut pending = Vec::with_capacity(uses.len());
    for (id, used) in &uses {
        let face = lookup(fonts, *id)?;
        let (font, program) = EmbeddedFont::plan(*id, face, used)?;
        embedded.insert(*id, font.numbered(&mut next));
        pending.push((face, program));
    }
    let inks = Inks::new(pages, &mut next);
    let pictures = Pictures::new(pages, &mut next);
    let refs: Vec<PageRefs> = pages
        .iter()
        .map(|p| PageRefs { page: next.bump(), content: next.bump(), geometry: Geometry::new(p, options) })
        .collect();
    let cx = Context { fonts: &embedded, inks: &inks, pictures: &pictures };
    let draw = |(page, r): (&Page, &PageRefs)| draw_page(page, r, &cx);
    // The ToUnicode maps are made beside the pages, off the subsetting worker's path.
    let maps = |font: &EmbeddedFont| font.to_unicode();
    let (programs, (drawn, to_unicode)) = match parallel {
        true => rayon::join(
            || programs(pending, true),
            || {
                rayon::join(
                    || pages.par_iter().zip(&refs).map(draw).collect::<Vec<Drawn>>(),
                    || embedded.values().collect::<Vec<_>>().into_par_iter().map(maps).collect::<Vec<_>>(),
                )
            },
        ),
        false => (
            programs(pending, false),
            (pages.iter().zip(&refs).map(draw).collect(), embedded.values().map(maps).collect()),
        ),
    };
    let programs = programs?;

    let mut pdf = Pdf::new();
    let (major, minor) = standard.version();
    pdf.set_version(major, minor);
    pdf.pages(tree).kids(refs.iter().map(|r| r.page)).count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    let cx = Context { fonts: &embedded, inks: &inks, pictures: &pictures };
    let mut used_inks = BTreeSet::new();
    let mut marks = Vec::with_capacity(pages.len());
    let mut used_states = BTreeSet::new();
    for (index, (drawn, r)) in drawn.into_iter().zip(&refs).enumerate() {
        write_page(&mut pdf, &drawn, index, r, tree, &cx, states);
        used_inks.extend(drawn.inks);
        used_states.extend(drawn.states);
        marks.push(drawn.marks);
    }
    if !used_states.is_empty() {
        pages::write_states(&mut pdf, states);
    }
    for ((font, program), to_unicode) in embedded.values().zip(&programs).zip(&to_unicode) {
        font.write(&mut pdf, &mut next, standard == Standard::PdfA1b, program, to_unicode);
    }
    inks.write(&mut pdf, &used_inks);
    pictures.write(&mut pdf, &mut next, standard, profile)?;
    intent::write_profile(&mut pdf, profile_id, profile);
    let targets: Vec<(Ref, Geometry)> = refs.iter().map(|r| (r.page, r.geometry)).collect();
    let has_outline = outline::write_outline(&mut pdf, outline, &meta.bookmarks, &targets, &mut next);
    let page_ids: Vec<Ref> = refs.iter().map(|r| r.page).collect();
    structure::write_structure(&mut pdf, struct_root, &page_ids, &marks, &meta.language, &mut next);

    let mut cat = pdf.catalog(catalog);
    cat.pages(tree).metadata(xmp);
    if !meta.language.is_empty() {
        cat.lang(TextStr(&meta.language));
    }
    if has_outline {
        cat.outlines(outline).page_mode(PageMode::UseOutlines);
    }
    cat.pair(Name(b"StructTreeRoot"), struct_root);
    cat.mark_info().marked(true);
    cat.viewer_preferences().display_doc_title(true);
    intent::write_intent(&mut cat, standard, profile_id, profile);
    cat.finish();

    let id = meta::document_id(pdf.as_bytes(), meta, standard);
    pdf.metadata(xmp, &xmp::packet(meta, standard, id));
    meta::write_info(&mut pdf, info, meta, standard);
    let file_id = id.to_be_bytes().to_vec();
    pdf.set_file_id((file_id.clone(), file_id));
    Ok(pdf.finish())
}

/// The programs of the planned fonts, compressed, in the order given: made one face at a time,
/// the fewest glyphs first, each face's pages given back once it is subset, and compressed on
/// the thread pool when `parallel`.
fn programs(pending: Vec<(&Face, Pending)>, parallel: bool) -> Result<Vec<Compressed>, PdfError> {
    let mut made: Vec<Option<Compressed>> = pending.iter().map(|_| None).collect();
    let mut jobs: Vec<_> = pending.into_iter().zip(made.iter_mut()).collect();
    jobs.sort_by_key(|((_, program), _)| program.glyphs());
    rayon::in_place_scope(|scope| {
        for ((face, program), slot) in jobs {
            let raw = program.program(face, parallel);
            face.release_pages();
            let raw = raw?;
            match parallel {
                true => scope.spawn(move |_| *slot = Some(raw.compress())),
                false => *slot = Some(raw.compress()),
            }
        }
        Ok::<(), PdfError>(())
    })?;
    let missing = || PdfError::Font { name: String::new(), reason: "a font program was not made".into() };
    made.into_iter().map(|m| m.ok_or_else(missing)).collect()
}

/// The face with this id, or an error if the book has no such face.
fn lookup(fonts: &FontBook, id: FaceId) -> Result<&Face, PdfError> {
    fonts.faces().find(|&(i, _)| i == id).map(|(_, face)| face).ok_or(PdfError::UnknownFace(id))
}

/// Zlib-compresses a stream for `/FlateDecode`.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, LEVEL)
}

/// The zlib level of page content streams and ToUnicode maps: text-heavy pages are long runs
/// of the same few operators and glyph ids, which miniz_oxide's fast matcher (level 1) finds
/// nearly as well as level 6 in well under half the time (measured on the 61-page stress
/// issue: 641 against 571 KB for the whole file, 8.8 % fewer instructions for the build, 8.5 %
/// less wall time; the model issue 217 against 213 KB). The ToUnicode maps, a few KB each,
/// are as small at level 1 (the model issue's file 369 bytes smaller, the stress issue's 390
/// larger) for 1.85 M fewer instructions, 4.3 % of the model issue's build. Pictures and
/// profiles stay at [`LEVEL`].
const TEXT_LEVEL: u8 = 1;

/// Zlib-compresses a page's content stream or a ToUnicode map for `/FlateDecode`, at
/// [`TEXT_LEVEL`].
fn deflate_text(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, TEXT_LEVEL)
}

/// The zlib level of embedded TrueType programs (fallback faces; CFF programs are stored as
/// they are, see `font::Program::compress`): level 1, miniz_oxide's fast matcher, measured on CFF
/// subsets within 5 % of level 6's size in about a quarter of the time.
const FONT_LEVEL: u8 = 1;

/// Zlib-compresses a font program for `/FlateDecode`, at [`FONT_LEVEL`].
fn deflate_font(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, FONT_LEVEL)
}

/// Numbers beyond this magnitude are clamped (far outside any page, within PDF limits).
const MAX_NUM: f64 = 1.0e9;

/// A number as written to the file: rounded to three decimals and clamped; non-finite values
/// become 0.
fn num(v: f64) -> f32 {
    if v.is_finite() { ((v.clamp(-MAX_NUM, MAX_NUM) * 1000.0).round() / 1000.0) as f32 } else { 0.0 }
}
