//! Back issues in one batch: every issue found under the folders given is built into an
//! output folder, in parallel on all cores, with each layout's fonts parsed once and shared
//! by every thread. An issue whose inputs are unchanged since its PDF was built is skipped
//! (see [`stamp`]); a failing issue does not stop the others. Beside the PDFs go the stamp
//! file and the archive index ([`index`]); the running totals are checked ([`totals`]).

mod digest;
pub mod discover;
pub mod index;
mod issue;
mod layouts;
pub mod progress;
pub mod stamp;
pub mod summary;
pub mod totals;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::build::BuildOptions;
pub use discover::Job;
pub use progress::Progress;
pub use summary::{Outcome, Status, Summary};

use index::Row;
use stamp::{Stamps, fingerprint};

/// How a batch builds.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BatchOptions {
    /// Options of each issue's build (PDF standard, bleed, marks, missing glyphs).
    pub build: BuildOptions,
    /// Rebuild every issue, up to date or not.
    pub force: bool,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
}

/// Builds every issue under `inputs` (folders, series files or manifests) into `outdir`,
/// then writes the stamp file and the archive index there. Never stops at a failed issue:
/// the summary says what happened to each.
pub fn run(inputs: &[PathBuf], outdir: &Path, options: &BatchOptions, progress: &dyn Progress) -> Summary {
    let start = Instant::now();
    let found = discover::find(inputs, outdir);
    let mut summary = Summary { errors: found.errors, ..Summary::default() };
    if found.jobs.is_empty() {
        return summary;
    }
    if let Err(e) = std::fs::create_dir_all(outdir) {
        summary.errors.push(format!("cannot create the output folder {}: {e}", outdir.display()));
        return summary;
    }
    let stamps = Stamps::read(outdir);
    let layouts = layouts::Layouts::default();
    let ctx =
        issue::Context { outdir, options: &options.build, force: options.force, stamps: &stamps, layouts: &layouts };
    progress.start(found.jobs.len());
    let work = || -> (Vec<Outcome>, usize) {
        let outcomes = found
            .jobs
            .par_iter()
            .map(|job| {
                let outcome = issue::process(job, &ctx);
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
    let next = merge(stamps, &outcomes, outdir);
    if let Err(e) = next.write(outdir) {
        summary.errors.push(format!("cannot write {}: {e}", outdir.join(stamp::FILE).display()));
    }
    let rows: Vec<&Row> = next.pdf.values().map(|e| &e.row).collect();
    summary.totals = totals::check(&rows);
    match index::write(outdir, &rows) {
        Ok(()) => summary.indexed = rows.len(),
        Err(e) => summary.errors.push(format!("cannot write the archive index in {}: {e}", outdir.display())),
    }
    summary.font_loads = layouts.loads();
    summary.own_fonts = layouts.own();
    summary.layouts = layouts.names();
    summary.outcomes = outcomes;
    summary.threads = threads;
    summary.seconds = start.elapsed().as_secs_f64();
    summary
}

/// The stamps after a batch: this batch's entries over the earlier ones (a failed issue keeps
/// the entry of the PDF it left in place), only for PDFs that exist.
fn merge(mut stamps: Stamps, outcomes: &[Outcome], outdir: &Path) -> Stamps {
    for o in outcomes {
        if let Some(entry) = &o.entry {
            stamps.pdf.insert(o.job.output.clone(), entry.clone());
        }
    }
    stamps.pdf.retain(|file, _| fingerprint(&outdir.join(file)).is_some());
    stamps
}
