//! Character classes of Chinese composition (cjk-rules §1.1) and the GB kinsoku tables (§1.2).

/// What a character is, for widths, spacing and line breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Han ideographs, 〇, kana: full-width boxes, never shrunk.
    Han,
    /// Pause and stop marks 点号 (、，。．：；！？), ink left, blank right.
    Stop,
    /// Opening brackets and quotes, ink right, blank left.
    Open,
    /// Closing brackets and quotes, ink left, blank right.
    Close,
    /// The dash — (a pair is the 2-em 破折号).
    Dash,
    /// The ellipsis … (a pair is the 2-em 省略号).
    Ellipsis,
    /// Connectors ～ and the like: full width, not at line start.
    Connector,
    /// Interpuncts · ・ ‧: set ½ em, centred.
    Interpunct,
    /// Solidus ／ and /: neither at line start nor at line end.
    Solidus,
    /// The ideographic space U+3000: one em of blank.
    IdeoSpace,
    /// A Latin (or other alphabetic) letter: proportional, takes Han–Latin spacing.
    Latin,
    /// Western punctuation, symbols and pictographs: proportional, no Han–Latin spacing.
    Symbol,
    /// A European digit.
    Digit,
    /// A space U+0020 (or another breaking space).
    Space,
}

impl Class {
    /// The class of a character.
    pub fn of(c: char) -> Class {
        match c {
            '、' | '，' | '。' | '．' | '：' | '；' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉' => {
                Class::Stop
            }
            '“' | '‘' | '（' | '〔' | '【' | '《' | '〈' | '〖' | '［' | '｛' | '「' | '『' | '〘' => {
                Class::Open
            }
            '”' | '’' | '）' | '〕' | '】' | '》' | '〉' | '〗' | '］' | '｝' | '」' | '』' | '〙' => {
                Class::Close
            }
            '—' | '⸺' | '―' => Class::Dash,
            '…' | '⋯' => Class::Ellipsis,
            '～' | '〜' => Class::Connector,
            '·' | '・' | '‧' => Class::Interpunct,
            '／' | '/' => Class::Solidus,
            '\u{3000}' => Class::IdeoSpace,
            ' ' | '\u{2002}'..='\u{200A}' => Class::Space,
            '0'..='9' => Class::Digit,
            // Full-width letters, digits and signs sit on the grid like Han characters.
            '\u{FF01}'..='\u{FF5E}' | '\u{FFE0}'..='\u{FFE6}' => Class::Han,
            _ if is_han(c) => Class::Han,
            _ if c.is_alphanumeric() => Class::Latin,
            _ => Class::Symbol,
        }
    }

    /// Whether the class is set on the Chinese full-width grid (Han and Chinese marks).
    pub fn is_cjk(self) -> bool {
        !matches!(self, Class::Latin | Class::Digit | Class::Space | Class::Solidus | Class::Symbol)
    }

    /// Whether the class is a Chinese punctuation mark.
    pub fn is_mark(self) -> bool {
        matches!(
            self,
            Class::Stop
                | Class::Open
                | Class::Close
                | Class::Dash
                | Class::Ellipsis
                | Class::Connector
                | Class::Interpunct
        )
    }

    /// Whether the class takes Han–Latin spacing next to Han (Latin letters and digits).
    pub fn is_western(self) -> bool {
        matches!(self, Class::Latin | Class::Digit)
    }
}

/// Whether a character is a Han ideograph (or another full-width ideographic letter).
pub fn is_han(c: char) -> bool {
    crate::unicode::is_ideographic_letter(c)
}

/// Kinsoku strictness (cjk-rules §1.2, clreq §3.1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub enum Kinsoku {
    /// UAX #14 at CSS `normal` strictness and nothing more (web-like, for comparison).
    Normal,
    /// clreq basic: marks that may not start or end a line.
    Basic,
    /// clreq GB = basic plus the solidus at neither end (the default).
    #[default]
    Gb,
    /// GB plus: —— and …… may not start a line.
    Strict,
}

impl Kinsoku {
    /// Parses a layout's level name.
    pub fn from_name(name: &str) -> Option<Kinsoku> {
        match name {
            "normal" => Some(Kinsoku::Normal),
            "basic" => Some(Kinsoku::Basic),
            "gb" => Some(Kinsoku::Gb),
            "strict" => Some(Kinsoku::Strict),
            _ => None,
        }
    }

    /// Whether `c` may not start a line at this level.
    pub fn forbids_start(self, c: char) -> bool {
        self >= Kinsoku::Basic && no_line_start(c)
    }

    /// Whether `c` may not end a line at this level.
    pub fn forbids_end(self, c: char) -> bool {
        match self {
            Kinsoku::Normal => false,
            Kinsoku::Basic => no_line_end(c) && !matches!(c, '／' | '/'),
            Kinsoku::Gb | Kinsoku::Strict => no_line_end(c),
        }
    }
}

/// Whether a character may not start a line (GB level).
pub fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '，'
            | '。'
            | '．'
            | '：'
            | '；'
            | '！'
            | '？'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '”'
            | '’'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '】'
            | '》'
            | '〉'
            | '〗'
            | '」'
            | '』'
            | '〙'
            | '～'
            | '〜'
            | '－'
            | '-'
            | '–'
            | '‐'
            | '‑'
            | '·'
            | '・'
            | '‧'
            | '･'
            | '／'
            | '/'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
            | '‰'
            | '℃'
            | '℉'
            | '°'
            | '′'
            | '″'
            | '％'
            | '々'
            | '〻'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
    )
}

/// Whether a character may not end a line (GB level).
pub fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '（'
            | '［'
            | '｛'
            | '〔'
            | '【'
            | '《'
            | '〈'
            | '〖'
            | '「'
            | '『'
            | '〘'
            | '／'
            | '/'
            | '('
            | '['
            | '{'
            | '￥'
            | '¥'
            | '$'
            | '£'
            | '€'
            | '№'
            | '#'
            | '＄'
            | '￡'
            | '﹩'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(Class::of('中'), Class::Han);
        assert_eq!(Class::of('，'), Class::Stop);
        assert_eq!(Class::of('“'), Class::Open);
        assert_eq!(Class::of('》'), Class::Close);
        assert_eq!(Class::of('A'), Class::Latin);
        assert_eq!(Class::of('-'), Class::Symbol);
        assert_eq!(Class::of('4'), Class::Digit);
        assert_eq!(Class::of('𠀾'), Class::Han);
    }

    #[test]
    fn kinsoku_tables() {
        for c in "、，。：；！？”）》".chars() {
            assert!(no_line_start(c), "{c}");
        }
        for c in "“（《〔".chars() {
            assert!(no_line_end(c), "{c}");
        }
        assert!(!no_line_start('中') && !no_line_end('中'));
    }
}
