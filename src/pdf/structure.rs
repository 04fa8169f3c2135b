//! The structure tree of a tagged PDF: a `Document` element holding, in reading order, the
//! masthead (`Sect`), each article (`Art`: its title `H1`, sub-headings `H2`–`H6`, paragraphs
//! `P`, figures with their alternative text, captions, the credit line), the contents box
//! and the closing block (`Sect`s). The content streams mark each item with its element's
//! role and an MCID (`content.rs`); folios, rules, boxes and crop marks are artifacts. The
//! parent tree maps each page's MCIDs back to their elements.

use std::collections::BTreeMap;

use pdf_writer::{Chunk, Finish, Name, Ref, TextStr};

use crate::page::{Tag, TagKind};

/// The standard structure type an element of this kind is written as.
pub(super) fn role(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Title => "H1",
        TagKind::Heading(level) => match level {
            0 | 1 => "H2",
            2 => "H3",
            3 => "H4",
            4 => "H5",
            _ => "H6",
        },
        TagKind::Figure => "Figure",
        TagKind::Caption => "Caption",
        TagKind::Artifact => "Artifact",
        TagKind::Masthead
        | TagKind::Paragraph
        | TagKind::Note
        | TagKind::Contents
        | TagKind::Credit
        | TagKind::Closing => "P",
    }
}

/// The group an element of this kind belongs to: `Some(Sect)` for the masthead, the contents
/// and the closing block (consecutive elements of one kind share it); `None` for the parts of
/// an article.
fn section(kind: TagKind) -> Option<&'static str> {
    match kind {
        TagKind::Masthead | TagKind::Contents | TagKind::Closing => Some("Sect"),
        _ => None,
    }
}

/// One structure element gathered from the pages.
struct Element {
    /// Its kind.
    kind: TagKind,
    /// Alternative text (figures).
    alt: Option<String>,
    /// Its marked-content sequences: (page index, MCID), in page and stream order.
    marks: Vec<(usize, i32)>,
}

/// A node of the tree being written: a group or an element.
struct Node {
    /// Object id.
    id: Ref,
    /// Structure type.
    role: &'static str,
    /// Element number, for elements (groups have none).
    element: Option<u32>,
    /// Children (indices into the node list).
    children: Vec<usize>,
    /// Parent node (`None`: the document element).
    parent: Option<usize>,
}

