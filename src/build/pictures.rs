//! Reading the pictures an issue's figures show, once, before setting: each file decoded
//! into the document's pictures, an unreadable one an error at the figure's path.

use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::document::{Block, Document};
use crate::picture::read_picture;

/// Reads every figure's picture into `doc.pictures`: from `embedded` (the pictures of Word
/// articles, by path) or else from its file.
pub fn read_pictures(doc: &mut Document, embedded: &[(std::path::PathBuf, Vec<u8>)]) -> Result<(), Diagnostic> {
    let figures: Vec<_> = doc
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f.clone()),
            _ => None,
        })
        .collect();
    for figure in figures {
        if doc.pictures.contains_key(&figure.path) {
            continue;
        }
        let name = figure.path.file_name().map_or_else(|| figure.written.to_string(), |n| n.to_string_lossy().into());
        if let Some((_, bytes)) = embedded.iter().find(|(path, _)| *path == figure.path) {
            let picture = crate::picture::decode(bytes, &name).map_err(|e| doc.diagnostic(&figure.written, 0, e.0))?;
            doc.pictures.insert(figure.path.clone(), Arc::new(picture));
            continue;
        }
        let picture = read_picture(&figure.path, &name).map_err(|e| {
            doc.diagnostic(&figure.written, 0, e.0).with_hint(
                "a figure names a JPEG or PNG file relative to the article file: ![CAPTION](images/photo.jpg)",
            )
        })?;
        doc.pictures.insert(figure.path.clone(), Arc::new(picture));
    }
    Ok(())
}

/// The pictures of the issue's Word articles, by the paths their figures name them by.
pub fn embedded(issue: &crate::manifest::Issue) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    issue.articles.iter().flat_map(|a| a.word.pictures.iter().cloned()).collect()
}
