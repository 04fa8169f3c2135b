//! What the fuzz targets share: a small valid document, made once through the manifest and
//! the document stages (so it follows the document model as it changes), with its body
//! replaced by the fuzzed text.

use std::sync::OnceLock;

use jianbao::document::{Block, Document, FileId, Origin, paragraphs};

/// The seed issue's document, read once from an inline manifest.
fn base() -> Option<&'static Document> {
    static BASE: OnceLock<Option<Document>> = OnceLock::new();
    BASE.get_or_init(|| {
        let manifest = "[series]\ntitle = \"联络动态\"\npublisher = \"编\"\n\n[issue]\nnumber = 4\ndate = 2021-04-03\n\n\
                        [[article]]\ntitle = \"标题\"\nsource = \"供稿单位\"\nbody = \"正文。\"\n\n\
                        [distribution]\nrecipients = [\"各市州人大常委会\"]\n\n[colophon]\neditors = [\"石韧\"]\n";
        let path = std::env::temp_dir().join("jianbao-fuzz-base.toml");
        let issue = jianbao::manifest::parse_str(manifest, &path).ok()?;
        jianbao::document::from_issue(&issue).ok().map(|(document, _)| document)
    })
    .as_ref()
}

/// A document of one article whose body is `text`.
pub fn document(text: &str) -> Option<Document> {
    let mut document = base()?.clone();
    let origin = Origin::file(FileId(0), text.len());
    let blocks = paragraphs(text, &origin).into_iter().map(Block::Paragraph).collect();
    document.articles.first_mut()?.blocks = blocks;
    Some(document)
}
