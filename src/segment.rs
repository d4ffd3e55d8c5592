//! Segmentation of the prose into paragraphs, sentences and quotations.
//! Sentence splitting knows news text: abbreviations (U.S., Dr., Jan., No.),
//! initials, decimals and money, ellipses, and quotations that end a sentence.
//!
//! Speed: see BENCHMARKS.md#t-byte-scanners (the sentence splitter and the
//! quotation finder step by bytes), BENCHMARKS.md#t-forward-cursor
//! (`OverlapCursor`), BENCHMARKS.md#t-smaller-scans (a paragraph's last line
//! only when needed) and BENCHMARKS.md#t-no-siphash (quotation groups).
//!
//! Measured: BENCHMARKS.md#t-next-word, BENCHMARKS.md#t-top-level-shared
//! (the top-level quotations are `quotations` itself unless some are nested).

pub mod interview;

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Including the quotation marks.
    pub range: Range<usize>,
    /// Between the marks.
    pub inner: Range<usize>,
    /// Quotations continued across paragraphs share a group. A `u32`, so a
    /// quotation takes 40 bytes (a text can be a quotation every dozen).
    pub group: u32,
    /// Inside another quotation (‘…’ within “…”).
    pub nested: bool,
}

impl Quotation {
    pub fn words(&self, text: &str) -> usize {
        text[self.inner.clone()].split_whitespace().count()
    }
}

/// The quotations of `disjoint` (top-level, sorted, not overlapping) that
/// overlap `range`, found by binary search.
pub fn overlapping<'a>(disjoint: &'a [Quotation], range: &Range<usize>) -> &'a [Quotation] {
    let first = disjoint.partition_point(|q| q.range.end <= range.start);
    let last = first + disjoint[first..].partition_point(|q| q.range.start < range.end);
    &disjoint[first..last]
}

/// `overlapping` for ranges asked about in text order (each starting at or
/// after the one before, as sentences do): a cursor that only moves forward,
/// instead of two binary searches per range.
pub struct OverlapCursor<'a> {
    disjoint: &'a [Quotation],
    first: usize,
    last_start: usize,
}

impl<'a> OverlapCursor<'a> {
    pub fn new(disjoint: &'a [Quotation]) -> Self {
        OverlapCursor {
            disjoint,
            first: 0,
            last_start: 0,
        }
    }

    pub fn overlapping(&mut self, range: &Range<usize>) -> &'a [Quotation] {
        debug_assert!(
            range.start >= self.last_start,
            "ranges must come in text order"
        );
        self.last_start = range.start;
        let disjoint = self.disjoint;
        while self.first < disjoint.len() && disjoint[self.first].range.end <= range.start {
            self.first += 1;
        }
        let mut last = self.first;
        while last < disjoint.len() && disjoint[last].range.start < range.end {
            last += 1;
        }
        &disjoint[self.first..last]
    }
}

#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub quotations: Vec<Quotation>,
    /// Its questions and answers, when the text is laid out as an interview.
    pub interview: Option<interview::Interview>,
    /// The quotations not nested in another, kept apart only when some
    /// are nested: otherwise they are `quotations`, and a text of many
    /// short quotations does not hold each twice.
    top_level: Option<Vec<Quotation>>,
}

impl Segments {
    /// The quotations not nested in another: disjoint and in order.
    pub fn top_level(&self) -> &[Quotation] {
        self.top_level.as_deref().unwrap_or(&self.quotations)
    }
}

pub fn segment(text: &str, prose: &[Range<usize>], headline: Option<&Range<usize>>) -> Segments {
    let paragraphs = join_wrapped_lines(text, prose, headline);
    let mut sentences = Vec::new();
    for (p, range) in paragraphs.iter().enumerate() {
        if headline == Some(range) {
            sentences.push(Sentence {
                range: range.clone(),
                paragraph: p,
            });
            continue;
        }
        for range in split_sentences(text, range.clone()) {
            sentences.push(Sentence {
                range,
                paragraph: p,
            });
        }
    }
    let mut quotations = find_quotations(text, &paragraphs);
    // Held to the end of the analysis: without the slack of its growth (a
    // text can be a quotation every dozen bytes).
    quotations.shrink_to_fit();
    let top_level = quotations
        .iter()
        .any(|q| q.nested)
        .then(|| quotations.iter().filter(|q| !q.nested).cloned().collect());
    let interview = interview::find(text, &paragraphs, headline);
    Segments {
        paragraphs,
        sentences,
        quotations,
        interview,
        top_level,
    }
}

