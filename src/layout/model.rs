//! The layout as the program uses it: typed, every value checked once when it was read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::compose::{Kinsoku, PunctStyle};
use crate::page::Paint;
use crate::units::mm;

/// A whole layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Paper and type-area position.
    pub page: PageSpec,
    /// The character grid.
    pub grid: Grid,
    /// Fonts by key (`regular`, `bold`), as written: a bundled face's name or a font file's
    /// path (relative to the layout file's folder), `#INDEX` for a member of a collection.
    pub fonts: BTreeMap<String, String>,
    /// Type roles.
    pub roles: Roles,
    /// The masthead block.
    pub masthead: MastheadSpec,
    /// The closing block.
    pub closing: ClosingSpec,
    /// The page number.
    pub folio: FolioSpec,
    /// Faces for characters the role fonts lack.
    pub fallback: FallbackSpec,
    /// How editors' notes are set off.
    pub notes: FrameSpec,
    /// The contents box (本期要目).
    pub contents: ContentsSpec,
    /// Pictures.
    pub figure: FigureSpec,
    /// The layout file's folder, against which relative font paths resolve (`None` for a
    /// built-in layout).
    pub dir: Option<PathBuf>,
}

/// Paper size and the type area's position.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSpec {
    /// Trimmed width, mm.
    pub width: f64,
    /// Trimmed height, mm.
    pub height: f64,
    /// Paper top to the top of the first line's em box, mm.
    pub top: f64,
    /// Paper left edge to the type area (the binding margin), mm; centred when absent.
    pub left: Option<f64>,
    /// Most pages an issue may take; a longer issue fails to build.
    pub max_pages: Option<usize>,
}

/// The character grid shared by all columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Body font size, pt.
    pub body_size: f64,
    /// Baseline-to-baseline distance, pt.
    pub line_pitch: f64,
    /// Grid lines per column.
    pub lines: usize,
    /// Number of columns.
    pub columns: usize,
    /// Characters per column line.
    pub column_chars: usize,
    /// Gutter between columns, in characters.
    pub gutter_chars: usize,
    /// First-line indent, in characters.
    pub indent_chars: f64,
    /// Kinsoku level.
    pub kinsoku: Kinsoku,
    /// Punctuation width style.
    pub punctuation: PunctStyle,
    /// Whether a lone 、，。． may hang past the line end (off by default: it breaks the grid).
    pub hanging_punctuation: bool,
}

/// The roles a layout sets text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoleName {
    /// Body text.
    Body,
    /// The bold run-in lead sentence (`**…**`).
    Lead,
    /// Article titles.
    Title,
    /// The credit line （…　供稿）.
    Credit,
    /// The pinyin line above the masthead title.
    Pinyin,
    /// The masthead title.
    MastheadTitle,
    /// 第N期（总第…期）.
    Number,
    /// The publisher and date line.
    Publisher,
    /// The closing block.
    Closing,
    /// Page numbers.
    Folio,
    /// Sub-headings of level 1 (一、), standing alone.
    Heading1,
    /// Sub-headings of level 2 (（一）), alone or run in.
    Heading2,
    /// Sub-headings of level 3 (1.).
    Heading3,
    /// Sub-headings of level 4 (（1）).
    Heading4,
    /// Editors' notes (编者按).
    Note,
    /// The label of an editor's note (编者按：).
    NoteLabel,
    /// Picture captions.
    Caption,
    /// Entries of the contents box.
    Contents,
    /// The contents box's title (本期要目).
    ContentsTitle,
    /// The classification at the masthead's top left (内部资料).
    Classification,
}

impl RoleName {
    /// Every role, in the order of the `[roles]` tables.
    pub const ALL: [RoleName; 20] = [
        RoleName::Body,
        RoleName::Lead,
        RoleName::Title,
        RoleName::Credit,
        RoleName::Pinyin,
        RoleName::MastheadTitle,
        RoleName::Number,
        RoleName::Publisher,
        RoleName::Closing,
        RoleName::Folio,
        RoleName::Heading1,
        RoleName::Heading2,
        RoleName::Heading3,
        RoleName::Heading4,
        RoleName::Note,
        RoleName::NoteLabel,
        RoleName::Caption,
        RoleName::Contents,
        RoleName::ContentsTitle,
        RoleName::Classification,
    ];

    /// The role of sub-headings of `level` (1–4; others read as 4).
    pub fn heading(level: u8) -> RoleName {
        match level {
            1 => RoleName::Heading1,
            2 => RoleName::Heading2,
            3 => RoleName::Heading3,
            _ => RoleName::Heading4,
        }
    }

