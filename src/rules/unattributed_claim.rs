//! Unattributed claims: a sentence in the author's own voice, attributed to
//! nobody, that states something a reader would want sourced — a figure or
//! statistic, a casualty count, or an accusation of wrongdoing. Scene-setting
//! (dates, places, plain context) is left alone to keep precision high.

use super::Flag;
use crate::category::Category;
use regex_lite::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A figure: a sum of money, a percentage, or a count of people or things.
/// Every match begins at a currency sign or at a digit that starts a word,
/// so the pattern is tried anchored at those places only (an unanchored
/// search over every sentence was most of this rule's time). The `\b` that
/// would open the second branch is checked by `figure_starts_at` instead.
const FIGURE: &str = r"(?i)^(?:[$€£]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?|\d[\d,.]*\s*(?:%|percent\b|per cent\b|(?:million|billion|trillion|thousand|hundred)\b(?:\s+(?:people|dollars|euros|pounds|residents|jobs|workers|children|civilians|homes|households|votes|voters|refugees|migrants|patients|deaths|cases))?|(?:people|persons|dead|deaths|killed|injured|wounded|victims|casualties|civilians|children|refugees|migrants|jobs|workers|households|homes|arrests|arrested|tonnes|tons)\b))";

fn figure() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(FIGURE).unwrap())
}

/// Where a figure may begin: a currency sign, or a digit with no ASCII word
/// character before it (the regex's own `\b` is ASCII-only).
fn figure_starts_at(c: char, previous: Option<char>) -> bool {
    matches!(c, '$' | '€' | '£')
        || c.is_ascii_digit() && !previous.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_')
}

/// The leftmost figure in `sentence`, as a byte range of it.
fn find_figure(sentence: &str) -> Option<Range<usize>> {
    let mut previous = None;
    for (i, c) in sentence.char_indices() {
        if figure_starts_at(c, previous) {
            if let Some(m) = figure().find(&sentence[i..]) {
                return Some(i + m.start()..i + m.end());
            }
        }
        previous = Some(c);
    }
    None
}

fn accusation() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:corrupt(?:ion)?|lied|embezzl(?:ed|ing|ement)|fraud(?:ulent|ulently)?|stole|stolen|bribe[sd]?|bribery|rigged|covered up|cover-up|kickbacks?|money laundering|illegally|siphoned|pocketed|falsified|fabricated)\b",
        )
        .unwrap()
    })
}

/// The words an accusation begins with, or their beginnings, and for a
/// phrase the rest of it.
const ACCUSATION_STARTS: &[(&str, &str)] = &[
    ("corrupt", ""),
    ("lied", ""),
    ("embezzl", ""),
    ("fraud", ""),
    ("stole", ""),
    ("bribe", ""),
    ("rigged", ""),
    ("covered", " up"),
    ("cover", "-up"),
    ("kickback", ""),
    ("money", " laundering"),
    ("illegally", ""),
    ("siphoned", ""),
    ("pocketed", ""),
    ("falsified", ""),
    ("fabricated", ""),
];

