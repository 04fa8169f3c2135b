//! `w:sym`: a character given by font and code; Symbol and Wingdings codes mapped to Unicode.

/// Symbol-font codes 0x20–0x7E as Unicode (Greek letters and mathematical signs).
const SYMBOL_LOW: &str =
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼";
/// Symbol-font codes 0xA0–0xE5 as Unicode.
const SYMBOL_HIGH: &str = "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑";

/// Wingdings codes commonly used in Chinese documents (check boxes, bullets, stars).
const WINGDINGS: [(u32, char); 15] = [
    (0x28, '☎'),
    (0x4A, '☺'),
    (0x6C, '●'),
    (0x6E, '■'),
    (0x6F, '□'),
    (0x71, '❑'),
    (0x75, '◆'),
    (0x76, '❖'),
    (0xA7, '▪'),
    (0xAB, '★'),
    (0xD8, '➢'),
    (0xFB, '✗'),
    (0xFC, '✓'),
    (0xFD, '☒'),
    (0xFE, '☑'),
];

/// The character a `w:sym` shows, from its `w:font` and hexadecimal `w:char`; `None` when it
/// has no Unicode equivalent jianbao knows.
pub(super) fn symbol(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    let font = font.unwrap_or_default().to_ascii_lowercase();
    // Symbol fonts put their codes in the private-use range F000–F0FF.
    let low = if (0xF000..=0xF0FF).contains(&code) { code - 0xF000 } else { code };
    if font == "symbol" && low < 0x100 {
        return match low {
            0x20..=0x7E => SYMBOL_LOW.chars().nth((low - 0x20) as usize),
            0xA0..=0xE5 => SYMBOL_HIGH.chars().nth((low - 0xA0) as usize),
            0xF1 => Some('〉'),
            0xF2 => Some('∫'),
            _ => None,
        };
    }
    if font.starts_with("wingdings") && low < 0x100 {
        return WINGDINGS.iter().find(|(c, _)| *c == low).map(|(_, ch)| *ch);
    }
    char::from_u32(code).filter(|c| !(0xE000..=0xF8FF).contains(&(*c as u32)) && !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_one_character_per_code() {
        assert_eq!(SYMBOL_LOW.chars().count(), 0x7F - 0x20);
        assert_eq!(SYMBOL_HIGH.chars().count(), 0xE6 - 0xA0);
    }

    #[test]
    fn symbol_and_wingdings_codes() {
        assert_eq!(symbol(Some("Symbol"), Some("F0B7")), Some('•'));
        assert_eq!(symbol(Some("Symbol"), Some("F061")), Some('α'));
        assert_eq!(symbol(Some("Symbol"), Some("D6")), Some('√'));
        assert_eq!(symbol(Some("Wingdings"), Some("F0FE")), Some('☑'));
        assert_eq!(symbol(Some("Wingdings"), Some("F020")), None);
        assert_eq!(symbol(Some("宋体"), Some("2605")), Some('★'));
        assert_eq!(symbol(Some("Webdings"), Some("F041")), None);
        assert_eq!(symbol(None, Some("zz")), None);
    }
}
