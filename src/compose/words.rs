//! Word boundaries of Chinese text (jieba), so that a title wraps between words — 走访 and
//! 振兴 stay whole — rather than between any two characters.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The segmenter with its bundled dictionary, built once per process.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Byte offsets inside `text` where one word ends and the next begins.
pub fn word_boundaries(text: &str) -> Vec<usize> {
    jieba().cut(text, true).into_iter().map(|token| token.byte_end).filter(|&end| end < text.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_words() {
        let text = "益阳市开展五级人大代表助力乡村振兴、献礼建党百年活动";
        let cuts = word_boundaries(text);
        let inside = |word: &str| {
            let start = text.find(word).unwrap();
            cuts.iter().any(|&c| c > start && c < start + word.len())
        };
        assert!(!inside("振兴") && !inside("乡村"), "{cuts:?}");
    }
}
