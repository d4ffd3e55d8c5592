//! Unattributed claims: a sentence in the author's own voice, attributed to
//! nobody, that states something a reader would want sourced — a figure or
//! statistic ("$4.2 million", "up 47 percent", "nine out of ten", "a third
//! of", "record profits"), a casualty count, or an accusation of wrongdoing.
//! Scene-setting (dates, places, plain context) is left alone to keep
//! precision high. Only claims count: not the headline, a question, an
//! imperative, a byline; and not a sentence with a quotation in it, which is
//! someone's words. A figure is unattributed only when neither its sentence
//! nor the sentence before it names a source ("The agency published its
//! estimates on Monday. The figures show …").
//!
//! Flagged: The scheme cost taxpayers $4.2 million last year.
//! Not flagged: The scheme cost $4.2 million, the council said.
//!
//! Measured: BENCHMARKS.md#t-figure-scan.

use super::{Context, Flag};
use crate::attribution::{Attribution, WordList};
use crate::category::Category;
use crate::scan;
use crate::segment::OverlapCursor;
use std::ops::Range;

/// A figure: a sum of money, a percentage, or a count of people or things,
/// as the regex it was first written as (with a number that ends in a
/// digit, so "58, dead" is no count of the dead), made from the same word lists: the
/// tests' oracle for `figure_len`. Every match begins at a currency sign or
/// at a digit that starts a word; the `\b` before a digit is checked by
/// `find_figure`.
#[cfg(test)]
fn figure_pattern() -> String {
    let any = |words: &[&str]| words.join("|");
    format!(
        r"(?i)^(?:[$€£]\s?\d(?:[\d,.]*\d)?(?:\s*(?:{})\b)?|\d(?:[\d,.]*\d)?\s*(?:%|percent\b|per cent\b|(?:{})\b(?:\s+(?:{}))?|(?:{})\b))",
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
    "votes",
    "ballots",
    "voters",
    "residents",
    "patients",
    "staff",
    "employees",
    "students",
    "pupils",
    "passengers",
    "customers",
    "guests",
    "members",
    "visitors",
];

/// The length of the figure at the start of `s`, if one starts there: what
/// `figure_pattern` matches, scanned by hand (the regex was a third of this rule's
/// time). As in the regex, `\s`, `\d` and word boundaries are ASCII, case is
/// ignored for ASCII letters, and an alternation takes its first word that
/// fits (with the word boundary after it, where the regex has one).
fn figure_len(s: &[u8]) -> Option<usize> {
    let is_space = scan::is_space;
    let skip = |i: usize, class: fn(u8) -> bool| i + scan::run(s, i, class);
    // A number: digits with commas and points inside, never at its end
    // ("58," in "31-58, dead last" is 58).
    let number_end = |i: usize| {
        let mut end = skip(i, |b| b.is_ascii_digit() || b == b',' || b == b'.');
        while end > i && matches!(s[end - 1], b',' | b'.') {
            end -= 1;
        }
        end
    };
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
/// a multi-byte character is never an ASCII word character). When a figure
/// starting at a digit fails, every later digit of the same number would
/// fail the same way (it reads to the same end), so the scan moves past the
/// number: each byte is read a bounded number of times.
fn find_figure(sentence: &str) -> Option<Range<usize>> {
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let digit_start = b.is_ascii_digit() && (i == 0 || !scan::is_word(bytes[i - 1]));
        let currency = currency_lead(b);
        if digit_start || currency {
            if let Some(len) = figure_len(&bytes[i..]) {
                return Some(i..i + len);
            }
        }
        if digit_start {
            i += scan::run(bytes, i, |b| b.is_ascii_digit() || b == b',' || b == b'.');
        } else {
            i += 1;
        }
    }
    None
}

/// Where a sum of money may start: "$", and the lead bytes of "€" and "£"
/// (`figure_len` reads the rest).
fn currency_lead(b: u8) -> bool {
    matches!(b, b'$' | 0xE2 | 0xC2)
}

/// Words that make a number a proportion: "nine in ten", "one out of five".
const SMALL_NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "a",
];
const FRACTIONS: &[&str] = &[
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "two-thirds",
    "three-quarters",
    "half",
];
const RECORD_OF: &[&str] = &[
    "profits",
    "profit",
    "levels",
    "level",
    "high",
    "highs",
    "low",
    "lows",
    "numbers",
    "sales",
    "losses",
    "prices",
    "temperatures",
    "turnout",
    "demand",
    "debt",
    "revenue",
    "earnings",
    "number",
];
const MAGNITUDE_PLURALS: &[&str] = &["billions", "millions", "thousands", "hundreds", "dozens"];
const APPROXIMATELY: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "approximately",
    "some",
    "average",
    "averages",
    "averaged",
];
const TIME_UNITS: &[&str] = &[
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "decades",
    "centuries",
];

