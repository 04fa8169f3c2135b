//! Recording each issue as it finishes: its stamp and its index row are written (stamp file,
//! `index.csv`, `index.json`, each replaced atomically) the moment its PDF is in place, so a
//! batch that is interrupted resumes where it stopped. A file whose content would not change
//! is not rewritten, so an up-to-date batch writes nothing at all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::index::{self, Row};
use super::stamp::{self, Entry, Stamps, fingerprint};
use crate::build::replace_atomically;

/// The stamps of the output folder, kept current on disk.
pub struct Recorder {
    /// The output folder.
    outdir: PathBuf,
    /// The stamps and the text last written to (or found in) each file.
    state: Mutex<State>,
}

/// What the recorder holds under its lock.
struct State {
    /// Every PDF's stamp.
    stamps: Stamps,
    /// Every PDF's part of the three files, written when its stamp was recorded, so that a
    /// file is put together without serialising every stamp again after each issue.
    parts: BTreeMap<String, Parts>,
    /// The stamp file, `index.csv` and `index.json` as they are on disk.
    on_disk: [String; 3],
}

/// One PDF's part of each file: its tables in the stamp file, its line of `index.csv`, its
/// object of `index.json`.
struct Parts([String; 3]);

impl Parts {
    /// The parts of the PDF `output` stamped `entry`.
    fn of(output: &str, entry: &Entry) -> std::io::Result<Parts> {
        Ok(Parts([stamp::table(output, entry)?, index::csv_line(&entry.row), index::json_object(&entry.row)]))
    }
}

impl Recorder {
    /// A recorder for `outdir`, starting from the stamps found there.
    pub fn new(outdir: &Path, stamps: Stamps) -> Recorder {
        let read = |name: &str| std::fs::read_to_string(outdir.join(name)).unwrap_or_default();
        let on_disk = [read(stamp::FILE), read(index::FILES[0]), read(index::FILES[1])];
        // An entry that cannot be written is left out here; recording or finishing fails on it.
        let parts = (stamps.pdf.iter())
            .filter_map(|(output, entry)| Some((output.clone(), Parts::of(output, entry).ok()?)))
            .collect();
        Recorder { outdir: outdir.to_path_buf(), state: Mutex::new(State { stamps, parts, on_disk }) }
    }

    /// Records a PDF just written (or found up to date) and writes the files at once.
    pub fn record(&self, output: &str, entry: &Entry) -> std::io::Result<()> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        // An issue found up to date leaves its stamp as it was: nothing to write (serialising
        // every stamp again after each of 240 skipped issues was most of a batch's time).
        if state.stamps.pdf.get(output) == Some(entry) {
            return Ok(());
        }
        state.parts.insert(output.to_string(), Parts::of(output, entry)?);
        state.stamps.pdf.insert(output.to_string(), entry.clone());
        self.write(&mut state)
    }

    /// The final stamps, only for PDFs that exist, written; with the index's rows. (The files
    /// are not flushed to disk: after a power cut a stamp can only be missing, and a missing
    /// stamp means a rebuild, never a PDF wrongly taken as up to date.)
    pub fn finish(&self) -> (Vec<Row>, std::io::Result<()>) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let outdir = &self.outdir;
        state.stamps.pdf.retain(|file, _| fingerprint(&outdir.join(file)).is_some());
        let State { stamps, parts, .. } = &mut *state;
        parts.retain(|file, _| stamps.pdf.contains_key(file));
        let written = self.write(&mut state);
        (state.stamps.pdf.values().map(|e| e.row.clone()).collect(), written)
    }

    /// Writes the stamp file and the index where their content changed.
    fn write(&self, state: &mut State) -> std::io::Result<()> {
        let part = |n: usize| state.parts.values().map(|p| p.0[n].as_str()).collect::<Vec<&str>>();
        let texts = [Stamps::text_of(&part(0)), index::csv_of(&part(1)), index::json_of(&part(2))];
        let names = [stamp::FILE, index::FILES[0], index::FILES[1]];
        for ((text, name), disk) in texts.into_iter().zip(names).zip(state.on_disk.iter_mut()) {
            if *disk == text {
                continue;
            }
            replace_atomically(&self.outdir.join(name), text.as_bytes())?;
            *disk = text;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stamp with an index row that needs quoting and escaping.
    fn entry(n: u32) -> Entry {
        Entry {
            inputs: format!("{n:064x}"),
            size: 1000 + u64::from(n),
            changed: 1_796_211_487_492_805_033 + u64::from(n),
            manifest: format!("issues/2021/{n:02}/issue.toml"),
            row: Row {
                file: format!("2021/{n:02}.pdf"),
                series: "联络动态".into(),
                number: u64::from(n),
                total: n.is_multiple_of(2).then_some(600 + u64::from(n)),
                date: "2021-04-03".into(),
                pages: 2,
                titles: vec!["长沙市开展“走访”活动".into(), "a, \"b\"\n\\c".into()],
                bytes: 198_000,
            },
        }
    }

    #[test]
    fn files_put_together_from_parts_are_the_files_written_whole() {
        for count in [0, 1, 2, 7] {
            let mut stamps = Stamps::default();
            let mut parts = BTreeMap::new();
            for n in 1..=count {
                let output = format!("2021/{n:02}.pdf");
                parts.insert(output.clone(), Parts::of(&output, &entry(n)).expect("parts"));
                stamps.pdf.insert(output, entry(n));
            }
            let part = |i: usize| parts.values().map(|p: &Parts| p.0[i].as_str()).collect::<Vec<&str>>();
            let rows: Vec<&Row> = stamps.pdf.values().map(|e| &e.row).collect();
            assert_eq!(Stamps::text_of(&part(0)), stamps.to_text().expect("stamps"), "{count} stamps");
            // The index files read back as the rows, one CSV line and one JSON object each.
            let csv = index::csv_of(&part(1));
            assert_eq!(csv.matches("\r\n").count(), count as usize + 1, "{csv}");
            assert!(csv.starts_with("file,series,number,total,date,pages,titles,bytes\r\n"), "{csv}");
            let json: Vec<Row> = serde_json::from_str(&index::json_of(&part(2))).expect("index.json reads");
            assert_eq!(json, rows.iter().map(|&r| r.clone()).collect::<Vec<Row>>());
            let read: Stamps = toml::from_str(&Stamps::text_of(&part(0))).expect("reads back");
            assert_eq!(read.pdf, stamps.pdf);
        }
    }
}
