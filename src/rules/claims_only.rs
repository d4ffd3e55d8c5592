//! Unsourced assertions are made by claims. A question, an imperative, a
//! byline or a dateline asserts nothing a source could stand behind, so a
//! lexicon's vague-attribution or certainty phrase in one is not flagged:
//! "Let's be clear about what this means." introduces, "Let's be clear:
//! this is theft." claims (the colon makes it a claim; see
//! `attribution::claims`).
//!
//! Flagged: Let's be clear: the deal is dead.
//! Not flagged: Let's be clear about what this means.

use super::{Context, Flag};
use crate::category::Kind;

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let sentences = &cx.segments.sentences;
    let claims = &cx.attribution.claims;
    flags.retain(|f| {
        if f.category.kind() != Kind::UnsourcedAssertion {
            return true;
        }
        let i = sentences.partition_point(|s| s.range.end <= f.range.start);
        sentences
            .get(i)
            .filter(|s| s.range.start <= f.range.start)
            .is_none_or(|_| claims.get(i).copied().unwrap_or(true))
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::flags;

    fn unsourced(text: &str) -> usize {
        flags(text)
            .iter()
            .filter(|(_, c)| {
                matches!(
                    *c,
                    "vague_attribution" | "unsupported_certainty" | "unattributed_claim"
                )
            })
            .count()
    }

    #[test]
    fn questions_and_commands_assert_nothing() {
        assert_eq!(unsourced("Let's be clear about what this means."), 0);
        assert_eq!(unsourced("Do experts say the plan will fail?"), 0);
        assert_eq!(
            unsourced("Let's be clear: experts say the plan will fail."),
            2
        );
        assert_eq!(unsourced("Experts say the plan will fail."), 1);
    }
}
