//! Property test: random mixes of Han, marks, Latin, digits and URLs at random widths.

use proptest::prelude::*;

use super::*;

/// A random piece of Chinese-bulletin text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[一二三四五六七八九十人大会议代表联络工作]{1,6}".prop_map(|s| s),
        2 => prop::sample::select(vec!["，", "。", "、", "：", "；", "？", "！", "“", "”", "（", "）", "《", "》", "——", "……", "·"]).prop_map(String::from),
        1 => "[A-Za-z]{1,12}".prop_map(|s| s),
        1 => "[0-9]{1,6}(\\.[0-9]{1,2})?%?".prop_map(|s| s),
        1 => Just("https://www.example.gov.cn/a/b/index.html".to_string()),
        1 => Just("hnrlddt@163.com".to_string()),
        1 => Just(" ".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn composed_lines_keep_every_rule(pieces in prop::collection::vec(piece(), 1..30), w in 4u32..26) {
        let text: String = pieces.concat();
        let text = text.trim().to_string();
        prop_assume!(!text.is_empty());
        let w = w as f64;
        let (lines, book) = set_spans(&[(&text, 0.0)], w, |_| {});
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        prop_assert_eq!(&joined, &text, "characters lost, added or reordered");
        let inside_url = url_breaks(&text, &lines);
        // A run of —— or …… is never split: one that fills the column leaves a mark beside it
        // no line to share (the break is then the last resort, short of running past the edge).
        let full_run = |k: usize| {
            let t = lines[k].text.trim();
            t.chars().all(|c| matches!(c, '—' | '…')) && lines[k].right >= (w - 0.01) * EM
        };
        for (i, l) in lines.iter().enumerate() {
            if i > 0 && !inside_url[i - 1] && !full_run(i - 1) {
                let first = l.text.chars().next().unwrap();
                prop_assert!(!no_line_start(first), "line starts with {}: {:?}", first, l.text);
            }
            if i + 1 < lines.len() && !inside_url[i] && !full_run(i + 1) {
                let last = l.text.trim_end().chars().next_back().unwrap();
                prop_assert!(!no_line_end(last), "line ends with {}: {:?}", last, l.text);
            }
            if l.overfull == 0.0 {
                for g in &l.glyphs {
                    let end = g.x / EM + advance(&book, g);
                    let mark = g.text.chars().next().is_some_and(|c| class::Class::of(c).is_mark());
                    // A line-end mark's blank half may lie past the edge; its ink may not.
                    let limit = if mark { w + 0.5 } else { w };
                    prop_assert!(end <= limit + 0.01, "glyph past the column: {:?}", l.text);
                }
            }
        }
    }
}

/// The lines of `text` set `w` em wide with a 2-em first-line indent, certainly loose lines
/// left unmeasured (`skip`) or measured.
fn indented_lines(text: &str, w: f64, skip: bool) -> Vec<String> {
    linebreak::SKIP_LOOSE.with(|s| s.set(skip));
    let (lines, _) = set_spans(&[(text, 0.0)], w, |s| s.first_indent = 2.0 * EM);
    linebreak::SKIP_LOOSE.with(|s| s.set(true));
    lines.into_iter().map(|l| l.text).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, .. ProptestConfig::default() })]

    /// Lines left unmeasured as certainly loose change nothing: the same breaks as measuring
    /// every line.
    #[test]
    fn unmeasured_loose_lines_change_no_break(pieces in prop::collection::vec(piece(), 1..60), w in 4u32..30) {
        let text: String = pieces.concat();
        let text = text.trim().to_string();
        prop_assume!(!text.is_empty());
        prop_assert_eq!(indented_lines(&text, w as f64, true), indented_lines(&text, w as f64, false));
    }
}

/// The same on the official prose of `../shared/corpus/gov` (skipped without it).
#[test]
fn unmeasured_loose_lines_change_no_break_in_the_corpus() {
    let Ok(entries) = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/gov")) else { return };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths.iter().take(6) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for paragraph in text.split("\n\n").map(|p| p.trim().replace('\n', "")).filter(|p| !p.is_empty()).take(40) {
            let (skipping, measuring) =
                (indented_lines(&paragraph, 21.0, true), indented_lines(&paragraph, 21.0, false));
            assert_eq!(skipping, measuring, "{}", path.display());
        }
    }
}