    /// The role's key in the layout (`roles.NAME`).
    pub fn key(self) -> &'static str {
        match self {
            RoleName::Body => "body",
            RoleName::Lead => "lead",
            RoleName::Title => "title",
            RoleName::Credit => "credit",
            RoleName::Pinyin => "pinyin",
            RoleName::MastheadTitle => "masthead_title",
            RoleName::Number => "number",
            RoleName::Publisher => "publisher",
            RoleName::Closing => "closing",
            RoleName::Folio => "folio",
            RoleName::Heading1 => "heading1",
            RoleName::Heading2 => "heading2",
            RoleName::Heading3 => "heading3",
            RoleName::Heading4 => "heading4",
            RoleName::Note => "note",
            RoleName::NoteLabel => "note_label",
            RoleName::Caption => "caption",
            RoleName::Contents => "contents",
            RoleName::ContentsTitle => "contents_title",
            RoleName::Classification => "classification",
        }
    }
}

/// The roles of a layout, one per [`RoleName`], in the order of [`RoleName::ALL`].
#[derive(Debug, Clone, PartialEq)]
pub struct Roles(pub(super) [Role; RoleName::ALL.len()]);

/// A type role: font, size, paint and spacing, and how far a one-line slot set in it may
/// tighten to fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// A key of the layout's fonts.
    pub font: String,
    /// Size, pt.
    pub size: f64,
    /// Paint (process colour or spot ink).
    pub paint: Paint,
    /// Line pitch for roles set on their own pitch (titles, closing block), pt.
    pub line_pitch: Option<f64>,
    /// Space above, in grid lines.
    pub space_before: f64,
    /// Space below, in grid lines.
    pub space_after: f64,
    /// Whole grid lines the space above may grow by, so that a column held short by a keep
    /// still ends on its last grid line.
    pub space_stretch: usize,
    /// Extra space between characters, em (a letter-spaced masthead title).
    pub tracking: f64,
    /// Synthetic bold: stroke width in em; the glyphs keep their advances.
    pub embolden: f64,
    /// The smallest size a one-line slot in this role may shrink to, to fit, pt.
    pub min_size: f64,
    /// The tightest tracking a one-line slot in this role may take, to fit, em.
    pub min_tracking: f64,
}

impl Role {
    /// The role's line pitch: its own, or 1.5 times its size.
    pub fn pitch(&self) -> f64 {
        self.line_pitch.unwrap_or(self.size * 1.5)
    }
}

/// Where the masthead's lines sit (page 1, all columns).
#[derive(Debug, Clone, PartialEq)]
pub struct MastheadSpec {
    /// Grid lines the masthead takes.
    pub lines: usize,
    /// Baseline of the pinyin line, grid lines from the type-area top.
    pub pinyin_baseline: f64,
    /// Baseline of the title.
    pub title_baseline: f64,
    /// Baseline of the 第N期 line.
    pub number_baseline: f64,
    /// Baseline of the （总第…期） line; `None` sets it after 第N期 on one line.
    pub total_baseline: Option<f64>,
    /// Baseline of the classification at the top left.
    pub classification_baseline: f64,
    /// Baseline of the publisher / date line.
    pub publisher_baseline: f64,
    /// Distance from the publisher baseline to the rule, grid lines.
    pub rule_offset: f64,
    /// Rule thickness, pt.
    pub rule_thickness: f64,
    /// Rule paint.
    pub rule_paint: Paint,
    /// Indent of the publisher and date from the sides, em of the publisher role.
    pub side_indent: f64,
}

/// The closing block's rules and spacing.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingSpec {
    /// First and last rule thickness, pt.
    pub outer_rule: f64,
    /// Thickness of the rules between groups, pt.
    pub inner_rule: f64,
    /// Rule paint.
    pub rule_paint: Paint,
    /// Space between a rule and the text, in closing line pitches.
    pub padding: f64,
    /// Indent from each side, em of the closing role.
    pub side_indent: f64,
}

/// How a block is set off from the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// A rectangle around it.
    Box,
    /// A rule above and below it.
    Rules,
    /// Nothing but its own role.
    None,
}

/// How notes (or the contents box) are framed.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameSpec {
    /// Box, rules or none.
    pub frame: Frame,
    /// Thickness of the frame's lines, pt.
    pub rule_thickness: f64,
    /// Space between the frame and the text, em of the block's role.
    pub padding: f64,
}

