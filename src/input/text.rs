//! Plain-text reader: a title line, bylines, date and "Theme:"-style lines at
//! the top; copyright, source and membership-appeal lines at the foot. Those
//! become metadata and are kept out of the prose that gets analysed.
//!
//! The header-line, "original source", copyright and dateline scanners here
//! replaced regexes, each named in its doc. Size: see
//! BENCHMARKS.md#t-no-regex. Speed: see BENCHMARKS.md#t-byte-scanners (line
//! splitting, eight bytes at a time) and BENCHMARKS.md#t-smaller-scans (line
//! lengths and header colons found without reading whole paragraphs).

use super::{Document, InputKind};
use crate::metadata::{self, clean, find_date, push_unique, Metadata};
use crate::scan;
use std::ops::Range;

/// How many non-blank lines at the top may still be header.
const HEADER_LINES: usize = 10;
/// A title is a short line; anything longer is prose.
const TITLE_MAX_CHARS: usize = 200;
/// Boilerplate lines are short; a long paragraph that mentions "subscribe" is prose.
const BOILERPLATE_MAX_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Line {
    Blank,
    Prose,
    Title,
    Header,
    Boilerplate,
}

pub fn read(input: &str) -> Document {
    let lines = split_lines(input);
    let mut kinds = vec![Line::Prose; lines.len()];
    let mut meta = Metadata::default();
    let mut publisher_from_copyright = None;
    let mut publisher_from_source = None;

    for (i, range) in lines.iter().enumerate() {
        let line = input[range.clone()].trim_matches(is_blank);
        if line.is_empty() {
            kinds[i] = Line::Blank;
        } else if read_key_value_line(line, &mut meta) {
            kinds[i] = Line::Boilerplate;
        } else if at_most_chars(line, BOILERPLATE_MAX_CHARS) {
            if let Some(name) = original_source(line) {
                publisher_from_source.get_or_insert(name);
                kinds[i] = Line::Boilerplate;
            } else if let Some(name) = copyright_holder(line) {
                publisher_from_copyright.get_or_insert(name);
                kinds[i] = Line::Boilerplate;
            } else if is_boilerplate(line) {
                kinds[i] = Line::Boilerplate;
            }
        }
    }

    let mut publisher_from_header = None;
    read_header(
        input,
        &lines,
        &mut kinds,
        &mut meta,
        &mut publisher_from_header,
    );

    // The first prose paragraph may open with a wire dateline: "LONDON (Reuters) —".
    let dateline_publisher = lines
        .iter()
        .zip(&kinds)
        .find(|(_, k)| **k == Line::Prose)
        .and_then(|(r, _)| dateline_publisher(input[r.clone()].trim()));

    // "(Northwind)" in the dateline is the "Northwind News Agency" of the copyright line.
    let dateline_publisher = match (dateline_publisher, &publisher_from_copyright) {
        (Some(short), Some(full)) if full.starts_with(&short) => Some(full.clone()),
        (dateline, _) => dateline,
    };
    meta.publisher = publisher_from_source
        .or(publisher_from_header)
        .or(dateline_publisher)
        .or(publisher_from_copyright);

    let prose: Vec<Range<usize>> = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| matches!(k, Line::Prose | Line::Title))
        .map(|(r, _)| trim_range(input, r.clone()))
        .collect();
    let headline = lines
        .iter()
        .zip(&kinds)
        .find(|(_, k)| **k == Line::Title)
        .map(|(r, _)| trim_range(input, r.clone()));

    Document {
        kind: InputKind::Text,
        text: input.to_string(),
        metadata: meta,
        prose,
        headline,
    }
}

/// Line byte ranges without their terminators; `\n`, `\r\n` and a lone `\r` all end a line.
fn split_lines(input: &str) -> Vec<Range<usize>> {
    let bytes = input.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = next_line_break(bytes, i);
        if i == bytes.len() {
            break;
        }
        lines.push(start..i);
        // "\r\n" is one break.
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        i += 1;
        start = i;
    }
    if start < bytes.len() {
        lines.push(start..bytes.len());
    }
    lines
}

