//! Word's number formats (`w:numFmt`): a counter value as the text Word shows for it.

use crate::numerals::chinese_numeral;

/// `n` in the number format `format`; `None` for `bullet` (no number at all). Formats
/// jianbao does not know are written as decimal digits.
pub(super) fn format(n: i64, format: &str) -> Option<String> {
    let digits = || n.to_string();
    let positive = n.max(0) as u64;
    let text = match format {
        "bullet" => return None,
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => digits().chars().map(full_width).collect(),
        "upperLetter" => letters(positive, b'A'),
        "lowerLetter" => letters(positive, b'a'),
        "upperRoman" => roman(positive),
        "lowerRoman" => roman(positive).to_lowercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => chinese_numeral(positive),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" | "koreanDigital" => {
            digits().chars().map(ideograph_digit).collect()
        }
        "chineseLegalSimplified" => legal(&chinese_numeral(positive), "壹贰叁肆伍陆柒捌玖拾佰仟"),
        "ideographLegalTraditional" => legal(&chinese_numeral(positive), "壹貳參肆伍陸柒捌玖拾佰仟"),
        "ideographTraditional" => cycle(positive, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(positive, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            enclosed(positive, 0x2460, 20).unwrap_or_else(digits)
        }
        "decimalEnclosedParen" => enclosed(positive, 0x2474, 20).unwrap_or_else(|| format!("({n})")),
        "decimalEnclosedFullstop" => enclosed(positive, 0x2488, 20).unwrap_or_else(|| format!("{n}.")),
        _ => digits(),
    };
    Some(text)
}

/// A digit in full width: `1` → `１`.
fn full_width(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
        '-' => '－',
        _ => c,
    }
}

/// A digit as an ideograph: `1` → `一`, `0` → `〇`.
fn ideograph_digit(c: char) -> char {
    match c.to_digit(10) {
        Some(d) => "〇一二三四五六七八九".chars().nth(d as usize).unwrap_or(c),
        None => c,
    }
}

/// Letters as Word counts with them: A … Z, AA … ZZ, AAA …
fn letters(n: u64, base: u8) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from(base + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(64) as usize;
    std::iter::repeat_n(letter, times).collect()
}

/// Roman numerals (1–3999; others as digits).
fn roman(n: u64) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, text) in TABLE {
        while rest >= value {
            out.push_str(text);
            rest -= value;
        }
    }
    out
}

/// Counting numerals in their financial (大写) forms; 十 alone at the start becomes 壹拾.
fn legal(counting: &str, forms: &str) -> String {
    let forms: Vec<char> = forms.chars().collect();
    let counting = if counting.starts_with('十') { format!("一{counting}") } else { counting.to_string() };
    counting
        .chars()
        .map(|c| match "一二三四五六七八九十百千".chars().position(|d| d == c) {
            Some(i) => forms.get(i).copied().unwrap_or(c),
            None => c,
        })
        .collect()
}

/// The `n`th of a cycle of signs (甲乙丙…), starting again after the last.
fn cycle(n: u64, signs: &str) -> String {
    let signs: Vec<char> = signs.chars().collect();
    if n == 0 || signs.is_empty() {
        return n.to_string();
    }
    signs[((n - 1) % signs.len() as u64) as usize].to_string()
}

/// An enclosed number (① …) for 1–`count`.
fn enclosed(n: u64, first: u32, count: u64) -> Option<String> {
    (1..=count).contains(&n).then(|| char::from_u32(first + n as u32 - 1)).flatten().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: i64, fmt: &str) -> String {
        format(n, fmt).unwrap_or_else(|| "•".into())
    }

    #[test]
    fn chinese_formats() {
        let counted: Vec<String> = [1, 2, 10, 11, 19, 20, 21].iter().map(|&n| f(n, "chineseCounting")).collect();
        assert_eq!(counted, ["一", "二", "十", "十一", "十九", "二十", "二十一"]);
        assert_eq!(f(12, "chineseCountingThousand"), "十二");
        assert_eq!(f(105, "chineseCountingThousand"), "一百零五");
        assert_eq!(f(10, "ideographDigital"), "一〇");
        assert_eq!(f(3, "ideographTraditional"), "丙");
        assert_eq!(f(11, "ideographTraditional"), "甲");
        assert_eq!(f(13, "ideographZodiac"), "子");
        assert_eq!(f(12, "chineseLegalSimplified"), "壹拾贰");
        assert_eq!(f(3, "decimalEnclosedCircleChinese"), "③");
    }

    #[test]
    fn western_formats() {
        assert_eq!(f(3, "decimal"), "3");
        assert_eq!(f(3, "decimalZero"), "03");
        assert_eq!(f(12, "decimalFullWidth"), "１２");
        assert_eq!(f(28, "upperLetter"), "BB");
        assert_eq!(f(2, "lowerLetter"), "b");
        assert_eq!(f(14, "upperRoman"), "XIV");
        assert_eq!(f(4, "lowerRoman"), "iv");
        assert_eq!(f(5, "ordinalText"), "5");
        assert_eq!(f(2, "none"), "");
        assert_eq!(format(1, "bullet"), None);
    }
}
