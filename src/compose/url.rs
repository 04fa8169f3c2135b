//! URLs, e-mail addresses and paths inside running text: found as tokens, broken only at safe
//! points, with no hyphen added.
//!
//! The safe points (Chicago Manual of Style 6.17, the project's cjk-rules §1.3) are after
//! `/` (or after `//` as a whole), `\`, `-`, `_`, `?`, `&`, `=` and `#`, and before `.` and
//! `@`: a line then ends with a sign that announces more, and the next starts with one that
//! cannot be taken for the end of a sentence. A break between two letters or digits is the
//! last resort, for a line no safe point fits.

use std::ops::Range;

/// Whether a character can be part of a URL, an e-mail address or a path.
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%\\".contains(c)
}

/// Byte ranges of the URLs (`http://…`, `https://…`, `www.…`), e-mail addresses and paths
/// (`/a/b.c`, `C:\x`, `a/b/c`, `owner/long-name`) in `text`.
pub fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Only an ASCII letter, digit or solidus starts a token (never a byte of a longer
        // UTF-8 sequence): the Han text between is skipped without looking at each byte's
        // neighbours.
        match bytes[i..].iter().position(|b| b.is_ascii_alphanumeric() || *b == b'/') {
            Some(skip) => i += skip,
            None => break,
        }
        let starts_path = bytes[i] == b'/' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric());
        if !(bytes[i].is_ascii_alphanumeric() || starts_path) || (i > 0 && url_char(bytes[i - 1] as char)) {
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
        // A mailing list may be named without its domain (`private@brpc`).
        let is_mail = token
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.bytes().any(|b| b.is_ascii_alphabetic()));
        if (is_url || is_mail || is_path(token)) && token.len() > 1 {
            out.push(i..i + token.len());
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether a token is a path or file name: a letter, and a leading solidus, a backslash, two
/// solidi, or one solidus in a long token (`1/2` and `km/h` are not paths).
fn is_path(token: &str) -> bool {
    let slashes = token.matches('/').count();
    token.bytes().any(|b| b.is_ascii_alphabetic())
        && (token.starts_with('/') || token.contains('\\') || slashes >= 2 || (slashes == 1 && token.len() >= 8))
}

/// Whether an address may break between `a` and `b` at one of its safe points. With
/// `kinsoku_edges` (the GB level, where no line may end with a solidus nor start with a full
/// stop, as the print checks demand of every line), the points after a solidus and before a
/// full stop give way to the one after a full stop.
pub fn safe_break(a: char, b: char, kinsoku_edges: bool) -> bool {
    if kinsoku_edges && (matches!(a, '/' | '\\') || b == '.') {
        return false;
    }
    let after = matches!(a, '/' | '\\' | '-' | '_' | '?' | '&' | '=' | '#') && !matches!(b, '/' | '\\' | '.' | '@');
    let before = matches!(b, '.' | '@') && (a.is_ascii_alphanumeric() || matches!(a, '_' | '-'));
    let after_stop = kinsoku_edges && a == '.' && b.is_ascii_alphanumeric();
    after || before || after_stop
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_addresses() {
        let text = "详见https://www.example.gov.cn/a/b.html。邮箱：lianluochu_hunan@example.gov.cn，谢谢";
        let found: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["https://www.example.gov.cn/a/b.html", "lianluochu_hunan@example.gov.cn"]);
        // A list named without its domain is an address too; a mention or a sum is not.
        let text = "发邮件给private@brpc和private@incubator，@某人，3@5";
        let found: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["private@brpc", "private@incubator"]);
    }

    #[test]
    fn safe_points() {
        let safe = |a, b| safe_break(a, b, false);
        assert!(safe('/', 'w') && safe('\\', 'x') && safe('-', 'a') && safe('=', '1') && safe('_', 'h'));
        assert!(safe('e', '.') && safe('u', '@'), "before a full stop and an at sign");
        assert!(!safe('.', 'g') && !safe('@', 'e'), "not after them");
        assert!(!safe('/', '/'), "// stays whole");
        assert!(!safe('a', 'b') && !safe('1', '2'));
        // Where kinsoku forbids a solidus at a line end and a full stop at a line start.
        let gb = |a, b| safe_break(a, b, true);
        assert!(!gb('/', 'w') && !gb('e', '.') && gb('.', 'g') && gb('-', 'a') && gb('u', '@'));
    }

    #[test]
    fn finds_paths() {
        let text = "源码在/package/rpm/brpc.spec中，见C:\\x或a/b/c，比例1/2，速度km/h。";
        let found: Vec<&str> = tokens(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["/package/rpm/brpc.spec", "C:\\x", "a/b/c"]);
    }
}
