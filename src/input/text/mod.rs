//! Plain-text reader: a title line, bylines, date and "Theme:"-style lines at
//! the top; copyright, source and membership-appeal lines at the foot. Those
//! become metadata and are kept out of the prose that gets analysed.
//!
//! The header-line scanner here and the footer and dateline scanners in
//! `scanners.rs` replaced regexes, each named in its doc. Size: see
//! BENCHMARKS.md#t-no-regex. Speed: see BENCHMARKS.md#t-byte-scanners (line
//! splitting, eight bytes at a time) and BENCHMARKS.md#t-smaller-scans (line
//! lengths and header colons found without reading whole paragraphs).

mod scanners;

use super::{Document, InputKind};
use crate::metadata::{self, clean, dedupe, find_date, Metadata};
use crate::scan;
use scanners::{copyright_holder, dateline_publisher, original_source, revealing_paper};
use std::ops::Range;

/// How many non-blank lines at the top may still be header.
const HEADER_LINES: usize = 10;
/// Lines of standfirst that may stand between a title and its byline.
const STANDFIRST_LINES: usize = 3;
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
            } else if let Some(names) = wire_credit(line) {
                meta.authors.extend(names);
                kinds[i] = Line::Boilerplate;
            } else if let Some((section, name)) = appeared_in(line) {
                publisher_from_source.get_or_insert(name);
                if let Some(section) = section {
                    meta.section.get_or_insert(section);
                }
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

    // The first prose paragraph may open with a wire dateline: "LONDON (Reuters) —",
    // "BEIRA, Mozambique, 18 March 2025 (Meridian Press) —", whose date,
    // if it has a year, is the article's.
    let first_prose = lines
        .iter()
        .zip(&kinds)
        .find(|(_, k)| **k == Line::Prose)
        .map(|(r, _)| input[r.clone()].trim());
    let dateline_publisher = first_prose.and_then(|paragraph| {
        let agency = dateline_publisher(paragraph)?;
        let place_and_date = &paragraph[..paragraph.find('(').unwrap_or(0)];
        if let Some((date, _)) = find_date(place_and_date) {
            meta.published.get_or_insert(date);
        }
        Some(agency)
    });

    // "(Northwind)" in the dateline is the "Northwind News Agency" of the copyright line.
    let dateline_publisher = match (dateline_publisher, &publisher_from_copyright) {
        (Some(short), Some(full)) if full.starts_with(&short) => Some(full.clone()),
        (dateline, _) => dateline,
    };
    if meta.authors.is_empty() {
        let letters =
            (meta.section.as_deref()).is_some_and(|s| s.to_ascii_lowercase().starts_with("letter"));
        meta.authors
            .extend(letter_signature(input, &lines, &kinds, letters));
    }
    // Last, a paper's claim in its first paragraphs: "…, the Daily Clarion
    // can reveal".
    let revealed = || {
        (lines.iter().zip(&kinds))
            .filter(|(_, k)| **k == Line::Prose)
            .take(3)
            .find_map(|(r, _)| revealing_paper(input[r.clone()].trim()))
    };
    // The writer's line at the end: "Douglas Penhallow … writes a weekly
    // column for the Wessex Examiner."
    let from_bio = || {
        let mut last_prose = (lines.iter().zip(&kinds).rev())
            .filter(|(_, k)| **k == Line::Prose)
            .take(2);
        last_prose.find_map(|(r, _)| bio_paper(input[r.clone()].trim(), &meta.authors))
    };
    meta.publisher = publisher_from_source
        .or(publisher_from_header)
        .or(dateline_publisher)
        .or(publisher_from_copyright)
        .or_else(from_bio)
        .or_else(revealed);
    // Every "Tags:" line adds to the list; each entry is kept once.
    dedupe(&mut meta.tags);
    dedupe(&mut meta.authors);

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
    // A section's name above the title ("Letters to the Editor"): the title
    // is then the first line that is no byline or date.
    let mut title_at = Some(0);
    for (position, &i) in non_blank.iter().take(HEADER_LINES).enumerate() {
        if kinds[i] == Line::Boilerplate {
            continue; // "Theme:" lines may sit in the header.
        }
        let line = input[lines[i].clone()].trim();
        let trail = if position < 2 {
            breadcrumbs(line)
        } else {
            None
        };
        if position == 0 && is_section_line(line) {
            meta.section = clean(line.trim_end_matches(':'));
            kinds[i] = Line::Header;
            title_at = None;
        } else if let Some(trail) = trail.as_ref().filter(|_| position == 0) {
            // "Northmoor News Agency › UK › Courts": the site, then the
            // sections down to the article's own, which is the last.
            let first = trail[0];
            if !GENERIC_CRUMBS.iter().any(|g| first.eq_ignore_ascii_case(g))
                && metadata::date_label(first) != metadata::DateLabel::Section
            {
                *publisher = clean(first);
            }
            meta.section = trail.last().and_then(|s| clean(s));
            kinds[i] = Line::Header;
            title_at = None;
        } else if position == 1
            && title_at == Some(0)
            && kinds[non_blank[0]] == Line::Title
            && (is_section_line(line) || trail.is_some())
        {
            // "The Pacific Crest Tribune" / "Science" / the title: the paper's
            // name and its section above the headline; "Headline" /
            // "OPINION" / "By …": a headline and its section.
            if masthead_above_title(input, lines, &non_blank) {
                *publisher = meta.title.take();
                kinds[non_blank[0]] = Line::Header;
                title_at = None;
            }
            // "UK NEWS | TRANSPORT": the article's section is the last.
            let section = trail.map_or(line, |trail| trail[trail.len() - 1]);
            meta.section = clean(section.trim_end_matches(':'));
            kinds[i] = Line::Header;
        } else if let Some(rest) = byline(line) {
            read_byline(rest, meta, publisher);
            kinds[i] = Line::Header;
        } else if let Some(prefix) = date_line(line) {
            if let Some((date, _)) = find_date(line) {
                meta.published.get_or_insert(date);
            }
            // "Opinion | June 3, 2025": a section; "Global Research, April
            // 02, 2017": a publisher; "The Courier | World | …": both;
            // "Health | Wednesday | …": a section and a weekday.
            // "Comment, Castlebridge Evening Post, Tuesday 9 February 2027":
            // commas part them too.
            let labels = prefix.iter().flat_map(|p| p.split(['|', '•', '·', ',']));
            // "The Ashcombe Gazette - Friday": dashes between spaces part labels too.
            let labels = labels.flat_map(|l| l.split(" - ").flat_map(|l| l.split(" — ")));
            for label in labels {
                let Some(label) = clean(label.trim_matches([',', '-', '|', '—', '–'])) else {
                    continue;
                };
                if is_section_line(&label) {
                    meta.section.get_or_insert(label);
                    continue;
                }
                // "Filed under: Elections".
                if let Some((_, section)) = after_lead(&label, &["filed under:", "section:"]) {
                    if let Some(section) = clean(section) {
                        meta.section.get_or_insert(section);
                    }
                    continue;
                }
                match metadata::date_label(&label) {
                    metadata::DateLabel::Section => _ = meta.section.get_or_insert(label),
                    metadata::DateLabel::Date => {}
                    metadata::DateLabel::Other => _ = publisher.get_or_insert(label),
                }
            }
            kinds[i] = Line::Header;
        } else if let Some(names) = title_at
            .filter(|&at| position > at && kinds[non_blank[at]] == Line::Title)
            .and_then(|_| bare_byline(line))
            .filter(|_| {
                let next = non_blank.get(position + 1);
                next.is_some_and(|&n| date_line(input[lines[n].clone()].trim()).is_some())
            })
        {
            // "Jonathan Alcott at Castlegate" above the date, under the title.
            meta.authors.extend(names);
            kinds[i] = Line::Header;
        } else if title_at.is_none_or(|at| at == position) && is_title(line) {
            meta.title = clean(&metadata::strip_markdown_links(
                line.trim_start_matches('#'),
            ));
            kinds[i] = Line::Title;
            title_at = Some(position);
        } else if let Some(at) = title_at.filter(|&at| {
            position == at + 1
                && kinds[non_blank[at]] == Line::Title
                && site_above_title(
                    input[lines[non_blank[at]].clone()].trim(),
                    line,
                    non_blank
                        .get(position + 1)
                        .map(|&n| input[lines[n].clone()].trim()),
                    non_blank
                        .get(position + 2)
                        .map(|&n| input[lines[n].clone()].trim()),
                )
        }) {
            // A blog's name and its tagline above the post's title: the
            // name is the publisher, and the title is the next line.
            if let Some(site) = meta.title.take() {
                publisher.get_or_insert(site);
            }
            kinds[non_blank[at]] = Line::Header;
            kinds[i] = Line::Header;
            title_at = Some(position + 1);
        } else if title_at.is_some_and(|at| {
            // A standfirst between the title and the byline, of a line or a
            // few ("Singer cut former bandmate out of comeback plans" /
            // "Cryptic post sends fans into meltdown"): prose, and the header
            // goes on past it.
            let next = |k: usize| non_blank.get(k).map(|&n| input[lines[n].clone()].trim());
            let dated = |k: usize| next(k).is_some_and(|l| date_line(l).is_some());
            (at + 1..=at + STANDFIRST_LINES).contains(&position)
                && kinds[non_blank[at]] == Line::Title
                && (position + 1..=at + STANDFIRST_LINES + 1).any(|k| {
                    next(k).is_some_and(|l| byline(l).is_some() || date_line(l).is_some())
                        || next(k).is_some_and(|l| bare_byline(l).is_some()) && dated(k + 1)
                })
        }) {
            continue;
        } else {
            break;
        }
    }
}

