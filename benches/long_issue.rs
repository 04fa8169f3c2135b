//! Build time and peak memory of the seed issue and of the long generated issue (60
//! articles, about 50 pages), side by side: `cargo bench --bench long_issue`.
//!
//! Each measurement runs in a child process (this program again, with `--measure-one`), so
//! that its peak resident memory (VmHWM from /proc/self/status) is its own. The figure is
//! the median of `BENCH_RUNS` runs (default 7): wall time of `jianbao::build::run`, from the
//! manifest to the PDF written, in one process that starts cold.

#[path = "../examples/long_issue/mod.rs"]
#[allow(dead_code)]
mod long_issue;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// One measured build.
struct Sample {
    /// Wall time of the build, ms.
    ms: f64,
    /// Peak resident memory of the process, KiB (0 where /proc is absent).
    peak_kib: u64,
    /// Pages built.
    pages: usize,
    /// Size of the PDF, bytes.
    bytes: usize,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure-one") {
        return match (args.get(i + 1), args.get(i + 2)) {
            (Some(manifest), Some(out)) => measure_one(Path::new(manifest), Path::new(out)),
            _ => ExitCode::from(2),
        };
    }
    let runs = std::env::var("BENCH_RUNS").ok().and_then(|r| r.parse().ok()).filter(|&r| r > 0).unwrap_or(7);
    let dir = std::env::temp_dir().join(format!("jianbao-bench-{}", std::process::id()));
    let options = long_issue::Options::default();
    let long = match long_issue::generate(&dir.join("long"), &options) {
        Ok((manifest, corpus)) => {
            let from = if corpus { "gov corpus" } else { "fallback text" };
            println!("long issue: {} articles ({from}) in {}", options.articles, manifest.display());
            manifest
        }
        Err(e) => {
            eprintln!("cannot write the long issue: {e}");
            return ExitCode::from(1);
        }
    };
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lianluo-2021-04/issue.toml");
    println!("median of {runs} runs, each in a fresh process\n");
    println!("| issue | pages | PDF KiB | build ms (median) | min–max ms | peak RSS MiB (median) |");
    println!("|---|---|---|---|---|---|");
    for (name, manifest) in [("seed (lianluo-2021-04)", seed), ("long (60 articles)", long)] {
        let samples: Option<Vec<Sample>> = (0..runs).map(|_| spawn(&manifest, &dir.join("out.pdf"))).collect();
        let Some(mut samples) = samples else {
            eprintln!("a measurement of {name} failed");
            return ExitCode::from(1);
        };
        samples.sort_by(|a, b| a.ms.total_cmp(&b.ms));
        let (lo, hi, median) = (samples[0].ms, samples[samples.len() - 1].ms, &samples[samples.len() / 2]);
        let mut peaks: Vec<u64> = samples.iter().map(|s| s.peak_kib).collect();
        peaks.sort_unstable();
        let peak = peaks[peaks.len() / 2] as f64 / 1024.0;
        let kib = median.bytes.div_ceil(1024);
        println!("| {name} | {} | {kib} | {:.0} | {lo:.0}–{hi:.0} | {peak:.1} |", median.pages, median.ms);
    }
    let _ = std::fs::remove_dir_all(&dir);
    ExitCode::SUCCESS
}

/// Runs one measurement in a child process and reads its report.
fn spawn(manifest: &Path, out: &Path) -> Option<Sample> {
    let exe = std::env::current_exe().ok()?;
    let output = Command::new(exe).arg("--measure-one").arg(manifest).arg(out).output().ok()?;
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace();
    Some(Sample {
        ms: fields.next()?.parse().ok()?,
        peak_kib: fields.next()?.parse().ok()?,
        pages: fields.next()?.parse().ok()?,
        bytes: fields.next()?.parse().ok()?,
    })
}

/// Builds one issue and prints `ms peak_kib pages bytes`.
fn measure_one(manifest: &Path, out: &Path) -> ExitCode {
    let start = Instant::now();
    let report = match jianbao::build::run(&jianbao::build::Request {
        manifest: manifest.into(),
        action: jianbao::build::Action::Build(Some(out.into())),
        options: Default::default(),
    }) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("{ms:.3} {} {} {}", peak_kib(), report.pages, report.bytes);
    ExitCode::SUCCESS
}

/// Peak resident set size of this process, KiB (VmHWM); 0 where /proc is absent.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
