//! Progress while a batch runs, on standard error: a bar on a terminal (indicatif), one plain
//! line per issue built or failed otherwise, nothing with `--quiet`.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::summary::{Outcome, Status};
use crate::messages::{Lang, count, translate};

/// Told of each issue as it finishes, from any worker thread.
pub trait Progress: Sync {
    /// The batch starts with this many issues.
    fn start(&self, issues: usize);
    /// An issue is done.
    fn done(&self, outcome: &Outcome);
    /// The batch is over (before the summary is printed).
    fn finish(&self);
}

/// The reporter for the command line: a bar when standard error is a terminal, plain lines
/// when it is not, nothing when `quiet`; its lines in `lang`.
pub fn for_stderr(quiet: bool, lang: Lang) -> Box<dyn Progress> {
    if quiet {
        Box::new(Silent)
    } else if std::io::stderr().is_terminal() {
        Box::new(Bar::new(lang))
    } else {
        Box::new(Lines { lang, ..Lines::default() })
    }
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize) {}
    fn done(&self, _: &Outcome) {}
    fn finish(&self) {}
}

/// One line per issue built or failed: `[ 12/240] built 2021/04.pdf (2 pages, 194 KB, 0.05 s)`.
#[derive(Default)]
pub struct Lines {
    /// Issues done so far.
    done: AtomicUsize,
    /// Issues in the batch.
    total: AtomicUsize,
    /// The language of the lines.
    lang: Lang,
}

impl Progress for Lines {
    fn start(&self, issues: usize) {
        self.total.store(issues, Ordering::Relaxed);
    }

    fn done(&self, outcome: &Outcome) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(line) = line(outcome) {
            let total = self.total.load(Ordering::Relaxed);
            let width = total.to_string().len();
            eprintln!("[{n:>width$}/{total}] {}", translate(self.lang, &line).1);
        }
    }

    fn finish(&self) {}
}

/// The line for an issue built or failed; none for one skipped.
fn line(outcome: &Outcome) -> Option<String> {
    let file = &outcome.job.output;
    match &outcome.status {
        Status::Built(_) => {
            let (pages, bytes) = outcome.entry.as_ref().map_or((0, 0), |e| (e.row.pages, e.row.bytes));
            let kb = bytes.div_ceil(1024);
            Some(format!("built {file} ({}, {kb} KB, {:.2} s)", count(pages, "page"), outcome.seconds))
        }
        Status::Failed(error) => Some(format!("failed {file}: {}", error.lines().next().unwrap_or_default())),
        Status::Skipped => None,
    }
}

/// An indicatif bar; failures are printed above it as they happen, in the language given.
pub struct Bar(ProgressBar, Lang);

impl Bar {
    /// A bar drawing on standard error.
    pub fn new(lang: Lang) -> Self {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        let template = match lang {
            Lang::En => "{spinner} [{bar:30}] {pos}/{len} issues, {elapsed} elapsed, {eta} left  {wide_msg}",
            Lang::Zh => "{spinner} [{bar:30}] {pos}/{len} 期，已用 {elapsed}，尚余 {eta}  {wide_msg}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(bar, lang)
    }
}

impl Default for Bar {
    fn default() -> Self {
        Self::new(Lang::En)
    }
}

impl Progress for Bar {
    fn start(&self, issues: usize) {
        self.0.set_length(issues as u64);
        self.0.enable_steady_tick(Duration::from_millis(200));
    }

    fn done(&self, outcome: &Outcome) {
        if let (Status::Failed(_), Some(line)) = (&outcome.status, line(outcome)) {
            self.0.println(translate(self.1, &line).1);
        }
        self.0.set_message(outcome.job.output.clone());
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
