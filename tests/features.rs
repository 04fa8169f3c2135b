//! The version-2 features of a real 简报, read back from the PDF of the second example
//! (`examples/lianluo-2021-05`): sub-headings in their own faces, the contents box's page
//! numbers, pictures in their columns, the distribution groups in order; and a long list
//! of recipients that wraps only between names.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::pdfread::{self, DrawnRun};

const EXAMPLE: &str = "examples/lianluo-2021-05/issue.toml";

/// A fresh folder under the target directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("features-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Builds a manifest to a PDF and returns its bytes.
fn build(manifest: &Path, out: &Path) -> Vec<u8> {
    let run = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .arg("build")
        .arg(manifest)
        .arg("-o")
        .arg(out)
        .output()
        .expect("jianbao runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::read(out).expect("the PDF")
}

/// The example's PDF (built once per test binary run into its own folder).
fn example(name: &str) -> Vec<u8> {
    build(Path::new(EXAMPLE), &temp_dir(name).join("issue.pdf"))
}

/// Every drawn run of every page, with its page (from 0).
fn runs(pdf: &[u8]) -> Vec<(usize, DrawnRun)> {
    (0..pdfread::page_count(pdf)).flat_map(|p| pdfread::drawn_runs(pdf, p).into_iter().map(move |r| (p, r))).collect()
}

/// The first run whose text starts with `start`.
fn run_starting<'a>(all: &'a [(usize, DrawnRun)], start: &str) -> &'a (usize, DrawnRun) {
    all.iter().find(|(_, r)| r.text.starts_with(start)).unwrap_or_else(|| panic!("no run starts with {start}"))
}

/// The font name without its subset tag.
fn face(run: &DrawnRun) -> &str {
    run.font.split_once('+').map_or(run.font.as_str(), |(_, name)| name)
}

#[test]
fn each_heading_level_in_its_own_face_and_a_run_in_heading_in_its_paragraph() {
    let pdf = example("headings");
    let all = runs(&pdf);
    let faces: Vec<(&str, &str)> = [
        ("一、总体要求", "NotoSansCJKsc-Bold"),
        ("（一）健全", "LXGWWenKai-Regular"),
        ("1．完善联系方式", "NotoSerifCJKsc-Bold"),
        ("（1）建立联系台账", "NotoSerifCJKsc-Regular"),
    ]
    .into_iter()
    .collect();
    for (start, expected) in &faces {
        let (_, run) = run_starting(&all, start);
        assert_eq!(face(run), *expected, "{start}");
        assert!((run.size - 10.5).abs() < 0.01, "{start}: {}", run.size);
    }
    // The body paragraph after a heading is in the regular face.
    let (_, body) = run_starting(&all, "常委会组成人员每人联系");
    assert_eq!(face(body), "NotoSerifCJKsc-Regular");
    // A run-in heading: the lead in kai, the rest of the paragraph on the same baseline in
    // the body face.
    let (page, lead) = run_starting(&all, "（二）支持代表密切联系群众。");
    assert_eq!(face(lead), "LXGWWenKai-Regular");
    let rest = all
        .iter()
        .find(|(p, r)| p == page && (r.baseline - lead.baseline).abs() < 0.01 && r.text.starts_with("代表联络站"))
        .expect("the paragraph goes on after its run-in heading");
    assert_eq!(face(&rest.1), "NotoSerifCJKsc-Regular");
    assert!(rest.1.extent().0 >= lead.extent().1 - 0.01);
}

#[test]
fn contents_page_numbers_are_the_pages_the_titles_are_on() {
    let pdf = example("contents");
    let all = runs(&pdf);
    let issue = jianbao::manifest::load(Path::new(EXAMPLE)).expect("loads");
    let (doc, _) = jianbao::document::from_issue(&issue).expect("screens");
    let (box_page, heading) = run_starting(&all, "本期要目");
    assert_eq!(*box_page, 0);
    for article in &doc.articles {
        let title = article.title.to_string();
        // The entry: the title in the contents role, its page number at the right on the
        // same baseline.
        let entry = all
            .iter()
            .find(|(p, r)| *p == 0 && r.baseline < heading.baseline && title.starts_with(r.text.as_str()))
            .unwrap_or_else(|| panic!("no contents entry for {title}"));
        let number: usize = all
            .iter()
            .filter(|(p, r)| *p == 0 && (r.baseline - entry.1.baseline).abs() < 0.01)
            .filter_map(|(_, r)| r.text.trim().parse().ok())
            .next()
            .unwrap_or_else(|| panic!("no page number for {title}"));
        // The title itself: its first characters drawn bold and larger than the body.
        let first: String = title.chars().take(4).collect();
        let drawn = all
            .iter()
            .find(|(_, r)| r.size > 11.0 && r.text.starts_with(&first) && face(r).ends_with("Bold"))
            .unwrap_or_else(|| panic!("title {title} not drawn"));
        assert_eq!(number, drawn.0 + 1, "{title}");
    }
}

