//! A headline or tag line repeated in the text (pasted pages often carry the
//! title twice) is flagged once, not at every repetition.

use super::Flag;
use std::collections::HashSet;
use std::ops::Range;

/// Paragraphs longer than this are prose, and prose may legitimately repeat.
const MAX_WORDS: usize = 25;

pub fn apply(text: &str, paragraphs: &[Range<usize>], flags: &mut Vec<Flag>) {
    let mut seen = HashSet::new();
    let repeats: Vec<&Range<usize>> = paragraphs
        .iter()
        .filter(|p| {
            // Count first (stopping at the limit): lower-casing every long
            // paragraph just to skip it was most of this rule's cost.
            let content = text[(*p).clone()].trim();
            content.split_whitespace().nth(MAX_WORDS).is_none()
                && !seen.insert(content.to_lowercase())
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

#[cfg(test)]
mod tests {
    use crate::rules::test_support::report;

    #[test]
    fn a_repeated_headline_is_flagged_once() {
        let text = "Thugs wreck the harbour\nBy Jo Bloggs\n\nThugs wreck the harbour\n\nThe harbour was damaged on Monday, police said.";
        let thugs = report(text)
            .flags
            .iter()
            .filter(|f| f.text == "Thugs")
            .count();
        assert_eq!(thugs, 1);
    }
}
