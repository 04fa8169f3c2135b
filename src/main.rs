//! The `jianbao` command: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use jianbao::batch::{BatchOptions, progress};
use jianbao::build::{Action, BuildOptions, Request};
use jianbao::messages::{self, Format, Printer};
use jianbao::pdf::{Options, OutputProfile, Standard, parse_bleed};

/// jianbao — typesets a Chinese bulletin (简报) from a TOML issue manifest into a print-ready PDF.
#[derive(Parser)]
#[command(name = "jianbao", version, about, long_about = None)]
#[command(after_help = "Example:\n  jianbao build examples/lianluo-2021-04/issue.toml -o lianluo.pdf\n  \
jianbao build issue.toml -o print.pdf --bleed 3mm --marks\n  \
jianbao build issue.toml -o archive.pdf --standard pdfa-2b\n  \
jianbao batch issues/ -o out/\n\n\
The manifest format is described in the README (masthead fields, [[article]] entries,\n\
[distribution] and [colophon]). Exit status: 0 success, 1 wrong input, 2 usage error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: zh (Chinese) or en; default from LANG / LC_ALL / LC_MESSAGES.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    /// How messages are printed: human (text) or json (one object per line, for scripts).
    #[arg(long, global = true, value_name = "FORMAT", default_value = "human", value_parser = ["human", "json"])]
    message_format: String,
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
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// Validate and lay out an issue, report problems, write nothing.
    Check {
        /// The issue manifest.
        manifest: PathBuf,
        /// Report characters no font has as warnings instead of errors.
        #[arg(long)]
        allow_missing_glyphs: bool,
        /// Copy-fitting: say whether the issue fits N pages, and what to cut or what room is left.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        pages: Option<u16>,
    },
    /// Start the next issue of a series from its newest one: SERIES_DIR/YEAR/MONTH/issue.toml.
    New {
        /// The series folder, holding YEAR/MONTH/issue.toml folders (e.g. issues).
        series_dir: PathBuf,
        /// The new issue's date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = jianbao::new::parse_date)]
        date: Option<jianbao::manifest::Date>,
    },
    /// Rebuild the PDF (and previews) whenever an input of the issue changes; Ctrl-C stops.
    Watch {
        /// The issue manifest.
        manifest: PathBuf,
        /// Where to write the PDF (default: next to the manifest).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// Also draw the pages as PNGs into this folder on every rebuild.
        #[arg(long, value_name = "DIR")]
        preview: Option<PathBuf>,
        /// Resolution of the previews in dots per inch.
        #[arg(long, value_name = "N", default_value_t = jianbao::png::DEFAULT_DPI, value_parser = dpi_parser)]
        dpi: f32,
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// Build every issue found under folders or series files into OUTDIR, in parallel;
    /// issues whose inputs have not changed since their PDF was built are skipped.
    Batch {
        /// Folders to search for issue manifests (`*.toml` with an `[issue]` table), series
        /// files (their folder is searched) or single manifests.
        #[arg(required = true, value_name = "DIR_OR_SERIES")]
        inputs: Vec<PathBuf>,
        /// The output folder: PDFs mirror the issues' paths (issues/2021/04/issue.toml →
        /// OUTDIR/2021/04.pdf), with index.csv, index.json and the stamp file beside them.
        #[arg(short, long, value_name = "OUTDIR")]
        output: PathBuf,
        /// Rebuild every issue, even those up to date.
        #[arg(long)]
        force: bool,
        /// No progress bar or lines, and a summary without the lists of issues built and skipped.
        #[arg(short, long)]
        quiet: bool,
        /// Worker threads (default: one per core).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Seconds one issue may take; an issue that takes longer fails alone.
        #[arg(long, value_name = "SECONDS", default_value_t = jianbao::batch::DEFAULT_TIMEOUT.as_secs(),
              value_parser = clap::value_parser!(u64).range(1..))]
        timeout: u64,
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// Print the issue's text in reading order (articles, then the closing block).
    Text {
        /// The issue manifest.
        manifest: PathBuf,
    },
    /// Read a Word article (.docx) as article text: printed, or with -o written together with
    /// its pictures (images/… beside the text). Warnings go to stderr.
    Import {
        /// The Word document, e.g. articles/report.docx.
        article: PathBuf,
        /// Write the text here and the pictures beside it; an existing file is never overwritten.
        #[arg(short, long, value_name = "ARTICLE.md")]
        output: Option<PathBuf>,
    },
    /// Draw every page as a PNG: DIR/page-1.png, page-2.png, … (CMYK shown as it prints).
    Preview {
        /// The issue manifest.
        manifest: PathBuf,
        /// The folder for the PNGs (created if missing); only its page-N.png files are
        /// replaced, and those beyond the issue's last page removed.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Resolution in dots per inch.
        #[arg(long, value_name = "N", default_value_t = jianbao::png::DEFAULT_DPI, value_parser = dpi_parser)]
        dpi: f32,
    },
}

