//! The output path: checked before the build (its folder exists, it is not a folder, a
//! symbolic link or a device, it is not one of the issue's own input files), and write errors
//! worded for the editor.

use std::path::{Path, PathBuf};

use super::inputs::InputFile;
use crate::diagnostic::Diagnostic;

/// Why the PDF cannot go to `path`, found before anything is built; `None` when it can.
/// `inputs` are the files the issue is read from.
pub(super) fn problem(path: &Path, inputs: &[InputFile]) -> Option<Diagnostic> {
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
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let what = if meta.file_type().is_symlink() {
            Some("a symbolic link")
        } else if !meta.is_file() {
            Some("not a regular file (a device, a pipe or a socket)")
        } else {
            None
        };
        if let Some(what) = what {
            return Some(
                Diagnostic::file(path, format!("cannot write the PDF: `{}` is {what}", path.display()))
                    .with_hint("give the path of a regular file; an existing link or device is never replaced"),
            );
        }
    }
    let target = path.canonicalize().ok()?;
    let input = inputs.iter().find(|f| f.path.canonicalize().ok().as_ref() == Some(&target))?;
    Some(
        Diagnostic::file(path, format!("the output would overwrite the input file `{}`", input.path.display()))
            .with_hint("give the PDF its own name, e.g. -o issue.pdf"),
    )
}

/// Why previews cannot go to `dir`: an input of the issue is one of the `page-N.png` files
/// they would replace, or `dir` is a file.
pub(super) fn preview_problem(dir: &Path, inputs: &[InputFile]) -> Option<Diagnostic> {
    if dir.exists() && !dir.is_dir() {
        return Some(
            Diagnostic::file(dir, format!("cannot write previews: `{}` is not a folder", dir.display()))
                .with_hint("give a folder, e.g. -o preview/"),
        );
    }
    let target = dir.canonicalize().ok()?;
    let is_page = |name: &str| {
        name.strip_prefix("page-").and_then(|n| n.strip_suffix(".png")).is_some_and(|n| n.parse::<u32>().is_ok())
    };
    let input = inputs.iter().find(|f| {
        let name = f.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let folder = folder(&f.path).canonicalize().ok();
        is_page(&name) && folder.as_ref() == Some(&target)
    })?;
    Some(
        Diagnostic::file(dir, format!("the previews would overwrite the input file `{}`", input.path.display()))
            .with_hint("write the previews to a folder of their own"),
    )
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
        let d = problem(Path::new("/nonexistent-jianbao/x.pdf"), &[]).expect("no folder");
        assert!(d.message.contains("`/nonexistent-jianbao` does not exist"), "{}", d.message);
        let d = problem(&std::env::temp_dir(), &[]).expect("a folder");
        assert!(d.message.ends_with("is a folder"), "{}", d.message);
        assert!(problem(&std::env::temp_dir().join("jianbao-fresh-name.pdf"), &[]).is_none());
        if Path::new("/dev/null").exists() {
            let d = problem(Path::new("/dev/null"), &[]).expect("a device");
            assert!(d.message.contains("not a regular file"), "{}", d.message);
        }
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let inputs = [InputFile { kind: super::super::InputKind::Font, path: manifest.clone() }];
        let d = problem(&manifest, &inputs).expect("an input");
        assert!(d.message.contains("would overwrite the input file"), "{}", d.message);
    }
}
