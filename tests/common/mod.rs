//! Helpers shared by the integration tests (`mod common;` in a test file).
//!
//! Each test crate uses only some of the helpers, so unused ones are not warned about.
#![allow(dead_code)]

pub mod pdfread;
pub mod tagged;
