//! Unattributed claims: a sentence in the author's own voice, attributed to
//! nobody, that states something a reader would want sourced — a figure or
//! statistic, a casualty count, or an accusation of wrongdoing. Scene-setting
//! (dates, places, plain context) is left alone to keep precision high.

use super::Flag;
use crate::category::Category;
use regex_lite::Regex;
use std::ops::Range;
use std::sync::OnceLock;

fn figure() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?:[$€£]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?|\b\d[\d,.]*\s*(?:%|percent\b|per cent\b|(?:million|billion|trillion|thousand|hundred)\b(?:\s+(?:people|dollars|euros|pounds|residents|jobs|workers|children|civilians|homes|households|votes|voters|refugees|migrants|patients|deaths|cases))?|(?:people|persons|dead|deaths|killed|injured|wounded|victims|casualties|civilians|children|refugees|migrants|jobs|workers|households|homes|arrests|arrested|tonnes|tons)\b))",
        )
        .unwrap()
    })
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

/// Cheap test before the regex: most sentences name no wrongdoing at all.
fn may_accuse(sentence: &str) -> bool {
    static STEMS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([
                    "corrupt",
                    "lied",
                    "embezzl",
                    "fraud",
                    "stole",
                    "bribe",
                    "rigged",
                    "covered up",
                    "cover-up",
                    "kickback",
                    "laundering",
                    "illegally",
                    "siphoned",
                    "pocketed",
                    "falsified",
                    "fabricated",
                ])
                .expect("static patterns")
        })
        .is_match(sentence)
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
            .map(|m| (m, "An accusation made in the author's own voice with no source: who says so, and on what evidence?"))
            .or_else(|| {
                // Every figure has a digit; most sentences have none.
                let has_digit = slice.bytes().any(|b| b.is_ascii_digit());
                has_digit.then(|| figure().find(slice)).flatten().map(|m| {
                    (m, "A specific figure stated in the author's own voice with no source: where does this number come from?")
                })
            });
        if let Some((m, message)) = found {
            flags.push(Flag {
                range: sentence.start + m.start()..sentence.start + m.end(),
                category: Category::UnattributedClaim,
                severity: 1,
                message: message.to_string(),
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
}
