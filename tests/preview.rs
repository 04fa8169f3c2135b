//! PNG previews of the example issue, compared with poppler's rendering of the PDF built from
//! the same pages (`pdftoppm -r DPI -png`), and written to a folder the way `preview` does.
//!
//! The bound on the difference: across 72–300 dpi the two renderings differ by 0.5–1.8 per
//! channel on average (0–255 scale), from anti-aliasing (FreeType's exact coverage against
//! tiny-skia's supersampling) and ink black (the output profile's 43/43/42 against poppler's
//! fixed 35/31/32). [`BOUND`] leaves room for that and little more: the same pages with the
//! glyphs at their exact places instead of on the viewer's pixel grid (a shift of under one
//! pixel) differ by 4.4–6.7.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use jianbao::png::{PreviewError, render_pages, render_rgb, write_previews};

const EXAMPLE: &str = "examples/lianluo-2021-04/issue.toml";

/// The largest mean absolute difference per channel allowed between a preview page and
/// pdftoppm's rendering of the PDF page.
const BOUND: f64 = 2.5;

/// A fresh folder under the system temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jianbao-preview-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

/// Decodes an 8-bit RGB PNG: width, height, pixels.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("decodes");
    assert_eq!((info.color_type, info.bit_depth), (png::ColorType::Rgb, png::BitDepth::Eight));
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// Mean absolute difference of each channel between two RGB buffers of one size.
fn mean_difference(a: &[u8], b: &[u8]) -> [f64; 3] {
    let mut sums = [0u64; 3];
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        sums[i % 3] += u64::from(x.abs_diff(*y));
    }
    let pixels = (a.len() / 3).max(1) as f64;
    sums.map(|s| s as f64 / pixels)
}

/// Whether pdftoppm can be run.
fn have_pdftoppm() -> bool {
    Command::new("pdftoppm").arg("-v").output().is_ok()
}

/// pdftoppm's pages of `pdf` at `dpi`, decoded, in page order.
fn pdftoppm(pdf: &Path, dpi: u32, dir: &Path) -> Vec<(u32, u32, Vec<u8>)> {
    let prefix = dir.join(format!("poppler-{dpi}"));
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let stem = format!("poppler-{dpi}-");
    let mut pages: Vec<(usize, PathBuf)> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let n = name.strip_prefix(&stem)?.strip_suffix(".png")?.parse().ok()?;
            Some((n, e.path()))
        })
        .collect();
    pages.sort();
    pages.iter().map(|(_, path)| decode(&std::fs::read(path).expect("read"))).collect()
}