/// The position of the next `\n` or `\r` at or after `from` (or the end),
/// eight bytes at a time: lines are long, and this runs over the whole paste.
fn next_line_break(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `x` is zero.
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if has_zero_byte(word ^ (ONES * u64::from(b'\n')))
            | has_zero_byte(word ^ (ONES * u64::from(b'\r')))
            != 0
        {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Whitespace, and the invisible characters pasted text carries at its edges.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

fn trim_range(input: &str, range: Range<usize>) -> Range<usize> {
    let slice = &input[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start_matches(is_blank).len());
    let end = range.start + slice.trim_end_matches(is_blank).len();
    start..end.max(start)
}

fn read_header(
    input: &str,
    lines: &[Range<usize>],
    kinds: &mut [Line],
    meta: &mut Metadata,
    publisher: &mut Option<String>,
) {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| kinds[i] != Line::Blank)
        .collect();
    if non_blank.len() < 2 {
        return; // A single line is prose, not a header.
    }
    for (position, &i) in non_blank.iter().take(HEADER_LINES).enumerate() {
        if kinds[i] == Line::Boilerplate {
            continue; // "Theme:" lines may sit in the header.
        }
        let line = input[lines[i].clone()].trim();
        if let Some(rest) = byline(line) {
            read_byline(rest, meta);
            kinds[i] = Line::Header;
        } else if let Some(prefix) = date_line(line) {
            if let Some((date, _)) = find_date(line) {
                meta.published.get_or_insert(date);
            }
            // "Opinion | June 3, 2025": a section; "Global Research, April
            // 02, 2017": a publisher; "The Courier | World | …": both;
            // "Health | Wednesday | …": a section and a weekday.
            for label in prefix.iter().flat_map(|p| p.split(['|', '•', '·'])) {
                let Some(label) = clean(label.trim_matches([',', '-', '|', '—', '–'])) else {
                    continue;
                };
                match metadata::date_label(&label) {
                    metadata::DateLabel::Section => _ = meta.section.get_or_insert(label),
                    metadata::DateLabel::Date => {}
                    metadata::DateLabel::Other => _ = publisher.get_or_insert(label),
                }
            }
            kinds[i] = Line::Header;
        } else if position == 0 && is_title(line) {
            meta.title = clean(&metadata::strip_markdown_links(
                line.trim_start_matches('#'),
            ));
            kinds[i] = Line::Title;
        } else {
            break;
        }
    }
}

fn is_title(line: &str) -> bool {
    line.chars().count() <= TITLE_MAX_CHARS && !line.ends_with('.') && !line.ends_with(',')
}

/// "By A and B", "by A | Opinion | 12 January 2023" -> the part after "by".
fn byline(line: &str) -> Option<&str> {
    let lower = line.get(..3)?.to_ascii_lowercase();
    (lower == "by " && line.chars().count() <= TITLE_MAX_CHARS).then(|| &line[3..])
}

fn read_byline(rest: &str, meta: &mut Metadata) {
    let byline = metadata::read_byline(rest);
    for name in byline.authors {
        push_unique(&mut meta.authors, name);
    }
    if let Some(date) = byline.published {
        meta.published.get_or_insert(date);
    }
    if let Some(section) = byline.section {
        meta.section.get_or_insert(section);
    }
}

/// A line that is (mostly) a date: "March 3, 2025", "Published: 2 April 2017",
/// "Global Research, April 02, 2017". Returns the publisher-like text before the date.
fn date_line(line: &str) -> Option<Option<String>> {
    if line.chars().count() > TITLE_MAX_CHARS {
        return None; // a paragraph that mentions a date is prose
    }
    let (_, range) = find_date(line)?;
    let before = line[..range.start]
        .trim()
        .trim_end_matches([',', '-', '|', '—', '–'])
        .trim();
    let after = &line[range.end..];
    let filler = |s: &str| {
        s.split_whitespace()
            .filter(|w| {
                let w = w.to_ascii_lowercase();
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !w.is_empty()
                    && ![
                        "published",
                        "updated",
                        "posted",
                        "on",
                        "at",
                        "am",
                        "pm",
                        "gmt",
                        "utc",
                        "est",
                        "edt",
                        "bst",
                        "cet",
                        "last",
                        "date",
                    ]
                    .contains(&w)
                    && !w.chars().all(|c| c.is_ascii_digit() || c == ':')
            })
            .count()
    };
    if filler(after) > 2 || before.split_whitespace().count() > 6 {
        return None;
    }
    if filler(before) == 0 {
        return Some(None);
    }
    let starts_upper = before.chars().next().is_some_and(char::is_uppercase);
    Some(starts_upper.then(|| before.to_string()))
}

/// The keys of "Key: value" header lines, in the order they are tried.
const HEADER_KEYS: &[&str] = &[
    "region",
    "regions",
    "theme",
    "themes",
    "tags",
    "tag",
    "topics",
    "topic",
    "keywords",
    "section",
    "category",
    "categories",
    "filed under",
];

/// A header line's key (as written) and value: spaces, a key in any case,
/// spaces, a colon, then the rest of the line. A byte scanner for the regex
/// `(?i)^\s*(region|regions|theme|themes|tags?|topics?|keywords|section|category|categories|filed under)\s*:\s*(.+)$`.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let start = scan::run(bytes, 0, scan::is_space);
    HEADER_KEYS.iter().find_map(|key| {
        let end = start + key.len();
        let colon = end + scan::run(bytes, end, scan::is_space);
        if scan::has_at(bytes, start, key) && bytes.get(colon) == Some(&b':') {
            Some((&line[start..end], scan::rest_of_line(line, colon + 1, 0)?))
        } else {
            None
        }
    })
}

