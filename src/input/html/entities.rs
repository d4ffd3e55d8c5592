//! Character references for the HTML tokenizer: the named ones (`&amp;`,
//! legacy `&amp` without ';', …) and the numeric ones' replacements.
//!
//! The names are the WHATWG HTML standard's table of named character
//! references, taken at build time from the `web_atoms` crate and packed by
//! `build.rs` into a front-coded blob (9.4 KB of gzip; html5ever's map of
//! every prefix of every name cost ~70 KB). A sorted index is built from it
//! once, at the first lookup.

use std::sync::OnceLock;

/// See `pack_entities` in build.rs for the layout.
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/entities.bin"));

/// The longest name without its ';' (`CounterClockwiseContourIntegral`).
const MAX_BASE: usize = 31;

/// The blob unpacked: per name (without ';'), its bytes, a tag byte below
/// any name byte (value length << 1 | 1 if the bare legacy form exists too),
/// then the value; where each record starts, in name order; and per byte
/// `b`, the first record whose name begins with `b` or a greater byte.
struct Index {
    records: Vec<u8>,
    starts: Vec<u16>,
    by_first: [u16; 129],
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut records = Vec::with_capacity(24 * 1024);
        let mut starts = Vec::with_capacity(2125);
        // Where the previous name starts in `records`.
        let mut previous = 0;
        let mut at = 0;
        while at < BLOB.len() {
            let suffix_len = BLOB[at..].iter().position(|&b| b >= 0x80).unwrap();
            let header = BLOB[at + suffix_len];
            let start = records.len();
            records.extend_from_within(previous..previous + usize::from(header & 0x1F));
            records.extend_from_slice(&BLOB[at..at + suffix_len]);
            previous = start;
            at += suffix_len + 1;
            let mut value_len = 0;
            for _ in 0..1 + (header >> 6 & 1) {
                value_len += utf8_len(BLOB[at + value_len]);
            }
            records.push((value_len as u8) << 1 | header >> 5 & 1);
            records.extend_from_slice(&BLOB[at..at + value_len]);
            at += value_len;
            starts.push(u16::try_from(start).unwrap());
        }
        let by_first = std::array::from_fn(|b| {
            let first = starts.partition_point(|&s| usize::from(records[usize::from(s)]) < b);
            u16::try_from(first).unwrap()
        });
        Index {
            records,
            starts,
            by_first,
        }
    })
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The longest named reference at the start of `rest` (what follows an
/// '&'): its length, with the ';' if it has one, and the text it stands for.
/// Looks at no more than 32 bytes of `rest`.
pub(super) fn named(rest: &[u8]) -> Option<(usize, &'static str)> {
    let Index {
        records,
        starts,
        by_first,
    } = index();
    let byte = |start: u16, k: usize| records[usize::from(start) + k];
    // The records whose names begin with rest[..k]: a range, in name order.
    let mut range = &starts[..];
    let mut best = None;
    for (k, &b) in rest.iter().take(MAX_BASE).enumerate() {
        // Also keeps `b` from matching a tag byte, so `byte` stays in a name.
        if !b.is_ascii_alphanumeric() {
            break;
        }
        range = if k == 0 {
            // Saves half the probes of a search through all names.
            let b = usize::from(b);
            &starts[usize::from(by_first[b])..usize::from(by_first[b + 1])]
        } else {
            let first = range.partition_point(|&s| byte(s, k) < b);
            let count = range[first..].partition_point(|&s| byte(s, k) == b);
            &range[first..first + count]
        };
        let Some(&start) = range.first() else { break };
        // Shorter names sort first: is rest[..=k] itself a name?
        let tag = byte(start, k + 1);
        if tag < b'0' {
            let value_at = usize::from(start) + k + 2;
            let value = &records[value_at..value_at + usize::from(tag >> 1)];
            let value = std::str::from_utf8(value).expect("values are UTF-8");
            if rest.get(k + 1) == Some(&b';') {
                return Some((k + 2, value));
            }
            if tag & 1 == 1 {
                best = Some((k + 1, value));
            }
        }
    }
    best
}

/// The character a numeric reference (`&#…;`, `&#x…;`) stands for, given
/// its value (saturated by the caller): the HTML standard's "numeric
/// character reference end state". Other controls and noncharacters stay.
pub(super) fn numeric(code: u32) -> char {
    /// 0x80..=0x9F read as windows-1252, as the standard says; 0 where it
    /// keeps the code point.
    const C1: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, //
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    let code = match code {
        0 => 0xFFFD,
        0x80..=0x9F => match C1[(code - 0x80) as usize] {
            0 => code,
            c => u32::from(c),
        },
        _ => code,
    };
    // Surrogates and values past U+10FFFF are no characters.
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::data::NAMED_ENTITIES;

    /// The table's text for a name, or None for a prefix that is no name.
    fn oracle(name: &[u8]) -> Option<String> {
        let name = std::str::from_utf8(name).ok()?;
        let &(first, second) = NAMED_ENTITIES.get(name)?;
        (first != 0).then(|| {
            [first, second]
                .into_iter()
                .filter(|&c| c != 0)
                .map(|c| char::from_u32(c).unwrap())
                .collect()
        })
    }

    /// The longest prefix of `rest` that is a name, by trying them all.
    fn longest(rest: &[u8]) -> Option<(usize, String)> {
        (1..=rest.len().min(32))
            .rev()
            .find_map(|n| oracle(&rest[..n]).map(|v| (n, v)))
    }

    fn names() -> impl Iterator<Item = (&'static str, String)> {
        NAMED_ENTITIES
            .keys()
            .filter_map(|k| oracle(k.as_bytes()).map(|v| (*k, v)))
    }

    #[test]
    fn every_name_is_found() {
        assert_eq!(names().count(), 2231);
        for (name, value) in names() {
            assert_eq!(
                named(name.as_bytes()),
                Some((name.len(), value.as_str())),
                "&{name}"
            );
        }
    }

    #[test]
    fn only_names_are_found() {
        // Every name and every prefix of one, then each followed by bytes a
        // page may have there.
        let tails: [&[u8]; 7] = [b"", b";", b"x", b"1", b" ", b"\xFF\xFE", b";;"];
        for key in NAMED_ENTITIES.keys() {
            for tail in tails {
                let rest = [key.as_bytes(), tail].concat();
                let found = named(&rest).map(|(n, v)| (n, v.to_string()));
                assert_eq!(found, longest(&rest), "&{}", String::from_utf8_lossy(&rest));
            }
        }
    }

    #[test]
    fn longest_match() {
        assert_eq!(named(b"amp;x"), Some((4, "&")));
        assert_eq!(named(b"ampx"), Some((3, "&")));
        assert_eq!(named(b"amp"), Some((3, "&")));
        assert_eq!(named(b"notin;"), Some((6, "∉")));
        assert_eq!(named(b"notit;"), Some((3, "¬")));
        assert_eq!(named(b"notin"), Some((3, "¬")));
        assert_eq!(named(b"not;"), Some((4, "¬")));
        assert_eq!(named(b"nbspace"), Some((4, "\u{A0}")));
        // No legacy form: nothing without the ';'.
        assert_eq!(named(b"hellip"), None);
        assert_eq!(named(b"hellip;"), Some((7, "…")));
        assert_eq!(named(b"fjlig;"), Some((6, "fj")));
        assert_eq!(named(b"NotEqualTilde;"), Some((14, "\u{2242}\u{338}")));
        assert_eq!(
            named(b"CounterClockwiseContourIntegral;x"),
            Some((32, "\u{2233}"))
        );
        assert_eq!(named(b"xyz"), None);
        assert_eq!(named(b""), None);
        assert_eq!(named(b";"), None);
        assert_eq!(named(b"#x41;"), None);
        assert_eq!(named(b"AMP"), Some((3, "&")));
        assert_eq!(named(b"Amp"), None);
    }

    #[test]
    fn bytes_past_the_name_may_be_anything() {
        assert_eq!(named(b"lt\xFF\x00"), Some((2, "<")));
        assert_eq!(named(b"lt;\xC3"), Some((3, "<")));
        assert_eq!(named(b"\xFFlt;"), None);
        assert_eq!(named(b"l\x00t;"), None);
        // Bytes equal to the index's tag bytes are no name bytes.
        assert_eq!(named(b"lt\x05"), Some((2, "<")));
        assert_eq!(named(b"lt\x04;"), Some((2, "<")));
    }

    #[test]
    fn a_long_input_is_read_no_further_than_a_name() {
        let letters = vec![b'a'; 1 << 20];
        let start = std::time::Instant::now();
        for _ in 0..1000 {
            assert_eq!(named(&letters), None);
        }
        assert!(start.elapsed().as_secs() < 1, "{:?}", start.elapsed());
        let mut amp = b"amp".to_vec();
        amp.extend_from_slice(&letters);
        assert_eq!(named(&amp), Some((3, "&")));
    }

    #[test]
    fn the_blob_holds_the_table_in_order() {
        let Index {
            records, starts, ..
        } = index();
        // Per record: its name (without ';'), tag and value.
        let unpacked: Vec<(&[u8], u8, &str)> = starts
            .iter()
            .map(|&start| {
                let record = &records[usize::from(start)..];
                let len = record.iter().position(|&b| b < b'0').unwrap();
                let tag = record[len];
                let value = &record[len + 1..][..usize::from(tag >> 1)];
                (&record[..len], tag, std::str::from_utf8(value).unwrap())
            })
            .collect();
        assert!(unpacked.windows(2).all(|w| w[0].0 < w[1].0));
        let mut count = 0;
        for (name, tag, value) in unpacked {
            let with_semicolon = [name, b";"].concat();
            assert_eq!(oracle(&with_semicolon).as_deref(), Some(value));
            let bare = oracle(name);
            assert_eq!(bare.is_some(), tag & 1 == 1);
            assert!(bare.is_none() || bare.as_deref() == Some(value));
            count += 1 + usize::from(tag & 1);
        }
        assert_eq!(count, 2231);
    }

    /// What html5ever's tokenizer makes of `&#x…;` in text.
    fn html5ever_decodes(code: u32) -> String {
        let page = scraper::Html::parse_fragment(&format!("<p>&#x{code:X};</p>"));
        let p = scraper::Selector::parse("p").unwrap();
        let p = page.select(&p).next().unwrap();
        p.text().collect()
    }

    #[test]
    fn numeric_as_html5ever() {
        let codes = [
            0,
            0x80,
            0x81,
            0x9F,
            0xD800,
            0xDFFF,
            0x110000,
            u32::MAX,
            0x0D,
            0x0A,
            0x01,
            0x7F,
            0xFDD0,
            0xFFFE,
            0x10FFFF,
            0x41,
            0xE9,
            0x1F600,
        ];
        for code in codes.into_iter().chain(0x80..=0x9F) {
            assert_eq!(
                numeric(code).to_string(),
                html5ever_decodes(code),
                "{code:#X}"
            );
        }
    }
}
