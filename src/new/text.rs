//! The new manifest's text: the previous one edited in place (toml_edit keeps its layout and
//! comments), with the issue's number, date and total set and one placeholder article.

use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::PLACEHOLDER;
use crate::diagnostic::Diagnostic;
use crate::manifest::Date;

/// The placeholder article's text.
pub const PLACEHOLDER_TEXT: &str =
    "（在此写入正文，或用 `jianbao import 文章.docx -o articles/01.md` 导入 Word 稿件。）\n";

/// What the new manifest says.
#[derive(Debug, Clone, Copy)]
pub struct Plan<'a> {
    /// The manifest it is started from.
    pub from: &'a Path,
    /// The series title.
    pub title: &'a str,
    /// The new date.
    pub date: Date,
    /// The new number.
    pub number: u64,
    /// The total to write in the manifest (`None`: the series file derives it).
    pub total: Option<u64>,
}

/// The previous manifest `previous` turned into the next issue's.
pub fn manifest(previous: &str, plan: &Plan) -> Result<String, Diagnostic> {
    let mut doc: DocumentMut = previous
        .parse()
        .map_err(|e: toml_edit::TomlError| Diagnostic::file(plan.from, format!("cannot read the manifest: {e}")))?;
    let issue = doc["issue"]
        .as_table_like_mut()
        .ok_or_else(|| Diagnostic::file(plan.from, "the manifest has no [issue] table"))?;
    let Date { year, month, day } = plan.date;
    issue.insert("number", value(i64::try_from(plan.number).unwrap_or(i64::MAX)));
    let date = toml_edit::Date { year, month, day };
    issue.insert("date", value(toml_edit::Datetime { date: Some(date), time: None, offset: None }));
    match plan.total {
        Some(total) => drop(issue.insert("total", value(i64::try_from(total).unwrap_or(i64::MAX)))),
        None => drop(issue.remove("total")),
    }
    issue.remove("special");
    doc.remove("editor_note");
    let position =
        doc.get("article").and_then(Item::as_array_of_tables).and_then(|a| a.get(0)).and_then(Table::position);
    let mut article = Table::new();
    article.insert("title", value("（标题）"));
    article.insert("source", value("（供稿单位）"));
    article.insert("file", value(PLACEHOLDER));
    article.set_position(position);
    let mut articles = ArrayOfTables::new();
    articles.push(article);
    doc.insert("article", Item::ArrayOfTables(articles));
    let body = doc.to_string();
    let body = body.trim_start_matches(|c: char| c.is_whitespace());
    let body = strip_leading_comments(body);
    let from = plan.from.display();
    Ok(format!("# 《{}》{year}年第{}期, started by `jianbao new` from {from}.\n\n{body}", plan.title, plan.number))
}

/// The text without the comment lines (and blank lines) it opens with: they described the
/// previous issue.
fn strip_leading_comments(text: &str) -> &str {
    let mut rest = text;
    while rest.starts_with('#') || rest.starts_with('\n') || rest.starts_with("\r\n") {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}
