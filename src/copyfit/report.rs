//! The copy-fitting verdict for a target page count, as messages.

use std::fmt::Write;

use super::Census;
use crate::messages::count;

/// Whether the issue fits `target` pages, and what to cut or what room is left.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// Pages wanted.
    pub target: usize,
    /// Pages the issue takes.
    pub pages: usize,
    /// Grid lines to cut to fit (0 when it fits).
    pub over: usize,
    /// About how many characters that is.
    pub over_chars: usize,
    /// Per page within the target (from 1): the free grid lines of each column.
    pub room: Vec<(usize, Vec<usize>)>,
    /// Articles where a cut gives back a whole line soonest: (title, characters to cut).
    pub cuts: Vec<(String, usize)>,
    /// Free lines in all columns of the target pages (whole pages not used count in full).
    pub free: usize,
}

impl Fit {
    /// The verdict for `target` pages from a census of the laid-out issue.
    pub fn new(census: &Census, target: usize) -> Fit {
        let pages = census.used.len();
        let capacity = (target * census.lines).saturating_sub(census.masthead + census.closing) * census.columns;
        let over = if pages > target { census.needed.saturating_sub(capacity).max(1) } else { 0 };
        let room = census
            .used
            .iter()
            .enumerate()
            .take(target)
            .map(|(i, cols)| {
                let bottom = if i + 1 == pages { census.lines.saturating_sub(census.closing) } else { census.lines };
                (i + 1, cols.iter().map(|&u| bottom.saturating_sub(u)).collect())
            })
            .collect();
        let mut cuts = census.slack.clone();
        cuts.sort_by_key(|(_, n)| *n);
        cuts.truncate(3);
        let room: Vec<(usize, Vec<usize>)> = room;
        let unused = target.saturating_sub(pages) * census.lines * census.columns;
        let free = room.iter().flat_map(|(_, c)| c).sum::<usize>() + unused;
        Fit { target, pages, over, over_chars: over * census.chars, room, cuts, free }
    }

    /// Whether the issue fits.
    pub fn fits(&self) -> bool {
        self.pages <= self.target
    }

    /// The verdict as one warning (when it does not fit) or note, in the warnings' format.
    pub fn message(&self) -> String {
        let mut s = String::new();
        if self.fits() {
            let (target, pages, free) =
                (count(self.target, "page"), count(self.pages, "page"), count(self.free, "line"));
            let _ = write!(s, "note: fits {target}: {pages}, {free} free");
        } else {
            let _ = write!(
                s,
                "warning: does not fit {}: {}, cut {} (about {})",
                count(self.target, "page"),
                count(self.pages, "page"),
                count(self.over, "line"),
                count(self.over_chars, "character")
            );
        }
        for (page, cols) in &self.room {
            let cols: Vec<String> = cols.iter().map(ToString::to_string).collect();
            let _ = write!(s, "\n  = page {page}: lines free per column: {}", cols.join(", "));
        }
        if !self.fits() {
            for (title, chars) in &self.cuts {
                let _ = write!(s, "\n  = cut {} from 「{title}」 to save a line", count(*chars, "character"));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn census(used: Vec<Vec<usize>>, needed: usize) -> Census {
        Census {
            columns: 2,
            lines: 40,
            chars: 20,
            masthead: 10,
            closing: 6,
            needed,
            used,
            slack: vec![("甲".into(), 3), ("乙".into(), 1)],
        }
    }

    #[test]
    fn one_line_too_long_is_one_line_to_cut() {
        // Two pages hold (80 - 16) × 2 = 128 lines; 129 spill onto a third page.
        let fit = Fit::new(&census(vec![vec![30, 30], vec![40, 40], vec![1, 0]], 129), 2);
        assert!(!fit.fits());
        assert_eq!((fit.over, fit.over_chars, fit.pages), (1, 20, 3));
        assert_eq!(fit.cuts[0], ("乙".to_string(), 1));
        assert!(fit.message().contains("cut 1 line (about 20 characters)"), "{}", fit.message());
    }

    #[test]
    fn a_short_issue_has_room() {
        let c = census(vec![vec![30, 28], vec![20, 19]], 97);
        let fit = Fit::new(&c, 3);
        assert!(fit.fits());
        assert_eq!(fit.room, vec![(1, vec![10, 12]), (2, vec![14, 15])]);
        assert_eq!(fit.free, 51 + 80);
    }
}
