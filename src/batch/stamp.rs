//! The stamp file beside the outputs (`OUTDIR/.jianbao-batch.toml`): for every PDF a batch
//! wrote, the digest of its inputs, the size and time of change of the file as written, and
//! its row of the archive index. It decides whether an issue can be skipped.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::index::Row;

/// The stamp file's name inside the output folder.
pub const FILE: &str = ".jianbao-batch.toml";

/// What the stamp records of one PDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Digest of every input the PDF was made from (hex).
    pub inputs: String,
    /// The PDF file as written: size in bytes.
    pub size: u64,
    /// The PDF file as written: time of last change, nanoseconds since 1970.
    pub changed: u64,
    /// The manifest it was built from, as found.
    pub manifest: String,
    /// Its row of the archive index.
    pub row: Row,
}

/// The stamp file: entries by output path (relative to the output folder, `/`-separated).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stamps {
    /// Format version.
    pub version: u32,
    /// The entries.
    #[serde(default)]
    pub pdf: BTreeMap<String, Entry>,
}

impl Stamps {
    /// Reads the stamps of `outdir`; none when the file is absent or unreadable (then every
    /// issue is built, and the file is written afresh).
    pub fn read(outdir: &Path) -> Stamps {
        let text = std::fs::read_to_string(outdir.join(FILE)).unwrap_or_default();
        match toml::from_str::<Stamps>(&text) {
            Ok(stamps) if stamps.version == 1 => stamps,
            _ => Stamps::default(),
        }
    }

    /// Writes the stamps into `outdir` atomically.
    pub fn write(&self, outdir: &Path) -> std::io::Result<()> {
        crate::build::replace_atomically(&outdir.join(FILE), self.to_text()?.as_bytes())
    }

    /// The stamp file's text.
    pub fn to_text(&self) -> std::io::Result<String> {
        let stamps = Stamps { version: 1, pdf: self.pdf.clone() };
        let text = toml::to_string(&stamps).map_err(std::io::Error::other)?;
        Ok(format!("{HEADER}{text}"))
    }

    /// The stamp file's text from the entries already written as tables ([`table`]): the
    /// same text as [`Stamps::to_text`], without serialising every entry again.
    pub fn text_of<S: AsRef<str>>(tables: &[S]) -> String {
        let mut out = format!("{HEADER}version = 1\n");
        if tables.is_empty() {
            out.push_str("\n[pdf]\n"); // as toml writes an empty table
        }
        for table in tables {
            out.push_str(table.as_ref());
        }
        out
    }
}

/// The comment that opens the stamp file.
const HEADER: &str = "# Written by `jianbao batch`: what each PDF here was built from. Delete it to rebuild all.\n";

/// One entry of the stamp file as its tables (`[pdf."…"]` and its row), as they stand in
/// the whole file.
pub fn table(output: &str, entry: &Entry) -> std::io::Result<String> {
    let one = Stamps { version: 1, pdf: BTreeMap::from([(output.to_string(), entry.clone())]) };
    let text = toml::to_string(&one).map_err(std::io::Error::other)?;
    Ok(text.strip_prefix("version = 1\n").unwrap_or(&text).to_string())
}

/// A file's size and time of change, or `None` when it does not exist.
pub fn fingerprint(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file)?;
    Some((meta.len(), meta.modified().map_or(0, nanos)))
}

/// Nanoseconds since 1970 (0 before it).
pub(crate) fn nanos(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// Why an issue is built rather than skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// `--force`.
    Forced,
    /// No stamp records the PDF: never built here.
    New,
    /// An input's content differs from the last build's.
    Changed,
    /// The PDF is gone.
    Missing,
    /// The PDF was replaced or altered since the batch wrote it.
    Altered,
    /// A source file was saved or touched after the PDF was written (same content).
    Touched,
}

impl Reason {
    /// How the summary words it.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Forced => "forced",
            Reason::New => "new",
            Reason::Changed => "inputs changed",
            Reason::Missing => "PDF missing",
            Reason::Altered => "PDF altered",
            Reason::Touched => "source touched",
        }
    }
}

/// The incremental decision: `None` to skip (the PDF is there, as written, from the same
/// inputs), else why to build. `output` is the PDF's [`fingerprint`] now.
pub fn decide(previous: Option<&Entry>, inputs: &str, output: Option<(u64, u64)>, force: bool) -> Option<Reason> {
    if force {
        return Some(Reason::Forced);
    }
    let Some(previous) = previous else {
        return Some(Reason::New);
    };
    match output {
        _ if previous.inputs != inputs => Some(Reason::Changed),
        None => Some(Reason::Missing),
        Some(now) if now != (previous.size, previous.changed) => Some(Reason::Altered),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(inputs: &str) -> Entry {
        let row = Row {
            file: "2021/04.pdf".into(),
            series: "联络动态".into(),
            number: 4,
            total: Some(627),
            date: "2021-04-03".into(),
            pages: 2,
            titles: vec!["标题".into()],
            bytes: 100,
        };
        Entry { inputs: inputs.into(), size: 100, changed: 7, manifest: "issue.toml".into(), row }
    }

    #[test]
    fn up_to_date_is_skipped() {
        assert_eq!(decide(Some(&entry("abc")), "abc", Some((100, 7)), false), None);
    }

    #[test]
    fn each_reason_to_build() {
        let e = entry("abc");
        assert_eq!(decide(Some(&e), "abc", Some((100, 7)), true), Some(Reason::Forced));
        assert_eq!(decide(None, "abc", Some((100, 7)), false), Some(Reason::New));
        assert_eq!(decide(Some(&e), "abd", Some((100, 7)), false), Some(Reason::Changed));
        assert_eq!(decide(Some(&e), "abc", None, false), Some(Reason::Missing));
        assert_eq!(decide(Some(&e), "abc", Some((101, 7)), false), Some(Reason::Altered));
        assert_eq!(decide(Some(&e), "abc", Some((100, 8)), false), Some(Reason::Altered));
    }

    #[test]
    fn stamps_round_trip_and_a_damaged_file_means_none() {
        let dir = std::env::temp_dir().join(format!("jianbao-stamps-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let mut stamps = Stamps::default();
        stamps.pdf.insert("2021/04.pdf".into(), entry("abc"));
        assert!(stamps.write(&dir).is_ok());
        let read = Stamps::read(&dir);
        assert_eq!(read.version, 1);
        assert_eq!(read.pdf, stamps.pdf);
        assert!(std::fs::write(dir.join(FILE), "version = 1\n[pdf.x]\ninputs = 3\n").is_ok());
        assert_eq!(Stamps::read(&dir), Stamps::default());
    }
}
