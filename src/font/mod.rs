//! Fonts: loading faces once ([`FontBook`]), per-character fallback, variation sequences from
//! a face's own collection, and shaping.

mod bundled;
mod face;
mod fallback;
mod outline;
mod overhang;
mod pages;
mod shape;
mod variants;

pub use bundled::{bundled_face, is_bundled};
pub use face::{Face, FaceData, FontError};
pub use fallback::{FallbackChain, add_fallbacks};
pub use outline::{Command, Outline, read_outlines};
pub use pages::keep_resident;
pub(crate) use pages::release;
pub use shape::{ShapedGlyph, ShapedRun, shape};
pub use variants::add_variants;

use std::path::Path;

use crate::limits::{MAX_FONT_BYTES, ReadError, describe, read_at_most};

/// Loads a face by name: a bundled face (`Noto Serif CJK SC`, `Noto Serif CJK SC Bold`) or a
/// path to a font file, optionally followed by `#INDEX` for a member of a collection.
pub fn load_face(name: &str) -> Result<Face, FontError> {
    if let Some(face) = bundled_face(name) {
        return face;
    }
    let (path, index) = match name.rsplit_once('#') {
        Some((p, i)) if i.parse::<u32>().is_ok() => (p, i.parse().unwrap_or(0)),
        _ => (name, 0),
    };
    let bytes = read_font_file(Path::new(path)).map_err(|reason| FontError { name: name.to_string(), reason })?;
    Face::new(name, FaceData::Owned(std::sync::Arc::new(bytes)), index)
}

/// Reads a font file within [`MAX_FONT_BYTES`], never waiting on a pipe or device.
pub(crate) fn read_font_file(path: &Path) -> Result<Vec<u8>, String> {
    read_at_most(path, MAX_FONT_BYTES).map_err(|e| match e {
        ReadError::Io(e) => format!("not a bundled font, and cannot read it as a file: {e}"),
        ReadError::NotAFile => "not a regular file (a folder, a device or a pipe), so not a font file".to_string(),
        ReadError::TooLarge(size) => {
            format!("the file is {} long, over the limit of {} for a font", describe(size), describe(MAX_FONT_BYTES))
        }
    })
}

/// Index of a face in a [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

/// Every face one build uses, loaded and parsed once and shared (read-only) by all stages.
#[derive(Debug, Default)]
pub struct FontBook {
    faces: Vec<Face>,
    /// Faces tried, in order, for a character a run's own face lacks.
    fallbacks: Vec<FaceId>,
    /// Per face, members of its own collection that list variation sequences it lacks.
    variants: Vec<(FaceId, FaceId)>,
}

impl FontBook {
    /// An empty book.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a face, or returns the id of an identical face already present.
    pub fn add(&mut self, face: Face) -> FaceId {
        if let Some(i) = self.faces.iter().position(|f| f.key() == face.key()) {
            return FaceId(i);
        }
        self.faces.push(face);
        FaceId(self.faces.len() - 1)
    }

    /// The face with this id.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    /// Makes a face the next fallback for characters other faces lack.
    pub fn push_fallback(&mut self, id: FaceId) {
        if !self.fallbacks.contains(&id) {
            self.fallbacks.push(id);
        }
    }

    /// Makes `sibling` (a member of `face`'s collection) draw the variation sequences `face`
    /// does not list.
    pub fn push_variant(&mut self, face: FaceId, sibling: FaceId) {
        if !self.variants.contains(&(face, sibling)) {
            self.variants.push((face, sibling));
        }
    }

    /// The face that draws the variation sequence `base` `selector` in a run set in `face`:
    /// that face if it lists the sequence, else the first member of its collection added for
    /// it that does; `None` when neither does.
    pub fn face_for_sequence(&self, face: FaceId, base: char, selector: char) -> Option<FaceId> {
        let siblings = self.variants.iter().filter(|(f, _)| *f == face).map(|&(_, sibling)| sibling);
        std::iter::once(face).chain(siblings).find(|f| self.faces[f.0].lists(base, selector))
    }

    /// Whether any face of the book has the character.
    pub fn covers(&self, c: char) -> bool {
        self.faces.iter().any(|f| f.covers(c))
    }

    /// The face to draw `c` with in a run set in `face`: that face if it has the character,
    /// else the first fallback that has it, else the first face of the book that has it (a
    /// role's face: [`FontBook::covers`] counts it, so no fallback was looked for), else
    /// `face` itself (which draws its .notdef box).
    pub fn face_for(&self, face: FaceId, c: char) -> FaceId {
        if self.faces[face.0].covers(c) {
            return face;
        }
        self.fallbacks
            .iter()
            .copied()
            .find(|f| self.faces[f.0].covers(c))
            .or_else(|| self.faces.iter().position(|f| f.covers(c)).map(FaceId))
            .unwrap_or(face)
    }

    /// Gives back the resident pages of every compiled-in face and of `more` (composition is
    /// over: what the output reads of a face is read again as it is subset, one face at a
    /// time), on the thread pool when the build may use it.
    pub fn release_pages(&self, more: &[&'static [u8]]) {
        let faces = self.faces.iter().filter_map(Face::compiled_in);
        pages::release_all(faces.chain(more.iter().copied()).collect());
    }

    /// All faces with their ids, in the order they were added.
    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.faces.iter().enumerate().map(|(i, f)| (FaceId(i), f))
    }
}
