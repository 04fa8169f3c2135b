//! Numbering (`word/numbering.xml`): list definitions and the counters that turn a numbered
//! paragraph into the text Word shows before it (一、, （一）, 1., （1）…).

use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node};

use super::numfmt;
use super::styles::Styles;
use super::xml::{is_w, toggle, w_attr, w_child, w_child_val};

/// Levels a list has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone)]
struct Level {
    /// `w:start`.
    start: i64,
    /// `w:numFmt`.
    format: String,
    /// `w:lvlText`, e.g. `%1、` or `（%2）`.
    text: String,
    /// `w:lvlRestart`: restart after this (1-based) level is used; 0 never.
    restart: Option<u32>,
    /// `w:isLgl`: every number in the text as decimal digits.
    legal: bool,
    /// Bold of the number itself (`w:rPr/w:b`).
    bold: Option<bool>,
    /// `w:pStyle`: the paragraph style tied to this level.
    style: Option<String>,
}

impl Level {
    /// Reads a `w:lvl`.
    fn read(node: Node) -> Level {
        Level {
            start: w_child_val(node, "start").and_then(|v| v.trim().parse().ok()).unwrap_or(1),
            format: w_child_val(node, "numFmt").unwrap_or("decimal").to_string(),
            text: w_child_val(node, "lvlText").unwrap_or_default().to_string(),
            restart: w_child_val(node, "lvlRestart").and_then(|v| v.trim().parse().ok()),
            legal: w_child(node, "isLgl").is_some_and(super::xml::on_off),
            bold: toggle(w_child(node, "rPr"), "b"),
            style: w_child_val(node, "pStyle").map(str::to_string),
        }
    }
}

/// The level number of a `w:lvl` or `w:lvlOverride` (`w:ilvl`), if within 0–8.
fn level_index(node: Node) -> Option<usize> {
    w_attr(node, "ilvl").and_then(|v| v.trim().parse().ok()).filter(|&l: &usize| l < LEVELS)
}

/// A list definition (`w:abstractNum`).
#[derive(Debug, Default)]
struct Abstract {
    levels: Vec<Option<Level>>,
    /// `w:numStyleLink`: the definition lives with this numbering style.
    num_style_link: Option<String>,
}

/// A list instance (`w:num`): a definition and its overrides.
#[derive(Debug, Default)]
struct Num {
    /// The definition's id, after following `w:numStyleLink`.
    abstract_id: String,
    /// Per level: `w:startOverride` and a replacement `w:lvl`.
    overrides: HashMap<usize, (Option<i64>, Option<Level>)>,
}

/// The text before a numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Label {
    /// The number as Word shows it, e.g. `一、`; empty for a bullet.
    pub text: String,
    /// Whether the level is a bullet (no number).
    pub bullet: bool,
    /// Bold set on the level's own run properties.
    pub bold: Option<bool>,
}

/// The numbering definitions of a document and the counters of its lists.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    /// Current values per definition (Word counts lists of one definition together).
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// Instances already used (their start overrides applied).
    started: HashSet<String>,
}

