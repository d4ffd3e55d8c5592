//! The plain-text reader's scanners for footer and dateline lines: the
//! "original source of this article is" line, copyright lines and their
//! holder, and wire datelines ("LONDON, March 3 (Reuters) —"). Each is a
//! byte scanner for the regex its doc names, checked against that regex by
//! the tests below.
//!
//! Size: see BENCHMARKS.md#t-no-regex.

use crate::metadata::{self, clean};
use crate::scan;

/// The publisher named by an "original source" line. Its lead is a byte
/// scanner for the regex `(?i)^(?:the )?original source of this article is\s+(.+)$`.
pub(super) fn original_source(line: &str) -> Option<String> {
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

/// The paper that claims a story as its own in its text: "…, the Daily
/// Clarion can reveal" -> "Daily Clarion". Only a news organisation's name
/// counts ("a source can reveal" is nobody's masthead).
pub(super) fn revealing_paper(paragraph: &str) -> Option<String> {
    const REVEALS: [&str; 2] = [" can reveal", " can exclusively reveal"];
    let at = REVEALS.iter().filter_map(|r| paragraph.find(r)).min()?;
    let before = &paragraph[..at];
    // The name runs back to a comma, a dash or the paragraph's start.
    let start = before.rfind([',', '—', '–', ';', ':']).map_or(0, |k| k + 1);
    let name = before[start..].trim();
    let name = ["the ", "The "]
        .iter()
        .find_map(|the| name.strip_prefix(the))
        .unwrap_or(name);
    metadata::is_publication(name)
        .then(|| clean(name))
        .flatten()
}

/// "© 2025 Northwind News Agency. All rights reserved." -> "Northwind News Agency";
/// "Copyright © Derek Holloway, The Lantern Review, 2023" -> "The Lantern Review".
pub(super) fn copyright_holder(line: &str) -> Option<String> {
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

/// "LONDON, March 3 (Reuters) — …" -> "Reuters": a place in capitals, an
/// optional second place and an optional date, each after a comma, the
/// agency in brackets, then a dash or a colon. A byte scanner for the regex
/// `^[A-Z][A-Z'.\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(([A-Z][A-Za-z&.' ]{1,40})\)\s*(?:[-—–]{1,2}|:)\s`.
pub(super) fn dateline_publisher(paragraph: &str) -> Option<String> {
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

/// " March 3", " Jan. 12", " 18 March", " 18 March 2025": a capitalised
/// month of 3 to 9 letters with an optional dot, and a one- or two-digit
/// day before or after it, then optionally a four-digit year; spaces
/// between, any spaces after.
fn dateline_date(part: &[u8]) -> bool {
    let part = skip_spaces(part);
    // A month at `at`: its end.
    let month = |at: usize| {
        if !part.get(at).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let letters = scan::run(part, at + 1, |b| b.is_ascii_lowercase());
        let end = at + 1 + letters;
        (2..=8)
            .contains(&letters)
            .then(|| end + usize::from(part.get(end) == Some(&b'.')))
    };
    // Spaces, then digits (up to `max`): their end.
    let spaced_digits = |at: usize, max: usize| {
        let spaces = scan::run(part, at, scan::is_space);
        let (_, len) = scan::digits(part, at + spaces, max).filter(|_| spaces > 0)?;
        Some(at + spaces + len)
    };
    let day_month = || {
        let (_, day) = scan::digits(part, 0, 2)?;
        let spaces = scan::run(part, day, scan::is_space);
        month(day + spaces).filter(|_| spaces > 0)
    };
    let Some(end) = month(0)
        .and_then(|end| spaced_digits(end, 2))
        .or_else(day_month)
    else {
        return false;
    };
    let end = match spaced_digits(end, 4) {
        Some(year_end) if year_end - end - scan::run(part, end, scan::is_space) == 4 => year_end,
        _ => end,
    };
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

    #[test]
    fn a_paper_revealing_a_story_is_its_publisher() {
        let lead = "PENNY-PINCHING council chiefs splashed out £38,000 on a spa ‘away day’, the Daily Clarion can reveal.";
        assert_eq!(revealing_paper(lead).as_deref(), Some("Daily Clarion"));
        assert_eq!(
            revealing_paper("The Sunday Echo can exclusively reveal that the deal is off.")
                .as_deref(),
            Some("Sunday Echo")
        );
        assert_eq!(
            revealing_paper("Documents seen by this reporter can reveal little."),
            None
        );
        assert_eq!(
            revealing_paper("No one can reveal the figure, she said."),
            None
        );
    }
    use crate::scan;

    /// The regexes the footer and dateline scanners replaced.
    mod by_regex {
        use regex_lite::Regex;

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
            Regex::new(r"^[A-Z][A-Z'.\- ]{1,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:\s+\d{4})?)?\s*\(([A-Z][A-Za-z&.' ]{1,40})\)\s*(?:[-—–]{1,2}|:)\s")
                .unwrap()
                .captures(paragraph)
                .and_then(|c| super::clean(&c[1]))
        }
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
    fn footer_and_dateline_scanners_agree_with_the_regexes_on_hand_picked_lines() {
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
            paragraph in r"[A-Z]([A-Z'. \-]{0,4}|[A-Z]{39,41})(, ?([A-Z][a-zA-Z.\- ]{0,3}|[A-Z][a-z]{1,9}\.? {0,2}[0-9]{1,3}( {0,2}[0-9]{3,5})?|[0-9]{1,3} {0,2}[A-Z][a-z]{1,9}\.?( {0,2}[0-9]{3,5})?))?(, ?([A-Z][a-z.\- ]{0,3}|[A-Z][a-z]{1,9}\.? {0,2}[0-9]{1,3}( {0,2}[0-9]{3,5})?|[0-9]{1,3} {0,2}[A-Z][a-z]{1,9}\.?( {0,2}[0-9]{3,5})?))?[ \t]{0,2}\(([A-Z][A-Za-z&.' ]{0,3}|[A-Z]{40,41}|[a-z(])\)?[ \t]{0,2}[-—–:]{0,3}[ x]",
        ) {
            proptest::prop_assert_eq!(dateline_publisher(&paragraph), by_regex::dateline_agency(&paragraph));
        }
    }
}
