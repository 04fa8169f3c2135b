//! The document's creation time, as the Info dictionary and the XMP packet write it.

use pdf_writer::Date;

use crate::page::Metadata;

/// A UTC time of day on a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Instant {
    /// Year (0–9999).
    pub year: u16,
    /// Month (1–12).
    pub month: u8,
    /// Day (1–31).
    pub day: u8,
    /// Hour (0–23).
    pub hour: u8,
    /// Minute (0–59).
    pub minute: u8,
    /// Second (0–59).
    pub second: u8,
}

impl Instant {
    /// The creation time of the document: `SOURCE_DATE_EPOCH` when given, else the issue
    /// date at midnight UTC.
    pub(super) fn of(meta: &Metadata) -> Instant {
        meta.created.map_or_else(|| Instant::issue(meta), from_unix)
    }

    /// The issue date at midnight UTC.
    pub(super) fn issue(meta: &Metadata) -> Instant {
        let (year, month, day) = meta.date;
        Instant {
            year: year.clamp(0, 9999) as u16,
            month: month.clamp(1, 12),
            day: day.clamp(1, 31),
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// As a PDF date, `D:YYYYMMDDHHmmSSZ`.
    pub(super) fn pdf(self) -> Date {
        Date::new(self.year)
            .month(self.month)
            .day(self.day)
            .hour(self.hour)
            .minute(self.minute)
            .second(self.second)
            .utc_offset_hour(0)
            .utc_offset_minute(0)
    }

    /// As an XMP date, `YYYY-MM-DDTHH:mm:SSZ`.
    pub(super) fn xmp(self) -> String {
        let Instant { year, month, day, hour, minute, second } = self;
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
    }

    /// The calendar date alone, `YYYY-MM-DD`.
    pub(super) fn xmp_date(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The UTC time `seconds` after 1970-01-01T00:00:00Z, clamped to years 0–9999.
fn from_unix(seconds: i64) -> Instant {
    // Days from 0000-03-01 to 1970-01-01 and to 10000-01-01.
    const MIN: i64 = -719_468 * 86_400;
    const MAX: i64 = 2_932_896 * 86_400 - 1;
    let seconds = seconds.clamp(MIN, MAX);
    let (days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = crate::calendar::civil_from_days(days);
    let year = year.clamp(0, 9999) as u16;
    Instant { year, month, day, hour: (secs / 3600) as u8, minute: (secs / 60 % 60) as u8, second: (secs % 60) as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_unix_times_to_calendar() {
        let t = from_unix(0);
        assert_eq!(t.xmp(), "1970-01-01T00:00:00Z");
        // 2021-04-03T12:34:56Z
        assert_eq!(from_unix(1_617_453_296).xmp(), "2021-04-03T12:34:56Z");
        assert_eq!(from_unix(951_782_400).xmp_date(), "2000-02-29");
        assert_eq!(from_unix(-1).xmp(), "1969-12-31T23:59:59Z");
        assert_eq!(from_unix(i64::MAX).year, 9999);
        assert_eq!(from_unix(i64::MIN).xmp(), "0000-03-01T00:00:00Z");
    }

    #[test]
    fn pdf_creation_time_from_issue_date_or_epoch() {
        let mut meta = Metadata { date: (2021, 4, 3), ..Metadata::default() };
        assert_eq!(Instant::of(&meta).xmp(), "2021-04-03T00:00:00Z");
        meta.created = Some(1_617_453_296);
        assert_eq!(Instant::of(&meta).xmp(), "2021-04-03T12:34:56Z");
        assert_eq!(Instant::issue(&meta).xmp(), "2021-04-03T00:00:00Z");
    }
}
