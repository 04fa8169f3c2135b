//! The `jianbao` command: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// jianbao — typesets a Chinese bulletin (简报) from a TOML issue manifest into a print-ready PDF.
#[derive(Parser)]
#[command(name = "jianbao", version, about, long_about = None)]
#[command(after_help = "Example:\n  jianbao build examples/lianluo-2021-04/issue.toml -o lianluo.pdf\n\n\
The manifest format is described in the README (masthead fields, [[article]] entries,\n\
[distribution] and [colophon]). Exit status: 0 success, 1 wrong input, 2 usage error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build one issue into a PDF (written next to the manifest unless -o is given).
    Build {
        /// The issue manifest, e.g. issues/2021/04/issue.toml.
        manifest: PathBuf,
        /// Where to write the PDF. An existing file is replaced only when the build succeeds.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
    },
    /// Validate and lay out an issue, report problems, write nothing.
    Check {
        /// The issue manifest.
        manifest: PathBuf,
    },
    /// Print the text in reading order (articles, then the closing block).
    Text {
        /// The issue manifest.
        manifest: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build { manifest, output } => jianbao::build::build(manifest, output.as_deref()).map(|r| {
            let out = r.output.as_deref().map(|p| p.display().to_string()).unwrap_or_default();
            println!("wrote {out}: {} pages, {} KB", r.pages, r.bytes.div_ceil(1024));
        }),
        Command::Check { manifest } => jianbao::build::check(manifest).map(|r| {
            println!("ok: {} lays out on {} pages", manifest.display(), r.pages);
        }),
        Command::Text { manifest } => jianbao::build::text(manifest).map(|t| print!("{t}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
