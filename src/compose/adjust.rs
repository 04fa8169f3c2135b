//! What a line can give and take (clreq §3.6): shrinking in three tiers — punctuation blanks,
//! then word spaces and Han–Latin gaps, then 。？！ — and stretching in two — word spaces and
//! Han–Latin gaps up to ½ em, then the rest evenly over the inter-character gaps.

use super::ParStyle;
use super::class::Class;
use super::prepare::{GapKind, Prepared};

/// The widest a Han–Latin gap may stretch, em (clreq: ½ em; kept just under it so that
/// measurement noise never reads as "over ½ em").
const HAN_LATIN_MAX: f64 = 0.48;

/// The widest inter-character gap justification adds before Latin words start to take the
/// rest, em.
const LOOSE: f64 = 0.24;

/// Where an adjustment applies.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    /// The gap before cluster k.
    Gap(usize),
    /// The width of cluster k.
    Cluster(usize),
}

/// One adjustable place of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Adjustable {
    /// Where.
    slot: Slot,
    /// Shrink tier (0 first) and how much, points.
    shrink: Option<(usize, f64)>,
    /// Limited stretch (first tier), points; `None` when it takes part only in the even tier.
    stretch_limited: Option<f64>,
    /// Whether it takes part in the even stretch tier.
    stretch_even: bool,
    /// Whether it takes what the even tier cannot take without leaving Han gaps loose (the
    /// letters of a Latin word: a last resort).
    stretch_last: bool,
}

/// The measure of a candidate line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Metrics {
    /// One past the last cluster that takes room (trailing spaces dropped).
    pub end: usize,
    /// Natural width with the line-end blank (or a hanging mark) removed, points.
    pub natural: f64,
    /// Shrink available per tier, points.
    pub shrink: [f64; 3],
    /// Limited stretch available, points.
    pub stretch_limited: f64,
    /// Number of places in the even stretch tier that are not letters of an address or word
    /// (the line-breaker's measure of how well a line takes space).
    pub stretch_even: usize,
    /// Whether the last mark hangs outside the measure.
    pub hangs: bool,
    /// Blank dropped before the first cluster (a trimmed opener), points.
    pub lead: f64,
    /// The line's em (size of its first cluster), points.
    pub em: f64,
    /// Whether the line ends inside a word or number (an emergency break).
    pub splits_token: bool,
    adjustables: Vec<Adjustable>,
}

impl Metrics {
    /// Total shrink available.
    pub fn shrink_total(&self) -> f64 {
        self.shrink.iter().sum()
    }
}

/// Whether a class is set in proportional Western glyphs (letters, digits, symbols).
fn proportional(class: Class) -> bool {
    matches!(class, Class::Latin | Class::Digit | Class::Symbol)
}

/// Measures the line from cluster `start` up to (not including) `stop`.
pub(super) fn measure(par: &Prepared, start: usize, stop: usize, style: &ParStyle) -> Metrics {
    let hanging = style.hanging;
    let clusters = &par.clusters;
    let mut end = stop;
    // Spaces (an ideographic one too) at a line end take no room and are not drawn.
    while end > start + 1
        && (matches!(clusters[end - 1].class, Class::Space | Class::IdeoSpace) || !clusters[end - 1].visible)
    {
        end -= 1;
    }
    // An opener at the line start may drop its leading blank.
    let lead = if style.trim_opener { clusters[start].blank_left } else { 0.0 };
    let mut natural = -lead;
    let mut adjustables = Vec::new();
    for k in start..end {
        let c = &clusters[k];
        let em = c.size;
        natural += c.width;
        if k > start {
            let g = par.gaps[k];
            natural += g.natural;
            let adj = match g.kind {
                GapKind::HanLatin => Some(Adjustable {
                    slot: Slot::Gap(k),
                    shrink: Some((1, g.natural - 0.125 * em)),
                    stretch_limited: Some(HAN_LATIN_MAX * em - g.natural),
                    stretch_even: false,
                    stretch_last: false,
                }),
                GapKind::Cjk => {
                    // An opening bracket's blank may shrink unless compression used it already.
                    let open = (g.natural >= 0.0 && c.blank_left > 0.0).then_some((0, c.blank_left));
                    Some(Adjustable {
                        slot: Slot::Gap(k),
                        shrink: open,
                        stretch_limited: None,
                        stretch_even: true,
                        stretch_last: false,
                    })
                }
                // An address spreads with the Han gaps, and past ¼ em takes the rest alone.
                GapKind::Url => Some(Adjustable {
                    slot: Slot::Gap(k),
                    shrink: None,
                    stretch_limited: None,
                    stretch_even: true,
                    stretch_last: true,
                }),
                GapKind::Solid if proportional(c.class) && proportional(clusters[k - 1].class) => Some(Adjustable {
                    slot: Slot::Gap(k),
                    shrink: None,
                    stretch_limited: None,
                    stretch_even: false,
                    stretch_last: true,
                }),
                GapKind::Solid => None,
            };
            adjustables.extend(adj);
        }
        let compressed_after = k + 1 < end && par.gaps[k + 1].natural < 0.0;
        if k + 1 < end && !compressed_after && c.blank_right > 0.0 {
            let first = par.text[c.range.clone()].chars().next().unwrap_or(' ');
            let tier = if matches!(first, '。' | '？' | '！' | '．') { 2 } else { 0 };
            adjustables.push(Adjustable {
                slot: Slot::Cluster(k),
                shrink: Some((tier, c.blank_right)),
                stretch_limited: None,
                stretch_even: false,
                stretch_last: false,
            });
        }
        if c.class == Class::Space && c.visible && k + 1 < end {
            adjustables.push(Adjustable {
                slot: Slot::Cluster(k),
                shrink: Some((1, (c.width - 0.25 * em).max(0.0))),
                stretch_limited: Some((0.5 * em - c.width).max(0.0)),
                // Past ½ em a word space still takes its share, sparing the Han gaps.
                stretch_even: true,
                stretch_last: true,
            });
        }
    }
    let mut hangs = false;
    if end > start {
        let last = &clusters[end - 1];
        let text = &par.text[last.range.clone()];
        let before_is_mark = end >= start + 2 && clusters[end - 2].class.is_mark();
        if hanging && matches!(text, "、" | "，" | "。" | "．") && !before_is_mark && end - start > 1 {
            natural -= last.width;
            hangs = true;
        } else {
            natural -= last.blank_right;
        }
        // Kerning toward a character on the next line does not apply.
        natural -= last.kern;
    }
    let mut shrink = [0.0; 3];
    let mut stretch_limited = 0.0;
    let mut stretch_even = 0;
    for a in &adjustables {
        if let Some((tier, amount)) = a.shrink {
            shrink[tier] += amount;
        }
        stretch_limited += a.stretch_limited.unwrap_or(0.0);
        // What the line-breaker counts on: gaps that stretch without tracking letters.
        stretch_even += usize::from(a.stretch_even && (!a.stretch_last || matches!(a.slot, Slot::Cluster(_))));
    }
    let em = clusters[start].size;
    let splits_token =
        stop < clusters.len() && proportional(clusters[stop - 1].class) && proportional(clusters[stop].class);
    Metrics { end, natural, shrink, stretch_limited, stretch_even, hangs, lead, em, splits_token, adjustables }
}

