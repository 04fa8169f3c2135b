//! The document model: what will be printed, as blocks, with no layout decisions.

/// A whole issue as blocks in print order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The masthead (报头) on page 1.
    pub masthead: Masthead,
    /// The articles in print order.
    pub articles: Vec<Article>,
    /// The closing block (报尾) at the foot of the last page.
    pub closing: Closing,
    /// The layout the issue asks for: a name from `layouts/` or a path (already resolved
    /// against the manifest's folder when it is a path).
    pub layout: String,
    /// Issue date as (year, month, day).
    pub date: (i32, u8, u8),
}

/// The masthead lines, already worded as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Masthead {
    /// Pinyin line above the title, e.g. `LIANLUODONGTAI`.
    pub pinyin: Option<String>,
    /// The series title, e.g. `联络动态`.
    pub title: String,
    /// Issue number line, e.g. `第4期`.
    pub number: String,
    /// Running total in Chinese numerals, e.g. `（总第六百二十七期）`.
    pub total: Option<String>,
    /// Publisher line, e.g. `湖南省人大常委会选举任免联络工作委员会编`.
    pub publisher: String,
    /// Date as printed, e.g. `2021年4月3日`.
    pub date: String,
}

/// One article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The title, centred and bold.
    pub title: String,
    /// Body paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Credit line as printed, e.g. `（长沙市人大常委会联工委　供稿）`.
    pub credit: Option<String>,
}

/// A paragraph: style runs in order (a bold run-in lead sentence, then regular text).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    /// The runs; their texts concatenated are the paragraph's text.
    pub runs: Vec<Run>,
}

/// Text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text, exactly as the editor wrote it (line breaks inside the paragraph joined).
    pub text: String,
    /// Whether it was marked `**bold**`.
    pub bold: bool,
}

/// The closing block (报尾).
#[derive(Debug, Clone, PartialEq)]
pub struct Closing {
    /// Distribution label, e.g. `送`.
    pub label: String,
    /// Recipient groups; each starts a new line.
    pub recipients: Vec<String>,
    /// Responsible editors' names as written, e.g. `石韧`.
    pub editors: Vec<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// Contact e-mail.
    pub email: Option<String>,
    /// Approval number, e.g. `湘党简准字〔2000〕第28号`.
    pub approval: Option<String>,
}
