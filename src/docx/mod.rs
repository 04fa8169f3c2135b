//! Word articles (`.docx`) read as article text (`jianbao import`, and `.docx` article files).
//!
//! [`read_docx`] is pure: package bytes in, [`Imported`] out — the text, the pictures to write
//! beside it and located warnings. [`import`] is the command's file handling around it.
//!
//! What is kept, and how:
//! - paragraphs, separated by blank lines; soft line breaks (`w:br`, `w:cr`) as line breaks
//!   inside the paragraph; ideographic spaces (U+3000) and `xml:space="preserve"` spaces as
//!   typed; a tab (`w:tab`) as one ideographic space, the full-width gap a Chinese typist means
//!   by it (an ASCII space would print as a thin Latin space, and the article format turns a
//!   tab into one anyway);
//! - bold from the run (`w:b`, `w:val="0"`/`"false"` off), its character style and the
//!   paragraph style, as `**…**` (`markup.rs` has the details: headings, literal `*`);
//!   `w:bCs` is ignored: it is the bold of complex-script (e.g. Arabic) text, not of Chinese;
//! - list numbers resolved to their text (一、, （一）, 1., （1）…) through `numbering.xml` and
//!   the paragraph styles, written before the paragraph with nothing after them (the number's
//!   own tab or space is not written: Chinese ordinals end in their own mark); bullets dropped;
//! - fields as their shown result, hyperlinks as their text, insertions kept, deletions,
//!   comments, footnotes and endnotes dropped, hidden text dropped (reported);
//! - pictures as figure paragraphs `![CAPTION](images/imageN.ext)`, the caption from the next
//!   paragraph when it has the Caption style or opens like one (图1 …, 图为 …), else the alt
//!   text; tables and text boxes as paragraphs, each with a warning.

mod captions;
mod emit;
mod error;
mod heading;
mod markup;
mod model;
mod numbering;
mod numfmt;
mod objects;
mod package;
mod pictures;
mod rels;
mod runs;
mod styles;
mod symbols;
mod text;
mod walk;
mod write;
mod xml;

#[cfg(test)]
mod tests;

use std::fmt;

pub use error::DocxError;
pub use package::{MAX_ENTRIES, MAX_FILE, MAX_UNPACKED, MAX_XML_PART};
pub use pictures::FOLDER;
pub use write::{Report, import, read_file, write_article};

use numbering::Numbering;
use package::Package;
use rels::Rels;
use styles::Styles;
use walk::Walker;

/// A Word document read as article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The article text (UTF-8, paragraphs separated by blank lines, ending in a line break
    /// unless empty).
    pub text: String,
    /// The pictures the text refers to, in order of first use.
    pub images: Vec<Picture>,
    /// What was not kept as it was, in document order.
    pub warnings: Vec<Warning>,
}

/// A picture of the document, to be written beside the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The path the text refers to it by, relative to the text: `images/image1.jpeg`. Made
    /// by jianbao from the picture's order and content, never from names in the package.
    pub name: String,
    /// The image file's bytes, as stored in the document.
    pub bytes: Vec<u8>,
}

/// Something in the document that the text does not keep as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where, in terms of the imported text: `paragraph 12 (line 23)`, `table 1 (paragraphs
    /// 8–13, line 15)`, `document`.
    pub location: String,
    /// What happened and what to do.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Reads a `.docx` package as article text, its pictures and warnings. No file is read or
/// written; memory use is bounded ([`MAX_UNPACKED`], [`MAX_XML_PART`], [`MAX_ENTRIES`]).
pub fn read_docx(bytes: &[u8]) -> Result<Imported, DocxError> {
    let mut package = Package::open(bytes)?;
    let main = main_part(&mut package)?;
    let Some(source) = read_xml(&mut package, &main)? else {
        return Err(DocxError::MissingPart { part: main });
    };
    let document = xml::parse(&source, &main)?;
    let root = document.root_element();
    if !xml::is_w(root, "document") {
        return Err(DocxError::NotWordDocument { part: main });
    }
    let rels_part = rels::rels_part(&main);
    let rels = match read_xml(&mut package, &rels_part)? {
        Some(text) => Rels::parse(&xml::parse(&text, &rels_part)?, &main),
        None => Rels::default(),
    };
    let part_of =
        |kind: &str, fallback: &str| rels.of_type(kind).map_or_else(|| fallback.to_string(), |r| r.target.clone());
    let styles_part = part_of("styles", "word/styles.xml");
    let styles = match read_xml(&mut package, &styles_part)? {
        Some(text) => Styles::parse(&xml::parse(&text, &styles_part)?),
        None => Styles::default(),
    };
    let numbering_part = part_of("numbering", "word/numbering.xml");
    let mut numbering = match read_xml(&mut package, &numbering_part)? {
        Some(text) => Numbering::parse(&xml::parse(&text, &numbering_part)?, &styles),
        None => Numbering::default(),
    };
    let mut walker = Walker::new(&styles, &mut numbering, &rels, &main);
    if let Some(body) = xml::w_child(root, "body") {
        walker.blocks(body, 0)?;
    }
    let mut notes = Vec::new();
    if walker.tracked {
        notes.push(
            "tracked changes: deletions are dropped and insertions kept, as if every change were accepted".into(),
        );
    }
    if !walker.fields.is_empty() {
        notes.push("a field is not closed (a damaged document?): text after it may be missing".into());
    }
    let mut items = walker.items;
    captions::attach(&mut items);
    let mut loaded = pictures::load(&mut package, &items)?;
    let (text, mut warnings) = emit::render(items, &mut loaded, notes);
    if text.is_empty() {
        warnings.push(Warning { location: "document".into(), message: "the document has no text to import".into() });
    }
    Ok(Imported { text, images: loaded.pictures, warnings })
}

/// The main document part: the package's `officeDocument` relationship, else the usual name.
fn main_part(package: &mut Package) -> Result<String, DocxError> {
    const PACKAGE_RELS: &str = "_rels/.rels";
    if let Some(text) = read_xml(package, PACKAGE_RELS)? {
        let rels = Rels::parse(&xml::parse(&text, PACKAGE_RELS)?, "");
        if let Some(rel) = rels.of_type("officeDocument").filter(|r| package.has(&r.target)) {
            return Ok(rel.target.clone());
        }
    }
    Ok("word/document.xml".to_string())
}

/// The text of an XML part, `None` when the package has no such part.
fn read_xml(package: &mut Package, part: &str) -> Result<Option<String>, DocxError> {
    match package.read(part, MAX_XML_PART)? {
        Some(bytes) => xml::decode(bytes, part).map(Some),
        None => Ok(None),
    }
}
