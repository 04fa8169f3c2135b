//! The rows for issue 12 (hangs, limits, files that are not files, series rules, encodings,
//! fonts, invisible characters): each fails at once with its message, or builds.

use std::path::Path;

use super::{Case, LAYOUT, at, builds, layout, layout_line, manifest, with_layout};

/// A series file for the bulletin of the manifest (same title), with `[totals]` for 2020 only.
const SERIES_2020: &str = "[series]\ntitle = \"联络动态\"\n\n[totals]\n2020 = 600\n";

/// Makes `font.ttf` a named pipe that no one writes to.
fn fifo_font(dir: &Path) {
    let made = std::process::Command::new("mkfifo").arg(dir.join("font.ttf")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
}

/// Makes `font.ttf` a 300 MB file (sparse: no disk is used).
fn huge_font(dir: &Path) {
    let file = std::fs::File::create(dir.join("font.ttf")).expect("font file");
    file.set_len(300_000_000).expect("sparse length");
}

/// Makes `font.ttf` the bundled font cut to half its length.
fn truncated_font(dir: &Path) {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSerifCJK-Regular.ttc"));
    let bytes = bytes.expect("bundled font");
    std::fs::write(dir.join("font.ttf"), &bytes[..bytes.len() / 2]).expect("cut font");
}

/// Plants a link where a careless temporary file would go, pointing at a file to keep.
fn planted_links(dir: &Path) {
    std::fs::write(dir.join("victim"), "keep").expect("victim");
    for name in [".out.pdf.tmp", ".jianbao-1-aaaaaaaa.tmp", ".jianbao-99999999-aaaaaaaa.tmp"] {
        std::os::unix::fs::symlink(dir.join("victim"), dir.join(name)).expect("link");
    }
}

/// The two-column layout with six narrow columns, as `my.toml`.
fn six_columns() -> (&'static str, Vec<u8>) {
    let text = LAYOUT
        .replacen("columns = 2", "columns = 6", 1)
        .replacen("column_chars = 21", "column_chars = 7", 1)
        .replacen("gutter_chars = 2", "gutter_chars = 1", 1);
    ("my.toml", text.into_bytes())
}

/// A layout naming `font.ttf` for its regular face.
fn font_file_layout() -> Vec<(&'static str, Vec<u8>)> {
    vec![with_layout(), layout("regular = \"Noto Serif CJK SC\"", "regular = \"font.ttf\"")]
}

/// The rows.
pub(super) fn cases() -> Vec<Case> {
    let m = |from: &str, to: &str| vec![("issue.toml", manifest(from, to))];
    let fonts_line = layout_line("regular = ");
    vec![
        // Runaway cost: these build, within the time bound.
        builds(
            "six columns",
            vec![with_layout(), six_columns(), ("a.md", "代表联络工作。\n\n".repeat(200).into_bytes())],
            "",
        ),
        builds(
            "3,000-character phone",
            m("editors = [", &format!("phone = \"{}\"\neditors = [", "1".repeat(3000))),
            "",
        ),
        at(
            "2,000-character editor name",
            m("\"石韧\"", &format!("\"{}\"", "韧".repeat(2000))),
            "the closing block takes",
            ("issue.toml", 19, 13),
        ),
        builds("an article of ——", vec![("a.md", "——".repeat(20_000).into_bytes())], ""),
        // Files that are not files, and sizes.
        at(
            "font a named pipe",
            font_file_layout(),
            "not a regular file (a folder, a device or a pipe)",
            ("my.toml", fonts_line, 11),
        )
        .with_setup(fifo_font),
        at(
            "font /dev/zero",
            vec![with_layout(), layout("regular = \"Noto Serif CJK SC\"", "regular = \"/dev/zero\"")],
            "not a regular file",
            ("my.toml", fonts_line, 11),
        ),
        at("font of 300 MB", font_file_layout(), "over the limit of 128 MiB for a font", ("my.toml", fonts_line, 11))
            .with_setup(huge_font),
        at("font cut short", font_file_layout(), "the file is cut short", ("my.toml", fonts_line, 11))
            .with_setup(truncated_font),
        at(
            "font not a font",
            vec![with_layout(), layout("regular = \"Noto Serif CJK SC\"", "regular = \"a.md\"")],
            "not a font file",
            ("my.toml", fonts_line, 11),
        ),
        at(
            "layout a device",
            m("publisher = ", "layout = \"/dev/zero\"\npublisher = "),
            "not a regular file",
            ("issue.toml", 3, 10),
        ),
        at(
            "three 1 MiB articles",
            vec![
                (
                    "issue.toml",
                    manifest(
                        "file = \"a.md\"",
                        "file = \"big.md\"\n\n[[article]]\ntitle = \"二\"\nfile = \"big.md\"\n\n[[article]]\ntitle = \"三\"\nfile = \"big.md\"",
                    ),
                ),
                ("big.md", "联络".repeat((1 << 20) / 6 - 1).into_bytes()),
            ],
            "over the limit of 2 MiB per issue",
            ("issue.toml", 17, 8),
        ),
        // Overwrites: a planted link is never followed; a long output name fits.
        builds("links planted at temporary names", vec![], "").with_setup(planted_links),
        builds("a 250-byte output name", vec![], "").writing(LONG_NAME),
        // Series and totals.
        at(
            "no total for the year",
            vec![("issue.toml", manifest("total = 627\n", "")), ("series.toml", SERIES_2020.as_bytes().to_vec())],
            "`[totals]` has no line for 2021",
            ("series.toml", 4, 1),
        ),
        at(
            "series file of another bulletin",
            vec![("series.toml", "[series]\ntitle = \"别的简报\"\npinyin = \"BIEDE\"\n".into())],
            "is for 《别的简报》, not 《联络动态》",
            ("issue.toml", 2, 9),
        ),
        at(
            "empty series title",
            m("title = \"联络动态\"", "title = \" \""),
            "`series.title` is empty",
            ("issue.toml", 2, 9),
        ),
        // Encodings.
        at(
            "manifest in UTF-16",
            vec![("issue.toml", utf16(&String::from_utf8_lossy(&manifest("", ""))))],
            "is UTF-16 (little-endian, with a byte-order mark), not UTF-8",
            ("issue.toml", 1, 1),
        ),
        at(
            "series file not UTF-8",
            vec![("series.toml", b"[series]\npinyin = \"LIAN\xB0\"\n".to_vec())],
            "is not UTF-8: byte 0xB0",
            ("series.toml", 2, 15),
        ),
        at(
            "layout not UTF-8",
            vec![with_layout(), ("my.toml", b"\n# \xC4\xE3\n".to_vec())],
            "is not UTF-8: byte 0xC4",
            ("my.toml", 2, 3),
        ),
        // Characters kept, not drawn, warned.
        builds(
            "isolates and other invisible characters",
            vec![(
                "a.md",
                "甲\u{2066}乙\u{2069}丙\u{180E}丁\u{061C}戊\u{E0041}己\u{202A}庚\u{202C}辛\u{200B}。\n".into(),
            )],
            "U+2066",
        ),
        builds("an ideographic variation sequence", vec![("a.md", "诸葛\u{E0100}亮。\n".into())], ""),
    ]
}

/// A 250-byte file name (82 three-byte characters and `.pdf`).
const LONG_NAME: &str = "长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长.pdf";

/// Text as UTF-16LE with a byte-order mark, as Windows Notepad once saved it.
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}
