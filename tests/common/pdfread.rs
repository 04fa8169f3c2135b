//! Reading back a PDF for tests: page count and boxes, fonts, text (through each font's
//! ToUnicode CMap, honouring `/ActualText` spans), colour operators and separations, and the
//! document-level parts the standards ask for: header, output intents, XMP, outline.
//!
//! Pages are numbered from 0. The helpers panic with a message on anything malformed, which
//! is what a test wants.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// What a test needs to know about one font of the document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FontInfo {
    /// `/BaseFont`, e.g. `ABCDEF+NotoSerifCJKsc-Regular`.
    pub base_font: String,
    /// Whether a font program (`FontFile`, `FontFile2` or `FontFile3`) is embedded.
    pub embedded: bool,
    /// Whether the font has a `/ToUnicode` CMap.
    pub has_to_unicode: bool,
}

/// Parses the document.
pub(crate) fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).unwrap_or_else(|e| panic!("not a readable PDF: {e}"))
}

/// The object ids of the pages, in page order.
pub(crate) fn page_ids(doc: &Document) -> Vec<ObjectId> {
    doc.get_pages().into_values().collect()
}

/// The object id of page `page` (from 0).
fn page_id(doc: &Document, page: usize) -> ObjectId {
    let ids = page_ids(doc);
    *ids.get(page).unwrap_or_else(|| panic!("no page {page}: the document has {} pages", ids.len()))
}

/// Follows a reference to the object it names.
pub(crate) fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match obj {
        Object::Reference(id) => doc.get_object(*id).unwrap_or_else(|e| panic!("dangling reference {id:?}: {e}")),
        other => other,
    }
}

/// An entry of a dictionary, references followed.
pub(crate) fn entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|obj| resolve(doc, obj))
}

/// A dictionary entry that must be a dictionary.
pub(crate) fn dict_entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match entry(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A number operand or array element as `f64`.
pub(crate) fn number(obj: &Object) -> f64 {
    match obj {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        other => panic!("expected a number, found {other:?}"),
    }
}

/// A page attribute, looked up through the `/Parent` chain as PDF inheritance requires.
fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut dict = doc.get_dictionary(page).ok()?;
    loop {
        if let Some(obj) = entry(doc, dict, key) {
            return Some(obj);
        }
        dict = dict_entry(doc, dict, b"Parent")?;
    }
}

/// A rectangle attribute of a page.
fn page_box(bytes: &[u8], page: usize, key: &[u8]) -> [f64; 4] {
    let doc = load(bytes);
    let name = String::from_utf8_lossy(key).into_owned();
    let obj = inherited(&doc, page_id(&doc, page), key).unwrap_or_else(|| panic!("page {page} has no /{name}"));
    let Object::Array(items) = obj else { panic!("/{name} is not an array") };
    let values: Vec<f64> = items.iter().map(|o| number(resolve(&doc, o))).collect();
    values.try_into().unwrap_or_else(|v: Vec<f64>| panic!("/{name} has {} numbers", v.len()))
}

/// The number of pages.
pub fn page_count(bytes: &[u8]) -> usize {
    page_ids(&load(bytes)).len()
}

/// The `/MediaBox` of page `page` (from 0), inherited if need be.
pub fn media_box(bytes: &[u8], page: usize) -> [f64; 4] {
    page_box(bytes, page, b"MediaBox")
}

/// The `/TrimBox` of page `page` (from 0); panics if the page has none.
pub fn trim_box(bytes: &[u8], page: usize) -> [f64; 4] {
    page_box(bytes, page, b"TrimBox")
}

/// The font resources of a page: resource name → font dictionary.
pub(crate) fn page_fonts(doc: &Document, page: ObjectId) -> BTreeMap<Vec<u8>, &Dictionary> {
    doc.get_page_fonts(page).unwrap_or_else(|e| panic!("cannot read the fonts of a page: {e}"))
}

