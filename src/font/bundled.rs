//! The fonts compiled into the program, so that a fresh clone or an installed binary needs
//! no CJK font on the system (Noto Serif CJK, SIL OFL 1.1, see `fonts/OFL.txt`).

use super::{Face, FaceData, FontError};

/// Noto Serif CJK Regular collection (Debian fonts-noto-cjk 1:20220127).
static SERIF_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerifCJK-Regular.ttc");
/// Noto Serif CJK Bold collection.
static SERIF_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifCJK-Bold.ttc");

/// Index of the Simplified Chinese face inside each Noto CJK collection.
const SC_INDEX: u32 = 2;

/// Whether `name` names a bundled face (so it is not a path).
pub fn is_bundled(name: &str) -> bool {
    matches!(name, "Noto Serif CJK SC" | "Noto Serif CJK SC Regular" | "Noto Serif CJK SC Bold")
}

/// Loads a bundled face by its layout name (`"Noto Serif CJK SC"` or `"Noto Serif CJK SC Bold"`).
pub fn bundled_face(name: &str) -> Option<Result<Face, FontError>> {
    let data = match name {
        "Noto Serif CJK SC" | "Noto Serif CJK SC Regular" => SERIF_REGULAR,
        "Noto Serif CJK SC Bold" => SERIF_BOLD,
        _ => return None,
    };
    Some(Face::new(name, FaceData::Static(data), SC_INDEX))
}
