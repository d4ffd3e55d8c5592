//! Lexicon matching: every term of every lexicon found in one pass over the
//! text with an Aho-Corasick automaton.
//!
//! The text is first folded (whitespace runs to one space, curly apostrophes
//! and Unicode hyphens to ASCII) so that a phrase matches across a line break
//! or a typographic variant; a sparse anchor table maps folded positions back
//! to byte offsets of the original text.

use crate::category::Category;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;
use std::sync::OnceLock;

/// One lexicon entry, compiled in from `lexicons/*.toml` by `build.rs`.
#[derive(Debug)]
pub struct Entry {
    pub term: &'static str,
    pub category: Category,
    pub severity: u8,
    pub why: &'static str,
    pub alternative: Option<&'static str>,
}

// `EXAMPLES[i]` (tests only): a sentence entry `i` must flag, and one it must not.

include!(concat!(env!("OUT_DIR"), "/lexicon_data.rs"));

/// Which entry a pattern belongs to: a compiled-in one or a reader's own term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryRef {
    Builtin(u16),
    Custom(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the original text.
    pub range: Range<usize>,
    pub entry: EntryRef,
}

pub struct Matcher {
    automaton: AhoCorasick,
    pattern_entries: Vec<EntryRef>,
    /// Per pattern: whether its first / last character must sit on a word boundary.
    pattern_bounded: Vec<(bool, bool)>,
}

impl Matcher {
    /// The matcher over all compiled-in lexicons, built once.
    pub fn builtin() -> &'static Matcher {
        static BUILTIN: OnceLock<Matcher> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Matcher::new(
                FORMS
                    .iter()
                    .map(|&(form, entry)| (form.to_string(), EntryRef::Builtin(entry))),
            )
        })
    }

    pub fn new(forms: impl IntoIterator<Item = (String, EntryRef)>) -> Matcher {
        let mut patterns = Vec::new();
        let mut pattern_entries = Vec::new();
        for (form, entry) in forms {
            let folded = fold(&form.to_lowercase()).text;
            let folded = folded.trim().to_string();
            if folded.is_empty() {
                continue;
            }
            // "so-called" is also written "so called".
            if folded.contains('-') && !folded.ends_with('-') && !folded.starts_with('-') {
                patterns.push(folded.replace('-', " "));
                pattern_entries.push(entry);
            }
            patterns.push(folded);
            pattern_entries.push(entry);
        }
        let pattern_bounded = patterns
            .iter()
            .map(|p: &String| {
                let first = p.chars().next().is_some_and(char::is_alphanumeric);
                let last = p.chars().last().is_some_and(char::is_alphanumeric);
                (first, last)
            })
            .collect();
        // Case-sensitive over lower-cased patterns and text: half the
        // transitions of an ASCII-case-insensitive automaton, so it builds
        // and searches faster.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("lexicon automaton builds");
        Matcher {
            automaton,
            pattern_entries,
            pattern_bounded,
        }
    }

    /// All whole-word matches, leftmost-longest, not overlapping, in order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut folded = fold(text);
        // Patterns are lower case (non-ASCII letters included); ASCII case is
        // folded here, in place, as the old case-insensitive automaton did.
        folded.text.make_ascii_lowercase();
        let haystack = folded.text.as_str();
        let mut candidates: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(haystack)
            .filter(|m| {
                let (check_start, check_end) = self.pattern_bounded[m.pattern().as_usize()];
                (!check_start || !word_char_before(haystack, m.start()))
                    && (!check_end || !word_char_after(haystack, m.end()))
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        candidates.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut hits = Vec::new();
        let mut taken_until = 0;
        for (start, end, pattern) in candidates {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            hits.push(Hit {
                range: folded.original(start)..folded.original(end),
                entry: self.pattern_entries[pattern],
            });
        }
        hits
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn word_char_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(is_word_char)
}

fn word_char_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

/// The text folded for matching, and how to map its positions back.
pub struct Folded {
    pub text: String,
    /// (folded position, original position) at every point where the two
    /// stop advancing in step; between anchors they move together.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    pub fn original(&self, folded_pos: usize) -> usize {
        let i = self.anchors.partition_point(|&(f, _)| f <= folded_pos) - 1;
        let (f, o) = self.anchors[i];
        o + (folded_pos - f)
    }
}

/// ASCII bytes that fold to themselves: all but the ones `char::is_whitespace`
/// accepts (it includes \x0B).
static PRINTABLE_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = !matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    table
};

pub fn fold(text: &str) -> Folded {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut anchors = vec![(0, 0)];
    // Most of a text folds to itself: copy runs of it whole, and look
    // closer only at non-ASCII characters and whitespace other than a
    // single space.
    let mut copied_until = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The common case, by table: a printable ASCII byte, or a single
        // space before one.
        if PRINTABLE_ASCII[bytes[i] as usize] {
            i += 1;
            continue;
        }
        if bytes[i] == b' '
            && bytes
                .get(i + 1)
                .is_none_or(|&next| PRINTABLE_ASCII[next as usize])
        {
            i += 1;
            continue;
        }
        out.push_str(&text[copied_until..i]);
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let (replacement, mut end) = match c {
            c if c.is_whitespace() => (' ', i + c.len_utf8()),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => ('\'', i + c.len_utf8()),
            '\u{2010}' | '\u{2011}' | '\u{2012}' => ('-', i + c.len_utf8()),
            _ => {
                out.push(c);
                i += c.len_utf8();
                copied_until = i;
                continue;
            }
        };
        if replacement == ' ' {
            while let Some(next) = text[end..].chars().next().filter(|c| c.is_whitespace()) {
                end += next.len_utf8();
            }
        }
        out.push(replacement);
        if end - i != 1 {
            anchors.push((out.len(), end));
        }
        i = end;
        copied_until = end;
    }
    out.push_str(&text[copied_until..]);
    Folded { text: out, anchors }
}

