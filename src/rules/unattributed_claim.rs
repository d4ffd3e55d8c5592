//! Unattributed claims: a sentence in the author's own voice, attributed to
//! nobody, that states something a reader would want sourced — a figure or
//! statistic, a casualty count, or an accusation of wrongdoing. Scene-setting
//! (dates, places, plain context) is left alone to keep precision high. The
//! headline and sentences with a quotation in them are not the author's
//! claims, so they are never flagged.
//!
//! Flagged: The scheme cost taxpayers $4.2 million last year.
//! Not flagged: The scheme cost $4.2 million, the council said.

use super::{Context, Flag};
use crate::attribution::Attribution;
use crate::category::Category;
use crate::scan;
use crate::segment::OverlapCursor;
use std::ops::Range;

/// A figure: a sum of money, a percentage, or a count of people or things,
/// as the regex it was first written as, made from the same word lists: the
/// tests' oracle for `figure_len`. Every match begins at a currency sign or
/// at a digit that starts a word; the `\b` before a digit is checked by
/// `find_figure`.
#[cfg(test)]
fn figure_pattern() -> String {
    let any = |words: &[&str]| words.join("|");
    format!(
        r"(?i)^(?:[$€£]\s?\d[\d,.]*(?:\s*(?:{})\b)?|\d[\d,.]*\s*(?:%|percent\b|per cent\b|(?:{})\b(?:\s+(?:{}))?|(?:{})\b))",
        any(MONEY_MAGNITUDES),
        any(MAGNITUDES),
        any(COUNTED_AFTER_MAGNITUDE),
        any(COUNTED),
    )
}

const MONEY_MAGNITUDES: &[&str] = &["million", "billion", "trillion", "bn", "m"];
const MAGNITUDES: &[&str] = &["million", "billion", "trillion", "thousand", "hundred"];
const COUNTED_AFTER_MAGNITUDE: &[&str] = &[
    "people",
    "dollars",
    "euros",
    "pounds",
    "residents",
    "jobs",
    "workers",
    "children",
    "civilians",
    "homes",
    "households",
    "votes",
    "voters",
    "refugees",
    "migrants",
    "patients",
    "deaths",
    "cases",
];
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "dead",
    "deaths",
    "killed",
    "injured",
    "wounded",
    "victims",
    "casualties",
    "civilians",
    "children",
    "refugees",
    "migrants",
    "jobs",
    "workers",
    "households",
    "homes",
    "arrests",
    "arrested",
    "tonnes",
    "tons",
];

/// The length of the figure at the start of `s`, if one starts there: what
/// `figure_pattern` matches, scanned by hand (the regex was a third of this rule's
/// time). As in the regex, `\s`, `\d` and word boundaries are ASCII, case is
/// ignored for ASCII letters, and an alternation takes its first word that
/// fits (with the word boundary after it, where the regex has one).
fn figure_len(s: &[u8]) -> Option<usize> {
    let is_space = scan::is_space;
    let skip = |i: usize, class: fn(u8) -> bool| i + scan::run(s, i, class);
    let number_end = |i: usize| skip(i, |b| b.is_ascii_digit() || b == b',' || b == b'.');
    let first_word = |i: usize, words: &[&str], bounded: bool| {
        words.iter().find_map(|w| {
            let end = i + w.len();
            (scan::has_at(s, i, w) && (!bounded || scan::word_ends(s, end))).then_some(end)
        })
    };
    let currency = [&b"$"[..], "€".as_bytes(), "£".as_bytes()]
        .into_iter()
        .find(|sign| s.starts_with(sign))
        .map(<[u8]>::len);
    if let Some(sign) = currency {
        let digit = if s.get(sign).is_some_and(|&b| is_space(b))
            && s.get(sign + 1).is_some_and(u8::is_ascii_digit)
        {
            sign + 1
        } else {
            sign
        };
        if !s.get(digit).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let number = number_end(digit + 1);
        let magnitude = first_word(skip(number, is_space), MONEY_MAGNITUDES, true);
        return Some(magnitude.unwrap_or(number));
    }
    if !s.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let unit = skip(number_end(1), is_space);
    if s.get(unit) == Some(&b'%') {
        return Some(unit + 1);
    }
    if let Some(end) = first_word(unit, &["percent", "per cent"], true) {
        return Some(end);
    }
    if let Some(end) = first_word(unit, MAGNITUDES, true) {
        let counted = skip(end, is_space);
        if counted > end {
            if let Some(counted_end) = first_word(counted, COUNTED_AFTER_MAGNITUDE, false) {
                return Some(counted_end);
            }
        }
        return Some(end);
    }
    first_word(unit, COUNTED, true)
}

/// The leftmost figure in `sentence`, as a byte range of it. A figure may
/// begin at a currency sign, or at a digit with no ASCII word character
/// before it; a byte scan finds both (a byte before a digit that is part of
/// a multi-byte character is never an ASCII word character).
fn find_figure(sentence: &str) -> Option<Range<usize>> {
    let bytes = sentence.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let may_start = match bytes[i] {
            b'0'..=b'9' => i == 0 || !scan::is_word(bytes[i - 1]),
            // "$", and the lead bytes of "€" and "£".
            b'$' | 0xE2 | 0xC2 => true,
            _ => false,
        };
        may_start
            .then(|| figure_len(&bytes[i..]))
            .flatten()
            .map(|len| i..i + len)
    })
}

