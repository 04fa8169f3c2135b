//! Messages as JSON for scripts (`--message-format json`): one object per message.

use serde_json::{Value, json};

use super::Lang;
use super::render::{localize, translate};

/// A rendered message (`error: …` with ` --> file:line:col` and `= hint: …` lines, or
/// `result: …`) as one line of JSON: level, code, message (in `lang`), file, line, column,
/// hint, notes and the whole text as printed for people.
pub fn to_json(lang: Lang, rendered: &str) -> String {
    let mut lines = rendered.lines();
    let head = lines.next().unwrap_or("");
    let (level, message) = head.split_once(": ").unwrap_or(("note", head));
    let (code, text) = translate(lang, message);
    let (mut file, mut line, mut column) = (Value::Null, Value::Null, Value::Null);
    let (mut hint, mut notes) = (Value::Null, Vec::new());
    for l in lines {
        let t = l.trim_start();
        if let Some(place) = t.strip_prefix("--> ") {
            let mut parts = place.rsplitn(3, ':');
            let (c, r, f) = (parts.next(), parts.next(), parts.next());
            match (c.and_then(|c| c.parse::<u64>().ok()), r.and_then(|r| r.parse::<u64>().ok()), f) {
                (Some(c), Some(r), Some(f)) => (file, line, column) = (json!(f), json!(r), json!(c)),
                _ => file = json!(place),
            }
        } else if let Some(h) = t.strip_prefix("= hint: ") {
            hint = json!(translate(lang, h).1);
        } else if let Some(n) = t.strip_prefix("= ") {
            notes.push(translate(lang, n).1);
        }
    }
    let object = json!({
        "level": level,
        "code": code,
        "message": text,
        "file": file,
        "line": line,
        "column": column,
        "hint": hint,
        "notes": notes,
        "rendered": localize(lang, rendered),
    });
    object.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_located_error_as_json() {
        let rendered =
            "error: missing key `date` in `[issue]`\n --> a b.toml:3:1\n  |\n3 | [issue]\n  | ^\n  = hint: add it";
        let v: Value = serde_json::from_str(&to_json(Lang::En, rendered)).unwrap_or_default();
        assert_eq!(v["level"], "error");
        assert_eq!(v["code"], "JB0101");
        assert_eq!(
            (v["file"].as_str(), v["line"].as_u64(), v["column"].as_u64()),
            (Some("a b.toml"), Some(3), Some(1))
        );
        assert_eq!(v["hint"], "add it");
        let zh: Value = serde_json::from_str(&to_json(Lang::Zh, rendered)).unwrap_or_default();
        assert_eq!(zh["code"], "JB0101");
        assert_eq!(zh["message"], "`[issue]` 表缺少键 `date`");
    }
}
