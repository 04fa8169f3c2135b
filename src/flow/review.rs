//! Reviewing a plan for what it could not avoid: broken keeps at column ends, units taller
//! than a column, an unbalanced last page.

use super::columns::Measure;
use super::galley::Galley;
use super::outcome::{FlowWarning, Problem};
use super::plan::PagePlan;

/// The warnings of a plan, in page and column order.
pub(super) fn review(galley: &Galley, m: &Measure, plans: &[PagePlan]) -> Vec<FlowWarning> {
    let title = |unit: usize| galley.units.get(unit).and_then(|u| galley.titles.get(u.article)).cloned();
    let mut warnings = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        let mut heights = Vec::new();
        for (c, &(start, end)) in plan.columns.iter().enumerate() {
            let height = m.height(start, end);
            heights.push(height);
            let mut warn = |unit: usize, problem: Problem| {
                warnings.push(FlowWarning { page: p + 1, column: c + 1, article: title(unit), problem });
            };
            if height > plan.capacity {
                let lines = (m.head(start)..end).map(|i| galley.units[i].lines).max().unwrap_or(height);
                warn(m.head(start), Problem::TooTall { lines, capacity: plan.capacity });
            }
            if let Some(fault) = m.fault(end).filter(|_| start < end) {
                warn(end - 1, Problem::Broken(fault));
            }
        }
        let spread = heights.iter().max().zip(heights.iter().min()).map_or(0, |(a, b)| a - b);
        if plan.balanced && spread > 1 {
            let unit = plan.columns.last().map_or(0, |&(s, _)| m.head(s));
            warnings.push(FlowWarning {
                page: p + 1,
                column: plan.columns.len(),
                article: title(unit),
                problem: Problem::Unbalanced(spread),
            });
        }
    }
    warnings
}
