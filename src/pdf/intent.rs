//! The output intent: the printing condition the CMYK values are meant for (FOGRA39, offset
//! on coated paper) with its ICC output profile, compiled into the program (see `icc/`).

use pdf_writer::types::OutputIntentSubtype;
use pdf_writer::writers::Catalog;
use pdf_writer::{Chunk, Filter, Ref, TextStr};

use super::deflate;
use super::options::Standard;

/// The CMYK output profile (ICC v2.2, class `prtr`), made from Fogra's FOGRA39L data.
pub(super) const PROFILE: &[u8] = include_bytes!("../../icc/FOGRA39L_coated.icc");

/// The condition's identifier in the ICC characterization data registry.
const CONDITION_ID: &str = "FOGRA39";

/// The registry of [`CONDITION_ID`].
const REGISTRY: &str = "http://www.color.org";

/// The condition, for people.
const CONDITION: &str = "Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated art), 115 g/m2";

/// The profile's description tag.
const PROFILE_NAME: &str = "FOGRA39L coated (ISO 12647-2:2004/Amd 1), ArgyllCMS";

/// Writes the profile as an ICC stream with 4 components.
pub(super) fn write_profile(chunk: &mut Chunk, id: Ref) {
    let data = deflate(PROFILE);
    chunk.icc_profile(id, &data).n(4).filter(Filter::FlateDecode);
}

/// Adds the one output intent the standard asks for (`GTS_PDFX` or `GTS_PDFA1`) to the
/// catalog, with the profile `profile`.
pub(super) fn write_intent(catalog: &mut Catalog, standard: Standard, profile: Ref) {
    let subtype = if standard.pdfa().is_some() { OutputIntentSubtype::PDFA } else { OutputIntentSubtype::PDFX };
    catalog
        .output_intents()
        .push()
        .subtype(subtype)
        .output_condition_identifier(TextStr(CONDITION_ID))
        .registry_name(TextStr(REGISTRY))
        .output_condition(TextStr(CONDITION))
        .info(TextStr(PROFILE_NAME))
        .dest_output_profile(profile);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_profile_is_a_cmyk_output_profile_v2() {
        assert_eq!(&PROFILE[36..40], b"acsp");
        assert_eq!(&PROFILE[12..20], b"prtrCMYK");
        assert_eq!(PROFILE[8], 2, "PDF/A-1 needs an ICC version 2 profile");
        let size = u32::from_be_bytes([PROFILE[0], PROFILE[1], PROFILE[2], PROFILE[3]]);
        assert_eq!(size as usize, PROFILE.len());
        let desc = String::from_utf8_lossy(PROFILE);
        assert!(desc.contains(PROFILE_NAME));
    }
}
