//! `jianbao watch`: rebuild an issue whenever one of its inputs changes.
//!
//! The files watched are the build's own list ([`crate::build::inputs`]): manifest, series
//! file, layout, fonts, articles, pictures; their folders are watched (editors save through a
//! new file and a rename) and an event counts when it names one of them. Events that come
//! together are taken as one change. A failed rebuild prints its error and leaves the last
//! good output as it was (builds write atomically). SIGINT or SIGTERM ends the loop between
//! builds, so no build is cut off half-way.

mod set;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::build::{Action, BuildOptions, Request};
use crate::messages::Printer;
use set::Watched;

/// How long events are gathered into one change after the first of them.
const SETTLE: Duration = Duration::from_millis(100);

/// How often the loop looks whether it was asked to stop.
const TICK: Duration = Duration::from_millis(200);

/// What to rebuild.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// The issue manifest.
    pub manifest: PathBuf,
    /// Where the PDF goes (`None`: next to the manifest).
    pub output: Option<PathBuf>,
    /// A folder for page previews, and their resolution, when asked for.
    pub preview: Option<(PathBuf, f32)>,
    /// The build options.
    pub build: BuildOptions,
}

/// Builds, then rebuilds on every change until SIGINT or SIGTERM. Fails only when the
/// files cannot be watched at all.
pub fn watch(options: &WatchOptions, printer: &Printer) -> Result<(), String> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(|e| format!("cannot catch signals: {e}"))?;
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    let mut watched = Watched::default();
    rebuild(options, printer);
    watched.update(&options.manifest, &mut |dir| {
        watcher.watch(dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())
    })?;
    printer.result(&format!("watching {} input files of {}; Ctrl-C stops", watched.len(), options.manifest.display()));
    while !stop.load(Ordering::Relaxed) {
        let Ok(event) = rx.recv_timeout(TICK) else { continue };
        if !watched.concerns(&event) {
            continue;
        }
        // Gather the rest of this change (a save is often several events).
        let until = Instant::now() + SETTLE;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            if rx.recv_timeout(left).is_err() {
                break;
            }
        }
        rebuild(options, printer);
        watched.update(&options.manifest, &mut |dir| {
            watcher.watch(dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())
        })?;
    }
    printer.result("stopped");
    Ok(())
}

/// One rebuild: the PDF, then the previews; one line with the time and the outcome.
fn rebuild(options: &WatchOptions, printer: &Printer) {
    let started = Instant::now();
    let request = Request {
        manifest: options.manifest.clone(),
        action: Action::Build(options.output.clone()),
        options: options.build,
    };
    let mut result = crate::build::run(&request);
    if let (Ok(_), Some((dir, dpi))) = (&result, &options.preview) {
        let preview = Request { action: Action::Preview { dir: dir.clone(), dpi: *dpi }, ..request };
        result = crate::build::run(&preview).map(|mut r| {
            r.warnings.clear();
            r
        });
    }
    let ms = started.elapsed().as_millis();
    let name = options.manifest.display();
    match result {
        Ok(report) => {
            let pages = crate::messages::count(report.pages, "page");
            printer.result(&format!("[{}] {name} rebuilt in {ms} ms: {pages}", clock()));
            report.warnings.iter().for_each(|w| printer.message(w));
        }
        Err(e) => {
            printer.message(&e.to_string());
            printer.result(&format!("[{}] {name} failed in {ms} ms; the last good output is kept", clock()));
        }
    }
}

/// The time of day (UTC), `HH:MM:SS`.
fn clock() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}
