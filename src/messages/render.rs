//! Matching a message against the catalogue, and printing messages in the chosen language
//! and format.

use super::catalogue::{Entry, LABELS, REORDER, entries};
use super::{Format, Lang};

/// The code and wording of `message` in `lang`: the catalogue's entry when a pattern matches
/// (the pieces copied in), else the message as it is with no code. Pieces (entries with an
/// empty code) are translated but give no code.
pub fn translate(lang: Lang, message: &str) -> (Option<&'static str>, String) {
    for entry in entries() {
        if let Some(pieces) = pieces(entry.en, message) {
            let text = match lang {
                Lang::En => message.to_string(),
                Lang::Zh => fill(entry, &pieces),
            };
            return (Some(entry.code).filter(|c| !c.is_empty()), text);
        }
    }
    (None, message.to_string())
}

/// The pieces of `message` standing where `pattern` has `{}`, when it matches.
fn pieces<'a>(pattern: &str, message: &'a str) -> Option<Vec<&'a str>> {
    let literals: Vec<&str> = pattern.split("{}").collect();
    let (first, rest) = literals.split_first()?;
    let mut tail = message.strip_prefix(first)?;
    let mut out = Vec::new();
    for (i, literal) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let at = match (last, literal.is_empty()) {
            (true, true) => tail.len(),
            (true, false) => tail.strip_suffix(literal).map(str::len)?,
            (false, _) => tail.find(literal)?,
        };
        out.push(&tail[..at]);
        tail = &tail[at + literal.len()..];
    }
    tail.is_empty().then_some(out)
}

/// The Chinese wording of `entry` with the English pieces copied in.
fn fill(entry: &Entry, pieces: &[&str]) -> String {
    let order = REORDER.iter().find(|(code, _)| *code == entry.code).map(|(_, o)| o.to_vec());
    let order = order.unwrap_or_else(|| (0..pieces.len()).collect());
    let mut out = String::new();
    for (i, literal) in entry.zh.split("{}").enumerate() {
        if i > 0 {
            let piece = order.get(i - 1).and_then(|&k| pieces.get(k)).copied().unwrap_or("");
            out.push_str(&translate(Lang::Zh, piece).1);
        }
        out.push_str(literal);
    }
    out
}

/// A rendered message (`error: …`, ` --> …`, `  = hint: …`) in `lang`: its label, its first
/// line, its hint and notes translated; the file position and quoted source kept.
pub fn localize(lang: Lang, rendered: &str) -> String {
    if lang == Lang::En {
        return rendered.to_string();
    }
    let lines: Vec<String> = rendered.lines().enumerate().map(|(i, line)| localize_line(i == 0, line)).collect();
    lines.join("\n")
}

/// One line of a rendered message in Chinese.
fn localize_line(first: bool, line: &str) -> String {
    if first {
        for (en, zh) in LABELS {
            if let Some(message) = line.strip_prefix(en).and_then(|r| r.strip_prefix(": ")) {
                let (code, text) = translate(Lang::Zh, message);
                let code = code.map(|c| format!("[{c}]")).unwrap_or_default();
                return format!("{zh}{code}：{text}");
            }
        }
        return translate(Lang::Zh, line).1;
    }
    let Some((pad, note)) = line.split_once("= ").filter(|(pad, _)| pad.trim_matches([' ', '|']).is_empty()) else {
        return line.to_string();
    };
    match note.strip_prefix("hint: ") {
        Some(hint) => format!("{pad}= 提示：{}", translate(Lang::Zh, hint).1),
        None => format!("{pad}= {}", translate(Lang::Zh, note).1),
    }
}

/// A report of several lines (the batch summary, clap's usage errors) in `lang`: each line
/// keeps its indentation and is translated as a message (labels included); a line that is
/// not known whole but is `NAME: message` keeps its name and has its message translated.
pub fn localize_report(lang: Lang, report: &str) -> String {
    if lang == Lang::En {
        return report.to_string();
    }
    let mut out = String::new();
    for line in report.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let rest = body.trim_start();
        let pad = &body[..body.len() - rest.len()];
        out.push_str(pad);
        out.push_str(&localize_report_line(rest));
        out.push_str(end);
    }
    out
}

/// One line of a report in Chinese (see [`localize_report`]).
fn localize_report_line(line: &str) -> String {
    if line.is_empty() {
        return String::new();
    }
    let whole = localize_line(true, line);
    if whole != line {
        return whole;
    }
    if let Some(hint) = line.strip_prefix("= hint: ") {
        return format!("= 提示：{}", translate(Lang::Zh, hint).1);
    }
    match line.split_once(": ") {
        Some((name, message)) => {
            let message_zh = localize_line(true, message);
            if message_zh == message { line.to_string() } else { format!("{name}：{message_zh}") }
        }
        None => line.to_string(),
    }
}

/// Prints messages and results as the command line asks: language and format.
#[derive(Debug, Clone, Copy, Default)]
pub struct Printer {
    /// The language.
    pub lang: Lang,
    /// Text or JSON.
    pub format: Format,
}

impl Printer {
    /// Prints a rendered error, warning or note to standard error.
    pub fn message(&self, rendered: &str) {
        match self.format {
            Format::Human => eprintln!("{}", localize(self.lang, rendered)),
            Format::Json => eprintln!("{}", super::to_json(self.lang, rendered)),
        }
    }

    /// Prints a result line (`wrote …`, `ok: …`) to standard output.
    pub fn result(&self, line: &str) {
        match self.format {
            Format::Human => println!("{}", translate(self.lang, line).1),
            Format::Json => println!("{}", super::to_json(self.lang, &format!("result: {line}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_and_reorder() {
        let (code, zh) = translate(Lang::Zh, "missing key `date` in `[issue]`");
        assert_eq!((code, zh.as_str()), (Some("JB0101"), "`[issue]` 表缺少键 `date`"));
        assert_eq!(translate(Lang::En, "missing key `date` in `[issue]`").0, Some("JB0101"));
        assert_eq!(translate(Lang::Zh, "something new").1, "something new");
        assert_eq!(translate(Lang::Zh, "the issue has no articles").1, "本期没有文章");
        assert_eq!(translate(Lang::Zh, "the issue has no articles, really").0, None);
    }

    #[test]
    fn a_rendered_error_in_chinese() {
        let rendered = "error: unknown key `titel` in `[series]`\n --> a.toml:2:1\n  |\n2 | titel = 1\n  | ^^^^^\n  = hint: did you mean `title`?";
        let zh = localize(Lang::Zh, rendered);
        assert!(zh.starts_with("错误[JB0104]：`[series]` 表中没有键 `titel`\n --> a.toml:2:1"), "{zh}");
        assert!(zh.ends_with("  = 提示：是不是想写 `title`？"), "{zh}");
    }
}
