//! The crate's top-level modules import each other without a cycle: each depends only on the
//! layers below it (`docs/architecture.md` lists them in order). Read from the sources: every
//! `crate::X` path in `src/**/*.rs` (comments, strings and character literals left out; the
//! names at the top of a `crate::{…}` group each count) is an edge from the file's top-level
//! module to `X`, tests inside `src` included.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("src is readable").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` with comments, string literals and character literals blanked out (newlines kept,
/// so that line numbers stay right).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident(chars.get(i.wrapping_sub(1))) {
            // A raw string: r"…", r#"…"#, …
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            while i < chars.len() {
                if chars[i] == '"' && chars[i + 1..].iter().take(hashes).filter(|&&c| c == '#').count() == hashes {
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                out.push(blank(chars.get(i).copied().unwrap_or(' ')));
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{2060}'), or a lifetime or label ('a), kept.
            let end = if next == Some('\\') {
                chars.get(i + 3..).unwrap_or(&[]).iter().take(10).position(|&c| c == '\'').map(|p| i + 3 + p)
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match end {
                Some(end) => i = end + 1,
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `c` can be part of an identifier.
fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The top-level modules that `code` names through `crate::`, each with the line it is first
/// named on.
fn references(code: &str) -> Vec<(String, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let line_of = |at: usize| chars[..at].iter().filter(|&&c| c == '\n').count() + 1;
    let word = |at: usize| -> String { chars[at..].iter().take_while(|c| ident(Some(c))).collect() };
    let skip_space = |mut at: usize| {
        while chars.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        at
    };
    let mut i = 0;
    while i + 5 <= chars.len() {
        let is_crate = chars[i..i + 5].iter().collect::<String>() == "crate" && !ident(chars.get(i.wrapping_sub(1)));
        if !is_crate {
            i += 1;
            continue;
        }
        let after = skip_space(i + 5);
        if chars.get(after) != Some(&':') || chars.get(after + 1) != Some(&':') {
            i += 5;
            continue;
        }
        let at = skip_space(after + 2);
        if chars.get(at) == Some(&'{') {
            // `crate::{a, b::{c, d}, e}`: a, b and e.
            let (mut depth, mut j, mut expect_name) = (1, at + 1, true);
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 1 => expect_name = true,
                    c if depth == 1 && expect_name && ident(Some(&c)) => {
                        out.push((word(j), line_of(j)));
                        expect_name = false;
                        j += word(j).chars().count();
                        continue;
                    }
                    _ => {}
                }
                j += 1;
            }
            i = j;
        } else {
            out.push((word(at), line_of(at)));
            i = at;
        }
    }
    out
}

/// The top-level module a file under `src` belongs to (`None` for the crate root files).
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?.as_os_str().to_str()?.to_string();
    match first.strip_suffix(".rs") {
        Some("lib" | "main") => None,
        Some(name) => Some(name.to_string()),
        None => Some(first),
    }
}

/// The module graph: for each top-level module, the modules it names, each with the first
/// place (`file:line`) it does.
fn graph(src: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| top_module(src, f)).collect();
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in &files {
        let Some(from) = top_module(src, file) else { continue };
        let text = std::fs::read_to_string(file).expect("a source file is UTF-8");
        for (to, line) in references(&code_only(&text)) {
            if to != from && modules.contains(&to) {
                let place = format!("{}:{line}", file.strip_prefix(src).unwrap_or(file).display());
                edges.entry(from.clone()).or_default().entry(to).or_insert(place);
            }
        }
    }
    edges
}

/// A cycle of the graph, as its modules in order (the first repeated at the end), if any.
fn cycle(edges: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    /// Depth-first search; `path` holds the modules being visited.
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeMap<String, String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|&n| n == node) {
            let mut found: Vec<String> = path[at..].iter().map(ToString::to_string).collect();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = graph(&src);
    assert!(edges.get("setting").is_some_and(|to| to.contains_key("compose")), "the graph is read: {edges:?}");
    if let Some(found) = cycle(&edges) {
        let steps: Vec<String> =
            found.windows(2).map(|w| format!("  {} → {}   ({})", w[0], w[1], edges[&w[0]][&w[1]])).collect();
        panic!("the top-level modules import each other in a cycle:\n{}", steps.join("\n"));
    }
}

#[test]
fn the_reader_sees_paths_not_comments_or_strings() {
    let code = code_only(
        "use crate::a::X; // crate::b\nlet s = \"crate::c\"; let c = '\"'; let q = '\\''; let r = r#\"crate::d\"#;\n\
         use crate::{e, f::{g, h}, i::*};\nfn x<'a>(y: &'a str) { crate::j::k(y) }\n/* crate::l */",
    );
    let names: Vec<(String, usize)> = references(&code);
    let want = [("a", 1), ("e", 3), ("f", 3), ("i", 3), ("j", 4)];
    assert_eq!(names, want.map(|(n, l)| (n.to_string(), l)));
    let graph = BTreeMap::from([
        ("a".to_string(), BTreeMap::from([("b".to_string(), "a.rs:1".to_string())])),
        ("b".to_string(), BTreeMap::from([("a".to_string(), "b.rs:1".to_string())])),
    ]);
    assert_eq!(cycle(&graph), Some(vec!["a".to_string(), "b".to_string(), "a".to_string()]));
}