#[test]
fn distribution_groups_in_order_with_their_labels() {
    let pdf = example("groups");
    let last = pdfread::page_count(&pdf) - 1;
    let mut lines: Vec<DrawnRun> = pdfread::drawn_runs(&pdf, last).into_iter().filter(|r| r.size < 9.5).collect();
    lines.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    let labels: Vec<char> = lines
        .iter()
        .filter_map(|r| r.text.chars().next().filter(|c| "报送发".contains(*c) && r.text.chars().nth(1) == Some('：')))
        .collect();
    assert_eq!(labels, ['报', '送', '发']);
}

#[test]
fn pictures_drawn_in_their_columns_with_their_pixels() {
    let pdf = example("pictures");
    let layout = jianbao::layout::load("two-column").expect("layout");
    let height = pdfread::media_box(&pdf, 0)[3];
    let left = layout.type_left();
    let columns = [
        (left, left + layout.column_width()),
        (left + layout.column_width() + layout.gutter(), left + layout.type_width()),
    ];
    let mut images = Vec::new();
    for page in 0..pdfread::page_count(&pdf) {
        images.extend(pdfread::drawn_images(&pdf, page));
    }
    assert_eq!(images.len(), 2, "{images:?}");
    for image in &images {
        assert_eq!(image.pixels, (660, 440), "{image:?}");
        let [x0, y0, x1, y1] = image.rect;
        assert!(
            columns.iter().any(|(l, r)| (x0 - l).abs() < 0.5 && (x1 - r).abs() < 0.5),
            "the picture fills a column's width: {image:?}"
        );
        assert!(((y1 - y0) / (x1 - x0) - 440.0 / 660.0).abs() < 0.01, "proportions kept: {image:?}");
        // Inside the type area, between its top and bottom.
        let top = height - layout.type_top();
        let bottom = top - layout.type_height();
        assert!(y1 <= top + 0.5 && y0 >= bottom - 0.5, "{image:?}");
    }
    let spaces: Vec<String> = images.iter().map(|i| format!("{}{}", i.color_space, i.components)).collect();
    assert!(spaces.iter().any(|s| s == "DeviceCMYK0" || s == "ICCBased4"), "the CMYK picture stays CMYK: {spaces:?}");
}

/// Forty offices in one recipient entry, of lengths 4 to 15 characters, joined by 、: every
/// line but the entry's last ends with 、 — no name is split between lines.
#[test]
fn a_long_list_of_recipients_breaks_only_between_names() {
    let dir = temp_dir("recipients");
    let places = ["长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州"];
    let offices = ["人大常委会", "人大常委会办公室", "人大常委会选举任免联络工作委员会", "中级人民法院"];
    let names: Vec<String> =
        (0..40).map(|i| format!("{}市{}", places[i % places.len()], offices[(i / 3) % offices.len()])).collect();
    let text = std::fs::read_to_string("examples/lianluo-2021-04/issue.toml").expect("example");
    let start = text.find("[distribution]").expect("distribution");
    let end = text.find("[colophon]").expect("colophon");
    let manifest = format!(
        "{}[[distribution]]\nlabel = \"抄送\"\nrecipients = [\"{}\", \"各市州人大常委会联工委\"]\n\n{}",
        &text[..start],
        names.join("、"),
        &text[end..]
    );
    let examples = Path::new("examples/lianluo-2021-04");
    std::fs::create_dir_all(dir.join("articles")).expect("articles");
    for entry in std::fs::read_dir(examples.join("articles")).expect("articles") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.join("articles").join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(dir.join("issue.toml"), manifest).expect("manifest");
    let pdf = build(&dir.join("issue.toml"), &dir.join("issue.pdf"));
    let last = pdfread::page_count(&pdf) - 1;
    let mut lines: Vec<DrawnRun> = pdfread::drawn_runs(&pdf, last).into_iter().filter(|r| r.size < 9.5).collect();
    lines.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    let first = lines.iter().position(|r| r.text.starts_with("抄送：")).expect("the group's first line");
    let last_line = lines.iter().position(|r| r.text.ends_with(names[39].as_str())).expect("the entry's last line");
    assert!(last_line > first + 3, "forty names take several lines");
    let all: String = lines[first..=last_line].iter().map(|r| r.text.as_str()).collect();
    assert_eq!(all, format!("抄送：{}", names.join("、")), "every name printed, in order");
    for line in &lines[first..last_line] {
        assert!(line.text.ends_with('、'), "a line breaks inside a name: {}", line.text);
    }
}

