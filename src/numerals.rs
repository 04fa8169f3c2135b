//! Chinese numerals (counting forms) and dates as printed: the wording of `document`, and the
//! Chinese list numbers of `docx`. It depends on nothing else in the crate.

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PLACES: [&str; 4] = ["千", "百", "十", ""];
const GROUPS: [&str; 5] = ["", "万", "亿", "万亿", "亿亿"];

/// `n` in Chinese counting numerals: 10 十, 105 一百零五, 627 六百二十七, 20035 二万零三十五.
///
/// Zeros inside a run of digits are read as one 零, trailing zeros of a four-digit group are
/// not read, and a group after 万/亿 that starts with zeros is preceded by 零.
pub fn chinese_numeral(n: u64) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 10_000);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut zero = false;
    for (unit, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            zero |= !out.is_empty();
            continue;
        }
        zero |= !out.is_empty() && group < 1000;
        let digits = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10];
        let mut started = false;
        for (place, &d) in digits.iter().enumerate() {
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            // 十 alone, not 一十, when the number starts with it (10 十, 15 十五, 100000 十万).
            if !(d == 1 && place == 2 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push_str(PLACES[place]);
            started = true;
        }
        zero = false;
        out.push_str(GROUPS[unit]);
    }
    out
}

/// A date as printed in Chinese, without zero padding: `2021年4月3日`.
pub fn chinese_date(year: u16, month: u8, day: u8) -> String {
    format!("{year}年{month}月{day}日")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_forms() {
        let cases = [
            (1, "一"),
            (2, "二"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (100, "一百"),
            (101, "一百零一"),
            (105, "一百零五"),
            (110, "一百一十"),
            (627, "六百二十七"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (10_010, "一万零一十"),
            (15_000, "一万五千"),
            (20_035, "二万零三十五"),
            (100_000, "十万"),
            (100_010, "十万零一十"),
            (110_000, "十一万"),
            (10_001_000, "一千万一千"),
            (10_010_000, "一千零一万"),
            (99_999_999, "九千九百九十九万九千九百九十九"),
            (100_000_001, "一亿零一"),
            (100_001_000, "一亿零一千"),
            (0, "零"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }

    #[test]
    fn largest_values_do_not_panic() {
        assert!(!chinese_numeral(u64::MAX).is_empty());
    }

    #[test]
    fn date_without_padding() {
        assert_eq!(chinese_date(2021, 4, 3), "2021年4月3日");
        assert_eq!(chinese_date(2021, 12, 31), "2021年12月31日");
    }
}
