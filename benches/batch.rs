//! The back-issue batch: a generated archive of 240 issues (20 years × 12, 2–4 articles of
//! corpus text each) built by `jianbao::batch::run` on all cores, beside a single-issue build
//! measured in the same run: `cargo bench --bench batch`.
//!
//! Each measurement runs in a child process (this program again, with `--measure`), so that
//! its peak resident memory (VmHWM) is its own. Reported: wall time (median of `BENCH_RUNS`
//! runs, default 3), issues per second per core, peak memory of a 24- and of the 240-issue
//! batch (it should not grow with the number of issues), and then the incremental cases: a
//! second run skips all, a changed article rebuilds exactly that issue, a broken manifest
//! fails alone while the other 239 are built.

#[path = "../examples/back_issues/mod.rs"]
#[allow(dead_code)]
mod back_issues;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use jianbao::batch::progress::Silent;
use jianbao::batch::{BatchOptions, run};

/// One measured child run.
#[derive(Debug, Clone, Copy, Default)]
struct Sample {
    /// Wall time, ms.
    ms: f64,
    /// Peak resident memory, KiB.
    peak_kib: u64,
    /// Issues built, skipped, failed.
    built: usize,
    skipped: usize,
    failed: usize,
    /// Times fonts were parsed.
    font_loads: usize,
    /// Threads.
    threads: usize,
    /// Sum of per-issue times, ms.
    issue_ms: f64,
    /// CPU time of the process (user + system), ms.
    cpu_ms: f64,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        return measure(&args[i + 1..]);
    }
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|r| r.parse().ok()).filter(|&r| r > 0).unwrap_or(3);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-batch");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("issues");
    let archive = match back_issues::generate(&dir, &back_issues::Options::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("cannot write the archive: {e}");
            return ExitCode::from(1);
        }
    };
    let from = if archive.corpus { "gov corpus" } else { "fallback text (corpus absent)" };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("archive: {} issues ({from}) in {}", archive.manifests.len(), dir.display());
    println!("{cores} cores, load average {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    println!("median of {runs} runs, each in a fresh process\n");

    match prepare_ms(&archive.manifests[0]) {
        Some(ms) => println!("layout read and fonts parsed (build::Prepared) in {ms:.1} ms, once per batch\n"),
        None => eprintln!("cannot prepare the layout of {}", archive.manifests[0].display()),
    }
    let out = root.join("out");
    let one = back_issues::issue_dir(&dir, 2013, 6).join("issue.toml");
    let single = median(runs, || child(&["single", &s(&one), &s(&root.join("single.pdf"))]));
    let small_inputs = [s(&dir.join("2006")), s(&dir.join("2007"))];
    let small =
        median(runs, || child(&["batch", &s(&root.join("out24")), "--force", &small_inputs[0], &small_inputs[1]]));
    let full = median(runs, || child(&["batch", &s(&out), "--force", &s(&dir)]));
    let (Some(single), Some(small), Some(full)) = (single, small, full) else {
        eprintln!("a measurement failed");
        return ExitCode::from(1);
    };
    let noop = child(&["batch", &s(&out), &s(&dir)]).unwrap_or_default();

    let article = back_issues::issue_dir(&dir, 2019, 9).join("articles/01.md");
    let text = std::fs::read_to_string(&article).unwrap_or_default();
    let _ = std::fs::write(&article, format!("{text}\n（本文有补充。）\n"));
    let touched = child(&["batch", &s(&out), &s(&dir)]).unwrap_or_default();

    let manifest = back_issues::issue_dir(&dir, 2017, 8).join("issue.toml");
    let good = std::fs::read_to_string(&manifest).unwrap_or_default();
    let _ = std::fs::write(&manifest, good.replace("number = 8", "nmber = 8"));
    let broken = child(&["batch", &s(&out), "--force", &s(&dir)]).unwrap_or_default();
    let _ = std::fs::write(&manifest, good);

    let mib = |k: u64| k as f64 / 1024.0;
    let per_core = |x: &Sample| x.built as f64 / (x.ms / 1000.0) / x.threads.max(1) as f64;
    println!(
        "| run | issues built | wall s | CPU s | issues/s per core | mean ms per issue | peak RSS MiB | fonts parsed |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    println!(
        "| single issue (2013/06, `build::run`) | 1 | {:.3} | {:.3} | {:.1} | {:.0} | {:.1} | 1 |",
        single.ms / 1000.0,
        single.cpu_ms / 1000.0,
        1000.0 / single.ms,
        single.ms,
        mib(single.peak_kib)
    );
    for (name, x) in [("batch, 24 issues (2006–2007)", &small), ("batch, 240 issues (2006–2025)", &full)] {
        println!(
            "| {name} | {} | {:.2} | {:.2} | {:.1} | {:.0} | {:.1} | {} |",
            x.built,
            x.ms / 1000.0,
            x.cpu_ms / 1000.0,
            per_core(x),
            x.issue_ms / x.built.max(1) as f64,
            mib(x.peak_kib),
            x.font_loads
        );
    }
    println!();
    println!("| incremental case | built | skipped | failed | wall s |");
    println!("|---|---|---|---|---|");
    for (name, x) in [
        ("second run, nothing changed", &noop),
        ("one article changed (2019/09)", &touched),
        ("one manifest broken (2017/08), --force", &broken),
    ] {
        println!("| {name} | {} | {} | {} | {:.2} |", x.built, x.skipped, x.failed, x.ms / 1000.0);
    }
    let ok = noop.built == 0
        && noop.skipped == 240
        && touched.built == 1
        && broken.built == 239
        && broken.failed == 1
        && full.built == 240;
    if !ok {
        eprintln!("an incremental case did not come out as expected");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Time to read the layout of `manifest` and parse its fonts, ms (what a batch does once).
fn prepare_ms(manifest: &Path) -> Option<f64> {
    let issue = jianbao::manifest::load(manifest).ok()?;
    let (document, _) = jianbao::document::from_issue(&issue).ok()?;
    let start = Instant::now();
    jianbao::build::Prepared::for_issue(&issue, &document).ok()?;
    Some(start.elapsed().as_secs_f64() * 1000.0)
}

/// A path as an argument.
fn s(path: &Path) -> String {
    path.display().to_string()
}

/// The sample with the median wall time of `runs` runs.
fn median(runs: usize, mut run: impl FnMut() -> Option<Sample>) -> Option<Sample> {
    let mut samples: Vec<Sample> = (0..runs).map(|_| run()).collect::<Option<_>>()?;
    samples.sort_by(|a, b| a.ms.total_cmp(&b.ms));
    samples.get(samples.len() / 2).copied()
}

/// Runs one measurement in a child process and reads its report.
fn child(args: &[&str]) -> Option<Sample> {
    let exe = std::env::current_exe().ok()?;
    let output = Command::new(exe).arg("--measure").args(args).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let f: Vec<f64> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    if f.len() < 9 {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    let n = |i: usize| f[i] as usize;
    Some(Sample {
        ms: f[0],
        peak_kib: f[1] as u64,
        built: n(2),
        skipped: n(3),
        failed: n(4),
        font_loads: n(5),
        threads: n(6),
        issue_ms: f[7],
        cpu_ms: f[8],
    })
}

/// In the child: `single MANIFEST OUT.pdf` or `batch OUTDIR [--force] INPUT...`; prints
/// `ms peak_kib built skipped failed font_loads threads issue_ms`.
fn measure(args: &[String]) -> ExitCode {
    let start = Instant::now();
    let line = match args {
        [mode, manifest, out] if mode == "single" => {
            match jianbao::build::run(&jianbao::build::Request {
                manifest: Path::new(manifest).into(),
                action: jianbao::build::Action::Build(Some(Path::new(out).into())),
                options: Default::default(),
            }) {
                Ok(_) => {
                    let ms = start.elapsed().as_secs_f64() * 1000.0;
                    format!("{ms:.3} {} 1 0 0 1 1 {ms:.3} {}", peak_kib(), cpu_ms())
                }
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(1);
                }
            }
        }
        [mode, out, rest @ ..] if mode == "batch" => {
            let force = rest.iter().any(|a| a == "--force");
            let inputs: Vec<PathBuf> = rest.iter().filter(|a| *a != "--force").map(PathBuf::from).collect();
            let options = BatchOptions { force, ..BatchOptions::default() };
            let summary = run(&inputs, Path::new(out), &options, &Silent);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            let issue_ms: f64 = summary
                .outcomes
                .iter()
                .filter(|o| matches!(o.status, jianbao::batch::Status::Built(_)))
                .map(|o| o.seconds * 1000.0)
                .sum();
            format!(
                "{ms:.3} {} {} {} {} {} {} {issue_ms:.3} {}",
                peak_kib(),
                summary.built(),
                summary.skipped(),
                summary.failed(),
                summary.font_loads,
                summary.threads,
                cpu_ms()
            )
        }
        _ => {
            eprintln!("usage: batch --measure (single MANIFEST OUT | batch OUTDIR [--force] INPUT...)");
            return ExitCode::from(2);
        }
    };
    println!("{line}");
    ExitCode::SUCCESS
}

/// CPU time of this process so far (user + system), ms, from /proc/self/stat (in units of
/// 1/100 s); 0 where /proc is absent.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<f64> = rest.split_whitespace().filter_map(|f| f.parse().ok()).collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    fields.get(10..12).map_or(0.0, |t| (t[0] + t[1]) * 10.0)
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
