//! Benchmark: paragraph composition over the whole of `../shared/corpus/gov` (characters per
//! second), at the seed layout's measure (21 em of 10.5 pt, 2-em indent). Median of `BENCH_RUNS`
//! runs (default 7) after one warm-up run.
//!
//! ```sh
//! cargo bench --bench compose                    # corpus throughput
//! cargo bench --bench compose -- --scaling       # one long unbroken string, doubling lengths
//!                                                # (SCALING_MAX, SCALING_CASE: a part of a case name)
//! cargo bench --bench compose -- --dump FILE     # every line of both corpora, for comparison
//! ```
//!
//! `--scaling` composes strings with no ordinary break opportunity (a phone-number-like run
//! of digits and hyphens, an editor's name of Han characters, a run of ——, a run of regional
//! indicators, plain Han as the reference) at doubling lengths and prints the time of each; the time per character should
//! stay about flat. `--dump` writes every composed line of `corpus/gov` and `corpus/mixed`
//! under several styles with its glyph positions at full precision: two builds that dump the
//! same file compose the same lines.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use jianbao::compose::{Align, ParStyle, PunctStyle, Span, compose};
use jianbao::font::{FaceId, FontBook, bundled_face};

/// Body size, points.
const SIZE: f64 = 10.5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut book = FontBook::new();
    let face = book.add(bundled_face("Noto Serif CJK SC").expect("bundled").expect("parses"));
    if args.iter().any(|a| a == "--scaling") {
        scaling(&book, face);
    } else if let Some(i) = args.iter().position(|a| a == "--dump") {
        let out = args.get(i + 1).map_or("compose-dump.txt", String::as_str);
        dump(&book, face, Path::new(out));
    } else {
        throughput(&book, face);
    }
}

/// The paragraphs of every file of a corpus folder, in file order.
fn paragraphs(dir: &Path) -> Option<Vec<String>> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut paragraphs = Vec::new();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        paragraphs.extend(text.split("\n\n").map(|p| p.trim().replace('\n', "")).filter(|p| !p.is_empty()));
    }
    Some(paragraphs)
}

/// The body style: 21 em, 2-em indent, justified.
fn body() -> ParStyle {
    let mut style = ParStyle::new(21.0 * SIZE, Align::Justify);
    style.first_indent = 2.0 * SIZE;
    style
}

