//! Dates for `new`: today's from the system clock, or `--date YYYY-MM-DD`.

use crate::manifest::Date;

/// Today (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    civil(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The calendar date of a day counted from 1970-01-01.
fn civil(days: i64) -> Date {
    let (year, month, day) = crate::calendar::civil_from_days(days);
    Date { year: u16::try_from(year).unwrap_or(1970), month, day }
}

/// Parses `YYYY-MM-DD` (a real calendar date).
pub fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2021-05-08");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    let (year, month, day): (u16, u8, u8) =
        (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    match days.get(usize::from(month).wrapping_sub(1)) {
        Some(&last) if year >= 1 && (1..=last).contains(&day) => Ok(Date { year, month, day }),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(civil(18_720), Date { year: 2021, month: 4, day: 3 });
        assert_eq!(civil(19_417), Date { year: 2023, month: 3, day: 1 });
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2024-02-29"), Ok(Date { year: 2024, month: 2, day: 29 }));
        assert!(parse_date("2023-02-29").is_err() && parse_date("2023-13-01").is_err() && parse_date("May").is_err());
    }
}
