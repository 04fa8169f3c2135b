//! Captions: the paragraph right after a picture becomes its caption when it has the Caption
//! style or reads like one (图1 …, 图为 …).

use super::model::{Item, Para, Seg};
use super::text::join_lines;

/// Gives each picture followed by a caption paragraph that caption, and removes the caption
/// paragraph (empty paragraphs between them are passed over, their warnings kept).
pub(super) fn attach(items: &mut Vec<Item>) {
    let mut out = Vec::with_capacity(items.len());
    let mut rest = std::mem::take(items).into_iter().peekable();
    while let Some(mut item) = rest.next() {
        if let Item::Para(p) = &mut item
            && p.has_picture()
        {
            let mut skipped = Vec::new();
            while let Some(Item::Para(next)) = rest.peek() {
                if next.is_empty() {
                    skipped.extend(rest.next());
                } else {
                    break;
                }
            }
            match rest.peek() {
                Some(Item::Para(next)) if !next.has_picture() && is_caption(next) => {
                    let caption = caption_text(next);
                    if let Some(Item::Para(next)) = rest.next() {
                        p.notes.extend(next.notes);
                    }
                    if let Some(picture) = p.segs.iter_mut().rev().find_map(|s| match s {
                        Seg::Picture(r) => Some(r),
                        _ => None,
                    }) {
                        picture.caption = Some(caption);
                    }
                    for s in skipped.drain(..) {
                        if let Item::Para(s) = s {
                            p.notes.extend(s.notes);
                        }
                    }
                }
                _ => {}
            }
            out.push(item);
            out.append(&mut skipped);
            continue;
        }
        out.push(item);
    }
    *items = out;
}

/// Whether a paragraph is a picture's caption.
fn is_caption(p: &Para) -> bool {
    p.caption_style || reads_like_caption(&p.plain())
}

/// Whether text opens like a caption: 图 followed by a number, a space, a colon or 为 (图为…),
/// or 图表 so followed — not a word like 图书馆.
fn reads_like_caption(text: &str) -> bool {
    let text = text.trim_start();
    let Some(rest) = text.strip_prefix("图表").or_else(|| text.strip_prefix('图')) else { return false };
    match rest.chars().next() {
        None => true,
        Some(c) => {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || c.is_whitespace()
                || "一二三四五六七八九十为：:-—－（(.．".contains(c)
        }
    }
}

/// A caption paragraph's text on one line, without the spaces at its ends.
fn caption_text(p: &Para) -> String {
    join_lines(&p.plain()).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::model::PictureRef;

    fn para(text: &str) -> Item {
        Item::Para(Para { segs: vec![Seg::Text { text: text.into(), bold: false }], ..Para::default() })
    }

    fn picture() -> Item {
        let r = PictureRef { part: "word/media/image1.png".into(), alt: None, caption: None };
        Item::Para(Para { segs: vec![Seg::Picture(r)], ..Para::default() })
    }

    #[test]
    fn caption_like_openings() {
        for yes in ["图1 会议现场", "图 2", "图为代表们在发言", "图１：现场", "图一", "图表3 数据"]
        {
            assert!(reads_like_caption(yes), "{yes}");
        }
        for no in ["图书馆建设", "地图", "会议现场"] {
            assert!(!reads_like_caption(no), "{no}");
        }
    }

    #[test]
    fn the_caption_paragraph_moves_into_the_picture() {
        let mut items = vec![picture(), para(" "), para("图为　会议现场 "), para("正文。")];
        attach(&mut items);
        assert_eq!(items.len(), 2);
        let Item::Para(p) = &items[0] else { panic!("{items:?}") };
        let Seg::Picture(r) = &p.segs[0] else { panic!("{p:?}") };
        assert_eq!(r.caption.as_deref(), Some("图为　会议现场"));
        let mut items = vec![picture(), para("正文。")];
        attach(&mut items);
        assert_eq!(items.len(), 2);
    }
}
