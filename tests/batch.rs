//! Back issues in one batch, through the library: a small generated archive is built, skipped
//! when nothing changed, rebuilt one issue at a time when one changes, and survives a broken
//! manifest; the PDFs are those of single builds, with fonts parsed once for all of them.

#[path = "../examples/back_issues/mod.rs"]
#[allow(dead_code)]
mod back_issues;

use std::path::{Path, PathBuf};

use jianbao::batch::progress::Silent;
use jianbao::batch::stamp::Reason;
use jianbao::batch::{BatchOptions, Status, Summary, run};

/// A fresh small archive (`years` × `per_year` one-page issues) and an output folder.
fn archive(name: &str, years: u16, per_year: u8) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("jianbao-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("issues");
    back_issues::generate(&dir, &back_issues::Options::small(years, per_year)).expect("archive written");
    (dir, root.join("out"))
}

/// Runs a batch quietly.
fn batch(dir: &Path, out: &Path, force: bool) -> Summary {
    let options = BatchOptions { force, ..BatchOptions::default() };
    run(&[dir.to_path_buf()], out, &options, &Silent)
}

/// The output names with this status.
fn with(summary: &Summary, wanted: impl Fn(&Status) -> bool) -> Vec<&str> {
    summary.outcomes.iter().filter(|o| wanted(&o.status)).map(|o| o.job.output.as_str()).collect()
}

#[test]
fn builds_then_skips_then_rebuilds_exactly_what_changed() {
    let (dir, out) = archive("incremental", 2, 3);
    let first = batch(&dir, &out, false);
    assert_eq!((first.built(), first.skipped(), first.failed()), (6, 0, 0), "{}", first.render());
    assert_eq!(first.exit_code(), 0);
    assert_eq!(first.font_loads, 1, "one layout: its fonts parsed once for all issues");
    assert!(out.join("2020/01.pdf").is_file() && out.join("2021/03.pdf").is_file());
    assert!(out.join(".jianbao-batch.toml").is_file(), "the stamp lives beside the PDFs");

    let again = batch(&dir, &out, false);
    assert_eq!((again.built(), again.skipped()), (0, 6), "{}", again.render());

    let article = back_issues::issue_dir(&dir, 2021, 2).join("articles/01.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{text}\n补充一句。\n")).unwrap();
    let one = batch(&dir, &out, false);
    assert_eq!(with(&one, |s| matches!(s, Status::Built(Reason::Changed))), ["2021/02.pdf"], "{}", one.render());
    assert_eq!(one.skipped(), 5);

    // Touching an article (same content, newer time) rebuilds exactly that issue, once.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::File::options().write(true).open(&article).unwrap().set_modified(later).unwrap();
    let touched = batch(&dir, &out, false);
    assert_eq!(
        with(&touched, |s| matches!(s, Status::Built(Reason::Touched))),
        ["2021/02.pdf"],
        "{}",
        touched.render()
    );
    assert_eq!(touched.skipped(), 5);

    std::fs::remove_file(out.join("2020/03.pdf")).unwrap();
    let missing = batch(&dir, &out, false);
    assert_eq!(with(&missing, |s| *s == Status::Built(Reason::Missing)), ["2020/03.pdf"]);

    let series = dir.join("series.toml");
    let text = std::fs::read_to_string(&series).unwrap();
    std::fs::write(&series, text.replace("pinyin = \"LIANLUODONGTAI\"", "pinyin = \"LIAN LUO DONG TAI\"")).unwrap();
    let all = batch(&dir, &out, false);
    assert_eq!(all.built(), 6, "the series file is an input of every issue:\n{}", all.render());

    let forced = batch(&dir, &out, true);
    assert_eq!(with(&forced, |s| *s == Status::Built(Reason::Forced)).len(), 6);
}