/// Parses `--dpi`: a number within the range previews are drawn at.
fn dpi_parser(text: &str) -> Result<f32, String> {
    use jianbao::png::{MAX_DPI, MIN_DPI};
    match text.parse::<f32>() {
        Ok(dpi) if (MIN_DPI..=MAX_DPI).contains(&dpi) => Ok(dpi),
        _ => Err(format!("give a resolution from {MIN_DPI} to {MAX_DPI} dpi")),
    }
}

/// How each PDF is made: the options `build` and `batch` share.
#[derive(Args)]
struct PdfArgs {
    /// The standard the PDF conforms to: PDF/X-4 or PDF/X-1a for the print shop, PDF/A-2b,
    /// PDF/A-2u or PDF/A-1b for the archive.
    #[arg(long, value_name = "STANDARD", default_value = "pdfx-4", value_parser = standard_parser())]
    standard: Standard,
    /// The print shop's CMYK output profile (an ICC file of the output class) for the output
    /// intent, instead of the bundled FOGRA39 profile.
    #[arg(long, value_name = "PROFILE.icc", value_parser = profile_parser)]
    output_intent: Option<OutputProfile>,
    /// Bleed around the trimmed page, e.g. 3mm: the MediaBox grows by it on every side and
    /// what touches the trim edge runs into it.
    #[arg(long, value_name = "LENGTH", value_parser = parse_bleed)]
    bleed: Option<f64>,
    /// Draw crop marks outside the bleed.
    #[arg(long)]
    marks: bool,
    /// Print a visible box, with a warning, for a character no font has (otherwise the
    /// build fails naming it).
    #[arg(long)]
    allow_missing_glyphs: bool,
}

impl PdfArgs {
    /// The build options these arguments ask for, with the creation time `created`.
    fn options(&self, created: Option<i64>) -> BuildOptions {
        let pdf = Options {
            standard: self.standard,
            intent: self.output_intent.unwrap_or_default(),
            bleed: self.bleed.unwrap_or(0.0),
            marks: self.marks,
        };
        BuildOptions { pdf, allow_missing_glyphs: self.allow_missing_glyphs, created, pages: None }
    }
}

/// Parses `--standard` from the names the PDF stage knows.
fn standard_parser() -> impl TypedValueParser<Value = Standard> {
    PossibleValuesParser::new(Standard::ALL.map(Standard::name))
        .map(|name| Standard::from_name(&name).unwrap_or_default())
}

/// Reads and checks `--output-intent`; the profile is kept for the life of the process.
fn profile_parser(path: &str) -> Result<OutputProfile, String> {
    let data = std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
    OutputProfile::new(Box::leak(data.into_boxed_slice())).map_err(|e| format!("`{path}`: {e}"))
}

/// Exits on a command-line error: help and version as clap prints them, a usage error in
/// the messages' language (clap's words translated through the catalogue).
fn usage_error(e: clap::Error, lang: messages::Lang) -> ! {
    use clap::error::ErrorKind;
    if lang == messages::Lang::En || matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit()
    }
    eprint!("{}", messages::localize_report(lang, &e.render().to_string()));
    std::process::exit(e.exit_code())
}

