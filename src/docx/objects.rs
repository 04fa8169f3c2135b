//! Drawings and VML shapes: pictures (DrawingML `a:blip`, VML `v:imagedata`), their alt
//! text, text boxes (kept after their anchor paragraph), charts and diagrams (warned about),
//! and the choice between the branches of `mc:AlternateContent`.

use roxmltree::Node;

use super::error::DocxError;
use super::model::{Item, PictureRef, Seg};
use super::walk::{Building, Walker};
use super::xml::{is_local, r_attr};

/// The markup-compatibility prefixes whose `mc:Choice` jianbao reads (shapes, groups, text
/// boxes and Word's newer attributes); any other choice is passed over for its fallback.
const UNDERSTOOD: [&str; 16] = [
    "wps", "wpg", "wpc", "wpi", "wp14", "w14", "w15", "w16", "w16se", "w16cid", "w16cex", "a14", "v", "o", "w10", "wp",
];

/// The branch of `mc:AlternateContent` to read: the first `mc:Choice` that needs only what
/// jianbao understands, else `mc:Fallback`.
pub(super) fn choose<'a, 'i>(alternate: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    let understood =
        |c: &Node| c.attribute("Requires").unwrap_or_default().split_whitespace().all(|p| UNDERSTOOD.contains(&p));
    let choice = alternate.children().find(|c| is_local(*c, "Choice") && understood(c));
    choice.or_else(|| alternate.children().find(|c| is_local(*c, "Fallback")))
}

/// The alt text of a picture, if it can stand as a caption: not a file path, not Word's
/// generated description.
fn usable_alt(text: Option<&str>) -> Option<String> {
    let text = text?.split_whitespace().collect::<Vec<_>>().join(" ");
    let generated = ["automatically generated", "自动生成"].iter().any(|g| text.contains(g));
    let path = text.contains('\\') || text.contains('/') || {
        let lower = text.to_lowercase();
        [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".emf", ".wmf", ".tif"].iter().any(|e| lower.ends_with(e))
    };
    (!text.is_empty() && !generated && !path).then_some(text)
}

impl Walker<'_> {
    /// A DrawingML object (`w:drawing`): pictures, text boxes, charts, diagrams.
    pub fn drawing(&mut self, drawing: Node, b: &mut Building, depth: usize) -> Result<(), DocxError> {
        let doc_pr = drawing.descendants().find(|n| is_local(*n, "docPr"));
        let alt = doc_pr.and_then(|d| usable_alt(d.attribute("descr")).or_else(|| usable_alt(d.attribute("title"))));
        self.scan(drawing, alt.as_deref(), false, b, depth)
    }

    /// A VML object (`w:pict`, `w:object`): pictures (an embedded object's preview picture) and
    /// text boxes.
    pub fn vml(&mut self, pict: Node, b: &mut Building, depth: usize) -> Result<(), DocxError> {
        let object = pict.tag_name().name() == "object";
        self.scan(pict, None, object, b, depth)
    }

    /// Looks through a drawing for what it holds, in document order.
    fn scan(
        &mut self,
        node: Node,
        alt: Option<&str>,
        object: bool,
        b: &mut Building,
        depth: usize,
    ) -> Result<(), DocxError> {
        let depth = self.deeper(depth)?;
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "blip" => match (r_attr(child, "embed"), r_attr(child, "link")) {
                    (Some(id), _) => self.picture(id, alt.map(str::to_string), b),
                    (None, Some(_)) => {
                        b.para.notes.push("a linked picture (not stored in the document) is not imported".into())
                    }
                    _ => {}
                },
                "imagedata" => {
                    let id = r_attr(child, "id")
                        .or_else(|| child.attributes().find(|a| a.name() == "relid").map(|a| a.value()));
                    let shape_alt = node
                        .attribute("alt")
                        .or_else(|| child.attributes().find(|a| a.name() == "title").map(|a| a.value()));
                    if let Some(id) = id {
                        self.picture(id, usable_alt(shape_alt).or(alt.map(str::to_string)), b);
                        if object {
                            b.para.notes.push("an embedded object is imported as its preview picture".into());
                        }
                    }
                }
                "txbxContent" => self.text_box(child, b, depth)?,
                "chart" => b.para.notes.push("a chart is not imported: insert it as a picture".into()),
                "relIds" => b.para.notes.push("a SmartArt diagram is not imported: insert it as a picture".into()),
                "AlternateContent" => {
                    if let Some(branch) = choose(child) {
                        self.scan(branch, alt, object, b, depth)?;
                    }
                }
                _ => self.scan(child, alt, object, b, depth)?,
            }
        }
        Ok(())
    }

    /// A picture by relationship id, at this place in the paragraph.
    fn picture(&mut self, id: &str, alt: Option<String>, b: &mut Building) {
        match self.rels.get(id) {
            Some(rel) if rel.external => {
                b.para
                    .notes
                    .push(format!("a linked picture ({}) is not stored in the document and not imported", rel.target));
            }
            Some(rel) => b.para.segs.push(Seg::Picture(PictureRef { part: rel.target.clone(), alt, caption: None })),
            None => b.para.notes.push(format!("a picture refers to `{id}`, which the document does not define")),
        }
    }

    /// A text box: its paragraphs, read now, follow the paragraph it is anchored in.
    fn text_box(&mut self, content: Node, b: &mut Building, depth: usize) -> Result<(), DocxError> {
        self.boxes += 1;
        let number = self.boxes;
        let outer = std::mem::take(&mut self.items);
        let read = self.blocks(content, depth);
        let inner = std::mem::replace(&mut self.items, outer);
        read?;
        b.after.push(Item::BoxStart(number));
        b.after.extend(inner);
        b.after.push(Item::BoxEnd(number));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_text_that_is_no_caption() {
        assert_eq!(usable_alt(Some(" 会议现场 ")).as_deref(), Some("会议现场"));
        assert_eq!(usable_alt(Some("C:\\Users\\a\\IMG_1.JPG")), None);
        assert_eq!(usable_alt(Some("IMG_1.jpeg")), None);
        assert_eq!(usable_alt(Some("一群人坐在桌子旁\n\n自动生成的说明")), None);
        assert_eq!(usable_alt(Some("")), None);
        assert_eq!(usable_alt(None), None);
    }

    #[test]
    fn alternate_content_prefers_an_understood_choice() {
        let xml = r#"<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
            <mc:Choice Requires="cx1"><a/></mc:Choice><mc:Choice Requires="wps"><b/></mc:Choice><mc:Fallback><c/></mc:Fallback>
        </mc:AlternateContent>"#;
        let doc = roxmltree::Document::parse(xml).expect("parses");
        let branch = choose(doc.root_element()).and_then(|b| b.first_element_child());
        assert_eq!(branch.map(|n| n.tag_name().name()), Some("b"));
        let xml = xml.replace("\"wps\"", "\"cx2\"");
        let doc = roxmltree::Document::parse(&xml).expect("parses");
        let branch = choose(doc.root_element()).and_then(|b| b.first_element_child());
        assert_eq!(branch.map(|n| n.tag_name().name()), Some("c"));
    }
}
