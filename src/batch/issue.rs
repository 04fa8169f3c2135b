//! One issue of a batch: read it, hash its inputs, skip it when its PDF is up to date, else
//! build it with the shared fonts and write the PDF atomically. Whatever goes wrong, even a
//! panic in a stage, becomes this issue's failure and leaves the others alone.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Instant;

use super::digest;
use super::discover::Job;
use super::index::Row;
use super::layouts::Layouts;
use super::stamp::{Entry, Reason, Stamps, decide, fingerprint};
use super::summary::{Outcome, Status};
use crate::build::{BuildError, BuildOptions, InputFile, inputs, make_pdf_shared, write_atomically};
use crate::diagnostic::Diagnostic;
use crate::document::from_issue;
use crate::manifest;

/// What every issue of a batch shares.
pub struct Context<'a> {
    /// The output folder.
    pub outdir: &'a Path,
    /// Build options.
    pub options: &'a BuildOptions,
    /// Rebuild even when up to date.
    pub force: bool,
    /// The stamps as they were before the batch.
    pub stamps: &'a Stamps,
    /// The prepared layouts.
    pub layouts: &'a Layouts,
}

/// Processes one issue; never panics.
pub fn process(job: &Job, ctx: &Context) -> Outcome {
    let start = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| run(job, ctx))).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(format!("error: internal error while building (please report it): {what}"))
    });
    let (status, entry, warnings) = match result {
        Ok(done) => done,
        Err(message) => (Status::Failed(message), None, Vec::new()),
    };
    Outcome { job: job.clone(), status, entry, warnings, seconds: start.elapsed().as_secs_f64() }
}

/// Whether a file the issue is read from (see [`inputs`]) was saved or touched after the PDF
/// was written: the archivist's way to ask for one issue again.
fn touched_since(files: &[InputFile], written: u64) -> bool {
    files.iter().any(|f| fingerprint(&f.path).is_some_and(|(_, changed)| changed > written))
}

/// What [`run`] gives back: status, the stamp entry of the PDF, warnings.
type Done = (Status, Option<Entry>, Vec<String>);

/// The steps, with errors as messages.
fn run(job: &Job, ctx: &Context) -> Result<Done, String> {
    let show = |e: BuildError| e.to_string();
    let issue = manifest::load(&job.manifest).map_err(|d| d.to_string())?;
    let (mut document, input_warnings) = from_issue(&issue).map_err(|d| d.to_string())?;
    crate::build::read_pictures(&mut document, &crate::build::embedded(&issue)).map_err(|d| d.to_string())?;
    let shared = ctx.layouts.get(&issue, &document).map_err(show)?;
    let files = inputs(&issue, &shared.prepared.layout, &document);
    let fallback = (!shared.prepared.covers(&document)).then(|| shared.fallback_digest());
    let inputs = digest::inputs(&issue, ctx.options, &shared.digest, fallback);
    let path = ctx.outdir.join(&job.output);
    let previous = ctx.stamps.pdf.get(&job.output);
    let manifest = job.manifest.display().to_string();
    let reason = decide(previous, &inputs, fingerprint(&path), ctx.force)
        .or_else(|| previous.filter(|p| touched_since(&files, p.changed)).map(|_| Reason::Touched));
    let Some(reason) = reason else {
        let mut entry = previous.cloned().ok_or("no stamp")?;
        entry.manifest = manifest;
        return Ok((Status::Skipped, Some(entry), Vec::new()));
    };
    let pdf = make_pdf_shared(&issue, &document, &shared.prepared, ctx.options).map_err(show)?;
    if pdf.own_fonts {
        ctx.layouts.count_own();
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("error: cannot create {}: {e}", dir.display()))?;
    }
    let output = |e| show(BuildError::Output { path: path.clone(), error: e });
    write_atomically(&path, &pdf.bytes).map_err(output)?;
    let (size, changed) = fingerprint(&path).unwrap_or((pdf.bytes.len() as u64, 0));
    let row = Row::new(&job.output, &issue, pdf.pages, size);
    let warnings = input_warnings.iter().map(Diagnostic::as_warning).chain(pdf.warnings).collect();
    Ok((Status::Built(reason), Some(Entry { inputs, size, changed, manifest, row }), warnings))
}