/// SIGINT and SIGTERM: this run's temporary files are removed, then the program exits with
/// 130 or 143 (128 + the signal), as a shell reports an interrupted command.
fn on_signals(lang: messages::Lang) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let removed = jianbao::build::remove_live();
            let line = format!("interrupted: nothing more written ({removed} temporary file(s) removed)");
            eprintln!("{}", messages::translate(lang, &line).1);
            std::process::exit(128 + signal);
        }
    });
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = messages::from_env(messages::lang_argument(&args).as_deref());
    let matches = match messages::localize_command(Cli::command(), lang).try_get_matches() {
        Ok(matches) => matches,
        Err(e) => usage_error(e, lang),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => usage_error(e, lang),
    };
    // Watch stops on Ctrl-C between builds itself; every other command removes its
    // temporary files and exits 130/143.
    let format = if cli.message_format == "json" { Format::Json } else { Format::Human };
    let out = Printer { lang: messages::from_env(cli.lang.as_deref()), format };
    if !matches!(cli.command, Command::Watch { .. }) {
        on_signals(out.lang);
    }
    // The one place the environment is read: the creation date for reproducible builds.
    let created = match jianbao::build::source_date_epoch() {
        Ok(created) => created,
        Err(message) => {
            out.message(&format!("error: {message}"));
            return ExitCode::from(1);
        }
    };
    let result = match &cli.command {
        Command::Build { manifest, output, pdf } => {
            let options = pdf.options(created);
            let standard = pdf.standard;
            let request = Request { manifest: manifest.clone(), action: Action::Build(output.clone()), options };
            jianbao::build::last_build();
            jianbao::build::run(&request).map(|r| {
                r.warnings.iter().for_each(|w| out.message(w));
                let path = r.output.as_deref().unwrap_or(std::path::Path::new(""));
                let format = if jianbao::build::is_ofd(path) { "OFD".to_string() } else { standard.to_string() };
                out.result(&format!(
                    "wrote {} ({format}): {}, {} KB",
                    path.display(),
                    messages::count(r.pages, "page"),
                    r.bytes.div_ceil(1024)
                ));
            })
        }
        Command::Check { manifest, allow_missing_glyphs, pages } => {
            let pages = pages.map(usize::from);
            let options =
                BuildOptions { allow_missing_glyphs: *allow_missing_glyphs, created, pages, ..BuildOptions::default() };
            let request = Request { manifest: manifest.clone(), action: Action::Check, options };
            jianbao::build::last_build();
            jianbao::build::run(&request).map(|r| {
                r.warnings.iter().for_each(|w| out.message(w));
                match &r.series_file {
                    Some(series) => out.result(&format!("series file: {}", series.display())),
                    None => out.result("series file: none (everything from the manifest)"),
                }
                match &r.total {
                    Some((total, source)) => out.result(&format!("total: 总第{total}期 (from {source})")),
                    None => out.result("total: none (no 总第N期 printed)"),
                }
                out.result(&format!("ok: {} lays out on {}", manifest.display(), messages::count(r.pages, "page")));
                if let Some(fit) = r.fit.as_ref().filter(|f| f.fits()) {
                    out.message(&fit.message());
                }
            })
        }
        Command::New { series_dir, date } => {
            let date = date.unwrap_or_else(jianbao::new::today);
            jianbao::new::next_issue(series_dir, date).map_err(jianbao::build::BuildError::Input).map(|made| {
                let total = made.total.map(|t| format!("，总第{t}期")).unwrap_or_default();
                let from = made.from.display();
                out.result(&format!("made {} (第{}期{total}) from {from}", made.manifest.display(), made.number));
                if let Some(note) = &made.note {
                    out.message(&format!("note: {note}"));
                }
            })
        }
        Command::Watch { manifest, output, preview, dpi, pdf } => {
            let options = jianbao::watch::WatchOptions {
                manifest: manifest.clone(),
                output: output.clone(),
                preview: preview.clone().map(|dir| (dir, *dpi)),
                build: pdf.options(created),
            };
            if let Err(message) = jianbao::watch::watch(&options, &out) {
                out.message(&format!("error: {message}"));
                return ExitCode::from(1);
            }
            Ok(())
        }
        Command::Text { manifest } => jianbao::build::text(manifest).map(|t| print!("{t}")),
        Command::Import { article, output } => jianbao::docx::import(article, output.as_deref())
            .map(|report| report.print(article, &out))
            .map_err(jianbao::build::BuildError::Input),
        Command::Preview { manifest, output, dpi } => {
            let options = BuildOptions { created, ..BuildOptions::default() };
            let action = Action::Preview { dir: output.clone(), dpi: *dpi };
            let request = Request { manifest: manifest.clone(), action, options };
            jianbao::build::run(&request).map(|r| {
                r.warnings.iter().for_each(|w| out.message(w));
                let pages = messages::count(r.pages, "page");
                out.result(&format!("wrote {pages} to {} at {dpi} dpi", output.display()));
            })
        }
        Command::Batch { inputs, output, force, quiet, jobs, timeout, pdf } => {
            let options = BatchOptions {
                build: pdf.options(created),
                force: *force,
                jobs: jobs.map(usize::from),
                timeout: std::time::Duration::from_secs(*timeout),
            };
            let progress = progress::for_stderr(*quiet, out.lang);
            let summary = jianbao::batch::run(inputs, output, &options, progress.as_ref());
            let report = if *quiet { summary.render_brief() } else { summary.render() };
            print!("{}", messages::localize_report(out.lang, &report));
            return ExitCode::from(summary.exit_code());
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.message(&e.to_string());
            ExitCode::from(1)
        }
    }
}
