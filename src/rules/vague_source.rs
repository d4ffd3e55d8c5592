//! Vague sources found by the grammar of attribution, not by a list of
//! phrases: a quantified or anonymous group with a reporting or belief verb
//! in any tense ("a growing number of residents fear", "Thorn's defenders
//! will tell you"), a hedged source ("people familiar with the talks"), an
//! impersonal passive ("it has long been understood"); and claims of what
//! everyone knows ("every teacher knows"). Each becomes a flag with its
//! explanation, unless a lexicon entry flagged the same words already (its
//! explanation is the more specific).
//!
//! Flagged: Several senior economists now believe the rate will fall.
//! Not flagged: Mara Ellis, the bank's chief economist, believes the rate will fall.

use super::{Context, Flag};
use crate::attribution::Vagueness;
use crate::category::Category;
use std::ops::Range;

const CERTAINTY: &str = "Claims that everyone, or everyone of a kind, knows something: a consensus asserted, not shown.";

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let analysis = cx.attribution;
    reach_back_to_the_source(&analysis.vague, flags);
    let vague = Existing::of(flags, Category::VagueAttribution);
    let certain = Existing::of(flags, Category::UnsupportedCertainty);
    for frame in &analysis.vague {
        if vague.overlaps(&frame.range) || certain.overlaps(&frame.range) {
            continue;
        }
        flags.push(Flag {
            range: frame.range.clone(),
            category: Category::VagueAttribution,
            severity: frame.why.severity(),
            message: frame.why.explanation().into(),
            alternative: Some("say who: name them, or say why they cannot be named"),
            in_quotation: false,
            confidence: None,
        });
    }
    join_the_reason_to_its_source(cx.text, flags);
    for range in &analysis.certainty {
        if certain.overlaps(range) || vague.overlaps(range) {
            continue;
        }
        flags.push(Flag {
            range: range.clone(),
            category: Category::UnsupportedCertainty,
            severity: 2,
            message: CERTAINTY.into(),
            alternative: Some("say who knows it, and how"),
            in_quotation: false,
            confidence: None,
        });
    }
}

/// A lexicon flag on what makes a source anonymous ("who asked not to be
/// named") inside a hedged source the grammar read ("One senior
/// consultant, who asked not to be named, …") starts where the source
/// does: the highlight shows who is unnamed, and the lexicon's explanation
/// stays. Frames and flags are each in text order, one pass over both.
fn reach_back_to_the_source(frames: &[crate::attribution::VagueFrame], flags: &mut [Flag]) {
    let mut lexicon: Vec<usize> = (0..flags.len())
        .filter(|&i| flags[i].category == Category::VagueAttribution && !flags[i].in_quotation)
        .collect();
    crate::order::sort_by_key(&mut lexicon, |&i| flags[i].range.start as u64);
    let mut next = 0;
    for frame in frames.iter().filter(|f| f.why == Vagueness::Hedged) {
        while next < lexicon.len() && flags[lexicon[next]].range.start < frame.range.start {
            next += 1;
        }
        if let Some(&i) = lexicon.get(next) {
            if flags[i].range.end <= frame.range.end {
                flags[i].range.start = frame.range.start;
            }
        }
    }
}

/// "according to people familiar with the plans, who asked not to be
/// named": a vague source and, right after its comma, why it is unnamed
/// are one flag, the source's, not two. Flags of the category are taken in
/// text order, once.
fn join_the_reason_to_its_source(text: &str, flags: &mut Vec<Flag>) {
    let mut vague: Vec<usize> = (0..flags.len())
        .filter(|&i| flags[i].category == Category::VagueAttribution && !flags[i].in_quotation)
        .collect();
    crate::order::sort_by_key(&mut vague, |&i| flags[i].range.start as u64);
    let mut joined = vec![false; flags.len()];
    let mut source: Option<usize> = None;
    for i in vague {
        if let Some(s) = source {
            let between = text.get(flags[s].range.end..flags[i].range.start);
            let reason = text.get(flags[i].range.clone()).is_some_and(|r| {
                let r = r.trim_start().to_ascii_lowercase();
                r.starts_with("who ")
                    || r.starts_with("speaking on")
                    || r.starts_with("on condition")
            });
            // "Two diplomats briefed on the talks, who spoke on condition of
            // anonymity, said": the reason after the source's last words, a
            // comma and a "who".
            let who = between.is_some_and(|b| {
                let b = b.trim_end();
                b.len() < 60
                    && b.ends_with(", who")
                    && !b[..b.len() - 5]
                        .bytes()
                        .any(|c| matches!(c, b'.' | b',' | b';' | b'"'))
            });
            if who || reason && between.is_some_and(|b| b.trim() == ",") {
                flags[s].range.end = flags[s].range.end.max(flags[i].range.end);
                joined[i] = true;
                continue;
            }
        }
        source = Some(i);
    }
    let mut k = 0;
    flags.retain(|_| {
        k += 1;
        !joined[k - 1]
    });
}

