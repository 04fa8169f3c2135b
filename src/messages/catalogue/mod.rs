//! The one message catalogue: code, English pattern, Chinese wording. `{}` stands for a
//! piece copied from the English message into the Chinese, in order (or in the order
//! `REORDER` gives). The first entries are here; the rest by stage in the files beside.

mod batch;
mod docx;
mod files;
mod layout;
mod manifest;
mod pieces;

/// One message in both languages.
pub struct Entry {
    /// The code, the same in every language (`JB` + number; help texts have none).
    pub code: &'static str,
    /// The English pattern.
    pub en: &'static str,
    /// The Chinese wording.
    pub zh: &'static str,
}

/// Every entry in the order patterns are tried: the stages' messages, then the pieces
/// (entries with an empty code) that only fill other messages.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    [CATALOGUE, manifest::ENTRIES, layout::ENTRIES, files::ENTRIES, docx::ENTRIES, batch::ENTRIES, pieces::ENTRIES]
        .into_iter()
        .flatten()
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
    e("JB0301", "does not fit {}: {}, cut {} (about {})", "超出 {}：实排 {}，须删 {}（约 {}）"),
    e("JB0302", "fits {}: {}, {} free", "可排入 {}：实排 {}，尚余 {}"),
    e("JB0303", "page {}: lines free per column: {}", "第 {} 页各栏余行：{}"),
    e("JB0304", "cut {} from 「{}」 to save a line", "在「{}」中删 {} 即可省一行"),
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
/// than English, or leaves some out (English plural endings): (code, for each `{}` of the
/// Chinese, the index of the English piece).
pub const REORDER: &[(&str, &[usize])] = &[
    ("JB0101", &[1, 0]),
    ("JB0104", &[1, 0]),
    ("JB0304", &[1, 0]),
    ("JB0140", &[1, 0]),
    ("JB0197", &[1, 0]),
    ("JB0210", &[0, 1, 3, 5]),
    ("JB0231", &[0, 1, 2, 4, 3, 5]),
    ("JB0440", &[0, 2, 1]),
    ("JB0744", &[1, 0]),
    ("JB0474", &[0, 2, 1]),
    ("JB0842", &[1, 0, 2]),
];

