//! XML parts: decoded, parsed with limits, and read through WordprocessingML names in either
//! namespace (transitional or strict).

use roxmltree::{Document, Node, ParsingOptions};

use super::error::DocxError;

/// The most XML nodes of one part (a real article has a few hundred thousand at most).
const MAX_NODES: u32 = 4_000_000;

/// The WordprocessingML namespaces: transitional and strict.
const W: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// The relationship namespaces used in attributes (`r:id`, `r:embed`).
const R: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/// The text of an XML part: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
pub(super) fn decode(bytes: Vec<u8>, part: &str) -> Result<String, DocxError> {
    let utf16 = |be: bool| {
        let units = bytes[2..]
            .chunks_exact(2)
            .map(|c| if be { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) });
        char::decode_utf16(units).collect::<Result<String, _>>().ok()
    };
    let text = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => utf16(false),
        Some([0xFE, 0xFF]) => utf16(true),
        _ => String::from_utf8(bytes).ok().map(|s| s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
    };
    text.ok_or_else(|| DocxError::Xml {
        part: part.to_string(),
        line: 0,
        column: 0,
        message: "the text is neither UTF-8 nor UTF-16".into(),
    })
}

/// How deep XML elements may nest. Word nests a few dozen levels; the XML parser recurses per
/// level and a debug build overflows a 2 MiB thread stack at about 350.
const MAX_XML_DEPTH: usize = 256;

/// Parses an XML part: no DTD, a bounded number of nodes and a bounded depth.
pub(super) fn parse<'a>(text: &'a str, part: &str) -> Result<Document<'a>, DocxError> {
    if deeper_than(text.as_bytes(), MAX_XML_DEPTH) {
        return Err(DocxError::TooDeep { part: part.to_string() });
    }
    let options = ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES };
    Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        let message = match e {
            roxmltree::Error::NodesLimitReached => format!("more than {MAX_NODES} XML nodes"),
            other => strip_position(&other.to_string()),
        };
        DocxError::Xml { part: part.to_string(), line: pos.row, column: pos.col, message }
    })
}

/// Whether elements nest deeper than `limit`, by a linear scan of the tags (comments,
/// processing instructions, CDATA and quoted attribute values passed over). Malformed XML
/// is left to the parser to report.
fn deeper_than(xml: &[u8], limit: usize) -> bool {
    let find = |from: usize, end: &[u8]| {
        xml[from..].windows(end.len()).position(|w| w == end).map_or(xml.len(), |p| from + p + end.len())
    };
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = xml[i..].iter().position(|&c| c == b'<') {
        i += offset + 1;
        match xml.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'?') => i = find(i, b"?>"),
            Some(b'!') if xml[i..].starts_with(b"!--") => i = find(i, b"-->"),
            Some(b'!') if xml[i..].starts_with(b"![CDATA[") => i = find(i, b"]]>"),
            Some(b'!') => i = find(i, b">"),
            _ => {
                let mut quote = None;
                while let Some(&c) = xml.get(i) {
                    match (quote, c) {
                        (Some(q), c) if c == q => quote = None,
                        (None, b'"' | b'\'') => quote = Some(c),
                        (None, b'>') => break,
                        _ => {}
                    }
                    i += 1;
                }
                if i < xml.len() && xml[i - 1] != b'/' {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// A parser message without its trailing ` at 3:4` (the position is reported on its own).
fn strip_position(message: &str) -> String {
    match message.rfind(" at ") {
        Some(i) if message[i + 4..].chars().all(|c| c.is_ascii_digit() || c == ':') => message[..i].to_string(),
        _ => message.to_string(),
    }
}

/// Whether `node` is the WordprocessingML element `name` (`w:name`).
pub(super) fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace().is_some_and(|ns| W.contains(&ns))
}

/// Whether `node` is an element with local name `name`, in any namespace.
pub(super) fn is_local(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// The value of the attribute `w:name`.
pub(super) fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    W.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// The value of the attribute `r:name`.
pub(super) fn r_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    R.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// The first child element `w:name`.
pub(super) fn w_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

/// `w:val` of the child element `w:name`.
pub(super) fn w_child_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    w_child(node, name).and_then(|c| w_attr(c, "val"))
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): on unless `w:val` says off.
pub(super) fn on_off(node: Node) -> bool {
    !matches!(w_attr(node, "val"), Some("0" | "false" | "off" | "none"))
}

/// The on/off property `w:name` of a properties element, `None` when it is not set there.
pub(super) fn toggle(props: Option<Node>, name: &str) -> Option<bool> {
    props.and_then(|p| w_child(p, name)).map(on_off)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_utf16() {
        assert_eq!(decode("\u{feff}<a/>".as_bytes().to_vec(), "p").ok().as_deref(), Some("<a/>"));
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("<b/>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(le, "p").ok().as_deref(), Some("<b/>"));
        assert!(decode(vec![0xC3, 0x28], "p").is_err());
    }

    #[test]
    fn malformed_xml_names_part_and_position() {
        let err = parse("<a>\n<b></a>", "word/document.xml").err();
        let Some(DocxError::Xml { part, line, .. }) = err else { panic!("{err:?}") };
        assert_eq!((part.as_str(), line), ("word/document.xml", 2));
        assert!(parse("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "p").is_err());
    }

    #[test]
    fn nesting_depth_is_measured_before_parsing() {
        let nested = |n: usize| format!("<a>{}{}</a>", "<b x='>'>".repeat(n), "</b>".repeat(n));
        assert!(!deeper_than(nested(10).as_bytes(), 11));
        assert!(deeper_than(nested(11).as_bytes(), 11));
        let flat = format!("<a>{}<!-- <c><c> --><![CDATA[<d>]]><?pi <e>?></a>", "<b/><b></b>".repeat(100));
        assert!(!deeper_than(flat.as_bytes(), 2));
        assert!(matches!(parse(&nested(100_000), "p"), Err(DocxError::TooDeep { .. })));
    }

    #[test]
    fn on_off_values() {
        let xml = format!(r#"<r xmlns:w="{}"><w:b/><w:i w:val="0"/><w:u w:val="false"/><w:s w:val="1"/></r>"#, W[0]);
        let doc = Document::parse(&xml).expect("parses");
        let r = Some(doc.root_element());
        assert_eq!((toggle(r, "b"), toggle(r, "i"), toggle(r, "u")), (Some(true), Some(false), Some(false)));
        assert_eq!((toggle(r, "s"), toggle(r, "x")), (Some(true), None));
    }
}
