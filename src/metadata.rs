//! Article metadata and the small normalisers shared by the text and HTML readers.
//!
//! The date and Markdown-link scanners here replaced regexes, each named in
//! its doc. Size: see BENCHMARKS.md#t-no-regex
//!
//! Measured: BENCHMARKS.md#t-lists-once, BENCHMARKS.md#t-links-one-pass.

use crate::scan;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601 calendar date, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
}

impl Metadata {
    /// Fill every empty field of `self` from `other`.
    pub fn fill_from(&mut self, other: Metadata) {
        fn pick<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        pick(&mut self.title, other.title);
        pick(&mut self.published, other.published);
        pick(&mut self.publisher, other.publisher);
        pick(&mut self.section, other.section);
        pick(&mut self.language, other.language);
        pick(&mut self.description, other.description);
        pick(&mut self.url, other.url);
        if self.authors.is_empty() {
            self.authors = other.authors;
        }
        if self.tags.is_empty() {
            self.tags = other.tags;
        }
    }
}

/// Collapse whitespace and trim; `None` for an empty result.
pub fn clean(value: &str) -> Option<String> {
    let cleaned = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Replace Markdown links `[Name](url)` by their name. A byte scanner for
/// the regex `\[([^\]]*)\]\([^)]*\)`, replaced by `$1`.
///
/// Linear: every `[` between a `[` and the first `]` after it shares that
/// `]`, so when no `(` follows it, none of them starts a link and the scan
/// goes on after the `]` (a run of `[` without links was quadratic).
pub fn strip_markdown_links(value: &str) -> String {
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    // A link is `[`, anything but `]`, `](`, anything but `)`, then `)`.
    while let Some(open) = value[from..].find('[').map(|i| from + i) {
        let Some(close) = value[open + 1..].find(']').map(|i| open + 1 + i) else {
            break;
        };
        if value[close + 1..].starts_with('(') {
            let Some(end) = value[close + 2..].find(')').map(|i| close + 2 + i + 1) else {
                break;
            };
            out.push_str(&value[copied..open]);
            out.push_str(&value[open + 1..close]);
            copied = end;
            from = end;
        } else {
            from = close + 1;
        }
    }
    if copied == 0 {
        return value.to_string();
    }
    out.push_str(&value[copied..]);
    out
}

/// Drops every entry equal to an earlier one (ASCII case aside), keeping
/// the first of each in order: one pass with a sorted set, where checking
/// each new entry against the list so far was quadratic in long tag,
/// keyword and author lists.
pub fn dedupe(list: &mut Vec<String>) {
    if list.len() < 2 {
        return;
    }
    let mut seen = std::collections::BTreeSet::new();
    list.retain(|item| seen.insert(item.to_ascii_lowercase()));
}

/// A name longer than this is not a name (the longest real bylines are a
/// few dozen characters).
const NAME_MAX_BYTES: usize = 120;

const NAME_ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "guest",
    "author",
    "the",
    "associated",
    "press",
    "opinion",
    "updated",
    "published",
];

/// Nouns that end a job title: a byline part ending in one ("Coastal
/// Affairs Correspondent", "Political Editors") is the author's role, not a
/// second author, however much it reads like a name. Words between spaces
/// (see [`listed`]).
const ROLE_NOUNS: &str = " correspondent editor reporter writer columnist contributor producer \
     analyst critic photographer journalist commentator presenter chief desk staff bureau ";

/// Whether `word` is one of the space-separated words of `list`. Word lists
/// as one string each: the WASM holds no table of pointers for them.
fn listed(list: &str, word: &str) -> bool {
    !word.is_empty() && list.split(' ').any(|w| w == word)
}

/// Whether a byline part is a role: all role words ("Staff Writer"), or a
/// title ending in a role noun, singular or plural.
fn is_role(words: &[&str]) -> bool {
    let lower = |w: &&str| w.to_lowercase();
    if words
        .iter()
        .all(|w| NAME_ROLE_WORDS.contains(&lower(w).as_str()))
    {
        return true;
    }
    let last = words.last().map(lower).unwrap_or_default();
    let singular = last.strip_suffix('s').unwrap_or(&last);
    listed(ROLE_NOUNS, &last) || listed(ROLE_NOUNS, singular)
}