impl Numbering {
    /// Reads `numbering.xml`; `styles` resolves `w:numStyleLink`.
    pub fn parse(doc: &Document, styles: &Styles) -> Numbering {
        let mut out = Numbering::default();
        let root = doc.root_element();
        for node in root.children().filter(|n| is_w(*n, "abstractNum")) {
            let Some(id) = w_attr(node, "abstractNumId") else { continue };
            let mut levels = vec![None; LEVELS];
            for lvl in node.children().filter(|n| is_w(*n, "lvl")) {
                if let Some(i) = level_index(lvl) {
                    levels[i] = Some(Level::read(lvl));
                }
            }
            let num_style_link = w_child_val(node, "numStyleLink").map(str::to_string);
            out.abstracts.entry(id.to_string()).or_insert(Abstract { levels, num_style_link });
        }
        let mut links: HashMap<String, String> = HashMap::new();
        for node in root.children().filter(|n| is_w(*n, "num")) {
            let (Some(id), Some(abstract_id)) = (w_attr(node, "numId"), w_child_val(node, "abstractNumId")) else {
                continue;
            };
            let mut overrides = HashMap::new();
            for o in node.children().filter(|n| is_w(*n, "lvlOverride")) {
                if let Some(i) = level_index(o) {
                    let start = w_child_val(o, "startOverride").and_then(|v| v.trim().parse().ok());
                    overrides.insert(i, (start, w_child(o, "lvl").map(Level::read)));
                }
            }
            links.insert(id.to_string(), abstract_id.to_string());
            out.nums.insert(id.to_string(), Num { abstract_id: abstract_id.to_string(), overrides });
        }
        // A definition that only links to a numbering style takes the definition that style's
        // list uses (followed a few steps: links may loop in a damaged file).
        for num in out.nums.values_mut() {
            for _ in 0..4 {
                let Some(style) = out.abstracts.get(&num.abstract_id).and_then(|a| a.num_style_link.clone()) else {
                    break;
                };
                match styles.numbering_style_num(&style).and_then(|n| links.get(&n)) {
                    Some(target) if *target != num.abstract_id => num.abstract_id = target.clone(),
                    _ => break,
                }
            }
        }
        out
    }

    /// The level definition `level` of list instance `num`.
    fn level<'a>(&'a self, num: &'a Num, level: usize) -> Option<&'a Level> {
        let replaced = num.overrides.get(&level).and_then(|(_, l)| l.as_ref());
        replaced.or_else(|| self.abstracts.get(&num.abstract_id)?.levels.get(level)?.as_ref())
    }

    /// The value level `level` of `num` starts at.
    fn start(&self, num: &Num, level: usize) -> i64 {
        let overridden = num.overrides.get(&level).and_then(|(s, _)| *s);
        overridden.or_else(|| self.level(num, level).map(|l| l.start)).unwrap_or(1)
    }

