//! Writing an output without ever leaving half of it: the bytes go to a temporary file
//! created exclusively (`O_EXCL`, so a link planted at its name is never followed) in the
//! output's own folder, then renamed over the output. The temporary name is short whatever
//! the output's name (`.jianbao-PID-RANDOM.tmp`), so a long output name still fits.
//!
//! Every temporary file alive is registered, so that SIGINT or SIGTERM can remove them all
//! ([`remove_live`]); a run that was killed outright leaves its file behind, and the next
//! run writing into that folder removes it ([`remove_stale`]), knowing by the process id in
//! the name that its writer is gone.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// How every temporary file's name starts.
pub const TEMP_PREFIX: &str = ".jianbao-";
/// How every temporary file's name ends.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The temporary files this process has open, by path.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The registry, also after a panic elsewhere.
fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk
/// before it is renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, true)
}

/// As [`write_atomically`], without waiting for the disk: the rename still makes the new
/// content appear whole or not at all to every later reader, which is what a file rewritten
/// many times a run (batch's stamps and index) needs.
pub fn replace_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, false)
}

/// The folder a path is in (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The temporary file, then the rename; the temporary file is gone whatever happens.
fn write(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut temp = {
        // Created and registered under the lock, so a signal never finds it unregistered.
        let mut live = live();
        let temp = tempfile::Builder::new()
            .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
            .suffix(TEMP_SUFFIX)
            .rand_bytes(8)
            .permissions(default_permissions())
            .tempfile_in(&dir)?;
        live.push(temp.path().to_path_buf());
        temp
    };
    let temp_path = temp.path().to_path_buf();
    let result = (|| {
        temp.write_all(bytes)?;
        if durable {
            temp.as_file().sync_all()?;
        }
        let mut live = live();
        let renamed = temp.persist(path).map(drop).map_err(|e| e.error);
        live.retain(|p| *p != temp_path);
        renamed
    })();
    // On an error before the rename the temporary file is dropped, and so removed.
    live().retain(|p| *p != temp_path);
    result
}

/// Read and write for everyone the umask allows, as `File::create` makes a file.
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o666)
}

/// Removes every temporary file of this process and keeps any more from being made: for the
/// signal handler, which exits right after. Returns how many were removed.
pub fn remove_live() -> usize {
    let mut live = live();
    let removed = live.drain(..).filter(|p| std::fs::remove_file(p).is_ok()).count();
    // Hold the lock until the process exits: a writer waiting for it never creates a file.
    std::mem::forget(live);
    removed
}

/// The process id in a temporary file's name, when the name is one of ours.
fn writer_of(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
}

/// Whether the process that wrote a temporary file is still running.
fn running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    // Without /proc nothing can be known: keep the file.
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes the temporary files left in `dir` by runs that were killed before they could
/// (their process is gone). Returns how many were removed.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| writer_of(&e.file_name().to_string_lossy()).is_some_and(|pid| !running(pid)))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// The temporary files of ours in `dir` (any process's), for tests and checks.
pub fn temporaries_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> =
        entries.flatten().filter(|e| writer_of(&e.file_name().to_string_lossy()).is_some()).map(|e| e.path()).collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("jianbao-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_default();
        dir
    }

    #[test]
    fn writes_replaces_and_leaves_nothing() {
        let dir = scratch("plain");
        let out = dir.join("a.pdf");
        assert!(write_atomically(&out, b"one").is_ok());
        assert!(replace_atomically(&out, b"two").is_ok());
        assert_eq!(std::fs::read(&out).unwrap_or_default(), b"two");
        assert!(temporaries_in(&dir).is_empty());
        // Other tests write at the same time: only this folder's entries must be gone.
        assert!(live().iter().all(|p| !p.starts_with(&dir)));
    }

    #[test]
    fn a_long_name_fits() {
        let dir = scratch("long");
        let out = dir.join(format!("{}.pdf", "长".repeat(82)));
        assert!(out.file_name().is_some_and(|n| n.len() == 250));
        assert!(write_atomically(&out, b"x").is_ok(), "a 250-byte name must be writable");
    }

    #[test]
    fn a_planted_link_is_never_followed() {
        let dir = scratch("link");
        let target = dir.join("victim");
        std::fs::write(&target, "keep").unwrap_or_default();
        // Plant links at names a temporary file could take: it must take another name.
        for i in 0..50 {
            let _ =
                std::os::unix::fs::symlink(&target, dir.join(format!(".jianbao-{}-{i:08}.tmp", std::process::id())));
        }
        assert!(write_atomically(&dir.join("out.pdf"), b"new").is_ok());
        assert_eq!(std::fs::read_to_string(&target).unwrap_or_default(), "keep");
    }

    #[test]
    fn names_and_stale_files() {
        assert_eq!(writer_of(".jianbao-123-abcdefgh.tmp"), Some(123));
        assert_eq!(writer_of(".jianbao-123-.tmp"), None);
        assert_eq!(writer_of(".a.pdf.123.tmp"), None);
        let dir = scratch("stale");
        // A pid that cannot be running (above the kernel's maximum).
        let dead = dir.join(".jianbao-4194305-deadbeef.tmp");
        let mine = dir.join(format!(".jianbao-{}-livefile.tmp", std::process::id()));
        std::fs::write(&dead, "x").unwrap_or_default();
        std::fs::write(&mine, "x").unwrap_or_default();
        assert_eq!(remove_stale(&dir), 1);
        assert!(!dead.exists() && mine.exists());
    }
}
