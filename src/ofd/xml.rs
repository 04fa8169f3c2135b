//! A small XML writer for the package's parts: every element in the OFD namespace under the
//! `ofd:` prefix, attributes in the order given, text escaped, and characters XML 1.0 cannot
//! hold replaced, so any input gives a well-formed part.

use std::fmt::Write;

/// The OFD namespace (GB/T 33190-2016).
pub(super) const NAMESPACE: &str = "http://www.ofdspec.org/2016";

/// A part being written.
pub(super) struct Xml {
    /// The text so far.
    out: String,
    /// Open elements, innermost last.
    stack: Vec<&'static str>,
    /// Whether the innermost start tag is still open (attributes may follow).
    in_tag: bool,
}

impl Xml {
    /// A part whose root element is `root` (with the namespace declared on it).
    pub(super) fn new(root: &'static str) -> Self {
        let mut xml =
            Xml { out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), stack: Vec::new(), in_tag: false };
        xml.open(root).attr("xmlns:ofd", NAMESPACE);
        xml
    }

    /// Starts a child element of the innermost open one.
    pub(super) fn open(&mut self, name: &'static str) -> &mut Self {
        self.end_tag();
        if !self.stack.is_empty() {
            self.out.push('\n');
        }
        let _ = write!(self.out, "<ofd:{name}");
        self.stack.push(name);
        self.in_tag = true;
        self
    }

    /// Adds an attribute to the element just opened.
    pub(super) fn attr(&mut self, name: &str, value: impl std::fmt::Display) -> &mut Self {
        debug_assert!(self.in_tag, "attribute {name} after the start tag");
        let _ = write!(self.out, " {name}=\"");
        escape(&mut self.out, &value.to_string(), true);
        self.out.push('"');
        self
    }

    /// Adds text to the innermost open element.
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        self.end_tag();
        escape(&mut self.out, text, false);
        self
    }

    /// Closes the innermost open element (as `<x/>` when it has nothing inside).
    pub(super) fn close(&mut self) -> &mut Self {
        if let Some(name) = self.stack.pop() {
            if self.in_tag {
                self.out.push_str("/>");
                self.in_tag = false;
            } else {
                let _ = write!(self.out, "</ofd:{name}>");
            }
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
        self.out.push('\n');
        self.out.into_bytes()
    }

    /// Ends an open start tag before content.
    fn end_tag(&mut self) {
        if self.in_tag {
            self.out.push('>');
            self.in_tag = false;
        }
    }
}

/// Whether XML 1.0 allows the character at all.
pub(super) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `text` escaped; characters XML cannot hold become U+FFFD. In attributes, tabs and
/// line breaks are written as references so that they survive attribute normalisation.
fn escape(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofd_xml_nests_escapes_and_closes() {
        let mut xml = Xml::new("Root");
        xml.open("A").attr("Name", "a\"b<&>\n").close();
        xml.open("B").text("1 < 2 & \u{1}\u{FFFF}x").close();
        xml.leaf("C", "联络");
        let text = String::from_utf8(xml.finish()).unwrap_or_default();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Root xmlns:ofd=\"http://www.ofdspec.org/2016\">\n\
             <ofd:A Name=\"a&quot;b&lt;&amp;&gt;&#10;\"/>\n<ofd:B>1 &lt; 2 &amp; \u{FFFD}\u{FFFD}x</ofd:B>\n\
             <ofd:C>联络</ofd:C></ofd:Root>\n"
        );
    }
}
