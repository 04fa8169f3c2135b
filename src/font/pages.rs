//! Giving back the pages of compiled-in data once a stage is done with them.
//!
//! The bundled faces (15–27 MB each) and the word dictionary are read in scattered places,
//! and every page fault maps the 64 KiB around it, so subsetting a thousand glyphs keeps half
//! a face resident. The bytes live in the program's read-only file mapping: dropping the
//! pages only unmaps them, and a later read faults them in again, unchanged, from the file.

use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the process sets many documents (a batch): the pages are then kept, since the
/// next document reads them again at once.
static KEEP: AtomicBool = AtomicBool::new(false);

/// Keeps the compiled-in data resident from now on (a batch: the faces serve every issue).
pub fn keep_resident() {
    KEEP.store(true, Ordering::Relaxed);
}

/// Unmaps the whole pages inside `bytes` (a static in the program's read-only data); the
/// contents stay the same and are read back from the program file if used again.
pub(crate) fn release(bytes: &'static [u8]) {
    #[cfg(target_os = "linux")]
    if !KEEP.load(Ordering::Relaxed) {
        const PAGE: usize = 4096;
        let first = (bytes.as_ptr() as usize).div_ceil(PAGE) * PAGE;
        let end = (bytes.as_ptr() as usize + bytes.len()) / PAGE * PAGE;
        if end > first {
            // SAFETY: [first, end) holds only whole pages of `bytes`, which is immutable static
            // data in a private file mapping that was never written: MADV_DONTNEED drops the
            // page table entries, and the next read maps the same file contents again. No
            // reference sees different bytes.
            unsafe {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_DONTNEED);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}

/// As [`release`] for each of `all`, on the thread pool when the build may use it: the
/// unmapping (a few hundred microseconds once composition has read the faces) then overlaps
/// the work that follows on this thread.
pub(crate) fn release_all(all: Vec<&'static [u8]>) {
    if KEEP.load(Ordering::Relaxed) {
        return;
    }
    match crate::parallel::within_build() {
        true => rayon::spawn(move || all.into_iter().for_each(release)),
        false => all.into_iter().for_each(release),
    }
}