#[test]
fn a_broken_manifest_fails_alone() {
    let (dir, out) = archive("broken", 2, 3);
    let manifest = back_issues::issue_dir(&dir, 2020, 2).join("issue.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("number = 2", "nmber = 2")).unwrap();
    let summary = batch(&dir, &out, false);
    assert_eq!((summary.built(), summary.failed()), (5, 1), "{}", summary.render());
    assert_eq!(summary.exit_code(), 1);
    let failed = summary.outcomes.iter().find(|o| o.job.output == "2020/02.pdf").unwrap();
    let Status::Failed(error) = &failed.status else { panic!("not failed: {:?}", failed.status) };
    assert!(error.contains("nmber") && error.contains("issue.toml:"), "{error}");
    assert!(summary.render().contains("failed (1):\n  2020/02.pdf ("), "{}", summary.render());
    assert!(!out.join("2020/02.pdf").exists(), "nothing written for the failed issue");
    // The gap it leaves in the running totals is reported.
    assert!(summary.totals.iter().any(|w| w.contains("总第487期 is missing")), "{:?}", summary.totals);

    std::fs::write(&manifest, text).unwrap();
    let fixed = batch(&dir, &out, false);
    assert_eq!(with(&fixed, |s| matches!(s, Status::Built(_))), ["2020/02.pdf"]);
    assert_eq!(fixed.exit_code(), 0);
    assert!(fixed.totals.is_empty(), "{:?}", fixed.totals);
}

#[test]
fn batch_pdfs_are_single_build_pdfs_and_the_index_lists_them() {
    let (dir, out) = archive("same", 1, 2);
    let summary = batch(&dir, &out, false);
    assert_eq!(summary.built(), 2, "{}", summary.render());
    let manifest = back_issues::issue_dir(&dir, 2020, 2).join("issue.toml");
    let single_path = dir.join("single.pdf");
    let request = jianbao::build::Request {
        manifest: manifest.clone(),
        action: jianbao::build::Action::Build(Some(single_path.clone())),
        options: Default::default(),
    };
    jianbao::build::run(&request).unwrap();
    let single = std::fs::read(&single_path).unwrap();
    assert!(std::fs::read(out.join("2020/02.pdf")).unwrap() == single, "shared fonts give the same bytes");

    let csv = std::fs::read_to_string(out.join("index.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "file,series,number,total,date,pages,titles,bytes");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[2].starts_with("2020/02.pdf,联络动态,2,"), "{csv}");
    let bytes = single.len().to_string();
    assert!(lines[2].ends_with(&format!(",{bytes}")), "{csv}");
    let json = std::fs::read_to_string(out.join("index.json")).unwrap();
    assert!(json.contains("\"file\": \"2020/01.pdf\", \"series\": \"联络动态\", \"number\": 1"), "{json}");
}

#[test]
fn duplicate_totals_are_warned() {
    let (dir, out) = archive("totals", 1, 3);
    let manifest = back_issues::issue_dir(&dir, 2020, 3).join("issue.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    // 2020's offset is 485 (three issues a year since 2006): issue 3 claims issue 2's total.
    std::fs::write(&manifest, text.replace("number = 3", "number = 3\ntotal = 487")).unwrap();
    let summary = batch(&dir, &out, false);
    assert_eq!(summary.exit_code(), 0, "a totals warning does not fail the batch");
    assert_eq!(
        summary.totals,
        ["联络动态: 总第487期 is claimed by 2 issues: 2020/02.pdf, 2020/03.pdf"],
        "{}",
        summary.render()
    );
}

#[test]
fn nothing_to_build_is_an_error() {
    let root = std::env::temp_dir().join(format!("jianbao-batch-empty-{}", std::process::id()));
    std::fs::create_dir_all(&root).unwrap();
    let summary = batch(&root, &root.join("out"), false);
    assert_eq!(summary.exit_code(), 1);
    assert!(summary.errors[0].contains("no issue manifest found"), "{:?}", summary.errors);
}

#[test]
fn a_layout_file_is_an_input() {
    let (dir, out) = archive("layout", 1, 2);
    let layout =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/two-column.toml")).unwrap();
    std::fs::write(dir.join("house.toml"), &layout).unwrap();
    let series = dir.join("series.toml");
    let text = std::fs::read_to_string(&series).unwrap();
    std::fs::write(&series, text.replace("layout = \"two-column\"", "layout = \"house.toml\"")).unwrap();
    let first = batch(&dir, &out, false);
    assert_eq!((first.built(), first.failed()), (2, 0), "{}", first.render());
    assert_eq!(batch(&dir, &out, false).skipped(), 2);
    std::fs::write(dir.join("house.toml"), format!("{layout}\n# house style, revised\n")).unwrap();
    let changed = batch(&dir, &out, false);
    assert_eq!(with(&changed, |s| *s == Status::Built(Reason::Changed)).len(), 2, "{}", changed.render());
}

/// A picture replaced by another with an older time of change (copied back from an archive,
/// say) still rebuilds its issue: the digest holds the pictures' content, not only times.
#[test]
fn a_picture_is_an_input_by_its_content() {
    let (dir, out) = archive("picture", 1, 2);
    let photos = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lianluo-2021-05/articles/images");
    let issue = back_issues::issue_dir(&dir, 2020, 1);
    let article = issue.join("articles/01.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{text}\n![会场](hall.jpg)\n")).unwrap();
    let photo = issue.join("articles/hall.jpg");
    std::fs::copy(photos.join("hall.jpg"), &photo).unwrap();
    let first = batch(&dir, &out, false);
    assert_eq!((first.built(), first.failed()), (2, 0), "{}", first.render());
    assert_eq!(batch(&dir, &out, false).skipped(), 2);
    std::fs::copy(photos.join("road-cmyk.jpg"), &photo).unwrap();
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options().write(true).open(&photo).unwrap().set_modified(long_ago).unwrap();
    let changed = batch(&dir, &out, false);
    assert_eq!(with(&changed, |s| *s == Status::Built(Reason::Changed)), ["2020/01.pdf"], "{}", changed.render());
    assert_eq!(changed.skipped(), 1);
}

/// The editor's note read from a file is an input like an article: changed, with its old time
/// of change put back (`touch -r`), it rebuilds its issue. The digest is made from the one
/// list of input files that the overwrite guard also reads.
#[test]
fn an_editors_note_file_is_an_input_by_its_content() {
    let (dir, out) = archive("note", 1, 2);
    let issue = back_issues::issue_dir(&dir, 2020, 1);
    let manifest = issue.join("issue.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, format!("{text}\n[editor_note]\nfile = \"note.md\"\n")).unwrap();
    let note = issue.join("note.md");
    std::fs::write(&note, "本期刊登各地人大常委会联络工作的新做法。\n").unwrap();
    let first = batch(&dir, &out, false);
    assert_eq!((first.built(), first.failed()), (2, 0), "{}", first.render());
    assert_eq!(batch(&dir, &out, false).skipped(), 2);
    let before = std::fs::metadata(&note).unwrap().modified().unwrap();
    std::fs::write(&note, "本期刊登各地人大常委会代表工作的新做法。\n").unwrap();
    std::fs::File::options().write(true).open(&note).unwrap().set_modified(before).unwrap();
    let changed = batch(&dir, &out, false);
    assert_eq!(with(&changed, |s| *s == Status::Built(Reason::Changed)), ["2020/01.pdf"], "{}", changed.render());
    assert_eq!(changed.skipped(), 1);
}
