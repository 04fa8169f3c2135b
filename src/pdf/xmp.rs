//! The XMP metadata packet: the same facts as the Info dictionary (title, publisher, dates,
//! producer), the issue's series, number and total (PRISM), the archive record (jianbao's own
//! schema, `docs/archive-metadata.md`: series, number, total, date, publisher,
//! classification), and the standard's identification (`pdfxid` for PDF/X, `pdfaid` for
//! PDF/A, which also gets both custom schemas described).

use super::date::Instant;
use super::meta::{CREATOR, PRODUCER};
use super::options::Standard;
use crate::page::Metadata;

/// The PRISM namespace, for the periodical's name, issue number and running total.
const PRISM: &str = "http://prismstandard.org/namespaces/basic/2.0/";

/// The PRISM properties written, with their descriptions for the PDF/A extension schema.
const PRISM_PROPERTIES: [(&str, &str); 3] = [
    ("publicationName", "Name of the periodical (the bulletin series)"),
    ("number", "Issue number as printed"),
    ("issueIdentifier", "Running total of issues as printed"),
];

/// jianbao's archive schema (documented in `docs/archive-metadata.md`).
const ARCHIVE: &str = "urn:jianbao:xmp:archive:1#";

/// The archive properties, with their descriptions for the PDF/A extension schema.
const ARCHIVE_PROPERTIES: [(&str, &str); 6] = [
    ("series", "Title of the bulletin series"),
    ("number", "Issue number as printed"),
    ("total", "Running total of issues as printed, empty when the issue has none"),
    ("date", "Issue date, YYYY-MM-DD"),
    ("publisher", "The compiling office"),
    ("classification", "Classification as printed, empty when the issue has none"),
];

/// An XMP packet under construction.
struct Packet {
    /// The XML so far.
    xml: String,
}

impl Packet {
    /// Opens an `rdf:Description` for one schema.
    fn open(&mut self, prefix: &str, uri: &str) {
        self.xml.push_str(&format!("  <rdf:Description rdf:about=\"\" xmlns:{prefix}=\"{uri}\">\n"));
    }

    /// Closes the description.
    fn close(&mut self) {
        self.xml.push_str("  </rdf:Description>\n");
    }

    /// A simple property.
    fn simple(&mut self, name: &str, value: &str) {
        self.xml.push_str(&format!("   <{name}>{}</{name}>\n", escape(value)));
    }

    /// A language alternative with only the default language.
    fn alt(&mut self, name: &str, value: &str) {
        self.xml.push_str(&format!(
            "   <{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></{name}>\n",
            escape(value)
        ));
    }

    /// An ordered (`Seq`) or unordered (`Bag`) array of one item.
    fn array(&mut self, name: &str, kind: &str, value: &str) {
        self.xml
            .push_str(&format!("   <{name}><rdf:{kind}><rdf:li>{}</rdf:li></rdf:{kind}></{name}>\n", escape(value)));
    }
}

