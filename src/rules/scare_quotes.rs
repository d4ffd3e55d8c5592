//! Scare quotes: a short quoted phrase (one to four words) that nobody is
//! quoted as saying — the quotation marks themselves cast doubt on the words
//! (Wikipedia's "Words to watch": scare quotes). A phrase with a speaker ("X
//! said", "called it", "according to X", a colon before it) is a quotation;
//! the title of a book, film or report is neither.
//!
//! Flagged: The council's "reform" closed three libraries.
//! Not flagged: The mayor called the plan "reckless" on Monday.

use super::{Context, Flag};
use crate::attribution::{is_reporting_verb, WordList};
use crate::category::Category;
use crate::flag::{Frame, Message};
use crate::segment::Quotation;

const MAX_WORDS: usize = 4;

/// Words just before a quotation that make it a title, not scare quotes.
const TITLE_CUES: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "book",
    "film",
    "movie",
    "song",
    "album",
    "novel",
    "play",
    "series",
    "show",
    "poem",
    "article",
    "essay",
    "documentary",
    "podcast",
    "report",
    "exhibition",
    "painting",
    "column",
    "episode",
    "programme",
    "program",
    "campaign",
    "slogan",
    "slogans",
    "chant of",
    "chants of",
    "cry of",
    "cries of",
    "shouts of",
    "reading",
    "hashtag",
    "motto",
    "named",
    "nicknamed",
    "known as",
    "word",
    "words",
    "phrase",
    "term",
];

/// Words just before a quotation that give it a speaker.
const SPEAKER_CUES: &[&str] = &[
    "called",
    "calls",
    "call",
    "dubbed",
    "described",
    "describes",
    "dismissed",
    "termed",
    "labelled",
    "labeled",
    "branded",
    "as",
    "said",
    "says",
    "wrote",
    "warned",
    "promised",
    "vowed",
    "pledged",
    "chanted",
    "shouted",
    "told",
    "tweeted",
    "posted",
];

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let text = cx.text;
    let quotations = &cx.segments.quotations;
    let mut scare: Vec<bool> = (quotations.iter())
        .zip(&cx.attribution.quotation_has_speaker)
        .map(|(q, &speaker)| !speaker && is_scare_quote(text, q))
        .collect();
    heading_quotes_reported_below(cx, &mut scare);
    // Room for exactly these flags: a text can hold a scare quote every few
    // bytes, and a list grown by doubling would be up to half empty.
    flags.reserve_exact(scare.iter().filter(|&&s| s).count());
    // One frame shared by every flag, around the words each quotes: a copy
    // of the sentence per flag was 152 bytes, and one per quoted text still
    // one per flag where every quote differs. See BENCHMARKS.md#t-named-words.
    let frame = Frame::new(
        "Put in quotation marks without anyone being quoted: the marks suggest “",
        "” is not what it claims to be, without saying why.",
    );
    let found = quotations
        .iter()
        .zip(&scare)
        .filter(|(_, &scare)| scare)
        .map(|(q, _)| Flag {
            range: q.inner.clone(),
            category: Category::ScareQuotes,
            severity: 2,
            message: Message::naming(&frame, q.inner.clone()),
            alternative: Some("drop the quotation marks, or say who used the word"),
            // Scare quotes inside a quotation are the speaker's.
            in_quotation: q.nested,
            confidence: None,
        });
    flags.extend(found);
}

