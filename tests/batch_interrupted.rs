//! A batch that is interrupted: killed outright (SIGKILL) after some PDFs are written, the
//! rerun builds only the rest, and stamps, index and PDFs then match exactly; SIGINT and
//! SIGTERM remove the temporary files and exit 130 or 143; an issue past the time limit
//! fails alone; the output folder cannot be the folder searched.

#[path = "../examples/back_issues/mod.rs"]
#[allow(dead_code)]
mod back_issues;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jianbao::batch::progress::Silent;
use jianbao::batch::{BatchOptions, Status, run};

/// A fresh small archive (`years` × `per_year` issues) and an output folder.
fn archive(name: &str, years: u16, per_year: u8) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("jianbao-interrupted-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("issues");
    back_issues::generate(&dir, &back_issues::Options::small(years, per_year)).expect("archive written");
    (dir, root.join("out"))
}

/// `jianbao batch DIR -o OUT --quiet -j 1` started in the background.
fn start_batch(dir: &Path, out: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["batch", "--quiet", "-j", "1"])
        .arg(dir)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs")
}

/// Every file under `dir` whose name ends in `suffix`, relative, `/`-separated.
fn files(dir: &Path, suffix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if entry.file_name().to_string_lossy().ends_with(suffix) {
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                found.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

/// The PDFs the stamp file records.
fn stamped(out: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(out.join(".jianbao-batch.toml")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("[pdf.\"").and_then(|r| r.strip_suffix("\"]")))
        .map(str::to_string)
        .collect()
}

/// The PDFs `index.csv` lists.
fn indexed(out: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(out.join("index.csv")).unwrap_or_default();
    text.lines().skip(1).filter_map(|l| l.split(',').next()).map(str::to_string).collect()
}

/// Waits until `out` holds at least `n` PDFs (or the child ends, or a minute passes).
fn wait_for_pdfs(child: &mut Child, out: &Path, n: usize) -> usize {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let count = files(out, ".pdf").len();
        if count >= n || Instant::now() > deadline || child.try_wait().ok().flatten().is_some() {
            return count;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Sends `signal` to the child.
fn signal(child: &Child, signal: &str) {
    let sent = Command::new("kill").args(["-s", signal, &child.id().to_string()]).status();
    assert!(sent.is_ok_and(|s| s.success()), "kill -s {signal}");
}

#[test]
fn a_killed_batch_resumes_where_it_stopped() {
    let (dir, out) = archive("kill", 2, 12);
    let mut child = start_batch(&dir, &out);
    let before = wait_for_pdfs(&mut child, &out, 6);
    assert!(before >= 6, "the batch wrote {before} PDFs");
    let _ = child.kill();
    let _ = child.wait();
    let pdfs = files(&out, ".pdf");
    let recorded = stamped(&out);
    assert!(pdfs.len() < 24, "killed before the end: {} PDFs", pdfs.len());
    // Each finished issue is recorded as it finishes: at most the one being written is not.
    assert!(recorded.is_subset(&pdfs), "stamps {recorded:?}\nPDFs {pdfs:?}");
    assert!(pdfs.len() - recorded.len() <= 1, "stamps {recorded:?}\nPDFs {pdfs:?}");
    // Stamps and index are separate files, each replaced atomically, stamps first: a kill
    // between the two leaves the index one issue behind, never ahead, and never listing a PDF
    // that is not there. The rerun writes both again from the stamps.
    let listed = indexed(&out);
    assert!(listed.is_subset(&recorded), "index {listed:?}\nstamps {recorded:?}");
    assert!(recorded.len() - listed.len() <= 1, "index {listed:?}\nstamps {recorded:?}");

    // Rerun by the same program (the stamps record its executable).
    let rerun = Command::new(env!("CARGO_BIN_EXE_jianbao")).arg("batch").arg(&dir).arg("-o").arg(&out).output();
    let summary = String::from_utf8_lossy(&rerun.expect("runs").stdout).into_owned();
    let want = format!("{} built, {} skipped, 0 failed", 24 - recorded.len(), recorded.len());
    assert!(summary.contains(&want), "only the rest is built ({want}):\n{summary}");
    let pdfs = files(&out, ".pdf");
    assert_eq!(pdfs.len(), 24);
    assert_eq!(stamped(&out), pdfs, "stamps match the PDFs exactly");
    assert_eq!(indexed(&out), pdfs, "the index matches the PDFs exactly");
    assert!(files(&out, ".tmp").is_empty(), "no temporary file left: {:?}", files(&out, ".tmp"));
}

#[test]
fn sigint_and_sigterm_remove_temporary_files_and_exit_130_and_143() {
    for (name, want) in [("INT", 130), ("TERM", 143)] {
        let (dir, out) = archive(&format!("signal-{name}"), 2, 12);
        let mut child = start_batch(&dir, &out);
        wait_for_pdfs(&mut child, &out, 3);
        signal(&child, name);
        let status = child.wait().expect("waits");
        assert_eq!(status.code(), Some(want), "SIG{name}");
        assert!(files(&out, ".tmp").is_empty(), "SIG{name} left {:?}", files(&out, ".tmp"));
        let recorded = stamped(&out);
        let pdfs = files(&out, ".pdf");
        assert!(recorded.is_subset(&pdfs) && pdfs.len() - recorded.len() <= 1, "{recorded:?} {pdfs:?}");
    }
}

#[test]
fn leftovers_of_a_killed_run_are_removed_by_the_next() {
    let (dir, out) = archive("leftovers", 1, 2);
    std::fs::create_dir_all(out.join("2020")).expect("folder");
    // The names a killed run leaves (its process id cannot be running: above the kernel's
    // largest), one in the output folder and one beside a PDF.
    let stale = [out.join(".jianbao-4194305-abcdefgh.tmp"), out.join("2020/.jianbao-4194305-ijklmnop.tmp")];
    for file in &stale {
        std::fs::write(file, vec![0u8; 4096]).expect("leftover");
    }
    let summary = run(&[dir], &out, &BatchOptions::default(), &Silent);
    assert_eq!(summary.built(), 2, "{}", summary.render());
    assert_eq!(summary.stale, 2);
    assert!(stale.iter().all(|f| !f.exists()), "leftovers removed");
}

#[test]
fn an_issue_past_the_time_limit_fails_alone_and_writes_nothing() {
    let (dir, out) = archive("timeout", 1, 2);
    let options = BatchOptions { timeout: Duration::from_millis(1), ..BatchOptions::default() };
    let summary = run(&[dir], &out, &options, &Silent);
    assert_eq!(summary.failed(), 2, "{}", summary.render());
    for outcome in &summary.outcomes {
        let Status::Failed(message) = &outcome.status else { panic!("{:?}", outcome.status) };
        assert!(message.contains("the time limit for one issue"), "{message}");
    }
    // The builds given up go on in the background; they write nothing.
    std::thread::sleep(Duration::from_secs(3));
    assert!(files(&out, ".pdf").is_empty(), "{:?}", files(&out, ".pdf"));
    assert!(files(&out, ".tmp").is_empty());
}

#[test]
fn the_folder_searched_is_no_output_folder() {
    let (dir, _) = archive("same", 1, 1);
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao")).arg("batch").arg(&dir).arg("-o").arg(&dir).output();
    let output = output.expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("is the folder to search"), "{stdout}");
    assert!(files(&dir, ".pdf").is_empty());
}

#[test]
fn an_up_to_date_batch_writes_nothing() {
    let (dir, out) = archive("nothing", 1, 2);
    let first = run(std::slice::from_ref(&dir), &out, &BatchOptions::default(), &Silent);
    assert_eq!(first.built(), 2);
    let times = |names: &[&str]| -> Vec<_> {
        names.iter().map(|n| std::fs::metadata(out.join(n)).and_then(|m| m.modified()).ok()).collect()
    };
    let names = [".jianbao-batch.toml", "index.csv", "index.json"];
    let before = times(&names);
    std::thread::sleep(Duration::from_millis(20));
    let again = run(&[dir], &out, &BatchOptions::default(), &Silent);
    assert_eq!((again.skipped(), again.exit_code()), (2, 0), "{}", again.render());
    assert_eq!(times(&names), before, "nothing rewritten, so a read-only folder is fine");
}
