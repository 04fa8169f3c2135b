//! Break opportunities: UAX #14 (icu_segmenter, at the strictness the kinsoku level implies)
//! tailored by the kinsoku tables of cjk-rules §1.2–1.3 — —— and …… never split, the
//! connector dash binding digits, full-width numbers whole, URLs, e-mail addresses and paths
//! breaking only at safe points —
//! plus emergency breaks, used only where a token is wider than the measure.

use std::ops::Range;

use icu_locale_core::langid;
use icu_segmenter::LineSegmenter;
use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness};

use super::class::Kinsoku;
use super::prepare::{HANG, Prepared};
use super::url;

/// Cost of a break inside a token (a URL or word wider than the measure): used only where the
/// alternative is a line running past the column edge.
pub(super) const EMERGENCY: f64 = 1.0e5;
/// Cost of breaking inside a word where lines should break between words (titles).
const INSIDE_WORD: f64 = 3000.0;
/// Cost of breaking between a number and the Han character after it (2021年|4月, 5|号).
const NUMBER_UNIT: f64 = 200.0;
/// Cost of breaking an address between two letters or digits, taken only where no safe point
/// of the address serves the line (a line holding one it could end at with its gaps spread by
/// at most about 1/10 em is refused such a break, see [`Opportunity::safe_before`]). It is a
/// last resort, but a cheaper one than a line whose Han gaps are spread past the goal's
/// bound of 1/10 em to avoid it, which extractors would read as spaces: a badness of 800 is
/// 0.10 em per gap.
const URL_EMERGENCY: f64 = 800.0;
/// Cost of breaking an address at one of its safe points.
const URL_BREAK: f64 = 10.0;
/// Cost added to a break after a letter whose ink reaches past its advance (an `f`): the
/// line makes room for the hook but for the part that hangs past the measure, so a break a
/// letter earlier or later is taken where one serves as well.
const HOOK: f64 = 300.0;
/// The same where the room made falls short of the measure by more than [`HANG`] (a hook at
/// display sizes): about a line spread by 0.16 em per gap.
const HOOK_SHORT: f64 = 3000.0;
/// Cost of a break the kinsoku rules forbid (inside a run of openers, of full stops, of
/// pictographs): taken only where every other arrangement runs a line past the measure,
/// since nothing may be printed outside the column.
pub(super) const LAST_RESORT: f64 = 1.0e6;

/// What may happen at a boundary between two characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Break {
    /// No line may end here.
    Never,
    /// A line may end here at this cost (0 for an ordinary opportunity).
    Allowed(f64),
}

/// A place where a line may end: before cluster `at`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Opportunity {
    /// Index of the first cluster of the next line (`clusters.len()` for the paragraph end).
    pub at: usize,
    /// Cost of breaking here (0 for an ordinary break, larger for a discouraged one).
    pub penalty: f64,
    /// For a break between two letters or digits of an address: the cluster after the last
    /// safe point of the same address before it (0 when there is none). A line starting before
    /// that cluster holds a safe point: it may not end with this break if ending at the safe
    /// point would leave it tight enough (the line-breaker's `serves`).
    pub safe_before: usize,
}

impl Opportunity {
    /// An opportunity at cluster `at` with this cost, not inside an address.
    pub(super) fn new(at: usize, penalty: f64) -> Self {
        Opportunity { at, penalty, safe_before: 0 }
    }
}

/// The UAX #14 break positions (byte offsets, excluding 0, including the end) of the default
/// algorithm: what the Unicode conformance file tests.
pub fn uax14(text: &str) -> Vec<usize> {
    let segmenter = LineSegmenter::new_17_for_non_complex_scripts(LineBreakOptions::default());
    segmenter.segment_str(text).filter(|&p| p > 0).collect()
}

/// For every byte offset of `text`, what may happen there (`Never` inside characters).
pub fn text_breaks(text: &str, level: Kinsoku) -> Vec<Break> {
    let mut out = vec![Break::Never; text.len() + 1];
    each_break(text, level, |pos, b, _| out[pos] = b);
    out
}

