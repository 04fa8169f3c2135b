//! Which part of a paragraph the article format will set as a sub-heading (the contract's
//! rules for 一、 / （一） / 1. / （1）), so that Word's bold on it is left to the layout.

/// Chinese numerals that may make up a heading ordinal.
const NUMERALS: &str = "一二三四五六七八九十百零〇";

/// Closing quotes and brackets: they go with the 。？！ a run-in heading ends at.
const CLOSING: &str = "”’）〕】》〉〗］｝」』〙)]";

/// At most this many digits make the number of a `1.` or `（1）` ordinal.
const DIGITS: usize = 2;

/// The ordinal a paragraph opens with: its level (1–4) and length in characters.
pub(super) fn ordinal(text: &[char]) -> Option<(u8, usize)> {
    let numerals = |t: &[char]| t.iter().take_while(|c| NUMERALS.contains(**c)).count();
    // (A longer number is not an ordinal: `（2021）湘0102民初123号` opens with a year.)
    let digits =
        |t: &[char]| Some(t.iter().take_while(|c| c.is_ascii_digit()).count()).filter(|&d| d <= DIGITS).unwrap_or(0);
    let closes = |c: Option<&char>| matches!(c, Some('）' | ')'));
    match text.first() {
        Some('（' | '(') => {
            let inner = &text[1..];
            let (n, d) = (numerals(inner), digits(inner));
            if n > 0 && closes(inner.get(n)) {
                Some((2, n + 2))
            } else if d > 0 && closes(inner.get(d)) {
                Some((4, d + 2))
            } else {
                None
            }
        }
        _ => {
            let (n, d) = (numerals(text), digits(text));
            if n > 0 && text.get(n) == Some(&'、') {
                Some((1, n + 1))
            } else if d > 0
                && matches!(text.get(d), Some('.' | '．'))
                && text.get(d + 1).is_some_and(|c| !c.is_ascii_digit())
            {
                Some((3, d + 1))
            } else {
                None
            }
        }
    }
}

/// The heading part of a paragraph (which starts at its first visible character): the
/// ordinal's length and where the heading ends, in characters. A standalone heading (at most
/// 40 characters, not ending in 。；，：？！) is the whole paragraph; a run-in heading (levels
/// 2–4) ends after the first 。？！ within 40 characters and the closing quotes and brackets
/// right after it, when text follows them.
pub(super) fn heading(text: &[char]) -> Option<(usize, usize)> {
    let (level, len) = ordinal(text)?;
    // A run-in heading first, as the article-text reader does: a level 2–4 paragraph that
    // goes on after its first stop is a run-in heading even when it is short.
    if level >= 2 {
        let mut seen = 0;
        for (i, c) in text.iter().enumerate() {
            if *c == '\n' {
                continue;
            }
            seen += 1;
            if seen > 40 {
                break;
            }
            if "。？！".contains(*c) {
                let end = i + 1 + text[i + 1..].iter().take_while(|c| CLOSING.contains(**c)).count();
                if text[end..].iter().any(|c| !c.is_whitespace()) {
                    return Some((len, end));
                }
                break;
            }
        }
    }
    let end = text.iter().rposition(|c| !c.is_whitespace()).map_or(0, |i| i + 1);
    let count = text[..end].iter().filter(|c| **c != '\n').count();
    (count <= 40 && !text[..end].last().is_some_and(|c| "。；，：？！".contains(*c))).then_some((len, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn ordinals_of_the_four_levels() {
        assert_eq!(ordinal(&chars("一、总体要求")), Some((1, 2)));
        assert_eq!(ordinal(&chars("十九、其他")), Some((1, 3)));
        assert_eq!(ordinal(&chars("（三）加强")), Some((2, 3)));
        assert_eq!(ordinal(&chars("(三)加强")), Some((2, 3)));
        assert_eq!(ordinal(&chars("12.加强")), Some((3, 3)));
        assert_eq!(ordinal(&chars("1．加强")), Some((3, 2)));
        assert_eq!(ordinal(&chars("（12）加强")), Some((4, 4)));
        assert_eq!(ordinal(&chars("1.5亿元")), None);
        assert_eq!(ordinal(&chars("一是加强")), None);
        assert_eq!(ordinal(&chars("（注）")), None);
        assert_eq!(ordinal(&chars("（2021）湘0102民初123号")), None);
        assert_eq!(ordinal(&chars("100.工作")), None);
    }

    #[test]
    fn standalone_and_run_in_headings() {
        assert_eq!(heading(&chars("一、总体要求")), Some((2, 6)));
        assert_eq!(heading(&chars("一、总体要求。")), None);
        let run_in = chars("（一）加强学习。各级人大代表认真学习，深入领会精神实质，把握核心要义，全面贯彻落实。");
        assert_eq!(heading(&run_in), Some((3, 8)));
        // A short paragraph that goes on after its stop is run in, as in article text.
        assert_eq!(heading(&chars("（一）聚焦主题。正文继续")), Some((3, 8)));
        let long_level1 = chars("一、加强学习。各级人大代表认真学习，深入领会精神实质，把握核心要义，全面贯彻落实。");
        assert_eq!(heading(&long_level1), None);
        assert_eq!(heading(&chars("一是加强学习")), None);
        // The closing quote after the stop goes with the heading.
        let quoted = chars("（一）他说：“要把代表联络工作做实做细做好。”各级人大常委会要认真贯彻，抓好落实。");
        assert_eq!(heading(&quoted), Some((3, "（一）他说：“要把代表联络工作做实做细做好。”".chars().count())));
    }
}
