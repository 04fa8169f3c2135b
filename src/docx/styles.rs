//! Styles (`word/styles.xml`): what a paragraph or character style says about bold and
//! numbering, followed along `w:basedOn`, and which paragraph style is a caption.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::xml::{is_w, toggle, w_attr, w_child, w_child_val};

/// How far `w:basedOn` chains are followed (they may loop in a damaged file).
const MAX_CHAIN: usize = 32;

/// A numbering reference (`w:numPr`): `w:numId` and `w:ilvl`, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct NumRef {
    /// `w:numId`; `"0"` removes numbering.
    pub num_id: Option<String>,
    /// `w:ilvl`, the level (0–8).
    pub level: Option<u8>,
}

impl NumRef {
    /// Reads a `w:numPr` element.
    pub fn read(num_pr: Node) -> NumRef {
        NumRef {
            num_id: w_child_val(num_pr, "numId").map(str::to_string),
            level: w_child_val(num_pr, "ilvl").and_then(|v| v.trim().parse().ok()).map(|l: u8| l.min(8)),
        }
    }
}

/// One style.
#[derive(Debug, Default)]
struct Style {
    /// `w:type`: paragraph, character, table or numbering.
    kind: String,
    /// `w:basedOn`.
    based_on: Option<String>,
    /// Bold in the style's run properties.
    bold: Option<bool>,
    /// Numbering in the style's paragraph properties.
    numbering: Option<NumRef>,
    /// Whether the style's name is the built-in `caption`.
    caption: bool,
}

/// The styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    /// The default paragraph style's id.
    default_paragraph: Option<String>,
    /// The default character style's id.
    default_character: Option<String>,
    /// Bold in the document defaults (`w:docDefaults/w:rPrDefault`).
    default_bold: Option<bool>,
}

impl Styles {
    /// Reads `styles.xml`.
    pub fn parse(doc: &Document) -> Styles {
        let mut out = Styles::default();
        let root = doc.root_element();
        out.default_bold = root
            .children()
            .find(|n| is_w(*n, "docDefaults"))
            .and_then(|d| w_child(d, "rPrDefault"))
            .and_then(|d| toggle(w_child(d, "rPr"), "b"));
        for node in root.children().filter(|n| is_w(*n, "style")) {
            let Some(id) = w_attr(node, "styleId") else { continue };
            let kind = w_attr(node, "type").unwrap_or("paragraph").to_string();
            if w_attr(node, "default").is_some_and(|v| matches!(v, "1" | "true" | "on")) {
                match kind.as_str() {
                    "paragraph" => out.default_paragraph = Some(id.to_string()),
                    "character" => out.default_character = Some(id.to_string()),
                    _ => {}
                }
            }
            let style = Style {
                based_on: w_child_val(node, "basedOn").map(str::to_string),
                bold: toggle(w_child(node, "rPr"), "b"),
                numbering: w_child(node, "pPr").and_then(|p| w_child(p, "numPr")).map(NumRef::read),
                caption: w_child_val(node, "name").is_some_and(|n| n.eq_ignore_ascii_case("caption")),
                kind,
            };
            out.styles.entry(id.to_string()).or_insert(style);
        }
        out
    }

    /// The styles from `id` up its `w:basedOn` chain (the default style when `id` is `None`).
    fn chain<'s>(&'s self, id: Option<&'s str>, default: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = id.or(default);
        std::iter::from_fn(move || {
            let style = self.styles.get(next?)?;
            next = style.based_on.as_deref();
            Some(style)
        })
        .take(MAX_CHAIN)
    }

    /// Bold as set by a paragraph style (nearest in the chain wins).
    fn paragraph_bold(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id, self.default_paragraph.as_deref()).find_map(|s| s.bold)
    }

    /// Bold as set by a character style.
    fn character_bold(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id, self.default_character.as_deref()).find_map(|s| s.bold)
    }

    /// Whether text is bold given its paragraph style, character style and direct `w:b`.
    ///
    /// Direct formatting wins. Bold is a toggle property: when both the paragraph style and
    /// the character style set it, they cancel out (a `Strong` run in a bold heading style
    /// is not bold), as Word shows it. Otherwise the one that sets it, else the defaults.
    pub fn bold(&self, paragraph_style: Option<&str>, character_style: Option<&str>, direct: Option<bool>) -> bool {
        if let Some(direct) = direct {
            return direct;
        }
        match (self.paragraph_bold(paragraph_style), self.character_bold(character_style)) {
            (Some(p), Some(c)) => p ^ c,
            (Some(b), None) | (None, Some(b)) => b,
            (None, None) => self.default_bold.unwrap_or(false),
        }
    }

    /// The numbering a paragraph style gives (nearest `w:numId` and `w:ilvl` in the chain).
    pub fn numbering(&self, paragraph_style: Option<&str>) -> NumRef {
        let mut out = NumRef::default();
        for style in self.chain(paragraph_style, self.default_paragraph.as_deref()) {
            if let Some(n) = &style.numbering {
                out.num_id = out.num_id.or_else(|| n.num_id.clone());
                out.level = out.level.or(n.level);
            }
        }
        out
    }

    /// Whether a paragraph style is (or is based on) the built-in Caption style.
    pub fn is_caption(&self, paragraph_style: Option<&str>) -> bool {
        paragraph_style.is_some() && self.chain(paragraph_style, None).any(|s| s.caption)
    }

    /// The `w:numId` a numbering style links to (for `w:numStyleLink`).
    pub fn numbering_style_num(&self, id: &str) -> Option<String> {
        self.chain(Some(id), None).filter(|s| s.kind == "numbering").find_map(|s| s.numbering.as_ref()?.num_id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn styles(body: &str) -> Styles {
        let xml = format!(r#"<w:styles xmlns:w="{W}">{body}</w:styles>"#);
        let doc = Document::parse(&xml).expect("parses");
        Styles::parse(&doc)
    }

    #[test]
    fn bold_follows_based_on_and_toggles_between_paragraph_and_character_styles() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
               <w:style w:type="paragraph" w:styleId="H"><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H"/></w:style>
               <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
               <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b w:val="1"/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>
               <w:style w:type="paragraph" w:styleId="a5"><w:basedOn w:val="Caption"/></w:style>"#,
        );
        assert!(!s.bold(None, None, None));
        assert!(s.bold(Some("H2"), None, None));
        assert!(s.bold(None, Some("Strong"), None));
        assert!(!s.bold(Some("H"), Some("Strong"), None));
        assert!(!s.bold(Some("H"), None, Some(false)));
        assert!(!s.bold(Some("Loop"), None, None));
        assert!(s.is_caption(Some("a5")) && !s.is_caption(Some("H")) && !s.is_caption(None));
    }

    #[test]
    fn numbering_comes_from_the_style_chain() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="L1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
               <w:style w:type="paragraph" w:styleId="L2"><w:basedOn w:val="L1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>"#,
        );
        assert_eq!(s.numbering(Some("L2")), NumRef { num_id: Some("3".into()), level: Some(1) });
        assert_eq!(s.numbering(None), NumRef::default());
    }
}
