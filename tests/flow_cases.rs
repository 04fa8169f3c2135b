//! Issues built to hit each hard case of the page flow, checked from the layout result:
//! a title on a column's last line, a widow, an orphan, a closing block that does not fit,
//! a page limit that is exceeded, a keep no arrangement can honour.

mod flow_support;

use flow_support::*;
use jianbao::document::{Block, Heading, Paragraph, Text};
use jianbao::flow::Part;

/// `n` one-line paragraphs.
fn short(n: usize) -> Vec<Paragraph> {
    (0..n).map(|_| paragraph(SHORT)).collect()
}

/// Grid lines of the first article's title and of a later article's space and title, in
/// the two-column layout.
fn title_lines() -> (usize, usize) {
    let laid = lay_out(&issue("two-column", vec![article("第一篇", short(1)), article("第二篇", short(1))]));
    let titles = laid.parts(Part::Title);
    let lines = |i: usize| laid.galley.units[i].lines;
    (lines(titles[0]), lines(titles[1]) + lines(titles[1] - 1))
}

/// Page 1's lines per column in the two-column layout.
fn first_page_lines(laid: &Laid) -> usize {
    laid.layout.grid.lines - laid.galley.masthead.lines
}

#[test]
fn case_46_a_title_on_the_last_line_of_a_column_moves_to_the_next_with_its_text() {
    let (first, second) = title_lines();
    // Article 1 fills column 1 up to where article 2's space and title end exactly at its foot.
    let probe = lay_out(&issue("two-column", vec![article("第一篇", short(1))]));
    let k = first_page_lines(&probe) - first - second;
    let doc = issue("two-column", vec![article("第一篇", short(k)), article("第二篇", short(40))]);
    let laid = lay_out(&doc);
    let title = laid.parts(Part::Title)[1];
    let at = laid.flowed.placements[title].expect("placed");
    assert_eq!((at.page, at.column, at.row), (0, 1, laid.galley.masthead.lines), "the title opens column 2");
    for next in title + 1..title + 3 {
        assert_eq!(laid.flowed.placements[next].map(|p| p.column), Some(1), "two lines follow it");
    }
    laid.assert_keeps();
}

/// An issue whose first article has a title, `k` one-line paragraphs and a paragraph of
/// `SENTENCE` × 4, then a second article; returns it laid out with the long paragraph's units.
fn with_long_paragraph(k: usize) -> (Laid, Vec<usize>) {
    let mut paragraphs = short(k);
    paragraphs.push(paragraph(&SENTENCE.repeat(4)));
    let doc = issue("two-column", vec![article("第一篇", paragraphs), article("第二篇", short(30))]);
    let laid = lay_out(&doc);
    let start = 1 + k;
    let end = start + laid.galley.units[start..].iter().position(|u| u.part == Part::LastLine).expect("last line");
    (laid, (start..=end).collect())
}

#[test]
fn case_47_no_widow_at_the_head_of_column_two() {
    let (probe, long) = with_long_paragraph(1);
    let (first, m) = (title_lines().0, long.len());
    assert!(m >= 4, "the long paragraph has {m} lines");
    // Its last line would be the first of column 2.
    let k = first_page_lines(&probe) + 1 - first - m;
    let (laid, long) = with_long_paragraph(k);
    let last = laid.flowed.placements[long[m - 1]].expect("placed");
    let before = laid.flowed.placements[long[m - 2]].expect("placed");
    assert_eq!((last.column, before.column), (1, 1), "the last line takes the line before it along");
    laid.assert_keeps();
}

#[test]
fn case_47_no_orphan_at_the_foot_of_column_one() {
    let (probe, _) = with_long_paragraph(1);
    let first = title_lines().0;
    // Its first line would be the last of column 1.
    let k = first_page_lines(&probe) - 1 - first;
    let (laid, long) = with_long_paragraph(k);
    let head = laid.flowed.placements[long[0]].expect("placed");
    assert_eq!((head.column, head.row), (1, laid.galley.masthead.lines), "the paragraph starts column 2");
    laid.assert_keeps();
}

#[test]
fn case_50_last_page_balanced_above_the_closing_block_on_the_bottom_edge() {
    for layout in ["two-column", "gbt9704"] {
        let laid = lay_out(&example(layout));
        laid.assert_keeps();
        laid.assert_grid();
        laid.assert_balanced();
        assert_eq!(laid.assert_closing(), laid.flowed.pages.len() - 1);
    }
}