/// Lines of hard-wrapped prose belong to one paragraph; a line that ends a
/// sentence, or a short line, ends its paragraph.
fn join_wrapped_lines(
    text: &str,
    prose: &[Range<usize>],
    headline: Option<&Range<usize>>,
) -> Vec<Range<usize>> {
    const WRAPPED_LINE_MIN_CHARS: usize = 60;
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    for range in prose.iter().filter(|r| !r.is_empty()) {
        if let Some(last) = paragraphs.last_mut() {
            let gap = &text[last.end..range.start];
            let single_break =
                gap.matches(['\n', '\r']).count() == 1 && !gap.contains("\r\n\r") || gap == "\r\n";
            // Most paragraphs are apart by a blank line: the last line is
            // looked for only when they are not.
            if single_break && headline != Some(last) {
                let paragraph = &text[last.clone()];
                let last_line = paragraph
                    .bytes()
                    .rposition(|b| b == b'\n' || b == b'\r')
                    .map_or(paragraph, |at| &paragraph[at + 1..]);
                let ends_sentence = last_line
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '…']);
                if !ends_sentence
                    && last_line.chars().count() >= WRAPPED_LINE_MIN_CHARS
                    && !is_credit_line(&text[range.clone()])
                {
                    last.end = range.end;
                    continue;
                }
            }
        }
        paragraphs.push(range.clone());
    }
    paragraphs
}

/// "Image: Northmoor News Agency", "Photo: …": a picture's credit, the line
/// after its caption, which no wrapped sentence runs on into.
fn is_credit_line(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(label, _)| is_credit_label(label))
}

/// What a picture's credit opens with, before its colon: "Photo", "Image",
/// "Illustration", "Photo credit".
pub(crate) fn is_credit_label(label: &str) -> bool {
    const LABELS: [&str; 13] = [
        "photo",
        "photos",
        "photograph",
        "photographs",
        "picture",
        "pictures",
        "image",
        "images",
        "illustration",
        "graphic",
        "credit",
        "photo credit",
        "image credit",
    ];
    let label = label.trim();
    LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj",
    "adm", "cmdr", "st", "mt", "ft", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "pres", "supt", "insp", "det",
    "cpl", "pvt", "fig", "approx", "e.g", "i.e", "cf", "al", "op", "ca",
];

/// The wire style's abbreviated US states, which end no sentence before a
/// dateline's agency in brackets.
const US_STATES: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "vt", "va", "wash", "wis", "wyo",
];

/// German month names: after a day's number and its full stop ("am 8.
/// September", "bis 1. Januar") the stop is an ordinal's, not a sentence's.
const GERMAN_MONTHS: &[&str] = &[
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Words that start a sentence after a dotted acronym ("…in the U.S. The …").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "This",
    "That",
    "There",
    "Those",
    "These",
    "His",
    "Her",
    "Their",
    "Its",
    "Officials",
    "Police",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '」' | '』')
}

/// Sentence ranges of one paragraph, trimmed, covering all its words.
///
/// Linear: each byte is stepped over once, and the look-arounds at a
/// sentence end (the word before a full stop, the word after it) cover
/// stretches that do not overlap from one end to the next.
pub fn split_sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[paragraph.clone()];
    let mut sentences = Vec::new();
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only a few bytes can begin a terminator; skip the rest in one loop.
        if !MAY_START_TERMINATOR[bytes[i] as usize] {
            i += 1;
            while i < bytes.len() && !MAY_START_TERMINATOR[bytes[i] as usize] {
                i += 1;
            }
            continue;
        }
        let c = slice[i..].chars().next().expect("i is on a char boundary");
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(next) = slice[end..].chars().next() {
            if is_terminator(next) || is_closer(next) {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        let terminator_at = i;
        i = end;
        let rest = &slice[end..];
        let cjk = matches!(c, '。' | '！' | '？');
        if !cjk && !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue; // "4.2", "U.S.-led", "example.com"
        }
        // The next word, after the whitespace. Only a full stop needs all
        // of it; after any other end only its first character is asked
        // about, and finding the whole word restarted a scan to the next
        // space at every end of a CJK sentence (quadratic in text without
        // spaces).
        let after = rest.trim_start();
        let next_word = if c == '.' {
            after
                .find(char::is_whitespace)
                .map_or(after, |word_end| &after[..word_end])
        } else {
            after
        };
        if c == '.'
            && !ends_sentence_after_period(
                &slice[start..terminator_at],
                next_word,
                &slice[terminator_at..end],
            )
        {
            continue;
        }
        if next_word.starts_with(char::is_lowercase) {
            continue; // "… and then" after an ellipsis or "e.g."
        }
        push_trimmed(&mut sentences, paragraph.start, slice, start..end);
        start = end;
    }
    push_trimmed(&mut sentences, paragraph.start, slice, start..slice.len());
    sentences
}