/// Whether the first of `non_blank` lines is a paper's name, the second
/// being a section's: a name of a few words, and a headline after the
/// section, not a byline or a date.
fn masthead_above_title(input: &str, lines: &[Range<usize>], non_blank: &[usize]) -> bool {
    let line = |k: usize| non_blank.get(k).map(|&n| input[lines[n].clone()].trim());
    line(0).is_some_and(|site| site.split_whitespace().count() <= 5)
        && line(2).is_some_and(|l| is_title(l) && byline(l).is_none() && date_line(l).is_none())
}

/// A trail of links at the top of a page ("Wexcombe Gazette › News ›
/// Health", "Home » Sport » Cricket"): its parts, two or more, each a few
/// words with no sentence's punctuation.
fn breadcrumbs(line: &str) -> Option<Vec<&str>> {
    let separator = ['›', '»', '>', '|']
        .into_iter()
        .find(|&c| line.contains(c))?;
    // Not "By Dana Whitcomb | Continental Newswire" or "Letters | 3 November 2026".
    let by = line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "));
    if by || line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = line.split(separator).map(str::trim).collect();
    let crumb = |part: &&str| {
        !part.is_empty()
            && part.split_whitespace().count() <= 5
            && !part.contains(['.', '!', '?', ',', ':', ';', '<'])
    };
    (parts.len() >= 2 && parts.iter().all(crumb)).then_some(parts)
}