/// The adjustment of every gap and cluster of a line, points, indexed from `start`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Deltas {
    /// Added to the gap before cluster `start + i`.
    pub gap: Vec<f64>,
    /// Added to the width of cluster `start + i`.
    pub cluster: Vec<f64>,
}

/// Spreads `diff` points (positive: stretch, negative: shrink) over the line's adjustables by
/// tier. Returns the deltas and how much could not be absorbed.
pub(super) fn distribute(m: &Metrics, start: usize, diff: f64) -> (Deltas, f64) {
    let n = m.end - start;
    let mut d = Deltas { gap: vec![0.0; n], cluster: vec![0.0; n] };
    let mut add = |slot: Slot, v: f64| match slot {
        Slot::Gap(k) => d.gap[k - start] += v,
        Slot::Cluster(k) => d.cluster[k - start] += v,
    };
    let mut rest = diff;
    if diff < 0.0 {
        for tier in 0..3 {
            let cap = m.shrink[tier];
            if cap <= 0.0 || rest >= 0.0 {
                continue;
            }
            let f = (-rest / cap).min(1.0);
            for a in &m.adjustables {
                if let Some((t, amount)) = a.shrink {
                    if t == tier {
                        add(a.slot, -amount * f);
                    }
                }
            }
            rest += cap * f;
        }
    } else if diff > 0.0 {
        if m.stretch_limited > 0.0 {
            let f = (rest / m.stretch_limited).min(1.0);
            for a in &m.adjustables {
                if let Some(cap) = a.stretch_limited {
                    add(a.slot, cap * f);
                }
            }
            rest -= m.stretch_limited * f;
        }
        let even: Vec<&Adjustable> = m.adjustables.iter().filter(|a| a.stretch_even).collect();
        let last: Vec<&Adjustable> = m.adjustables.iter().filter(|a| a.stretch_last).collect();
        // Inter-character gaps take up to ¼ em each; past that, the letters of Latin words
        // take the rest when the line has any (a loose line is worse than slight tracking).
        if rest > 0.0 && !even.is_empty() && !last.is_empty() {
            let each = (rest / even.len() as f64).min(LOOSE * m.em);
            for a in &even {
                add(a.slot, each);
            }
            rest -= each * even.len() as f64;
            if rest > 0.0 {
                let share = rest / last.len() as f64;
                for a in &last {
                    add(a.slot, share);
                }
                rest = 0.0;
            }
        }
        let limited: Vec<&Adjustable> = m.adjustables.iter().filter(|a| a.stretch_limited.is_some()).collect();
        // A line of one long token (a 2,000-letter word broken by emergency) has nothing but
        // its letters to take the space.
        let spread = if !even.is_empty() {
            even
        } else if !limited.is_empty() {
            limited
        } else if m.splits_token {
            last
        } else {
            Vec::new()
        };
        if rest > 0.0 && !spread.is_empty() {
            let each = rest / spread.len() as f64;
            for a in spread {
                add(a.slot, each);
            }
            rest = 0.0;
        }
    }
    (d, rest)
}