/// Escapes text for XML content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A UUID (version 8, the custom kind) carrying the 128 bits of `id`.
pub(super) fn uuid(id: u128) -> String {
    let id = (id & !(0xf << 76) & !(0x3 << 62)) | (0x8 << 76) | (0x2 << 62);
    let hex = format!("{id:032x}");
    format!("uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// The whole packet, for a document whose content hashes to `id`.
pub(super) fn packet(meta: &Metadata, standard: Standard, id: u128) -> Vec<u8> {
    let created = Instant::of(meta);
    let mut p = Packet { xml: String::new() };
    p.xml.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    p.xml.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    p.xml.push_str(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");

    p.open("dc", "http://purl.org/dc/elements/1.1/");
    p.simple("dc:format", "application/pdf");
    p.alt("dc:title", &meta.title);
    if !meta.author.is_empty() {
        p.array("dc:creator", "Seq", &meta.author);
    }
    if !meta.subject.is_empty() {
        p.alt("dc:description", &meta.subject);
    }
    if !meta.publisher.is_empty() {
        p.array("dc:publisher", "Bag", &meta.publisher);
    }
    if !meta.language.is_empty() {
        p.array("dc:language", "Bag", &meta.language);
    }
    p.array("dc:date", "Seq", &Instant::issue(meta).xmp_date());
    p.close();

    p.open("xmp", "http://ns.adobe.com/xap/1.0/");
    for name in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
        p.simple(name, &created.xmp());
    }
    p.simple("xmp:CreatorTool", CREATOR);
    p.close();

    p.open("pdf", "http://ns.adobe.com/pdf/1.3/");
    p.simple("pdf:Producer", PRODUCER);
    if standard != Standard::PdfA1b {
        // Not in the XMP 2004 schema PDF/A-1 refers to.
        p.simple("pdf:Trapped", "False");
    }
    p.close();

    p.open("xmpMM", "http://ns.adobe.com/xap/1.0/mm/");
    p.simple("xmpMM:DocumentID", &uuid(id));
    if standard != Standard::PdfA1b {
        p.simple("xmpMM:InstanceID", &uuid(id));
    }
    p.simple("xmpMM:VersionID", "1");
    p.simple("xmpMM:RenditionClass", "default");
    p.close();

    p.open("prism", PRISM);
    for (name, value) in PRISM_PROPERTIES.iter().map(|(n, _)| *n).zip([&meta.series, &meta.issue, &meta.total]) {
        if !value.is_empty() {
            p.simple(&format!("prism:{name}"), value);
        }
    }
    p.close();

    p.open("jb", ARCHIVE);
    let (year, month, day) = meta.date;
    let date = format!("{year:04}-{month:02}-{day:02}");
    let classification = meta.classification.clone().unwrap_or_default();
    let values = [&meta.series, &meta.issue, &meta.total, &date, &meta.publisher, &classification];
    for (name, value) in ARCHIVE_PROPERTIES.iter().map(|(n, _)| *n).zip(values) {
        if !value.is_empty() {
            p.simple(&format!("jb:{name}"), value);
        }
    }
    p.close();

    if let Some(version) = standard.pdfx() {
        p.open("pdfxid", "http://www.npes.org/pdfx/ns/id/");
        p.simple("pdfxid:GTS_PDFXVersion", version);
        p.close();
    }
    if let Some((part, conformance)) = standard.pdfa() {
        p.open("pdfaid", "http://www.aiim.org/pdfa/ns/id/");
        p.simple("pdfaid:part", &part.to_string());
        p.simple("pdfaid:conformance", conformance);
        p.close();
        extension_schema(&mut p);
    }
    p.xml.push_str(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
    p.xml.into_bytes()
}

/// Describes the PRISM and archive properties for PDF/A, which admits only described
/// schemas.
fn extension_schema(p: &mut Packet) {
    p.xml.push_str(concat!(
        "  <rdf:Description rdf:about=\"\"",
        " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"",
        " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"",
        " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
        "   <pdfaExtension:schemas><rdf:Bag>\n",
    ));
    describe(p, "PRISM Basic Metadata", PRISM, "prism", &PRISM_PROPERTIES);
    describe(p, "jianbao archive record", ARCHIVE, "jb", &ARCHIVE_PROPERTIES);
    p.xml.push_str("   </rdf:Bag></pdfaExtension:schemas>\n");
    p.close();
}

/// One schema of the extension schema container: its name, namespace, prefix and text
/// properties.
fn describe(p: &mut Packet, schema: &str, uri: &str, prefix: &str, properties: &[(&str, &str)]) {
    p.xml.push_str(&format!(
        concat!(
            "   <rdf:li rdf:parseType=\"Resource\">\n",
            "    <pdfaSchema:schema>{}</pdfaSchema:schema>\n",
            "    <pdfaSchema:namespaceURI>{}</pdfaSchema:namespaceURI>\n",
            "    <pdfaSchema:prefix>{}</pdfaSchema:prefix>\n    <pdfaSchema:property><rdf:Seq>\n"
        ),
        schema, uri, prefix
    ));
    for (name, description) in properties {
        p.xml.push_str(&format!(
            concat!(
                "     <rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{}</pdfaProperty:name>",
                "<pdfaProperty:valueType>Text</pdfaProperty:valueType>",
                "<pdfaProperty:category>external</pdfaProperty:category>",
                "<pdfaProperty:description>{}</pdfaProperty:description></rdf:li>\n"
            ),
            name, description
        ));
    }
    p.xml.push_str("    </rdf:Seq></pdfaSchema:property>\n   </rdf:li>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Metadata of a test issue.
    fn meta() -> Metadata {
        Metadata {
            title: "联络动态 2021年第4期".into(),
            author: "A & B <编>".into(),
            date: (2021, 4, 3),
            language: "zh-CN".into(),
            series: "联络动态".into(),
            issue: "第4期".into(),
            ..Metadata::default()
        }
    }

    #[test]
    fn pdf_xmp_identifies_the_standard() {
        let x = String::from_utf8(packet(&meta(), Standard::PdfX4, 7)).unwrap_or_default();
        assert!(x.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), "{x}");
        assert!(!x.contains("pdfaid"));
        assert!(x.contains("<rdf:li xml:lang=\"x-default\">联络动态 2021年第4期</rdf:li>"));
        assert!(x.contains("<rdf:li>A &amp; B &lt;编&gt;</rdf:li>"), "{x}");
        assert!(x.contains("<xmp:CreateDate>2021-04-03T00:00:00Z</xmp:CreateDate>"));
        assert!(x.contains("<prism:number>第4期</prism:number>"));
        assert!(!x.contains("prism:issueIdentifier"), "empty values are left out");
        assert!(x.contains("<pdf:Trapped>False</pdf:Trapped>"));
        let a1 = String::from_utf8(packet(&meta(), Standard::PdfA1b, 7)).unwrap_or_default();
        assert!(a1.contains("<pdfaid:part>1</pdfaid:part>") && a1.contains("<pdfaid:conformance>B</"));
        assert!(a1.contains("<pdfaSchema:prefix>prism</pdfaSchema:prefix>"));
        assert!(!a1.contains("Trapped") && !a1.contains("InstanceID") && !a1.contains("pdfxid"));
        let a2 = String::from_utf8(packet(&meta(), Standard::PdfA2b, 7)).unwrap_or_default();
        assert!(a2.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(a2.contains("<pdfaSchema:prefix>jb</pdfaSchema:prefix>"), "{a2}");
    }

    #[test]
    fn pdf_xmp_records_the_issue_for_the_archive() {
        let meta = Metadata { classification: Some("内部资料".into()), publisher: "联工委".into(), ..meta() };
        let x = String::from_utf8(packet(&meta, Standard::PdfA2u, 7)).unwrap_or_default();
        for want in [
            "<jb:series>联络动态</jb:series>",
            "<jb:number>第4期</jb:number>",
            "<jb:date>2021-04-03</jb:date>",
            "<jb:publisher>联工委</jb:publisher>",
            "<jb:classification>内部资料</jb:classification>",
        ] {
            assert!(x.contains(want), "{want} in {x}");
        }
        assert!(!x.contains("<jb:total>"), "empty values are left out");
    }

    #[test]
    fn pdf_xmp_uuid_has_version_and_variant() {
        assert_eq!(uuid(0), "uuid:00000000-0000-8000-8000-000000000000");
        assert_eq!(uuid(u128::MAX), "uuid:ffffffff-ffff-8fff-bfff-ffffffffffff");
    }
}