/// Calls `f` with the decision at every grapheme boundary inside `text` (not at 0 nor at
/// the end), in order, and the index of the address (URL, e-mail address, path) the boundary
/// lies inside, if any. Linear in the text: what a decision looks back at (the run of equal
/// marks, the last character that is not a space, the address around) is carried along.
fn each_break(text: &str, level: Kinsoku, mut f: impl FnMut(usize, Break, Option<usize>)) {
    let mut options = LineBreakOptions::default();
    options.strictness =
        Some(if level == Kinsoku::Normal { LineBreakStrictness::Normal } else { LineBreakStrictness::Strict });
    let zh = langid!("zh");
    options.content_locale = Some(&zh);
    let mut uax = LineSegmenter::new_17_for_non_complex_scripts(options).segment_str(text).peekable();
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.chars().count());
    chars.extend(text.char_indices());
    let tokens = url::tokens(text);
    let mut token = 0;
    let mut look = Behind { k: 0, run_start: 0, end_char: None, quotes: 0 };
    for (pos, _) in super::graphemes::grapheme_indices(text).skip(1) {
        while chars[look.k].0 < pos {
            let c = chars[look.k].1;
            if !c.is_whitespace() && !invisible(c) {
                look.end_char = Some(c);
            }
            if look.k == 0 || chars[look.k - 1].1 != c {
                look.run_start = look.k;
            }
            look.quotes += usize::from(c == '"');
            look.k += 1;
        }
        while uax.next_if(|&p| p < pos).is_some() {}
        let at_uax = uax.peek() == Some(&pos);
        while tokens.get(token).is_some_and(|t| t.end <= pos) {
            token += 1;
        }
        let in_token = tokens.get(token).is_some_and(|t| t.start < pos && pos < t.end);
        f(pos, decide(&chars, &look, at_uax, level, in_token), in_token.then_some(token));
    }
}

/// What a decision at the boundary before `chars[k]` needs of the text before it.
struct Behind {
    /// Index of the character after the boundary.
    k: usize,
    /// Index of the first of the run of equal characters that ends at `k − 1`.
    run_start: usize,
    /// The last character before the boundary that is neither a space nor invisible.
    end_char: Option<char>,
    /// Straight double quotes (`"`) before the boundary: an even count before one makes it
    /// an opening quote.
    quotes: usize,
}

/// The decision at the boundary before `chars[look.k]`.
fn decide(chars: &[(usize, char)], look: &Behind, uax: bool, level: Kinsoku, in_token: bool) -> Break {
    let k = look.k;
    let (a, b) = (chars[k - 1].1, chars[k].1);
    // Inside a URL or an e-mail address only its own safe points count (a solidus or a full
    // stop there is not a mark of Chinese text).
    if in_token {
        return if url::safe_break(a, b, level.forbids_end('/')) {
            Break::Allowed(URL_BREAK)
        } else if level.forbids_start(b) || level.forbids_end(a) {
            Break::Never
        } else {
            Break::Allowed(URL_EMERGENCY)
        };
    }
    // A number in full-width digits is one word, like one in ASCII digits (１４．８％, １，０００).
    if full_width_number(chars, k) {
        return Break::Never;
    }
    // —— and …… are one mark each: never split; between two of them a break is allowed.
    let long = |c: char| matches!(c, '—' | '…' | '⋯' | '⸺');
    if long(a) && a == b {
        let inside_pair = (k - look.run_start) % 2 == 1 || matches!(a, '⸺');
        if inside_pair {
            return Break::Never;
        }
        return if level == Kinsoku::Strict { Break::Never } else { Break::Allowed(0.0) };
    }
    // A single dash or hyphen is a connector: not at a line start, and it holds digits together
    // (0731—85309270, 0731-88888888).
    let connector = |c: char| matches!(c, '—' | '-' | '－' | '‐' | '‑' | '–');
    let single = |i: usize| {
        let c = chars[i].1;
        connector(c) && (i == 0 || chars[i - 1].1 != c) && chars.get(i + 1).is_none_or(|n| n.1 != c)
    };
    if level >= Kinsoku::Basic && single(k) {
        return Break::Never;
    }
    if (connector(a) && b.is_ascii_digit()) || (a.is_ascii_digit() && connector(b)) {
        return Break::Never;
    }
    if level == Kinsoku::Strict && long(b) {
        return Break::Never;
    }
    // Spaces at a line end vanish: the character before them is what ends the line. Icons
    // and pictographs introduce what follows them, like a bullet: a line does not end with one.
    let end_char = look.end_char.unwrap_or(a);
    if level.forbids_start(b)
        || level.forbids_end(end_char)
        || prefix_symbol(b)
        || crate::unicode::is_pictograph(end_char)
    {
        return Break::Never;
    }
    // Curly quotes in Chinese text are brackets, not UAX #14's ambiguous QU: a line may end
    // before an opening quote and after a closing one (ctex-kit#437).
    if level >= Kinsoku::Basic
        && ((matches!(b, '“' | '‘') && !a.is_ascii()) || (matches!(a, '”' | '’') && !b.is_ascii()))
    {
        return Break::Allowed(0.0);
    }
    // So are straight double quotes between Chinese characters (说"喵"了), which UAX #14
    // binds to both sides: counted from the paragraph start, an opening one (an even count
    // before it) may start a line, a line may end after a closing one.
    let chinese = |i: usize| chars.get(i).is_some_and(|&(_, c)| !c.is_ascii() && !c.is_whitespace());
    if level >= Kinsoku::Basic
        && ((b == '"' && look.quotes.is_multiple_of(2) && chinese(k - 1) && chinese(k + 1))
            || (a == '"' && look.quotes.is_multiple_of(2) && k >= 2 && chinese(k - 2) && chinese(k)))
    {
        return Break::Allowed(0.0);
    }
    // UAX #14 keeps …… to what precedes it (× IN); clreq allows a break before it but at the
    // strict level. CSS `normal` allows a break before the hyphens ‐ – in Chinese.
    if (long(b) && level >= Kinsoku::Basic) || (level == Kinsoku::Normal && matches!(b, '‐' | '–') && !a.is_ascii())
    {
        return Break::Allowed(0.0);
    }
    if uax && ((a.is_ascii_digit() && super::class::is_han(b)) || (matches!(a, '年' | '月') && b.is_ascii_digit())) {
        // House style: keep a number with its measure word or date part where possible.
        Break::Allowed(NUMBER_UNIT)
    } else if uax {
        Break::Allowed(0.0)
    } else if a.is_whitespace() || b.is_whitespace() {
        Break::Never
    } else {
        Break::Allowed(EMERGENCY)
    }
}