/// The first letters of `ACCUSATION_STARTS`, as bits: a word starting with
/// another letter is passed over at once.
const ACCUSATION_FIRST_LETTERS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < ACCUSATION_STARTS.len() {
        bits |= 1 << (ACCUSATION_STARTS[i].0.as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// Cheap test before the regex: most sentences name no wrongdoing at all.
/// Every match of `accusation` begins a word (`\b`, ASCII, as the regex has
/// it) with one of `ACCUSATION_STARTS`.
fn may_accuse(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let starts_with = |at: usize, s: &str| {
        bytes.len() >= at + s.len() && bytes[at..at + s.len()].eq_ignore_ascii_case(s.as_bytes())
    };
    let may_start = |b: u8| {
        let lower = b | 0x20;
        lower.is_ascii_lowercase() && ACCUSATION_FIRST_LETTERS & 1 << (lower - b'a') != 0
    };
    (0..bytes.len()).any(|i| {
        may_start(bytes[i])
            && (i == 0 || !is_word(bytes[i - 1]))
            && ACCUSATION_STARTS
                .iter()
                .any(|(start, rest)| starts_with(i, start) && starts_with(i + start.len(), rest))
    })
}

/// Flags for unattributed sentences; `sentences` are the ranges of sentences
/// attributed to nobody, outside quotations, not the headline.
pub fn find(text: &str, sentences: &[Range<usize>]) -> Vec<Flag> {
    let mut flags = Vec::new();
    for sentence in sentences {
        let slice = &text[sentence.clone()];
        let found = may_accuse(slice)
            .then(|| accusation().find(slice))
            .flatten()
            .map(|m| (m.range(), "An accusation made in the author's own voice with no source: who says so, and on what evidence?"))
            .or_else(|| {
                // Every figure has a digit; most sentences have none.
                let has_digit = slice.bytes().any(|b| b.is_ascii_digit());
                has_digit.then(|| find_figure(slice)).flatten().map(|m| {
                    (m, "A specific figure stated in the author's own voice with no source: where does this number come from?")
                })
            });
        if let Some((m, message)) = found {
            flags.push(Flag {
                range: sentence.start + m.start..sentence.start + m.end,
                category: Category::UnattributedClaim,
                severity: 1,
                message: (*message).into(),
                alternative: Some("name the source of the figure or the charge".into()),
                in_quotation: false,
            });
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{flags, has_flag};

    #[test]
    fn unsourced_figures_and_accusations_are_flagged() {
        assert!(has_flag(
            "The scheme cost taxpayers $4.2 million last year.",
            "$4.2 million",
            "unattributed_claim"
        ));
        assert!(has_flag(
            "Unemployment rose to 12 percent in the district.",
            "12 percent",
            "unattributed_claim"
        ));
        assert!(has_flag(
            "At least 40 people died in the flood.",
            "40 people",
            "unattributed_claim"
        ));
        assert!(has_flag(
            "The minister embezzled the relief fund.",
            "embezzled",
            "unattributed_claim"
        ));
    }

    #[test]
    fn attributed_figures_and_scene_setting_are_not() {
        for text in [
            "The scheme cost $4.2 million, the auditor-general said.",
            "According to police, 40 people died in the flood.",
            "The bridge opened in 1962 on a Tuesday.",
            "The meeting began at 10 a.m. in Room 4.",
        ] {
            assert!(
                !flags(text).iter().any(|(_, c)| *c == "unattributed_claim"),
                "{text}: {:?}",
                flags(text)
            );
        }
    }

    /// The figure pattern as one unanchored search, as it was first written:
    /// `find_figure` must find exactly what it finds.
    fn find_figure_unanchored(sentence: &str) -> Option<std::ops::Range<usize>> {
        let unanchored = super::FIGURE
            .replacen("^(?:", "(?:", 1)
            .replacen("|\\d", "|\\b\\d", 1);
        assert_ne!(unanchored, super::FIGURE);
        let regex = regex_lite::Regex::new(&unanchored).unwrap();
        regex.find(sentence).map(|m| m.range())
    }

    proptest::proptest! {
        #[test]
        fn anchored_search_finds_what_an_unanchored_one_does(
            sentence in "([a-z]{1,4}|[0-9]{1,3}|[ ,.$€£_é]|percent|per cent|million|people|killed|bn|m){0,12}",
        ) {
            proptest::prop_assert_eq!(super::find_figure(&sentence), find_figure_unanchored(&sentence));
        }

        /// The prefilter never hides an accusation the regex would find.
        #[test]
        fn every_accusation_passes_the_prefilter(
            sentence in "([a-z]{1,3}|[A-Z]|[ _é9-]|corrupt|Corruption|LIED|embezzled|fraud|stole|bribes|rigged|covered up|cover-up|kickback|money laundering|illegally|siphoned|pocketed|falsified|fabricated){0,8}",
        ) {
            if super::accusation().is_match(&sentence) {
                proptest::prop_assert!(super::may_accuse(&sentence), "{:?}", sentence);
            }
        }
    }
}