/// The help texts in Chinese: (English as the command line defines it, Chinese).
pub const HELP: &[(&str, &str)] = &[
    (
        "A typesetter for Chinese print bulletins (简报): TOML manifest in, print-ready PDF out",
        "中文简报排版工具：读入 TOML 清单，输出可付印的 PDF",
    ),
    (
        "Build one issue into a PDF (written next to the manifest unless -o is given)",
        "将一期排成 PDF（未给 -o 时写在清单旁）",
    ),
    ("Validate and lay out an issue, report problems, write nothing", "检查并试排一期，报告问题，不写文件"),
    (
        "Start the next issue of a series from its newest one: SERIES_DIR/YEAR/MONTH/issue.toml",
        "以最新一期为底建立下一期：SERIES_DIR/年/月/issue.toml",
    ),
    (
        "Rebuild the PDF (and previews) whenever an input of the issue changes; Ctrl-C stops",
        "本期任一输入文件改动即重排 PDF（及预览）；按 Ctrl-C 结束",
    ),
    (
        "Build every issue found under folders or series files into OUTDIR, in parallel; issues whose inputs have not changed since their PDF was built are skipped",
        "将文件夹或系列文件下的各期并行排入 OUTDIR；输入未改动的期次跳过",
    ),
    (
        "Print the issue's text in reading order (articles, then the closing block)",
        "按阅读顺序输出本期全部文字（文章，然后是报尾）",
    ),
    (
        "Read a Word article (.docx) as article text: printed, or with -o written together with its pictures (images/… beside the text). Warnings go to stderr",
        "将 Word 稿件（.docx）转为文章文本：直接输出，或用 -o 连同图片（文本旁的 images/…）写出。警告输出到标准错误",
    ),
    (
        "Draw every page as a PNG: DIR/page-1.png, page-2.png, … (CMYK shown as it prints)",
        "将每页画成 PNG：DIR/page-1.png、page-2.png……（CMYK 按印刷效果显示）",
    ),
    ("Print this message or the help of the given subcommand(s)", "显示本说明或所给子命令的说明"),
    (
        "The language of messages: zh (Chinese) or en; default from LANG / LC_ALL / LC_MESSAGES",
        "消息语言：zh（中文）或 en；默认取自 LANG / LC_ALL / LC_MESSAGES",
    ),
    (
        "How messages are printed: human (text) or json (one object per line, for scripts)",
        "消息格式：human（文字）或 json（每行一个对象，供脚本使用）",
    ),
    ("The issue manifest, e.g. issues/2021/04/issue.toml", "本期清单，如 issues/2021/04/issue.toml"),
    ("The issue manifest", "本期清单"),
    (
        "Where to write the PDF. An existing file is replaced only when the build succeeds",
        "PDF 的写出位置。只有排版成功才替换已有文件",
    ),
    (
        "The standard the PDF conforms to: PDF/X-4 or PDF/X-1a for the print shop, PDF/A-2b, PDF/A-2u or PDF/A-1b for the archive",
        "PDF 遵循的标准：印刷用 PDF/X-4 或 PDF/X-1a，存档用 PDF/A-2b、PDF/A-2u 或 PDF/A-1b",
    ),
    (
        "The print shop's CMYK output profile (an ICC file of the output class) for the output intent, instead of the bundled FOGRA39 profile",
        "印厂的 CMYK 输出特性文件（输出类 ICC 文件），用作输出意图，代替内置的 FOGRA39 特性文件",
    ),
    ("Seconds one issue may take; an issue that takes longer fails alone", "每期最多可用的秒数；超时的一期单独失败"),
    (
        "Bleed around the trimmed page, e.g. 3mm: the MediaBox grows by it on every side and what touches the trim edge runs into it",
        "成品页外的出血，如 3mm：页面四边各加此宽，触及裁切线的内容延伸进去",
    ),
    ("Draw crop marks outside the bleed", "在出血外画裁切标记"),
    (
        "Print a visible box, with a warning, for a character no font has (otherwise the build fails naming it)",
        "字体均缺的字印为方框并警告（否则排版失败并指出该字）",
    ),
    ("Report characters no font has as warnings instead of errors", "字体均缺的字作为警告而非错误报告"),
    (
        "Copy-fitting: say whether the issue fits N pages, and what to cut or what room is left",
        "版面核算：本期能否排入 N 页，须删多少或尚余多少",
    ),
    (
        "The series folder, holding YEAR/MONTH/issue.toml folders (e.g. issues)",
        "系列文件夹，内含 年/月/issue.toml（如 issues）",
    ),
    ("The new issue's date (default: today)", "新一期的日期（默认今天）"),
    ("Where to write the PDF (default: next to the manifest)", "PDF 的写出位置（默认在清单旁）"),
    ("Also draw the pages as PNGs into this folder on every rebuild", "每次重排时同时将各页画成 PNG 写入此文件夹"),
    ("Resolution of the previews in dots per inch", "预览的分辨率（每英寸点数）"),
    ("Resolution in dots per inch", "分辨率（每英寸点数）"),
    ("The Word document, e.g. articles/report.docx", "Word 文档，如 articles/report.docx"),
    (
        "Write the text here and the pictures beside it; an existing file is never overwritten",
        "将文本写到此处、图片写在其旁；绝不覆盖已有文件",
    ),
    (
        "The folder for the PNGs (created if missing); only its page-N.png files are replaced, and those beyond the issue's last page removed",
        "PNG 所在文件夹（不存在则建立）；只替换其中的 page-N.png，超出末页的删除",
    ),
    ("Rebuild every issue, even those up to date", "全部重排，包括已是最新的期次"),
    (
        "No progress bar or lines, and a summary without the lists of issues built and skipped",
        "不显示进度，汇总中不列出已排与跳过的期次",
    ),
    ("Worker threads (default: one per core)", "工作线程数（默认每核一个）"),
    (
        "Folders to search for issue manifests (`*.toml` with an `[issue]` table), series files (their folder is searched) or single manifests",
        "要查找清单的文件夹（含 `[issue]` 表的 `*.toml`）、系列文件（查找其所在文件夹）或单个清单",
    ),
    (
        "The output folder: PDFs mirror the issues' paths (issues/2021/04/issue.toml → OUTDIR/2021/04.pdf), with index.csv, index.json and the stamp file beside them",
        "输出文件夹：PDF 按期次路径存放（issues/2021/04/issue.toml → OUTDIR/2021/04.pdf），旁有 index.csv、index.json 和标记文件",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_codes_are_unique_and_pieces_line_up() {
        let mut seen = std::collections::BTreeSet::new();
        for entry in entries() {
            let en = entry.en.matches("{}").count();
            let zh = entry.zh.matches("{}").count();
            match REORDER.iter().find(|(code, _)| *code == entry.code) {
                Some((_, order)) => {
                    assert_eq!(order.len(), zh, "{}: one English piece for each Chinese {{}}", entry.code);
                    assert!(order.iter().all(|&i| i < en), "{}: the order names English pieces", entry.code);
                }
                None => assert_eq!(en, zh, "{} ({}): as many pieces in both", entry.code, entry.en),
            }
            if entry.code.is_empty() {
                continue;
            }
            let number =
                entry.code.strip_prefix("JB").filter(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()));
            assert!(number.is_some(), "{} is JB and four digits", entry.code);
            assert!(seen.insert(entry.code), "{} is given twice", entry.code);
        }
        for (code, _) in REORDER {
            assert!(seen.contains(code), "{code} in REORDER is an entry");
        }
        assert!(seen.len() >= 350, "{} coded messages", seen.len());
    }
}