/// Split an author list ("A, B and C", "A & B") into clean names, dropping
/// roles ("Staff Writer", "Maren Okafor, Coastal Affairs Correspondent",
/// "Jo Hale — Political Editor") and anything that is not a name.
pub fn split_authors(value: &str) -> Vec<String> {
    let mut value = strip_markdown_links(value);
    // Every separator becomes a comma; dashes between spaces separate a
    // name from a role: "Jo Hale — Political Editor".
    for separator in [" and ", " — ", " – ", " - ", "&", ";", "/"] {
        if value.contains(separator) {
            value = value.replace(separator, ",");
        }
    }
    let mut names = Vec::new();
    for part in value.split(',') {
        let part = without_place(part);
        let Some(name) = clean(part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        else {
            continue;
        };
        let words: Vec<&str> = name.split(' ').collect();
        let is_role = is_role(&words);
        let looks_like_name = words.len() <= 5
            && name.len() <= NAME_MAX_BYTES
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !is_role && looks_like_name && parse_date(&name).is_none() {
            names.push(name);
        }
    }
    dedupe(&mut names);
    names
}

/// A name without where its writer filed from: "Gareth Pell at Millfield
/// Road", "Jane Roe in Kyiv" are Gareth Pell and Jane Roe.
fn without_place(part: &str) -> &str {
    for joint in [" at ", " in "] {
        if let Some(at) = part.find(joint) {
            if part[at + joint.len()..].starts_with(char::is_uppercase) {
                return &part[..at];
            }
        }
    }
    part
}

/// What a byline says besides its names: `By A and B | Opinion | 3 March 2024`.
#[derive(Debug, Default, PartialEq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub section: Option<String>,
    /// The writer's paper after the names: "By Jo Hale, Ashby Gazette".
    pub publisher: Option<String>,
}

/// Read a byline after its "By ": the names, then parts separated by `|`,
/// `•` or `·` that are a date or a section; a date may also trail the
/// names ("Jane Roe, March 3, 2025"). Shared by the text and HTML readers.
pub fn read_byline(rest: &str) -> Byline {
    let mut byline = Byline::default();
    let mut parts = rest
        .split(['|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let Some(names) = parts.next() else {
        return byline;
    };
    let names = match find_date(names) {
        Some((date, range)) => {
            byline.published = Some(date);
            // "Dale Kertesz on March 14, 2025"
            let before = names[..range.start].trim_end();
            before.strip_suffix(" on").unwrap_or(before)
        }
        None => names,
    };
    // "Daniel Okafor, Continental Press": the last piece may be the paper.
    let names = match names.rsplit_once(',') {
        Some((before, last)) if is_publication(last.trim()) => {
            byline.publisher = clean(last.trim());
            before
        }
        _ => names,
    };
    byline.authors = split_authors(names);
    for part in parts {
        // "412 comments", "5 min read": counts, not labels.
        if part.starts_with(|c: char| c.is_ascii_digit()) && find_date(part).is_none() {
            continue;
        }
        if let Some((date, _)) = find_date(part) {
            byline.published.get_or_insert(date);
        } else if byline.publisher.is_none() && is_publication(part) {
            // "Walt Kessler, Contributing Columnist | The Port Calder Ledger",
            // "Posted by Rusty Callahan | The Liberty Porch".
            byline.publisher = clean(part);
        } else if byline.section.is_none() && part.split_whitespace().count() <= 4 {
            byline.section = clean(part);
        }
    }
    byline
}

/// The last word of a newspaper's name: "The Gazette", "the Daily Beacon".
/// Attribution reads "The Beacon understands" by it, and a byline's paper
/// is recognised by it or by a wire service's or magazine's word.
pub const MASTHEAD_WORDS: &[&str] = &[
    "gazette",
    "beacon",
    "times",
    "post",
    "herald",
    "mercury",
    "courier",
    "chronicle",
    "journal",
    "telegraph",
    "mirror",
    "express",
    "observer",
    "guardian",
    "ledger",
    "tribune",
    "sentinel",
    "clarion",
    "echo",
    "standard",
    "argus",
    "examiner",
    "bulletin",
    "dispatch",
    "inquirer",
    "gleaner",
    "advertiser",
    "recorder",
    "register",
    "leader",
    "star",
    "sun",
    "globe",
    "record",
];

/// Words naming news organisations that are not a masthead's last word:
/// "Continental Press", "Northwind News Agency", "Daily Clarion".
const NEWS_ORGANISATION_WORDS: &str =
    "press news wire newswire mail independent agency daily weekly magazine reuters";

/// A news organisation's name: one to six capitalised words, one of them a
/// news word ("Continental Press", "The Ashby Gazette"), or "The" and two to
/// four more ("The Liberty Porch": a section is not "The" anything).
pub fn is_publication(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let news_word = words.iter().any(|w| {
        let w = w.to_lowercase();
        MASTHEAD_WORDS.contains(&w.as_str()) || listed(NEWS_ORGANISATION_WORDS, &w)
    });
    let titled = words.first() == Some(&"The") && (3..=5).contains(&words.len());
    (1..=6).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && (news_word || titled)
        && !is_role(&words)
}

/// Names of newspaper sections: before a date on a line of its own
/// ("Opinion | June 3, 2025") such a word is the section, not the publisher.
const SECTION_WORDS: &str =
    " opinion opinions analysis comment commentary editorial editorials news politics \
     world business economy money sport sports science health technology tech culture \
     arts environment climate local national international features investigations \
     letters travel education weather review reviews explainer perspective column op-ed uk us u.k u.s \
     football soccer cricket rugby tennis golf athletics basketball baseball hockey ";

/// Weekdays: alone beside a date ("Health | Wednesday | 12 March 2025"),
/// one is about the date.
const WEEKDAYS: &str =
    " monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ";
/// Words that open a time stamp: "Published 7:02 AM EDT, Sun".
const STAMP_WORDS: &str = " published updated posted last ";

/// What a label beside a date on a line of its own is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLabel {
    /// Every word a section's: "Opinion", "World News".
    Section,
    /// About the date: a weekday, a time stamp.
    Date,
    /// Anything else: a publisher's name, say.
    Other,
}

