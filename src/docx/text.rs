//! Small text helpers shared by captions and markup.

use crate::unicode::joins_without_space;

/// Lines joined as the article format joins a paragraph's lines: nothing between CJK
/// characters, one space between Latin words or digits.
pub(super) fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.trim_matches([' ', '\t']);
        if let (Some(a), Some(b)) = (out.chars().next_back(), line.chars().next())
            && !joins_without_space(a)
            && !joins_without_space(b)
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_the_article_parser() {
        assert_eq!(join_lines("图1\n会议现场"), "图1会议现场");
        assert_eq!(join_lines("Figure 1\nthe hall"), "Figure 1 the hall");
    }
}
