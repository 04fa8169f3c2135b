//! The document outline (bookmarks): one entry per article, jumping to where it starts, with
//! its level-1 headings as children.

use pdf_writer::{Chunk, Ref, TextStr};

use super::geometry::Geometry;
use super::num;
use crate::page::Bookmark;

/// Space shown above a bookmark's target, points.
const ABOVE: f64 = 6.0;

/// An outline entry placed in the tree: its bookmark, target page and geometry, object id,
/// parent (`None` for the root) and children.
struct Node<'a> {
    bookmark: &'a Bookmark,
    page: Ref,
    geometry: Geometry,
    id: Ref,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Writes the outline dictionary `root` and one item per bookmark, taking ids from `next`;
/// `pages` gives each page's object id and geometry. A bookmark deeper than the one before
/// it becomes that one's child. Bookmarks on pages that do not exist are left out. Returns
/// whether anything was written.
pub(super) fn write_outline(
    chunk: &mut Chunk,
    root: Ref,
    bookmarks: &[Bookmark],
    pages: &[(Ref, Geometry)],
    next: &mut Ref,
) -> bool {
    let mut nodes: Vec<Node> = Vec::new();
    let mut top: Vec<usize> = Vec::new();
    for bookmark in bookmarks {
        let Some(&(page, geometry)) = pages.get(bookmark.page) else { continue };
        let parent =
            nodes.iter().rposition(|n| n.parent.is_none()).filter(|&p| bookmark.level > nodes[p].bookmark.level);
        let index = nodes.len();
        nodes.push(Node { bookmark, page, geometry, id: next.bump(), parent, children: Vec::new() });
        match parent {
            Some(p) => nodes[p].children.push(index),
            None => top.push(index),
        }
    }
    let (Some(&first), Some(&last)) = (top.first(), top.last()) else { return false };
    chunk.outline(root).first(nodes[first].id).last(nodes[last].id).count(count(top.len()));
    write_level(chunk, &nodes, &top, root);
    true
}

/// Writes the items of one level, linked to each other and to their parent `parent`.
fn write_level(chunk: &mut Chunk, nodes: &[Node], level: &[usize], parent: Ref) {
    for (i, &n) in level.iter().enumerate() {
        let node = &nodes[n];
        let mut item = chunk.outline_item(node.id);
        item.title(TextStr(&node.bookmark.title)).parent(parent);
        if i > 0 {
            item.prev(nodes[level[i - 1]].id);
        }
        if let Some(&after) = level.get(i + 1) {
            item.next(nodes[after].id);
        }
        if let (Some(&first), Some(&last)) = (node.children.first(), node.children.last()) {
            // Children shown closed: a negative count.
            item.first(nodes[first].id).last(nodes[last].id).count(-count(node.children.len()));
        }
        let top = node.geometry.user_y((node.bookmark.y - ABOVE).max(0.0));
        item.dest().page(node.page).xyz(0.0, num(top), None);
        drop(item);
        write_level(chunk, nodes, &node.children, node.id);
    }
}

/// A count as PDF writes it.
fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(title: &str, page: usize, y: f64, level: u8) -> Bookmark {
        Bookmark { title: title.into(), page, y, level }
    }

    #[test]
    fn pdf_outline_links_items_in_order() {
        let g = Geometry { width: 100.0, height: 200.0, bleed: 0.0, marks: false };
        let pages = [(Ref::new(10), g), (Ref::new(11), g)];
        let marks = [mark("甲", 0, 50.0, 1), mark("乙", 1, 20.0, 1), mark("丙", 5, 0.0, 1)];
        let mut chunk = Chunk::new();
        assert!(write_outline(&mut chunk, Ref::new(1), &marks, &pages, &mut Ref::new(2)));
        let text = String::from_utf8_lossy(chunk.as_bytes()).into_owned();
        assert!(text.contains("/First 2 0 R") && text.contains("/Last 3 0 R") && text.contains("/Count 2"), "{text}");
        assert!(text.contains("/Dest [10 0 R /XYZ 0 156 0]"), "{text}");
        assert!(text.contains("/Dest [11 0 R /XYZ 0 186 0]"), "{text}");
        assert!(text.contains("/Prev 2 0 R") && text.contains("/Next 3 0 R"));
        assert!(!write_outline(&mut Chunk::new(), Ref::new(1), &[], &pages, &mut Ref::new(2)));
    }

    #[test]
    fn pdf_outline_nests_headings_under_their_article() {
        let g = Geometry { width: 100.0, height: 200.0, bleed: 0.0, marks: false };
        let pages = [(Ref::new(10), g)];
        let marks =
            [mark("甲", 0, 50.0, 1), mark("一、", 0, 60.0, 2), mark("二、", 0, 70.0, 2), mark("乙", 0, 80.0, 1)];
        let mut chunk = Chunk::new();
        assert!(write_outline(&mut chunk, Ref::new(1), &marks, &pages, &mut Ref::new(2)));
        let text = String::from_utf8_lossy(chunk.as_bytes()).into_owned();
        // The root holds the two articles; 甲 (2) holds 3 and 4, closed.
        assert!(text.contains("1 0 obj\n<<\n  /Type /Outlines\n  /First 2 0 R\n  /Last 5 0 R\n  /Count 2"), "{text}");
        assert!(text.contains("/First 3 0 R\n  /Last 4 0 R\n  /Count -2"), "{text}");
        assert!(text.contains("3 0 obj\n<<\n  /Title"), "{text}");
        assert_eq!(text.matches("/Parent 2 0 R").count(), 2, "{text}");
    }
}