/// "Region: Europe", "Theme: Politics, Corruption", "Section: World".
fn read_key_value_line(line: &str, meta: &mut Metadata) -> bool {
    // Cheap tests first: this runs on every line, and the key is short.
    // A colon among the first 25 bytes, without scanning the rest of a long
    // paragraph for one.
    let has_key = line.bytes().take(25).any(|b| b == b':');
    if !has_key || !at_most_chars(line, BOILERPLATE_MAX_CHARS) {
        return false;
    }
    let Some((key, value)) = key_value(line) else {
        return false;
    };
    let key = key.to_ascii_lowercase();
    let values: Vec<String> = metadata::strip_markdown_links(value)
        .split([',', ';', '|'])
        .filter_map(clean)
        .collect();
    if key == "section" {
        if let Some(first) = values.into_iter().next() {
            meta.section.get_or_insert(first);
        }
    } else {
        for value in values {
            push_unique(&mut meta.tags, value);
        }
    }
    true
}

/// The publisher named by an "original source" line. Its lead is a byte
/// scanner for the regex `(?i)^(?:the )?original source of this article is\s+(.+)$`.
fn original_source(line: &str) -> Option<String> {
    const LEAD: &str = "original source of this article is";
    let bytes = line.as_bytes();
    let start = if scan::has_at(bytes, 0, "the ") { 4 } else { 0 };
    if !scan::has_at(bytes, start, LEAD) {
        return None;
    }
    let source = scan::rest_of_line(line, start + LEAD.len(), 1)?;
    // A copyright line run onto this one when a paste lost its line break:
    // "… is The Lantern Review Copyright © Derek Holloway, …".
    let lower = source.to_ascii_lowercase();
    let end = ["copyright", "©", "(c)"]
        .iter()
        .filter_map(|mark| lower.find(mark))
        .min()
        .unwrap_or(lower.len());
    clean(metadata::strip_markdown_links(&source[..end]).trim_end_matches(['.', ' ']))
}

/// Without counting all of a long paragraph: a character is 1 to 4 bytes.
fn at_most_chars(line: &str, max: usize) -> bool {
    line.len() <= max || (line.len() <= max.saturating_mul(4) && line.chars().count() <= max)
}

