//! The one list of the files an issue is read from: the manifest, the series file, a layout
//! file, the layout's font files, the article files. The overwrite guard refuses an output
//! that is one of them; batch rebuilds an issue when one of them changed.

use std::path::{Path, PathBuf};

use crate::document::{Block, Document};
use crate::layout::Layout;
use crate::manifest::{Issue, TextOrigin};

/// What an input file is to the issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputKind {
    /// The issue manifest.
    Manifest,
    /// The series file merged into it.
    Series,
    /// A layout file (built-in layouts have none).
    Layout,
    /// A font file the layout names (bundled faces have none).
    Font,
    /// An article's text (or the editor's note's).
    Article,
    /// A picture a figure shows.
    Picture,
}

/// One file an issue is read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// What it is.
    pub kind: InputKind,
    /// Its path as the issue names it (resolved against the folder of the file naming it).
    pub path: PathBuf,
}

/// Every file the issue is read from, manifest first; the document gives the layout's name
/// (a built-in name or a path) and the figures' pictures.
pub fn inputs(issue: &Issue, layout: &Layout, document: &Document) -> Vec<InputFile> {
    let layout_name = document.layout.as_str();
    let mut out = vec![InputFile { kind: InputKind::Manifest, path: issue.manifest.path.clone() }];
    let mut add = |kind, path: PathBuf| {
        if !out.iter().any(|f: &InputFile| f.kind == kind && f.path == path) {
            out.push(InputFile { kind, path });
        }
    };
    if let Some(series) = &issue.series_file {
        add(InputKind::Series, series.path.clone());
    }
    if layout.dir.is_some() {
        add(InputKind::Layout, Path::new(layout_name).to_path_buf());
    }
    for font in layout.font_files() {
        add(InputKind::Font, font);
    }
    if let Some(TextOrigin::File { path, .. }) = issue.editor_note.as_ref().map(|n| &n.origin) {
        add(InputKind::Article, path.clone());
    }
    for article in &issue.articles {
        if let TextOrigin::File { path, .. } = &article.origin {
            add(InputKind::Article, path.clone());
        }
    }
    for block in document.articles.iter().flat_map(|a| &a.blocks) {
        let embedded = |path: &PathBuf| issue.articles.iter().any(|a| a.word.pictures.iter().any(|(p, _)| p == path));
        if let Block::Figure(figure) = block
            && !embedded(&figure.path)
        {
            add(InputKind::Picture, figure.path.clone());
        }
    }
    out
}
