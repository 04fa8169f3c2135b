//! Writing the previews of an issue: `DIR/page-1.png`, `page-2.png`, … Every page is drawn
//! before anything is written, each file goes through a temporary file renamed into place,
//! and a failure leaves no temporary file behind. Only files named `page-N.png` are ever
//! replaced or removed: those beyond the last page (left by a longer issue) are
//! removed, so the folder shows the issue as it is now.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{PreviewError, render_pages};
use crate::font::FontBook;
use crate::page::Page;

/// Draws every page at `dpi` and writes `dir/page-N.png` (N from 1), creating `dir` and its
/// parents if missing; returns the paths written, in page order.
pub fn write_previews(pages: &[Page], fonts: &FontBook, dir: &Path, dpi: f32) -> Result<Vec<PathBuf>, PreviewError> {
    let pngs = render_pages(pages, fonts, dpi)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| PreviewError::Io { path, error }
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    let targets: Vec<PathBuf> = (1..=pngs.len()).map(|n| dir.join(page_name(n))).collect();
    let temps: Vec<PathBuf> = (1..=pngs.len()).map(|n| dir.join(temp_name(n))).collect();
    let written = temps.iter().zip(&pngs).try_for_each(|(temp, png)| write_file(temp, png).map_err(io(temp)));
    let renamed = written.and_then(|()| {
        temps.iter().zip(&targets).try_for_each(|(temp, target)| fs::rename(temp, target).map_err(io(target)))
    });
    if let Err(e) = renamed {
        for temp in &temps {
            let _ = fs::remove_file(temp);
        }
        return Err(e);
    }
    remove_stale(dir, pngs.len())?;
    Ok(targets)
}

/// The file name of page `n` (from 1).
fn page_name(n: usize) -> String {
    format!("page-{n}.png")
}

/// The temporary file page `n` is written to before it is renamed.
fn temp_name(n: usize) -> String {
    format!(".page-{n}.png.{}.tmp", std::process::id())
}

/// Writes and flushes one new file: created exclusively, so a link planted at the temporary
/// name is refused rather than followed.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The page number of a preview file's name (`page-N.png`, N written without leading zeros).
fn page_number(name: &str) -> Option<usize> {
    let digits = name.strip_prefix("page-")?.strip_suffix(".png")?;
    let valid = !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| digits.parse().ok()).flatten()
}

/// Removes the regular files `page-N.png` with N beyond `count` from `dir`.
fn remove_stale(dir: &Path, count: usize) -> Result<(), PreviewError> {
    let entries = fs::read_dir(dir).map_err(|error| PreviewError::Io { path: dir.to_path_buf(), error })?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let stale = name.to_str().and_then(page_number).is_some_and(|n| n > count);
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            fs::remove_file(&path).map_err(|error| PreviewError::Io { path, error })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_file_names() {
        assert_eq!(page_name(12), "page-12.png");
        assert_eq!(page_number("page-12.png"), Some(12));
        for other in ["page-0.png", "page-01.png", "page-.png", "page-1.png.tmp", "page-1a.png", "cover.png"] {
            assert_eq!(page_number(other), None, "{other}");
        }
        assert!(temp_name(3).starts_with(".page-3.png."));
    }

    /// A link planted at the temporary name is refused, and what it points to is untouched.
    #[cfg(unix)]
    #[test]
    fn a_link_at_the_temporary_name_is_not_followed() {
        let dir = std::env::temp_dir().join(format!("jianbao-png-link-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("dir");
        let target = dir.join("precious");
        fs::write(&target, b"keep").expect("target");
        let link = dir.join(temp_name(1));
        std::os::unix::fs::symlink(&target, &link).expect("link");
        assert!(write_file(&link, b"png").is_err());
        assert_eq!(fs::read(&target).expect("target"), b"keep");
        let _ = fs::remove_dir_all(&dir);
    }
}