/// Writes the structure tree root `root` for pages whose content streams marked `marks` (per
/// page, in MCID order); `pages` are the page objects. Takes ids from `next`.
pub(super) fn write_structure(
    chunk: &mut Chunk,
    root: Ref,
    pages: &[Ref],
    marks: &[Vec<(Tag, Option<String>)>],
    language: &str,
    next: &mut Ref,
) {
    let mut elements: BTreeMap<u32, Element> = BTreeMap::new();
    for (page, list) in marks.iter().enumerate() {
        for (mcid, (tag, alt)) in list.iter().enumerate() {
            let e = elements.entry(tag.element).or_insert_with(|| Element { kind: tag.kind, alt: None, marks: vec![] });
            if e.alt.is_none() {
                e.alt = alt.clone().filter(|a| !a.trim().is_empty());
            }
            e.marks.push((page, i32::try_from(mcid).unwrap_or(i32::MAX)));
        }
    }

    // The tree: the document (node 0), groups and elements in reading order.
    let mut nodes = vec![Node { id: next.bump(), role: "Document", element: None, children: vec![], parent: None }];
    let mut group: Option<(usize, Option<&'static str>, TagKind)> = None;
    for (&number, element) in &elements {
        let parent = match (section(element.kind), element.kind) {
            (Some(role), kind) => match group {
                Some((g, Some(_), k)) if k == kind => g,
                _ => {
                    let g = add(&mut nodes, 0, role, None, next);
                    group = Some((g, Some(role), kind));
                    g
                }
            },
            (None, TagKind::Title) => {
                let g = add(&mut nodes, 0, "Art", None, next);
                group = Some((g, None, TagKind::Title));
                g
            }
            (None, _) => match group {
                Some((g, None, _)) => g,
                _ => 0,
            },
        };
        add(&mut nodes, parent, role(element.kind), Some(number), next);
    }

    // The parent tree: per page, the element of each MCID.
    let mut by_page: Vec<Vec<Ref>> = marks.iter().map(|m| vec![root; m.len()]).collect();
    for node in &nodes {
        let Some(element) = node.element.and_then(|n| elements.get(&n)) else { continue };
        for &(page, mcid) in &element.marks {
            if let Some(slot) = by_page.get_mut(page).and_then(|p| p.get_mut(mcid as usize)) {
                *slot = node.id;
            }
        }
    }

    let mut tree = chunk.indirect(root).dict();
    tree.pair(Name(b"Type"), Name(b"StructTreeRoot"));
    tree.pair(Name(b"K"), nodes[0].id);
    let mut parent_tree = tree.insert(Name(b"ParentTree")).dict();
    let mut nums = parent_tree.insert(Name(b"Nums")).array();
    for (page, refs) in by_page.iter().enumerate() {
        nums.item(i32::try_from(page).unwrap_or(i32::MAX));
        nums.push().array().items(refs.iter().copied());
    }
    nums.finish();
    parent_tree.finish();
    tree.pair(Name(b"ParentTreeNextKey"), i32::try_from(pages.len()).unwrap_or(i32::MAX));
    tree.finish();

    for node in &nodes {
        let mut dict = chunk.indirect(node.id).dict();
        dict.pair(Name(b"Type"), Name(b"StructElem"));
        dict.pair(Name(b"S"), Name(node.role.as_bytes()));
        dict.pair(Name(b"P"), node.parent.map_or(root, |p| nodes[p].id));
        if node.parent.is_none() && !language.is_empty() {
            dict.pair(Name(b"Lang"), TextStr(language));
        }
        let element = node.element.and_then(|n| elements.get(&n));
        if let Some(alt) = element.and_then(|e| e.alt.as_deref()) {
            dict.pair(Name(b"Alt"), TextStr(alt));
        }
        let first_page = element.and_then(|e| e.marks.first()).map(|&(p, _)| p);
        if let Some(page) = first_page.and_then(|p| pages.get(p)) {
            dict.pair(Name(b"Pg"), *page);
        }
        let mut kids = dict.insert(Name(b"K")).array();
        for &child in &node.children {
            kids.item(nodes[child].id);
        }
        for &(page, mcid) in element.map(|e| e.marks.as_slice()).unwrap_or_default() {
            if Some(page) == first_page {
                kids.item(mcid);
            } else if let Some(&page) = pages.get(page) {
                let mut mcr = kids.push().dict();
                mcr.pair(Name(b"Type"), Name(b"MCR"));
                mcr.pair(Name(b"Pg"), page);
                mcr.pair(Name(b"MCID"), mcid);
            }
        }
    }
}

/// Adds a node under `parent` and returns its index.
fn add(nodes: &mut Vec<Node>, parent: usize, role: &'static str, element: Option<u32>, next: &mut Ref) -> usize {
    let index = nodes.len();
    nodes.push(Node { id: next.bump(), role, element, children: vec![], parent: Some(parent) });
    nodes[parent].children.push(index);
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(kind: TagKind, element: u32) -> (Tag, Option<String>) {
        (Tag { kind, element }, None)
    }

    #[test]
    fn pdf_structure_groups_articles_and_sections_in_reading_order() {
        let page1 = vec![
            tag(TagKind::Masthead, 1),
            tag(TagKind::Masthead, 2),
            tag(TagKind::Title, 3),
            tag(TagKind::Paragraph, 4),
        ];
        let page2 = vec![tag(TagKind::Paragraph, 4), tag(TagKind::Credit, 5), tag(TagKind::Closing, 6)];
        let mut chunk = Chunk::new();
        let pages = [Ref::new(100), Ref::new(101)];
        write_structure(&mut chunk, Ref::new(1), &pages, &[page1, page2], "zh-CN", &mut Ref::new(2));
        let text = String::from_utf8_lossy(chunk.as_bytes()).into_owned();
        for role in ["/S /Document", "/S /Sect", "/S /Art", "/S /H1", "/S /P"] {
            assert!(text.contains(role), "{role} in {text}");
        }
        // Paragraph 4 runs onto page 2: an MCR there.
        assert!(text.contains("/K [3 <<\n    /Type /MCR\n    /Pg 101 0 R\n    /MCID 0"), "{text}");
        assert!(text.contains("/Nums [0 ["), "{text}");
        assert!(text.contains("/ParentTreeNextKey 2"), "{text}");
        assert_eq!(text.matches("/S /Sect").count(), 2, "masthead and closing: {text}");
    }
}
