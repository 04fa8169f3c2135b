//! Messages for the editor in her language, and for scripts as JSON.
//!
//! Every message the program prints passes through here as the English it is made in. One
//! catalogue (`catalogue/`, by stage) pairs each English pattern with its code and its
//! Chinese wording; a message is matched against the patterns once, when printed, so the
//! stages that make messages stay in one language and a code is the same in both. A message
//! the catalogue does not know keeps its English wording under a Chinese label and the
//! generic code of its kind.

mod catalogue;
mod help;
mod json;
mod lang;
mod render;

pub use help::{lang_argument, localize_command};
pub use json::to_json;
pub use lang::{Lang, from_env};
pub use render::{Printer, localize, localize_report, translate};

/// `n` and the noun, singular for one: `1 page`, `3 pages` (the catalogue's pieces turn
/// both into Chinese).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// The output format of messages (`--message-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people: rustc-style text.
    #[default]
    Human,
    /// For scripts: one JSON object per message and line.
    Json,
}
