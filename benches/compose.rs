//! Benchmark: paragraph composition over the whole of `../shared/corpus/gov` (characters per
//! second), at the seed layout's measure (21 em of 10.5 pt, 2-em indent). Median of 7 runs.
//!
//! ```sh
//! cargo bench --bench compose
//! ```

use std::time::Instant;

use jianbao::compose::{Align, ParStyle, Span, compose};
use jianbao::font::{FontBook, bundled_face};

fn main() {
    let dir = std::path::Path::new("../shared/corpus/gov");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paragraphs = Vec::new();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        paragraphs.extend(text.split("\n\n").map(|p| p.trim().replace('\n', "")).filter(|p| !p.is_empty()));
    }
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    let mut book = FontBook::new();
    let face = book.add(bundled_face("Noto Serif CJK SC").expect("bundled").expect("parses"));
    let size = 10.5;
    let mut style = ParStyle::new(21.0 * size, Align::Justify);
    style.first_indent = 2.0 * size;
    // Warm-up: the first run pays for the shaper's caches.
    let mut lines = 0;
    for p in &paragraphs {
        lines += compose(&book, &[Span { text: p.clone(), face, size, embolden: 0.0 }], &style).len();
    }
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        for p in &paragraphs {
            std::hint::black_box(compose(&book, &[Span { text: p.clone(), face, size, embolden: 0.0 }], &style));
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