/// Figures written in words or as proportions, which `find_figure` does not
/// read: "nine out of ten residents", "one in four", "a third of",
/// "by a third", "half the pupils", "record profits", "the highest prices
/// ever recorded", "billions", "14 times", "2,100 residents", "more than 90
/// minutes". One pass over the words, each compared with a few short lists.
fn worded_figures(sentence: &str) -> Vec<Range<usize>> {
    let words = Words::new(sentence);
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        // Most words open no figure: one comparison each decides.
        if !may_open_figure(words.word(k)) {
            k += 1;
            continue;
        }
        match worded_figure_at(&words, k) {
            Some((range, last)) => {
                found.push(range);
                k = last + 1;
            }
            None => k += 1,
        }
    }
    found
}

/// Whether a worded figure may start at this word: a number, a fraction,
/// "record", a superlative, a magnitude, an approximation.
fn may_open_figure(word: &str) -> bool {
    static OPENERS: WordList = WordList::new(&[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "a",
        "half",
        "record",
        "record-breaking",
        "highest",
        "lowest",
        "biggest",
        "largest",
        "worst",
        "best",
        "fewest",
        "most",
        "nearly",
        "almost",
        "virtually",
        "than",
        "two-thirds",
        "three-quarters",
        "billions",
        "millions",
        "thousands",
        "hundreds",
        "dozens",
        "about",
        "around",
        "roughly",
        "over",
        "approximately",
        "some",
        "average",
        "averages",
        "averaged",
        "by",
    ]);
    let first = word.as_bytes().first().copied().unwrap_or(b' ');
    first.is_ascii_digit()
        || word.len() <= 16 && crate::attribution::with_lowercase_pub(word, |w| OPENERS.contains(w))
}

/// Whether word `k` is one of `list`, without case (a function, not a
/// closure inlined at each of the patterns' thirty uses).
#[inline(never)]
fn word_is(words: &Words, k: usize, list: &[&str]) -> bool {
    words
        .get(k)
        .is_some_and(|w| list.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// The worded figure starting at word `k`, with its last word.
fn worded_figure_at(words: &Words, k: usize) -> Option<(Range<usize>, usize)> {
    let is = |k: usize, list: &[&str]| word_is(words, k, list);
    let number = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || SMALL_NUMBERS
                    .iter()
                    .any(|n| w.eq_ignore_ascii_case(n) && *n != "a")
        })
    };
    let digits = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit()))
    };
    let span = |from: usize, to: usize| (words.range(from).start..words.range(to).end, to);
    {
        // "nine in ten", "one out of five".
        if number(k) && is(k + 1, &["in"]) && number(k + 2) {
            return Some(span(k, k + 2));
        }
        if number(k) && is(k + 1, &["out"]) && is(k + 2, &["of"]) && number(k + 3) {
            return Some(span(k, k + 3));
        }
        // "a third of", "two-thirds of", "by a third".
        if is(k, &["a", "one", "two", "three"])
            && is(k + 1, FRACTIONS)
            && !is(k + 1, &["half"])
            && (is(k + 2, &["of"]) || k > 0 && is(k - 1, &["by"]))
        {
            return Some(span(k, k + 1));
        }
        if is(k, &["two-thirds", "three-quarters"]) {
            return Some(span(k, k));
        }
        // "Half the pupils", "half of all homes".
        if is(k, &["half"])
            && is(k + 1, &["of", "the", "all", "their", "its"])
            && !(k > 0
                && is(
                    k - 1,
                    &["first", "second", "the", "a", "last", "this", "next"],
                ))
        {
            return Some(span(k, k + 1));
        }
        // "record profits", "a record high".
        if is(k, &["record", "record-breaking"]) && is(k + 1, RECORD_OF) {
            return Some(span(k, k + 1));
        }
        // "the highest prices ever recorded", "the worst on record".
        if is(
            k,
            &[
                "highest", "lowest", "biggest", "largest", "worst", "best", "fewest", "most",
            ],
        ) {
            for j in k + 1..(k + 6).min(words.len()) {
                if is(j, &["ever"]) && is(j + 1, &["recorded", "seen", "measured"])
                    || is(j, &["on"]) && is(j + 1, &["record"])
                {
                    return Some(span(k, j + 1));
                }
                // "one of the highest council tax bills in the region".
                if is(j, &["in"])
                    && is(j + 1, &["the"])
                    && is(
                        j + 2,
                        &[
                            "region", "country", "state", "world", "nation", "city", "county",
                            "league", "division", "area",
                        ],
                    )
                {
                    return Some(span(k, j + 2));
                }
            }
        }
        // "billions", "thousands of Americans".
        if is(k, MAGNITUDE_PLURALS) {
            return Some(span(k, k));
        }
        // "nearly every American tested", "almost all homes".
        if is(k, &["nearly", "almost", "virtually"])
            && is(k + 1, &["every", "all"])
            && k + 2 < words.len()
        {
            return Some(span(k, k + 2));
        }
        // "14 times".
        if digits(k) && is(k + 1, &["times"]) {
            return Some(span(k, k + 1));
        }
        // "2,100 residents", "1,100 good jobs": a number with a thousands
        // separator, then a plural noun.
        if digits(k) && words.word(k).contains(',') && words.word(k).len() >= 5 {
            for j in k + 1..(k + 3).min(words.len()) {
                let w = words.word(j);
                if w.len() > 3 && w.ends_with('s') && w.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Some(span(k, j));
                }
            }
        }
        // "more than 90 minutes", "about 300 homes".
        let approx = is(k, APPROXIMATELY)
            || is(k, &["than"]) && k > 0 && is(k - 1, &["more", "fewer", "less"]);
        if approx && digits(k + 1) {
            let unit = k + 2;
            if words.get(unit).is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && w.bytes().all(|b| b.is_ascii_lowercase())
            }) || is(unit, TIME_UNITS)
            {
                let from = if is(k, &["than"]) { k - 1 } else { k };
                let (range, _) = span(from, unit);
                return Some((range, unit));
            }
        }
    }
    None
}

