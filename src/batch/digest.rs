//! What an issue's PDF is made from, as one content hash (BLAKE3): the program, the build
//! options, and the content of every file in [`crate::build::inputs`] — the one list of the
//! files an issue is read from (manifest, series file, layout and its fonts, articles and the
//! editor's note, pictures).
//! Equal digests mean the build would give the same bytes, so it can be skipped.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use blake3::Hasher;

use crate::build::{BuildOptions, InputFile, InputKind, Prepared};
use crate::font::FaceData;
use crate::manifest::{Issue, TextOrigin};
use crate::page::Picture;

/// Bumped when what goes into the digest changes, so older stamps no longer match (and their
/// issues are built once more, as "inputs changed"). 3: the files from `build::inputs`, which
/// added the editor's note.
const SCHEME: &str = "jianbao batch stamp 3";

/// Feeds a labelled, length-prefixed field, so that no two sequences of fields hash alike.
fn field(hasher: &mut Hasher, label: &str, bytes: &[u8]) {
    hasher.update(label.as_bytes());
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// The program that builds: its version and the hash of its executable file (which holds
/// the code, the compiled-in fonts and the built-in layouts). Computed once per process.
pub(crate) fn program() -> &'static [u8; 32] {
    static PROGRAM: OnceLock<[u8; 32]> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let mut hasher = Hasher::new();
        field(&mut hasher, "version", env!("CARGO_PKG_VERSION").as_bytes());
        // Read through the page cache in blocks: the executable is not mapped into memory.
        let exe = std::env::current_exe().ok().and_then(|p| file_hash(&p));
        field(&mut hasher, "executable", exe.as_ref().map_or(&[][..], |h| &h[..]));
        *hasher.finalize().as_bytes()
    })
}

