//! "Did you mean" suggestions for misspelt keys.

/// Levenshtein distance between two strings, counted in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The known key closest to `typed`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    let limit = typed.chars().count().div_ceil(3);
    known.iter().map(|k| (distance(typed, k), *k)).filter(|(d, _)| *d <= limit).min_by_key(|(d, _)| *d).map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert_eq!(distance("recipient", "recipients"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggests_only_near_keys() {
        let keys = ["label", "recipients"];
        assert_eq!(closest("recipient", &keys), Some("recipients"));
        assert_eq!(closest("reciepents", &keys), Some("recipients"));
        assert_eq!(closest("lable", &keys), Some("label"));
        assert_eq!(closest("colour", &keys), None);
    }
}
