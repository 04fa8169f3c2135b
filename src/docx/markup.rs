//! One paragraph of segments as article text: `**…**` around bold, the list number written
//! before the text, and nothing that the article format would misread.
//!
//! - Bold: adjacent bold runs are one `**…**`; spaces and line breaks between two bold runs
//!   are inside it, at its ends outside. A paragraph that the article format will set as a
//!   sub-heading (一、 / （一） / 1. / （1） …) gets no `**` over its heading part when all
//!   of that part is bold (the layout gives headings their own face), and never `**` before
//!   its ordinal (which would hide the heading).
//! - Markup in the text: a literal `*` that would touch another `*` is separated from it by
//!   U+2060 WORD JOINER (invisible, no break), so `**` typed in Word stays two asterisks and
//!   never opens bold; a paragraph that would read as a figure (`![…](…)`) gets the same
//!   joiner after its `!`. Both are reported.
//! - Line breaks: a soft break is a line break; blank lines (which would split the paragraph)
//!   are dropped.

use super::heading::heading;
use super::model::Seg;
use crate::unicode::joins_without_space;

/// The invisible character that keeps two asterisks (or `!` and `[`) from being markup.
pub(super) const JOINER: char = '\u{2060}';

/// A paragraph's text with markup (empty when it has no visible text) and its warnings.
pub(super) fn paragraph(segs: &[Seg]) -> (String, Vec<String>) {
    let mut chars = characters(segs);
    unbold_heading(&mut chars);
    let (text, escaped) = marked(&chars);
    let mut notes = Vec::new();
    if escaped {
        notes.push(format!(
            "a `*` next to another `*` is kept with an invisible word joiner (U+{:04X}) between them, so that it does not read as bold",
            JOINER as u32
        ));
    }
    let mut text = text.split('\n').filter(|line| !line.trim().is_empty()).collect::<Vec<_>>().join("\n");
    let trimmed = text.trim();
    if trimmed.starts_with("![") && trimmed.ends_with(')') && trimmed.contains("](") {
        text = text.replacen("![", &format!("!{JOINER}["), 1);
        notes.push(format!(
            "the text reads like a figure `![…](…)`; an invisible word joiner (U+{:04X}) after `!` keeps it text",
            JOINER as u32
        ));
    }
    (text, notes)
}

/// A character with its weight: `Some(bold)`, or `None` for whitespace (which takes the
/// weight around it).
type Weighted = (char, Option<bool>);

/// The paragraph as weighted characters, the list number first (with a space after it only
/// where it would otherwise run into Latin text: `1.` + `5G` → `1. 5G`).
fn characters(segs: &[Seg]) -> Vec<Weighted> {
    let mut out: Vec<Weighted> = Vec::new();
    let mut after_label = false;
    for seg in segs {
        let (text, bold) = match seg {
            Seg::Text { text, bold } | Seg::Label { text, bold } => (text.as_str(), *bold),
            Seg::Break => ("\n", false),
            Seg::Picture(_) => continue,
        };
        if after_label
            && let (Some(&(a, _)), Some(b)) = (out.last(), text.chars().next())
            && !joins_without_space(a)
            && !joins_without_space(b)
            && !a.is_whitespace()
            && !b.is_whitespace()
        {
            out.push((' ', None));
        }
        after_label = matches!(seg, Seg::Label { .. });
        out.extend(text.chars().map(|c| (c, (!c.is_whitespace()).then_some(bold))));
    }
    out
}

/// Drops the bold of a heading part that is all bold, and of any heading ordinal.
fn unbold_heading(chars: &mut [Weighted]) {
    let Some(start) = chars.iter().position(|(c, _)| !c.is_whitespace()) else { return };
    let text: Vec<char> = chars[start..].iter().map(|(c, _)| *c).collect();
    let Some((ordinal, end)) = heading(&text) else { return };
    let body = &chars[start + ordinal..start + end];
    let all_bold = body.iter().any(|(_, w)| w.is_some()) && body.iter().all(|(_, w)| *w != Some(false));
    let span = if all_bold { start..start + end } else { start..start + ordinal };
    for (_, weight) in &mut chars[span] {
        if weight.is_some() {
            *weight = Some(false);
        }
    }
}

