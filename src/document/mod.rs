//! Documents as blocks: the masthead, articles and the closing block, worded as printed.

mod build;
mod model;
mod numerals;
mod text;

#[cfg(test)]
mod tests;

pub use build::{DEFAULT_LABEL, DEFAULT_LAYOUT, from_issue};
pub use model::*;
pub use numerals::{chinese_date, chinese_numeral};
pub use text::{is_cjk, paragraphs};
