//! The one message catalogue: code, English pattern, Chinese wording. `{}` stands for a
//! piece copied from the English message into the Chinese, in order.

/// One message in both languages.
pub struct Entry {
    /// The code, the same in every language (`JB` + number; help texts have none).
    pub code: &'static str,
    /// The English pattern.
    pub en: &'static str,
    /// The Chinese wording.
    pub zh: &'static str,
}

/// Shorthand for a catalogue line.
const fn e(code: &'static str, en: &'static str, zh: &'static str) -> Entry {
    Entry { code, en, zh }
}

/// Labels opening a message, and the hint and note prefixes.
pub const LABELS: &[(&str, &str)] = &[("error", "错误"), ("warning", "警告"), ("note", "说明"), ("hint", "提示")];

/// Every message the catalogue knows, the longest patterns of a family first.
pub const CATALOGUE: &[Entry] = &[
    // Reading the manifest.
    e("JB0101", "missing key `{}` in `{}`", "`{}` 表缺少键 `{}`"),
    e("JB0102", "missing key `{}`", "缺少键 `{}`"),
    e("JB0103", "missing the `[issue]` table", "缺少 `[issue]` 表"),
    e("JB0104", "unknown key `{}` in `{}`", "`{}` 表中没有键 `{}`"),
    e("JB0105", "unknown key `{}`", "未知的键 `{}`"),
    e("JB0106", "wrong type: expected {}, found {}", "类型不对：应为 {}，实为 {}"),
    e("JB0107", "did you mean `{}`?", "是不是想写 `{}`？"),
    e("JB0108", "the issue has no articles", "本期没有文章"),
    e("JB0109", "article file `{}` not found", "找不到文章文件 `{}`"),
    e("JB0110", "`{}` must be at least 1, found {}", "`{}` 至少为 1，实为 {}"),
    e("JB0111", "cannot read `{}`: {}", "无法读取 `{}`：{}"),
    e("JB0112", "string values must be quoted", "字符串值须加英文双引号"),
    e("JB0113", "invalid string", "字符串写法有误"),
    e(
        "JB0114",
        "a curly quote `{}` where TOML needs a straight quote `\"`",
        "此处是弯引号 `{}`，TOML 须用英文直引号 `\"`",
    ),
    e("JB0115", "a full-width `{}` where TOML needs `{}`", "此处是全角 `{}`，TOML 须用半角 `{}`"),
    e(
        "JB0116",
        "type the quotes and equals signs of the manifest in ASCII, e.g. title = \"联络动态\"; quotes inside the text may stay as they are",
        "清单中的引号和等号须用英文半角输入，如 title = \"联络动态\"；正文内的引号可保持原样",
    ),
    e("JB0117", "`issue.date` must be a TOML date, not a string", "`issue.date` 须为 TOML 日期，不能加引号"),
    e("JB0118", "write a TOML date without quotes, e.g. `date = 2021-04-03`", "日期不加引号，如 `date = 2021-04-03`"),
    e("JB0119", "article {} has an empty `title`", "第 {} 篇文章的 `title` 为空"),
    e("JB0120", "the article's `file` is empty", "文章的 `file` 为空"),
    e("JB0121", "article file `{}`: {}", "文章文件 `{}`：{}"),
    // Warnings from the text and the layout.
    e("JB0201", "ASCII `{}` between Chinese characters is kept as typed{}", "中文之间的半角 `{}` 按原样保留{}"),
    e("JB0202", "a tab inside a line is set as a space{}", "行内的制表符排为空格{}"),
    e("JB0203", "invisible character {} kept in the text{}", "正文中保留了不可见字符 {}{}"),
    e("JB0204", "no font has {}: printed as a box", "没有字体含有 {}：印为方框"),
    e("JB0205", "page {}, column {} (「{}」): {}", "第 {} 页第 {} 栏（「{}」）：{}"),
    e("JB0206", "page {}, column {}: {}", "第 {} 页第 {} 栏：{}"),
    e("JB0207", "the last page's columns end {} lines apart", "末页各栏相差 {} 行"),
    // Copy-fitting.
    e(
        "JB0301",
        "does not fit {} pages: {} pages, cut {} lines (about {} characters)",
        "超出 {} 页：实排 {} 页，须删 {} 行（约 {} 字）",
    ),
    e("JB0302", "fits {} pages: {} pages, {} lines free", "可排入 {} 页：实排 {} 页，尚余 {} 行"),
    e("JB0303", "page {}: lines free per column: {}", "第 {} 页各栏余行：{}"),
    e("JB0304", "cut {} characters from 「{}」 to save a line", "在「{}」中删 {} 字即可省一行"),
    // The commands' own lines.
    e("JB0401", "ok: {} lays out on {} pages", "通过：{} 排为 {} 页"),
    e("JB0402", "wrote {} ({}): {} pages, {} KB", "已写出 {}（{}）：{} 页，{} KB"),
    e("JB0403", "wrote {} pages to {} at {} dpi", "已将 {} 页写入 {}（{} dpi）"),
    e("JB0404", "made {} (第{}期{}) from {}", "已建立 {}（第{}期{}），据 {}"),
    e("JB0405", "watching {} input files of {}; Ctrl-C stops", "正在监视 {} 的 {} 个输入文件；按 Ctrl-C 结束"),
    e("JB0406", "{} rebuilt in {} ms: {} pages", "{} 重排完成，用时 {} 毫秒：{} 页"),
    e("JB0407", "{} failed in {} ms; the last good output is kept", "{} 失败，用时 {} 毫秒；保留上次成功的输出"),
    e("JB0408", "stopped", "已停止"),
    e(
        "JB0409",
        "the folder for the new issue exists already; nothing was written",
        "新一期的文件夹已存在；未写入任何文件",
    ),
    e("JB0410", "no issue found to start from", "找不到可作起点的一期"),
    e(
        "JB0411",
        "total written into the manifest; add `{} = {}` under [totals] in the series file to derive it",
        "总期号已写入清单；在系列文件的 [totals] 下加一行 `{} = {}` 即可自动推算",
    ),
];

/// The Chinese order of the pieces of an entry whose wording puts them in another order
/// than English: (code, for each `{}` of the Chinese, the index of the English piece).
pub const REORDER: &[(&str, &[usize])] = &[("JB0101", &[1, 0]), ("JB0104", &[1, 0]), ("JB0304", &[1, 0])];
