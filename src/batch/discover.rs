//! Finding the issues to build and naming their PDFs.
//!
//! Each argument is a folder, a series file (its folder is searched) or one manifest. In a
//! folder, every `*.toml` other than `series.toml` with an `[issue]` table is an issue;
//! hidden entries, symbolic links to folders and the output folder are passed over. The PDF
//! mirrors the manifest's path below the folder searched — or below the series file's folder
//! when that is higher up, so the names do not depend on which part of an archive is built:
//! `2021/04/issue.toml` → `2021/04.pdf` (a manifest named `issue.toml` is named after its
//! folder), `2021/extra.toml` → `2021/extra.pdf`.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// One issue to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The manifest, as found.
    pub manifest: PathBuf,
    /// The PDF's path relative to the output folder, `/`-separated, e.g. `2021/04.pdf`.
    pub output: String,
}

/// What was found: the jobs in order, and the arguments or folders that could not be used.
#[derive(Debug, Default)]
pub struct Found {
    /// The issues, sorted by output name, each manifest once.
    pub jobs: Vec<Job>,
    /// Problems, one message each (an argument that does not exist, two issues with one name).
    pub errors: Vec<String>,
}

/// Finds the issues under `inputs`, passing over `outdir`.
pub fn find(inputs: &[PathBuf], outdir: &Path) -> Found {
    let skip = outdir.canonicalize().ok();
    let mut found = Found::default();
    let mut by_output: BTreeMap<String, Job> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for input in inputs {
        let (root, manifests) = if input.is_dir() {
            let mut manifests = Vec::new();
            walk(input, skip.as_deref(), &mut manifests, &mut found.errors);
            (input.clone(), manifests)
        } else if input.is_file() && input.file_name().is_some_and(|n| n == "series.toml") {
            let root = parent(input);
            let mut manifests = Vec::new();
            walk(&root, skip.as_deref(), &mut manifests, &mut found.errors);
            (root, manifests)
        } else if input.is_file() {
            let named_issue = input.file_name().is_some_and(|n| n == "issue.toml");
            let root = if named_issue { parent(&parent(input)) } else { parent(input) };
            (root, vec![input.clone()])
        } else {
            found.errors.push(format!("{}: no such file or folder", input.display()));
            continue;
        };
        if manifests.is_empty() {
            found.errors.push(format!("{}: no issue manifest found (a *.toml with an [issue] table)", input.display()));
        }
        for manifest in manifests {
            let identity = manifest.canonicalize().unwrap_or_else(|_| manifest.clone());
            if !seen.insert(identity.clone()) {
                continue;
            }
            let output = output_name(&base(&root, &identity), &identity);
            if let Some(first) = by_output.get(&output) {
                found.errors.push(format!(
                    "{}: its PDF would be {output}, the name {} already takes; not built",
                    manifest.display(),
                    first.manifest.display()
                ));
                continue;
            }
            by_output.insert(output.clone(), Job { manifest, output });
        }
    }
    found.jobs = by_output.into_values().collect();
    found
}

/// The input that is the output folder itself, if any: searching it would pass it over
/// and find nothing.
pub fn searched_output<'a>(inputs: &'a [PathBuf], outdir: &Path) -> Option<&'a PathBuf> {
    let outdir = outdir.canonicalize().ok()?;
    inputs.iter().find(|input| input.is_dir() && input.canonicalize().ok().as_ref() == Some(&outdir))
}

/// The folder a file is in (`.` for a bare name).
fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The folder output names are taken relative to: the folder searched, or the series file's
/// folder when that lies above it, so that `issues/2021` names its PDFs `2021/MM.pdf` just as
/// `issues` does. `manifest` is canonical.
fn base(root: &Path, manifest: &Path) -> PathBuf {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let series = manifest.ancestors().skip(1).find(|d| {
        let file = d.join("series.toml");
        file.is_file() && file != manifest
    });
    match series {
        Some(folder) if root.starts_with(folder) => folder.to_path_buf(),
        _ => root,
    }
}

/// Collects the manifests under `dir`, in name order.
fn walk(dir: &Path, skip: Option<&Path>, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    if skip.is_some() && dir.canonicalize().ok().as_deref() == skip {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(format!("{}: cannot read the folder: {e}", dir.display()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, skip, out, errors),
            Ok(_) if name.ends_with(".toml") && name != "series.toml" && is_manifest(&path) => out.push(path),
            _ => {}
        }
    }
}

/// Whether a TOML file is an issue manifest: it has an `[issue]` table header.
fn is_manifest(path: &Path) -> bool {
    let meta = std::fs::metadata(path);
    if !meta.is_ok_and(|m| m.is_file() && m.len() <= crate::limits::MAX_FILE_BYTES) {
        return false;
    }
    std::fs::read(path).is_ok_and(|bytes| {
        String::from_utf8_lossy(&bytes).lines().any(|l| l.trim().trim_start_matches('\u{feff}').starts_with("[issue]"))
    })
}

/// The PDF's name for `manifest` found under `root`, `/`-separated.
pub fn output_name(root: &Path, manifest: &Path) -> String {
    let relative = manifest.strip_prefix(root).unwrap_or(manifest);
    let mut parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let stem = parts.pop().map(|f| f.strip_suffix(".toml").map(str::to_string).unwrap_or(f)).unwrap_or_default();
    if stem != "issue" {
        parts.push(stem);
    } else if parts.is_empty() {
        let folder = root.canonicalize().ok().and_then(|r| r.file_name().map(|n| n.to_string_lossy().into_owned()));
        parts.push(folder.unwrap_or_else(|| "issue".into()));
    }
    format!("{}.pdf", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_mirror_the_issue_path() {
        let root = Path::new("issues");
        assert_eq!(output_name(root, Path::new("issues/2021/04/issue.toml")), "2021/04.pdf");
        assert_eq!(output_name(root, Path::new("issues/2021/extra.toml")), "2021/extra.pdf");
        assert_eq!(
            output_name(Path::new("examples"), Path::new("examples/lianluo-2021-04/issue.toml")),
            "lianluo-2021-04.pdf"
        );
    }

    #[test]
    fn the_repository_archive_is_found() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let found = find(&[dir.join("issues")], &dir.join("target/no-such-out"));
        assert!(found.errors.is_empty(), "{:?}", found.errors);
        // However many issues the archive holds, 2021/04 is one of them.
        assert!(found.jobs.iter().any(|j| j.output == "2021/04.pdf"));
        let found = find(&[dir.join("issues/series.toml"), dir.join("issues/2021/04/issue.toml")], dir);
        assert_eq!(found.jobs.len(), 1, "the same manifest twice is built once");
        let found = find(&[dir.join("issues/2021"), dir.join("examples/lianluo-2021-04/issue.toml")], dir);
        let names: Vec<&str> = found.jobs.iter().map(|j| j.output.as_str()).collect();
        assert!(names.contains(&"2021/04.pdf"), "named below the series file's folder: {names:?}");
        assert_eq!(names.last(), Some(&"lianluo-2021-04.pdf"));
        let found = find(&[dir.join("no-such-folder")], dir);
        assert!(found.jobs.is_empty() && found.errors.len() == 1);
    }
}
