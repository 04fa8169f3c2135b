//! Relationships (`_rels/*.rels`): which part a `r:id` points to, resolved to a part name.

use std::collections::HashMap;

use roxmltree::Document;

use super::xml::is_local;

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rel {
    /// `Id`, e.g. `rId5`.
    pub id: String,
    /// `Type`, a URI ending in e.g. `/image` or `/styles`.
    pub kind: String,
    /// The target part's name within the package (resolved), or the external URI.
    pub target: String,
    /// Whether the target is outside the package (`TargetMode="External"`).
    pub external: bool,
}

/// The relationships of one part.
#[derive(Debug, Default)]
pub(super) struct Rels {
    list: Vec<Rel>,
    /// Id → index in `list`.
    ids: HashMap<String, usize>,
}

impl Rels {
    /// Reads a `.rels` part belonging to `source` (the part whose relationships they are).
    pub fn parse(doc: &Document, source: &str) -> Rels {
        let list = doc
            .root_element()
            .children()
            .filter(|n| is_local(*n, "Relationship"))
            .filter_map(|n| {
                let external = n.attribute("TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
                let target = n.attribute("Target")?;
                Some(Rel {
                    id: n.attribute("Id")?.to_string(),
                    kind: n.attribute("Type").unwrap_or_default().to_string(),
                    target: if external { target.to_string() } else { resolve(source, target) },
                    external,
                })
            })
            .collect::<Vec<_>>();
        let mut ids = HashMap::new();
        for (i, rel) in list.iter().enumerate() {
            ids.entry(rel.id.clone()).or_insert(i);
        }
        Rels { list, ids }
    }

    /// The relationship with this id.
    pub fn get(&self, id: &str) -> Option<&Rel> {
        self.ids.get(id).and_then(|&i| self.list.get(i))
    }

    /// The first internal relationship whose type ends with `/suffix`.
    pub fn of_type(&self, suffix: &str) -> Option<&Rel> {
        self.list.iter().find(|r| !r.external && r.kind.rsplit('/').next() == Some(suffix))
    }
}

/// The relationships part of `part`: `word/document.xml` → `word/_rels/document.xml.rels`.
pub(super) fn rels_part(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A relationship target as a part name: relative to the source part's folder (or to the
/// package root when it starts with `/`), `.` and `..` applied, `%XX` decoded. `..` never
/// climbs above the root; the result is only used to look a part up in the zip.
pub(super) fn resolve(source: &str, target: &str) -> String {
    let target = percent_decode(target.split(['#', '?']).next().unwrap_or_default());
    let mut parts: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        parts.extend(source.rsplit_once('/').map(|(dir, _)| dir.split('/').collect::<Vec<_>>()).unwrap_or_default());
    }
    for segment in target.split(['/', '\\']) {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// `%XX` escapes decoded (as UTF-8; a bad escape stays as it is).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve("word/document.xml", "media/image1.png"), "word/media/image1.png");
        assert_eq!(resolve("word/document.xml", "/word/media/a.png"), "word/media/a.png");
        assert_eq!(resolve("word/document.xml", "../../../etc/passwd"), "etc/passwd");
        assert_eq!(resolve("word/document.xml", "./media/image%201.png"), "word/media/image 1.png");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(rels_part("word/document.xml"), "word/_rels/document.xml.rels");
    }

    #[test]
    fn reads_relationships() {
        let xml = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            <Relationship Id="rId2" Type="http://x/image" Target="http://example.com/a.png" TargetMode="External"/>
        </Relationships>"#;
        let doc = Document::parse(xml).expect("parses");
        let rels = Rels::parse(&doc, "word/document.xml");
        assert_eq!(rels.of_type("styles").map(|r| r.target.as_str()), Some("word/styles.xml"));
        assert!(rels.get("rId2").is_some_and(|r| r.external && r.target == "http://example.com/a.png"));
        assert!(rels.get("rId3").is_none());
    }
}