/// "© 2025 Northwind News Agency. All rights reserved." -> "Northwind News Agency";
/// "Copyright © Derek Holloway, The Lantern Review, 2023" -> "The Lantern Review".
fn copyright_holder(line: &str) -> Option<String> {
    // A copyright line starts with one of the marks.
    if !["copyright", "©", "(c)"]
        .iter()
        .any(|mark| scan::has_at(line.as_bytes(), 0, mark))
    {
        return None;
    }
    let stripped = strip_copyright_marks(&metadata::strip_markdown_links(line));
    let holder = stripped
        .split([',', '.'])
        .filter_map(clean)
        .next_back()
        .filter(|s| s.chars().next().is_some_and(char::is_alphanumeric));
    Some(holder.unwrap_or_default()).filter(|s| !s.is_empty())
}

/// The length of what a copyright line says besides its holder, at `at`:
/// "copyright", "©", "(c)", "all rights reserved", a year or a range of years.
/// With `strip_copyright_marks`, a byte scanner for the regex
/// `(?i)copyright|©|\(c\)|all rights reserved\.?|\b\d{4}\s*[-–]\s*\d{4}\b|\b\d{4}\b`.
fn copyright_mark_at(bytes: &[u8], at: usize) -> Option<usize> {
    if let Some(mark) = ["copyright", "©", "(c)"]
        .iter()
        .find(|m| scan::has_at(bytes, at, m))
    {
        return Some(mark.len());
    }
    if scan::has_at(bytes, at, "all rights reserved") {
        return Some(19 + usize::from(bytes.get(at + 19) == Some(&b'.')));
    }
    let four_digits = |at: usize| scan::run(bytes, at, |b| b.is_ascii_digit()) >= 4;
    if !(scan::word_starts(bytes, at) && four_digits(at)) {
        return None;
    }
    // A range, "2019–2024" or "2019 - 2024", before a single year. (A year
    // after a dash or a space always starts a word.)
    let dash = at + 4 + scan::run(bytes, at + 4, scan::is_space);
    let after_dash = ["-", "–"]
        .iter()
        .find(|d| scan::has_at(bytes, dash, d))
        .map(|d| dash + d.len());
    if let Some(after_dash) = after_dash {
        let second = after_dash + scan::run(bytes, after_dash, scan::is_space);
        if four_digits(second) && scan::word_ends(bytes, second + 4) {
            return Some(second + 4 - at);
        }
    }
    scan::word_ends(bytes, at + 4).then_some(4)
}

/// `line` without its copyright marks (see `copyright_mark_at`).
fn strip_copyright_marks(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        match copyright_mark_at(bytes, at) {
            Some(len) => {
                out.push_str(&line[copied..at]);
                at += len;
                copied = at;
            }
            None => at += 1,
        }
    }
    out.push_str(&line[copied..]);
    out
}

/// Lines that are page furniture rather than article prose.
fn is_boilerplate(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "all rights reserved",
        "share this",
        "share on",
        "become a member",
        "support independent",
        "support our journalism",
        "subscribe to",
        "subscribe now",
        "sign up for",
        "sign up to",
        "disclaimer:",
        "the views expressed",
        "follow us on",
        "click here",
        "donate now",
        "please donate",
        "make a donation",
        "leave a comment",
        "featured image",
        "this article was originally published",
        "this article originally appeared",
        "related articles",
        "related:",
        "read more:",
        "print this",
        "email this",
        "advertisement",
    ];
    let short = line.split_whitespace().nth(15).is_none();
    // Longer than any marker line can be: skip lower-casing it.
    if !short && line.len() > "advertisement:".len() {
        return false;
    }
    let lower = line.to_lowercase();
    (short && MARKERS.iter().any(|m| lower.contains(m)))
        || ["share", "advertisement", "comments"].contains(&lower.trim_end_matches(':'))
}