/// Tell a label beside a date (a [`clean`]ed one: single spaces) apart:
/// a section, a weekday or time stamp, or something else.
pub fn date_label(label: &str) -> DateLabel {
    let lower = label.to_lowercase();
    let mut words = lower
        .split(' ')
        .map(|w| w.trim_end_matches(['.', ',', ':']));
    let first = words.next().unwrap_or("");
    let alone = !lower.contains(' ');
    // "08:02", "4 March 2025": a time or a date, not a name.
    let numeral = first.starts_with(|c: char| c.is_ascii_digit());
    if numeral || listed(STAMP_WORDS, first) || (alone && listed(WEEKDAYS, first)) {
        DateLabel::Date
    } else if listed(SECTION_WORDS, first) && words.all(|w| listed(SECTION_WORDS, w)) {
        DateLabel::Section
    } else {
        DateLabel::Other
    }
}

/// Month names, each with its abbreviations, longest first: after a month
/// comes a dot, a comma or a space, so at most one form can be the one read.
const MONTHS: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// The month named at `at` (any case, a dot after an abbreviation allowed),
/// and where its name ends: the date regexes' `{MONTH}`,
/// `(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)`.
fn month_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let (month, len) = (1..).zip(MONTHS).find_map(|(n, forms)| {
        forms
            .iter()
            .find(|f| scan::has_at(bytes, at, f))
            .map(|f| (n, f.len()))
    })?;
    Some((
        month,
        at + len + usize::from(bytes.get(at + len) == Some(&b'.')),
    ))
}

/// `after`, then at least one space; where the spaces end.
fn spaces_after(bytes: &[u8], after: usize) -> Option<usize> {
    let spaces = scan::run(bytes, after, scan::is_space);
    (spaces > 0).then_some(after + spaces)
}

/// A day's ordinal suffix ("1st", "22nd"), lower case, if one is at `at`.
fn skip_ordinal(bytes: &[u8], at: usize) -> usize {
    let suffix = bytes.get(at..at + 2);
    at + if matches!(suffix, Some(b"st" | b"nd" | b"rd" | b"th")) {
        2
    } else {
        0
    }
}

/// A four-digit year at `at` that ends a word; where it ends.
fn year_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let (year, len) = scan::digits(bytes, at, 4).filter(|&(_, len)| len == 4)?;
    scan::word_ends(bytes, at + len).then_some((year, at + len))
}

/// (year, month, day) read from a date that starts at `start`, and its end.
type DateMatch = Option<(usize, (u32, u32, u32))>;

