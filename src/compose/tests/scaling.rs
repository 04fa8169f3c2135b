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
