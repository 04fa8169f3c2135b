//! The output folder before a batch: temporary files left by a run that was killed are
//! removed, and the folder is tried for writing, so that a read-only folder is known before
//! anything is typeset.

use std::path::Path;

use crate::build::remove_stale;

/// Removes the temporary files of killed runs in `outdir` and its folders (not following
/// links, passing over hidden folders). Returns how many were removed.
pub fn stale_temporaries(outdir: &Path) -> usize {
    let mut removed = remove_stale(outdir);
    let Ok(entries) = std::fs::read_dir(outdir) else { return removed };
    for entry in entries.flatten() {
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.file_type().is_ok_and(|t| t.is_dir()) {
            removed += stale_temporaries(&entry.path());
        }
    }
    removed
}

/// Whether a file can be created in `dir`: a temporary file is made and removed at once.
pub fn writable(dir: &Path) -> std::io::Result<()> {
    let probe = tempfile::Builder::new().prefix(crate::build::TEMP_PREFIX).suffix(".probe").tempfile_in(dir)?;
    probe.close()
}