/// Whether the boundary before `chars[k]` lies inside a number written in full-width digits:
/// between two digits, around a separator (．，：／) that has a digit on each side, or before
/// a per cent or per mille sign.
fn full_width_number(chars: &[(usize, char)], k: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(|&(_, c)| matches!(c, '０'..='９'));
    let separator = |i: usize| chars.get(i).is_some_and(|&(_, c)| matches!(c, '．' | '，' | '：' | '／'));
    let sign = chars.get(k).is_some_and(|&(_, c)| matches!(c, '％' | '‰'));
    digit(k - 1) && (digit(k) || sign || (separator(k) && digit(k + 1)))
        || (k >= 2 && separator(k - 1) && digit(k - 2) && digit(k))
}

/// Currency and other prefix symbols stay with what precedes them in Chinese text (the W3C
/// `line-break` expectations for zh at the normal and strict levels).
fn prefix_symbol(c: char) -> bool {
    matches!(c, '±' | '€' | '№' | '﹩' | '＄' | '￡' | '￥' | '￦' | '¥' | '£' | '₩')
}

/// Variation selectors and joiners, which belong to the character before them.
fn invisible(c: char) -> bool {
    crate::unicode::is_variation_selector(c) || c == '\u{200D}'
}

/// All break opportunities of a prepared paragraph, in order, ending with the paragraph end.
/// With `words`, a break inside a word costs more (see [`words_penalties`]).
pub(super) fn opportunities(par: &Prepared, level: Kinsoku, words: bool) -> Vec<Opportunity> {
    let clusters = &par.clusters;
    let mut out = Vec::with_capacity(clusters.len());
    let mut k = 1;
    // The last safe point of an address seen so far: (address, cluster after it).
    let mut safe: Option<(usize, usize)> = None;
    each_break(&par.text, level, |pos, decision, address| {
        while clusters.get(k).is_some_and(|c| c.range.start < pos) {
            k += 1;
        }
        // Never before a space: the space ends the line before it. Between two clusters that
        // are not spaces a forbidden break is the last resort.
        if let Some(c) = clusters.get(k)
            && c.range.start == pos
            && c.class != super::class::Class::Space
        {
            match decision {
                Break::Allowed(penalty) => {
                    let hook = match clusters[k - 1].hook {
                        room if room > HANG => HOOK_SHORT,
                        room if room > 0.0 => HOOK,
                        _ => 0.0,
                    };
                    let mut o = Opportunity::new(k, penalty + hook);
                    if let Some(a) = address {
                        if penalty < URL_EMERGENCY {
                            safe = Some((a, k));
                        } else if let Some((_, after)) = safe.filter(|s| s.0 == a) {
                            o.safe_before = after;
                        }
                    }
                    out.push(o);
                }
                Break::Never if clusters[k - 1].class != super::class::Class::Space => {
                    out.push(Opportunity::new(k, LAST_RESORT));
                }
                Break::Never => {}
            }
        }
    });
    out.push(Opportunity::new(clusters.len(), 0.0));
    if words {
        words_penalties(par, &mut out);
    }
    out
}

/// Makes a break inside one of the `keep` byte ranges an emergency.
pub(super) fn keep_penalties(par: &Prepared, keep: &[Range<usize>], opportunities: &mut [Opportunity]) {
    if keep.is_empty() {
        return;
    }
    for o in opportunities.iter_mut() {
        let Some(c) = par.clusters.get(o.at) else { continue };
        let at = c.range.start;
        if keep.iter().any(|k| k.start < at && at < k.end) {
            o.penalty += EMERGENCY;
        }
    }
}

/// Makes a break inside a word (found by the segmenter) cost more, where lines should break
/// between words (titles).
pub(super) fn words_penalties(par: &Prepared, opportunities: &mut [Opportunity]) {
    let boundaries = super::words::word_boundaries(&par.text);
    for o in opportunities.iter_mut() {
        let Some(c) = par.clusters.get(o.at) else { continue };
        if boundaries.binary_search(&c.range.start).is_err() {
            o.penalty += INSIDE_WORD;
        }
    }
}