/// Words that accuse someone of wrongdoing, every form spelled out. At most
/// one can be read at a place: each must end a word.
const ACCUSATIONS: &[&str] = &[
    "corrupt",
    "corruption",
    "lied",
    "embezzled",
    "embezzling",
    "embezzlement",
    "fraud",
    "fraudulent",
    "fraudulently",
    "stole",
    "stolen",
    "bribe",
    "bribes",
    "bribed",
    "bribery",
    "rigged",
    "covered up",
    "cover-up",
    "kickback",
    "kickbacks",
    "money laundering",
    "illegally",
    "siphoned",
    "pocketed",
    "falsified",
    "fabricated",
];

/// The first letters of `ACCUSATIONS`, as bits: a word starting with another
/// letter is passed over at once.
const ACCUSATION_FIRST_LETTERS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < ACCUSATIONS.len() {
        bits |= 1 << (ACCUSATIONS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// The first accusation in `sentence`, a whole word in any case.
fn find_accusation(sentence: &str) -> Option<Range<usize>> {
    let bytes = sentence.as_bytes();
    (0..bytes.len()).find_map(|at| {
        let lower = bytes[at] | 0x20;
        let may_start = lower.is_ascii_lowercase()
            && ACCUSATION_FIRST_LETTERS & 1 << (lower - b'a') != 0
            && scan::word_starts(bytes, at);
        may_start
            .then(|| {
                ACCUSATIONS
                    .iter()
                    .find(|word| {
                        scan::has_at(bytes, at, word) && scan::word_ends(bytes, at + word.len())
                    })
                    .map(|word| at..at + word.len())
            })
            .flatten()
    })
}

/// Flags the first accusation, or else the first figure, of each sentence
/// attributed to nobody, outside quotations, not the headline.
pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let text = cx.text;
    let mut quotations_in = OverlapCursor::new(&cx.segments.top_level);
    let sentences = cx
        .segments
        .sentences
        .iter()
        .zip(&cx.attribution.sentences)
        .filter(|(s, a)| {
            a.attribution == Attribution::None
                && cx.headline != Some(&s.range)
                && quotations_in.overlapping(&s.range).is_empty()
        })
        .map(|(s, _)| &s.range);
    for sentence in sentences {
        let slice = &text[sentence.clone()];
        let found = find_accusation(slice)
            .map(|m| (m, "An accusation made in the author's own voice with no source: who says so, and on what evidence?"))
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
                confidence: None,
            });
        }
    }
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
        let unanchored = super::figure_pattern()
            .replacen("^(?:", "(?:", 1)
            .replacen("|\\d", "|\\b\\d", 1);
        assert_ne!(unanchored, super::figure_pattern());
        let regex = regex_lite::Regex::new(&unanchored).unwrap();
        regex.find(sentence).map(|m| m.range())
    }

    #[test]
    fn figures_by_hand_match_the_pattern_on_the_tricky_cases() {
        let regex = regex_lite::Regex::new(&super::figure_pattern()).unwrap();
        for s in [
            "$5m",
            "$5 mil",
            "$ 5",
            "$  5",
            "€3.2bn.",
            "£40 Million people",
            "12%",
            "12 %",
            "12,.%",
            "3 per cent",
            "3 per centre",
            "3 percentage",
            "4 million peoples",
            "4 million\tjobs",
            "4 millions",
            "5 killed",
            "5 deadline",
            "6 DEATHS",
            "7 homes",
            "7 households",
            "9",
            "1962 on",
            "2 hundred voters",
            "£",
            "$x",
            "10\u{a0}people",
        ] {
            let expected = regex.find(s).map(|m| m.end());
            assert_eq!(super::figure_len(s.as_bytes()), expected, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn anchored_search_finds_what_an_unanchored_one_does(
            sentence in "([a-z]{1,4}|[0-9]{1,3}|[ \t\u{b},.$€£_é%]|\u{a0}|percent|PER CENT|per cent|million|Billion|thousand|hundred|people|Dollars|cases|votes|voters|killed|dead|deaths|tons|bn|m|M){0,12}",
        ) {
            proptest::prop_assert_eq!(super::find_figure(&sentence), find_figure_unanchored(&sentence));
        }

        /// The scanner finds what the regex it replaced found.
        #[test]
        fn accusation_scanner_agrees_with_the_regex(
            sentence in "([a-z]{1,3}|[A-Z]|[ _é9-]|corrupt|Corruption|LIED|embezzled|embezzlement|fraud|Fraudulently|stole|stolen|bribes|bribery|rigged|covered up|cover-up|kickback|money laundering|illegally|siphoned|pocketed|falsified|fabricated){0,8}",
        ) {
            let regex = regex_lite::Regex::new(
                r"(?i)\b(?:corrupt(?:ion)?|lied|embezzl(?:ed|ing|ement)|fraud(?:ulent|ulently)?|stole|stolen|bribe[sd]?|bribery|rigged|covered up|cover-up|kickbacks?|money laundering|illegally|siphoned|pocketed|falsified|fabricated)\b",
            )
            .unwrap();
            proptest::prop_assert_eq!(
                super::find_accusation(&sentence),
                regex.find(&sentence).map(|m| m.range())
            );
        }
    }
}
