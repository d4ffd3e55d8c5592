//! Repeated paragraphs: a headline or tag line repeated in the text (pasted
//! pages often carry the title twice) is flagged once, not at every
//! repetition; this rule runs last, so it drops every rule's flags there.
//!
//! Flagged once: "Thugs wreck the harbour" as the title and again as the
//! first line of the body.
//! Not dropped: a long paragraph of prose that happens to repeat.
//!
//! Measured: BENCHMARKS.md#t-repeated-paragraph.

use super::{Context, Flag};
use std::collections::BTreeSet;
use std::ops::Range;

/// Paragraphs longer than this are prose, and prose may legitimately repeat.
const MAX_WORDS: usize = 25;

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let (text, paragraphs) = (cx.text, &cx.segments.paragraphs);
    let mut seen = BTreeSet::new();
    let repeats: Vec<&Range<usize>> = paragraphs
        .iter()
        .filter(|p| {
            // Count first (stopping at the limit): lower-casing every long
            // paragraph just to skip it was most of this rule's cost.
            let content = text[(*p).clone()].trim();
            !more_words_than(content, MAX_WORDS) && !seen.insert(content.to_lowercase())
        })
        .collect();
    if repeats.is_empty() {
        return;
    }
    // Paragraphs are in order and disjoint: find each flag's by binary search.
    flags.retain(|f| {
        let i = repeats.partition_point(|p| p.end <= f.range.start);
        !repeats
            .get(i)
            .is_some_and(|p| p.start <= f.range.start && f.range.end <= p.end)
    });
}

/// Whether `text` (trimmed) has more than `n` whitespace-separated words.
/// A space before a printable ASCII byte starts a word, so counting those is
/// a lower bound found by the byte; only short texts need the exact count.
fn more_words_than(text: &str, n: usize) -> bool {
    let mut starts = 1;
    for pair in text.as_bytes().windows(2) {
        if pair[0] == b' ' && pair[1].is_ascii_graphic() {
            starts += 1;
            if starts > n {
                return true;
            }
        }
    }
    text.split_whitespace().nth(n).is_some()
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::report;

    proptest::proptest! {
        #[test]
        fn word_limit_agrees_with_counting(text in "[a-z ,.\u{a0}\u{2003}\n\t]{0,60}", n in 0usize..12) {
            let text = text.trim();
            proptest::prop_assert_eq!(
                super::more_words_than(text, n),
                text.split_whitespace().count() > n
            );
        }
    }

    #[test]
    fn a_repeated_headline_is_flagged_once() {
        let text = "Thugs wreck the harbour\nBy Jo Bloggs\n\nThugs wreck the harbour\n\nThe harbour was damaged on Monday, police said.";
        let report = report(text);
        let thugs = (report.flags.iter())
            .filter(|f| report.flag_text(f) == "Thugs")
            .count();
        assert_eq!(thugs, 1);
    }
}
