//! A long issue for the benchmark and the layout checks: 60 articles (about 50 pages in the
//! two-column layout) of official prose, written as a manifest and article files.
//!
//! The text comes from `../shared/corpus/gov/` (国务院政府工作报告, public domain) when that
//! folder is there, else from the example issue's articles shipped in the repository, so it
//! works from a clean clone. The same inputs always give the same files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "../gov_text/mod.rs"]
mod gov_text;

use gov_text::{FALLBACK, SOURCES, heading, is_body, quote, read_corpus, split};

/// What to generate.
pub struct Options {
    /// Number of articles.
    pub articles: usize,
    /// The layout the manifest names.
    pub layout: String,
    /// The corpus folder; `None` or a missing folder means the shipped fallback text.
    pub corpus: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gov");
        Options { articles: 60, layout: "two-column".into(), corpus: Some(corpus) }
    }
}

/// One generated article.
struct Article {
    title: String,
    paragraphs: Vec<String>,
}

/// Writes `issue.toml` and `articles/NN.md` into `dir`; returns the manifest's path and
/// whether the corpus was used.
pub fn generate(dir: &Path, options: &Options) -> std::io::Result<(PathBuf, bool)> {
    let corpus = options.corpus.as_deref().map(read_corpus).unwrap_or_default();
    let from_corpus = !corpus.is_empty();
    let paragraphs = if from_corpus { corpus } else { FALLBACK.iter().flat_map(|t| split(t)).collect() };
    let articles = articles(&paragraphs, options.articles);
    std::fs::create_dir_all(dir.join("articles"))?;
    let mut manifest = header(&options.layout);
    for (i, a) in articles.iter().enumerate() {
        let file = format!("articles/{:02}.md", i + 1);
        std::fs::write(dir.join(&file), a.paragraphs.join("\n\n") + "\n")?;
        let source = format!("{}人大常委会联工委", SOURCES[i % SOURCES.len()]);
        let _ = write!(
            manifest,
            "\n[[article]]\ntitle = {}\nsource = {}\nfile = {}\n",
            quote(&a.title),
            quote(&source),
            quote(&file)
        );
    }
    manifest.push_str(FOOTER);
    let path = dir.join("issue.toml");
    std::fs::write(&path, manifest)?;
    Ok((path, from_corpus))
}

/// Groups paragraphs into `count` articles of 500–1750 characters, cycling the text; a
/// section heading titles the article that follows it, else the article's first clause does.
fn articles(paragraphs: &[String], count: usize) -> Vec<Article> {
    let mut rng = SplitMix(0x6a69_616e_6261_6f00);
    let mut out = Vec::with_capacity(count);
    let mut pending: Option<String> = None;
    let mut current = Article { title: String::new(), paragraphs: Vec::new() };
    let (mut length, mut target) = (0, rng.between(500, 1750));
    let body = paragraphs.iter().filter(|p| is_body(p) || heading(p).is_some()).count();
    for p in paragraphs.iter().cycle().take(if body == 0 { 0 } else { paragraphs.len() * (count + 1) }) {
        if out.len() == count {
            break;
        }
        if let Some(h) = heading(p) {
            pending = Some(h);
            continue;
        }
        if !is_body(p) && !p.contains("**") {
            continue;
        }
        if current.paragraphs.is_empty() {
            current.title = pending.take().unwrap_or_else(|| first_clause(p));
        }
        length += p.chars().count();
        current.paragraphs.push(lead(p));
        if length >= target {
            out.push(std::mem::replace(&mut current, Article { title: String::new(), paragraphs: Vec::new() }));
            (length, target) = (0, rng.between(500, 1750));
        }
    }
    out
}

/// A title from a paragraph: its first clause of 8 to 30 characters (markup removed), else
/// its opening 16 characters.
fn first_clause(p: &str) -> String {
    let plain = p.replace("**", "");
    plain
        .split(['，', '。', '：', '；'])
        .find(|c| (8..=30).contains(&c.chars().count()))
        .map_or_else(|| plain.chars().take(16).collect(), str::to_string)
}

/// Marks a numbered paragraph's first sentence as its bold run-in lead (`**（一）…。**`).
fn lead(p: &str) -> String {
    let numbered =
        p.starts_with('（') || ["一是", "二是", "三是", "四是", "五是", "六是"].iter().any(|s| p.starts_with(s));
    match p.find('。') {
        Some(end) if numbered && !p.contains("**") && p[..end].chars().count() <= 32 => {
            format!("**{}**{}", &p[..end + '。'.len_utf8()], &p[end + '。'.len_utf8()..])
        }
        _ => p.to_string(),
    }
}

/// The manifest's masthead part.
fn header(layout: &str) -> String {
    format!(
        "# A long generated issue (examples/generate_long.rs): the benchmark input.\n\n\
         [series]\ntitle = \"联络动态\"\npinyin = \"LIANLUODONGTAI\"\n\
         publisher = \"湖南省人大常委会选举任免联络工作委员会编\"\nlayout = {}\n\n\
         [issue]\nnumber = 12\ntotal = 635\ndate = 2021-12-28\n",
        quote(layout)
    )
}

/// The manifest's closing-block part.
const FOOTER: &str = "
[distribution]
label = \"送\"
recipients = [
  \"全国人大常委会办公厅联络局、研究室、新闻局、《中国人大》杂志社\",
  \"各省、区、市人大常委会代表联络工作机构\",
  \"省人大各专门委员会，省人大常委会各办事机构、工作机构\",
  \"各市州、县市区人大常委会联工委\",
]

[colophon]
editors = [\"石韧\", \"谢峥嵘\"]
phone = \"0731—85309270\"
email = \"hnrlddt@163.com\"
approval = \"湘党简准字〔2000〕第28号\"
";

/// A small deterministic generator (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    /// A number in `lo..hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        lo + ((z ^ (z >> 31)) % (hi - lo) as u64) as usize
    }
}
