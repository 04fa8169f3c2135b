//! The output intent: the printing condition the CMYK values are meant for, with its ICC
//! output profile — FOGRA39 (offset on coated paper) compiled into the program (see `icc/`),
//! or the print shop's own profile (`--output-intent`), named by its description.

use pdf_writer::types::OutputIntentSubtype;
use pdf_writer::writers::Catalog;
use pdf_writer::{Chunk, Filter, Ref, TextStr};

use super::icc::OutputProfile;
use super::options::Standard;

/// The bundled condition's identifier in the ICC characterization data registry.
const CONDITION_ID: &str = "FOGRA39";

/// The registry of [`CONDITION_ID`].
const REGISTRY: &str = "http://www.color.org";

/// The bundled condition, for people.
const CONDITION: &str = "Offset printing, ISO 12647-2:2004/Amd 1, paper type 1 or 2 (coated art), 115 g/m2";

/// The identifier of a condition that is not in the registry: the embedded profile is it.
const CUSTOM_ID: &str = "Custom";

/// Writes the profile as an ICC stream with 4 components.
pub(super) fn write_profile(chunk: &mut Chunk, id: Ref, profile: &OutputProfile) {
    chunk.icc_profile(id, &profile.compressed()).n(4).filter(Filter::FlateDecode);
}

/// Adds the one output intent the standard asks for (`GTS_PDFX` or `GTS_PDFA1`) to the
/// catalog, with the profile `profile` written as object `id`.
pub(super) fn write_intent(catalog: &mut Catalog, standard: Standard, id: Ref, profile: &OutputProfile) {
    let subtype = if standard.pdfa().is_some() { OutputIntentSubtype::PDFA } else { OutputIntentSubtype::PDFX };
    let description = profile.description();
    let mut intents = catalog.output_intents();
    let mut intent = intents.push();
    intent.subtype(subtype);
    if profile.is_bundled() {
        intent
            .output_condition_identifier(TextStr(CONDITION_ID))
            .registry_name(TextStr(REGISTRY))
            .output_condition(TextStr(CONDITION));
    } else {
        intent.output_condition_identifier(TextStr(CUSTOM_ID)).output_condition(TextStr(&description));
    }
    intent.info(TextStr(&description)).dest_output_profile(id);
}
