//! Where an item belongs in the document's logical structure, for tagged output.

/// What kind of element a drawn item is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagKind {
    /// Not content: page numbers, rules, crop marks, decoration.
    #[default]
    Artifact,
    /// The masthead (报头).
    Masthead,
    /// An article title.
    Title,
    /// A sub-heading of level 1–4.
    Heading(u8),
    /// A body paragraph.
    Paragraph,
    /// An editor's note (编者按).
    Note,
    /// A picture.
    Figure,
    /// A picture's caption.
    Caption,
    /// The contents box (本期要目).
    Contents,
    /// An article's credit line （…　供稿）.
    Credit,
    /// The closing block (报尾).
    Closing,
}

/// An item's element: its kind and the element's number in reading order (items of one
/// paragraph share it, across lines, columns and pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tag {
    /// The kind of element.
    pub kind: TagKind,
    /// The element's number in reading order (0 for artifacts).
    pub element: u32,
}

impl Tag {
    /// An artifact.
    pub const ARTIFACT: Tag = Tag { kind: TagKind::Artifact, element: 0 };
}
