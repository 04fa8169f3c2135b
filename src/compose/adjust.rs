//! What a line can give and take (clreq §3.6): shrinking in three tiers — the blanks of
//! closing and pause marks, then word spaces, Han–Latin gaps (to ⅕ em) and the blanks of
//! opening marks, then 。？！ and the Han–Latin gaps on to ⅛ em — and stretching in two — word spaces up to ½ em and Han–Latin gaps up to ⅓ em,
//! then the rest evenly over the inter-character gaps. The letters of an address take space
//! only on a line that has nothing else to take it.

use super::ParStyle;
use super::class::Class;
use super::prepare::{GapKind, Prepared};

/// The part of its blank every mark and gap of the first two shrink tiers gives before any
/// gives more: a fifth (0.1 em of a mark's ½-em blank), too little to see.
pub(super) const GENTLE: f64 = 0.18;

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
    /// Whether it takes space only when the line has no other place to take it (the
    /// characters of an address).
    stretch_final: bool,
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
    /// Gaps between the letters of an address, which take space on a line with no other
    /// place to take it.
    pub stretch_address: usize,
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
    let mut adjustables = Vec::with_capacity(2 * (end - start));
    for k in start..end {
        let c = &clusters[k];
        let em = c.size;
        natural += c.width;
        if k > start {
            let g = par.gaps[k];
            natural += g.natural;
            let adj = match g.kind {
                // ¼ em, stretching to ⅓ em before the Han gaps take any (clreq §3.6.4: word
                // spaces, then Han–Latin gaps, then the rest evenly), shrinking to ⅕ em with
                // the spaces and opening brackets and on to ⅛ em last, with 。？！ (§3.6.3
                // puts Han–Latin gaps after the pause marks and brackets).
                GapKind::HanLatin => {
                    let (first, last) = han_latin_shrink(g.natural, em);
                    adjustables.push(Adjustable {
                        slot: Slot::Gap(k),
                        shrink: Some((1, first)),
                        stretch_limited: Some(han_latin_stretch(g.natural, em)),
                        stretch_even: false,
                        stretch_last: false,
                        stretch_final: false,
                    });
                    Some(Adjustable {
                        slot: Slot::Gap(k),
                        shrink: Some((2, last)),
                        stretch_limited: None,
                        stretch_even: false,
                        stretch_last: false,
                        stretch_final: false,
                    })
                }
                GapKind::Cjk => {
                    // An opening bracket's blank may shrink (after the closing marks') unless
                    // compression used it already.
                    let open = (g.natural >= 0.0 && c.blank_left > 0.0).then_some((1, c.blank_left));
                    Some(Adjustable {
                        slot: Slot::Gap(k),
                        shrink: open,
                        stretch_limited: None,
                        stretch_even: true,
                        stretch_last: false,
                        stretch_final: false,
                    })
                }
                // The letters of an address are not tracked while the line's other gaps can
                // take the space (up to the loose limit), nor counted on by the line-breaker.
                GapKind::Url => Some(Adjustable {
                    slot: Slot::Gap(k),
                    shrink: None,
                    stretch_limited: None,
                    stretch_even: false,
                    stretch_last: true,
                    stretch_final: true,
                }),
                GapKind::Solid if proportional(c.class) && proportional(clusters[k - 1].class) => Some(Adjustable {
                    slot: Slot::Gap(k),
                    shrink: None,
                    stretch_limited: None,
                    stretch_even: false,
                    stretch_last: true,
                    stretch_final: false,
                }),
                // An opening bracket after a space may give its blank as after a Han
                // character (the space keeps the words apart).
                GapKind::Solid if opens_after_space(par, k) => Some(Adjustable {
                    slot: Slot::Gap(k),
                    shrink: Some((1, c.blank_left)),
                    stretch_limited: None,
                    stretch_even: false,
                    stretch_last: false,
                    stretch_final: false,
                }),
                GapKind::Solid => None,
            };
            adjustables.extend(adj);
        }
        let compressed_after = k + 1 < end && par.gaps[k + 1].natural < 0.0;
        if k + 1 < end && !compressed_after && c.blank_right > 0.0 {
            adjustables.push(Adjustable {
                slot: Slot::Cluster(k),
                shrink: Some((mark_tier(par, k), c.blank_right)),
                stretch_limited: None,
                stretch_even: false,
                stretch_last: false,
                stretch_final: false,
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
                stretch_final: false,
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
    let stretch_address = adjustables.iter().filter(|a| a.stretch_final).count();
    let em = clusters[start].size;
    let splits_token =
        stop < clusters.len() && proportional(clusters[stop - 1].class) && proportional(clusters[stop].class);
    Metrics {
        end,
        natural,
        shrink,
        stretch_limited,
        stretch_even,
        stretch_address,
        hangs,
        lead,
        em,
        splits_token,
        adjustables,
    }
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
        // First every place of the first two tiers gives the same small part of its blank
        // (a squeeze shared so that no mark looks narrower), then each tier in turn the rest.
        let gentle = m.shrink[0] + m.shrink[1];
        let mut given = 0.0;
        if gentle > 0.0 {
            given = (-rest / gentle).min(GENTLE);
            for a in &m.adjustables {
                if let Some((t, amount)) = a.shrink
                    && t < 2
                {
                    add(a.slot, -amount * given);
                }
            }
            rest += gentle * given;
        }
        // The closing and pause marks then give their blanks one after another, so that as
        // few marks as possible look narrower.
        for a in &m.adjustables {
            if let Some((0, amount)) = a.shrink
                && rest < 0.0
            {
                let take = (amount * (1.0 - given)).min(-rest);
                add(a.slot, -take);
                rest += take;
            }
        }
        for tier in 1..3 {
            let left = if tier < 2 { 1.0 - given } else { 1.0 };
            let cap = m.shrink[tier] * left;
            if cap <= 0.0 || rest >= 0.0 {
                continue;
            }
            let f = (-rest / cap).min(1.0);
            for a in &m.adjustables {
                if let Some((t, amount)) = a.shrink
                    && t == tier
                {
                    add(a.slot, -amount * left * f);
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
        let address: Vec<&Adjustable> = m.adjustables.iter().filter(|a| a.stretch_final).collect();
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
        // A line of one long token (a 2,000-letter word broken by emergency, an address) has
        // nothing but its letters to take the space.
        let spread = if !even.is_empty() {
            even
        } else if !limited.is_empty() {
            limited
        } else if !address.is_empty() {
            address
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

/// What a line gains when its end moves past one more cluster k, in the order [`measure`]
/// adds it: first what cluster k − 1 gives now that it no longer ends the line, then cluster
/// k itself and the gap before it.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    /// Shrink per tier (0–2) and limited stretch (3) of cluster k − 1 when it does not end
    /// the line.
    own: [f64; 4],
    /// Shrink per tier (0–2) and limited stretch (3) of the gap before k.
    gap: [f64; 4],
    /// Width of cluster k, points.
    width: f64,
    /// Natural width of the gap before k, points.
    gap_natural: f64,
    /// Places of the even stretch tier added (cluster k − 1 and the gap before k).
    even: u32,
    /// Whether the gap before k is between two letters of an address (0 or 1).
    address: u32,
}

/// What a cluster changes when it starts or ends a line.
#[derive(Debug, Clone, Copy, Default)]
struct Edge {
    /// Blank dropped at a line start (a trimmed opener), points.
    lead: f64,
    /// Width, points.
    width: f64,
    /// Blank dropped at a line end, points.
    blank_right: f64,
    /// Kerning given back at a line end, points.
    kern: f64,
    /// Whether it is 、，。． (may hang).
    hangable: bool,
    /// Whether it is a Chinese mark.
    mark: bool,
}

/// The measure of a candidate line, as the line-breaker needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Fit {
    /// One past the last cluster that takes room.
    pub end: usize,
    /// Natural width with the line-end blank (or a hanging mark) removed, points.
    pub natural: f64,
    /// Total shrink available, points.
    pub shrink: f64,
    /// Shrink available per tier (closing and pause marks; spaces, Han–Latin gaps and
    /// opening marks; 。？！), points.
    pub shrink_tiers: [f64; 3],
    /// Limited stretch available, points.
    pub stretch_limited: f64,
    /// Places of the even stretch tier that are not letters of an address or word.
    pub stretch_even: usize,
    /// Gaps between letters of an address.
    pub stretch_address: usize,
}

/// The sums of a line from a fixed start, up to (not including) cluster `end`, as
/// [`measure`] would have them: the same additions in the same order, so the same bits.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Running {
    /// One past the last cluster summed.
    end: usize,
    /// Natural width so far.
    natural: f64,
    /// Shrink per tier (0–2) and limited stretch (3), of the places that do not depend on
    /// the line end.
    give: [f64; 4],
    /// Places of the even tier.
    even: u32,
    /// Gaps between letters of an address.
    address: u32,
}

/// What the end of every line stopping before a given cluster takes off its natural width.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tail {
    /// One past the last cluster that takes room (trailing spaces dropped), unless the line
    /// holds less.
    trim: usize,
    /// What a line of two or more clusters ending at `trim` loses: its last cluster's
    /// line-end blank or, hanging, its whole width.
    cut: f64,
    /// Kerning given back by the cluster before `trim`.
    kern: f64,
}

impl Tail {
    /// The most the line end can add to a line of two clusters or more (kerning given back
    /// that is negative), points.
    pub(super) fn gain(&self) -> f64 {
        (-(self.cut + self.kern)).max(0.0)
    }
}

/// Every candidate line of a paragraph measured in constant amortised time.
///
/// A line's natural width, shrink and stretch are sums over its clusters with adjustments at
/// its two ends only (the line-start blank of an opener; the line-end blank, hanging mark and
/// kerning). The line-breaker keeps one [`Running`] sum per start and extends it as the line
/// end moves on, so that a paragraph costs candidates × O(1) instead of candidates × line
/// length, and applies the end adjustments ([`Tail`]) once per line end. The sums are made in
/// the order [`measure`] makes them — floating-point addition is not associative, and total
/// fit picks between breaks whose costs differ in the last bits — so the breaks are those
/// the per-line measure chose. Fixed-point prefix sums ([`Prefix`]) give any line in O(1), to
/// a known error, where order-free bounds do.
pub(super) struct Lines {
    /// `steps[k]`: what moving a line end past cluster k adds (`steps[0]` is unused).
    steps: Vec<Step>,
    /// Per cluster.
    edges: Vec<Edge>,
    /// `solid[k]`: clusters before k that are neither marks, spaces nor hidden.
    solid: Vec<u32>,
    /// `trim[k]`: where a line stopping before k ends once trailing spaces are dropped.
    trim: Vec<usize>,
    /// Whether marks at the line end may hang.
    hanging: bool,
}

impl Lines {
    /// Prepares the per-cluster figures of a paragraph.
    pub(super) fn new(par: &Prepared, style: &ParStyle) -> Lines {
        let clusters = &par.clusters;
        let n = clusters.len();
        let mut lines = Lines {
            steps: Vec::with_capacity(n),
            edges: Vec::with_capacity(n),
            solid: Vec::with_capacity(n + 1),
            trim: Vec::with_capacity(n + 1),
            hanging: style.hanging,
        };
        let (mut solid, mut trim) = (0u32, 0usize);
        lines.solid.push(0);
        lines.trim.push(0);
        // What the previous cluster gives when it does not end the line.
        let mut own = ([0.0; 4], 0u32);
        for (k, c) in clusters.iter().enumerate() {
            let (gap, gap_even) = gap_gives(par, k);
            lines.steps.push(Step {
                own: own.0,
                gap,
                width: c.width,
                gap_natural: if k > 0 { par.gaps[k].natural } else { 0.0 },
                even: own.1 + gap_even,
                address: u32::from(k > 0 && par.gaps[k].kind == GapKind::Url),
            });
            own = own_gives(par, k);
            lines.edges.push(Edge {
                lead: if style.trim_opener { c.blank_left } else { 0.0 },
                width: c.width,
                blank_right: c.blank_right,
                kern: c.kern,
                hangable: matches!(&par.text[c.range.clone()], "、" | "，" | "。" | "．"),
                mark: c.class.is_mark(),
            });
            let trailing = matches!(c.class, Class::Space | Class::IdeoSpace) || !c.visible;
            solid += u32::from(!c.class.is_mark() && !trailing);
            lines.solid.push(solid);
            if !trailing {
                trim = k + 1;
            }
            lines.trim.push(trim);
        }
        lines
    }

    /// The sums of a line starting at cluster `start` that holds only that cluster.
    pub(super) fn start(&self, start: usize) -> Running {
        let natural = -self.edges[start].lead + self.edges[start].width;
        Running { end: start + 1, natural, ..Running::default() }
    }

    /// What the end of a line stopping before cluster `stop` (> 0) takes off.
    pub(super) fn tail(&self, stop: usize) -> Tail {
        let trim = self.trim[stop];
        if trim < 2 {
            // Only a line of one cluster can end there.
            return Tail { trim, cut: 0.0, kern: 0.0 };
        }
        let last = &self.edges[trim - 1];
        let hangs = self.hanging && last.hangable && !self.edges[trim - 2].mark;
        Tail { trim, cut: if hangs { last.width } else { last.blank_right }, kern: last.kern }
    }

    /// The line from the start of `run` (cluster `start`) up to the line end `tail`; `run`
    /// moves on to the line's end. Line ends given to one `run` must not go back.
    #[inline]
    pub(super) fn fit(&self, run: &mut Running, start: usize, tail: &Tail) -> Fit {
        let end = tail.trim.max(start + 1);
        while run.end < end {
            let step = &self.steps[run.end];
            for t in 0..4 {
                run.give[t] += step.own[t];
            }
            run.natural += step.width;
            run.natural += step.gap_natural;
            for t in 0..4 {
                run.give[t] += step.gap[t];
            }
            run.even += step.even;
            run.address += step.address;
            run.end += 1;
        }
        let mut natural = run.natural;
        if end > start + 1 {
            natural -= tail.cut;
            natural -= tail.kern;
        } else {
            // A line of one cluster: it does not hang.
            natural -= self.edges[start].blank_right;
            natural -= self.edges[start].kern;
        }
        Fit {
            end,
            natural,
            shrink: run.give[..3].iter().sum(),
            shrink_tiers: [run.give[0], run.give[1], run.give[2]],
            stretch_limited: run.give[3],
            stretch_even: run.even as usize,
            stretch_address: run.address as usize,
        }
    }

    /// A bound from above on lines of two clusters or more, in two parts: prefix sums of what
    /// each cluster after a line's first adds to its natural width, limited stretch and
    /// `loose` × its places of the even tier and its address gaps (each term taken as 0 if
    /// negative, so the sums
    /// only grow), and the most a first cluster adds. The line `s..e` takes at most
    /// `first + sums[e] - sums[s + 1]`, and what its end may add ([`Tail::gain`]).
    pub(super) fn upper(&self, loose: f64) -> (Vec<f64>, f64) {
        let mut sums = Vec::with_capacity(self.steps.len() + 1);
        let mut acc = 0.0;
        sums.push(acc);
        for (k, step) in self.steps.iter().enumerate() {
            if k > 0 {
                let places = f64::from(step.even + step.address);
                let adds = step.width + step.gap_natural + step.own[3] + step.gap[3] + loose * places;
                acc += adds.max(0.0);
            }
            sums.push(acc);
        }
        let first = self.edges.iter().map(|e| e.width - e.lead).fold(0.0, f64::max);
        (sums, first)
    }

    /// Where lines stopping before cluster `stop` end, trailing spaces dropped (a line of one
    /// cluster may end later).
    pub(super) fn trim(&self, stop: usize) -> usize {
        self.trim[stop]
    }

    /// Clusters of `start..end` that are neither marks, spaces nor hidden.
    pub(super) fn solid(&self, start: usize, end: usize) -> usize {
        (self.solid[end] - self.solid[start]) as usize
    }

    /// Fixed-point prefix sums of the paragraph.
    pub(super) fn prefix(&self) -> Prefix {
        let mut sums = Vec::with_capacity(self.steps.len() + 1);
        let mut acc = Sum::default();
        sums.push(acc);
        for (k, step) in self.steps.iter().enumerate() {
            if k > 0 {
                acc = acc.plus(Sum::of(step));
            }
            sums.push(acc);
        }
        Prefix { sums }
    }

    /// The line from `start` up to `stop` in O(1) from fixed-point prefix sums, and a bound
    /// on how far its natural width less its shrink may lie from what [`Lines::fit`] gives.
    pub(super) fn approx(&self, prefix: &Prefix, start: usize, stop: usize) -> (Fit, f64) {
        let tail = self.tail(stop);
        let end = tail.trim.max(start + 1);
        let sum = prefix.sums[end].minus(prefix.sums[start + 1]);
        let first = &self.edges[start];
        let (cut, kern) = if end > start + 1 { (tail.cut, tail.kern) } else { (first.blank_right, first.kern) };
        let natural = points(sum.natural) - first.lead + first.width - cut - kern;
        let shrink: f64 = sum.give[..3].iter().map(|&v| points(v)).sum();
        // Rounding to the fixed unit: at most 10 halves of a unit per place. The floating-point
        // sums of `fit` (recursive summation) err by at most terms × ε/2 × the sum of the
        // terms' magnitudes; counted twice over for the subtractions at the ends.
        let places = (end - start + 4) as f64;
        let magnitude = points(sum.magnitude) + first.lead + first.width + cut.abs() + kern.abs();
        let error = places * (10.0 / UNIT + 2.0 * f64::EPSILON * magnitude);
        let shrink_tiers = [points(sum.give[0]), points(sum.give[1]), points(sum.give[2])];
        let fit = Fit {
            end,
            natural,
            shrink,
            shrink_tiers,
            stretch_limited: points(sum.give[3]),
            stretch_even: sum.even as usize,
            stretch_address: sum.address as usize,
        };
        (fit, error)
    }
}

/// Fixed-point prefix sums of a paragraph's places: `sums[k]`, the places of clusters 1..k.
pub(super) struct Prefix {
    /// The sums.
    sums: Vec<Sum>,
}

/// The shrink of a Han–Latin gap of natural width `natural`, in two tiers: down to ⅕ em with
/// the word spaces and opening brackets, then on to ⅛ em with 。？！.
fn han_latin_shrink(natural: f64, em: f64) -> (f64, f64) {
    let first = (natural - 0.2 * em).max(0.0);
    (first, (natural - first - 0.125 * em).max(0.0))
}

/// The stretch of a Han–Latin gap of natural width `natural`: up to ⅓ em.
fn han_latin_stretch(natural: f64, em: f64) -> f64 {
    (em / 3.0 - natural).max(0.0)
}

/// Whether cluster `k` is an opening bracket with its blank after a space (the gap before it
/// neither compresses nor is glue of its own).
fn opens_after_space(par: &Prepared, k: usize) -> bool {
    let (Some(before), Some(c), Some(g)) =
        (k.checked_sub(1).and_then(|b| par.clusters.get(b)), par.clusters.get(k), par.gaps.get(k))
    else {
        return false;
    };
    g.kind == GapKind::Solid && g.natural >= 0.0 && c.blank_left > 0.0 && before.class == Class::Space
}

/// What the gap before cluster k gives a line that holds k − 1 and k: shrink per tier and
/// limited stretch, and whether it counts in the even tier (see [`measure`]).
fn gap_gives(par: &Prepared, k: usize) -> ([f64; 4], u32) {
    let mut gives = [0.0; 4];
    if k == 0 {
        return (gives, 0);
    }
    let c = &par.clusters[k];
    let em = c.size;
    let g = par.gaps[k];
    match g.kind {
        GapKind::HanLatin => {
            (gives[1], gives[2]) = han_latin_shrink(g.natural, em);
            gives[3] = han_latin_stretch(g.natural, em);
            (gives, 0)
        }
        GapKind::Cjk => {
            // An opening bracket's blank may shrink unless compression used it already.
            if g.natural >= 0.0 && c.blank_left > 0.0 {
                gives[1] = c.blank_left;
            }
            (gives, 1)
        }
        GapKind::Solid if opens_after_space(par, k) => {
            gives[1] = c.blank_left;
            (gives, 0)
        }
        // Address letters and word letters stretch only as a last resort: not counted.
        GapKind::Url | GapKind::Solid => (gives, 0),
    }
}

/// What cluster k gives a line it does not end: its right blank unless the next gap
/// compresses it, and a word space its part (see [`measure`]).
fn own_gives(par: &Prepared, k: usize) -> ([f64; 4], u32) {
    let c = &par.clusters[k];
    let em = c.size;
    let mut gives = [0.0; 4];
    let mut even = 0;
    let compressed_after = par.gaps.get(k + 1).is_some_and(|g| g.natural < 0.0);
    if !compressed_after && c.blank_right > 0.0 {
        gives[mark_tier(par, k)] = c.blank_right;
    }
    if c.class == Class::Space && c.visible {
        gives[1] = (c.width - 0.25 * em).max(0.0);
        gives[3] = (0.5 * em - c.width).max(0.0);
        even = 1;
    }
    (gives, even)
}

/// The shrink tier of the blank right of cluster k: 0 for closing and pause marks, 2 for
/// 。？！ (full stops keep their width unless nothing else can give).
fn mark_tier(par: &Prepared, k: usize) -> usize {
    let first = par.text[par.clusters[k].range.clone()].chars().next().unwrap_or(' ');
    if matches!(first, '。' | '？' | '！' | '．') { 2 } else { 0 }
}

/// Fixed-point scale of [`Lines::approx`]: 2⁻³² pt.
const UNIT: f64 = 4_294_967_296.0;

/// A width in fixed point.
fn fixed(v: f64) -> i64 {
    (v * UNIT).round() as i64
}

/// A fixed-point width in points.
fn points(v: i64) -> f64 {
    v as f64 / UNIT
}

/// Fixed-point sums of the places of a line. Arithmetic wraps: a difference of two prefixes
/// is exact whenever the line itself fits in an `i64`.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    /// Natural width.
    natural: i64,
    /// Shrink per tier (0–2) and limited stretch (3).
    give: [i64; 4],
    /// Places of the even stretch tier.
    even: u32,
    /// Gaps between letters of an address.
    address: u32,
    /// The sum of the magnitudes of all the above (for error bounds).
    magnitude: i64,
}

impl Sum {
    /// What moving a line end past a cluster adds.
    fn of(step: &Step) -> Sum {
        let give = [0, 1, 2, 3].map(|t| fixed(step.own[t]).wrapping_add(fixed(step.gap[t])));
        let magnitude =
            step.width.abs() + step.gap_natural.abs() + step.own.iter().chain(&step.gap).map(|v| v.abs()).sum::<f64>();
        Sum {
            natural: fixed(step.width).wrapping_add(fixed(step.gap_natural)),
            give,
            even: step.even,
            address: step.address,
            magnitude: fixed(magnitude),
        }
    }

    /// `self + other`, wrapping.
    fn plus(self, o: Sum) -> Sum {
        Sum {
            natural: self.natural.wrapping_add(o.natural),
            give: [0, 1, 2, 3].map(|t| self.give[t].wrapping_add(o.give[t])),
            even: self.even.wrapping_add(o.even),
            address: self.address.wrapping_add(o.address),
            magnitude: self.magnitude.wrapping_add(o.magnitude),
        }
    }

    /// `self - other`, wrapping.
    fn minus(self, o: Sum) -> Sum {
        Sum {
            natural: self.natural.wrapping_sub(o.natural),
            give: [0, 1, 2, 3].map(|t| self.give[t].wrapping_sub(o.give[t])),
            even: self.even.wrapping_sub(o.even),
            address: self.address.wrapping_sub(o.address),
            magnitude: self.magnitude.wrapping_sub(o.magnitude),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::prepare::prepare;
    use super::super::{Align, ParStyle, PunctStyle, Span};
    use super::*;
    use crate::font::{FontBook, bundled_face};

    /// Every candidate line of `text` measured the three ways agrees: the running sums to the
    /// bit, the prefix sums within their bound.
    fn agree(text: &str, style: &ParStyle) {
        let mut book = FontBook::new();
        let face = book.add(bundled_face("Noto Serif CJK SC").expect("bundled").expect("parses"));
        let spans = [Span { text: text.to_string(), face, size: 10.5, embolden: 0.0 }];
        let par = prepare(&book, &spans, PunctStyle::Quanjiao);
        let lines = Lines::new(&par, style);
        let n = par.clusters.len();
        let prefix = lines.prefix();
        for start in 0..n {
            let mut run = lines.start(start);
            for stop in start + 1..=n.min(start + 80) {
                let m = measure(&par, start, stop, style);
                let f = lines.fit(&mut run, start, &lines.tail(stop));
                let shrink: f64 = m.shrink.iter().sum();
                let solid = par.clusters[start..m.end]
                    .iter()
                    .filter(|c| c.visible && !c.class.is_mark() && !matches!(c.class, Class::Space | Class::IdeoSpace))
                    .count();
                let exact = Fit {
                    end: m.end,
                    natural: m.natural,
                    shrink,
                    shrink_tiers: m.shrink,
                    stretch_limited: m.stretch_limited,
                    stretch_even: m.stretch_even,
                    stretch_address: m.stretch_address,
                };
                assert_eq!(f, exact, "{start}..{stop} of {text:?}");
                assert_eq!(lines.solid(start, f.end), solid);
                let (a, error) = lines.approx(&prefix, start, stop);
                let tight = |f: &Fit| f.natural - f.shrink;
                assert!((tight(&a) - tight(&f)).abs() <= error, "{start}..{stop}: {a:?} vs {f:?} ± {error}");
                assert_eq!((a.end, a.stretch_even, a.stretch_address), (f.end, f.stretch_even, f.stretch_address));
            }
        }
    }

    #[test]
    fn running_and_prefix_sums_measure_like_the_line() {
        let texts = [
            "（七）坚持以人民为中心的发展思想，着力保障和改善民生，人民群众获得感不断增强。在财力紧张情况下，持续加大民生投入2800多亿元。",
            "详见https://www.example.gov.cn/a/b.html。邮箱：lianluochu_hunan@example.gov.cn，谢谢 Apache 邮件列表 bRPC 的社区",
            "他说：“你好！”？！……——「引号」（括号）、 。 word  spaces  and 2021年4月　全角空格，“《书名》”。",
        ];
        for text in texts {
            for (hanging, trim_opener) in [(false, false), (true, true)] {
                let style = ParStyle { hanging, trim_opener, ..ParStyle::new(210.0, Align::Justify) };
                agree(text, &style);
            }
        }
    }
}