#[test]
fn preview_matches_pdftoppm_of_the_pdf() {
    if !have_pdftoppm() {
        eprintln!("note: pdftoppm not found (poppler-utils); the comparison with the PDF was skipped");
        return;
    }
    let dir = temp_dir("pdftoppm");
    let set = jianbao::build::typeset(Path::new(EXAMPLE), &Default::default()).expect("the example lays out");
    let pdf = jianbao::pdf::write_pdf(&set.pages, &set.metadata, &set.book).expect("the PDF is made");
    let pdf_path = dir.join("issue.pdf");
    std::fs::write(&pdf_path, pdf).expect("write the PDF");
    for dpi in [100, 150] {
        let started = Instant::now();
        let pngs = render_pages(&set.pages, &set.book, dpi as f32).expect("previews draw");
        eprintln!("{} pages at {dpi} dpi drawn and encoded in {:?}", pngs.len(), started.elapsed());
        let reference = pdftoppm(&pdf_path, dpi, &dir);
        assert_eq!(pngs.len(), reference.len(), "one PNG per PDF page at {dpi} dpi");
        for (n, (png, (rw, rh, rpixels))) in pngs.iter().zip(&reference).enumerate() {
            let (w, h, pixels) = decode(png);
            assert_eq!((w, h), (*rw, *rh), "page {} at {dpi} dpi", n + 1);
            let diff = mean_difference(&pixels, rpixels);
            eprintln!("page {} at {dpi} dpi: mean difference per channel {diff:.3?}", n + 1);
            assert!(diff.iter().all(|&d| d < BOUND), "page {} at {dpi} dpi differs by {diff:?}", n + 1);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn preview_of_the_example_is_deterministic_and_inked() {
    let set = jianbao::build::typeset(Path::new(EXAMPLE), &Default::default()).expect("the example lays out");
    let first = render_pages(&set.pages, &set.book, 80.0).expect("draws");
    let again = render_pages(&set.pages, &set.book, 80.0).expect("draws");
    assert_eq!(first, again, "same pages, same bytes");
    let page = render_rgb(&set.pages[0], &set.book, 80.0).expect("draws");
    assert_eq!((page.width, page.height), (662, 936), "A4 at 80 dpi, rounded up");
    assert_eq!(decode(&first[0]).2, page.pixels);
    // Paper white around the text, some red (the masthead) and some near-black ink.
    let pixels: Vec<&[u8]> = page.pixels.chunks_exact(3).collect();
    assert_eq!(pixels[0], [255, 255, 255]);
    assert!(pixels.iter().filter(|p| p[0] > 200 && p[1] < 120).count() > 1000, "the red masthead");
    assert!(pixels.iter().filter(|p| p[0] < 80 && p[1] < 80).count() > 1000, "black text");
}

#[test]
fn previews_are_written_as_page_files_and_only_those_are_replaced() {
    let dir = temp_dir("write");
    let out = dir.join("previews/nested");
    let set = jianbao::build::typeset(Path::new(EXAMPLE), &Default::default()).expect("the example lays out");
    std::fs::create_dir_all(&out).expect("create");
    for (name, text) in [("page-1.png", "old"), ("page-7.png", "stale"), ("page-07.png", "kept"), ("notes.txt", "kept")]
    {
        std::fs::write(out.join(name), text).expect("write");
    }
    let written = write_previews(&set.pages, &set.book, &out, 72.0).expect("writes");
    assert_eq!(written, vec![out.join("page-1.png"), out.join("page-2.png")]);
    let mut names: Vec<String> =
        std::fs::read_dir(&out).expect("list").flatten().filter_map(|e| e.file_name().into_string().ok()).collect();
    names.sort();
    assert_eq!(names, ["notes.txt", "page-07.png", "page-1.png", "page-2.png"], "stale page-7 removed, no temp files");
    assert_eq!(&std::fs::read(out.join("page-1.png")).expect("read")[1..4], b"PNG");
    assert_eq!(std::fs::read_to_string(out.join("page-07.png")).expect("read"), "kept");

    // A folder that cannot be made: an error naming it, nothing written.
    let blocked = dir.join("file");
    std::fs::write(&blocked, "a file").expect("write");
    let err = write_previews(&set.pages, &set.book, &blocked.join("sub"), 72.0).expect_err("not a folder");
    assert!(matches!(&err, PreviewError::Io { path, .. } if path == &blocked.join("sub")), "{err}");
    // A bad resolution fails before anything is touched.
    let fresh = dir.join("fresh");
    assert!(matches!(write_previews(&set.pages, &set.book, &fresh, 0.0), Err(PreviewError::Dpi(_))));
    assert!(!fresh.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn preview_command_writes_one_png_per_page() {
    let dir = temp_dir("cli");
    let out = dir.join("png");
    let run = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["preview", EXAMPLE, "-o"])
        .arg(&out)
        .args(["--dpi", "60"])
        .output()
        .expect("runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("wrote 2 pages"));
    let (w, h, _) = decode(&std::fs::read(out.join("page-2.png")).expect("page 2"));
    assert_eq!((w, h), (497, 702));
    let bad = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["preview", EXAMPLE, "-o"])
        .arg(&out)
        .args(["--dpi", "0"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2), "a usage error");
    let missing = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(["preview", "no-such-issue.toml", "-o"])
        .arg(dir.join("none"))
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(!dir.join("none").exists(), "nothing made for an issue that does not lay out");
    let _ = std::fs::remove_dir_all(&dir);
}
