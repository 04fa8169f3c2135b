//! The outline: `OutlineElem`s nested by level, each going to its place with a `Goto` action.

use super::units::{mm, um};
use super::xml::Xml;
use crate::page::Bookmark;

/// Writes `Outlines` (nothing without bookmarks); `pages` are the page IDs. Bookmarks that
/// name a page the document does not have are left out.
pub(super) fn write_outlines(xml: &mut Xml, bookmarks: &[Bookmark], pages: &[u32]) {
    let marks: Vec<(&Bookmark, u32)> =
        bookmarks.iter().filter_map(|b| pages.get(b.page).map(|&page| (b, page))).collect();
    if marks.is_empty() {
        return;
    }
    xml.open("Outlines");
    let mut open: Vec<u8> = Vec::new();
    for (mark, page) in marks {
        while open.last().is_some_and(|&level| level >= mark.level) {
            xml.close();
            open.pop();
        }
        xml.open("OutlineElem").attr("Title", &mark.title);
        xml.open("Actions").open("Action").attr("Event", "CLICK").open("Goto");
        xml.open("Dest").attr("Type", "XYZ").attr("PageID", page).attr("Left", 0).attr("Top", mm(um(mark.y).max(0)));
        xml.close().close().close().close();
        open.push(mark.level);
    }
    for _ in open {
        xml.close();
    }
    xml.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(title: &str, page: usize, level: u8) -> Bookmark {
        Bookmark { title: title.into(), page, y: 72.0, level }
    }

    #[test]
    fn ofd_outline_nests_by_level() {
        let mut xml = Xml::new("Document");
        let marks = [mark("一", 0, 1), mark("一.1", 0, 2), mark("二", 1, 1), mark("lost", 5, 1)];
        write_outlines(&mut xml, &marks, &[10, 20]);
        let text = String::from_utf8(xml.finish()).unwrap_or_default();
        let dest = |page| format!("<ofd:Dest Type=\"XYZ\" PageID=\"{page}\" Left=\"0\" Top=\"25.4\"/>");
        let action = |page| {
            format!(
                "\n<ofd:Actions>\n<ofd:Action Event=\"CLICK\">\n<ofd:Goto>\n{}\n</ofd:Goto>\n</ofd:Action>\n</ofd:Actions>",
                dest(page)
            )
        };
        let expected = format!(
            "\n<ofd:Outlines>\n<ofd:OutlineElem Title=\"一\">{}\n<ofd:OutlineElem Title=\"一.1\">{}\n</ofd:OutlineElem>\n</ofd:OutlineElem>\n<ofd:OutlineElem Title=\"二\">{}\n</ofd:OutlineElem>\n</ofd:Outlines>",
            action(10),
            action(10),
            action(20)
        );
        assert!(text.contains(&expected), "{text}");
        assert!(!text.contains("lost"));
    }
}
