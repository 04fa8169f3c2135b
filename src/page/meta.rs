//! Document-level facts outputs record (PDF Info and XMP, OFD DocInfo) and the outline.

/// An entry of the document outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// The text shown: an article title, a heading.
    pub title: String,
    /// Index of the page (from 0).
    pub page: usize,
    /// Top of the destination, points from the top of the trimmed page.
    pub y: f64,
    /// Depth: 1 for an article, 2 for a heading inside it.
    pub level: u8,
}

/// Document-level facts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    /// Document title, e.g. `联络动态 2021年第4期`.
    pub title: String,
    /// Author / publisher line.
    pub author: String,
    /// Subject: the article titles.
    pub subject: String,
    /// The issue date as (year, month, day); used as the creation date.
    pub date: (i32, u8, u8),
    /// Language tag, e.g. `zh-CN`.
    pub language: String,
    /// The series title, e.g. `联络动态`.
    pub series: String,
    /// The issue number as printed, e.g. `第4期`.
    pub issue: String,
    /// The running total as printed, without brackets, e.g. `总第六百二十七期`; empty if none.
    pub total: String,
    /// The publisher, e.g. `湖南省人大常委会选举任免联络工作委员会`.
    pub publisher: String,
    /// The issue's classification as printed, e.g. `内部资料　注意保存`.
    pub classification: Option<String>,
    /// Creation time in seconds since 1970-01-01 UTC (`SOURCE_DATE_EPOCH`); `None` records the
    /// issue date at midnight UTC.
    pub created: Option<i64>,
    /// The outline, in reading order.
    pub bookmarks: Vec<Bookmark>,
}
