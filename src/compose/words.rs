//! Word boundaries of Chinese text (jieba), so that a title wraps between words — 走访 and
//! 振兴 stay whole — rather than between any two characters.
//!
//! jieba's own start-up builds a trie of its 349,045-word dictionary, which took most of a
//! two-page build. Its segmentation of a text reads only the words that occur inside that
//! text, the frequency of each and the dictionary's total frequency; so here the dictionary
//! is compiled in as sorted text (`dict/words.txt`, jieba's `dict.txt` without its tags),
//! the words of one text are found by binary search, and a segmenter is made of them alone,
//! with the rest of the total given to a word that cannot occur. The cuts are jieba's.

use jieba_rs::Jieba;

/// jieba's dictionary, one `word frequency` a line, sorted by the words' bytes.
static DICTIONARY: &str = include_str!("../../dict/words.txt");

/// The sum of every frequency in [`DICTIONARY`] (jieba divides by it).
const TOTAL: usize = 60_101_964;

/// The longest word of [`DICTIONARY`], in characters.
const LONGEST: usize = 16;

/// A word no text can hold (jieba looks words up only inside runs of Han, letters and
/// digits), which carries the frequency of the words the text does not hold.
const ABSENT: &str = "\u{0}";

/// Byte offsets inside `text` where one word ends and the next begins.
pub fn word_boundaries(text: &str) -> Vec<usize> {
    // A panic elsewhere while the lock was held leaves a segmenter that still works.
    let mut segmenter = SEGMENTER.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    segmenter.learn(text);
    segmenter.jieba.cut(text, true).into_iter().map(|token| token.byte_end).filter(|&end| end < text.len()).collect()
}

/// The dictionary's bytes, compiled into the program: their pages are given back when no
/// more titles are to be set (a later search maps them in again).
pub fn dictionary() -> &'static [u8] {
    DICTIONARY.as_bytes()
}

/// The one segmenter, holding the words of every text segmented so far. One for all threads:
/// an empty jieba is a 512 KB table of first characters, which a segmenter per thread filled
/// and paged in again for each (a third of a two-page build's page faults); a thread holds
/// the lock only while it segments one title.
static SEGMENTER: std::sync::LazyLock<std::sync::Mutex<Segmenter>> =
    std::sync::LazyLock::new(|| std::sync::Mutex::new(Segmenter::new()));

/// A jieba holding some of the dictionary's words with their frequencies, and [`ABSENT`]
/// carrying the rest of [`TOTAL`]. Words of the dictionary that a text does not hold change
/// nothing in its cuts, so one segmenter serves every text once it has learnt the words of
/// each (making a jieba, even an empty one, costs more than segmenting a title).
struct Segmenter {
    /// The segmenter.
    jieba: Jieba,
    /// The sum of the frequencies of the words it holds, [`ABSENT`] aside.
    found: usize,
}

impl Segmenter {
    /// A segmenter with no words yet.
    fn new() -> Self {
        Segmenter { jieba: Jieba::empty(), found: 0 }
    }

    /// Adds the dictionary words found inside `text`, keeping the total jieba's.
    fn learn(&mut self, text: &str) {
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (n, &from) in starts.iter().enumerate() {
            for &to in starts.iter().skip(n + 1).take(LONGEST) {
                let word = &text[from..to];
                if self.jieba.has_word(word) {
                    continue;
                }
                let (freq, longer) = look_up(word);
                if let Some(freq) = freq {
                    self.jieba.add_word(word, Some(freq), None);
                    self.found += freq;
                }
                if !longer {
                    break;
                }
            }
        }
        self.jieba.add_word(ABSENT, Some(TOTAL.saturating_sub(self.found)), None);
    }
}

/// The frequency of `word` in [`DICTIONARY`], if it is there, and whether any longer word
/// starts with it — by binary search for the first line not before `word`.
fn look_up(word: &str) -> (Option<usize>, bool) {
    let bytes = DICTIONARY.as_bytes();
    let line_end = |start: usize| bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| start + i);
    let entry = |start: usize| DICTIONARY[start..line_end(start)].split_once(' ');
    // Lines before `lo` hold smaller words, lines from `hi` on words not smaller.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid].iter().rposition(|&b| b == b'\n').map_or(lo, |i| lo + i + 1);
        match entry(start) {
            Some((w, _)) if w.as_bytes() < word.as_bytes() => lo = line_end(start) + 1,
            _ => hi = start,
        }
    }
    let Some((first, freq)) = (lo < bytes.len()).then(|| entry(lo)).flatten() else { return (None, false) };
    if first == word {
        let next = line_end(lo) + 1;
        let longer = next < bytes.len() && entry(next).is_some_and(|(w, _)| w.starts_with(word));
        (freq.parse().ok(), longer)
    } else {
        (None, first.starts_with(word))
    }
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

    #[test]
    fn dictionary_is_sorted_and_summed() {
        let mut total = 0;
        let mut longest = 0;
        let mut previous = "";
        for line in DICTIONARY.lines() {
            let (word, freq) = line.split_once(' ').unwrap();
            assert!(previous.as_bytes() < word.as_bytes(), "{previous} before {word}");
            total += freq.parse::<usize>().unwrap();
            longest = longest.max(word.chars().count());
            assert_eq!(look_up(word).0, freq.parse().ok(), "{word}");
            previous = word;
        }
        assert_eq!((total, longest), (TOTAL, LONGEST));
        assert_eq!(look_up("不在词典里的词语"), (None, false));
        assert_eq!(look_up("人大"), (Some(12955), true), "人大常委会 is longer");
        assert_eq!(look_up("益阳"), (Some(39), true));
        assert_eq!(look_up("龢"), (Some(732), false), "the last word");
    }
}
