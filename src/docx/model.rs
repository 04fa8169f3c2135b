//! What the walk over `document.xml` produces: paragraphs of segments, and markers for the
//! tables and text boxes whose text is kept as paragraphs.

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Seg {
    /// Text, bold or not.
    Text {
        /// The characters.
        text: String,
        /// Whether Word shows it bold.
        bold: bool,
    },
    /// The number Word's list numbering puts before the paragraph (一、, （一）…).
    Label {
        /// The number's text.
        text: String,
        /// Whether the number is bold.
        bold: bool,
    },
    /// A soft line break (`w:br`, `w:cr`).
    Break,
    /// A picture at this place.
    Picture(PictureRef),
}

/// A picture in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PictureRef {
    /// The image's part name in the package (resolved from the relationship).
    pub part: String,
    /// The alt text (`wp:docPr descr`/`title`, VML `alt`), when usable as a caption.
    pub alt: Option<String>,
    /// The caption, from the paragraph after the picture.
    pub caption: Option<String>,
}

/// A paragraph of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Para {
    /// Its content in order.
    pub segs: Vec<Seg>,
    /// Whether its style is the Caption style.
    pub caption_style: bool,
    /// Warnings located at this paragraph.
    pub notes: Vec<String>,
}

impl Para {
    /// Whether the paragraph holds a picture.
    pub fn has_picture(&self) -> bool {
        self.segs.iter().any(|s| matches!(s, Seg::Picture(_)))
    }

    /// The paragraph's text without markup, line breaks as `\n`.
    pub fn plain(&self) -> String {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text { text, .. } | Seg::Label { text, .. } => text.as_str(),
                Seg::Break => "\n",
                Seg::Picture(_) => "",
            })
            .collect()
    }

    /// Whether the paragraph has neither visible text nor a picture.
    pub fn is_empty(&self) -> bool {
        !self.has_picture() && self.plain().trim().is_empty()
    }
}

/// One step of the document in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    /// A paragraph.
    Para(Para),
    /// A table begins; its cells' paragraphs follow.
    TableStart {
        /// The table's number in the document (1-based, nested tables counted too).
        number: usize,
        /// Its rows.
        rows: usize,
        /// Its columns.
        columns: usize,
    },
    /// The table `number` ends.
    TableEnd(usize),
    /// A text box begins; its paragraphs follow (after the paragraph it is anchored to).
    BoxStart(usize),
    /// The text box `number` ends.
    BoxEnd(usize),
    /// A warning located at the next paragraph.
    Note(String),
}
