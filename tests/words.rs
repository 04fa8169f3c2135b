//! Title word boundaries: the cuts made from the compiled-in sorted dictionary are exactly
//! jieba's with its whole dictionary loaded, on every paragraph and every sentence of the gov
//! corpus (when `../shared` is present) and on titles written here.

use jianbao::compose::words::word_boundaries;
use jieba_rs::Jieba;

/// jieba's own cuts, with its bundled dictionary built into a trie.
fn reference(jieba: &Jieba, text: &str) -> Vec<usize> {
    jieba.cut(text, true).into_iter().map(|t| t.byte_end).filter(|&end| end < text.len()).collect()
}

#[test]
fn cuts_are_jiebas() {
    let jieba = Jieba::new();
    let mut texts: Vec<String> = [
        "益阳市开展五级人大代表助力乡村振兴、献礼建党百年活动",
        "全国人大常委会办公厅联络局召开2021年第一季度工作会议",
        "关于进一步加强基层立法联系点建设的若干意见（试行）",
        "GDP增长6.5%左右，CPI涨幅3%左右",
        "",
        "\u{0}人大\u{0}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/gov");
    if let Ok(dir) = std::fs::read_dir(&corpus) {
        for entry in dir.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
                texts.push(paragraph.to_string());
                texts.extend(paragraph.split_inclusive('。').map(str::to_string));
            }
        }
    }
    let mut cuts = 0;
    for text in &texts {
        let ours = word_boundaries(text);
        assert_eq!(ours, reference(&jieba, text), "{text}");
        cuts += ours.len();
    }
    assert!(cuts > 20, "only {cuts} cuts in {} texts", texts.len());
}
