//! Writes the long benchmark issue: `cargo run --release --example generate_long -- OUT_DIR
//! [--articles N] [--layout NAME] [--corpus DIR]`, then `jianbao build OUT_DIR/issue.toml`.

mod long_issue;

use std::path::PathBuf;
use std::process::ExitCode;

/// How to call it.
const USAGE: &str = "usage: generate_long OUT_DIR [--articles N] [--layout NAME] [--corpus DIR]";

fn main() -> ExitCode {
    let mut options = long_issue::Options::default();
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if !arg.starts_with("--") && dir.is_none() {
            dir = Some(PathBuf::from(arg));
            continue;
        }
        match (arg.as_str(), args.next()) {
            ("--articles", Some(n)) if n.parse::<usize>().is_ok_and(|n| n > 0) => {
                options.articles = n.parse().unwrap_or(60);
            }
            ("--layout", Some(name)) => options.layout = name,
            ("--corpus", Some(path)) => options.corpus = Some(PathBuf::from(path)),
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
    match long_issue::generate(&dir, &options) {
        Ok((manifest, corpus)) => {
            let text = if corpus { "the gov corpus" } else { "the example's articles (corpus absent)" };
            println!("wrote {} ({} articles from {text})", manifest.display(), options.articles);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", dir.display());
            ExitCode::from(1)
        }
    }
}
