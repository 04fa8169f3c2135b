//! Back issues in one batch: every issue found under the folders given is built into an
//! output folder, in parallel on all cores, with each layout's fonts parsed once and shared
//! by every thread. An issue whose inputs are unchanged since its PDF was built is skipped
//! (see [`stamp`]); a failing issue, or one that takes longer than the time limit, does not
//! stop the others. Beside the PDFs go the stamp file and the archive index ([`index`]),
//! brought up to date as each issue finishes, so an interrupted batch resumes where it
//! stopped; the running totals are checked ([`totals`]).

mod clean;
mod digest;
pub mod discover;
pub mod index;
mod issue;
mod layouts;
pub mod progress;
mod record;
pub mod stamp;
pub mod summary;
pub mod totals;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::build::BuildOptions;
pub use discover::Job;
pub use progress::Progress;
pub use summary::{Outcome, Status, Summary};

use record::Recorder;
use stamp::Stamps;

/// The time an issue may take before it is given up, by default: far beyond any issue within
/// the limits (the largest take seconds), so only a fault of the program reaches it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// How a batch builds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchOptions {
    /// Options of each issue's build (PDF standard, bleed, marks, missing glyphs).
    pub build: BuildOptions,
    /// Rebuild every issue, up to date or not.
    pub force: bool,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// How long one issue may take; past it the issue fails alone.
    pub timeout: Duration,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions { build: BuildOptions::default(), force: false, jobs: None, timeout: DEFAULT_TIMEOUT }
    }
}

/// Builds every issue under `inputs` (folders, series files or manifests) into `outdir`,
/// recording each issue's stamp and index row as it finishes. Never stops at a failed issue:
/// the summary says what happened to each.
pub fn run(inputs: &[PathBuf], outdir: &Path, options: &BatchOptions, progress: &dyn Progress) -> Summary {
    let start = Instant::now();
    if let Some(input) = discover::searched_output(inputs, outdir) {
        let message = format!(
            "the output folder `{}` is the folder to search (`{}`): PDFs, stamps and index need a folder of their own",
            outdir.display(),
            input.display()
        );
        return Summary { usage: Some(format!("{message}; e.g. -o out/")), ..Summary::default() };
    }
    // Every issue reads the same faces: their pages stay resident between issues.
    crate::font::keep_resident();
    let found = discover::find(inputs, outdir);
    // Issues side by side keep the cores busy; one issue alone spreads its own work.
    if found.jobs.len() > 1 {
        crate::parallel::one_thread_per_build();
    }
    let mut summary = Summary { errors: found.errors, ..Summary::default() };
    if found.jobs.is_empty() {
        return summary;
    }
    if let Err(e) = std::fs::create_dir_all(outdir) {
        summary.errors.push(format!("cannot create the output folder {}: {e}", outdir.display()));
        return summary;
    }
    summary.stale = clean::stale_temporaries(outdir);
    let readonly = clean::writable(outdir).err().map(|e| format!("cannot write into {}: {e}", outdir.display()));
    let stamps = Stamps::read(outdir);
    let ctx = Arc::new(issue::Context {
        outdir: outdir.to_path_buf(),
        options: options.build,
        force: options.force,
        recorder: Recorder::new(outdir, stamps.clone()),
        stamps,
        layouts: layouts::Layouts::default(),
        readonly,
    });
    progress.start(found.jobs.len());
    let work = || -> (Vec<Outcome>, usize) {
        let outcomes = found
            .jobs
            .par_iter()
            .map(|job| {
                let outcome = issue::process(job, &ctx, options.timeout);
                progress.done(&outcome);
                outcome
            })
            .collect();
        (outcomes, rayon::current_num_threads())
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.jobs.unwrap_or(0)).build();
    let (outcomes, threads) = match pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    };
    progress.finish();
    let (rows, written) = ctx.recorder.finish();
    if let Err(e) = written {
        summary.errors.push(format!("cannot write the stamps and the archive index in {}: {e}", outdir.display()));
    } else {
        summary.indexed = rows.len();
    }
    summary.totals = totals::check(&rows.iter().collect::<Vec<_>>());
    summary.font_loads = ctx.layouts.loads();
    summary.own_fonts = ctx.layouts.own();
    summary.layouts = ctx.layouts.names();
    summary.outcomes = outcomes;
    summary.threads = threads;
    summary.seconds = start.elapsed().as_secs_f64();
    summary
}
