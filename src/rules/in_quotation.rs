//! In quotation: loaded words inside someone's quotation are the speaker's
//! words, not the author's. They stay flagged, marked `in_quotation`, and
//! weigh half in the density figure — a report quoting a politician's
//! insult is not itself insulting.
//!
//! Marked: “These thugs wrecked the harbour,” said Jonas Aalto. (*thugs*)
//! Not marked: The thugs wrecked the harbour, Aalto said.

use super::{Context, Flag};
use crate::category::Category;
use crate::segment::overlapping;

#[allow(clippy::ptr_arg)] // every rule has the one signature, `Rule`
pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    // The top-level quotations: disjoint and in order.
    let quotations = cx.segments.top_level();
    // Sorted, for a binary search per flag.
    let mut scare_quoted: Vec<usize> = flags
        .iter()
        .filter(|f| f.category == Category::ScareQuotes)
        .map(|f| f.range.start)
        .collect();
    crate::order::sort_by_key(&mut scare_quoted, |&start| start as u64);
    for flag in flags
        .iter_mut()
        .filter(|f| f.category != Category::ScareQuotes)
    {
        flag.in_quotation = overlapping(quotations, &flag.range).iter().any(|q| {
            q.inner.start <= flag.range.start
                && flag.range.end <= q.inner.end
                && scare_quoted.binary_search(&q.inner.start).is_err()
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{holds, report};

    fn in_quotation(text: &str, term: &str) -> Option<bool> {
        let report = report(text);
        let flag = (report.flags.iter()).find(|f| holds(report.flag_text(f), term));
        flag.map(|f| f.in_quotation)
    }

    #[test]
    fn a_speakers_loaded_word_is_marked_as_theirs() {
        let text = "“These thugs wrecked the harbour,” said Jonas Aalto.";
        assert_eq!(in_quotation(text, "thugs"), Some(true));
    }

    #[test]
    fn the_authors_loaded_word_is_not() {
        assert_eq!(
            in_quotation("The thugs wrecked the harbour, Aalto said.", "thugs"),
            Some(false)
        );
    }
}
