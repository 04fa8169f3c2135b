//! Document metadata: the Info dictionary and the file identifier.

use pdf_writer::types::TrappingStatus;
use pdf_writer::{Date, Pdf, Ref, TextStr};

use super::hash::hash;
use crate::flow::Metadata;

/// The Producer entry: the program and its version.
const PRODUCER: &str = concat!("jianbao ", env!("CARGO_PKG_VERSION"));

/// The issue date at midnight UTC (`D:YYYYMMDD000000Z`).
fn date(meta: &Metadata) -> Date {
    let (year, month, day) = meta.date;
    Date::new(year.clamp(0, 9999) as u16)
        .month(month)
        .day(day)
        .hour(0)
        .minute(0)
        .second(0)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Writes the Info dictionary as object `id`.
pub(super) fn write_info(pdf: &mut Pdf, id: Ref, meta: &Metadata) {
    pdf.document_info(id)
        .title(TextStr(&meta.title))
        .author(TextStr(&meta.author))
        .subject(TextStr(&meta.subject))
        .creator(TextStr("jianbao"))
        .producer(TextStr(PRODUCER))
        .creation_date(date(meta))
        .modified_date(date(meta))
        .trapped(TrappingStatus::NotTrapped);
}

/// A 16-byte file identifier computed from the bytes written so far.
pub(super) fn file_id(body: &[u8]) -> Vec<u8> {
    hash(body).to_be_bytes().to_vec()
}
