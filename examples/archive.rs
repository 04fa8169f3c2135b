//! Writes a generated archive of back issues for `jianbao batch`:
//! `cargo run --release --example archive -- OUT_DIR [--years N] [--first-year YEAR]
//! [--per-year N] [--corpus DIR]` (default 2006–2025, 12 a year: 240 issues), then
//! `jianbao batch OUT_DIR -o PDF_DIR`.

mod back_issues;

use std::path::PathBuf;
use std::process::ExitCode;

/// How to call it.
const USAGE: &str = "usage: archive OUT_DIR [--years N] [--first-year YEAR] [--per-year N] [--corpus DIR]";

fn main() -> ExitCode {
    let mut options = back_issues::Options::default();
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if !arg.starts_with("--") && dir.is_none() {
            dir = Some(PathBuf::from(arg));
            continue;
        }
        let value = args.next();
        let number = value.as_deref().and_then(|v| v.parse::<u16>().ok()).filter(|n| *n > 0);
        match (arg.as_str(), number) {
            ("--years", Some(n)) => options.years = n,
            ("--first-year", Some(n)) => options.first_year = n,
            ("--per-year", Some(n)) if n <= 12 => options.per_year = n as u8,
            ("--corpus", _) if value.is_some() => options.corpus = value.map(PathBuf::from),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match back_issues::generate(&dir, &options) {
        Ok(made) => {
            let text = if made.corpus { "the gov corpus" } else { "the example's articles (corpus absent)" };
            println!("wrote {} issues and {} (text from {text})", made.manifests.len(), made.series.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", dir.display());
            ExitCode::from(1)
        }
    }
}
