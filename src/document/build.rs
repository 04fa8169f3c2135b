//! From a validated [`Issue`] to a [`Document`]: wording the masthead, articles and closing.

use std::path::Path;

use toml::Spanned;

use super::model::{Article, Closing, Document, Masthead};
use super::numerals::{chinese_date, chinese_numeral};
use super::text::{paragraphs, untab};
use crate::manifest::{self, Issue, Located};

/// The layout used when the series names none.
pub const DEFAULT_LAYOUT: &str = "two-column";

/// The distribution label used when the manifest gives none.
pub const DEFAULT_LABEL: &str = "送";

/// Builds the document of an issue: every block worded as printed.
pub fn from_issue(issue: &Issue) -> Document {
    let date = *issue.date.get_ref();
    let series = &issue.series;
    let masthead = Masthead {
        pinyin: series.pinyin.as_ref().map(|p| untab(&p.value).into_owned()),
        title: untab(&series.title.value).into_owned(),
        number: format!("第{}期", issue.number.get_ref()),
        total: issue.total.as_ref().map(|t| format!("（总第{}期）", chinese_numeral(t.value))),
        publisher: untab(&series.publisher.value).into_owned(),
        date: chinese_date(date.year, date.month, date.day),
    };
    Document {
        masthead,
        articles: issue.articles.iter().map(article).collect(),
        closing: closing(issue),
        layout: layout(issue, series.layout.as_ref()),
        date: (i32::from(date.year), date.month, date.day),
    }
}

/// One article: title, paragraphs and the credit line （SOURCE　供稿）.
fn article(article: &manifest::Article) -> Article {
    Article {
        title: untab(article.title.get_ref()).into_owned(),
        paragraphs: paragraphs(&article.text),
        credit: article.source.as_ref().map(|s| format!("（{}\u{3000}供稿）", untab(s.get_ref()))),
    }
}

/// The closing block; the label defaults to 送.
fn closing(issue: &Issue) -> Closing {
    let values = |list: &[Spanned<String>]| list.iter().map(|s| untab(s.get_ref()).into_owned()).collect();
    let optional = |s: &Option<Spanned<String>>| s.as_ref().map(|s| untab(s.get_ref()).into_owned());
    let distribution = issue.distribution.as_ref();
    let colophon = issue.colophon.as_ref();
    Closing {
        label: distribution
            .and_then(|d| d.label.as_ref())
            .map_or_else(|| DEFAULT_LABEL.to_string(), |l| l.get_ref().clone()),
        recipients: distribution.map_or_else(Vec::new, |d| values(&d.recipients)),
        editors: colophon.map_or_else(Vec::new, |c| values(&c.editors)),
        phone: colophon.and_then(|c| optional(&c.phone)),
        email: colophon.and_then(|c| optional(&c.email)),
        approval: colophon.and_then(|c| optional(&c.approval)),
    }
}

/// The layout: a name as written, or a path (contains `/` or ends in `.toml`) resolved
/// against the folder of the file that wrote it.
fn layout(issue: &Issue, layout: Option<&Located<String>>) -> String {
    let Some(layout) = layout else {
        return DEFAULT_LAYOUT.to_string();
    };
    let value = layout.value.as_str();
    if !(value.contains('/') || value.ends_with(".toml")) {
        return value.to_string();
    }
    let dir: &Path = issue.dir_of(layout.origin);
    dir.join(value).to_string_lossy().into_owned()
}
