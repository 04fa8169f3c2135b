//! The account of a batch: what was built (and why), skipped and failed, with each error and
//! warning, and the exit status (1 when anything failed).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::discover::Job;
use super::stamp::{Entry, Reason};
use crate::messages::count;

/// What happened to one issue.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The PDF was written, for this reason.
    Built(Reason),
    /// The PDF was up to date.
    Skipped,
    /// The issue could not be built; the error as printed.
    Failed(String),
}

/// One issue's outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The issue.
    pub job: Job,
    /// What happened.
    pub status: Status,
    /// The stamp of its PDF (built or skipped).
    pub entry: Option<Entry>,
    /// Warnings of the build (characters printed as boxes, layout faults).
    pub warnings: Vec<String>,
    /// Time spent on it, seconds.
    pub seconds: f64,
}

/// The whole batch.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Every issue found, in output-name order.
    pub outcomes: Vec<Outcome>,
    /// Problems outside any one issue's build: arguments, name clashes, the index or stamp
    /// file not written.
    pub errors: Vec<String>,
    /// Warnings about the running totals.
    pub totals: Vec<String>,
    /// How many times a layout's fonts were parsed: once per layout, shared by its issues.
    pub font_loads: usize,
    /// Issues that printed a character the layout's fonts lack, and so parsed fonts of their
    /// own to add fallback faces.
    pub own_fonts: usize,
    /// The layouts used.
    pub layouts: Vec<String>,
    /// Worker threads.
    pub threads: usize,
    /// Wall time of the batch, seconds.
    pub seconds: f64,
    /// Rows in the archive index written (0 when none was written).
    pub indexed: usize,
    /// Temporary files of killed runs removed from the output folder.
    pub stale: usize,
    /// A usage error that stopped the batch before it began (exit status 2).
    pub usage: Option<String>,
}

impl Summary {
    /// The issues built.
    pub fn built(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o.status, Status::Built(_))).count()
    }

    /// The issues skipped as up to date.
    pub fn skipped(&self) -> usize {
        self.outcomes.iter().filter(|o| o.status == Status::Skipped).count()
    }

    /// The issues that failed.
    pub fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| matches!(o.status, Status::Failed(_))).count()
    }

    /// The exit status: 0 when every issue was built or up to date, 2 for a usage error,
    /// else 1.
    pub fn exit_code(&self) -> u8 {
        if self.usage.is_some() {
            return 2;
        }
        u8::from(self.failed() > 0 || !self.errors.is_empty())
    }

    /// The summary as printed at the end of `jianbao batch`.
    pub fn render(&self) -> String {
        self.render_with(true)
    }

    /// The summary without the lists of issues built and skipped (`--quiet`): counts,
    /// failures with their errors, warnings.
    pub fn render_brief(&self) -> String {
        self.render_with(false)
    }

    /// The summary, with or without the lists of issues built and skipped.
    fn render_with(&self, lists: bool) -> String {
        let mut out = String::new();
        if let Some(usage) = &self.usage {
            let _ = writeln!(out, "error: {usage}");
            return out;
        }
        let n = self.outcomes.len();
        let rate = if self.seconds > 0.0 && self.threads > 0 && self.built() > 0 {
            format!(", {:.1} issues/s per thread", self.built() as f64 / self.seconds / self.threads as f64)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "batch: {} — {} built, {} skipped, {} failed — {:.2} s on {}{rate}",
            count(n, "issue"),
            self.built(),
            self.skipped(),
            self.failed(),
            self.seconds,
            count(self.threads, "thread"),
        );
        let mut reasons: BTreeMap<Reason, Vec<&str>> = BTreeMap::new();
        for o in &self.outcomes {
            if let Status::Built(reason) = o.status {
                reasons.entry(reason).or_default().push(&o.job.output);
            }
        }
        for (reason, files) in reasons.into_iter().filter(|_| lists) {
            let _ = writeln!(out, "built ({}, {}):", files.len(), reason.describe());
            out.push_str(&grouped(&files));
        }
        let skipped: Vec<&str> =
            self.outcomes.iter().filter(|o| o.status == Status::Skipped).map(|o| o.job.output.as_str()).collect();
        if lists && !skipped.is_empty() {
            let _ = writeln!(out, "skipped ({}, up to date):", skipped.len());
            out.push_str(&grouped(&skipped));
        }
        let failed: Vec<&Outcome> = self.outcomes.iter().filter(|o| matches!(o.status, Status::Failed(_))).collect();
        if !failed.is_empty() {
            let _ = writeln!(out, "failed ({}):", failed.len());
        }
        for o in failed {
            if let Status::Failed(error) = &o.status {
                let _ = writeln!(out, "  {} ({})", o.job.output, o.job.manifest.display());
                out.push_str(&indent(error, "    "));
            }
        }
        let warned: Vec<&Outcome> = self.outcomes.iter().filter(|o| !o.warnings.is_empty()).collect();
        if !warned.is_empty() || !self.totals.is_empty() {
            out.push_str("warnings:\n");
        }
        for o in warned {
            for w in &o.warnings {
                out.push_str(&indent(&format!("{}: {w}", o.job.output), "  "));
            }
        }
        for w in &self.totals {
            let _ = writeln!(out, "  totals: {w}");
        }
        for e in &self.errors {
            let _ = writeln!(out, "error: {e}");
        }
        if self.stale > 0 {
            let _ = writeln!(out, "removed {} temporary file(s) left by an interrupted run", self.stale);
        }
        let fonts = match self.font_loads {
            1 => "once".to_string(),
            n => format!("{n} times, once per layout"),
        };
        let own = match self.own_fonts {
            0 => String::new(),
            1 => "; 1 issue lacking a character in them parsed its own, with fallback faces".to_string(),
            n => format!("; {n} issues lacking characters in them parsed their own, with fallback faces"),
        };
        let _ = writeln!(out, "fonts parsed {fonts} (layouts: {}){own}", self.layouts.join(", "));
        out
    }
}

