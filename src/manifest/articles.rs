//! Articles: exactly one of `file`/`body`, and the text read and checked.

use std::path::Path;

use toml::Spanned;

use super::issue::{Article, SourceFile, TextOrigin, Word};
use super::model::{RawArticle, Text};
use crate::diagnostic::{Diagnostic, Result};
use crate::limits::{self, ReadError};

/// Validates one `[[article]]` (the `index`-th, from 1) and reads its text.
pub(crate) fn article(manifest: &SourceFile, raw: &Spanned<RawArticle>, index: usize) -> Result<Article> {
    let at =
        |span: std::ops::Range<usize>, message: String| Diagnostic::at(&manifest.path, &manifest.text, span, message);
    let RawArticle { title, source, file, body, note, headings } = raw.get_ref();
    if title.get_ref().trim().is_empty() {
        return Err(at(title.span(), format!("article {index} has an empty `title`")));
    }
    let (origin, text, word) = match file.as_ref().filter(|f| is_docx(f.get_ref())) {
        Some(file) if body.is_none() => read_docx(manifest, file)?,
        _ => {
            let (origin, text) =
                text_of(manifest, raw.span(), file.as_ref(), body.as_ref(), &format!("article {index}"))?;
            (origin, text, Word::default())
        }
    };
    if let Some(note) = note.as_ref().filter(|n| n.get_ref().trim().is_empty()) {
        return Err(at(note.span(), format!("article {index} has an empty `note`"))
            .with_hint("write the editor's note, or leave the key out"));
    }
    Ok(Article {
        title: title.clone(),
        source: source.clone(),
        origin,
        text,
        note: note.clone(),
        headings: headings.unwrap_or(true),
        word,
    })
}

/// Whether an article file is a Word document (named `*.docx`).
fn is_docx(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// Reads a `.docx` article file as `import` does. Its pictures stay in memory, named
/// `NAME.docx/images/imageN.ext` beside it (a path no file can have, so never one on disk).
fn read_docx(manifest: &SourceFile, file: &Text) -> Result<(TextOrigin, String, Word)> {
    let dir = manifest.path.parent().unwrap_or(Path::new(""));
    let path = dir.join(file.get_ref());
    let at = |d: Diagnostic| {
        let message = format!("article file `{}`: {}", file.get_ref(), d.message);
        let located = Diagnostic::at(&manifest.path, &manifest.text, file.span(), message);
        match d.hint {
            Some(hint) => located.with_hint(hint),
            None => located,
        }
    };
    let imported = crate::docx::read_file(&path).map_err(at)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut text = imported.text;
    let mut pictures = Vec::new();
    for picture in imported.images {
        text = text.replace(&format!("]({})", picture.name), &format!("]({name}/{})", picture.name));
        let at = path.parent().unwrap_or(Path::new("")).join(&name).join(&picture.name);
        pictures.push((at, picture.bytes));
    }
    if text.trim().is_empty() {
        return Err(at(Diagnostic::file(&path, "the Word document has no text")));
    }
    let warnings = imported.warnings.iter().map(ToString::to_string).collect();
    Ok((TextOrigin::File { path, span: file.span() }, text, Word { pictures, warnings }))
}

/// The text of a table with exactly one of `file` and `body` (an article, the editor's note):
/// where it came from and what it says. `what` names the table in messages.
pub(crate) fn text_of(
    manifest: &SourceFile,
    table: std::ops::Range<usize>,
    file: Option<&Text>,
    body: Option<&Text>,
    what: &str,
) -> Result<(TextOrigin, String)> {
    let at =
        |span: std::ops::Range<usize>, message: String| Diagnostic::at(&manifest.path, &manifest.text, span, message);
    match (file, body) {
        (Some(file), None) => read_file(manifest, file),
        (None, Some(body)) if body.get_ref().trim().is_empty() => {
            Err(at(body.span(), format!("{what} has an empty `body`")))
        }
        (None, Some(body)) => Ok((TextOrigin::Body(body.span()), body.get_ref().clone())),
        (Some(_), Some(_)) => Err(at(table, format!("{what} has both `file` and `body`"))
            .with_hint("keep exactly one: `file` for a path, `body` for inline text")),
        (None, None) => Err(at(table, format!("{what} has neither `file` nor `body`"))
            .with_hint("add `file = \"articles/NAME.md\"` (relative to the manifest) or `body = \"…\"`")),
    }
}

/// Reads an article file named relative to the manifest: it must exist, be UTF-8 and hold text.
fn read_file(manifest: &SourceFile, file: &Text) -> Result<(TextOrigin, String)> {
    let at = |message: String| Diagnostic::at(&manifest.path, &manifest.text, file.span(), message);
    let name = file.get_ref();
    let dir = manifest.path.parent().unwrap_or(Path::new(""));
    let path = dir.join(name);
    if name.trim().is_empty() {
        return Err(at("the article's `file` is empty".to_string())
            .with_hint("give a path relative to the manifest, e.g. `file = \"articles/01.md\"`"));
    }
    let bytes = limits::read_limited(&path).map_err(|e| match e {
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => at(format!("article file `{name}` not found"))
            .with_hint(format!("looked for `{}`; paths are relative to the manifest's folder", path.display())),
        ReadError::Io(e) => at(format!("cannot read article file `{name}`: {e}")),
        ReadError::NotAFile => at(format!("article file `{name}` is not a regular file"))
            .with_hint("name a text file; folders, devices and pipes cannot be read as articles"),
        ReadError::TooLarge(size) => at(format!(
            "article file `{name}` is {} long, over the limit of {} per article",
            limits::describe(size),
            limits::describe(limits::MAX_FILE_BYTES)
        ))
        .with_hint("split it into several articles; a bulletin article is rarely more than 20 KB"),
    })?;
    let text = super::read::decode(&path, bytes).map_err(|d| {
        let message =
            format!("article file `{name}` {}", d.message.split_once("` ").map_or("is not UTF-8", |(_, m)| m));
        Diagnostic { message, ..d }
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(at(format!("article file `{name}` is empty")));
    }
    Ok((TextOrigin::File { path, span: file.span() }, text))
}
