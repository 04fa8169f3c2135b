//! The output path: checked before the build (its folder exists, it is not a folder, it is
//! not one of the issue's own input files), and write errors worded for the editor.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::manifest::{self, TextOrigin};

/// Why the PDF cannot go to `path`, found before anything is built; `None` when it can (or
/// when the manifest itself cannot be read, which the build reports first).
pub(super) fn problem(path: &Path, manifest_path: &Path) -> Option<Diagnostic> {
    if !manifest_path.is_file() {
        return None;
    }
    let folder = folder(path);
    if !folder.is_dir() {
        let why = if folder.exists() { "is not a folder" } else { "does not exist" };
        return Some(
            Diagnostic::file(path, format!("cannot write the PDF: the folder `{}` {why}", folder.display()))
                .with_hint("create the folder first, or give another path with -o"),
        );
    }
    if path.is_dir() {
        return Some(
            Diagnostic::file(path, format!("cannot write the PDF: `{}` is a folder", path.display()))
                .with_hint("give a file name, e.g. -o OUT/issue.pdf"),
        );
    }
    let target = path.canonicalize().ok()?;
    let input = inputs(manifest_path).into_iter().find(|p| p.canonicalize().ok().as_ref() == Some(&target))?;
    Some(
        Diagnostic::file(path, format!("the output would overwrite the input file `{}`", input.display()))
            .with_hint("give the PDF its own name, e.g. -o issue.pdf"),
    )
}

/// The files an issue is read from: manifest, series file and article files, as far as the
/// manifest can be read (an unreadable one is reported by the build itself).
fn inputs(manifest_path: &Path) -> Vec<PathBuf> {
    let mut out = vec![manifest_path.to_path_buf()];
    if let Ok(issue) = manifest::load(manifest_path) {
        out.extend(issue.series_file.map(|f| f.path));
        for article in issue.articles {
            if let TextOrigin::File { path, .. } = article.origin {
                out.push(path);
            }
        }
    }
    out
}

/// The folder a path is in (`.` for a bare file name).
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A failed write as a diagnostic naming the path, with a hint for the usual causes.
pub(super) fn write_error(path: &Path, error: &std::io::Error) -> Diagnostic {
    let hint = match error.kind() {
        std::io::ErrorKind::PermissionDenied => "the folder or the existing file is not writable; choose another path",
        std::io::ErrorKind::NotFound => "the folder does not exist; create it or choose another path",
        _ => "check the path and the free space; an existing file there was left as it was",
    };
    Diagnostic::file(path, format!("cannot write the PDF: {error}")).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folder_and_folder_as_output() {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let d = problem(Path::new("/nonexistent-jianbao/x.pdf"), &manifest).expect("no folder");
        assert!(d.message.contains("`/nonexistent-jianbao` does not exist"), "{}", d.message);
        let d = problem(&std::env::temp_dir(), &manifest).expect("a folder");
        assert!(d.message.ends_with("is a folder"), "{}", d.message);
        assert!(problem(&std::env::temp_dir().join("jianbao-fresh-name.pdf"), &manifest).is_none());
        assert!(problem(Path::new("/nonexistent-jianbao/x.pdf"), Path::new("/nonexistent/issue.toml")).is_none());
    }
}