    /// The level of list `num_id` tied to the paragraph style `style` (`w:lvl/w:pStyle`).
    pub fn level_for_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let num = self.nums.get(num_id)?;
        (0..LEVELS)
            .find(|&l| self.level(num, l).is_some_and(|lvl| lvl.style.as_deref() == Some(style)))
            .map(|l| l as u8)
    }

    /// Counts one more paragraph at `level` of list `num_id` and returns its label; `None`
    /// when the list or level is not defined.
    pub fn next(&mut self, num_id: &str, level: u8) -> Option<Label> {
        let level = usize::from(level).min(LEVELS - 1);
        let num = self.nums.get(num_id)?;
        let def = self.level(num, level)?.clone();
        let starts: Vec<i64> = (0..LEVELS).map(|l| self.start(num, l)).collect();
        let restarts: Vec<Option<u32>> = (0..LEVELS).map(|l| self.level(num, l).and_then(|d| d.restart)).collect();
        let formats: Vec<String> = (0..LEVELS)
            .map(|l| self.level(num, l).map_or_else(|| "decimal".to_string(), |d| d.format.clone()))
            .collect();
        let overridden: Vec<usize> = num.overrides.iter().filter(|(_, (s, _))| s.is_some()).map(|(l, _)| *l).collect();
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if self.started.insert(num_id.to_string()) {
            for l in overridden {
                counters[l] = None;
            }
        }
        let value = counters[level].map_or(starts[level], |v| v.saturating_add(1));
        counters[level] = Some(value);
        for deeper in level + 1..LEVELS {
            let reset = match restarts[deeper] {
                None => true,
                Some(0) => false,
                Some(after) => (level as u32) < after,
            };
            if reset {
                counters[deeper] = None;
            }
        }
        if def.format == "bullet" {
            return Some(Label { text: String::new(), bullet: true, bold: def.bold });
        }
        let mut text = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
            match (c, placeholder) {
                ('%', Some(d)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = counters[l].unwrap_or(starts[l]);
                    let format = if def.legal { "decimal" } else { formats[l].as_str() };
                    text.push_str(&numfmt::format(value, format).unwrap_or_default());
                }
                _ => text.push(c),
            }
        }
        Some(Label { text, bullet: false, bold: def.bold })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn lvl(i: u8, fmt: &str, text: &str, extra: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
        )
    }

    fn numbering(body: &str, styles: &str) -> Numbering {
        let styles = format!(r#"<w:styles xmlns:w="{W}">{styles}</w:styles>"#);
        let styles = Document::parse(&styles).expect("styles parse");
        let styles = Styles::parse(&styles);
        let xml = format!(r#"<w:numbering xmlns:w="{W}">{body}</w:numbering>"#);
        let doc = Document::parse(&xml).expect("numbering parses");
        Numbering::parse(&doc, &styles)
    }

    fn gov() -> String {
        format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}{}</w:abstractNum>"#,
            lvl(0, "chineseCounting", "%1、", ""),
            lvl(1, "chineseCounting", "（%2）", ""),
            lvl(2, "decimal", "%3.", ""),
            lvl(3, "decimal", "（%4）", r#"<w:lvlRestart w:val="1"/>"#),
        )
    }

    fn texts(n: &mut Numbering, seq: &[(&str, u8)]) -> Vec<String> {
        seq.iter().map(|(id, l)| n.next(id, *l).map(|l| l.text).unwrap_or_else(|| "-".into())).collect()
    }

    #[test]
    fn government_levels_count_and_restart() {
        let mut n = numbering(&format!(r#"{}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#, gov()), "");
        let got = texts(&mut n, &[("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 3), ("1", 0), ("1", 1), ("1", 3)]);
        assert_eq!(got, ["一、", "（一）", "（二）", "1.", "（1）", "二、", "（一）", "（1）"]);
        assert_eq!(texts(&mut n, &[("9", 0), ("1", 7)]), ["-", "-"]);
    }

    #[test]
    fn lvl_restart_keeps_counting_below_a_lower_level() {
        // Level 4 restarts only after level 1: a level-2 or level-3 paragraph does not reset it.
        let mut n = numbering(&format!(r#"{}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#, gov()), "");
        let got = texts(&mut n, &[("1", 0), ("1", 3), ("1", 1), ("1", 3), ("1", 0), ("1", 3)]);
        assert_eq!(got, ["一、", "（1）", "（一）", "（2）", "二、", "（1）"]);
    }

    #[test]
    fn instances_share_a_definition_unless_they_override_the_start() {
        let body = format!(
            r#"{}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
               <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
               <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
            gov()
        );
        let mut n = numbering(&body, "");
        assert_eq!(
            texts(&mut n, &[("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)]),
            ["一、", "二、", "五、", "六、", "七、"]
        );
    }

    #[test]
    fn multi_level_text_legal_and_bullets() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="4">{}{}{}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>"#,
            lvl(0, "chineseCounting", "第%1章", ""),
            lvl(1, "chineseCounting", "%1.%2", "<w:isLgl/>"),
            lvl(2, "bullet", "\u{F0B7}", ""),
        );
        let mut n = numbering(&body, "");
        assert_eq!(texts(&mut n, &[("7", 0), ("7", 1), ("7", 0), ("7", 1)]), ["第一章", "1.1", "第二章", "2.1"]);
        assert!(n.next("7", 2).is_some_and(|l| l.bullet && l.text.is_empty()));
    }

    #[test]
    fn num_style_link_uses_the_style_list() {
        let styles = r#"<w:style w:type="numbering" w:styleId="GovList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
        let body = format!(
            r#"{}<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GovList"/></w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
               <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#,
            gov()
        );
        let mut n = numbering(&body, styles);
        assert_eq!(texts(&mut n, &[("2", 0), ("2", 1)]), ["一、", "（一）"]);
    }

    #[test]
    fn level_tied_to_a_style() {
        let body = format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、", r#"<w:pStyle w:val="H1"/>"#),
            lvl(1, "chineseCounting", "（%2）", r#"<w:pStyle w:val="H2"/>"#),
        );
        let n = numbering(&body, "");
        assert_eq!((n.level_for_style("1", "H2"), n.level_for_style("1", "X")), (Some(1), None));
    }
}
