//! `OFD.xml`: the entry point, with the document's `DocInfo` — title, author (the publisher),
//! subject, creation date, creator, and the issue's facts as custom data.

use super::OfdInfo;
use super::xml::Xml;
use crate::page::Metadata;

/// Where the one document of the package starts.
pub(super) const DOC_ROOT: &str = "Doc_0/Document.xml";

/// Writes `OFD.xml`; `doc_id` identifies the document (32 hexadecimal digits).
pub(super) fn ofd_xml(meta: &Metadata, info: &OfdInfo, doc_id: &str) -> Vec<u8> {
    let mut xml = Xml::new("OFD");
    xml.attr("Version", "1.0").attr("DocType", "OFD");
    xml.open("DocBody").open("DocInfo");
    xml.leaf("DocID", doc_id);
    for (element, value) in [("Title", &meta.title), ("Author", &meta.publisher), ("Subject", &meta.subject)] {
        if !value.trim().is_empty() {
            xml.leaf(element, value);
        }
    }
    if let Some(date) = creation_date(meta) {
        xml.leaf("CreationDate", &date);
    }
    xml.leaf("Creator", "jianbao").leaf("CreatorVersion", env!("CARGO_PKG_VERSION"));
    let custom: Vec<(&str, &str)> = [
        ("series", meta.series.as_str()),
        ("number", meta.issue.as_str()),
        ("total", meta.total.as_str()),
        ("classification", info.classification.as_deref().unwrap_or("")),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect();
    if !custom.is_empty() {
        xml.open("CustomDatas");
        for (name, value) in custom {
            xml.open("CustomData").attr("Name", name).text(value).close();
        }
        xml.close();
    }
    xml.close();
    xml.leaf("DocRoot", DOC_ROOT);
    xml.finish()
}

/// The creation date `YYYY-MM-DD`: the day of `SOURCE_DATE_EPOCH` (UTC) when given, else the
/// issue date; `None` when neither is a real date.
pub(super) fn creation_date(meta: &Metadata) -> Option<String> {
    let (y, m, d) = match meta.created {
        Some(seconds) => civil(seconds.div_euclid(86_400)),
        None => (i64::from(meta.date.0), u32::from(meta.date.1), u32::from(meta.date.2)),
    };
    let valid = (1..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
    valid.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The proleptic Gregorian date of a day counted from 1970-01-01.
fn civil(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil algorithm, in eras of 400 years.
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days in a month of the Gregorian calendar.
fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofd_dates_from_epoch_and_issue() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(18_720), (2021, 4, 3));
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(civil(11_016), (2000, 2, 29));
        let mut meta = Metadata { date: (2021, 4, 3), ..Metadata::default() };
        assert_eq!(creation_date(&meta).as_deref(), Some("2021-04-03"));
        meta.created = Some(1_700_000_000);
        assert_eq!(creation_date(&meta).as_deref(), Some("2023-11-14"));
        meta.created = Some(i64::MAX);
        assert_eq!(creation_date(&meta), None);
        assert_eq!(creation_date(&Metadata { date: (2021, 2, 30), ..Metadata::default() }), None);
        assert_eq!(creation_date(&Metadata::default()), None);
    }

    #[test]
    fn ofd_docinfo_has_author_dates_and_custom_data() {
        let meta = Metadata {
            title: "联络动态 2021年第4期".into(),
            author: "某某委员会编".into(),
            publisher: "某某委员会".into(),
            subject: "甲；乙".into(),
            date: (2021, 4, 3),
            series: "联络动态".into(),
            issue: "第4期".into(),
            total: "总第六百二十七期".into(),
            ..Metadata::default()
        };
        let info = OfdInfo { classification: Some("内部资料　注意保存".into()) };
        let text = String::from_utf8(ofd_xml(&meta, &info, "0123")).unwrap_or_default();
        for part in [
            r#"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">"#,
            "<ofd:DocID>0123</ofd:DocID>",
            "<ofd:Author>某某委员会</ofd:Author>",
            "<ofd:CreationDate>2021-04-03</ofd:CreationDate>",
            r#"<ofd:CustomData Name="number">第4期</ofd:CustomData>"#,
            r#"<ofd:CustomData Name="classification">内部资料　注意保存</ofd:CustomData>"#,
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
    }
}
