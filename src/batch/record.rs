//! Recording each issue as it finishes: its stamp and its index row are written (stamp file,
//! `index.csv`, `index.json`, each replaced atomically) the moment its PDF is in place, so a
//! batch that is interrupted resumes where it stopped. A file whose content would not change
//! is not rewritten, so an up-to-date batch writes nothing at all.

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
    /// The stamp file, `index.csv` and `index.json` as they are on disk.
    on_disk: [String; 3],
}

impl Recorder {
    /// A recorder for `outdir`, starting from the stamps found there.
    pub fn new(outdir: &Path, stamps: Stamps) -> Recorder {
        let read = |name: &str| std::fs::read_to_string(outdir.join(name)).unwrap_or_default();
        let on_disk = [read(stamp::FILE), read(index::FILES[0]), read(index::FILES[1])];
        Recorder { outdir: outdir.to_path_buf(), state: Mutex::new(State { stamps, on_disk }) }
    }

    /// Records a PDF just written (or found up to date) and writes the files at once.
    pub fn record(&self, output: &str, entry: &Entry) -> std::io::Result<()> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
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
        let written = self.write(&mut state);
        (state.stamps.pdf.values().map(|e| e.row.clone()).collect(), written)
    }

    /// Writes the stamp file and the index where their content changed.
    fn write(&self, state: &mut State) -> std::io::Result<()> {
        let rows: Vec<&Row> = state.stamps.pdf.values().map(|e| &e.row).collect();
        let texts = [state.stamps.to_text()?, index::csv(&rows), index::json(&rows)];
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