/// A figure naming a missing or unreadable picture fails the build at the picture's path in
/// the article (file, line, column), and an existing output is left as it was.
#[test]
fn a_missing_or_unreadable_picture_is_a_located_error() {
    let dir = temp_dir("bad-picture");
    let examples = Path::new("examples/lianluo-2021-04");
    std::fs::create_dir_all(dir.join("articles")).expect("articles");
    std::fs::copy(examples.join("issue.toml"), dir.join("issue.toml")).expect("manifest");
    std::fs::copy(examples.join("articles/01-changsha.md"), dir.join("articles/01-changsha.md")).expect("article");
    std::fs::write(dir.join("articles/bad.jpg"), "not a picture").expect("bad picture");
    let out = dir.join("issue.pdf");
    std::fs::write(&out, b"earlier").expect("earlier output");
    for (picture, says) in [("images/none.jpg", "no picture file"), ("bad.jpg", "neither a JPEG nor a PNG")] {
        std::fs::write(dir.join("articles/02-yiyang.md"), format!("第一段。\n\n![照片]({picture})\n"))
            .expect("article");
        let run = Command::new(env!("CARGO_BIN_EXE_jianbao"))
            .arg("build")
            .arg(dir.join("issue.toml"))
            .arg("-o")
            .arg(&out)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(says) && stderr.contains("02-yiyang.md:3:7"), "{stderr}");
        assert_eq!(std::fs::read(&out).expect("output"), b"earlier");
    }
}

/// The outline has an entry per article and, under it, one per level-1 heading.
#[test]
fn the_outline_lists_level_one_headings_under_their_article() {
    let pdf = example("outline");
    let tree = pdfread::outline_tree(&pdf);
    assert_eq!(tree.len(), 3, "{tree:?}");
    assert_eq!(tree[0].1, ["一、总体要求", "二、重点任务", "三、工作要求"], "{tree:?}");
    assert!(tree[1].1.is_empty() && tree[2].1.is_empty(), "{tree:?}");
}

/// `jianbao text` lists the contents box where it is printed — its title and every article's
/// title, after the issue's editor's note and before the first article — and everything it
/// prints is drawn in that order in the PDF (the box's page numbers drawn between).
#[test]
fn the_text_command_lists_the_contents_box_in_reading_order() {
    let run = Command::new(env!("CARGO_BIN_EXE_jianbao")).arg("text").arg(EXAMPLE).output().expect("jianbao runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = String::from_utf8(run.stdout).expect("UTF-8");
    let issue = jianbao::manifest::load(Path::new(EXAMPLE)).expect("loads");
    let (doc, _) = jianbao::document::from_issue(&issue).expect("screens");
    let titles: Vec<String> = doc.articles.iter().map(|a| a.title.to_string()).collect();
    let lines: Vec<&str> = text.lines().collect();
    let boxed = lines.iter().position(|l| *l == "本期要目").expect("the contents title is listed");
    assert!(lines[boxed - 1].starts_with("编者按：做好"), "after the issue's editor's note: {}", lines[boxed - 1]);
    assert_eq!(lines[boxed + 1..boxed + 1 + titles.len()], titles.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    // Then the first article's own title.
    assert_eq!(lines[boxed + 1 + titles.len()], titles[0]);
    // The PDF draws all of it in that order (page numbers and folios between).
    let pdf = example("text-order");
    let drawn: String = pdfread::extract_text(&pdf).concat().chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = drawn.as_str();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let at =
            rest.find(c).unwrap_or_else(|| panic!("{c} is not drawn in order; left: {}", &rest[..rest.len().min(60)]));
        rest = &rest[at + c.len_utf8()..];
    }
}