/// A breadcrumb trail's first link when it names no site.
const GENERIC_CRUMBS: [&str; 3] = ["home", "news", "homepage"];

/// "The Liberty Porch" / "Straight talk from the heart of Pell County" /
/// the post's title / its byline or date: a site's short name and tagline
/// above a title. Taglines end without a full stop.
fn site_above_title(site: &str, tagline: &str, title: Option<&str>, then: Option<&str>) -> bool {
    site.split_whitespace().count() <= 5
        && is_title(tagline)
        && !tagline.ends_with(['.', '!', '?'])
        && byline(tagline).is_none()
        && date_line(tagline).is_none()
        && title.is_some_and(|t| is_title(t) && byline(t).is_none() && date_line(t).is_none())
        && then.is_some_and(|l| byline(l).is_some() || date_line(l).is_some())
}

/// A letter's writer: after a salutation ("Sir,", "Dear Editor,") opens a
/// paragraph, the first name-like line that stands alone or above one more
/// line (the town: "Mill Row, Lower Wetherby"). On a letters page
/// (`letters`: the section says so) the salutation may be left out; the
/// writer then signs the last line, alone or before the town ("Gerald Pym,
/// Hollingford").
fn letter_signature(
    input: &str,
    lines: &[Range<usize>],
    kinds: &[Line],
    letters: bool,
) -> Option<String> {
    let signed = letter_after_salutation(input, lines, kinds);
    if signed.is_none() && letters {
        return signed_last_line(input, lines, kinds);
    }
    signed
}

/// A line that may be a signature: two to four capitalised words, no full
/// stop.
fn name_like(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && !line.ends_with('.')
}

/// The first name-like line after a salutation, alone or above the town.
fn letter_after_salutation(input: &str, lines: &[Range<usize>], kinds: &[Line]) -> Option<String> {
    let text = |i: usize| input[lines[i].clone()].trim_matches(is_blank);
    let blank = |i: usize| kinds.get(i).is_none_or(|k| *k == Line::Blank);
    let salutation = (0..lines.len()).find(|&i| {
        kinds[i] == Line::Prose
            && after_lead(
                text(i),
                &[
                    "sir,",
                    "madam,",
                    "sir/madam,",
                    "dear sir,",
                    "dear editor,",
                    "dear sir or madam,",
                ],
            )
            .is_some()
    })?;
    (salutation + 1..lines.len())
        .find(|&i| {
            kinds[i] == Line::Prose
                && blank(i.wrapping_sub(1))
                && name_like(text(i))
                && (blank(i + 1) || blank(i + 2))
        })
        .and_then(|i| clean(text(i)))
}

/// A letters page's writer, where no salutation opens the letter: the name
/// on the last line, alone or before the town ("Gerald Pym, Hollingford").
fn signed_last_line(input: &str, lines: &[Range<usize>], kinds: &[Line]) -> Option<String> {
    let last = (0..lines.len()).rev().find(|&i| kinds[i] != Line::Blank)?;
    let line = input[lines[last].clone()].trim_matches(is_blank);
    let name = line.split_once(", ").map_or(line, |(name, _)| name);
    (kinds[last] == Line::Prose && name_like(name))
        .then(|| clean(name))
        .flatten()
}

/// A line that names a section, above a title: "Letters to the Editor",
/// "Opinion", "World News".
fn is_section_line(line: &str) -> bool {
    let line = line.trim_end_matches(':');
    [
        "letters to the editor",
        "letter to the editor",
        "readers' letters",
        "your letters",
    ]
    .iter()
    .any(|label| line.eq_ignore_ascii_case(label))
        || line.split(' ').count() <= 3
            && clean(line).is_some_and(|l| metadata::date_label(&l) == metadata::DateLabel::Section)
}

