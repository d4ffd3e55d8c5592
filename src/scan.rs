//! Byte-level pieces for the few fixed text patterns the analysis reads:
//! dates, header lines, Markdown links, datelines, accusations.
//!
//! These were regexes. regex-lite's parser, compiler and matcher made up
//! 27 KB of the gzipped WASM, far more than the small scanners that replace
//! them. Each scanner's tests check it against the regex it replaced
//! (regex-lite stays a dev-dependency), so the classes here are the
//! regexes' own: ASCII `\s`, `\d`, `\w` and `\b`.
//!
//! The scanners live beside their callers, each doc naming its regex: the
//! dates and Markdown links in `metadata.rs`; the header, "original source",
//! copyright and dateline lines in `input/text.rs`; the figures and
//! accusations in `rules/unattributed_claim.rs`. Here are the pieces they
//! share, among them `rest_of_line` for the regexes' `\s*(.+)$` and
//! `\s+(.+)$` tails.
//!
//! Size: see BENCHMARKS.md#t-no-regex

/// A regex `\s`: ASCII whitespace, vertical tab included.
#[inline]
pub(crate) fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// A regex `\w`: ASCII letter, digit or underscore.
#[inline]
pub(crate) fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Whether a word starts at `at`: a regex `\b` before a word byte.
#[inline]
pub(crate) fn word_starts(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(|&b| is_word(b)) && (at == 0 || !is_word(bytes[at - 1]))
}

/// Whether no word continues at `at`: a regex `\b` after a word byte.
#[inline]
pub(crate) fn word_ends(bytes: &[u8], at: usize) -> bool {
    !bytes.get(at).is_some_and(|&b| is_word(b))
}

/// How many bytes from `at` on satisfy `class`.
#[inline]
pub(crate) fn run(bytes: &[u8], at: usize, class: impl Fn(u8) -> bool) -> usize {
    bytes
        .get(at..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| class(b)).count())
}

/// Whether `bytes` has `literal` at `at`, ASCII letters in either case.
#[inline]
pub(crate) fn has_at(bytes: &[u8], at: usize, literal: &str) -> bool {
    bytes
        .get(at..at + literal.len())
        .is_some_and(|here| here.eq_ignore_ascii_case(literal.as_bytes()))
}

/// The run of one to `max` ASCII digits at `at`, as a number and its
/// length, when the digits end there (a longer run is no match).
pub(crate) fn digits(bytes: &[u8], at: usize, max: usize) -> Option<(u32, usize)> {
    let len = run(bytes, at, |b| b.is_ascii_digit());
    (1..=max).contains(&len).then(|| {
        let value = bytes[at..at + len]
            .iter()
            .fold(0, |n, &d| n * 10 + u32::from(d - b'0'));
        (value, len)
    })
}

/// What a regex `\s*(.+)$` (or `\s+(.+)$` when `min_spaces` is 1) captures
/// from `at` to the end of `line`: the rest after the spaces, or, when only
/// spaces remain, the last of them. `.` matches anything but `\n`.
pub(crate) fn rest_of_line(line: &str, at: usize, min_spaces: usize) -> Option<&str> {
    let spaces = run(line.as_bytes(), at, is_space);
    if spaces < min_spaces {
        return None;
    }
    let mut start = at + spaces;
    if start == line.len() {
        if spaces <= min_spaces {
            return None;
        }
        start -= 1;
    }
    let rest = &line[start..];
    (!rest.contains('\n')).then_some(rest)
}

/// Every non-overlapping match of an anchored matcher, leftmost first, as a
/// regex's `find_iter` gives them. `at(bytes, start)` returns the end of the
/// match starting at `start` (never empty) and what it read.
pub(crate) fn matches<'a, T>(
    bytes: &'a [u8],
    at: impl Fn(&[u8], usize) -> Option<(usize, T)> + 'a,
) -> impl Iterator<Item = (std::ops::Range<usize>, T)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < bytes.len() {
            let start = from;
            if let Some((end, found)) = at(bytes, start) {
                from = end;
                return Some((start..end, found));
            }
            from += 1;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_regex_ascii_classes() {
        let space = regex_lite::Regex::new(r"^\s$").unwrap();
        let word = regex_lite::Regex::new(r"^\w$").unwrap();
        for b in 0u8..=0x7F {
            let s = char::from(b).to_string();
            assert_eq!(is_space(b), space.is_match(&s), "{b:#x}");
            assert_eq!(is_word(b), word.is_match(&s), "{b:#x}");
        }
        for b in 0x80u8..=0xFF {
            assert!(!is_space(b) && !is_word(b));
        }
    }

    #[test]
    fn rest_of_line_is_what_the_regex_captures() {
        for (min, pattern) in [(0, r"^\s*(.+)$"), (1, r"^\s+(.+)$")] {
            let regex = regex_lite::Regex::new(pattern).unwrap();
            for line in [
                "", " ", "  ", "x", " x", "  x y ", "\t\n", " \n", "\n x", " x\n", "é",
            ] {
                let expected = regex.captures(line).map(|c| c.get(1).unwrap().as_str());
                assert_eq!(
                    rest_of_line(line, 0, min),
                    expected,
                    "{pattern} on {line:?}"
                );
            }
        }
    }

    #[test]
    fn digits_take_the_whole_run_or_nothing() {
        assert_eq!(digits(b"12a", 0, 2), Some((12, 2)));
        assert_eq!(digits(b"7", 0, 2), Some((7, 1)));
        assert_eq!(digits(b"123", 0, 2), None);
        assert_eq!(digits(b"a1", 0, 2), None);
        assert_eq!(digits(b"2024-", 0, 4), Some((2024, 4)));
    }
}
