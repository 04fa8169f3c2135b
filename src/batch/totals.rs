//! The running totals of a series checked across the archive: two issues claiming the same
//! 总第N期, a total no issue has between two that do (a gap), and a later issue with a smaller
//! total than an earlier one. Each is a warning; the PDFs are built all the same.

use std::collections::BTreeMap;

use super::index::Row;

/// The warnings for the totals of `rows`, series by series (in title order), each series'
/// duplicates, then gaps, then issues out of order.
pub fn check(rows: &[&Row]) -> Vec<String> {
    let mut by_series: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.total.is_some()) {
        by_series.entry(&row.series).or_default().push(row);
    }
    let mut warnings = Vec::new();
    for (series, rows) in by_series {
        let mut by_total: BTreeMap<u64, Vec<&str>> = BTreeMap::new();
        for row in &rows {
            by_total.entry(row.total.unwrap_or_default()).or_default().push(&row.file);
        }
        for (total, files) in &by_total {
            if files.len() > 1 {
                warnings.push(format!(
                    "{series}: 总第{total}期 is claimed by {} issues: {}",
                    files.len(),
                    files.join(", ")
                ));
            }
        }
        let totals: Vec<(&u64, &Vec<&str>)> = by_total.iter().collect();
        for pair in totals.windows(2) {
            let ((&a, before), (&b, after)) = (pair[0], pair[1]);
            if b > a + 1 {
                let missing = if b == a + 2 {
                    format!("总第{}期 is", a + 1)
                } else {
                    format!("总第{}–{}期 are", a + 1, b - 1)
                };
                let (before, after) = (before.join(", "), after.join(", "));
                warnings.push(format!(
                    "{series}: {missing} missing: no issue between {before} (总第{a}期) and {after} (总第{b}期)"
                ));
            }
        }
        let mut by_date = rows;
        by_date.sort_by(|x, y| (&x.date, x.number, &x.file).cmp(&(&y.date, y.number, &y.file)));
        for pair in by_date.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            if later.total < earlier.total && later.date > earlier.date {
                warnings.push(format!(
                    "{series}: {} ({}) has 总第{}期, less than {} ({}) before it, 总第{}期",
                    later.file,
                    later.date,
                    later.total.unwrap_or_default(),
                    earlier.file,
                    earlier.date,
                    earlier.total.unwrap_or_default()
                ));
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(file: &str, total: Option<u64>, date: &str) -> Row {
        Row {
            file: file.into(),
            series: "联络动态".into(),
            number: 1,
            total,
            date: date.into(),
            pages: 2,
            titles: Vec::new(),
            bytes: 1,
        }
    }

    #[test]
    fn a_run_without_gaps_is_quiet() {
        let rows =
            [row("a.pdf", Some(626), "2021-03-01"), row("b.pdf", Some(627), "2021-04-01"), row("c.pdf", None, "x")];
        let refs: Vec<&Row> = rows.iter().collect();
        assert!(check(&refs).is_empty());
        assert!(check(&[]).is_empty());
    }

    #[test]
    fn duplicates_gaps_and_order_are_warned() {
        let rows = [
            row("2021/03.pdf", Some(627), "2021-03-01"),
            row("2021/04.pdf", Some(627), "2021-04-01"),
            row("2021/05.pdf", Some(629), "2021-05-01"),
            row("2021/06.pdf", Some(633), "2021-06-01"),
            row("2021/07.pdf", Some(630), "2021-07-01"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let warnings = check(&refs);
        assert_eq!(
            warnings,
            [
                "联络动态: 总第627期 is claimed by 2 issues: 2021/03.pdf, 2021/04.pdf",
                "联络动态: 总第628期 is missing: no issue between 2021/03.pdf, 2021/04.pdf (总第627期) and 2021/05.pdf (总第629期)",
                "联络动态: 总第631–632期 are missing: no issue between 2021/07.pdf (总第630期) and 2021/06.pdf (总第633期)",
                "联络动态: 2021/07.pdf (2021-07-01) has 总第630期, less than 2021/06.pdf (2021-06-01) before it, 总第633期",
            ]
        );
    }

    #[test]
    fn series_are_checked_apart() {
        let mut other = row("other.pdf", Some(627), "2021-04-01");
        other.series = "工作简报".into();
        let rows = [row("a.pdf", Some(627), "2021-04-01"), other];
        let refs: Vec<&Row> = rows.iter().collect();
        assert!(check(&refs).is_empty());
    }
}