/// The text with `**` around each bold stretch; whether a joiner was needed.
fn marked(chars: &[Weighted]) -> (String, bool) {
    let bold = weights(chars);
    let mut out = String::new();
    let mut escaped = false;
    let mut push = |out: &mut String, piece: &str| {
        if out.ends_with('*') && piece.starts_with('*') {
            out.push(JOINER);
            escaped = true;
        }
        out.push_str(piece);
    };
    for (i, &(c, _)) in chars.iter().enumerate() {
        let opens = bold[i] && (i == 0 || !bold[i - 1]);
        if opens {
            push(&mut out, "**");
        }
        push(&mut out, c.encode_utf8(&mut [0; 4]));
        let closes = bold[i] && bold.get(i + 1) != Some(&true);
        if closes {
            push(&mut out, "**");
        }
    }
    (out, escaped)
}

/// Whether each character is inside bold: its own weight, or for whitespace, bold when the
/// nearest weighted characters on both sides are bold.
fn weights(chars: &[Weighted]) -> Vec<bool> {
    let mut before = Vec::with_capacity(chars.len());
    let mut last = None;
    for &(_, w) in chars {
        last = w.or(last);
        before.push(last);
    }
    let mut out = vec![false; chars.len()];
    let mut next = None;
    for (i, &(_, w)) in chars.iter().enumerate().rev() {
        out[i] = match w {
            Some(bold) => bold,
            None => before[i] == Some(true) && next == Some(true),
        };
        next = w.or(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, bold: bool) -> Seg {
        Seg::Text { text: text.into(), bold }
    }

    fn label(text: &str, bold: bool) -> Seg {
        Seg::Label { text: text.into(), bold }
    }

    fn text(segs: &[Seg]) -> String {
        paragraph(segs).0
    }

    #[test]
    fn bold_lead_and_merged_runs() {
        assert_eq!(text(&[t("聚焦", true), t("主题主线。", true), t("活动紧扣", false)]), "**聚焦主题主线。**活动紧扣");
        assert_eq!(text(&[t("甲", true), t(" ", false), t("乙", true), t("丙", false)]), "**甲 乙**丙");
        assert_eq!(text(&[t(" 甲 ", true), t("乙", false)]), " **甲** 乙");
        assert_eq!(text(&[t("　", true), t("正文", false)]), "　正文");
    }

    #[test]
    fn soft_breaks_and_blank_lines() {
        assert_eq!(text(&[t("第一行", false), Seg::Break, t("第二行", false)]), "第一行\n第二行");
        assert_eq!(
            text(&[Seg::Break, t("甲", true), Seg::Break, t("　", false), Seg::Break, t("乙", true)]),
            "**甲\n乙**"
        );
        assert_eq!(text(&[t(" ", false), Seg::Break]), "");
    }

    #[test]
    fn headings_are_left_to_the_layout() {
        assert_eq!(text(&[label("一、", true), t("总体要求", true)]), "一、总体要求");
        assert_eq!(
            text(&[label("一、", false), t("加强", false), t("党的", true), t("领导", false)]),
            "一、加强**党的**领导"
        );
        assert_eq!(
            text(&[t("　　（一）加强学习。", true), t("各级人大代表认真学习。", false)]),
            "　　（一）加强学习。各级人大代表认真学习。"
        );
        let long = "各级人大代表认真学习，深入领会精神实质，把握核心要义，全面贯彻落实，推动工作再上新台阶。";
        let body = text(&[t("一、加强学习。", true), t(long, false)]);
        assert_eq!(body, format!("**一、加强学习。**{long}"));
    }

    #[test]
    fn the_number_runs_into_the_text_except_before_latin() {
        assert_eq!(text(&[label("1.", false), t("5G网络建设", false)]), "1. 5G网络建设");
        assert_eq!(text(&[label("1.", false), t("加强", false)]), "1.加强");
        assert_eq!(text(&[label("（1）", false), t("Word", false)]), "（1）Word");
    }

    #[test]
    fn literal_markup_is_kept_as_text() {
        let j = JOINER;
        assert_eq!(text(&[t("a**b", false)]), format!("a*{j}*b"));
        assert_eq!(text(&[t("***", false)]), format!("*{j}*{j}*"));
        assert_eq!(text(&[t("*", false), t("甲", true)]), format!("*{j}**甲**"));
        assert_eq!(text(&[t("甲*", true)]), format!("**甲*{j}**"));
        let (figure, notes) = paragraph(&[t("![图](a.png)", false)]);
        assert_eq!(figure, format!("!{j}[图](a.png)"));
        assert_eq!(notes.len(), 1);
        assert!(paragraph(&[t("正文", false)]).1.is_empty());
    }
}
