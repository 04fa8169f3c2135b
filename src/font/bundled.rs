//! The fonts compiled into the program, so that a fresh clone or an installed binary needs
//! no CJK font on the system: Noto Serif CJK SC Regular and Bold (body, titles), Noto Sans
//! CJK SC Bold (黑体: level-1 headings, the pinyin line, labels) and LXGW WenKai (楷体:
//! level-2 headings, notes) — all SIL OFL 1.1, see `fonts/OFL.txt`.

use super::{Face, FaceData, FontError};

/// Noto Serif CJK Regular collection (Debian fonts-noto-cjk 1:20220127).
static SERIF_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerifCJK-Regular.ttc");
/// Noto Serif CJK Bold collection.
static SERIF_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifCJK-Bold.ttc");
/// Noto Sans CJK Bold collection.
static SANS_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansCJK-Bold.ttc");
/// LXGW WenKai Regular (Debian fonts-lxgw-wenkai 1.250).
static KAI: &[u8] = include_bytes!("../../fonts/LXGWWenKai-Regular.ttf");

/// Index of the Simplified Chinese face inside each Noto CJK collection.
const SC_INDEX: u32 = 2;

/// The bundled faces: layout names, bytes and index in the file.
const FACES: [(&str, &[u8], u32); 5] = [
    ("Noto Serif CJK SC", SERIF_REGULAR, SC_INDEX),
    ("Noto Serif CJK SC Regular", SERIF_REGULAR, SC_INDEX),
    ("Noto Serif CJK SC Bold", SERIF_BOLD, SC_INDEX),
    ("Noto Sans CJK SC Bold", SANS_BOLD, SC_INDEX),
    ("LXGW WenKai", KAI, 0),
];

/// Whether `name` names a bundled face (so it is not a path).
pub fn is_bundled(name: &str) -> bool {
    FACES.iter().any(|(n, _, _)| *n == name)
}

/// Loads a bundled face by its layout name (`"Noto Serif CJK SC"`, `"Noto Serif CJK SC
/// Bold"`, `"Noto Sans CJK SC Bold"`, `"LXGW WenKai"`).
pub fn bundled_face(name: &str) -> Option<Result<Face, FontError>> {
    let (_, data, index) = FACES.iter().find(|(n, _, _)| *n == name)?;
    Some(Face::new(name, FaceData::Static(data), *index))
}