pub fn entry(index: u16) -> &'static Entry {
    &ENTRIES[index as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_hits(text: &str, index: usize) -> Vec<Hit> {
        Matcher::builtin()
            .find(text)
            .into_iter()
            .filter(|h| h.entry == EntryRef::Builtin(index as u16))
            .collect()
    }

    #[test]
    fn lexicons_are_not_empty() {
        assert!(
            ENTRIES.len() > 100,
            "only {} lexicon entries",
            ENTRIES.len()
        );
        for category in [
            Category::Distancing,
            Category::NameCalling,
            Category::Emotive,
            Category::Exaggeration,
            Category::VagueAttribution,
            Category::UnsupportedCertainty,
        ] {
            assert!(
                ENTRIES.iter().any(|e| e.category == category),
                "{category:?} is empty"
            );
        }
    }

    /// Every entry carries its own proof: one sentence it must flag, one it must not.
    #[test]
    fn every_entry_flags_its_example_and_passes_its_counterexample() {
        let mut failures = Vec::new();
        assert_eq!(EXAMPLES.len(), ENTRIES.len());
        for (i, (e, (flags, passes))) in ENTRIES.iter().zip(EXAMPLES).enumerate() {
            if entry_hits(flags, i).is_empty() {
                failures.push(format!("`{}` does not flag: {flags}", e.term));
            }
            if !entry_hits(passes, i).is_empty() {
                failures.push(format!("`{}` wrongly flags: {passes}", e.term));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn custom(terms: &[&str]) -> Matcher {
        Matcher::new(
            terms
                .iter()
                .enumerate()
                .map(|(i, t)| (t.to_string(), EntryRef::Custom(i))),
        )
    }

    #[test]
    fn matches_whole_words_only() {
        let m = custom(&["mob"]);
        assert!(m.find("He bought a mobile phone.").is_empty());
        assert_eq!(m.find("A mob gathered.")[0].range, 2..5);
        assert_eq!(m.find("MOB rule")[0].range, 0..3);
    }

    #[test]
    fn ascii_case_is_ignored_and_other_letters_match_as_lower_case() {
        let m = custom(&["So-Called", "Élite"]);
        assert_eq!(m.find("the SO-CALLED plan")[0].range, 4..13);
        assert_eq!(m.find("the So Called plan")[0].range, 4..13);
        // The pattern is lower-cased; only ASCII letters fold in the text.
        assert_eq!(m.find("an élite squad")[0].range, 3..9);
        assert_eq!(m.find("an éLITE squad")[0].range, 3..9);
        assert!(m.find("an ÉLITE squad").is_empty());
    }

    #[test]
    fn phrases_match_across_line_breaks_and_typographic_variants() {
        let m = custom(&["so-called", "don't look"]);
        let text = "the so\u{2011}called plan and the so called\nfix; don\u{2019}t   look";
        let hits = m.find(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.range.clone()]).collect();
        assert_eq!(
            found,
            ["so\u{2011}called", "so called", "don\u{2019}t   look"]
        );
        let m = custom(&["experts say"]);
        let text = "Experts\r\n  say so.";
        assert_eq!(&text[m.find(text)[0].range.clone()], "Experts\r\n  say");
    }

    #[test]
    fn prefers_the_longest_phrase_that_fits_the_word_boundaries() {
        let m = custom(&["worst", "the worst ever", "worst ever"]);
        let text = "It was the worst ever. The worst evermore.";
        let found: Vec<&str> = m
            .find(text)
            .iter()
            .map(|h| &text[h.range.clone()])
            .collect();
        assert_eq!(found, ["the worst ever", "worst"]);
    }

    #[test]
    fn offsets_survive_multibyte_text() {
        let m = custom(&["massive"]);
        let text = "東京 👨‍👩‍👧 a massive crowd";
        let hit = &m.find(text)[0];
        assert_eq!(&text[hit.range.clone()], "massive");
    }

    #[test]
    fn fold_maps_back_to_original_positions() {
        let text = "a\u{2019}b  \n c";
        let folded = fold(text);
        assert_eq!(folded.text, "a'b c");
        for (f, o) in [(0, 0), (1, 1), (2, 4), (3, 5), (4, 9), (5, 10)] {
            assert_eq!(folded.original(f), o, "folded {f}");
        }
    }

    /// The character-by-character definition `fold` must agree with.
    fn fold_one_char_at_a_time(text: &str) -> (String, Vec<(usize, usize)>) {
        let mut out = String::new();
        let mut anchors = vec![(0, 0)];
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let (replacement, mut end) = match c {
                c if c.is_whitespace() => (' ', i + c.len_utf8()),
                '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => ('\'', i + c.len_utf8()),
                '\u{2010}' | '\u{2011}' | '\u{2012}' => ('-', i + c.len_utf8()),
                _ => {
                    out.push(c);
                    continue;
                }
            };
            if replacement == ' ' {
                while let Some(&(j, next)) = chars.peek().filter(|(_, n)| n.is_whitespace()) {
                    end = j + next.len_utf8();
                    chars.next();
                }
            }
            out.push(replacement);
            if end - i != 1 {
                anchors.push((out.len(), end));
            }
        }
        (out, anchors)
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_with_its_definition(
            text in "([a-z ]|\\s|\u{2019}|\u{2011}|\u{a0}|é|東|👍){0,40}",
        ) {
            let folded = fold(&text);
            let (expected, anchors) = fold_one_char_at_a_time(&text);
            proptest::prop_assert_eq!(&folded.text, &expected);
            proptest::prop_assert_eq!(&folded.anchors, &anchors);
        }
    }
}
