//! Size limits on input files, and reading a file within them: the manifest, the series
//! file and the articles (read by `manifest`), layout files (`layout`) and font files
//! (`font`). It depends on nothing else in the crate, so every stage that reads a file can use it.
//!
//! A bulletin article is a few thousand characters; the limit is far above any real one and
//! keeps a pasted log, a binary or a device from exhausting memory.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest manifest, series or article file read: 1 MiB (about 350,000 Chinese characters).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The most an issue may read in all: its manifest, series file and article files together,
/// 2 MiB (about 700,000 Chinese characters, some 400 pages). The cost of a build grows about
/// linearly with it; the README gives the measured worst case.
pub const MAX_ISSUE_BYTES: u64 = 2 << 20;

/// The largest font file read: 128 MiB (the largest CJK collections are about 60 MiB).
pub const MAX_FONT_BYTES: u64 = 128 << 20;

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The file system's error (not found, no permission, …).
    Io(std::io::Error),
    /// A folder, device or pipe.
    NotAFile,
    /// Longer than the limit; the size found (or read so far).
    TooLarge(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotAFile => f.write_str("not a regular file (a folder, a device or a pipe)"),
            ReadError::TooLarge(size) => write!(f, "{} long, over the limit", describe(*size)),
        }
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_at_most(path, MAX_FILE_BYTES)
}

/// Reads a regular file of at most `limit` bytes, never waiting on anything else: the file is
/// opened without blocking (a pipe with no writer does not hold the open) and checked to be
/// a regular file before a byte is read, so a folder, a pipe or a device is refused at once,
/// and a file larger than the limit is refused by its size, before it is read.
pub(crate) fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| if e.raw_os_error() == Some(libc::ENXIO) { ReadError::NotAFile } else { ReadError::Io(e) })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    match bytes.len() as u64 {
        n if n > limit => Err(ReadError::TooLarge(n)),
        _ => Ok(bytes),
    }
}

/// A byte count for a message: `10.0 MiB`, `1 MiB`, `300 KiB`, `12 bytes`.
pub(crate) fn describe(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    match bytes {
        b if b % MIB == 0 && b > 0 => format!("{} MiB", b / MIB),
        b if b >= MIB => format!("{:.1} MiB", b as f64 / MIB as f64),
        b if b >= 1024 => format!("{} KiB", b.div_ceil(1024)),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(describe(MAX_FILE_BYTES), "1 MiB");
        assert_eq!(describe(10_485_760 + 1), "10.0 MiB");
        assert_eq!(describe(300 * 1024), "300 KiB");
        assert_eq!(describe(12), "12 bytes");
    }

    #[test]
    fn folders_devices_and_pipes_are_not_files() {
        assert!(matches!(read_limited(Path::new("/")), Err(ReadError::NotAFile)));
        if Path::new("/dev/zero").exists() {
            assert!(matches!(read_limited(Path::new("/dev/zero")), Err(ReadError::NotAFile)));
        }
        let fifo = std::env::temp_dir().join(format!("jianbao-fifo-{}", std::process::id()));
        let _ = std::fs::remove_file(&fifo);
        if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            // A pipe nobody writes to: refused at once, not waited on.
            assert!(matches!(read_limited(&fifo), Err(ReadError::NotAFile)));
            let _ = std::fs::remove_file(&fifo);
        }
    }
}
