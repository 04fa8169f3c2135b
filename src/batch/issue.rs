//! One issue of a batch: read it, hash its inputs, skip it when its PDF is up to date, else
//! build it with the shared fonts and write the PDF atomically. Whatever goes wrong, even a
//! panic in a stage, becomes this issue's failure and leaves the others alone.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::digest;
use super::discover::Job;
use super::index::Row;
use super::layouts::Layouts;
use super::record::Recorder;
use super::stamp::{Entry, Reason, Stamps, decide, fingerprint};
use super::summary::{Outcome, Status};
use crate::build::{BuildError, BuildOptions, InputFile, inputs, make_pdf_shared, write_atomically};
use crate::diagnostic::Diagnostic;
use crate::document::from_issue;
use crate::manifest;

/// What every issue of a batch shares (behind an `Arc`, as an issue runs on a thread of its
/// own that may outlive its time limit).
pub struct Context {
    /// The output folder.
    pub outdir: PathBuf,
    /// Build options.
    pub options: BuildOptions,
    /// Rebuild even when up to date.
    pub force: bool,
    /// The stamps as they were before the batch.
    pub stamps: Stamps,
    /// Records each issue's stamp and index row as it finishes.
    pub recorder: Recorder,
    /// The prepared layouts.
    pub layouts: Layouts,
    /// Why the output folder cannot be written to, found before the batch began.
    pub readonly: Option<String>,
}

/// Processes one issue within `limit`; never panics. An issue past its time limit is
/// reported as failed and left to run on its own thread, which writes nothing after that.
pub fn process(job: &Job, ctx: &Arc<Context>, limit: Duration) -> Outcome {
    let start = Instant::now();
    let given_up = Arc::new(AtomicBool::new(false));
    let (send, receive) = std::sync::mpsc::channel();
    let spawned = {
        let (job, ctx, given_up) = (job.clone(), Arc::clone(ctx), Arc::clone(&given_up));
        std::thread::Builder::new().name(format!("issue {}", job.output)).spawn(move || {
            let _ = send.send(guarded(&job, &ctx, &given_up));
        })
    };
    let result = match spawned {
        Err(e) => Err(format!("error: cannot start a thread for the issue: {e}")),
        Ok(_) => receive.recv_timeout(limit).unwrap_or_else(|_| {
            given_up.store(true, Ordering::SeqCst);
            Err(format!(
                "error: gave up after {} s, the time limit for one issue (--timeout); nothing was written\n  \
                 = hint: an issue within the documented limits takes seconds: please report this one",
                limit.as_secs()
            ))
        }),
    };
    let (status, entry, warnings) = match result {
        Ok(done) => done,
        Err(message) => (Status::Failed(message), None, Vec::new()),
    };
    Outcome { job: job.clone(), status, entry, warnings, seconds: start.elapsed().as_secs_f64() }
}

/// Runs the steps, a panic in any of them turned into this issue's failure.
fn guarded(job: &Job, ctx: &Context, given_up: &AtomicBool) -> Result<Done, String> {
    catch_unwind(AssertUnwindSafe(|| run(job, ctx, given_up))).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(format!("error: internal error while building (please report it): {what}"))
    })
}

/// Whether a file the issue is read from (see [`inputs`]) was saved or touched after the PDF
/// was written: the archivist's way to ask for one issue again.
fn touched_since(files: &[InputFile], written: u64) -> bool {
    files.iter().any(|f| fingerprint(&f.path).is_some_and(|(_, changed)| changed > written))
}

/// What [`run`] gives back: status, the stamp entry of the PDF, warnings.
type Done = (Status, Option<Entry>, Vec<String>);

/// The steps, with errors as messages.
fn run(job: &Job, ctx: &Context, given_up: &AtomicBool) -> Result<Done, String> {
    let show = |e: BuildError| e.to_string();
    let issue = manifest::load(&job.manifest).map_err(|d| d.to_string())?;
    let (mut document, input_warnings) = from_issue(&issue).map_err(|d| d.to_string())?;
    crate::build::read_pictures(&mut document, &crate::build::embedded(&issue)).map_err(|d| d.to_string())?;
    let shared = ctx.layouts.get(&issue, &document).map_err(show)?;
    crate::build::set_layout_words(&mut document, &shared.prepared.layout);
    let files = inputs(&issue, &shared.prepared.layout, &document);
    let fallback = (!shared.prepared.covers(&document)).then(|| shared.fallback_digest());
    let inputs = digest::inputs(&files, &issue, &ctx.options, &shared.digest, fallback, &document.pictures);
    let path = ctx.outdir.join(&job.output);
    let previous = ctx.stamps.pdf.get(&job.output);
    let manifest = job.manifest.display().to_string();
    let reason = decide(previous, &inputs, fingerprint(&path), ctx.force)
        .or_else(|| previous.filter(|p| touched_since(&files, p.changed)).map(|_| Reason::Touched));
    let Some(reason) = reason else {
        let mut entry = previous.cloned().ok_or("no stamp")?;
        entry.manifest = manifest;
        // (Unchanged, nothing is written; a failure shows again when the batch ends.)
        let _ = ctx.recorder.record(&job.output, &entry);
        return Ok((Status::Skipped, Some(entry), Vec::new()));
    };
    if let Some(why) = &ctx.readonly {
        return Err(format!("error: {why}\n  = hint: make the folder writable, or give another with -o"));
    }
    let pdf = make_pdf_shared(&issue, &document, &shared.prepared, &ctx.options).map_err(show)?;
    if pdf.own_fonts {
        ctx.layouts.count_own();
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("error: cannot create {}: {e}", dir.display()))?;
    }
    if given_up.load(Ordering::SeqCst) {
        return Err("given up".into());
    }
    let output = |e| show(BuildError::Output { path: path.clone(), error: e });
    write_atomically(&path, &pdf.bytes).map_err(output)?;
    let (size, changed) = fingerprint(&path).unwrap_or((pdf.bytes.len() as u64, 0));
    let row = Row::new(&job.output, &issue, pdf.pages, size);
    let warnings = input_warnings.iter().map(Diagnostic::as_warning).chain(pdf.warnings).collect();
    let entry = Entry { inputs, size, changed, manifest, row };
    ctx.recorder.record(&job.output, &entry).map_err(|e| {
        format!("error: the PDF was written, but not its stamp and index row in {}: {e}", ctx.outdir.display())
    })?;
    Ok((Status::Built(reason), Some(entry), warnings))
}