/// The hash of a file's content, read in blocks; `None` when it cannot be read.
fn file_hash(path: &Path) -> Option<[u8; 32]> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Hasher::new();
    let mut block = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut block) {
            Ok(0) => return Some(*hasher.finalize().as_bytes()),
            Ok(n) => {
                hasher.update(&block[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

/// The layout as named and its faces: a layout file's text and a font file's bytes are
/// hashed; built-in layouts and compiled-in fonts are part of the program's hash already.
pub(crate) fn layout(name: &str, prepared: &Prepared) -> [u8; 32] {
    let mut hasher = Hasher::new();
    // A layout file by its content, wherever the batch runs from; a built-in one by its name.
    match Path::new(name).is_file().then(|| file_hash(Path::new(name))).flatten() {
        Some(content) => field(&mut hasher, "layout file", &content),
        None => field(&mut hasher, "layout", name.as_bytes()),
    }
    for (_, face) in prepared.book.faces() {
        field(&mut hasher, "face", face.name.as_bytes());
        field(&mut hasher, "index", &face.index.to_le_bytes());
        match &face.data {
            FaceData::Static(bytes) => field(&mut hasher, "compiled-in", &(bytes.len() as u64).to_le_bytes()),
            FaceData::Owned(bytes) => field(&mut hasher, "font file", blake3::hash(bytes).as_bytes()),
        }
    }
    *hasher.finalize().as_bytes()
}

/// The fonts an issue that needs fallback faces may draw from: the layout chain's font files
/// and the system's font files (path, size and time of change), hashed once per process.
pub(crate) fn fallback_fonts(prepared: &Prepared) -> [u8; 32] {
    let mut hasher = Hasher::new();
    for name in &prepared.layout.fallback.fonts {
        let name = prepared.layout.font_location(name);
        field(&mut hasher, "chain", name.as_bytes());
        let path = name.rsplit_once('#').map_or(name.as_str(), |(p, _)| p);
        field(&mut hasher, "chain file", &file_hash(Path::new(path)).unwrap_or_default());
    }
    if prepared.layout.fallback.system {
        field(&mut hasher, "system", system_fonts());
    }
    *hasher.finalize().as_bytes()
}

/// A fingerprint of the system's font files, made once per process.
fn system_fonts() -> &'static [u8; 32] {
    static SYSTEM: OnceLock<[u8; 32]> = OnceLock::new();
    SYSTEM.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut files: Vec<(String, u32)> = db
            .faces()
            .filter_map(|f| match &f.source {
                fontdb::Source::File(path) => Some((path.display().to_string(), f.index)),
                _ => None,
            })
            .collect();
        files.sort();
        files.dedup();
        let mut hasher = Hasher::new();
        for (path, index) in files {
            field(&mut hasher, "file", path.as_bytes());
            field(&mut hasher, "index", &index.to_le_bytes());
            let meta = std::fs::metadata(&path).ok();
            let size = meta.as_ref().map_or(0, std::fs::Metadata::len);
            let changed = meta.and_then(|m| m.modified().ok()).map_or(0, super::stamp::nanos);
            field(&mut hasher, "size", &size.to_le_bytes());
            field(&mut hasher, "changed", &changed.to_le_bytes());
        }
        *hasher.finalize().as_bytes()
    })
}

/// Everything one issue's PDF depends on, in hex: the program and the options, `layout` from
/// [`layout`], `fallback` from [`fallback_fonts`] when the issue needs fallback faces, and
/// each of `files` (from [`crate::build::inputs`]) by its content as read: the manifest's,
/// the series file's and each article's text (a Word file's as converted, with the pictures
/// it holds), each picture as decoded. Paths are not hashed (but a picture's), so the digest
/// is the same wherever the batch runs from.
pub(crate) fn inputs(
    files: &[InputFile],
    issue: &Issue,
    options: &BuildOptions,
    layout: &[u8; 32],
    fallback: Option<&[u8; 32]>,
    pictures: &BTreeMap<PathBuf, Arc<Picture>>,
) -> String {
    let mut hasher = Hasher::new();
    field(&mut hasher, "scheme", SCHEME.as_bytes());
    field(&mut hasher, "program", program());
    let pdf = &options.pdf;
    let settings = format!(
        "{} bleed={} marks={} boxes={} epoch={:?}",
        pdf.standard.name(),
        pdf.bleed,
        pdf.marks,
        options.allow_missing_glyphs,
        options.created
    );
    field(&mut hasher, "options", settings.as_bytes());
    field(&mut hasher, "layout", layout);
    if let Some(fallback) = fallback {
        field(&mut hasher, "fallback", fallback);
    }
    for file in files {
        match file.kind {
            InputKind::Manifest => field(&mut hasher, "manifest", issue.manifest.text.as_bytes()),
            InputKind::Series => {
                let text = issue.series_file.as_ref().map_or("", |s| s.text.as_str());
                field(&mut hasher, "series", text.as_bytes());
            }
            // Their content is in `layout`, hashed once per layout rather than once per issue.
            InputKind::Layout | InputKind::Font => {}
            InputKind::Article => {
                match text_read(issue, &file.path) {
                    Some(text) => field(&mut hasher, "article", text.as_bytes()),
                    None => field(&mut hasher, "article file", &file_hash(&file.path).unwrap_or_default()),
                }
                let from_file =
                    |origin: &TextOrigin| matches!(origin, TextOrigin::File { path, .. } if *path == file.path);
                let held = issue.articles.iter().filter(|a| from_file(&a.origin)).flat_map(|a| &a.word.pictures);
                for (path, _) in held {
                    picture(&mut hasher, path, pictures);
                }
            }
            InputKind::Picture => picture(&mut hasher, &file.path, pictures),
        }
    }
    hasher.finalize().to_hex().to_string()
}

/// The text read from the article or editor's note file at `path`.
fn text_read<'a>(issue: &'a Issue, path: &Path) -> Option<&'a str> {
    let note = issue.editor_note.iter().map(|n| (&n.origin, &n.text));
    let articles = issue.articles.iter().map(|a| (&a.origin, &a.text));
    note.chain(articles).find_map(|(origin, text)| match origin {
        TextOrigin::File { path: read, .. } if read == path => Some(text.as_str()),
        _ => None,
    })
}

/// Feeds a picture by its path and, when a figure shows it, its decoded content (a picture
/// no figure shows is not printed).
fn picture(hasher: &mut Hasher, path: &Path, pictures: &BTreeMap<PathBuf, Arc<Picture>>) {
    if let Some(picture) = pictures.get(path) {
        field(hasher, "picture", path.as_os_str().as_encoded_bytes());
        field(hasher, "picture content", &picture.content_key());
    }
}