/// Whether a font descriptor holds a font program.
fn has_program(doc: &Document, descriptor: &Dictionary) -> bool {
    [&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().any(|key| entry(doc, descriptor, key).is_some())
}

/// Facts about one font dictionary.
fn font_info(doc: &Document, font: &Dictionary) -> FontInfo {
    let name = |d: &Dictionary, key: &[u8]| match entry(doc, d, key) {
        Some(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
        _ => String::new(),
    };
    let descendant = match entry(doc, font, b"DescendantFonts") {
        Some(Object::Array(kids)) => kids.first().and_then(|k| resolve(doc, k).as_dict().ok()),
        _ => None,
    };
    let descriptor = dict_entry(doc, descendant.unwrap_or(font), b"FontDescriptor");
    FontInfo {
        base_font: name(font, b"BaseFont"),
        embedded: descriptor.is_some_and(|d| has_program(doc, d)),
        has_to_unicode: entry(doc, font, b"ToUnicode").is_some(),
    }
}

/// Every font any page uses (each font object once), sorted by base font name.
pub fn fonts(bytes: &[u8]) -> Vec<FontInfo> {
    let doc = load(bytes);
    let mut seen: BTreeMap<*const Dictionary, FontInfo> = BTreeMap::new();
    for page in page_ids(&doc) {
        for font in page_fonts(&doc, page).into_values() {
            seen.entry(font as *const Dictionary).or_insert_with(|| font_info(&doc, font));
        }
    }
    let mut fonts: Vec<FontInfo> = seen.into_values().collect();
    fonts.sort();
    fonts
}

/// Tokens of a CMap program, as far as `bfchar`/`bfrange` need them.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `<…>`.
    Hex(Vec<u8>),
    /// `[`.
    Open,
    /// `]`.
    Close,
    /// Anything else: operators, names, numbers.
    Word(String),
}

/// Splits a CMap program into tokens (comments and literal strings are skipped over).
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = data[i..].iter().position(|&b| b == b'>').map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end].iter().copied().filter(u8::is_ascii_hexdigit).collect();
                out.push(Token::Hex(hex(&digits)));
                i = end + 1;
            }
            b'(' => {
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !b"<>[]()% \t\r\n\x0c\0".contains(&data[i]) {
                    i += 1;
                }
                i = i.max(start + 1);
                out.push(Token::Word(String::from_utf8_lossy(&data[start..i]).into_owned()));
            }
        }
    }
    out
}

/// Hex digits to bytes (an odd final digit counts as followed by 0).
fn hex(digits: &[u8]) -> Vec<u8> {
    let value = |d: u8| (d as char).to_digit(16).unwrap_or(0) as u8;
    digits.chunks(2).map(|p| value(p[0]) << 4 | p.get(1).map_or(0, |&d| value(d))).collect()
}

/// UTF-16BE bytes to a string.
fn utf16be(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)])).collect();
    String::from_utf16_lossy(&units)
}

/// A code as a number.
fn code_value(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |acc, &b| acc << 8 | u32::from(b))
}

/// A parsed ToUnicode CMap.
#[derive(Debug, Clone, Default)]
struct ToUnicode {
    /// Code → text.
    map: BTreeMap<u32, String>,
}

