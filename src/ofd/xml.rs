//! The package's XML parts, written with `quick-xml`: every element in the OFD namespace
//! under the `ofd:` prefix, attributes in the order given, one element a line. The crate
//! escapes text (`<`, `>`, `&`, carriage returns) and attributes (line breaks and tabs in attributes as references, so they
//! survive attribute normalisation); characters XML 1.0 cannot hold at all become U+FFFD
//! first, so any input gives a well-formed part.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// The OFD namespace (GB/T 33190-2016).
pub(super) const NAMESPACE: &str = "http://www.ofdspec.org/2016";

/// A part being written.
pub(super) struct Xml {
    /// The writer, breaking the line before every tag that does not follow text.
    writer: Writer<Vec<u8>>,
    /// Open elements (qualified names), innermost last.
    stack: Vec<String>,
    /// The innermost start tag while attributes may still be added to it.
    pending: Option<BytesStart<'static>>,
}

impl Xml {
    /// A part whose root element is `root` (with the namespace declared on it).
    pub(super) fn new(root: &'static str) -> Self {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 0);
        // Writing into a vector cannot fail.
        let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let mut xml = Xml { writer, stack: Vec::new(), pending: None };
        xml.open(root).attr("xmlns:ofd", NAMESPACE);
        xml
    }

    /// Starts a child element of the innermost open one.
    pub(super) fn open(&mut self, name: &'static str) -> &mut Self {
        self.end_tag();
        let name = format!("ofd:{name}");
        self.pending = Some(BytesStart::new(name.clone()));
        self.stack.push(name);
        self
    }

    /// Adds an attribute to the element just opened.
    pub(super) fn attr(&mut self, name: &str, value: impl std::fmt::Display) -> &mut Self {
        debug_assert!(self.pending.is_some(), "attribute {name} after the start tag");
        if let Some(start) = self.pending.as_mut() {
            start.push_attribute((name, clean(&value.to_string()).as_ref()));
        }
        self
    }

    /// Adds text to the innermost open element.
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        self.end_tag();
        let _ = self.writer.write_event(Event::Text(BytesText::from_escaped(partial_escape(clean(text)))));
        self
    }

    /// Closes the innermost open element (as `<x/>` when it has nothing inside).
    pub(super) fn close(&mut self) -> &mut Self {
        if let Some(name) = self.stack.pop() {
            let _ = match self.pending.take() {
                Some(start) => self.writer.write_event(Event::Empty(start)),
                None => self.writer.write_event(Event::End(BytesEnd::new(name))),
            };
        }
        self
    }

    /// Writes `<name>text</name>`.
    pub(super) fn leaf(&mut self, name: &'static str, text: &str) -> &mut Self {
        self.open(name).text(text).close()
    }

    /// Closes every open element and returns the part's bytes.
    pub(super) fn finish(mut self) -> Vec<u8> {
        while !self.stack.is_empty() {
            self.close();
        }
        let mut out = self.writer.into_inner();
        out.push(b'\n');
        out
    }

    /// Writes an open start tag before content.
    fn end_tag(&mut self) {
        if let Some(start) = self.pending.take() {
            let _ = self.writer.write_event(Event::Start(start));
        }
    }
}

/// Whether XML 1.0 allows the character at all.
pub(super) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` with the characters XML cannot hold replaced by U+FFFD.
fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofd_xml_nests_escapes_and_closes() {
        let mut xml = Xml::new("Root");
        xml.open("A").attr("Name", "a\"b<&>\n\t").close();
        xml.open("B").text("1 < 2 & \u{1}\u{FFFF}x\r").close();
        xml.open("D").leaf("C", "联络").close();
        let text = String::from_utf8(xml.finish()).unwrap_or_default();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Root xmlns:ofd=\"http://www.ofdspec.org/2016\">\n\
             <ofd:A Name=\"a&quot;b&lt;&amp;&gt;&#10;&#9;\"/>\n<ofd:B>1 &lt; 2 &amp; \u{FFFD}\u{FFFD}x&#13;</ofd:B>\n\
             <ofd:D>\n<ofd:C>联络</ofd:C>\n</ofd:D>\n</ofd:Root>\n"
        );
        // What a conforming parser reads back.
        let doc = roxmltree::Document::parse(&text).expect("well-formed");
        let a = doc.descendants().find(|n| n.has_tag_name((NAMESPACE, "A"))).expect("A");
        assert_eq!(a.attribute("Name"), Some("a\"b<&>\n\t"));
    }
}