/// The words of a sentence, punctuation trimmed; a number keeps its commas
/// and points ("2,100", "4.2"). Each is kept as its byte range alone, 8
/// bytes: a sentence can be a whole 1 MB text of short words, whose ranges
/// with their `&str` beside them took 32 bytes a word. See
/// BENCHMARKS.md#t-figure-words-lean.
struct Words<'s> {
    sentence: &'s str,
    spans: Vec<Range<u32>>,
}

impl<'s> Words<'s> {
    fn new(sentence: &'s str) -> Words<'s> {
        let bytes = sentence.as_bytes();
        let mut spans = Vec::new();
        let mut start = None;
        let mut i = 0;
        while i <= bytes.len() {
            // ASCII a byte at a time; other characters decoded.
            let (c, len) = match bytes.get(i) {
                None => (' ', 1),
                Some(&b) if b.is_ascii() => (b as char, 1),
                Some(_) => {
                    let c = sentence[i..].chars().next().unwrap_or(' ');
                    (c, c.len_utf8())
                }
            };
            let part = if c.is_ascii() {
                c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | ',' | '.') && start.is_some()
            } else {
                c.is_alphanumeric() || c == '’' && start.is_some()
            };
            match (part, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let word = sentence[s..i].trim_end_matches([',', '.', '\'', '’', '-']);
                    if !word.is_empty() {
                        // Sentences are under 4 GB: inputs are at most `MAX_INPUT_BYTES`.
                        spans.push(s as u32..(s + word.len()) as u32);
                    }
                    start = None;
                }
                _ => {}
            }
            i += len;
        }
        Words { sentence, spans }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    /// Word `k`'s byte range in the sentence.
    fn range(&self, k: usize) -> Range<usize> {
        let r = &self.spans[k];
        r.start as usize..r.end as usize
    }

    fn word(&self, k: usize) -> &'s str {
        &self.sentence[self.range(k)]
    }

    fn get(&self, k: usize) -> Option<&'s str> {
        (k < self.len()).then(|| self.word(k))
    }
}

/// A figure's span with the word before it that says which way it moved:
/// "up 47 percent", "down 3%".
fn with_direction(sentence: &str, figure: Range<usize>) -> Range<usize> {
    let before = sentence[..figure.start].trim_end();
    for word in ["up", "down"] {
        if let Some(rest) = before.strip_suffix(word) {
            if rest.is_empty() || rest.ends_with(' ') {
                return rest.len()..figure.end;
            }
        }
    }
    figure
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

/// Every figure of a sentence, in order, not overlapping: what `find_figure`
/// and `worded_figures` find, the leftmost first. Each scan resumes where
/// the last figure ended.
fn figures(sentence: &str) -> Vec<Range<usize>> {
    let mut digits = Vec::new();
    if sentence.bytes().any(|b| b.is_ascii_digit()) {
        let mut from = 0;
        while let Some(m) = find_figure(&sentence[from..]) {
            digits.push(from + m.start..from + m.end);
            from += m.end.max(1);
            if from >= sentence.len() {
                break;
            }
        }
    }
    let mut all: Vec<Range<usize>> = digits.into_iter().chain(worded_figures(sentence)).collect();
    crate::order::sort_by_key(&mut all, |r| r.start as u64);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        if out.last().is_none_or(|last| r.start >= last.end) {
            out.push(r);
        }
    }
    out
}

