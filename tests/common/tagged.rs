//! Reading back a tagged PDF for tests: the structure tree in order (each element's type,
//! alternative text and marked-content references) and, per page, what each marked-content
//! sequence shows — its text, its paths, the fill colour and graphics state it paints with.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};

use super::pdfread::{
    TextFont, catalog, dict_entry, entry, load, name_of, number, operations, page_fonts, page_ids, resolve, text_of,
};

/// Where a drawing operation sits: inside an element's sequence (its MCID), an artifact, or
/// in no marked content at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Part of a structure element.
    Mcid(i64),
    /// An artifact.
    Artifact,
    /// Unmarked.
    None,
}

/// One drawing operation of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// Its mark (the innermost sequence with an MCID or `/Artifact`).
    pub mark: Mark,
    /// The operator: `Tj`/`TJ` for text, `S`, `f`, `B`, `Do` … for the rest.
    pub op: String,
    /// The text shown (through ToUnicode), for text operators.
    pub text: String,
    /// The DeviceCMYK fill colour in force, if one was set with `k`.
    pub fill: Option<[f64; 4]>,
    /// The text rendering mode in force.
    pub render: i64,
    /// The name of the last `gs` graphics state set.
    pub state: Option<String>,
}

/// Every painting operation of each page, in content-stream order.
pub fn shown(bytes: &[u8]) -> Vec<Vec<Shown>> {
    let doc = load(bytes);
    page_ids(&doc).into_iter().map(|page| page_shown(&doc, page)).collect()
}

/// The painting operations of one page.
fn page_shown(doc: &Document, page: ObjectId) -> Vec<Shown> {
    let fonts: BTreeMap<Vec<u8>, TextFont> =
        page_fonts(doc, page).into_iter().map(|(name, dict)| (name, TextFont::new(doc, dict))).collect();
    let mut out = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let (mut font, mut fill, mut state, mut render) = (None, None, None, 0);
    let mut saved = Vec::new();
    for op in operations(doc, page) {
        let mark = marks.iter().rev().find(|m| **m != Mark::None).copied().unwrap_or(Mark::None);
        let mut push = |text: String, op: &str| {
            out.push(Shown { mark, op: op.to_string(), text, fill, render, state: state.clone() })
        };
        match op.operator.as_str() {
            "BMC" => marks.push(match op.operands.first() {
                Some(Object::Name(n)) if n == b"Artifact" => Mark::Artifact,
                _ => Mark::None,
            }),
            "BDC" => {
                let props = op.operands.get(1).map(|o| resolve(doc, o));
                let mcid = match props {
                    Some(Object::Dictionary(d)) => entry(doc, d, b"MCID").map(|o| number(o) as i64),
                    _ => None,
                };
                let artifact = matches!(op.operands.first(), Some(Object::Name(n)) if n == b"Artifact");
                marks.push(match (mcid, artifact) {
                    (Some(id), _) => Mark::Mcid(id),
                    (None, true) => Mark::Artifact,
                    _ => Mark::None,
                });
            }
            "EMC" => {
                marks.pop();
            }
            "q" => saved.push((fill, state.clone())),
            "Q" => (fill, state) = saved.pop().unwrap_or((None, None)),
            "k" if op.operands.len() == 4 => fill = Some([0, 1, 2, 3].map(|i| number(&op.operands[i]))),
            "gs" => state = op.operands.first().map(name_of),
            "Tr" => render = op.operands.first().map_or(0, |o| number(o) as i64),
            "Tf" => font = op.operands.first().map(name_of).and_then(|n| fonts.get(n.as_bytes())),
            "Tj" | "TJ" => {
                let f = font.unwrap_or_else(|| panic!("text shown before any Tf"));
                let strings: Vec<&Object> = match op.operands.first() {
                    Some(Object::Array(items)) => items.iter().collect(),
                    Some(s) => vec![s],
                    None => Vec::new(),
                };
                let text = strings
                    .into_iter()
                    .filter_map(|s| match s {
                        Object::String(b, _) => Some(f.decode(b)),
                        _ => None,
                    })
                    .collect();
                push(text, &op.operator);
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "Do" => push(String::new(), &op.operator),
            _ => {}
        }
    }
    out
}

/// One element of the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Its structure type, e.g. `H1`.
    pub role: String,
    /// Its depth (the document element is 0).
    pub depth: usize,
    /// Its alternative text.
    pub alt: Option<String>,
    /// Its marked-content sequences: (page index, MCID), in order.
    pub marks: Vec<(usize, i64)>,
}

/// The structure tree's elements in depth-first (reading) order; panics without one.
pub fn structure(bytes: &[u8]) -> Vec<Element> {
    let doc = load(bytes);
    let pages: BTreeMap<ObjectId, usize> = page_ids(&doc).into_iter().enumerate().map(|(i, id)| (id, i)).collect();
    let root = dict_entry(&doc, catalog(&doc), b"StructTreeRoot").unwrap_or_else(|| panic!("no StructTreeRoot"));
    let mut out = Vec::new();
    if let Ok(kids) = root.get(b"K") {
        walk(&doc, kids, (0, None, None), &pages, &mut out);
    }
    out
}

/// Adds the elements under `kids` (an element, a reference, an array or an MCID) at `at`:
/// their depth, their page and the element that owns them.
fn walk(
    doc: &Document,
    kids: &Object,
    at: (usize, Option<usize>, Option<usize>),
    pages: &BTreeMap<ObjectId, usize>,
    out: &mut Vec<Element>,
) {
    let (depth, page, owner) = at;
    let page_of = |d: &lopdf::Dictionary| match d.get(b"Pg") {
        Ok(Object::Reference(id)) => pages.get(id).copied(),
        _ => None,
    };
    match resolve(doc, kids) {
        Object::Array(items) => items.iter().for_each(|k| walk(doc, k, at, pages, out)),
        Object::Integer(mcid) => {
            if let (Some(e), Some(page)) = (owner.and_then(|o| out.get_mut(o)), page) {
                e.marks.push((page, *mcid));
            }
        }
        Object::Dictionary(d) if matches!(d.get(b"Type"), Ok(Object::Name(n)) if n == b"MCR") => {
            let mcid = entry(doc, d, b"MCID").map_or(-1, |o| number(o) as i64);
            if let (Some(e), Some(page)) = (owner.and_then(|o| out.get_mut(o)), page_of(d).or(page)) {
                e.marks.push((page, mcid));
            }
        }
        Object::Dictionary(d) => {
            let role = entry(doc, d, b"S").map(name_of).unwrap_or_default();
            let alt = entry(doc, d, b"Alt").map(text_of);
            out.push(Element { role, depth, alt, marks: Vec::new() });
            let me = out.len() - 1;
            if let Ok(k) = d.get(b"K") {
                walk(doc, k, (depth + 1, page_of(d).or(page), Some(me)), pages, out);
            }
        }
        _ => {}
    }
}
