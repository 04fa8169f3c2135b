//! Fallback for characters the layout's faces lack (rare Han of Extensions B–G, symbols):
//! the layout's chain first (bundled names or font files), then the system's fonts. Faces
//! found are added to the book once; composition then picks, per character, the first face
//! that has it ([`FontBook::face_for`]).

use std::collections::BTreeSet;

use super::{Face, FaceData, FontBook, FontError, load_face};

/// Where fallback faces come from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FallbackChain {
    /// Bundled face names or font file paths (`path#index` for a collection), in order.
    pub fonts: Vec<String>,
    /// Whether the system's fonts are searched after the chain.
    pub system: bool,
}

/// Adds to `book` the fallback faces that cover `needed` characters the book lacks. Returns
/// the characters no face has.
pub fn add_fallbacks(
    book: &mut FontBook,
    chain: &FallbackChain,
    needed: &BTreeSet<char>,
) -> Result<BTreeSet<char>, FontError> {
    let mut missing: BTreeSet<char> = needed.iter().copied().filter(|&c| !book.covers(c)).collect();
    for name in &chain.fonts {
        if missing.is_empty() {
            return Ok(missing);
        }
        let face = load_face(name)?;
        take(book, face, &mut missing);
    }
    if chain.system && !missing.is_empty() {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        // Upright regular faces first (the weight nearest the body's 400, so that a family's
        // Regular comes before its Bold or Thin), then by file path and index: a stable order.
        let mut sources: Vec<(bool, u16, std::path::PathBuf, u32)> = db
            .faces()
            .filter_map(|f| match &f.source {
                fontdb::Source::File(path) => {
                    let slanted = f.style != fontdb::Style::Normal || f.stretch != fontdb::Stretch::Normal;
                    Some((slanted, f.weight.0.abs_diff(fontdb::Weight::NORMAL.0), path.clone(), f.index))
                }
                _ => None,
            })
            .collect();
        sources.sort();
        sources.dedup();
        for (_, _, path, index) in sources {
            if missing.is_empty() {
                break;
            }
            let Ok(bytes) = super::read_font_file(&path) else { continue };
            let name = format!("{}#{index}", path.display());
            let Ok(face) = Face::new(&name, FaceData::Owned(std::sync::Arc::new(bytes)), index) else { continue };
            take(book, face, &mut missing);
        }
    }
    Ok(missing)
}

/// Adds `face` to the book's fallbacks if it covers any missing character.
fn take(book: &mut FontBook, face: Face, missing: &mut BTreeSet<char>) {
    let covered: Vec<char> = missing.iter().copied().filter(|&c| face.covers(c)).collect();
    if covered.is_empty() {
        return;
    }
    let id = book.add(face);
    book.push_fallback(id);
    for c in covered {
        missing.remove(&c);
    }
}