/// The contents box.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentsSpec {
    /// Its title, e.g. 本期要目.
    pub title: String,
    /// Its frame.
    pub frame: FrameSpec,
}

/// How pictures are set.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureSpec {
    /// Space between a picture and its caption, em of the caption role.
    pub caption_gap: f64,
    /// Below this effective resolution a picture is reported, pixels per inch.
    pub min_ppi: f64,
}

/// Where page numbers go across the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolioAlign {
    /// Centred under the type area.
    Center,
    /// On the outside edge: odd pages at the right, even pages at the left.
    Outside,
}

/// The page number.
#[derive(Debug, Clone, PartialEq)]
pub struct FolioSpec {
    /// Distance below the type area, mm.
    pub offset: f64,
    /// Where across the page.
    pub align: FolioAlign,
    /// Indent from the type area's side when on the outside, em of the folio role.
    pub indent: f64,
}

/// Where characters the role fonts lack are looked for: `fonts` in order (bundled names or
/// font files, `path#index` for a collection), then the system's fonts unless `system` is off.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FallbackSpec {
    /// Font names or paths (relative to the layout file's folder), in order.
    pub fonts: Vec<String>,
    /// Whether the system's fonts are searched after them.
    pub system: bool,
}

impl Layout {
    /// Width of one column, pt (a whole number of characters).
    pub fn column_width(&self) -> f64 {
        self.grid.column_chars as f64 * self.grid.body_size
    }

    /// Gutter width, pt.
    pub fn gutter(&self) -> f64 {
        self.grid.gutter_chars as f64 * self.grid.body_size
    }

    /// Width of the type area, pt.
    pub fn type_width(&self) -> f64 {
        let g = &self.grid;
        g.columns as f64 * self.column_width() + g.columns.saturating_sub(1) as f64 * self.gutter()
    }

    /// Height of the type area, pt: from the first em-box top to the last em-box bottom.
    pub fn type_height(&self) -> f64 {
        self.grid.lines.saturating_sub(1) as f64 * self.grid.line_pitch + self.grid.body_size
    }

    /// Left edge of the type area, pt (centred on the page unless `page.left` says).
    pub fn type_left(&self) -> f64 {
        self.page.left.map_or((mm(self.page.width) - self.type_width()) / 2.0, mm)
    }

    /// Top of the type area, pt.
    pub fn type_top(&self) -> f64 {
        mm(self.page.top)
    }

    /// Baseline of grid line `n` (0-based), pt from the page top, for body text whose em box
    /// rises `em_top` ems above its baseline.
    pub fn baseline_at(&self, n: f64, em_top: f64) -> f64 {
        self.type_top() + em_top * self.grid.body_size + n * self.grid.line_pitch
    }

    /// Where a font the layout names is loaded from: a bundled face's name as it is, a
    /// relative path joined to the layout file's folder.
    pub fn font_location(&self, name: &str) -> String {
        let (path, index) = match name.rsplit_once('#') {
            Some((p, i)) if i.parse::<u32>().is_ok() => (p, Some(i)),
            _ => (name, None),
        };
        match &self.dir {
            Some(dir) if !crate::font::is_bundled(name) && Path::new(path).is_relative() => {
                let joined = dir.join(path).to_string_lossy().into_owned();
                index.map_or(joined.clone(), |i| format!("{joined}#{i}"))
            }
            _ => name.to_string(),
        }
    }

    /// The files of the fonts the layout names (role fonts and the fallback chain), resolved;
    /// bundled faces have none.
    pub fn font_files(&self) -> Vec<PathBuf> {
        let names = self.fonts.values().chain(&self.fallback.fonts);
        names
            .filter(|name| !crate::font::is_bundled(name))
            .map(|name| {
                let location = self.font_location(name);
                let path = match location.rsplit_once('#') {
                    Some((p, i)) if i.parse::<u32>().is_ok() => p.to_string(),
                    _ => location,
                };
                PathBuf::from(path)
            })
            .collect()
    }

    /// A role.
    pub fn role(&self, name: RoleName) -> &Role {
        self.roles.get(name)
    }
}

impl Roles {
    /// The role of this name.
    pub fn get(&self, name: RoleName) -> &Role {
        &self.0[name as usize]
    }

    /// Mutable access to a role (for tests and programs that adjust a loaded layout).
    pub fn get_mut(&mut self, name: RoleName) -> &mut Role {
        &mut self.0[name as usize]
    }
}
