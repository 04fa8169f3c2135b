//! The document model: what will be printed, as blocks, with no layout decisions. Every
//! printed string is a [`Text`] that knows where it was written.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::source::{SourceFile, Text};
use crate::page::Picture;

/// A whole issue as blocks in print order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The files the text came from (manifest first), for messages.
    pub sources: Vec<SourceFile>,
    /// The masthead (报头) on page 1.
    pub masthead: Masthead,
    /// The editor's note (编者按), after the masthead, before the first article.
    pub editor_note: Option<Note>,
    /// Whether a contents box (本期要目) is set under the masthead.
    pub contents: bool,
    /// The contents box's title as the layout words it (本期要目), once the layout is read
    /// (see `build::set_layout_words`; `None` before, and when there is no box).
    pub contents_title: Option<Text>,
    /// The articles in print order.
    pub articles: Vec<Article>,
    /// The closing block (报尾) at the foot of the last page.
    pub closing: Closing,
    /// The layout the issue asks for: a name from `layouts/` or a path (already resolved
    /// against the folder of the file that names it when it is a path).
    pub layout: String,
    /// Issue date as (year, month, day).
    pub date: (i32, u8, u8),
    /// The pictures the figures show, by their file's path, once they have been read (see
    /// `build::load`; empty before).
    pub pictures: BTreeMap<PathBuf, Arc<Picture>>,
}

/// The masthead lines, already worded as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Masthead {
    /// The classification at the top left, e.g. `内部资料　注意保存`.
    pub classification: Option<Text>,
    /// Pinyin line above the title, e.g. `LIANLUODONGTAI`.
    pub pinyin: Option<Text>,
    /// The series title, e.g. `联络动态`.
    pub title: Text,
    /// Issue number line, e.g. `第4期` (`增刊第1期` for a special issue).
    pub number: Text,
    /// Running total in Chinese numerals, e.g. `（总第六百二十七期）`.
    pub total: Option<Text>,
    /// Publisher line, e.g. `湖南省人大常委会选举任免联络工作委员会编`.
    pub publisher: Text,
    /// Date as printed, e.g. `2021年4月3日`.
    pub date: Text,
}

/// One article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The title, centred and bold (a typed line break `\n` forces a break there).
    pub title: Text,
    /// An editor's note after the title, before the body.
    pub note: Option<Note>,
    /// The body, block by block.
    pub blocks: Vec<Block>,
    /// Credit line as printed, e.g. `（长沙市人大常委会联工委　供稿）`.
    pub credit: Option<Text>,
}

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A body paragraph (it may open with a run-in heading).
    Paragraph(Paragraph),
    /// A sub-heading standing on its own line(s).
    Heading(Heading),
    /// A picture with its caption.
    Figure(Figure),
}

/// A sub-heading standing alone (GB/T 9704 §7.3.3 numbering: 一、 （一） 1. （1）).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Level 1–4.
    pub level: u8,
    /// The heading as written, ordinal included.
    pub text: Text,
}

/// A picture and its caption: a paragraph that is exactly `![CAPTION](PATH)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The picture's file, resolved against the folder of the text that names it.
    pub path: PathBuf,
    /// The path as written (what a message shows).
    pub written: Text,
    /// The caption (may be empty).
    pub caption: Text,
}

/// An editor's note (编者按): its label as printed (`编者按：`) and its paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The label with its colon, set bold before the first paragraph.
    pub label: Text,
    /// The paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph: style runs in order (a bold run-in lead sentence, then regular text).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    /// The runs; their texts concatenated are the paragraph's text.
    pub runs: Vec<Run>,
}

impl Paragraph {
    /// The paragraph's text, runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// Text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text, exactly as the editor wrote it (line breaks inside the paragraph joined).
    pub text: Text,
    /// Whether it was marked `**bold**`.
    pub bold: bool,
    /// The level of the run-in heading this run is (`（一）聚焦主题。` opening a paragraph).
    pub heading: Option<u8>,
}

/// The closing block (报尾): the distribution, then the colophon lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closing {
    /// Distribution groups, each its label and recipients.
    pub groups: Vec<Group>,
    /// 责任编辑：names.
    pub editors: Option<Labelled>,
    /// 联系方式：phone　e-mail.
    pub contact: Option<Labelled>,
    /// 批准文号：number.
    pub approval: Option<Labelled>,
    /// （共印N份）, at the end.
    pub copies: Option<Text>,
}

/// One distribution group: its label (送, 报, 发 …) with the colon, and the recipients, each
/// starting a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The label as printed, e.g. `送：`.
    pub label: Text,
    /// The recipients.
    pub recipients: Vec<Text>,
}

/// A closing-block line: a label such as `责任编辑：` and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    /// The label as printed, with its colon.
    pub label: Text,
    /// The values, separated in print by an ideographic space.
    pub values: Vec<Text>,
}
