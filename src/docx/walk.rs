//! The walk over the document body in reading order: paragraphs (with their list numbers),
//! tables cell by cell, content controls and other wrappers looked through.

use roxmltree::Node;

use super::error::DocxError;
use super::model::{Item, Para, Seg};
use super::numbering::Numbering;
use super::rels::Rels;
use super::styles::{NumRef, Styles};
use super::xml::{is_local, is_w, toggle, w_child, w_child_val};

/// How deep elements may nest before the walk gives up (a real document nests a few dozen).
const MAX_DEPTH: usize = 200;

/// The walk's state.
pub(super) struct Walker<'s> {
    /// The document's styles.
    pub styles: &'s Styles,
    /// Its numbering, counting as the walk goes.
    pub numbering: &'s mut Numbering,
    /// The main part's relationships (pictures).
    pub rels: &'s Rels,
    /// The main part's name, for errors.
    pub part: &'s str,
    /// What has been read so far.
    pub items: Vec<Item>,
    /// Open complex fields, innermost last: `true` once past `separate` (showing the result).
    pub fields: Vec<bool>,
    /// Tables seen.
    pub tables: usize,
    /// Text boxes seen.
    pub boxes: usize,
    /// Whether tracked deletions were dropped.
    pub tracked: bool,
    /// Whether a bulleted paragraph was seen.
    pub bullets: bool,
}

/// The paragraph being read.
#[derive(Default)]
pub(super) struct Building {
    /// The paragraph so far.
    pub para: Para,
    /// Its style id.
    pub style: Option<String>,
    /// Items to follow it (text boxes anchored in it).
    pub after: Vec<Item>,
    /// Whether hidden text was dropped from it.
    pub hidden: bool,
}

impl Building {
    /// Appends text in one weight, joining it to the last segment when that has the same.
    pub fn push_text(&mut self, text: &str, bold: bool) {
        if text.is_empty() {
            return;
        }
        match self.para.segs.last_mut() {
            Some(Seg::Text { text: last, bold: b }) if *b == bold => last.push_str(text),
            _ => self.para.segs.push(Seg::Text { text: text.to_string(), bold }),
        }
    }
}

impl<'s> Walker<'s> {
    /// A walk over a document with these definitions.
    pub fn new(styles: &'s Styles, numbering: &'s mut Numbering, rels: &'s Rels, part: &'s str) -> Self {
        Walker {
            styles,
            numbering,
            rels,
            part,
            items: Vec::new(),
            fields: Vec::new(),
            tables: 0,
            boxes: 0,
            tracked: false,
            bullets: false,
        }
    }

    /// The error for nesting past [`MAX_DEPTH`].
    pub fn deeper(&self, depth: usize) -> Result<usize, DocxError> {
        if depth >= MAX_DEPTH { Err(DocxError::TooDeep { part: self.part.to_string() }) } else { Ok(depth + 1) }
    }

    /// Whether text read now is shown: outside fields, or in the result of every open field.
    pub fn showing(&self) -> bool {
        self.fields.iter().all(|&result| result)
    }

    /// Reads block-level content (the body, a table cell, a text box).
    pub fn blocks(&mut self, parent: Node, depth: usize) -> Result<(), DocxError> {
        let depth = self.deeper(depth)?;
        for child in parent.children().filter(Node::is_element) {
            if is_w(child, "p") {
                self.paragraph(child, depth)?;
            } else if is_w(child, "tbl") {
                self.table(child, depth)?;
            } else if is_w(child, "sdt") {
                if let Some(content) = w_child(child, "sdtContent") {
                    self.blocks(content, depth)?;
                }
            } else if is_w(child, "customXml") || is_w(child, "ins") || is_w(child, "moveTo") {
                self.blocks(child, depth)?;
            } else if is_w(child, "del") || is_w(child, "moveFrom") {
                self.tracked = true;
            } else if is_local(child, "AlternateContent") {
                if let Some(branch) = super::objects::choose(child) {
                    self.blocks(branch, depth)?;
                }
            } else if is_w(child, "altChunk") {
                self.items.push(Item::Note("an embedded document (altChunk) is not imported".into()));
            }
        }
        Ok(())
    }

    /// Reads a paragraph: its list number, then its content.
    fn paragraph(&mut self, p: Node, depth: usize) -> Result<(), DocxError> {
        let props = w_child(p, "pPr");
        let style = props.and_then(|pr| w_child_val(pr, "pStyle"));
        let mut b = Building { style: style.map(str::to_string), ..Building::default() };
        b.para.caption_style = self.styles.is_caption(style);
        if let Some(label) = self.label(props, style) {
            if label.bullet {
                if !self.bullets {
                    b.para.notes.push("a bulleted list: the bullets are not imported, the paragraphs are".into());
                }
                self.bullets = true;
            } else if !label.text.is_empty() {
                let mark = toggle(props.and_then(|pr| w_child(pr, "rPr")), "b");
                let bold = label.bold.unwrap_or_else(|| self.styles.bold(style, None, mark));
                b.para.segs.push(Seg::Label { text: label.text, bold });
            }
        }
        self.inline(p, &mut b, depth)?;
        if b.hidden {
            b.para.notes.push("hidden text (not shown by Word) is not imported".into());
        }
        self.items.push(Item::Para(b.para));
        self.items.append(&mut b.after);
        Ok(())
    }

    /// The list number of a paragraph: its own `w:numPr`, else its style's.
    fn label(&mut self, props: Option<Node>, style: Option<&str>) -> Option<super::numbering::Label> {
        let own = props.and_then(|pr| w_child(pr, "numPr")).map(NumRef::read).unwrap_or_default();
        let inherited = self.styles.numbering(style);
        let num_id = own.num_id.or(inherited.num_id)?;
        if num_id.trim() == "0" {
            return None;
        }
        let level = own
            .level
            .or(inherited.level)
            .or_else(|| style.and_then(|s| self.numbering.level_for_style(&num_id, s)))
            .unwrap_or(0);
        self.numbering.next(&num_id, level)
    }

    /// Reads a table: a marker, every cell's content row by row, an end marker.
    fn table(&mut self, table: Node, depth: usize) -> Result<(), DocxError> {
        self.tables += 1;
        let number = self.tables;
        let rows = wrapped(table, "tr", depth);
        let grid = w_child(table, "tblGrid").map_or(0, |g| g.children().filter(|c| is_w(*c, "gridCol")).count());
        let widest = rows.iter().map(|r| wrapped(*r, "tc", depth).len()).max().unwrap_or(0);
        self.items.push(Item::TableStart { number, rows: rows.len(), columns: grid.max(widest) });
        for row in rows {
            for cell in wrapped(row, "tc", depth) {
                self.blocks(cell, depth)?;
            }
        }
        self.items.push(Item::TableEnd(number));
        Ok(())
    }
}

/// The children `w:name` of `parent`, looking through content controls and custom XML.
fn wrapped<'a, 'i>(parent: Node<'a, 'i>, name: &str, depth: usize) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for child in parent.children().filter(Node::is_element) {
        if is_w(child, name) {
            out.push(child);
        } else if depth < MAX_DEPTH && (is_w(child, "sdt") || is_w(child, "customXml")) {
            let inner = if is_w(child, "sdt") { w_child(child, "sdtContent") } else { Some(child) };
            if let Some(inner) = inner {
                out.extend(wrapped(inner, name, depth + 1));
            }
        }
    }
    out
}
