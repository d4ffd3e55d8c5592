//! Context rules: each refines what the lexicon and the segmenter found,
//! one rule to a file, each file with its tests at its foot.

pub mod in_quotation;
pub mod neutral_so_called;
pub mod repeated_paragraph;
pub mod scare_quotes;
pub mod unattributed_claim;

use crate::category::Category;
use std::borrow::Cow;
use std::ops::Range;

/// A flag inside the core: byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub range: Range<usize>,
    pub category: Category,
    pub severity: u8,
    /// Explanations are mostly the lexicon's own static text: borrowed, not
    /// copied for every flag.
    pub message: Cow<'static, str>,
    pub alternative: Option<Cow<'static, str>>,
    pub in_quotation: bool,
}

/// At most `max_bytes` of `text` from `at` on, cut on a character boundary:
/// rules look at a few words of context, never at the rest of a long text.
pub(crate) fn window_after(text: &str, at: usize, max_bytes: usize) -> &str {
    let mut end = (at + max_bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// At most `max_bytes` of `text` before `at`, cut on a character boundary.
pub(crate) fn window_before(text: &str, at: usize, max_bytes: usize) -> &str {
    let mut start = at.saturating_sub(max_bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{analyze, Options, Report};

    /// The report of `text` analysed as plain text.
    pub fn report(text: &str) -> Report {
        analyze(text, &Options::default()).expect("analysis succeeds")
    }

    /// (flagged text, category key) pairs of a report.
    pub fn flags(text: &str) -> Vec<(String, &'static str)> {
        report(text)
            .flags
            .into_iter()
            .map(|f| (f.text, f.category.key()))
            .collect()
    }

    pub fn has_flag(text: &str, flagged: &str, category: &str) -> bool {
        flags(text)
            .iter()
            .any(|(t, c)| t == flagged && *c == category)
    }
}
