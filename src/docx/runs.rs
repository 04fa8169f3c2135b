//! Paragraph content: runs and their text, breaks, tabs and symbols; fields (result kept,
//! instructions dropped); tracked changes (insertions kept, deletions dropped); notes dropped.

use roxmltree::Node;

use super::error::DocxError;
use super::model::Seg;
use super::symbols;
use super::walk::{Building, Walker};
use super::xml::{is_local, is_w, toggle, w_attr, w_child, w_child_val};

/// The XML namespace (`xml:space`).
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// What a tab becomes: an ideographic space, the gap a Chinese typist means by it.
pub(super) const TAB: &str = "\u{3000}";

impl Walker<'_> {
    /// Reads the inline content of a paragraph (or of a wrapper inside one).
    pub fn inline(&mut self, parent: Node, b: &mut Building, depth: usize) -> Result<(), DocxError> {
        let depth = self.deeper(depth)?;
        for child in parent.children().filter(Node::is_element) {
            let name = child.tag_name().name();
            if is_w(child, "r") {
                self.run(child, b, depth)?;
            } else if is_w(child, name)
                && matches!(
                    name,
                    "hyperlink" | "smartTag" | "customXml" | "ins" | "moveTo" | "bdo" | "dir" | "fldSimple"
                )
            {
                self.inline(child, b, depth)?;
            } else if is_w(child, "sdt") {
                if let Some(content) = w_child(child, "sdtContent") {
                    self.inline(content, b, depth)?;
                }
            } else if is_w(child, "del") || is_w(child, "moveFrom") {
                self.tracked = true;
            } else if is_local(child, "AlternateContent") {
                if let Some(branch) = super::objects::choose(child) {
                    self.inline(branch, b, depth)?;
                }
            } else if is_local(child, "oMathPara") || is_local(child, "oMath") {
                self.math(child, b);
            }
        }
        Ok(())
    }

    /// Reads a run: its weight from the styles and its own properties, then its content.
    fn run(&mut self, run: Node, b: &mut Building, depth: usize) -> Result<(), DocxError> {
        let props = w_child(run, "rPr");
        let character_style = props.and_then(|p| w_child_val(p, "rStyle"));
        let bold = self.styles.bold(b.style.as_deref(), character_style, toggle(props, "b"));
        let hidden = toggle(props, "vanish") == Some(true);
        self.run_content(run, bold, hidden, b, depth)
    }

    /// Reads what a run holds.
    fn run_content(
        &mut self,
        run: Node,
        bold: bool,
        hidden: bool,
        b: &mut Building,
        depth: usize,
    ) -> Result<(), DocxError> {
        let depth = self.deeper(depth)?;
        for child in run.children().filter(Node::is_element) {
            if is_w(child, "fldChar") {
                self.field_char(child);
                continue;
            }
            if is_local(child, "AlternateContent") {
                if let Some(branch) = super::objects::choose(child) {
                    self.run_content(branch, bold, hidden, b, depth)?;
                }
                continue;
            }
            if is_w(child, "footnoteReference") || is_w(child, "endnoteReference") {
                let kind = if is_w(child, "footnoteReference") { "footnote" } else { "endnote" };
                b.para.notes.push(format!("a {kind} is dropped (its mark and its text): notes are not printed"));
                continue;
            }
            if !self.showing() {
                continue;
            }
            let shows_text = matches!(child.tag_name().name(), "t" | "tab" | "ptab" | "sym" | "noBreakHyphen");
            if hidden && is_w(child, child.tag_name().name()) && shows_text {
                b.hidden |= child.text().is_none_or(|t| !t.is_empty());
                continue;
            }
            match child.tag_name().name() {
                _ if !is_w(child, child.tag_name().name()) => {}
                "t" => {
                    let preserve = child.attribute((XML_NS, "space")) == Some("preserve");
                    self.text(child.text().unwrap_or_default(), preserve, bold, b);
                }
                "tab" | "ptab" => b.push_text(TAB, bold),
                "br" | "cr" if !hidden => b.para.segs.push(Seg::Break),
                "noBreakHyphen" => b.push_text("\u{2011}", bold),
                "sym" => match symbols::symbol(w_attr(child, "font"), w_attr(child, "char")) {
                    Some(c) => b.push_text(c.encode_utf8(&mut [0; 4]), bold),
                    None => b.para.notes.push(format!(
                        "a symbol ({} {}) has no Unicode character and is dropped",
                        w_attr(child, "font").unwrap_or("?"),
                        w_attr(child, "char").unwrap_or("?")
                    )),
                },
                "drawing" if !hidden => self.drawing(child, b, depth)?,
                "pict" | "object" if !hidden => self.vml(child, b, depth)?,
                "ruby" => {
                    if let Some(base) = w_child(child, "rubyBase") {
                        for r in base.children().filter(|n| is_w(*n, "r")) {
                            self.run(r, b, depth)?;
                        }
                    }
                    b.para
                        .notes
                        .push("a ruby annotation (e.g. pinyin over characters) is dropped, its base text kept".into());
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Follows a complex field: text between `begin` and `separate` is its instruction (dropped),
    /// between `separate` and `end` its result (kept).
    fn field_char(&mut self, node: Node) {
        match w_attr(node, "fldCharType") {
            Some("begin") => self.fields.push(false),
            Some("separate") => {
                if let Some(top) = self.fields.last_mut() {
                    *top = true;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// Adds the text of a `w:t`: without `xml:space="preserve"` its XML whitespace at the ends
    /// is not text; a tab inside is a tab, a line feed a space; other control characters
    /// (which the article text may not hold) are dropped with a warning.
    fn text(&mut self, raw: &str, preserve: bool, bold: bool, b: &mut Building) {
        let xml_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
        let raw = if preserve { raw } else { raw.trim_matches(xml_space) };
        let mut kept = String::with_capacity(raw.len());
        let mut dropped = 0;
        for c in raw.chars() {
            match c {
                '\t' => kept.push_str(TAB),
                '\n' | '\r' => kept.push(' '),
                '\u{2028}' | '\u{2029}' | '\u{B}' => {
                    b.push_text(&std::mem::take(&mut kept), bold);
                    b.para.segs.push(Seg::Break);
                }
                c if c.is_control() => dropped += 1,
                c => kept.push(c),
            }
        }
        b.push_text(&kept, bold);
        if dropped > 0 {
            b.para.notes.push(format!("{dropped} control character(s) dropped: they print nothing"));
        }
    }

    /// An equation: its text kept as plain text, with a warning.
    fn math(&mut self, math: Node, b: &mut Building) {
        let text: String = math.descendants().filter(|n| is_local(*n, "t")).filter_map(|n| n.text()).collect();
        if !text.is_empty() {
            b.push_text(&text, false);
            b.para.notes.push(format!("an equation is kept as plain text: {text}"));
        }
    }
}