/// A wire story's closing credit, "(Reporting by A and B in Kyiv; Writing
/// by C; Editing by D)": its reporters and writers, who are its authors.
fn wire_credit(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('(')?.strip_suffix(')')?;
    let mut authors = Vec::new();
    for (k, part) in inner.split(';').enumerate() {
        let part = part.trim();
        let lead = after_lead(
            part,
            &[
                "reporting by ",
                "additional reporting by ",
                "writing by ",
                "editing by ",
            ],
        );
        match lead {
            None if k == 0 => return None,
            Some(("editing by ", _)) | None => {}
            Some((_, names)) => authors.extend(metadata::split_authors(names)),
        }
    }
    Some(authors)
}

/// "This article appeared in the Weekend section of The Kelbridge
/// Courier.", "This article first appeared in The Conversation.": the
/// publisher, and the section if one is named.
fn appeared_in(line: &str) -> Option<(Option<String>, String)> {
    let (_, rest) = after_lead(
        line,
        &[
            "this article appeared in ",
            "this article first appeared in ",
        ],
    )?;
    let rest = rest.trim_end_matches('.');
    match rest.split_once(" section of ") {
        Some((section, publisher)) => {
            let section = section.strip_prefix("the ").unwrap_or(section);
            Some((clean(section), clean(publisher)?))
        }
        None => rest
            .starts_with(char::is_uppercase)
            .then(|| clean(rest))
            .flatten()
            .map(|publisher| (None, publisher)),
    }
}

fn is_title(line: &str) -> bool {
    line.chars().count() <= TITLE_MAX_CHARS && !line.ends_with('.') && !line.ends_with(',')
}

/// "By A and B", "by A | Opinion | 12 January 2023", a blog's "Posted by A
/// on March 14, 2025" -> the part after "by".
fn byline(line: &str) -> Option<&str> {
    if line.chars().count() > TITLE_MAX_CHARS {
        return None;
    }
    after_lead(
        line,
        &["by ", "posted by ", "written by ", "words by ", "story by "],
    )
    .map(|(_, rest)| rest)
}

/// The paper an author's closing line names: "Jonathan Alcott is cricket
/// correspondent of The Examiner." -> "The Examiner"; "… writes a weekly
/// column for the Wessex Examiner." -> "Wessex Examiner".
fn bio_paper(line: &str, authors: &[String]) -> Option<String> {
    if line.len() > 300 || !authors.iter().any(|a| line.starts_with(a.as_str())) {
        return None;
    }
    let line = line.trim_end_matches('.');
    // After the last "for", "of" or "at".
    let (mut at, mut offset) = (None, 0);
    for word in line.split(' ') {
        offset += word.len() + 1;
        if matches!(word, "for" | "of" | "at") {
            at = Some(offset);
        }
    }
    let paper = line.get(at?..)?;
    let paper = paper.strip_prefix("the ").unwrap_or(paper);
    metadata::is_publication(paper)
        .then(|| clean(paper))
        .flatten()
}

/// A byline without its "By": names alone on a line, each of two to four
/// capitalised words, perhaps where they filed from or when they wrote
/// ("Jonathan Alcott at Castlegate", "Harriet Oduya (now) and Samuel
/// Pennick (earlier)"). Read only under a title and above a date, where a
/// line of names can be nothing else.
fn bare_byline(line: &str) -> Option<Vec<String>> {
    if line.len() > 100 || line.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    // The asides in brackets go: "(now)", "(earlier)".
    let mut plain = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let joining = |w: &str| matches!(w, "and" | "&" | "at" | "in");
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    if !plain
        .split_whitespace()
        .all(|w| joining(w) || capitalised(w))
    {
        return None;
    }
    let names = metadata::split_authors(&plain);
    let name_sized = |n: &String| (2..=4).contains(&n.split(' ').count());
    (!names.is_empty() && names.iter().all(name_sized)).then_some(names)
}

/// The first of `leads` that `line` opens with (ASCII case aside), and the
/// rest of the line after it.
fn after_lead<'l>(line: &'l str, leads: &[&'static str]) -> Option<(&'static str, &'l str)> {
    leads.iter().find_map(|&lead| {
        line.get(..lead.len())
            .filter(|start| start.eq_ignore_ascii_case(lead))
            .map(|_| (lead, &line[lead.len()..]))
    })
}

fn read_byline(rest: &str, meta: &mut Metadata, publisher: &mut Option<String>) {
    let byline = metadata::read_byline(rest);
    meta.authors.extend(byline.authors);
    if let Some(paper) = byline.publisher {
        publisher.get_or_insert(paper);
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
    // "… at 11:02 p.m. | Updated Dec. 2, 2026 at 8:15 a.m.": the first date
    // is the article's, and what the update adds is no label.
    let after = match after.find("Updated").or_else(|| after.find("updated")) {
        Some(at) => after[..at]
            .trim_end()
            .trim_end_matches(['|', '•', '·', ',', ';']),
        None => after,
    };
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
                        "a.m",
                        "p.m",
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
    // Up to six words a label: "Shinglesea Mercury | Letters to the Editor | Friday".
    fn long_label(labels: &str) -> bool {
        labels
            .split(['|', '•', '·'])
            .any(|label| label.split_whitespace().count() > 6)
    }
    // Labels after the date too: "March 3, 2026 | The Commons Ledger |
    // Filed under: Elections".
    let labels_after = after
        .trim_start()
        .strip_prefix(['|', '•', '·'])
        .filter(|labels| !long_label(labels))
        .map(str::trim);
    if (filler(after) > 2 && labels_after.is_none()) || long_label(before) {
        return None;
    }
    let labels = match (filler(before), labels_after) {
        (0, None) => return Some(None),
        (0, Some(after)) => after.to_string(),
        (_, None) => before.to_string(),
        (_, Some(after)) => format!("{before} | {after}"),
    };
    let starts_upper = labels.chars().next().is_some_and(char::is_uppercase);
    Some(starts_upper.then_some(labels))
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
        meta.tags.extend(values);
    }
    true
}

