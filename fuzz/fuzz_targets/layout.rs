//! Arbitrary bytes as a layout file: parsing must end in a layout or an error that renders;
//! a layout that parses (with the bundled fonts) sets and flows a short article without a
//! panic or a hang, whatever its numbers.

#![no_main]

#[path = "../common/mod.rs"]
mod common;

use std::path::Path;

use jianbao::setting::{Setter, load_fonts, set_document};
use libfuzzer_sys::fuzz_target;

/// The article set with every layout that parses.
const ARTICLE: &str = "长沙市人大常委会开展代表联络站活动，接待群众2021人次。\n\n**聚焦主题主线。**第二段正文。\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let layout = match jianbao::layout::parse(text, Path::new("fuzz.toml")) {
        Ok(layout) => layout,
        Err(error) => {
            let _ = error.to_string();
            return;
        }
    };
    // Only the bundled faces: a fuzzed path must not read the machine's files.
    let bundled = |name: &String| name.starts_with("Noto Serif CJK SC");
    if !layout.fonts.values().all(bundled) {
        return;
    }
    let Ok((book, faces)) = load_fonts(&layout) else {
        return;
    };
    let Some(document) = common::document(ARTICLE) else {
        return;
    };
    let setter = Setter::new(&layout, &book, &faces);
    if let Ok(galley) = set_document(&document, &setter) {
        let _ = jianbao::flow::flow(galley, &layout);
    }
});