/// Flags the first accusation, or else every figure, of each claim
/// attributed to nobody, outside quotations, whose previous sentence names
/// no source either.
pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let text = cx.text;
    let analysis = cx.attribution;
    let mut quotations_in = OverlapCursor::new(cx.segments.top_level());
    for (i, sentence) in cx.segments.sentences.iter().enumerate() {
        let sentence = &sentence.range;
        // A quotation of a few words is the author's scare quotes, not
        // someone's account.
        let quoted = quotations_in
            .overlapping(sentence)
            .iter()
            .any(|q| q.words(text) > 4);
        let unattributed = analysis.sentences[i].attribution == Attribution::None
            && analysis.claims.get(i).copied().unwrap_or(true)
            && cx.headline != Some(sentence)
            && !quoted
            && !(i > 0 && analysis.sentences[i - 1].attribution == Attribution::Named);
        if !unattributed {
            continue;
        }
        let slice = &text[sentence.clone()];
        // A plea or a verdict is the court's record: "Venn pleaded guilty
        // to one count of wire fraud".
        let record = [
            "pleaded guilty",
            "pled guilty",
            "found guilty",
            "convicted of",
        ]
        .iter()
        .any(|m| slice.contains(m));
        let found: Vec<(Range<usize>, &str)> = match find_accusation(slice).filter(|_| !record) {
            Some(m) => vec![(m, "An accusation made in the author's own voice with no source: who says so, and on what evidence?")],
            None => {
                let figures = figures(slice);
                // Read for a share price only where there is a figure.
                if figures.is_empty() || market_move(slice) {
                    continue;
                }
                figures
                    .into_iter()
                    .filter(|m| !quoted_alone(slice, m) && !price_label(slice, m))
                    .map(|m| (with_direction(slice, m), "A specific figure stated in the author's own voice with no source: where does this number come from?"))
                    .collect()
            }
        };
        for (m, message) in found {
            flags.push(Flag {
                range: sentence.start + m.start..sentence.start + m.end,
                category: Category::UnattributedClaim,
                severity: 1,
                message: message.into(),
                alternative: Some("name the source of the figure or the charge"),
                in_quotation: false,
                confidence: None,
            });
        }
    }
}

/// A figure in quotation marks of its own ("claims about “thousands” of
/// dead voters") is someone else's number, quoted to doubt it.
fn quoted_alone(sentence: &str, figure: &Range<usize>) -> bool {
    let opens = sentence[..figure.start].ends_with(['"', '“', '‘', '\'']);
    let closes = sentence[figure.end..].starts_with(['"', '”', '’', '\'']);
    opens && closes
}

/// A price list's label: a sum with no "million", in brackets of its own
/// after the thing it prices ("the lamb neck (£26)"). Sums in the prose
/// ("diners fork out £95 a head") are figures like any other.
fn price_label(sentence: &str, figure: &Range<usize>) -> bool {
    let bytes = sentence.as_bytes();
    currency_lead(bytes[figure.start])
        && figure.start > 0
        && bytes[figure.start - 1] == b'('
        && bytes.get(figure.end) == Some(&b')')
        && !bytes[figure.clone()].iter().any(u8::is_ascii_alphabetic)
}

/// A share price's move ("Shares fell 11% to $18.40 in morning trading",
/// "Halvorsen shares have risen 46% this year"): the market's public
/// record, which business copy quotes without a source, as annotators read
/// it. A sentence whose shares, stock or index word is followed within a
/// few words by a verb of moving.
fn market_move(sentence: &str) -> bool {
    const HOLDINGS: [&str; 4] = ["shares", "stock", "stocks", "index"];
    // Past and present: a headline or standfirst says "shares jump 11 per cent".
    const MOVES: &[&str] = &[
        "rose", "risen", "fell", "fallen", "gained", "lost", "jumped", "dropped", "slid",
        "climbed", "tumbled", "closed", "traded", "sank", "surged", "slipped", "rise", "rises",
        "fall", "falls", "gain", "gains", "jump", "jumps", "drop", "drops", "slide", "slides",
        "climb", "climbs", "tumble", "tumbles", "sink", "sinks", "surge", "surges", "slip",
        "slips", "soar", "soars", "soared", "plunge", "plunges", "plunged",
    ];
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        HOLDINGS.iter().any(|h| w.eq_ignore_ascii_case(h))
            && words[i + 1..words.len().min(i + 4)]
                .iter()
                .any(|m| MOVES.iter().any(|v| m.eq_ignore_ascii_case(v)))
    })
}

#[cfg(test)]
mod tests;