/// Without counting all of a long paragraph: a character is 1 to 4 bytes.
fn at_most_chars(line: &str, max: usize) -> bool {
    line.len() <= max || (line.len() <= max.saturating_mul(4) && line.chars().count() <= max)
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
    // A link to another story, however long its headline: "Read more:
    // Harrowby council tax set to rise 4.99% as town hall faces …".
    const LINK_LEADS: &[&str] = &["read more:", "related:", "see also:", "also read:", "more:"];
    if after_lead(line, LINK_LEADS).is_some() {
        return true;
    }
    let short = line.split_whitespace().nth(15).is_none();
    // Longer than any marker line can be: skip lower-casing it.
    if !short && line.len() > "advertisement:".len() {
        return false;
    }
    let lower = line.to_lowercase();
    (short && MARKERS.iter().any(|m| lower.contains(m)))
        || ["share", "advertisement", "comments"].contains(&lower.trim_end_matches(':'))
        || share_buttons(&lower)
}

/// A row of sharing buttons: "Share  Tweet  WhatsApp  Comments (112)",
/// "Share  ·  Post  ·  Email" (not "Share prices fell").
fn share_buttons(lower: &str) -> bool {
    lower.starts_with("share")
        && ["tweet", "whatsapp", "·"]
            .iter()
            .any(|button| lower.contains(button))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex the header-line scanner replaced.
    mod by_regex {
        use regex_lite::Regex;

        pub fn key_value(line: &str) -> Option<(String, String)> {
            Regex::new(r"(?i)^\s*(region|regions|theme|themes|tags?|topics?|keywords|section|category|categories|filed under)\s*:\s*(.+)$")
                .unwrap()
                .captures(line)
                .map(|c| (c[1].to_string(), c[2].to_string()))
        }
    }

    fn key_value_owned(line: &str) -> Option<(String, String)> {
        key_value(line).map(|(k, v)| (k.to_string(), v.to_string()))
    }

    #[test]
    fn header_scanner_agrees_with_the_regex_on_hand_picked_lines() {
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
    }

    proptest::proptest! {
        #[test]
        fn key_value_scanner_agrees_with_the_regex(
            line in r"[ \t\u{b}]{0,2}(tags?|TOPICS?|regions?|Filed under|filed  under|categor(y|ies)|Section|x|é)[ \t]{0,2}:?[ \t\n]{0,2}(x|é|, ){0,2}\n?",
        ) {
            proptest::prop_assert_eq!(key_value_owned(&line), by_regex::key_value(&line));
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
    fn a_standfirst_may_stand_between_title_and_byline() {
        let doc = read("Night market\n\nEvery Friday a car park fills with stalls\n\nBy Imogen Tarrant\n\nSaturday 7 June 2025\n\nAt dusk the stalls open.");
        assert_eq!(doc.metadata.authors, ["Imogen Tarrant"]);
        assert_eq!(doc.metadata.published.as_deref(), Some("2025-06-07"));
        assert_eq!(
            prose_of(&doc),
            [
                "Night market",
                "Every Friday a car park fills with stalls",
                "At dusk the stalls open."
            ]
        );
    }

    #[test]
    fn labels_after_the_date_and_the_paper_after_a_bylines_pipe() {
        let doc = read("Title here\nBy Rachel Dunleavy\nMarch 3, 2026 | The Commons Ledger | Filed under: Elections\n\nBody text.");
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-03-03"));
        assert_eq!(
            doc.metadata.publisher.as_deref(),
            Some("The Commons Ledger")
        );
        assert_eq!(doc.metadata.section.as_deref(), Some("Elections"));
        let doc = read("Title here\n\nBy Walt Kessler, Contributing Columnist | The Port Calder Ledger\n\nBody text.");
        assert_eq!(doc.metadata.authors, ["Walt Kessler"]);
        assert_eq!(
            doc.metadata.publisher.as_deref(),
            Some("The Port Calder Ledger")
        );
        assert_eq!(doc.metadata.section, None);
        // A paper with no news word, "The" and its name, after the pipe.
        let doc = read("Title here\n\nPosted by Rusty Callahan | The Liberty Porch | December 3, 2026\n\nBody text.");
        assert_eq!(doc.metadata.authors, ["Rusty Callahan"]);
        assert_eq!(doc.metadata.publisher.as_deref(), Some("The Liberty Porch"));
        assert_eq!(doc.metadata.section, None);
        // Commas part the labels before a date as pipes do.
        let doc = read("Title here\n\nBy Graham Pellow\n\nComment, Castlebridge Evening Post, Tuesday 9 February 2027\n\nBody text.");
        assert_eq!(doc.metadata.published.as_deref(), Some("2027-02-09"));
        assert_eq!(
            doc.metadata.publisher.as_deref(),
            Some("Castlebridge Evening Post")
        );
        assert_eq!(doc.metadata.section.as_deref(), Some("Comment"));
    }

    #[test]
    fn a_link_to_another_story_is_boilerplate_however_long() {
        let doc = read("Title here\n\nBody text.\n\nRead more: Harrowby council tax set to rise 4.99% as the town hall faces a £3m black hole next year\n\nMore body text.");
        assert_eq!(
            prose_of(&doc),
            ["Title here", "Body text.", "More body text."]
        );
    }

    #[test]
    fn a_row_of_sharing_buttons_is_boilerplate_and_share_prices_are_not() {
        let doc = read("Title here\nShare  Tweet  WhatsApp  Comments (112)\n\nBody text.\n\nShare  ·  Post  ·  Email\n\nShare prices fell.");
        assert_eq!(
            prose_of(&doc),
            ["Title here", "Body text.", "Share prices fell."]
        );
    }

    #[test]
    fn publisher_and_date_line() {
        let doc = read("Title here\nGlobal Research, April 02, 2017\n\nBody text.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Global Research"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2017-04-02"));
    }

    #[test]
    fn a_wire_dateline_with_a_year_dates_the_article() {
        let doc = read("Flood aid falls short\n\nBEIRA, Mozambique, 18 March 2025 (Meridian Press) — More people remain in shelters.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Meridian Press"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2025-03-18"));
        let doc = read("Talks resume\n\nGENEVA, 3 May (Meridian Press) — Talks resumed.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Meridian Press"));
        assert_eq!(doc.metadata.published, None);
    }

    #[test]
    fn a_blogs_name_and_tagline_above_the_posts_title() {
        let doc = read("The Liberty Porch\nStraight talk from the heart of Pell County\n\nThey're Coming for Your Stove Next\n\nPosted by Rusty Callahan | October 6, 2026 | Local Politics\n\nFolks, I have never been this angry.");
        let m = &doc.metadata;
        assert_eq!(
            m.title.as_deref(),
            Some("They're Coming for Your Stove Next")
        );
        assert_eq!(m.publisher.as_deref(), Some("The Liberty Porch"));
        assert_eq!(m.authors, ["Rusty Callahan"]);
        assert_eq!(m.published.as_deref(), Some("2026-10-06"));
        assert_eq!(m.section.as_deref(), Some("Local Politics"));
        // A title and its standfirst are not a site and its tagline.
        let doc = read("Council votes to close the pool\nThe decision follows two years of losses\n\nBy Jo Hale\n\nThe council voted.");
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Council votes to close the pool")
        );
    }

    #[test]
    fn the_writers_paper_in_the_byline_and_the_paper_that_reveals() {
        let doc = read("Water rates to rise\n\nBy Daniel Okafor, Continental Press\n\nMARLOW FALLS, Ohio (CP) — The council voted.");
        assert_eq!(doc.metadata.authors, ["Daniel Okafor"]);
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Continental Press"));
        let doc = read("FAT CAT SPA SHAME\n\nCouncil chiefs spent £38,000 on a spa day, the Daily Clarion can reveal.\n\nResidents are furious.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Daily Clarion"));
    }

    #[test]
    fn names_alone_above_the_date_are_the_byline() {
        // A sport report: section, title, standfirst, "Name at Venue", date.
        let doc = read("Cricket\n\nHaverstock and Brammer steer England home as Pathirage keeps Sri Lanka fighting\n\nEngland beat Sri Lanka by six wickets\n\nJonathan Alcott at Castlegate\n\nSunday 13 June 2027\n\nTom Haverstock had spent the week insisting.\n\nJonathan Alcott is cricket correspondent of The Examiner.");
        let m = &doc.metadata;
        assert_eq!(m.section.as_deref(), Some("Cricket"));
        assert_eq!(
            m.title.as_deref(),
            Some("Haverstock and Brammer steer England home as Pathirage keeps Sri Lanka fighting")
        );
        assert_eq!(m.authors, ["Jonathan Alcott"]);
        assert_eq!(m.published.as_deref(), Some("2027-06-13"));
        assert_eq!(m.publisher.as_deref(), Some("The Examiner"));
        // A live blog's writers, each with an aside, under "UK weather".
        let doc = read("UK weather\n\nStorm Isolde live: gusts hit the coast\n\nA red warning is in force.\n\nHarriet Oduya (now) and Samuel Pennick (earlier)\n\nUpdated 19 January 2027, 15:58 GMT\n\nKey events");
        let m = &doc.metadata;
        assert_eq!(m.section.as_deref(), Some("UK weather"));
        assert_eq!(
            m.title.as_deref(),
            Some("Storm Isolde live: gusts hit the coast")
        );
        assert_eq!(m.authors, ["Harriet Oduya", "Samuel Pennick"]);
        assert_eq!(m.published.as_deref(), Some("2027-01-19"));
        // Not above a date, or not under a title: no byline.
        let doc = read("Storm hits coast\n\nHarriet Oduya\n\nThe storm hit.");
        assert!(doc.metadata.authors.is_empty());
        let doc = read("Council Approves New Budget\n\nMarch 3, 2025\n\nThe council met.");
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Council Approves New Budget")
        );
        assert!(doc.metadata.authors.is_empty());
    }

    #[test]
    fn an_authors_closing_line_names_the_paper() {
        let doc = read("Four-day week must end\n\nBy Douglas Penhallow\n\n17 November 2026\n\nThe council should work.\n\nDouglas Penhallow is a former councillor and writes a weekly column for the Wessex Examiner.");
        assert_eq!(doc.metadata.publisher.as_deref(), Some("Wessex Examiner"));
        // Somebody else's line, or no paper in it: none.
        let doc = read("Four-day week must end\n\nBy Douglas Penhallow\n\nThe council should work.\n\nMartha Bell is chair of the Wessex Examiner trust.");
        assert_eq!(doc.metadata.publisher, None);
        let doc = read("Four-day week must end\n\nBy Douglas Penhallow\n\nThe council should work.\n\nDouglas Penhallow is a former councillor of Harrowfield.");
        assert_eq!(doc.metadata.publisher, None);
    }

    #[test]
    fn a_section_above_the_title_and_a_weekday_after_the_paper() {
        let doc = read("Letters to the Editor\n\nThe Ashcombe Gazette - Friday 21 February 2025\n\nFortnightly bins are a disgrace\n\nSir,\n\nThe bins are full.");
        assert_eq!(
            doc.metadata.section.as_deref(),
            Some("Letters to the Editor")
        );
        assert_eq!(
            doc.metadata.publisher.as_deref(),
            Some("The Ashcombe Gazette")
        );
        assert_eq!(doc.metadata.published.as_deref(), Some("2025-02-21"));
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Fortnightly bins are a disgrace")
        );
        assert_eq!(
            prose_of(&doc),
            [
                "Fortnightly bins are a disgrace",
                "Sir,",
                "The bins are full."
            ]
        );
    }

    #[test]
    fn a_letter_is_signed_by_its_writer() {
        let letter = "Bins are a disgrace\n\nSir,\n\nThe bins are full. Nobody Came.\n\nGerald Pinnock\nMill Row, Lower Wetherby\n\nA council spokesman said collections were on time.";
        assert_eq!(read(letter).metadata.authors, ["Gerald Pinnock"]);
        // No salutation, no signature: a short line of capitals is prose.
        let article =
            "Bins are a disgrace\n\nThe bins are full.\n\nGerald Pinnock\nMill Row, Lower Wetherby";
        assert!(read(article).metadata.authors.is_empty());
        // On a letters page the salutation may be left out: the last line
        // is signed.
        let page = "When will the roadworks end?\n\nLetters | 3 November 2026\n\nThe lights have been there for months.\n\nGerald Pym, Hollingford";
        assert_eq!(read(page).metadata.authors, ["Gerald Pym"]);
        let page = page.replace("Letters |", "Transport |");
        assert!(read(&page).metadata.authors.is_empty());
    }

    #[test]
    fn closing_credits_name_authors_publisher_and_section() {
        let doc = read("Aid falls short\n\nThe appeal is 23 percent funded.\n\n(Reporting by Lucia Marwick-Dube and Tom Hale in Maputo; Writing by Ann Roe; Editing by Graham Oyelaran)");
        assert_eq!(
            doc.metadata.authors,
            ["Lucia Marwick-Dube", "Tom Hale", "Ann Roe"]
        );
        assert_eq!(
            prose_of(&doc),
            ["Aid falls short", "The appeal is 23 percent funded."]
        );
        let doc = read("Night market\n\nThe stalls open at dusk.\n\nThis article appeared in the Weekend section of The Kelbridge Courier.");
        assert_eq!(
            doc.metadata.publisher.as_deref(),
            Some("The Kelbridge Courier")
        );
        assert_eq!(doc.metadata.section.as_deref(), Some("Weekend"));
        let doc = read(
            "Sleep\n\nTeenagers sleep less.\n\nThis article first appeared in The Conversation.",
        );
        assert_eq!(doc.metadata.publisher.as_deref(), Some("The Conversation"));
        // A sentence in brackets is no credit.
        let doc = read(
            "Sleep\n\nTeenagers sleep less.\n\n(The study was small; it was funded by a charity.)",
        );
        assert!(doc.metadata.authors.is_empty());
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

    #[test]
    fn trails_between_bars_and_a_section_in_capitals_above_the_headline() {
        let meta = read(
            "THE NORTHERN CHRONICLE | Sport | Football\n\nRovers rescue a point in the derby\n\n\
             By Callum Rennie\n6 December 2026\n\nThe derby ended level.",
        )
        .metadata;
        assert_eq!(meta.publisher.as_deref(), Some("THE NORTHERN CHRONICLE"));
        assert_eq!(meta.section.as_deref(), Some("Football"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Rovers rescue a point in the derby")
        );

        let meta = read(
            "Albion Press Association\nUK NEWS | TRANSPORT\n\nRail strike talks resume\n\n\
             By Hannah Corrigan\n8 December 2026\n\nTalks resumed on Monday.",
        )
        .metadata;
        assert_eq!(meta.publisher.as_deref(), Some("Albion Press Association"));
        assert_eq!(meta.section.as_deref(), Some("TRANSPORT"));
        assert_eq!(meta.title.as_deref(), Some("Rail strike talks resume"));

        let meta = read(
            "U.S. NEWS\nWildfire forces thousands from homes\nBy Dana Whitcomb | Continental Newswire\n\
             Aug. 13, 2026\n\nThe fire spread on Thursday.",
        )
        .metadata;
        assert_eq!(meta.section.as_deref(), Some("U.S. NEWS"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Wildfire forces thousands from homes")
        );
        assert_eq!(meta.publisher.as_deref(), Some("Continental Newswire"));
        assert_eq!(meta.authors, ["Dana Whitcomb"]);
    }

    #[test]
    fn a_breadcrumb_trail_names_the_site_and_the_section() {
        let doc = read(
            "Tollbridge Chronicle › World › Health\n\nClinics to offer free eye tests\n\n\
             By Ruth Abernethy-Lowe, Health Reporter\n4 March 2026, 09:30 GMT\n\nClinics will open on Monday.",
        );
        let meta = &doc.metadata;
        assert_eq!(meta.publisher.as_deref(), Some("Tollbridge Chronicle"));
        assert_eq!(meta.section.as_deref(), Some("Health"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Clinics to offer free eye tests")
        );
        assert_eq!(meta.authors, ["Ruth Abernethy-Lowe"]);
        assert_eq!(meta.published.as_deref(), Some("2026-03-04"));
        assert_eq!(
            prose_of(&doc),
            [
                "Clinics to offer free eye tests",
                "Clinics will open on Monday."
            ]
        );
        // "Home" is no site's name.
        let doc = read("Home » Sport » Cricket\n\nRain stops play at Fenwick\n\nBy Ian Moult\n\nNo play was possible.");
        assert_eq!(doc.metadata.publisher, None);
        assert_eq!(doc.metadata.section.as_deref(), Some("Cricket"));
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Rain stops play at Fenwick")
        );
        // A first line with a ">" in a sentence is a title, not a trail.
        let doc =
            read("Costs > revenue, says the mayor, again\n\nBy Ian Moult\n\nThe budget is short.");
        assert_eq!(doc.metadata.section, None);
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Costs > revenue, says the mayor, again")
        );
    }

    #[test]
    fn a_papers_name_and_section_above_the_headline() {
        let doc = read(
            "The Harbour Examiner\nScience\n\nProbe finds ice on a small moon\n\n\
             By Nils Ortega\nDecember 2, 2026\n\nThe probe found ice.",
        );
        let meta = &doc.metadata;
        assert_eq!(meta.publisher.as_deref(), Some("The Harbour Examiner"));
        assert_eq!(meta.section.as_deref(), Some("Science"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Probe finds ice on a small moon")
        );
        assert_eq!(meta.authors, ["Nils Ortega"]);
        // A headline over its section and byline is still the headline.
        let doc = read("Town Hall Gambles With Our Parks\nOPINION\nBy Ada Quell\nOct. 14, 2024\n\nThe parks are at risk.");
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("Town Hall Gambles With Our Parks")
        );
        assert_eq!(doc.metadata.publisher, None);
        assert_eq!(doc.metadata.section.as_deref(), Some("OPINION"));
    }

    #[test]
    fn a_standfirst_of_two_lines_and_a_date_updated_later() {
        let doc = read(
            "EXCLUSIVE: Bandmates at war over reunion\n\nSinger left out of comeback plans\n\
             Cryptic post sends fans into a frenzy\n\nBy Kit Marlowe-Reyes, Showbiz Editor\n\
             Published: 08:12, 21 August 2026 | Updated: 11:40, 22 August 2026\n\nThe band split in 2019.",
        );
        assert_eq!(doc.metadata.authors, ["Kit Marlowe-Reyes"]);
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-08-21"));
        let doc = read(
            "Commissioners approve budget in 2-1 vote\n\nBy Dana Pruitt, Staff Writer\n\
             Published Dec. 1, 2026 at 11:02 p.m. | Updated Dec. 2, 2026 at 8:15 a.m.\n\nThe vote was close.",
        );
        assert_eq!(doc.metadata.published.as_deref(), Some("2026-12-01"));
        assert_eq!(
            prose_of(&doc),
            [
                "Commissioners approve budget in 2-1 vote",
                "The vote was close."
            ]
        );
    }
}
