//! What `flow` returns: the pages, where each unit went, and what could not be done well.

use std::fmt;

use super::faults::Fault;
use crate::page::{Bookmark, Page};

/// The issue laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Flowed {
    /// The pages.
    pub pages: Vec<Page>,
    /// Per unit of the galley, where it was set (`None` for space dropped at a column's
    /// head or foot).
    pub placements: Vec<Option<Placement>>,
    /// The outline: one entry per article, where its first line was set (an article with
    /// nothing drawn points where the one before it does).
    pub outline: Vec<Bookmark>,
    /// Faults no arrangement could avoid, in page order.
    pub warnings: Vec<FlowWarning>,
}

/// Where a unit was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Page, from 0.
    pub page: usize,
    /// Column, from 0.
    pub column: usize,
    /// Grid line of its first line, from 0 at the type area's top.
    pub row: usize,
}

/// A fault left in the layout because nothing else fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowWarning {
    /// Page, from 1.
    pub page: usize,
    /// Column, from 1.
    pub column: usize,
    /// The article's title, when the warning concerns one.
    pub article: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

/// A fault `flow` could not avoid.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A keep broken at the column's end.
    Broken(Fault),
    /// A unit taller than the column.
    TooTall {
        /// Grid lines of the unit.
        lines: usize,
        /// Grid lines of the column.
        capacity: usize,
    },
    /// The last page's columns end this many lines apart.
    Unbalanced(usize),
}

impl fmt::Display for FlowWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: page {}, column {}", self.page, self.column)?;
        if let Some(title) = &self.article {
            write!(f, " (「{title}」)")?;
        }
        match &self.problem {
            Problem::Broken(fault) => write!(f, ": {fault}; no other arrangement fits"),
            Problem::TooTall { lines, capacity } => {
                write!(f, ": a block of {lines} lines does not fit in a column of {capacity}")
            }
            Problem::Unbalanced(d) => write!(f, ": the last page's columns end {d} lines apart"),
        }
    }
}

/// Why an issue cannot be laid out.
#[derive(Debug, Clone, PartialEq)]
pub enum FlowError {
    /// More pages than the layout allows.
    TooLong {
        /// Pages the issue takes.
        pages: usize,
        /// Pages the layout allows.
        limit: usize,
        /// Column lines too many.
        lines: usize,
        /// The title of the article that runs past the last allowed page (`None` when only
        /// the closing block does).
        article: Option<String>,
    },
}

impl fmt::Display for FlowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlowError::TooLong { pages, limit, lines, article } => {
                let s = if *limit == 1 { "" } else { "s" };
                write!(f, "the issue takes {pages} pages but the layout allows {limit} page{s}: ")?;
                write!(f, "it is {lines} line{} too long; ", if *lines == 1 { "" } else { "s" })?;
                match article {
                    Some(title) => write!(f, "「{title}」 runs past page {limit}"),
                    None => write!(f, "the closing block does not fit on page {limit}"),
                }
            }
        }
    }
}

impl std::error::Error for FlowError {}
