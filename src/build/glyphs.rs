//! Characters no font has: found before composition, reported where they first occur
//! (article, paragraph, file line and column), or drawn as a visible box when allowed.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::manifest::{Issue, TextOrigin};

/// Every character the document prints: masthead, titles, paragraphs, credits, closing block.
pub(super) fn printed_chars(doc: &Document) -> BTreeSet<char> {
    let m = &doc.masthead;
    let mut texts: Vec<&str> = vec![&m.title, &m.number, &m.publisher, &m.date];
    texts.extend(m.pinyin.as_deref());
    texts.extend(m.total.as_deref());
    for a in &doc.articles {
        texts.push(&a.title);
        texts.extend(a.credit.as_deref());
        for p in &a.paragraphs {
            texts.extend(p.runs.iter().map(|r| r.text.as_str()));
        }
    }
    let c = &doc.closing;
    texts.push(&c.label);
    texts.extend(c.recipients.iter().map(String::as_str));
    texts.extend(c.editors.iter().map(String::as_str));
    texts.extend([c.phone.as_deref(), c.email.as_deref(), c.approval.as_deref()].into_iter().flatten());
    texts.iter().flat_map(|t| t.chars()).filter(|c| !c.is_whitespace() && !c.is_control()).collect()
}

/// Describes a character, e.g. `U+2A6D6 '𪛖'`.
pub(super) fn describe(c: char) -> String {
    format!("U+{:04X} '{c}'", c as u32)
}

/// The error for characters no font has, pointing at the first one's first occurrence.
pub(super) fn missing_glyphs(issue: &Issue, missing: &BTreeSet<char>) -> Diagnostic {
    let list: Vec<String> = missing.iter().take(8).map(|&c| describe(c)).collect();
    let more = if missing.len() > 8 { format!(" and {} more", missing.len() - 8) } else { String::new() };
    let message = format!("no font has {}{more}", list.join(", "));
    let hint = "add a font that has it to [fallback] fonts in the layout, install one on the system, \
                or build with --allow-missing-glyphs to print a box in its place";
    let first = |text: &str| text.char_indices().find(|(_, c)| missing.contains(c)).map(|(i, c)| i..i + c.len_utf8());
    for (n, article) in issue.articles.iter().enumerate() {
        if let Some(span) = first(&article.text) {
            let paragraph = paragraph_number(&article.text[..span.start]);
            let message = format!("{message} (article {}, paragraph {paragraph})", n + 1);
            return match &article.origin {
                TextOrigin::File { path, .. } => Diagnostic::at(path, &article.text, span, message).with_hint(hint),
                TextOrigin::Body(body) => {
                    Diagnostic::at(&issue.manifest.path, &issue.manifest.text, body.clone(), message).with_hint(hint)
                }
            };
        }
    }
    match first(&issue.manifest.text) {
        Some(span) => Diagnostic::at(&issue.manifest.path, &issue.manifest.text, span, message).with_hint(hint),
        None => Diagnostic::file(&issue.manifest.path, message).with_hint(hint),
    }
}

/// The 1-based number of the paragraph that the text before an offset ends in.
fn paragraph_number(before: &str) -> usize {
    let mut count = 0;
    let mut blank = true;
    for line in before.split('\n') {
        let empty = line.trim().is_empty();
        if blank && !empty {
            count += 1;
        }
        blank = empty;
    }
    count.max(1)
}
