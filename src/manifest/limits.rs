//! Size limits on input files, and reading a file within them.
//!
//! A bulletin article is a few thousand characters; the limit is far above any real one and
//! keeps a pasted log, a binary or a device from exhausting memory.

use std::io::Read;
use std::path::Path;

/// The largest manifest, series or article file read: 1 MiB (about 350,000 Chinese characters).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The file system's error (not found, no permission, …).
    Io(std::io::Error),
    /// A folder, device or pipe.
    NotAFile,
    /// Longer than [`MAX_FILE_BYTES`]; the size found (or read so far).
    TooLarge(u64),
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
pub(crate) fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    match bytes.len() as u64 {
        n if n > MAX_FILE_BYTES => Err(ReadError::TooLarge(n)),
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
    fn folders_and_devices_are_not_files() {
        assert!(matches!(read_limited(Path::new("/")), Err(ReadError::NotAFile)));
        if Path::new("/dev/zero").exists() {
            assert!(matches!(read_limited(Path::new("/dev/zero")), Err(ReadError::NotAFile)));
        }
    }
}