/// A headline's or a subheading's quoted words that a speaker says in the
/// article are theirs, by the headline writer's convention: "Trust ‘working
/// closely with partners’" over "A spokesperson … said it was “working
/// closely with partners in social care”". A heading is the headline, or a
/// paragraph of a few words with no full stop.
///
/// The headings' quotes are hashed (a sorted list), then every run of up to
/// `MAX_WORDS` words of the speakers' quotations is looked up once: time in
/// proportion to the text, room in proportion to the headings.
fn heading_quotes_reported_below(cx: &Context, scare: &mut [bool]) {
    let (text, segments) = (cx.text, cx.segments);
    let paragraphs = &segments.paragraphs;
    let in_heading = |q: &Quotation| {
        let after = paragraphs.partition_point(|p| p.start <= q.range.start);
        let Some(p) = after.checked_sub(1).map(|k| &paragraphs[k]) else {
            return false;
        };
        let paragraph = text[p.clone()].trim_end();
        cx.headline == Some(p)
            || paragraph
                .split_whitespace()
                .nth(HEADING_MAX_WORDS)
                .is_none()
                && !paragraph.ends_with(['.', '!', '?', ':'])
    };
    let candidates: Vec<usize> = (0..scare.len())
        .filter(|&k| scare[k] && in_heading(&segments.quotations[k]))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let words = |k: usize| {
        text[segments.quotations[k].inner.clone()]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let mut wanted: Vec<u64> = candidates.iter().map(|&k| run_hash(words(k))).collect();
    crate::order::sort_by_key(&mut wanted, |&h| h);
    let speakers = &cx.attribution.quotation_has_speaker;
    let mut spoken: Vec<u64> = Vec::new();
    for k in (0..speakers.len()).filter(|&k| speakers[k]) {
        let all: Vec<&str> = words(k).collect();
        for start in 0..all.len() {
            for n in 1..=MAX_WORDS.min(all.len() - start) {
                let hash = run_hash(all[start..start + n].iter().copied());
                if wanted.binary_search(&hash).is_ok() {
                    spoken.push(hash);
                }
            }
        }
    }
    crate::order::sort_by_key(&mut spoken, |&h| h);
    for k in candidates {
        if spoken.binary_search(&run_hash(words(k))).is_ok() {
            scare[k] = false;
        }
    }
}

/// A run of words, joined by spaces and hashed, ASCII letters in lower case
/// (a heading's capitals: "Trust ‘Working Closely …’").
fn run_hash<'w>(words: impl Iterator<Item = &'w str>) -> u64 {
    let mut hash = crate::hash::Fnv64::new();
    for (i, word) in words.enumerate() {
        if i > 0 {
            hash.write(b" ");
        }
        for b in word.bytes() {
            hash.write(&[b.to_ascii_lowercase()]);
        }
    }
    hash.finish()
}

/// A subheading is a few words: "Trust ‘working closely with partners’".
const HEADING_MAX_WORDS: usize = 12;

fn is_scare_quote(text: &str, q: &Quotation) -> bool {
    let inner = text[q.inner.clone()].trim();
    let words = inner.split_whitespace().count();
    if words == 0 || words > MAX_WORDS || q.inner.end == q.range.end {
        return false; // empty, long, or left open to the paragraph's end
    }
    // Speech ends with punctuation inside the marks: “Enough.” “Why?”
    if inner.ends_with(['.', '!', '?', ',', '…']) {
        return false;
    }
    // A number, a code or a name: “32135”, “War Logs”, “The New Right” —
    // quoted to be exact, not to sneer.
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if inner.bytes().any(|b| b.is_ascii_digit()) || inner.split_whitespace().all(capitalised) {
        return false;
    }
    let before = super::window_before(text, q.range.start, 80).trim_end();
    if before.ends_with(':') || before.ends_with(',') && q.nested {
        return false;
    }
    // A translation in brackets after the words it translates: “Наш голос”
    // (“Our vote”) is quoted as the original was.
    if let Some(gloss_of) = before.strip_suffix('(') {
        if gloss_of.trim_end().ends_with(['”', '"', '’', '»']) {
            return false;
        }
    }
    let previous_words: Vec<String> = before
        .rsplit(|c: char| c.is_whitespace())
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let cue = |list: &[&str]| {
        previous_words
            .first()
            .is_some_and(|w| list.contains(&w.as_str()))
            || previous_words.len() == 2
                && list.contains(&format!("{} {}", previous_words[1], previous_words[0]).as_str())
    };
    if cue(TITLE_CUES) || cue(SPEAKER_CUES) {
        return false;
    }
    // A pledge quoted word for word: "commits both sides to “refrain from
    // unilateral measures”". One quoted verb after "to" may still sneer ("a
    // plan to “streamline” services"); a phrase of three words is a quotation.
    if previous_words.first().is_some_and(|w| w == "to") && words >= 3 {
        return false;
    }
    // Reported speech or writing earlier in the sentence ("emails showed the
    // two sides discussing “timelines”"): the words are someone's, quoted.
    if reported_earlier_in_sentence(before) {
        return false;
    }
    // A quotation right after a speaker: … ,” said X / X said “…”.
    let after = super::window_after(text, q.range.end, 40)
        .trim_start()
        .trim_start_matches(',')
        .trim_start()
        .to_lowercase();
    !["said", "says", "he said", "she said", "they said"]
        .iter()
        .any(|s| after.starts_with(s))
}

/// Present participles of reporting verbs, which the attribution list leaves out.
static REPORTING_PARTICIPLES: WordList = WordList::new(&[
    "saying",
    "calling",
    "describing",
    "accusing",
    "urging",
    "claiming",
    "warning",
    "promising",
    "discussing",
    "demanding",
    "insisting",
    "arguing",
    "citing",
    "quoting",
    "dubbing",
    "branding",
    "chanting",
    "shouting",
    "yelling",
    "screaming",
    "tweeting",
]);

