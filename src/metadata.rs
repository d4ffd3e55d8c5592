//! Article metadata and the small normalisers shared by the text and HTML readers.

use regex_lite::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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

/// Replace Markdown links `[Name](url)` by their name.
pub fn strip_markdown_links(value: &str) -> String {
    static LINK: OnceLock<Regex> = OnceLock::new();
    let link = LINK.get_or_init(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());
    link.replace_all(value, "$1").into_owned()
}

/// Push `name` unless it is already there (case-insensitively).
pub fn push_unique(list: &mut Vec<String>, name: String) {
    if !list.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
        list.push(name);
    }
}

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

/// Split an author list ("A, B and C", "A & B") into clean names, dropping
/// roles ("Staff Writer") and anything that is not a name.
pub fn split_authors(value: &str) -> Vec<String> {
    let value = strip_markdown_links(value);
    let mut names = Vec::new();
    for part in value
        .split([',', '&', ';', '/'])
        .flat_map(|p| p.split(" and "))
    {
        let Some(name) = clean(part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        else {
            continue;
        };
        let words: Vec<&str> = name.split(' ').collect();
        let is_role = words
            .iter()
            .all(|w| NAME_ROLE_WORDS.contains(&w.to_lowercase().as_str()));
        let looks_like_name = words.len() <= 5
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !is_role && looks_like_name && parse_date(&name).is_none() {
            push_unique(&mut names, name);
        }
    }
    names
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    if lower.len() < 3 {
        return None;
    }
    let n = MONTHS.iter().position(|m| lower.starts_with(m))? as u32 + 1;
    // "sept" is September; otherwise the full name must be a real month name.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (FULL[n as usize - 1].starts_with(lower) || lower == "sept").then_some(n)
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

const MONTH_PATTERN: &str = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";

struct DatePatterns {
    iso: Regex,
    month_first: Regex,
    day_first: Regex,
}

fn date_patterns() -> &'static DatePatterns {
    static PATTERNS: OnceLock<DatePatterns> = OnceLock::new();
    PATTERNS.get_or_init(|| DatePatterns {
        iso: Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\b)").unwrap(),
        month_first: Regex::new(&format!(
            r"\b{MONTH_PATTERN}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
        ))
        .unwrap(),
        day_first: Regex::new(&format!(
            r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN},?\s+(\d{{4}})\b"
        ))
        .unwrap(),
    })
}

/// The first date in `value`, in any of the common English forms
/// ("April 02, 2017", "2 April 2017", "2017-04-02", "Apr. 2, 2017",
/// "2017-04-02T09:30:00Z"), as `YYYY-MM-DD`, with its byte range.
pub fn find_date(value: &str) -> Option<(String, std::ops::Range<usize>)> {
    // Every date form has a four-digit year; most lines have no digits at all,
    // and the patterns are costly to run.
    if !value
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let p = date_patterns();
    let mut best: Option<(String, std::ops::Range<usize>)> = None;
    let mut consider = |date: Option<String>, range: std::ops::Range<usize>| {
        if let Some(date) = date {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((date, range));
            }
        }
    };
    for c in p.iso.captures_iter(value) {
        let n = |i: usize| c[i].parse::<u32>().ok();
        consider(
            n(1).zip(n(2))
                .zip(n(3))
                .and_then(|((y, m), d)| valid_date(y, m, d)),
            c.get(0).unwrap().range(),
        );
    }
    for c in p.month_first.captures_iter(value) {
        let date =
            month_number(&c[1]).and_then(|m| valid_date(c[3].parse().ok()?, m, c[2].parse().ok()?));
        consider(date, c.get(0).unwrap().range());
    }
    for c in p.day_first.captures_iter(value) {
        let date =
            month_number(&c[2]).and_then(|m| valid_date(c[3].parse().ok()?, m, c[1].parse().ok()?));
        consider(date, c.get(0).unwrap().range());
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
}