fn ends_sentence_after_period(before: &str, next_word: &str, terminator: &str) -> bool {
    if terminator.starts_with("..") || terminator.len() > 1 {
        return true; // an ellipsis or ." is decided by the next word alone
    }
    let token = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let lower = token.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // A wire dateline's state: "ALDER POINT, Ore. (APN) —".
    if next_word.starts_with('(')
        && token.starts_with(|c: char| c.is_ascii_uppercase())
        && US_STATES.contains(&lower.as_str())
    {
        return false;
    }
    // A German date's day: "8. September".
    if (1..=2).contains(&token.len())
        && token.bytes().all(|b| b.is_ascii_digit())
        && GERMAN_MONTHS.contains(&next_word.trim_end_matches(|c: char| !c.is_alphabetic()))
    {
        return false;
    }
    let mut letters = token.chars().filter(|c| c.is_alphabetic());
    // An initial: "J. Smith".
    if token.chars().count() == 1 && token.chars().all(char::is_uppercase) {
        return false;
    }
    // A dotted acronym: "U.S." ends a sentence only before a typical sentence opener.
    if token.contains('.') && letters.all(char::is_uppercase) {
        let next = next_word.trim_start_matches(['"', '“', '‘', '\'']);
        return SENTENCE_STARTERS.contains(&next) || next_word.is_empty();
    }
    true
}

fn push_trimmed(out: &mut Vec<Range<usize>>, base: usize, slice: &str, range: Range<usize>) {
    let part = &slice[range.clone()];
    let trimmed = part.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + (part.len() - part.trim_start().len());
    out.push(base + start..base + start + trimmed.len());
}

fn is_opening_context(before: Option<char>) -> bool {
    before.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '‘' | '“' | '/' | ':')
    })
}

/// What may follow a single mark that opens a quotation: a letter, a digit,
/// or a currency sign (‘£3.50, or £4.50 with cheese,’ she calls).
fn opens_single_quotation(next: char) -> bool {
    next.is_alphanumeric() || matches!(next, '£' | '$' | '€')
}

/// Double quotations (straight or curly, « »), single quotations nested in
/// them, and top-level ‘single’ quotations; a quotation left open at the end
/// of a paragraph continues when the next paragraph opens with a quote mark.
pub fn find_quotations(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    let mut group = 0;
    let mut carried_open = false;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let slice = &text[paragraph.clone()];
        let at = |i: usize| paragraph.start + i;
        // (byte offset of the open double mark, its group)
        let mut outer: Option<(usize, u32)> = None;
        let mut inner_open: Option<usize> = None;
        let mut prev: Option<char> = None;
        // Where a search for a ‘quotation’'s end found none to the
        // paragraph's end: no later one can find one either.
        let mut no_closer_from = usize::MAX;
        let bytes = slice.as_bytes();
        let mut i = 0;
        let open_group = |i: usize, group: &mut u32| {
            if !(carried_open && i == 0) {
                *group += 1;
            }
            *group
        };
        while i < bytes.len() {
            // Most characters are no quote mark: step over the ASCII ones in
            // one loop, remembering only the last.
            if !MAY_START_QUOTE[bytes[i] as usize] {
                let mut run = bytes[i + 1..].iter();
                i += 1 + run
                    .position(|&b| MAY_START_QUOTE[b as usize])
                    .unwrap_or(bytes.len() - i - 1);
                prev = Some(bytes[i - 1] as char);
                continue;
            }
            let c = slice[i..].chars().next().expect("i is on a char boundary");
            let next = slice[i + c.len_utf8()..].chars().next();
            match c {
                '“' | '«' if outer.is_none() => outer = Some((i, open_group(i, &mut group))),
                '"' if outer.is_none() && is_opening_context(prev) => {
                    outer = Some((i, open_group(i, &mut group)))
                }
                '”' | '»' | '"' if outer.is_some() => {
                    let (open, own_group) = outer.take().unwrap();
                    if let Some(single) = inner_open.take() {
                        group += 1;
                        quotations.push(nested(text, at(single), at(i), group));
                    }
                    quotations.push(Quotation {
                        range: at(open)..at(i + c.len_utf8()),
                        inner: at(open + c_len(slice, open))..at(i),
                        group: own_group,
                        nested: false,
                    });
                }
                '‘' | '\''
                    if is_opening_context(prev) && next.is_some_and(opens_single_quotation) =>
                {
                    if outer.is_some() {
                        inner_open = Some(i);
                    } else if let Some(close) = top_level_single(slice, i, c, &mut no_closer_from) {
                        group += 1;
                        quotations.push(Quotation {
                            range: at(i)..at(close + c_len(slice, close)),
                            inner: at(i + c.len_utf8())..at(close),
                            group,
                            nested: false,
                        });
                        i = close + c_len(slice, close);
                        prev = Some('’');
                        continue;
                    }
                }
                '’' | '\'' if inner_open.is_some() && !next.is_some_and(char::is_alphanumeric) => {
                    let single = inner_open.take().unwrap();
                    group += 1;
                    quotations.push(nested(text, at(single), at(i), group));
                }
                _ => {}
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        carried_open = false;
        if let Some((open, own_group)) = outer {
            // Open at the paragraph's end: the quotation runs to it and may
            // continue if the next paragraph opens with a quote mark.
            quotations.push(Quotation {
                range: at(open)..paragraph.end,
                inner: at(open + c_len(slice, open))..paragraph.end,
                group: own_group,
                nested: false,
            });
            let next_opens = paragraphs
                .get(p + 1)
                .is_some_and(|r| text[r.clone()].starts_with(['"', '“', '«']));
            carried_open = next_opens;
        }
    }
    crate::order::sort_by_key(&mut quotations, |q| {
        crate::order::pair(q.range.start, crate::order::descending(q.range.end))
    });
    quotations
}

/// Bytes that may begin a sentence terminator: . ! ? and the lead bytes of
/// … (E2), 。 (E3) and ！ ？ (EF).
static MAY_START_TERMINATOR: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// Bytes that may begin a quote mark, or any non-ASCII character (decoded
/// to be sure): everything else is plain ASCII that only becomes `prev`.
static MAY_START_QUOTE: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = b == b'"' as usize || b == b'\'' as usize;
        b += 1;
    }
    table
};