#[test]
fn case_51_a_closing_block_that_does_not_fit_moves_whole_to_a_new_page() {
    // Page 1 holds 2 × 28 lines below the masthead; 50 lines of text leave no room for the
    // closing block, which must not be split.
    let (first, _) = title_lines();
    let doc = issue("two-column", vec![article("第一篇", short(50 - first - 1))]);
    let laid = lay_out(&doc);
    assert_eq!(laid.flowed.pages.len(), 2);
    assert_eq!(laid.assert_closing(), 1, "the closing block is on page 2");
    laid.assert_keeps();
    laid.assert_balanced();
    laid.assert_grid();
}

#[test]
fn a_page_limit_that_is_exceeded_fails_naming_the_lines_and_the_article() {
    let mut layout = jianbao::layout::load("two-column").unwrap();
    layout.page.max_pages = Some(1);
    let doc = issue("two-column", vec![article("第一篇", short(30)), article("超出版面的文章", short(30))]);
    let err = lay_out_in(&doc, layout).err().expect("the issue is too long");
    let message = err.to_string();
    assert!(message.contains("lines too long") && message.contains("超出版面的文章"), "{message}");
    let jianbao::flow::FlowError::TooLong { pages, limit, lines, .. } = err;
    assert_eq!((pages, limit), (2, 1));
    assert!(lines > 0);
}

#[test]
fn a_title_with_no_room_under_the_masthead_goes_whole_to_page_2() {
    // A column of two lines under the masthead cannot hold a title and two lines of text:
    // page 1 holds the masthead alone, and no keep is broken.
    let mut layout = jianbao::layout::load("two-column").unwrap();
    layout.grid.lines = layout.masthead.lines + 2;
    let doc = issue("two-column", vec![article("第一篇", short(3))]);
    let laid = lay_out_in(&doc, layout).expect("lays out");
    assert!(laid.flowed.warnings.iter().all(|w| !w.to_string().contains("title")), "{:?}", laid.flowed.warnings);
    let title = laid.parts(Part::Title)[0];
    assert_eq!(laid.flowed.placements[title].map(|p| p.page), Some(1));
}

#[test]
fn a_keep_no_arrangement_can_honour_is_reported() {
    // A title so long that no column holds it and two lines of its text.
    let long = "关于进一步加强和改进新时代人大代表联络服务工作的若干意见".repeat(6);
    let lines = |laid: &Laid| laid.galley.units[laid.parts(Part::Title)[0]].lines;
    let title = lines(&lay_out(&issue("two-column", vec![article(&long, short(3))])));
    let mut layout = jianbao::layout::load("two-column").unwrap();
    assert!(title > layout.masthead.lines, "the title takes {title} lines");
    layout.grid.lines = title + 1;
    let laid = lay_out_in(&issue("two-column", vec![article(&long, short(3))]), layout).expect("lays out");
    assert!(!laid.flowed.warnings.is_empty());
    let shown = laid.flowed.warnings[0].to_string();
    assert!(shown.contains("the title ends the column") && shown.contains("关于进一步"), "{shown}");
}

/// An issue whose first article has a title, `k` one-line paragraphs, the level-1 heading
/// `一、总体要求`, a one-line paragraph and a paragraph of `SENTENCE` × 3, then more; returns
/// it laid out with the heading's unit.
fn with_heading(k: usize) -> (Laid, usize) {
    let mut first = article("第一篇", short(k));
    first.blocks.push(Block::Heading(Heading { level: 1, text: Text::worded("一、总体要求") }));
    first.blocks.push(Block::Paragraph(paragraph(SHORT)));
    first.blocks.push(Block::Paragraph(paragraph(&SENTENCE.repeat(3))));
    first.blocks.extend(short(30).into_iter().map(Block::Paragraph));
    let laid = lay_out(&issue("two-column", vec![first, article("第二篇", short(10))]));
    let heading = laid.parts(Part::Heading)[0];
    (laid, heading)
}

/// The audit's case: wherever column 1 ends near a level-1 heading, the heading goes on with
/// two lines after it (the one-line paragraph and the next paragraph's first line), never
/// with the one-line paragraph alone.
#[test]
fn a_level_one_heading_is_kept_with_two_lines_wherever_the_column_ends() {
    let (probe, heading) = with_heading(1);
    let (first, lines) = (title_lines().0, probe.galley.units[heading].lines);
    // With `k` short paragraphs the heading and its one-line paragraph end column 1 exactly.
    let k = first_page_lines(&probe) - first - lines - 1;
    for k in k - 2..=k + 1 {
        let (laid, heading) = with_heading(k);
        laid.assert_keeps();
        let column = |i: usize| laid.flowed.placements[i].map(|p| (p.page, p.column));
        assert_eq!(column(heading), column(heading + 2), "k = {k}: the heading and two lines after it");
    }
}
