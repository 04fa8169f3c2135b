//! The contents box (本期要目) under the masthead: its title, then each article's title with
//! the page it starts on, flush right. The page numbers take a field of fixed width, so the
//! box has the same lines before and after they are known: flow runs once to find them and
//! once more with them, giving the same pages.

use super::Setter;
use super::frame::{framed, inner_inset};
use crate::compose::Align;
use crate::document::Document;
use crate::layout::RoleName;
use crate::page::{Item, TagKind};

/// Width of the page-number field, em of the contents role.
const FIELD: f64 = 3.0;

/// The contents box `width` points wide at `x`: items (y from the baseline of its first grid
/// line) and lines. `pages` holds each article's first page (from 1), when known.
pub(super) fn set_contents(
    doc: &Document,
    s: &Setter,
    x: f64,
    width: f64,
    pages: Option<&[usize]>,
) -> (Vec<Item>, usize) {
    let spec = &s.layout.contents;
    let inner = width - 2.0 * inner_inset(s, &spec.frame, RoleName::Contents);
    let size = s.layout.role(RoleName::Contents).size;
    let field = FIELD * size;
    let tag = s.element(TagKind::Contents);
    let mut rows = Vec::new();
    let title = s.compose(&[s.span(RoleName::ContentsTitle, &spec.title)], inner, Align::Center, (0.0, 0.0));
    rows.extend(title.iter().map(|l| s.line_items(l, 0.0, 0.0, &s.color(RoleName::ContentsTitle), tag)));
    let paint = s.color(RoleName::Contents);
    for (i, article) in doc.articles.iter().enumerate() {
        let text: String = article.title.as_str().split('\n').map(str::trim).collect();
        let lines = s.compose(&[s.span(RoleName::Contents, &text)], inner - field - size, Align::Left, (0.0, 0.0));
        let count = lines.len();
        for (k, line) in lines.iter().enumerate() {
            let mut row = s.line_items(line, 0.0, 0.0, &paint, tag);
            if k + 1 == count
                && let Some(page) = pages.and_then(|p| p.get(i))
            {
                let number = page.to_string();
                let n = s.compose(&[s.span(RoleName::Contents, &number)], field, Align::Right, (0.0, 0.0));
                row.extend(n.iter().flat_map(|l| s.line_items(l, inner - field, 0.0, &paint, tag)));
            }
            rows.push(row);
        }
    }
    framed(s, rows, &spec.frame, RoleName::Contents, x, width)
}
