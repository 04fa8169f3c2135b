//! The document outline (bookmarks): one entry per article, jumping to where it starts.

use pdf_writer::{Chunk, Ref, TextStr};

use super::geometry::Geometry;
use super::num;
use crate::flow::Bookmark;

/// Space shown above a bookmark's target, points.
const ABOVE: f64 = 6.0;

/// Writes the outline dictionary `root` and one item per bookmark, taking ids from `next`;
/// `pages` gives each page's object id and geometry. Bookmarks on pages that do not exist
/// are left out. Returns whether anything was written.
pub(super) fn write_outline(
    chunk: &mut Chunk,
    root: Ref,
    bookmarks: &[Bookmark],
    pages: &[(Ref, Geometry)],
    next: &mut Ref,
) -> bool {
    let entries: Vec<(&Bookmark, Ref, Geometry)> =
        bookmarks.iter().filter_map(|b| pages.get(b.page).map(|&(page, geometry)| (b, page, geometry))).collect();
    let ids: Vec<Ref> = entries.iter().map(|_| next.bump()).collect();
    let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else { return false };
    chunk.outline(root).first(first).last(last).count(i32::try_from(ids.len()).unwrap_or(i32::MAX));
    for (i, (bookmark, page, geometry)) in entries.iter().enumerate() {
        let mut item = chunk.outline_item(ids[i]);
        item.title(TextStr(&bookmark.title)).parent(root);
        if i > 0 {
            item.prev(ids[i - 1]);
        }
        if let Some(&next_id) = ids.get(i + 1) {
            item.next(next_id);
        }
        let top = geometry.user_y((bookmark.y - ABOVE).max(0.0));
        item.dest().page(*page).xyz(0.0, num(top), None);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_outline_links_items_in_order() {
        let g = Geometry { width: 100.0, height: 200.0, bleed: 0.0, marks: false };
        let pages = [(Ref::new(10), g), (Ref::new(11), g)];
        let marks = [
            Bookmark { title: "甲".into(), page: 0, y: 50.0 },
            Bookmark { title: "乙".into(), page: 1, y: 20.0 },
            Bookmark { title: "丙".into(), page: 5, y: 0.0 },
        ];
        let mut chunk = Chunk::new();
        assert!(write_outline(&mut chunk, Ref::new(1), &marks, &pages, &mut Ref::new(2)));
        let text = String::from_utf8_lossy(chunk.as_bytes()).into_owned();
        assert!(text.contains("/First 2 0 R") && text.contains("/Last 3 0 R") && text.contains("/Count 2"), "{text}");
        assert!(text.contains("/Dest [10 0 R /XYZ 0 156 0]"), "{text}");
        assert!(text.contains("/Dest [11 0 R /XYZ 0 186 0]"), "{text}");
        assert!(text.contains("/Prev 2 0 R") && text.contains("/Next 3 0 R"));
        assert!(!write_outline(&mut Chunk::new(), Ref::new(1), &[], &pages, &mut Ref::new(2)));
    }
}
