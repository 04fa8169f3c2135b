//! Arbitrary bytes as an issue manifest: loading must end in an `Issue` or a diagnostic,
//! and a diagnostic must render.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// A folder with one article file, so `file = "a.md"` can succeed.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("jianbao-fuzz-manifest-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("a.md"), "正文。\n\n**聚焦。**第二段。\n");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = folder().join("issue.toml");
    match jianbao::manifest::parse_str(text, &path) {
        Ok(issue) => {
            if let Ok((document, _)) = jianbao::document::from_issue(&issue) {
                let _ = document.plain_text().len();
            }
        }
        Err(diagnostic) => {
            let _ = diagnostic.to_string();
        }
    }
});
