//! URLs and e-mail addresses inside running text: found as tokens, broken only at safe points,
//! with no hyphen added.
//!
//! The safe points are *after* `. - _ @ ? & = #` and before `@`. Breaking after `/` or before `.` is common
//! on the web, but in Chinese print a line then ends with a solidus or starts with a full stop,
//! both of which the kinsoku rules (and the print checks) forbid; after a full stop the line
//! end reads naturally and the next line starts with a letter.

use std::ops::Range;

/// Whether a character can be part of a URL or an e-mail address.
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c)
}

/// Byte ranges of the URLs (`http://…`, `https://…`, `www.…`) and e-mail addresses in `text`.
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) || !bytes[i].is_ascii_alphanumeric() || (i > 0 && url_char(bytes[i - 1] as char)) {
            i += 1;
            continue;
        }
        let end = i + text[i..].find(|c: char| !url_char(c)).unwrap_or(text.len() - i);
        let mut token = &text[i..end];
        // Trailing sentence punctuation is not part of the address.
        while token.ends_with(['.', ',', ';', ':', '!', '?', ')', ']', '\'']) {
            token = &token[..token.len() - 1];
        }
        let is_url = token.starts_with("http://") || token.starts_with("https://") || token.starts_with("www.");
        let is_mail = token.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        if (is_url || is_mail) && token.len() > 1 {
            out.push(i..i + token.len());
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether a URL may break between `a` and `b`.
pub fn safe_break(a: char, b: char) -> bool {
    (matches!(a, '.' | '-' | '_' | '@' | '?' | '&' | '=' | '#') && b.is_ascii_alphanumeric())
        || (b == '@' && a.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_addresses() {
        let text = "详见https://www.example.gov.cn/a/b.html。邮箱：lianluochu_hunan@example.gov.cn，谢谢";
        let found: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["https://www.example.gov.cn/a/b.html", "lianluochu_hunan@example.gov.cn"]);
    }

    #[test]
    fn safe_points() {
        assert!(safe_break('.', 'g'));
        assert!(safe_break('@', 'e'));
        assert!(!safe_break('/', 'w'), "a solidus may not end a line");
        assert!(!safe_break('e', '.'), "a full stop may not start a line");
        assert!(!safe_break('a', 'b'));
    }
}