impl ToUnicode {
    /// Parses the `bfchar` and `bfrange` sections of a CMap program.
    fn parse(data: &[u8]) -> Self {
        let toks = tokens(data);
        let mut map = BTreeMap::new();
        let mut i = 0;
        let word = |t: &Token, w: &str| matches!(t, Token::Word(s) if s == w);
        while i < toks.len() {
            if word(&toks[i], "beginbfchar") {
                i += 1;
                while i + 1 < toks.len() && !word(&toks[i], "endbfchar") {
                    if let (Token::Hex(src), Token::Hex(dst)) = (&toks[i], &toks[i + 1]) {
                        map.insert(code_value(src), utf16be(dst));
                    }
                    i += 2;
                }
            } else if word(&toks[i], "beginbfrange") {
                i += 1;
                while i + 2 < toks.len() && !word(&toks[i], "endbfrange") {
                    let (Token::Hex(lo), Token::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                        i += 1;
                        continue;
                    };
                    let (lo, hi) = (code_value(lo), code_value(hi));
                    match &toks[i + 2] {
                        Token::Hex(dst) => {
                            // The last UTF-16 unit of the destination increments along the range.
                            for (n, code) in (lo..=hi).enumerate() {
                                let mut d = dst.clone();
                                let len = d.len();
                                if len >= 2 {
                                    let last = u16::from_be_bytes([d[len - 2], d[len - 1]]).wrapping_add(n as u16);
                                    d[len - 2..].copy_from_slice(&last.to_be_bytes());
                                }
                                map.insert(code, utf16be(&d));
                            }
                            i += 3;
                        }
                        Token::Open => {
                            let mut j = i + 3;
                            let mut code = lo;
                            while j < toks.len() && toks[j] != Token::Close {
                                if let Token::Hex(dst) = &toks[j] {
                                    map.insert(code, utf16be(dst));
                                    code += 1;
                                }
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => i += 3,
                    }
                }
            }
            i += 1;
        }
        ToUnicode { map }
    }
}

/// How to decode the strings shown in one font.
#[derive(Debug, Clone)]
pub(crate) struct TextFont {
    /// Bytes per character code (2 for Type0 fonts, 1 for simple fonts).
    code_len: usize,
    /// The font's ToUnicode map (empty when it has none).
    to_unicode: ToUnicode,
}

impl TextFont {
    /// Reads a font dictionary.
    pub(crate) fn new(doc: &Document, font: &Dictionary) -> Self {
        let type0 = matches!(entry(doc, font, b"Subtype"), Some(Object::Name(n)) if n == b"Type0");
        let to_unicode = match entry(doc, font, b"ToUnicode") {
            Some(Object::Stream(s)) => {
                let data = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
                ToUnicode::parse(&data)
            }
            _ => ToUnicode::default(),
        };
        TextFont { code_len: if type0 { 2 } else { 1 }, to_unicode }
    }

    /// The text of a shown string; unmapped codes give U+FFFD.
    pub(crate) fn decode(&self, bytes: &[u8]) -> String {
        bytes
            .chunks(self.code_len)
            .map(|code| self.to_unicode.map.get(&code_value(code)).map_or("\u{fffd}", String::as_str))
            .collect()
    }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else (nearly) Latin-1.
pub(crate) fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xfe, 0xff, rest @ ..] => utf16be(rest),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// The decoded content stream of a page.
pub(crate) fn operations(doc: &Document, page: ObjectId) -> Vec<lopdf::content::Operation> {
    let data = doc.get_page_content(page);
    Content::decode(&data).unwrap_or_else(|e| panic!("content stream does not parse: {e}")).operations
}

/// The `/ActualText` of a `BDC` operation's inline property list, if any.
fn actual_text(doc: &Document, operands: &[Object]) -> Option<String> {
    let props = match operands.get(1).map(|o| resolve(doc, o))? {
        Object::Dictionary(d) => d,
        _ => return None,
    };
    match entry(doc, props, b"ActualText")? {
        Object::String(s, _) => Some(text_string(s)),
        _ => None,
    }
}

/// The text of each page in content-stream order: every `Tj`/`TJ`/`'`/`"` string decoded
/// through its font's ToUnicode CMap, a marked-content span with `/ActualText` giving that
/// text once instead of its glyphs'. No spaces or line breaks are inferred.
pub fn extract_text(bytes: &[u8]) -> Vec<String> {
    let doc = load(bytes);
    page_ids(&doc)
        .into_iter()
        .map(|page| {
            let fonts: BTreeMap<Vec<u8>, TextFont> =
                page_fonts(&doc, page).into_iter().map(|(name, dict)| (name, TextFont::new(&doc, dict))).collect();
            let mut text = String::new();
            let mut font: Option<&TextFont> = None;
            // One entry per open marked-content sequence: whether it replaces its content.
            let mut spans: Vec<bool> = Vec::new();
            for op in operations(&doc, page) {
                let suppressed = spans.iter().any(|&s| s);
                let show = |s: &Object, text: &mut String| {
                    if let (Object::String(b, _), false) = (s, suppressed) {
                        let f = font.unwrap_or_else(|| panic!("text shown before any Tf"));
                        text.push_str(&f.decode(b));
                    }
                };
                match op.operator.as_str() {
                    "Tf" => {
                        let Some(Object::Name(name)) = op.operands.first() else { panic!("Tf without a font name") };
                        font = Some(fonts.get(name).unwrap_or_else(|| {
                            panic!("Tf names /{} which is not a font of the page", String::from_utf8_lossy(name))
                        }));
                    }
                    "Tj" | "'" => op.operands.first().into_iter().for_each(|s| show(s, &mut text)),
                    "\"" => op.operands.get(2).into_iter().for_each(|s| show(s, &mut text)),
                    "TJ" => {
                        if let Some(Object::Array(items)) = op.operands.first() {
                            items.iter().for_each(|s| show(s, &mut text));
                        }
                    }
                    "BMC" => spans.push(false),
                    "BDC" => match actual_text(&doc, &op.operands) {
                        Some(actual) => {
                            if !suppressed {
                                text.push_str(&actual);
                            }
                            spans.push(true);
                        }
                        None => spans.push(false),
                    },
                    "EMC" => {
                        spans.pop();
                    }
                    _ => {}
                }
            }
            text
        })
        .collect()
}

/// The operands of every `op` operator with four numbers on page `page`, in order.
fn colors(bytes: &[u8], page: usize, op: &str) -> Vec<[f64; 4]> {
    let doc = load(bytes);
    operations(&doc, page_id(&doc, page))
        .into_iter()
        .filter(|o| o.operator == op && o.operands.len() == 4)
        .map(|o| [0, 1, 2, 3].map(|i| number(&o.operands[i])))
        .collect()
}

/// The DeviceCMYK fill colours (`k` operands) set on page `page`, in order.
pub fn fill_colors_cmyk(bytes: &[u8], page: usize) -> Vec<[f64; 4]> {
    colors(bytes, page, "k")
}

/// The DeviceCMYK stroke colours (`K` operands) set on page `page`, in order.
pub fn stroke_colors_cmyk(bytes: &[u8], page: usize) -> Vec<[f64; 4]> {
    colors(bytes, page, "K")
}

/// The Info dictionary's string entries (Title, Author, CreationDate, …) decoded as text,
/// and its name entries (Trapped) as `/Name`.
pub fn info(bytes: &[u8]) -> BTreeMap<String, String> {
    let doc = load(bytes);
    let Some(Object::Dictionary(dict)) = doc.trailer.get(b"Info").ok().map(|o| resolve(&doc, o)) else {
        return BTreeMap::new();
    };
    dict.iter()
        .filter_map(|(key, value)| {
            let value = match resolve(&doc, value) {
                Object::String(s, _) => text_string(s),
                Object::Name(n) => format!("/{}", String::from_utf8_lossy(n)),
                _ => return None,
            };
            Some((String::from_utf8_lossy(key).into_owned(), value))
        })
        .collect()
}

/// The version in the file header, e.g. `1.6`.
pub fn header_version(bytes: &[u8]) -> String {
    let head = bytes.get(..8).unwrap_or_else(|| panic!("file too short for a header"));
    let head = std::str::from_utf8(head).unwrap_or_else(|_| panic!("header is not text"));
    head.strip_prefix("%PDF-").unwrap_or_else(|| panic!("no %PDF- header: {head:?}")).to_string()
}

/// The `/BleedBox` of page `page` (from 0), if it has one.
pub fn bleed_box(bytes: &[u8], page: usize) -> Option<[f64; 4]> {
    let doc = load(bytes);
    inherited(&doc, page_id(&doc, page), b"BleedBox")?;
    Some(page_box(bytes, page, b"BleedBox"))
}

/// The document catalog.
pub(crate) fn catalog(doc: &Document) -> &Dictionary {
    doc.catalog().unwrap_or_else(|e| panic!("no document catalog: {e}"))
}

/// A name object's text without the slash; panics on anything else.
pub(crate) fn name_of(obj: &Object) -> String {
    match obj {
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => panic!("expected a name, found {other:?}"),
    }
}

/// A string or name object as text (PDF text strings decoded).
pub(crate) fn text_of(obj: &Object) -> String {
    match obj {
        Object::String(s, _) => text_string(s),
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => panic!("expected a string, found {other:?}"),
    }
}

/// A catalog entry that is a name, e.g. `PageMode`.
pub fn catalog_name(bytes: &[u8], key: &str) -> Option<String> {
    let doc = load(bytes);
    entry(&doc, catalog(&doc), key.as_bytes()).map(name_of)
}

/// What a test needs to know about an output intent.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputIntent {
    /// `/S`, e.g. `GTS_PDFX`.
    pub subtype: String,
    /// `/OutputConditionIdentifier`.
    pub condition: String,
    /// `/N` of the embedded `/DestOutputProfile`, if there is one.
    pub components: Option<i64>,
    /// The embedded profile, decompressed (empty if none).
    pub profile: Vec<u8>,
}

/// The catalog's output intents, in order.
pub fn output_intents(bytes: &[u8]) -> Vec<OutputIntent> {
    let doc = load(bytes);
    let Some(Object::Array(intents)) = entry(&doc, catalog(&doc), b"OutputIntents") else { return Vec::new() };
    intents
        .iter()
        .map(|oi| {
            let Object::Dictionary(dict) = resolve(&doc, oi) else { panic!("an output intent is not a dictionary") };
            let profile = match entry(&doc, dict, b"DestOutputProfile") {
                Some(Object::Stream(s)) => Some(s),
                Some(other) => panic!("DestOutputProfile is not a stream: {other:?}"),
                None => None,
            };
            OutputIntent {
                subtype: entry(&doc, dict, b"S").map(name_of).unwrap_or_default(),
                condition: entry(&doc, dict, b"OutputConditionIdentifier").map(text_of).unwrap_or_default(),
                components: profile.and_then(|s| s.dict.get(b"N").ok()).and_then(|n| n.as_i64().ok()),
                profile: profile
                    .map(|s| s.decompressed_content().unwrap_or_else(|e| panic!("profile stream: {e}")))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The catalog's XMP metadata packet as text, if any.
pub fn xmp(bytes: &[u8]) -> Option<String> {
    let doc = load(bytes);
    match entry(&doc, catalog(&doc), b"Metadata")? {
        Object::Stream(s) => {
            let data = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
            Some(String::from_utf8(data).unwrap_or_else(|e| panic!("XMP is not UTF-8: {e}")))
        }
        other => panic!("/Metadata is not a stream: {other:?}"),
    }
}

/// The value of an XMP property such as `dc:title` (the first item of an array or language
/// alternative), entities decoded; `None` if the packet does not have it.
pub fn xmp_value(xmp: &str, property: &str) -> Option<String> {
    let open = format!("<{property}>");
    let start = xmp.find(&open)? + open.len();
    let end = start + xmp[start..].find(&format!("</{property}>"))?;
    let mut inner = &xmp[start..end];
    if let Some(li) = inner.find("<rdf:li") {
        let from = li + inner[li..].find('>')? + 1;
        inner = &inner[from..from + inner[from..].find("</rdf:li>")?];
    }
    Some(inner.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"))
}

/// The top-level outline entries: title, page (from 0) and the top of the destination.
pub fn outline(bytes: &[u8]) -> Vec<(String, usize, f64)> {
    let doc = load(bytes);
    let pages = page_ids(&doc);
    let Some(root) = dict_entry(&doc, catalog(&doc), b"Outlines") else { return Vec::new() };
    let mut entries = Vec::new();
    let mut item = dict_entry(&doc, root, b"First");
    while let Some(dict) = item {
        let title = entry(&doc, dict, b"Title").map(text_of).unwrap_or_default();
        let Some(Object::Array(dest)) = entry(&doc, dict, b"Dest") else { panic!("outline item {title} has no /Dest") };
        let Some(Object::Reference(page)) = dest.first() else { panic!("/Dest of {title} names no page") };
        let page = pages.iter().position(|p| p == page).unwrap_or_else(|| panic!("/Dest of {title}: no such page"));
        let top = dest.get(3).map_or(f64::NAN, |o| number(resolve(&doc, o)));
        entries.push((title, page, top));
        item = dict_entry(&doc, dict, b"Next");
    }
    entries
}

/// The Separation colour spaces in page `page`'s resources: resource name → (colorant name,
/// alternate space name).
pub fn separations(bytes: &[u8], page: usize) -> BTreeMap<String, (String, String)> {
    let doc = load(bytes);
    let page = doc.get_dictionary(page_id(&doc, page)).unwrap_or_else(|e| panic!("page: {e}"));
    let Some(resources) = dict_entry(&doc, page, b"Resources") else { return BTreeMap::new() };
    let Some(spaces) = dict_entry(&doc, resources, b"ColorSpace") else { return BTreeMap::new() };
    spaces
        .iter()
        .filter_map(|(key, value)| match resolve(&doc, value) {
            Object::Array(a) if a.first().map(name_of).as_deref() == Some("Separation") => Some((
                String::from_utf8_lossy(key).into_owned(),
                (a.get(1).map(name_of).unwrap_or_default(), a.get(2).map(name_of).unwrap_or_default()),
            )),
            _ => None,
        })
        .collect()
}

/// A text run as drawn: its text (through ToUnicode), font size, baseline and the boxes of
/// its glyphs, in PDF user space (y up).
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnRun {
    /// The run's text (its glyphs', not an ActualText).
    pub text: String,
    /// Font size.
    pub size: f64,
    /// Baseline y.
    pub baseline: f64,
    /// Left and right x of each glyph's advance box.
    pub glyphs: Vec<(f64, f64)>,
    /// The `/BaseFont` of the font it is drawn in (subset tag included).
    pub font: String,
}

impl DrawnRun {
    /// Leftmost and rightmost x.
    pub fn extent(&self) -> (f64, f64) {
        let left = self.glyphs.iter().map(|g| g.0).fold(f64::INFINITY, f64::min);
        let right = self.glyphs.iter().map(|g| g.1).fold(f64::NEG_INFINITY, f64::max);
        (left, right)
    }
}

/// Glyph widths of a CID font (`/W`, `/DW`), in thousandths of the size.
fn cid_widths(doc: &Document, font: &Dictionary) -> (BTreeMap<u32, f64>, f64) {
    let descendant = match entry(doc, font, b"DescendantFonts") {
        Some(Object::Array(kids)) => kids.first().and_then(|k| resolve(doc, k).as_dict().ok()),
        _ => None,
    };
    let Some(cid) = descendant else { return (BTreeMap::new(), 1000.0) };
    let default = entry(doc, cid, b"DW").map_or(1000.0, number);
    let mut widths = BTreeMap::new();
    if let Some(Object::Array(w)) = entry(doc, cid, b"W") {
        let items: Vec<&Object> = w.iter().map(|o| resolve(doc, o)).collect();
        let mut i = 0;
        while i < items.len() {
            let first = number(items[i]) as u32;
            match items.get(i + 1) {
                Some(Object::Array(list)) => {
                    for (n, v) in list.iter().enumerate() {
                        widths.insert(first + n as u32, number(resolve(doc, v)));
                    }
                    i += 2;
                }
                Some(last) => {
                    let (last, width) = (number(last) as u32, items.get(i + 2).map_or(default, |o| number(o)));
                    for c in first..=last {
                        widths.insert(c, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    (widths, default)
}

/// A page font as runs read it: its decoder, glyph widths, default width and base name.
type RunFont = (TextFont, BTreeMap<u32, f64>, f64, String);

/// Every text object of page `page` as a drawn run: glyph positions from the text matrix,
/// `TJ` adjustments, the fonts' widths and the horizontal scaling (text matrices with
/// translation only, as jianbao writes them; a `cm` translation is applied).
pub fn drawn_runs(bytes: &[u8], page: usize) -> Vec<DrawnRun> {
    let doc = load(bytes);
    let id = page_id(&doc, page);
    let fonts: BTreeMap<Vec<u8>, RunFont> = page_fonts(&doc, id)
        .into_iter()
        .map(|(name, dict)| {
            let (w, dw) = cid_widths(&doc, dict);
            let base = font_info(&doc, dict).base_font;
            (name, (TextFont::new(&doc, dict), w, dw, base))
        })
        .collect();
    let mut runs = Vec::new();
    let (mut dx, mut dy) = (0.0, 0.0);
    let mut font: Option<&RunFont> = None;
    let (mut size, mut pen, mut baseline, mut scale) = (0.0, 0.0, 0.0, 1.0);
    let mut run: Option<DrawnRun> = None;
    for op in operations(&doc, id) {
        let nums: Vec<f64> = op
            .operands
            .iter()
            .filter_map(|o| match o {
                Object::Integer(_) | Object::Real(_) => Some(number(o)),
                _ => None,
            })
            .collect();
        match op.operator.as_str() {
            "cm" if nums.len() == 6 => {
                dx += nums[4];
                dy += nums[5];
            }
            "Q" => {
                (dx, dy) = (0.0, 0.0);
            }
            "BT" => {
                run = Some(DrawnRun {
                    text: String::new(),
                    size: 0.0,
                    baseline: 0.0,
                    glyphs: Vec::new(),
                    font: String::new(),
                })
            }
            "ET" => runs.extend(run.take().filter(|r| !r.glyphs.is_empty())),
            "Tf" => {
                if let Some(Object::Name(name)) = op.operands.first() {
                    font = fonts.get(name);
                }
                size = nums.first().copied().unwrap_or(0.0);
            }
            "Tz" if nums.len() == 1 => scale = nums[0] / 100.0,
            "Tm" if nums.len() == 6 => {
                pen = nums[4] + dx;
                baseline = nums[5] + dy;
            }
            "Tj" | "TJ" => {
                let (Some(r), Some((tf, widths, dw, base))) = (run.as_mut(), font) else { continue };
                r.size = size;
                r.font.clone_from(base);
                r.baseline = baseline;
                let items: Vec<&Object> = match op.operands.first() {
                    Some(Object::Array(items)) => items.iter().collect(),
                    Some(s) => vec![s],
                    None => Vec::new(),
                };
                for item in items {
                    match item {
                        Object::String(b, _) => {
                            for code in b.chunks(tf.code_len) {
                                let w = widths.get(&code_value(code)).copied().unwrap_or(*dw) * size / 1000.0 * scale;
                                r.glyphs.push((pen, pen + w));
                                r.text.push_str(&tf.decode(code));
                                pen += w;
                            }
                        }
                        other => pen -= number(other) * size / 1000.0 * scale,
                    }
                }
            }
            _ => {}
        }
    }
    runs
}

/// A picture as drawn on a page: where (PDF user space, y up) and what the XObject holds.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnImage {
    /// Left, bottom, right and top edges.
    pub rect: [f64; 4],
    /// Pixel width and height.
    pub pixels: (u32, u32),
    /// The colour space: its name, or the family of an array (`ICCBased`, `Indexed` …).
    pub color_space: String,
    /// Components of an ICC-based colour space (its `/N`), else 0.
    pub components: u32,
}

/// Every image XObject drawn on page `page`, with the current transformation matrix at its
/// `Do` (`q`/`Q` and `cm` followed).
pub fn drawn_images(bytes: &[u8], page: usize) -> Vec<DrawnImage> {
    let doc = load(bytes);
    let id = page_id(&doc, page);
    let resources = match inherited(&doc, id, b"Resources") {
        Some(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let xobjects = resources.and_then(|r| dict_entry(&doc, r, b"XObject"));
    let mut out = Vec::new();
    let mut stack = Vec::new();
    let mut m = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
    for op in operations(&doc, id) {
        match op.operator.as_str() {
            "q" => stack.push(m),
            "Q" => m = stack.pop().unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            "cm" if op.operands.len() == 6 => {
                let n: Vec<f64> = op.operands.iter().map(|o| number(resolve(&doc, o))).collect();
                m = [
                    n[0] * m[0] + n[1] * m[2],
                    n[0] * m[1] + n[1] * m[3],
                    n[2] * m[0] + n[3] * m[2],
                    n[2] * m[1] + n[3] * m[3],
                    n[4] * m[0] + n[5] * m[2] + m[4],
                    n[4] * m[1] + n[5] * m[3] + m[5],
                ];
            }
            "Do" => {
                let Some(Object::Name(name)) = op.operands.first() else { continue };
                let Some(Object::Stream(stream)) = xobjects.and_then(|x| entry(&doc, x, name)) else { continue };
                let dict = &stream.dict;
                if !matches!(entry(&doc, dict, b"Subtype"), Some(Object::Name(n)) if n == b"Image") {
                    continue;
                }
                let int = |key: &[u8]| entry(&doc, dict, key).map_or(0, |o| number(o) as u32);
                let (color_space, components) = match entry(&doc, dict, b"ColorSpace") {
                    Some(Object::Name(n)) => (String::from_utf8_lossy(n).into_owned(), 0),
                    Some(Object::Array(a)) => {
                        let family = match a.first() {
                            Some(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
                            _ => String::new(),
                        };
                        let n = match a.get(1).map(|o| resolve(&doc, o)) {
                            Some(Object::Stream(icc)) => entry(&doc, &icc.dict, b"N").map_or(0, |o| number(o) as u32),
                            _ => 0,
                        };
                        (family, n)
                    }
                    _ => (String::new(), 0),
                };
                let (x0, x1) = (m[4].min(m[4] + m[0]), m[4].max(m[4] + m[0]));
                let (y0, y1) = (m[5].min(m[5] + m[3]), m[5].max(m[5] + m[3]));
                out.push(DrawnImage {
                    rect: [x0, y0, x1, y1],
                    pixels: (int(b"Width"), int(b"Height")),
                    color_space,
                    components,
                });
            }
            _ => {}
        }
    }
    out
}

/// The titles and dictionaries of an outline level, from its first item on.
fn outline_level<'a>(doc: &'a Document, first: Option<&'a Dictionary>) -> Vec<(String, &'a Dictionary)> {
    let mut out = Vec::new();
    let mut item = first;
    while let Some(dict) = item {
        out.push((entry(doc, dict, b"Title").map(text_of).unwrap_or_default(), dict));
        item = dict_entry(doc, dict, b"Next");
    }
    out
}

/// The top-level outline entries' titles, each with the titles of its children.
pub fn outline_tree(bytes: &[u8]) -> Vec<(String, Vec<String>)> {
    let doc = load(bytes);
    let Some(root) = dict_entry(&doc, catalog(&doc), b"Outlines") else { return Vec::new() };
    outline_level(&doc, dict_entry(&doc, root, b"First"))
        .into_iter()
        .map(|(title, dict)| {
            let children = outline_level(&doc, dict_entry(&doc, dict, b"First")).into_iter().map(|(t, _)| t).collect();
            (title, children)
        })
        .collect()
}
