//! The files a watch follows and the folders it watches for them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use notify::EventKind;
use notify::event::{AccessKind, AccessMode};

/// The issue's input files (absolute) and the folders watched for them.
#[derive(Debug, Default)]
pub struct Watched {
    files: BTreeSet<PathBuf>,
    dirs: BTreeSet<PathBuf>,
}

impl Watched {
    /// How many files are followed.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Reads the issue's inputs again (keeping the last list when the issue cannot be read)
    /// and starts watching any new folder with `watch`.
    pub fn update(
        &mut self,
        manifest: &Path,
        watch: &mut dyn FnMut(&Path) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut files: BTreeSet<PathBuf> = [absolute(manifest)].into();
        match crate::build::load(manifest) {
            Ok(loaded) => {
                let list = crate::build::inputs(&loaded.issue, &loaded.prepared.layout, &loaded.document);
                files.extend(list.iter().map(|f| absolute(&f.path)));
            }
            Err(_) => files.extend(self.files.iter().cloned()),
        }
        for dir in files.iter().filter_map(|f| f.parent()) {
            if !self.dirs.contains(dir) && dir.is_dir() {
                watch(dir).map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
                self.dirs.insert(dir.to_path_buf());
            }
        }
        self.files = files;
        Ok(())
    }

    /// Whether an event may have changed one of the files.
    pub fn concerns(&self, event: &notify::Result<notify::Event>) -> bool {
        let Ok(event) = event else { return true };
        let changes = match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        };
        changes && event.paths.iter().any(|p| self.files.contains(&absolute(p)))
    }
}

/// A path made absolute with its folder's real path (the file itself may be missing a moment).
fn absolute(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    dir.canonicalize().map_or_else(|_| path.to_path_buf(), |d| d.join(name))
}