/// "2017-04-02", "2017/4/2", "2017.04.02", "2017-04-02T09:30". A byte
/// scanner for the regex `\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\b)`.
fn iso_date_at(bytes: &[u8], start: usize) -> DateMatch {
    if !scan::word_starts(bytes, start) {
        return None;
    }
    let separator = |at: usize| matches!(bytes.get(at), Some(b'-' | b'/' | b'.'));
    let (year, len) = scan::digits(bytes, start, 4).filter(|&(_, len)| len == 4)?;
    let mut at = start + len;
    if !separator(at) {
        return None;
    }
    let (month, len) = scan::digits(bytes, at + 1, 2)?;
    at += 1 + len;
    if !separator(at) {
        return None;
    }
    let (day, len) = scan::digits(bytes, at + 1, 2)?;
    at += 1 + len;
    if bytes.get(at) == Some(&b'T') {
        at += 1;
    } else if !scan::word_ends(bytes, at) {
        return None;
    }
    Some((at, (year, month, day)))
}

/// "April 2, 2017", "Apr. 2nd 2017". A byte scanner for the regex
/// `\b{MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b` (`{MONTH}`: see
/// `month_at`).
fn month_first_date_at(bytes: &[u8], start: usize) -> DateMatch {
    if !scan::word_starts(bytes, start) {
        return None;
    }
    let (month, at) = month_at(bytes, start)?;
    let at = spaces_after(bytes, at)?;
    let (day, len) = scan::digits(bytes, at, 2)?;
    let mut at = skip_ordinal(bytes, at + len);
    at += usize::from(bytes.get(at) == Some(&b','));
    let (year, end) = year_at(bytes, spaces_after(bytes, at)?)?;
    Some((end, (year, month, day)))
}

/// "2 April 2017", "the 3rd of March, 2025". A byte scanner for the regex
/// `\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{4})\b` (`{MONTH}`:
/// see `month_at`).
fn day_first_date_at(bytes: &[u8], start: usize) -> DateMatch {
    if !scan::word_starts(bytes, start) {
        return None;
    }
    let (day, len) = scan::digits(bytes, start, 2)?;
    let mut at = spaces_after(bytes, skip_ordinal(bytes, start + len))?;
    if bytes[at..].starts_with(b"of") {
        if let Some(after) = spaces_after(bytes, at + 2) {
            at = after;
        }
    }
    let (month, mut at) = month_at(bytes, at)?;
    at += usize::from(bytes.get(at) == Some(&b','));
    let (year, end) = year_at(bytes, spaces_after(bytes, at)?)?;
    Some((end, (year, month, day)))
}

fn valid_date(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=2999).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The first date in `value`, in any of the common English forms
/// ("April 02, 2017", "2 April 2017", "2017-04-02", "Apr. 2, 2017",
/// "2017-04-02T09:30:00Z"), as `YYYY-MM-DD`, with its byte range.
pub fn find_date(value: &str) -> Option<(String, std::ops::Range<usize>)> {
    // Every date form has a four-digit year; most lines have no digits at all.
    if !value
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let bytes = value.as_bytes();
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    // Each form's matches in turn, as each regex once found them; the
    // earliest valid date wins.
    for form in [iso_date_at, month_first_date_at, day_first_date_at] {
        for (range, (year, month, day)) in scan::matches(bytes, form) {
            if let Some(date) = valid_date(year, month, day) {
                if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                    best = Some((date, range));
                }
            }
        }
    }
    best
}