/// "LONDON, March 3 (Reuters) — …" -> "Reuters": a place in capitals, an
/// optional second place and an optional date, each after a comma, the
/// agency in brackets, then a dash or a colon. A byte scanner for the regex
/// `^[A-Z][A-Z'.\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(([A-Z][A-Za-z&.' ]{1,40})\)\s*(?:[-—–]{1,2}|:)\s`.
fn dateline_publisher(paragraph: &str) -> Option<String> {
    let bytes = paragraph.as_bytes();
    // Nothing before the agency may be a bracket.
    let open = bytes.iter().position(|&b| b == b'(')?;
    let close = open + 1 + bytes[open + 1..].iter().position(|&b| b == b')')?;
    let agency = &bytes[open + 1..close];
    let agency_ok = agency.first().is_some_and(u8::is_ascii_uppercase)
        && (2..=41).contains(&agency.len())
        && agency[1..]
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || b"&.' ".contains(&b));
    if !(agency_ok && dateline_places(&bytes[..open]) && dateline_dash(bytes, close + 1)) {
        return None;
    }
    clean(&paragraph[open + 1..close])
}

/// "LONDON", "WASHINGTON, D.C.", "LONDON, March 3", "PARIS, Texas, Jan. 2",
/// with any spaces before the bracket.
fn dateline_places(before: &[u8]) -> bool {
    let place = |b: u8| b.is_ascii_uppercase() || b"'.- ".contains(&b);
    let second_place = |b: u8| b.is_ascii_alphabetic() || b".- ".contains(&b);
    let mut parts = before.split(|&b| b == b',');
    let first = parts.next().unwrap_or_default();
    match (parts.next(), parts.next(), parts.next()) {
        (None, ..) => capitalised(first, place, 40, true),
        (Some(second), None, _) => {
            capitalised(first, place, 40, false)
                && (capitalised(skip_spaces(second), second_place, 30, true)
                    || dateline_date(second))
        }
        (Some(second), Some(third), None) => {
            capitalised(first, place, 40, false)
                && capitalised(skip_spaces(second), second_place, 30, false)
                && dateline_date(third)
        }
        _ => false,
    }
}

fn skip_spaces(bytes: &[u8]) -> &[u8] {
    &bytes[scan::run(bytes, 0, scan::is_space)..]
}

/// A capital, then 1 to `max` bytes of `class`; with `trailing_spaces`, any
/// spaces may follow.
fn capitalised(part: &[u8], class: impl Fn(u8) -> bool, max: usize, trailing_spaces: bool) -> bool {
    let Some((first, rest)) = part.split_first() else {
        return false;
    };
    if !first.is_ascii_uppercase() {
        return false;
    }
    let body = if trailing_spaces {
        let kept = rest.len()
            - rest
                .iter()
                .rev()
                .take_while(|&&b| scan::is_space(b))
                .count();
        // Spaces alone: the first one is the body.
        if kept == 0 {
            return rest.first() == Some(&b' ') && class(b' ');
        }
        &rest[..kept]
    } else {
        rest
    };
    (1..=max).contains(&body.len()) && body.iter().all(|&b| class(b))
}

/// " March 3", " Jan. 12": a capitalised month of 3 to 9 letters, an
/// optional dot, spaces and a one- or two-digit day; any spaces after.
fn dateline_date(part: &[u8]) -> bool {
    let part = skip_spaces(part);
    if !part.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let letters = scan::run(part, 1, |b| b.is_ascii_lowercase());
    if !(2..=8).contains(&letters) {
        return false;
    }
    let mut at = 1 + letters;
    at += usize::from(part.get(at) == Some(&b'.'));
    let spaces = scan::run(part, at, scan::is_space);
    let Some((_, len)) = scan::digits(part, at + spaces, 2).filter(|_| spaces > 0) else {
        return false;
    };
    let end = at + spaces + len;
    part[end..].iter().all(|&b| scan::is_space(b))
}