/// Characters per second over `corpus/gov`.
fn throughput(book: &FontBook, face: FaceId) {
    let dir = Path::new("../shared/corpus/gov");
    let Some(paragraphs) = paragraphs(dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    let style = body();
    // Warm-up: the first run pays for the shaper's caches.
    let mut lines = 0;
    for p in &paragraphs {
        lines += compose(book, &[Span { text: p.clone(), face, size: SIZE, embolden: 0.0 }], &style).len();
    }
    let runs = std::env::var("BENCH_RUNS").ok().and_then(|r| r.parse().ok()).filter(|&r| r > 0).unwrap_or(7);
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        for p in &paragraphs {
            std::hint::black_box(compose(book, &[Span { text: p.clone(), face, size: SIZE, embolden: 0.0 }], &style));
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "compose corpus/gov: {} paragraphs, {chars} characters, {lines} lines; median {:.3} s = {:.0} characters/s",
        paragraphs.len(),
        median,
        chars as f64 / median
    );
}

/// A scaling case: name, text of a given length in characters, alignment, measure (points).
type Case = (&'static str, fn(usize) -> String, Align, f64);

/// `n` characters of `pattern`, repeated.
fn cycle(pattern: &str, n: usize) -> String {
    pattern.chars().cycle().take(n).collect()
}

/// Time per character of long unbroken strings at doubling lengths.
fn scaling(book: &FontBook, face: FaceId) {
    // The closing block sets names and the contact line at a measure of 1e6 pt to learn their
    // natural width (setting::runs), and the contact line again flush right in the column.
    let han = |n| cycle("湖南省人大常委会选举任免联络工作委员会", n);
    let phone = |n| cycle("0731—85309270", n);
    let cases: [Case; 8] = [
        ("plain Han, body", han, Align::Justify, 21.0 * SIZE),
        ("phone-number-like, body", phone, Align::Justify, 21.0 * SIZE),
        ("phone-number-like, flush right", phone, Align::Right, 21.0 * SIZE),
        ("phone-number-like, natural width", phone, Align::Left, 1.0e6),
        ("editor's name (Han), natural width", han, Align::Left, 1.0e6),
        ("—— run, body", |n| "—".repeat(n), Align::Justify, 21.0 * SIZE),
        ("digits, body", |n| cycle("13800138000", n), Align::Justify, 21.0 * SIZE),
        // Grapheme rules that look back over the whole run (regional indicators pair up).
        ("regional indicators, body", |n| "\u{1F1E8}".repeat(n), Align::Justify, 21.0 * SIZE),
    ];
    let max = std::env::var("SCALING_MAX").ok().and_then(|v| v.parse().ok()).unwrap_or(12_800usize);
    let only = std::env::var("SCALING_CASE").unwrap_or_default();
    for (name, make, align, width) in cases {
        if !name.contains(only.as_str()) {
            continue;
        }
        println!("{name}:");
        let mut n = 800;
        while n <= max {
            let style = ParStyle { align, width, ..body() };
            let start = Instant::now();
            let lines = compose(book, &[Span { text: make(n), face, size: SIZE, embolden: 0.0 }], &style);
            let s = start.elapsed().as_secs_f64();
            println!("  {n:>7} chars: {:>9.4} s, {:>7.2} µs/char, {} lines", s, s * 1e6 / n as f64, lines.len());
            n *= 2;
        }
    }
}

/// Writes every line of both corpora under several styles, glyph positions at full precision.
fn dump(book: &FontBook, face: FaceId, out: &Path) {
    let mut all = Vec::new();
    for dir in ["../shared/corpus/gov", "../shared/corpus/mixed"] {
        all.extend(paragraphs(Path::new(dir)).unwrap_or_default());
    }
    let narrow = ParStyle { width: 9.5 * SIZE, ..body() };
    let hanging = ParStyle { hanging: true, trim_opener: true, ..body() };
    let kaiming = ParStyle { punctuation: PunctStyle::Kaiming, ..body() };
    let left = ParStyle { align: Align::Left, rest_indent: 2.0 * SIZE, ..body() };
    let titles = ParStyle { align: Align::Center, words: true, first_indent: 0.0, ..body() };
    let mut text = String::new();
    for (name, style) in
        [("body", body()), ("narrow", narrow), ("hanging", hanging), ("kaiming", kaiming), ("left", left)]
    {
        for (n, p) in all.iter().enumerate() {
            let lines = compose(book, &[Span { text: p.clone(), face, size: SIZE, embolden: 0.0 }], &style);
            write_lines(&mut text, name, n, &lines);
        }
    }
    // Titles: the first sentence of each paragraph, centred, broken between words.
    for (n, p) in all.iter().enumerate() {
        let title: String = p.chars().take_while(|&c| c != '。').take(60).collect();
        let lines = compose(book, &[Span { text: title, face, size: 16.0, embolden: 0.0 }], &titles);
        write_lines(&mut text, "title", n, &lines);
    }
    std::fs::write(out, text).expect("dump written");
    println!("wrote {}", out.display());
}

/// Appends the lines of one paragraph to the dump.
fn write_lines(text: &mut String, style: &str, n: usize, lines: &[jianbao::compose::Line]) {
    for l in lines {
        let _ = write!(text, "{style} {n} [{:?} {:?} {:?} {}] {}\n ", l.left, l.right, l.overfull, l.last, l.text);
        for g in &l.glyphs {
            let _ = write!(text, " {}@{:?}", g.id, g.x);
        }
        text.push('\n');
    }
}
