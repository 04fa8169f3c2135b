//! jianbao beside Typst 0.15.1 on the same text: `cargo bench --bench vs_typst`.
//!
//! Runs `../shared/bench/vs-typst` (the model issue and the 60-article stress issue, each
//! engine in fresh processes, alternated) with the release binary of this checkout, and
//! prints its table: medians of `BENCH_RUNS` runs (default 9), time and peak-memory ratios.
//! Typst is unpacked there on first use and reads fonts-noto-cjk. Skipped, with a note,
//! where `../shared` is absent (a clone outside the project's machine).

use std::path::Path;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../shared/bench/vs-typst");
    if !script.is_file() {
        println!("skipped: {} is absent (no Typst to compare with)", script.display());
        return ExitCode::SUCCESS;
    }
    let runs = std::env::var("BENCH_RUNS").ok().filter(|r| r.parse::<usize>().is_ok_and(|r| r > 0));
    let runs = runs.unwrap_or_else(|| "9".to_string());
    // The binary cargo built for this bench (bench profile = release): this checkout's.
    let binary = Path::new(env!("CARGO_BIN_EXE_jianbao"));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("{cores} cores, load average {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    match Command::new(&script).arg(binary).args(["--runs", &runs]).status() {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("cannot run {}: {e}", script.display());
            ExitCode::from(1)
        }
    }
}