/// Output names grouped by folder, one line per folder: `  2021/ 01 02 03`.
fn grouped(files: &[&str]) -> String {
    let mut folders: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in files {
        let (folder, name) = f.rsplit_once('/').unwrap_or(("", f));
        folders.entry(folder).or_default().push(name.strip_suffix(".pdf").unwrap_or(name));
    }
    let mut out = String::new();
    for (folder, names) in folders {
        let folder = if folder.is_empty() { String::new() } else { format!("{folder}/ ") };
        let _ = writeln!(out, "  {folder}{}", names.join(" "));
    }
    out
}

/// Every line of `text` indented by `by`, ending in a line break.
fn indent(text: &str, by: &str) -> String {
    text.trim_end().lines().map(|l| format!("{by}{l}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(output: &str, status: Status) -> Outcome {
        let job = Job { manifest: format!("issues/{output}.toml").into(), output: output.into() };
        Outcome { job, status, entry: None, warnings: Vec::new(), seconds: 0.1 }
    }

    #[test]
    fn all_built_or_skipped_exits_zero() {
        let summary = Summary {
            outcomes: vec![
                outcome("2021/01.pdf", Status::Built(Reason::New)),
                outcome("2021/02.pdf", Status::Built(Reason::Changed)),
                outcome("2021/03.pdf", Status::Skipped),
            ],
            font_loads: 1,
            layouts: vec!["two-column".into()],
            threads: 2,
            seconds: 1.0,
            ..Summary::default()
        };
        assert_eq!((summary.built(), summary.skipped(), summary.failed()), (2, 1, 0));
        assert_eq!(summary.exit_code(), 0);
        let text = summary.render();
        assert!(text.starts_with("batch: 3 issues — 2 built, 1 skipped, 0 failed — 1.00 s on 2 threads"), "{text}");
        assert!(text.contains("built (1, new):\n  2021/ 01\n"), "{text}");
        assert!(text.contains("built (1, inputs changed):\n  2021/ 02\n"), "{text}");
        assert!(text.contains("skipped (1, up to date):\n  2021/ 03\n"), "{text}");
        assert!(text.contains("fonts parsed once (layouts: two-column)"), "{text}");
        assert!(!text.contains("failed ("), "{text}");
    }

    #[test]
    fn a_failure_is_listed_with_its_error_and_exits_one() {
        let error = "error: unknown key `nmber` in `[issue]`\n --> issues/2021/02/issue.toml:4:1";
        let summary = Summary {
            outcomes: vec![
                outcome("2021/01.pdf", Status::Built(Reason::Forced)),
                outcome("2021/02.pdf", Status::Failed(error.into())),
            ],
            totals: vec!["联络动态: 总第625期 is missing".into()],
            ..Summary::default()
        };
        assert_eq!(summary.exit_code(), 1);
        let text = summary.render();
        assert!(
            text.contains("failed (1):\n  2021/02.pdf (issues/2021/02.pdf.toml)\n    error: unknown key"),
            "{text}"
        );
        assert!(text.contains("    --> issues/2021/02/issue.toml:4:1\n"), "{text}");
        assert!(text.contains("warnings:\n  totals: 联络动态: 总第625期 is missing\n"), "{text}");
    }

    #[test]
    fn an_error_outside_the_issues_exits_one() {
        let summary = Summary { errors: vec!["nowhere: no such file or folder".into()], ..Summary::default() };
        assert_eq!(summary.exit_code(), 1);
        assert!(summary.render().contains("error: nowhere: no such file or folder\n"));
    }
}