pub fn parse_date(value: &str) -> Option<String> {
    find_date(value).map(|(date, _)| date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_common_date_forms() {
        for (input, expected) in [
            ("April 02, 2017", "2017-04-02"),
            ("2 April 2017", "2017-04-02"),
            ("2017-04-02", "2017-04-02"),
            ("Apr. 2, 2017", "2017-04-02"),
            ("Sept. 30, 2021", "2021-09-30"),
            ("12 January 2023", "2023-01-12"),
            ("the 3rd of March, 2025", "2025-03-03"),
            ("2024-05-14T09:30:00Z", "2024-05-14"),
            ("Published: March 3, 2025 at 10:00", "2025-03-03"),
        ] {
            assert_eq!(parse_date(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn rejects_impossible_or_partial_dates() {
        for input in [
            "February 30, 2023",
            "March 3",
            "2023-13-01",
            "Mayday 2, 2020",
            "in 2019",
        ] {
            assert_eq!(parse_date(input), None, "{input}");
        }
    }

    /// The regexes the date scanners replaced, and the search they ran.
    fn find_date_by_regex(value: &str) -> Option<(String, std::ops::Range<usize>)> {
        use regex_lite::Regex;
        const MONTH: &str = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";
        let number = |name: &str| {
            let lower = name.to_ascii_lowercase();
            MONTHS
                .iter()
                .position(|forms| forms.contains(&lower.as_str()))
                .map(|i| i as u32 + 1)
        };
        let iso = Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\b)").unwrap();
        let month_first = Regex::new(&format!(
            r"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
        ))
        .unwrap();
        let day_first = Regex::new(&format!(
            r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"
        ))
        .unwrap();
        let mut best: Option<(String, std::ops::Range<usize>)> = None;
        let mut consider = |date: Option<String>, range: std::ops::Range<usize>| {
            if let Some(date) = date {
                if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                    best = Some((date, range));
                }
            }
        };
        for c in iso.captures_iter(value) {
            let n = |i: usize| c[i].parse::<u32>().ok();
            let date = n(1)
                .zip(n(2))
                .zip(n(3))
                .and_then(|((y, m), d)| valid_date(y, m, d));
            consider(date, c.get(0).unwrap().range());
        }
        for c in month_first.captures_iter(value) {
            let date =
                number(&c[1]).and_then(|m| valid_date(c[3].parse().ok()?, m, c[2].parse().ok()?));
            consider(date, c.get(0).unwrap().range());
        }
        for c in day_first.captures_iter(value) {
            let date =
                number(&c[2]).and_then(|m| valid_date(c[3].parse().ok()?, m, c[1].parse().ok()?));
            consider(date, c.get(0).unwrap().range());
        }
        best
    }

    fn strip_markdown_links_by_regex(value: &str) -> String {
        let link = regex_lite::Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap();
        link.replace_all(value, "$1").into_owned()
    }

    #[test]
    fn date_scanners_agree_with_the_regexes_on_hand_picked_lines() {
        for line in [
            "April 02, 2017",
            "2 April 2017",
            "2017-04-02T09:30:00Z",
            "Sept. 30, 2021",
            "the 3rd of March, 2025",
            "Of March 3, 2025",
            "1st of march 2020",
            "12 OF March 2020",
            "2024-5-14x 2024-05-14",
            "x2024-05-14",
            "2024-05-145",
            "12025-01-01",
            "2025-1-1T",
            "Mayday 2, 2020 and May 3, 2020",
            "May 3, 20201",
            "May 3,2020",
            "Jun. 31, 2020 Jul 1 2020",
            "Septem 5, 2020",
            "SEPTEMBER 5 2020",
            "5 Sept. 2020",
            "5 sept 2020",
            "5 sep. 2020",
            "Dec\t25,\t2020",
            "Dec 25th, 2020",
            "Dec 25TH, 2020",
            "Dec 255, 2020",
            "2020-02-30 2021-02-28",
            "março 2020-01-01 é 1 May 2020",
            "\u{0b}1 May\u{0b}2020",
            "10 May 2020_",
            "_10 May 2020",
        ] {
            assert_eq!(find_date(line), find_date_by_regex(line), "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn date_scanners_agree_with_the_regexes(
            line in r"([0-9]{1,5}|[ ,./\-T\t]|\u{b}|of |st|nd|rd|th|Jan|january|MAR|March|may|Mayday|jun|june|July|sep|Sept|september|oct|Nov|DEC|[a-z_]|é){0,10}",
        ) {
            proptest::prop_assert_eq!(find_date(&line), find_date_by_regex(&line));
        }

        #[test]
        fn link_scanner_agrees_with_the_regex(value in r"([\[\]()]|\]\(|[a-z ]|\n|é){0,16}") {
            proptest::prop_assert_eq!(strip_markdown_links(&value), strip_markdown_links_by_regex(&value));
        }
    }

    #[test]
    fn splits_author_lists() {
        assert_eq!(
            split_authors("Anna Lindqvist and Tomas Berg"),
            ["Anna Lindqvist", "Tomas Berg"]
        );
        assert_eq!(
            split_authors("[Jane Roe](https://x.org/jr), Staff Writer"),
            ["Jane Roe"]
        );
        assert_eq!(
            split_authors("A. Smith & B. Jones"),
            ["A. Smith", "B. Jones"]
        );
    }

    #[test]
    fn a_role_after_a_name_is_neither_a_name_nor_part_of_one() {
        for byline in [
            "Maren Okafor, Coastal Affairs Correspondent",
            "Maren Okafor, coastal affairs correspondent",
            "Maren Okafor — Coastal Affairs Correspondent",
            "Maren Okafor – Chief Political Editor",
            "Maren Okafor - Political Editor",
            "Maren Okafor, Staff Writer",
            "Maren Okafor, Washington Bureau",
            "Maren Okafor at Millfield Road",
            "Maren Okafor in Kyiv",
        ] {
            assert_eq!(split_authors(byline), ["Maren Okafor"], "{byline}");
        }
        assert_eq!(
            split_authors("Maren Okafor and Tom Hale, Political Correspondents"),
            ["Maren Okafor", "Tom Hale"]
        );
        // Hyphens inside a name are not a role's dash.
        assert_eq!(
            split_authors("Jean-Luc Martin-Okafor"),
            ["Jean-Luc Martin-Okafor"]
        );
    }

    #[test]
    fn a_byline_gives_names_date_and_section() {
        assert_eq!(
            read_byline("Maren Okafor, Coastal Affairs Correspondent | June 3, 2025"),
            Byline {
                authors: vec!["Maren Okafor".into()],
                published: Some("2025-06-03".into()),
                section: None,
                ..Default::default()
            }
        );
        assert_eq!(
            read_byline("Dale Kertesz on March 14, 2025"),
            Byline {
                authors: vec!["Dale Kertesz".into()],
                published: Some("2025-03-14".into()),
                section: None,
                ..Default::default()
            }
        );
        assert_eq!(
            read_byline("Jane Roe, March 3, 2025"),
            Byline {
                authors: vec!["Jane Roe".into()],
                published: Some("2025-03-03".into()),
                section: None,
                ..Default::default()
            }
        );
        assert_eq!(
            read_byline("Marian Oakes | Opinion | 3 March 2024"),
            Byline {
                authors: vec!["Marian Oakes".into()],
                published: Some("2024-03-03".into()),
                section: Some("Opinion".into()),
                ..Default::default()
            }
        );
        assert_eq!(read_byline(" | "), Byline::default());
        // The writer's paper after the name is the publisher, not an author.
        assert_eq!(
            read_byline("Daniel Okafor, Continental Press"),
            Byline {
                authors: vec!["Daniel Okafor".into()],
                publisher: Some("Continental Press".into()),
                ..Default::default()
            }
        );
        assert_eq!(
            read_byline("Maren Okafor, Coastal Affairs Correspondent").publisher,
            None
        );
        // "The" and a few capitalised words is a paper's name too.
        assert_eq!(
            read_byline("Rusty Callahan, The Liberty Porch")
                .publisher
                .as_deref(),
            Some("The Liberty Porch")
        );
        assert_eq!(
            read_byline("Rusty Callahan | The Liberty Porch | December 3, 2026")
                .publisher
                .as_deref(),
            Some("The Liberty Porch")
        );
        assert_eq!(read_byline("Rusty Callahan | The End").publisher, None);
        // A count of comments is neither section nor paper.
        let byline = read_byline("Dale Brunner | March 3, 2027 | 412 comments");
        assert_eq!((byline.section, byline.publisher), (None, None));
        assert_eq!(byline.published.as_deref(), Some("2027-03-03"));
    }

    #[test]
    fn labels_beside_a_date_are_told_apart() {
        for label in [
            "Wednesday",
            "Sat.",
            "Published 7:02 AM EDT, Sun",
            "Updated 9 am",
            "08:02",
            "4 March 2025",
        ] {
            assert_eq!(date_label(label), DateLabel::Date, "{label}");
        }
        for label in ["Opinion", "World News", "op-ed", "Science"] {
            assert_eq!(date_label(label), DateLabel::Section, "{label}");
        }
        for label in [
            "Global Research",
            "Sunday Times",
            "The Courier",
            "Reuters",
            "",
        ] {
            assert_eq!(date_label(label), DateLabel::Other, "{label}");
        }
    }
}
