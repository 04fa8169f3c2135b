//! The archive index beside the PDFs, `index.csv` and `index.json`: one row per PDF (file,
//! series, number, total, date, pages, article titles, bytes), sorted by file, so the back
//! issues can be searched and listed.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::manifest::Issue;

/// One PDF of the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The PDF's path relative to the output folder, `/`-separated, e.g. `2021/04.pdf`.
    pub file: String,
    /// The series title, e.g. 联络动态.
    pub series: String,
    /// Issue number (第N期).
    pub number: u64,
    /// Running total (总第N期), when the manifest or the series file gives one.
    pub total: Option<u64>,
    /// Issue date, `YYYY-MM-DD`.
    pub date: String,
    /// Pages.
    pub pages: usize,
    /// Article titles in print order.
    pub titles: Vec<String>,
    /// Size of the PDF in bytes.
    pub bytes: u64,
}

impl Row {
    /// The row for `issue` built into `file` with `pages` pages and `bytes` bytes.
    pub fn new(file: &str, issue: &Issue, pages: usize, bytes: u64) -> Row {
        let d = issue.date.get_ref();
        Row {
            file: file.to_string(),
            series: issue.series.title.value.clone(),
            number: *issue.number.get_ref(),
            total: issue.total.as_ref().map(|t| t.value),
            date: format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            pages,
            titles: issue.articles.iter().map(|a| a.title.get_ref().clone()).collect(),
            bytes,
        }
    }
}

/// The index file names inside the output folder.
pub const FILES: [&str; 2] = ["index.csv", "index.json"];

/// The rows as CSV (RFC 4180, UTF-8, CRLF): titles joined with `；`.
pub fn csv(rows: &[&Row]) -> String {
    let lines: Vec<String> = rows.iter().map(|r| csv_line(r)).collect();
    csv_of(&lines)
}

/// The CSV file of rows already written as lines ([`csv_line`]).
pub fn csv_of<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::from("file,series,number,total,date,pages,titles,bytes\r\n");
    for line in lines {
        out.push_str(line.as_ref());
    }
    out
}

/// One row as a CSV line, CRLF included.
pub fn csv_line(r: &Row) -> String {
    let total = r.total.map(|t| t.to_string()).unwrap_or_default();
    let cells = [
        cell(&r.file),
        cell(&r.series),
        r.number.to_string(),
        total,
        r.date.clone(),
        r.pages.to_string(),
        cell(&r.titles.join("；")),
        r.bytes.to_string(),
    ];
    let mut out = cells.join(",");
    out.push_str("\r\n");
    out
}

/// A CSV cell, quoted when it holds a comma, quote or line break.
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// The rows as a JSON array of objects, one per line.
pub fn json(rows: &[&Row]) -> String {
    let objects: Vec<String> = rows.iter().map(|r| json_object(r)).collect();
    json_of(&objects)
}

/// The JSON file of rows already written as objects ([`json_object`]).
pub fn json_of<S: AsRef<str>>(objects: &[S]) -> String {
    let mut out = String::from("[\n");
    for (i, object) in objects.iter().enumerate() {
        out.push_str("  ");
        out.push_str(object.as_ref());
        out.push_str(if i + 1 < objects.len() { ",\n" } else { "\n" });
    }
    out.push_str("]\n");
    out
}

/// One row as a JSON object on one line.
pub fn json_object(r: &Row) -> String {
    let titles: Vec<String> = r.titles.iter().map(|t| string(t)).collect();
    let total = r.total.map_or_else(|| "null".to_string(), |t| t.to_string());
    format!(
        "{{\"file\": {}, \"series\": {}, \"number\": {}, \"total\": {total}, \"date\": {}, \"pages\": {}, \
         \"titles\": [{}], \"bytes\": {}}}",
        string(&r.file),
        string(&r.series),
        r.number,
        string(&r.date),
        r.pages,
        titles.join(", "),
        r.bytes
    )
}

/// A JSON string literal (UTF-8 kept as is; quotes, backslashes and controls escaped).
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        Row {
            file: "2021/04.pdf".into(),
            series: "联络动态".into(),
            number: 4,
            total: Some(627),
            date: "2021-04-03".into(),
            pages: 2,
            titles: vec!["长沙市开展“走访”活动".into(), "a, \"b\"".into()],
            bytes: 198_000,
        }
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let r = row();
        let text = csv(&[&r]);
        let line = text.lines().nth(1).unwrap_or_default();
        assert_eq!(line, "2021/04.pdf,联络动态,4,627,2021-04-03,2,\"长沙市开展“走访”活动；a, \"\"b\"\"\",198000");
    }

    #[test]
    fn json_escapes_and_keeps_chinese() {
        let mut r = row();
        r.total = None;
        let text = json(&[&r]);
        assert!(text.contains("\"total\": null"), "{text}");
        assert!(text.contains("[\"长沙市开展“走访”活动\", \"a, \\\"b\\\"\"]"), "{text}");
        assert_eq!(json(&[]), "[\n]\n");
    }
}