/// After the agency's bracket: spaces, one or two dashes or a colon, a space.
fn dateline_dash(bytes: &[u8], at: usize) -> bool {
    let mut at = at + scan::run(bytes, at, scan::is_space);
    if bytes.get(at) == Some(&b':') {
        at += 1;
    } else {
        let dash_at = |at: usize| {
            ["-", "—", "–"]
                .iter()
                .find(|d| scan::has_at(bytes, at, d))
                .map(|d| d.len())
        };
        let mut dashes = 0;
        while let Some(len) = dash_at(at).filter(|_| dashes < 3) {
            at += len;
            dashes += 1;
        }
        if !(1..=2).contains(&dashes) {
            return false;
        }
    }
    bytes.get(at).is_some_and(|&b| scan::is_space(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regexes the header-line scanners replaced.
    mod by_regex {
        use regex_lite::Regex;

        pub fn key_value(line: &str) -> Option<(String, String)> {
            Regex::new(r"(?i)^\s*(region|regions|theme|themes|tags?|topics?|keywords|section|category|categories|filed under)\s*:\s*(.+)$")
                .unwrap()
                .captures(line)
                .map(|c| (c[1].to_string(), c[2].to_string()))
        }

        pub fn original_source(line: &str) -> Option<String> {
            Regex::new(r"(?i)^(?:the )?original source of this article is\s+(.+)$")
                .unwrap()
                .captures(line)
                .map(|c| c[1].to_string())
        }

        pub fn strip_copyright_marks(line: &str) -> String {
            Regex::new(
                r"(?i)copyright|©|\(c\)|all rights reserved\.?|\b\d{4}\s*[-–]\s*\d{4}\b|\b\d{4}\b",
            )
            .unwrap()
            .replace_all(line, "")
            .into_owned()
        }

        pub fn dateline_agency(paragraph: &str) -> Option<String> {
            Regex::new(r"^[A-Z][A-Z'.\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(([A-Z][A-Za-z&.' ]{1,40})\)\s*(?:[-—–]{1,2}|:)\s")
                .unwrap()
                .captures(paragraph)
                .and_then(|c| super::clean(&c[1]))
        }
    }

    fn key_value_owned(line: &str) -> Option<(String, String)> {
        key_value(line).map(|(k, v)| (k.to_string(), v.to_string()))
    }

    fn original_source_capture(line: &str) -> Option<String> {
        let start = if scan::has_at(line.as_bytes(), 0, "the ") {
            4
        } else {
            0
        };
        let lead = "original source of this article is";
        scan::has_at(line.as_bytes(), start, lead)
            .then(|| scan::rest_of_line(line, start + lead.len(), 1))
            .flatten()
            .map(str::to_string)
    }

    #[test]
    fn header_scanners_agree_with_the_regexes_on_hand_picked_lines() {
        for line in [
            "Tags: a, b",
            "  TAGS :x",
            "tag:",
            "Tags:  ",
            "Tags: \n",
            "Regions: EU",
            "region s: x",
            "Filed under: Politics",
            "filed  under: x",
            "Categories:\tA",
            "Sections: x",
            "Theme:x\ny",
        ] {
            assert_eq!(key_value_owned(line), by_regex::key_value(line), "{line:?}");
        }
        for line in [
            "The original source of this article is Review",
            "ORIGINAL SOURCE OF THIS ARTICLE IS  x ",
            "the original source of this article is",
            "the original source of this article is  ",
            "theoriginal source of this article is x",
            "original source of this article isx",
        ] {
            assert_eq!(
                original_source_capture(line),
                by_regex::original_source(line),
                "{line:?}"
            );
        }
        for line in [
            "© 2025 Northwind News Agency. All rights reserved.",
            "Copyright (C) 2019–2024 Foo",
            "(c) 2019 - 2024, Bar",
            "x2019 2020x 12345 2021_ 2022",
            "All Rights Reserved",
            "©©",
        ] {
            assert_eq!(
                strip_copyright_marks(line),
                by_regex::strip_copyright_marks(line),
                "{line:?}"
            );
        }
        for paragraph in [
            "LONDON, March 3 (Reuters) — Prices rose.",
            "LONDON (Reuters) - x",
            "LONDON (AP): x",
            "WASHINGTON, D.C., Jan. 2 (AP) -- x",
            "PARIS, Texas (AFP) — x",
            "LONDON   (Reuters) — x",
            "L (Reuters) — x",
            "LONDON, March 333 (Reuters) — x",
            "LONDON (Reuters) --- x",
            "London (Reuters) — x",
            "LONDON (reuters) — x",
            "LONDON (Reuters)—x",
            "A  (B) - x",
            "LONDON, Marchxxxxx 3 (Reuters) — x",
            "LONDON, , March 3 (Reuters) — x",
        ] {
            assert_eq!(
                dateline_publisher(paragraph),
                by_regex::dateline_agency(paragraph),
                "{paragraph:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn key_value_scanner_agrees_with_the_regex(
            line in r"[ \t\u{b}]{0,2}(tags?|TOPICS?|regions?|Filed under|filed  under|categor(y|ies)|Section|x|é)[ \t]{0,2}:?[ \t\n]{0,2}(x|é|, ){0,2}\n?",
        ) {
            proptest::prop_assert_eq!(key_value_owned(&line), by_regex::key_value(&line));
        }

        #[test]
        fn original_source_scanner_agrees_with_the_regex(
            line in r"(the |The |THE )?(original source of this article is|Original Source Of This Article Is)?([ \t\n]|x|é){0,4}",
        ) {
            proptest::prop_assert_eq!(original_source_capture(&line), by_regex::original_source(&line));
        }

        #[test]
        fn copyright_scanner_agrees_with_the_regex(
            line in r"([0-9]{1,5}|[ \t,.\-_x]|–|©|\([cC]\)|copyright|All rights reserved|é){0,10}",
        ) {
            proptest::prop_assert_eq!(strip_copyright_marks(&line), by_regex::strip_copyright_marks(&line));
        }

        #[test]
        fn dateline_scanner_agrees_with_the_regex(
            paragraph in r"[A-Z]([A-Z'. \-]{0,4}|[A-Z]{39,41})(, ?([A-Z][a-zA-Z.\- ]{0,3}|[A-Z][a-z]{1,9}\.? {0,2}[0-9]{1,3}))?(, ?([A-Z][a-z.\- ]{0,3}|[A-Z][a-z]{1,9}\.? {0,2}[0-9]{1,3}))?[ \t]{0,2}\(([A-Z][A-Za-z&.' ]{0,3}|[A-Z]{40,41}|[a-z(])\)?[ \t]{0,2}[-—–:]{0,3}[ x]",
        ) {
            proptest::prop_assert_eq!(dateline_publisher(&paragraph), by_regex::dateline_agency(&paragraph));
        }
    }

    #[test]
    fn at_most_chars_counts_characters_not_bytes() {
        for c in ['a', 'é', '東', '😀'] {
            let line = |n: usize| c.to_string().repeat(n);
            assert!(at_most_chars(&line(5), 5), "{c}");
            assert!(!at_most_chars(&line(6), 5), "{c}");
            assert!(at_most_chars(&line(0), 0));
        }
        assert!(!at_most_chars(&"a".repeat(10_000), 200));
    }

    #[test]
    fn lines_end_at_each_kind_of_break() {
        let text = "a\r\nb\rc\n\nd";
        let lines: Vec<&str> = split_lines(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
    }

    proptest::proptest! {
        #[test]
        fn line_breaks_are_found_where_a_byte_scan_finds_them(text in "[a-z \r\n\t\u{85}\u{2028}é]{0,40}", from in 0usize..40) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let expected = (from..bytes.len())
                .find(|&i| bytes[i] == b'\n' || bytes[i] == b'\r')
                .unwrap_or(bytes.len());
            proptest::prop_assert_eq!(next_line_break(bytes, from), expected);
        }
    }

    fn prose_of(doc: &Document) -> Vec<&str> {
        doc.prose.iter().map(|r| &doc.text[r.clone()]).collect()
    }

    #[test]
    fn reads_title_byline_dateline_and_copyright_footer() {
        let doc = read(
            "Dockers walk out\nBy Anna Lindqvist and Tomas Berg\nMarch 3, 2025\n\nThe port closed on Monday, officials said.\n\n© 2025 Northwind News Agency. All rights reserved.\n",
        );
        let m = &doc.metadata;
        assert_eq!(m.title.as_deref(), Some("Dockers walk out"));
        assert_eq!(m.authors, ["Anna Lindqvist", "Tomas Berg"]);
        assert_eq!(m.published.as_deref(), Some("2025-03-03"));
        assert_eq!(m.publisher.as_deref(), Some("Northwind News Agency"));
        assert_eq!(
            prose_of(&doc),
            [
                "Dockers walk out",
                "The port closed on Monday, officials said."
            ]
        );
        assert_eq!(doc.headline.map(|r| &doc.text[r]), Some("Dockers walk out"));
    }

    #[test]
    fn reads_piped_byline_tag_lines_and_original_source() {
        let doc = read(
            "The Council Fails Again\nby [Derek Holloway](https://example.org/dh) | Opinion | 12 January 2023\nRegion: Europe\nTheme: Politics, Corruption\n\nThe council met.\n\nThe original source of this article is The Lantern Review\nCopyright © Derek Holloway, The Lantern Review, 2023\nBecome a member and support independent journalism!\nShare this article:\n",
        );
        let m = &doc.metadata;
        assert_eq!(m.authors, ["Derek Holloway"]);
        assert_eq!(m.section.as_deref(), Some("Opinion"));
        assert_eq!(m.published.as_deref(), Some("2023-01-12"));
        assert_eq!(m.tags, ["Europe", "Politics", "Corruption"]);
        assert_eq!(m.publisher.as_deref(), Some("The Lantern Review"));
        assert_eq!(
            prose_of(&doc),
            ["The Council Fails Again", "The council met."]
        );
    }

    #[test]
    fn original_source_stops_where_a_run_on_copyright_line_begins() {
        for footer in [
            "The original source of this article is The Lantern Review Copyright © Derek Holloway, The Lantern Review, 2023",
            "Original source of this article is The Lantern Review. © 2023 Derek Holloway",
            "The original source of this article is The Lantern Review (c) 2023",
        ] {
            let doc = read(&format!("A Headline\n\nThe council met.\n\n{footer}\n"));
            assert_eq!(
                doc.metadata.publisher.as_deref(),
                Some("The Lantern Review"),
                "{footer}"
            );
        }
    }

    #[test]
    fn publisher_and_date_line() {
        let doc = read("Title here\nGlobal Research, April 02, 2017\n\nBody text.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Global Research"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2017-04-02"));
    }

    #[test]
    fn wire_dateline_names_the_agency() {
        let doc = read("Strike ends\n\nLONDON, March 3 (Reuters) - The strike ended on Monday.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_single_line_is_prose_and_empty_input_is_empty() {
        let doc = read("Thugs smashed the windows.");
        assert_eq!(doc.metadata.title, None);
        assert_eq!(prose_of(&doc), ["Thugs smashed the windows."]);
        let empty = read("  \n\n ");
        assert!(empty.prose.is_empty());
        assert_eq!(empty.metadata, Metadata::default());
    }

    #[test]
    fn handles_crlf_and_lone_cr() {
        let doc = read("Title\r\nBy Jo Bloggs\r\rBody one.\rBody two.");
        assert_eq!(doc.metadata.authors, ["Jo Bloggs"]);
        assert_eq!(prose_of(&doc), ["Title", "Body one.", "Body two."]);
    }

    #[test]
    fn a_long_first_line_is_not_a_title() {
        let doc = read(
            "The council voted on Tuesday to approve the budget after a long debate.\nMore text.",
        );
        assert_eq!(doc.metadata.title, None);
    }
}