fn c_len(slice: &str, i: usize) -> usize {
    slice[i..].chars().next().map_or(1, char::len_utf8)
}

fn nested(text: &str, open: usize, close: usize, group: u32) -> Quotation {
    let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
    Quotation {
        range: open..close + close_len,
        inner: open + open_len..close,
        group,
        nested: true,
    }
}

/// The closing mark of a top-level single quotation starting at `from`:
/// a ’ or ' not followed by a letter, within a short distance.
fn closing_single(slice: &str, from: usize) -> Option<usize> {
    const MAX_BYTES: usize = 120;
    let window_end = (from + MAX_BYTES).min(slice.len());
    let mut chars = slice[from..].char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        if from + j >= window_end {
            return None;
        }
        let next = chars.peek().map(|&(_, n)| n);
        if matches!(c, '’' | '\'') && !next.is_some_and(char::is_alphanumeric) && j > 0 {
            let before = slice[..from + j].chars().next_back();
            if before.is_some_and(|b| !b.is_whitespace()) {
                return Some(from + j);
            }
        }
        if matches!(c, '.' | '!' | '?') && next.is_some_and(char::is_whitespace) && j > 0 {
            // A sentence ended first: this was an apostrophe, not a quotation.
            if !matches!(slice[from + j + 1..].chars().next(), Some('’' | '\'')) {
                return None;
            }
        }
    }
    None
}

/// The closing mark of a top-level single quotation whose opening mark
/// `c` is at `i`: within its sentence, as [`closing_single`] finds it; or,
/// for a ‘ (how British copy quotes), anywhere after it in the paragraph.
pub(crate) fn top_level_single(
    slice: &str,
    i: usize,
    c: char,
    no_closer_from: &mut usize,
) -> Option<usize> {
    let from = i + c.len_utf8();
    closing_single(slice, from)
        .or_else(|| (c == '‘').then(|| closing_curly_single(slice, from, no_closer_from))?)
}

/// The closing ’ of a quotation opened with ‘ that runs past its sentence
/// (‘We hear him. We want to be good neighbours.’): a ’ not followed by a
/// letter, anywhere in the paragraph. A ’ after an s and before a
/// lower-case word is a plural's apostrophe ("the traders’ association"),
/// not the end. None if another ‘ opens first, or if there is none before
/// the paragraph's end, which `no_closer_from` remembers, so that a
/// paragraph of unclosed marks is read once, not once per mark.
fn closing_curly_single(slice: &str, from: usize, no_closer_from: &mut usize) -> Option<usize> {
    if from >= *no_closer_from {
        return None;
    }
    let mut chars = slice[from..].char_indices().peekable();
    let mut before: Option<char> = None;
    while let Some((j, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '‘' if before.is_none_or(char::is_whitespace) => return None,
            '’' if !next.is_some_and(char::is_alphanumeric)
                && before.is_some_and(|b| !b.is_whitespace()) =>
            {
                let plural = matches!(before, Some('s' | 'S'))
                    && slice[from + j + c.len_utf8()..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(char::is_lowercase));
                if !plural {
                    return Some(from + j);
                }
            }
            _ => {}
        }
        before = Some(c);
    }
    *no_closer_from = from;
    None
}

/// A test text's paragraphs: its parts between blank lines.
#[cfg(test)]
pub(crate) fn paragraphs_between_blank_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        out.push(start..start + part.len());
        start += part.len() + 2;
    }
    out
}

#[cfg(test)]
mod tests;