fn reported_earlier_in_sentence(before: &str) -> bool {
    let sentence_start = before.rfind(['.', '?', '!']).map_or(0, |i| i + 1);
    before[sentence_start..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| (3..=12).contains(&w.len()))
        .any(|w| {
            let lower;
            let w = if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                lower = w.to_lowercase();
                lower.as_str()
            } else {
                w
            };
            is_reporting_verb(w) || REPORTING_PARTICIPLES.contains(w)
        })
}

#[cfg(test)]
mod tests {
    use crate::flag::Message;
    use crate::rules::test_support::{flags, has_flag, report};
    use std::sync::Arc;

    #[test]
    fn scare_quotes_share_one_frame_around_the_words_they_quote() {
        let text =
            "The council's “reform” closed a library. Its “reform” failed. Its “review” did too.";
        let report = report(text);
        let messages: Vec<&Message> = (report.flags.iter())
            .filter(|f| f.category == crate::Category::ScareQuotes)
            .map(|f| &f.message)
            .collect();
        let [Message::Naming(a, _), Message::Naming(b, _), Message::Naming(c, _)] = messages[..]
        else {
            panic!("three frames around their words: {messages:?}")
        };
        assert!(Arc::ptr_eq(a, b) && Arc::ptr_eq(a, c));
        assert_eq!(
            messages[2].text(&report.text),
            "Put in quotation marks without anyone being quoted: the marks suggest “review” is not what it claims to be, without saying why."
        );
    }

    #[test]
    fn a_headings_quote_that_a_speaker_says_below_is_theirs() {
        let text = "Delayed discharges leave patients stuck on wards\n\n\
            Hundreds of patients are waiting for care packages.\n\n\
            Trust ‘working closely with partners’\n\n\
            A spokesperson for the trust said it was “working closely with partners in social care”.";
        assert!(!has_flag(
            text,
            "working closely with partners",
            "scare_quotes"
        ));
        // Nobody below says it: the heading's marks are scare quotes.
        let text = text.replace(
            "“working closely with partners in social care”",
            "doing its best",
        );
        assert!(has_flag(
            &text,
            "working closely with partners",
            "scare_quotes"
        ));
        // In a sentence of the body, a speaker's words elsewhere do not
        // excuse the marks.
        let text = "The council's ‘reform’ closed three libraries.\n\n\
            “This reform is overdue,” the leader said.";
        assert!(has_flag(text, "reform", "scare_quotes"));
    }

    #[test]
    fn a_short_speakerless_quote_is_a_scare_quote() {
        assert!(has_flag(
            "The council's \"reform\" closed three libraries.",
            "reform",
            "scare_quotes"
        ));
        assert!(has_flag(
            "The ministry's ‘consultation’ lasted a day.",
            "consultation",
            "scare_quotes"
        ));
        assert!(has_flag(
            "They held a “public hearing” in a locked room.",
            "public hearing",
            "scare_quotes"
        ));
        // One quoted verb after "to" still sneers.
        assert!(has_flag(
            "The plan to “streamline” services cut 40 jobs.",
            "streamline",
            "scare_quotes"
        ));
    }

    #[test]
    fn a_quotation_with_a_speaker_is_not() {
        for text in [
            "The mayor called the plan \"reckless\" on Monday.",
            "Hale dismissed it as “theatre” and left.",
            "“Nonsense,” said Keller.",
            "According to Keller, the plan was “a good start” for the town.",
            "Keller put it simply: “too late” for the harbour.",
            "The union described the offer as “insulting” in a statement.",
            "Emails released last autumn showed the two sides discussing “timelines” for the deal.",
            "Hale said the council's “reform” would fail.",
            "He led the crowd in a chant of “Take it back” before he left.",
            "The agreement commits both sides to “refrain from unilateral measures” this year.",
            "A video showed the cleric in Tehran chanting “death to the traitors” at a rally.",
            "Fans were filmed outside the ground shouting “cheats” at the referee.",
            "Marchers carried signs reading “Наш голос – наш выбор” (“Our vote, our choice”) past the palace.",
        ] {
            assert!(
                !flags(text).iter().any(|(_, c)| *c == "scare_quotes"),
                "{text}: {:?}",
                flags(text)
            );
        }
    }

    #[test]
    fn titles_and_long_quotations_are_not() {
        for text in [
            "The table number was “32135” that night.",
            "He co-founded “The New Right” in 2014.",
            "They released the “War Logs” last year.",
            "Her book “Salt and Iron” sold well.",
            "The report, titled “Tides”, came out in May.",
            "A sign read “we will not be moved from this harbour” all week.",
        ] {
            assert!(
                !flags(text).iter().any(|(_, c)| *c == "scare_quotes"),
                "{text}"
            );
        }
    }
}
