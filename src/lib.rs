//! jianbao — a typesetter for Chinese print bulletins (简报).
//!
//! The pipeline runs one way, one module per stage:
//! `manifest` (TOML → [`manifest::Issue`]) → `document` (blocks) → `setting` (blocks →
//! units, each paragraph through `compose`: text → lines) → `flow` (units → pages) → `pdf`
//! (pages → bytes). `layout` and `font` are read by the stages that need them; `build` runs
//! the stages for one issue; `batch` builds many, in parallel, sharing the fonts.

#![warn(missing_docs)]

pub mod batch;
pub mod build;
pub mod calendar;
pub mod compose;
pub mod copyfit;
pub mod diagnostic;
pub mod document;
pub mod docx;
pub mod flow;
pub mod font;
pub mod layout;
pub mod limits;
pub mod manifest;
pub mod messages;
pub mod new;
pub mod numerals;
pub mod ofd;
pub mod page;
pub mod parallel;
pub mod pdf;
pub mod picture;
pub mod png;
pub mod setting;
pub mod unicode;
pub mod units;
pub mod watch;