/// The ranges of one category's flags, sorted, with the furthest end so far:
/// whether any overlaps a range is a binary search.
struct Existing {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Existing {
    fn of(flags: &[Flag], category: Category) -> Existing {
        let mut ranges: Vec<Range<usize>> = flags
            .iter()
            .filter(|f| f.category == category)
            .map(|f| f.range.clone())
            .collect();
        crate::order::sort_by_key(&mut ranges, |r| r.start as u64);
        let mut furthest = 0;
        let max_end = ranges
            .iter()
            .map(|r| {
                furthest = furthest.max(r.end);
                furthest
            })
            .collect();
        Existing {
            starts: ranges.iter().map(|r| r.start).collect(),
            max_end,
        }
    }

    fn overlaps(&self, range: &Range<usize>) -> bool {
        let before = self.starts.partition_point(|&s| s < range.end);
        before > 0 && self.max_end[before - 1] > range.start
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::flags;

    fn flagged(text: &str, category: &str) -> Vec<String> {
        flags(text)
            .into_iter()
            .filter(|(_, c)| *c == category)
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn grammar_vague_sources_are_flagged_once() {
        assert_eq!(
            flagged(
                "Several senior economists now believe the rate will fall.",
                "vague_attribution"
            ),
            ["Several senior economists now believe"]
        );
        assert_eq!(
            flagged(
                "It is widely thought that the bridge is unsafe.",
                "vague_attribution"
            )
            .len(),
            1
        );
        // The lexicon's entry and the grammar find the same words: one flag.
        assert_eq!(
            flagged("Experts say the plan will fail.", "vague_attribution"),
            ["Experts say"]
        );
    }

    #[test]
    fn an_anonymity_flag_reaches_back_to_the_unnamed_source() {
        assert_eq!(
            flagged(
                "A senior port official, who spoke on condition of anonymity because they were not \
                 authorized to discuss plans, said ships would be diverted.",
                "vague_attribution"
            ),
            ["A senior port official, who spoke on condition of anonymity"]
        );
        // The grammar's source stops at its comma; the reason after "who"
        // joins it.
        assert_eq!(
            flagged(
                "Two diplomats briefed on the negotiations, who spoke on condition of anonymity \
                 because the talks were confidential, said the delegation had pushed hard.",
                "vague_attribution"
            ),
            ["Two diplomats briefed on the negotiations, who spoke on condition of anonymity"]
        );
    }

    #[test]
    fn why_a_source_is_unnamed_joins_its_flag() {
        assert_eq!(
            flagged(
                "Jobs will go, according to people familiar with the plans, who asked not to be \
                 named because the cuts have not been announced.",
                "vague_attribution"
            ),
            ["according to people familiar with the plans, who asked not to be named"]
        );
    }

    #[test]
    fn named_sources_are_not_flagged() {
        for text in [
            "Mara Ellis, the bank's chief economist, believes the rate will fall.",
            "The Harbour Board said the vote would wait.",
            "A Harbour Board spokeswoman said the vote would wait.",
        ] {
            assert!(flagged(text, "vague_attribution").is_empty(), "{text}");
        }
    }

    #[test]
    fn what_everyone_knows_is_unsupported_certainty() {
        assert_eq!(
            flagged(
                "Every teacher in the county knows the rule is ignored.",
                "unsupported_certainty"
            ),
            ["Every teacher in the county knows"]
        );
        assert!(flagged(
            "Teachers know the rule is ignored.",
            "unsupported_certainty"
        )
        .is_empty());
    }
}
