//! The layouts of a batch, each read and its fonts parsed once, on first use, then shared by
//! every issue and thread that names it.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::digest;
use crate::build::{BuildError, Prepared};
use crate::document::Document;
use crate::manifest::Issue;

/// A prepared layout with the digests of what it is made from.
pub struct Shared {
    /// The layout and its parsed fonts.
    pub prepared: Prepared,
    /// Digest of the layout and its faces.
    pub digest: [u8; 32],
    /// Digest of the fallback fonts, made when an issue first needs them.
    fallback: OnceLock<[u8; 32]>,
}

impl Shared {
    /// The digest of the fallback fonts an issue lacking a character may draw from.
    pub fn fallback_digest(&self) -> &[u8; 32] {
        self.fallback.get_or_init(|| digest::fallback_fonts(&self.prepared))
    }
}

/// The cache, keyed by the layout as the document names it (a built-in name or a path).
#[derive(Default)]
pub struct Layouts {
    /// Prepared layouts.
    map: Mutex<BTreeMap<String, Arc<Shared>>>,
    /// How many times a layout's fonts were parsed (once per layout).
    loads: AtomicUsize,
    /// How many issues parsed fonts of their own, to add fallback faces.
    own: AtomicUsize,
}

impl Layouts {
    /// The prepared layout `document` names, loaded now if it is the first use. A layout that
    /// cannot be loaded is not kept: each issue naming it reports the error at its own manifest.
    pub fn get(&self, issue: &Issue, document: &Document) -> Result<Arc<Shared>, BuildError> {
        // Loading under the lock keeps two threads from parsing the same fonts at once.
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(shared) = map.get(&document.layout) {
            return Ok(Arc::clone(shared));
        }
        let prepared = Prepared::for_issue(issue, document)?;
        self.loads.fetch_add(1, Ordering::Relaxed);
        let digest = digest::layout(&document.layout, &prepared);
        let shared = Arc::new(Shared { prepared, digest, fallback: OnceLock::new() });
        map.insert(document.layout.clone(), Arc::clone(&shared));
        Ok(shared)
    }

    /// Counts a book an issue loaded for itself (to add fallback faces).
    pub fn count_own(&self) {
        self.own.fetch_add(1, Ordering::Relaxed);
    }

    /// How many times a layout's fonts were parsed so far.
    pub fn loads(&self) -> usize {
        self.loads.load(Ordering::Relaxed)
    }

    /// How many issues parsed fonts of their own so far.
    pub fn own(&self) -> usize {
        self.own.load(Ordering::Relaxed)
    }

    /// The names of the layouts loaded.
    pub fn names(&self) -> Vec<String> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner).keys().cloned().collect()
    }
}

/// Fails to compile unless a prepared layout can be shared between threads.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Shared>();
};
