//! Scaling (issue 12): one long unbroken string costs about as much per character as plain
//! Han. Counted, not timed: the number of candidate lines the line-breaker measures stays
//! within a small multiple of the number of clusters, whatever the measure.

use super::*;
use crate::compose::linebreak::CANDIDATES;

/// Candidate lines measured while composing `text` with `style`, per cluster (character).
fn candidates_per_char(text: &str, style: &ParStyle) -> f64 {
    let (book, face) = book();
    let spans = [Span { text: text.to_string(), face, size: EM, embolden: 0.0 }];
    CANDIDATES.with(|c| c.set(0));
    let lines = compose(&book, &spans, style);
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, text, "characters lost, added or reordered");
    CANDIDATES.with(|c| c.get()) as f64 / text.chars().count() as f64
}

/// `n` characters of `pattern`, repeated.
fn cycle(pattern: &str, n: usize) -> String {
    pattern.chars().cycle().take(n).collect()
}

#[test]
fn long_unbroken_strings_cost_a_bounded_number_of_candidates_per_character() {
    let body = ParStyle { first_indent: 2.0 * EM, ..ParStyle::new(21.0 * EM, Align::Justify) };
    // What the closing block does to learn a name's or the contact line's natural width.
    let natural = ParStyle::new(1.0e6, Align::Left);
    let right = ParStyle::new(21.0 * EM, Align::Right);
    let han = "湖南省人大常委会选举任免联络工作委员会";
    let reference = candidates_per_char(&cycle(han, 3000), &body);
    let cases = [
        ("phone-number-like, natural width", cycle("0731—85309270", 3000), &natural),
        ("phone-number-like, flush right", cycle("0731—85309270", 3000), &right),
        ("phone-number-like, body", cycle("0731—85309270", 3000), &body),
        ("name of 2,000 Han, natural width", cycle(han, 2000), &natural),
        ("—— run, body", "—".repeat(3000), &body),
        ("digits, body", cycle("13800138000", 3000), &body),
    ];
    for (name, text, style) in cases {
        let per_char = candidates_per_char(&text, style);
        assert!(
            per_char <= 4.0 * reference.max(10.0),
            "{name}: {per_char:.1} candidates per character, plain Han {reference:.1}"
        );
    }
}

/// The titles of the stress issue (`shared/bench/stress`), set as its two-column layout sets
/// them (15 pt, centred, in a 21-character column of 10.5 pt), break between words: none
/// inside a word that must stay whole. (The segmenter takes 组成人员 as 组成 + 人员.)
#[test]
fn stress_titles_break_between_words() {
    let (book, face) = book();
    let whole = [
        "长沙市",
        "人大常委会",
        "组成人员",
        "走访",
        "代表",
        "人大代表",
        "联系",
        "群众",
        "活动",
        "益阳市",
        "开展",
        "五级",
        "助力",
        "乡村",
        "振兴",
        "献礼",
        "建党",
        "百年",
    ];
    for n in 1..=60 {
        let title = if n % 2 == 1 {
            format!("（{n}）长沙市开展“人大常委会组成人员走访代表、人大代表联系群众”活动")
        } else {
            format!("（{n}）益阳市开展五级人大代表助力乡村振兴、献礼建党百年活动")
        };
        for (size, width) in [(15.0, 21.0 * 10.5)] {
            let mut style = ParStyle::new(width, Align::Center);
            style.words = true;
            let lines = compose(&book, &[Span { text: title.clone(), face, size, embolden: 0.0 }], &style);
            let mut pos = 0;
            for line in &lines[..lines.len() - 1] {
                pos += line.text.len();
                for word in whole {
                    for (start, _) in title.match_indices(word) {
                        assert!(
                            !(start < pos && pos < start + word.len()),
                            "{title:?} at {size} pt breaks inside {word}: {:?}",
                            texts(&lines)
                        );
                    }
                }
            }
        }
    }
}
