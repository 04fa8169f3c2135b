//! The command's file handling: the `.docx` read from disk; the text printed, or written with
//! its pictures beside it — every file new (nothing is overwritten), each written to a
//! temporary file in its folder and then linked into place, all removed again if one fails.

use std::fs::{self, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Component, Path, PathBuf};

use super::{FOLDER, Imported, MAX_FILE, Warning, read_docx};
use crate::diagnostic::Diagnostic;
use crate::messages::Printer;

/// What `jianbao import` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The article text.
    pub text: String,
    /// The warnings, in document order.
    pub warnings: Vec<Warning>,
    /// The files written (pictures first, the text last); empty when the text was not written.
    pub written: Vec<PathBuf>,
}

impl Report {
    /// Prints the report as the command does: warnings to stderr (naming `article`), then the
    /// text to stdout, or a line naming what was written.
    pub fn print(&self, article: &Path, printer: &Printer) {
        for warning in &self.warnings {
            printer.message(&Diagnostic::file(article, warning.to_string()).as_warning());
        }
        match self.written.split_last() {
            None => print!("{}", self.text),
            Some((text, [])) => printer.result(&format!("wrote {}", text.display())),
            Some((text, pictures)) => printer.result(&format!(
                "wrote {} and {} picture(s) beside it in {FOLDER}/",
                text.display(),
                pictures.len()
            )),
        }
    }
}

/// Runs `jianbao import ARTICLE.docx [-o ARTICLE.md]`: reads the document; with `output`
/// writes the text there and the pictures beside it, else only returns the text.
pub fn import(article: &Path, output: Option<&Path>) -> Result<Report, Diagnostic> {
    let imported = read_file(article)?;
    let mut warnings = imported.warnings.clone();
    let written = match output {
        Some(path) => write_article(path, &imported)?,
        None => {
            if let Some(first) = imported.images.first() {
                warnings.push(Warning {
                    location: "document".into(),
                    message: format!(
                        "{} picture(s) are not written: the text refers to them as `{}` …; give -o ARTICLE.md to \
                         write the text and its pictures beside it",
                        imported.images.len(),
                        first.name
                    ),
                });
            }
            Vec::new()
        }
    };
    Ok(Report { text: imported.text, warnings, written })
}

/// Reads a `.docx` file.
pub fn read_file(path: &Path) -> Result<Imported, Diagnostic> {
    let unreadable = |e: io::Error| {
        let hint = match e.kind() {
            ErrorKind::NotFound => "check the path",
            ErrorKind::PermissionDenied => "the file is not readable by you",
            _ => "check that it is a file",
        };
        Diagnostic::file(path, format!("cannot read the Word document: {e}")).with_hint(hint)
    };
    let meta = fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(
            Diagnostic::file(path, "cannot read the Word document: it is a folder").with_hint("give a .docx file")
        );
    }
    if meta.len() > MAX_FILE {
        let e = super::DocxError::TooLarge { part: "the file".into(), limit: MAX_FILE };
        return Err(e.to_diagnostic(path));
    }
    let bytes = fs::read(path).map_err(unreadable)?;
    read_docx(&bytes).map_err(|e| e.to_diagnostic(path))
}

/// Writes the article text to `text_path` and its pictures beside it (`images/…` relative to
/// it). Refuses, writing nothing, when any of those files exists already or a picture's name
/// is not a plain relative path; on a failed write removes what it wrote. Returns the files
/// written, pictures first.
pub fn write_article(text_path: &Path, imported: &Imported) -> Result<Vec<PathBuf>, Diagnostic> {
    let folder = match text_path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        let why = if folder.exists() { "is not a folder" } else { "does not exist" };
        return Err(Diagnostic::file(
            text_path,
            format!("cannot write the article text: the folder `{}` {why}", folder.display()),
        )
        .with_hint("create the folder first, or give another path with -o"));
    }
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    for picture in &imported.images {
        let name = Path::new(&picture.name);
        if !name.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Diagnostic::file(text_path, format!("refusing to write a picture named `{}`", picture.name)));
        }
        files.push((folder.join(name), &picture.bytes));
    }
    files.push((text_path.to_path_buf(), imported.text.as_bytes()));
    if let Some((path, _)) = files.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
        return Err(exists(path));
    }
    let images = folder.join(FOLDER);
    let made_folder = !imported.images.is_empty() && !images.exists();
    if made_folder && let Err(e) = fs::create_dir_all(&images) {
        return Err(write_error(&images, &e));
    }
    let mut written = Vec::new();
    for (path, bytes) in &files {
        if let Err(e) = write_new(path, bytes) {
            for done in written.iter().rev() {
                let _ = fs::remove_file(done);
            }
            if made_folder {
                let _ = fs::remove_dir(&images);
            }
            return Err(if e.kind() == ErrorKind::AlreadyExists { exists(path) } else { write_error(path, &e) });
        }
        written.push(path.clone());
    }
    Ok(written)
}

/// The error for an output file that exists.
fn exists(path: &Path) -> Diagnostic {
    Diagnostic::file(path, format!("`{}` exists already: import never overwrites a file", path.display()))
        .with_hint("give another name with -o, or move the existing file (and images/) away first")
}

/// The error for a failed write.
fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::file(path, format!("cannot write `{}`: {e}", path.display()))
        .with_hint("check the folder's permissions and the free space; nothing was left behind")
}

/// Writes a new file atomically: a temporary file in the same folder, then a hard link to
/// the name (which fails if the name exists, so nothing is overwritten even in a race; where
/// links are not supported, a rename after checking). The temporary file never stays.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        match fs::hard_link(&temp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
            Err(_) if path.symlink_metadata().is_ok() => Err(ErrorKind::AlreadyExists.into()),
            Err(_) => fs::rename(&temp, path),
        }
    })();
    let _ = fs::remove_file(&temp);
    result
}
