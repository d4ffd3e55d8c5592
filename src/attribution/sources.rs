//! The source book: every source the article cites, each under one name
//! with all its mentions.
//!
//! An article names one source in many ways: "UN Under-Secretary-General
//! Stephen O'Brien", then "O'Brien", then "Under-Secretary O'Brien"; "the
//! Harbour Workers' Union", then "the union"; "Begoña Etxeberria Núñez",
//! then "Etxeberria". A name is cleaned first (`clean_name`: a person's
//! titles and leading acronym go, an organisation's "the"), then merged with
//! an earlier source of the same kind that has the same name, whose
//! surnames hold it (people), or whose last word it is (organisations). The
//! fullest form of the name seen is the one kept. At the end, a person cited
//! only by surname gets the full name the article gives elsewhere
//! (`FullNames`).
//!
//! Every lookup is a hash lookup: the book keeps, per kind, each source's
//! name, each surname of a person, the last word of an organisation, and
//! every word of an organisation's or a document's name (for "the agency",
//! "the estimates"), so an article with thousands of sources costs no more
//! per mention than one with three.
//!
//! Measured: BENCHMARKS.md#t-source-intern.

use super::phrase::name_after_title;
use super::words::{
    all_caps, is_common_sentence_opener, with_lowercase, GIVEN_NAMES, ROLE_HEADS, TITLES,
};
use super::{Source, SourceKind};
use crate::hash::FastMap;
use std::ops::Range;

/// The sources found so far, indexed for merging.
#[derive(Default)]
pub(super) struct SourceBook {
    pub(super) sources: Vec<Source>,
    /// Per kind (`kind_slot`), lower-case clean name → source.
    names: [FastMap<String, usize>; 4],
    /// A person's surnames (every word but the first), lower case → source.
    surnames: FastMap<String, usize>,
    /// An organisation's last word, lower case → source ("the union").
    last_words: FastMap<String, usize>,
    /// A one-word organisation, lower case → source.
    single_words: FastMap<String, usize>,
    /// Every word of an organisation's or document's name, and the head
    /// noun of the phrase that cited it ("estimates") → the latest source.
    words: FastMap<String, usize>,
    /// The organisation and the document cited last.
    pub(super) last_organisation: Option<usize>,
    pub(super) last_document: Option<usize>,
}

impl SourceBook {
    pub(super) fn add(&mut self, name: &str, kind: SourceKind, at: Range<usize>) -> usize {
        let index = self.intern(name, kind);
        self.sources[index].mentions.push(at);
        index
    }

    /// The source of that name, merged with earlier mentions of it, or a new one.
    pub(super) fn intern(&mut self, written: &str, kind: SourceKind) -> usize {
        let name = clean_name(written, kind);
        let lower = name.to_lowercase();
        let surname = lower.rsplit(' ').next().unwrap_or("");
        let single = !lower.contains(' ');
        let apostrophes = ['\'', '’'];
        let names = &self.names[kind_slot(kind)];
        let found = names.get(lower.as_str()).copied().or_else(|| match kind {
            // "O'Brien" is "Stephen O'Brien"; "Etxeberria" is "Begoña
            // Etxeberria Núñez"; "Stephen O'Brien" is an earlier "O'Brien".
            SourceKind::Person => {
                if single {
                    self.surnames.get(lower.as_str()).copied()
                } else {
                    names.get(surname).copied().or_else(|| {
                        self.surnames
                            .get(surname)
                            .copied()
                            .filter(|&i| !self.sources[i].name.contains(' '))
                    })
                }
            }
            // "the union" is the Harbour Workers' Union named before.
            SourceKind::Organisation => {
                if single {
                    self.last_words
                        .get(lower.trim_end_matches(apostrophes))
                        .copied()
                } else {
                    self.single_words
                        .get(surname.trim_end_matches(apostrophes))
                        .copied()
                }
            }
            _ => None,
        });
        let index = match found {
            Some(i) => {
                // Keep the fullest form of the name: "Stephen O'Brien" over "O'Brien".
                if name.split_whitespace().count() > self.sources[i].name.split_whitespace().count()
                {
                    self.sources[i].name = name;
                    self.index(i);
                } else if matches!(kind, SourceKind::Organisation | SourceKind::Document)
                    && self.last_organisation != Some(i)
                    && self.last_document != Some(i)
                {
                    // Cited again after another: the latest with its words.
                    self.index_words(i);
                }
                i
            }
            None => {
                self.sources.push(Source {
                    name,
                    kind,
                    mentions: Vec::new(),
                    says: Vec::new(),
                });
                let i = self.sources.len() - 1;
                self.index(i);
                i
            }
        };
        match kind {
            SourceKind::Organisation => self.last_organisation = Some(index),
            SourceKind::Document => self.last_document = Some(index),
            _ => {}
        }
        index
    }

    /// Files the current name of source `i` under every key (once each:
    /// an existing key keeps its first source).
    fn index(&mut self, i: usize) {
        let source = &self.sources[i];
        let kind = source.kind;
        let lower = source.name.to_lowercase();
        first(&mut self.names[kind_slot(kind)], &lower, i);
        let words: Vec<&str> = lower.split_whitespace().collect();
        match kind {
            SourceKind::Person => {
                for w in words
                    .iter()
                    .skip(1)
                    .chain(words.len().eq(&1).then_some(&words[0]))
                {
                    first(&mut self.surnames, w, i);
                }
            }
            SourceKind::Organisation | SourceKind::Document => {
                if kind == SourceKind::Organisation {
                    if let Some(last) = words.last() {
                        first(&mut self.last_words, last.trim_end_matches(['\'', '’']), i);
                    }
                    if words.len() == 1 {
                        first(&mut self.single_words, words[0], i);
                    }
                }
                self.index_words(i);
            }
            SourceKind::Vague => {}
        }
    }

    /// Files source `i` under each word of its name, as the latest source
    /// with that word ("the agency").
    fn index_words(&mut self, i: usize) {
        let lower = self.sources[i].name.to_lowercase();
        for w in lower.split_whitespace() {
            let w = w.trim_end_matches(['\'', '’', 's']).trim_end_matches('\'');
            if w.len() > 2 && !is_common_sentence_opener(w) {
                latest(&mut self.words, w, i);
            }
        }
    }

    /// Also file source `i` under `word` ("estimates" for the ONS cited by
    /// "according to estimates from the ONS").
    pub(super) fn alias(&mut self, word: &str, i: usize) {
        let w = word.to_lowercase();
        let w = w.trim_end_matches('s');
        if w.len() > 2 {
            latest(&mut self.words, w, i);
        }
    }

    /// The latest organisation or document with `word` in its name.
    pub(super) fn with_word(&self, word: &str) -> Option<usize> {
        let w = word.to_lowercase();
        self.words
            .get(w.trim_end_matches(['\'', '’', 's']))
            .copied()
    }

    /// Whether a person is known by this lower-case word.
    pub(super) fn person(&self, word: &str) -> bool {
        self.surnames.contains_key(word)
    }
}

/// The slot of a kind in `SourceBook::names`.
fn kind_slot(kind: SourceKind) -> usize {
    match kind {
        SourceKind::Person => 0,
        SourceKind::Organisation => 1,
        SourceKind::Document => 2,
        SourceKind::Vague => 3,
    }
}

/// `key` → `i` unless `key` is there already (no allocation if it is).
fn first(map: &mut FastMap<String, usize>, key: &str, i: usize) {
    if !map.contains_key(key) {
        map.insert(key.to_string(), i);
    }
}

/// `key` → `i`, replacing what was there (no allocation if it was).
fn latest(map: &mut FastMap<String, usize>, key: &str, i: usize) {
    match map.get_mut(key) {
        Some(slot) => *slot = i,
        None => {
            map.insert(key.to_string(), i);
        }
    }
}

/// A merge key for one source: a person's surname without titles, or an
/// organisation's name without "the".
pub(super) fn clean_name(name: &str, kind: SourceKind) -> String {
    let name = name.trim().trim_end_matches(['.', ',', '’', '\'']);
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    if kind != SourceKind::Person {
        return name.to_string();
    }
    // Leading titles and acronyms go, as long as a word is left after them.
    let title_or_acronym = |word: &str| {
        (word.len() <= 4 && all_caps(word))
            || with_lowercase(word.trim_end_matches('.'), |w| {
                TITLES.contains(w) || w.split('-').all(|part| TITLES.contains(part))
            })
            || word == "."
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let dropped = (words[..words.len().saturating_sub(1)].iter())
        .take_while(|w| title_or_acronym(w))
        .count();
    // "Rail Minister Oliver Brennan", "Bank of England Governor Andrew
    // Bailey": the words a title opens with are the title's too.
    let dropped = name_after_title(
        words.len(),
        dropped,
        |i| with_lowercase(words[i], |w| TITLES.contains(w) || ROLE_HEADS.contains(w)),
        |i| with_lowercase(words[i], |w| GIVEN_NAMES.contains(w)),
    )
    .unwrap_or(dropped);
    words[dropped..].join(" ")
}

/// Full names of the people an article mentions, by surname: what
/// `FullNames::complete` gives a person cited only by surname.
#[derive(Default)]
pub(super) struct FullNames {
    by_surname: FastMap<String, String>,
    /// Family names written first ("park" of "Park Seo-yeon"): few, so a
    /// list.
    family_first: Vec<String>,
    seen: FastMap<String, ()>,
}

/// "Seo-yeon", "Ji-hoon": a romanised given name of two syllables, the
/// second in lower case.
fn hyphenated_given(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        a.chars().next().is_some_and(char::is_uppercase)
            && b.chars().next().is_some_and(char::is_lowercase)
            && a.chars().count() <= 4
            && b.chars().count() <= 4
    })
}

impl FullNames {
    /// Notes a person's full name as written ("Elin Sandvik"), once per surname.
    pub(super) fn mentioned(&mut self, name: &str) {
        // A name is usually written the same way many times: once is enough.
        if self.seen.contains_key(name) {
            return;
        }
        self.seen.insert(name.to_string(), ());
        let bare = clean_name(name, SourceKind::Person);
        let mut words = bare.split_whitespace();
        let Some(first) = words.next() else {
            return;
        };
        let capitalised = first.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || TITLES.contains(&first.to_lowercase()) {
            return;
        }
        // A family name put first, before a hyphenated given name ("Park
        // Seo-yeon", "Lee Ji-hoon"): "Park said" is her.
        let mut rest = words.clone();
        let family_first = matches!((rest.next(), rest.next()), (Some(given), None) if hyphenated_given(given))
            && !GIVEN_NAMES.contains(&first.to_lowercase());
        if family_first {
            self.family_first.push(first.to_lowercase());
        }
        for surname in words.chain(family_first.then_some(first)) {
            self.by_surname
                .entry(surname.to_lowercase())
                .or_insert_with(|| bare.clone());
        }
    }

    /// Whether a person with this lower-case surname has been named in full.
    pub(super) fn knows(&self, surname: &str) -> bool {
        self.by_surname.contains_key(surname)
    }

    /// Whether this lower-case word is a family name written first.
    pub(super) fn family_name(&self, word: &str) -> bool {
        self.family_first.iter().any(|w| w == word)
    }

    /// A person cited only by surname ("Sandvik said") gets the full name the
    /// article gives elsewhere ("the national mediator, Elin Sandvik").
    pub(super) fn complete(&self, sources: &mut [Source]) {
        for source in sources
            .iter_mut()
            .filter(|s| s.kind == SourceKind::Person && !s.name.contains(' '))
        {
            if let Some(full) = self.by_surname.get(&source.name.to_lowercase()) {
                source.name = full.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testing::{kinds, run};
    use crate::attribution::Attribution;

    #[test]
    fn clean_names_drop_titles_acronyms_and_the() {
        let person = |name| clean_name(name, SourceKind::Person);
        assert_eq!(
            person("UN Under-Secretary-General Stephen O'Brien"),
            "Stephen O'Brien"
        );
        assert_eq!(person("Dr. Priya Natarajan"), "Priya Natarajan");
        // What a title opens with goes with it, before a given name.
        assert_eq!(person("Rail Minister Oliver Brennan"), "Oliver Brennan");
        assert_eq!(person("Deputy Foreign Minister Anna Lopez"), "Anna Lopez");
        // A title alone is all the name there is.
        assert_eq!(person("the Mayor"), "Mayor");
        assert_eq!(
            clean_name("the Harbour Workers' Union.", SourceKind::Organisation),
            "Harbour Workers' Union"
        );
    }

    #[test]
    fn the_book_merges_by_surname_and_by_last_word_and_keeps_the_fullest_name() {
        let mut book = SourceBook::default();
        let obrien = book.add("O'Brien", SourceKind::Person, 0..7);
        assert_eq!(
            book.add("Stephen O'Brien", SourceKind::Person, 10..25),
            obrien
        );
        assert_eq!(book.add("Mr O'Brien", SourceKind::Person, 30..40), obrien);
        let union = book.add(
            "the Harbour Workers' Union",
            SourceKind::Organisation,
            50..76,
        );
        assert_eq!(book.intern("the union", SourceKind::Organisation), union);
        // The same words as another kind are another source.
        assert_ne!(
            book.add("O'Brien", SourceKind::Organisation, 80..87),
            obrien
        );
        assert_eq!(book.sources[obrien].name, "Stephen O'Brien");
        assert_eq!(book.sources[obrien].mentions, [0..7, 10..25, 30..40]);
        assert_eq!(book.sources[union].name, "Harbour Workers' Union");
        assert_eq!(book.sources.len(), 3);
        // A double surname: either word finds the person.
        let begona = book.add("Begoña Etxeberria Núñez", SourceKind::Person, 90..100);
        assert_eq!(book.add("Etxeberria", SourceKind::Person, 110..120), begona);
        assert_eq!(book.sources[begona].name, "Begoña Etxeberria Núñez");
        // A word of an organisation's name finds it: "the agency".
        let agency = book.add(
            "Health Performance Agency",
            SourceKind::Organisation,
            130..150,
        );
        assert_eq!(book.with_word("agency"), Some(agency));
        assert_eq!(book.with_word("Agency's"), Some(agency));
    }

    #[test]
    fn many_distinct_speakers_merge_in_linear_time() {
        // 20,000 people, each cited twice: one hash lookup per mention.
        let mut book = SourceBook::default();
        for i in 0..20_000 {
            let full = format!("Ann Speaker{i}");
            let a = book.add(&full, SourceKind::Person, i..i + 1);
            let b = book.add(&format!("Speaker{i}"), SourceKind::Person, i..i + 1);
            assert_eq!(a, b);
        }
        assert_eq!(book.sources.len(), 20_000);
    }

    #[test]
    fn merges_mentions_and_resolves_pronouns() {
        let text = "UN Under-Secretary-General Stephen O'Brien said aid was blocked. He also stressed that time was short. Under-Secretary O'Brien added that talks continue. The weather was cold.";
        let (analysis, _) = run(text);
        assert_eq!(analysis.sources.len(), 1, "{:?}", analysis.sources);
        assert_eq!(analysis.sources[0].name, "Stephen O'Brien");
        assert_eq!(analysis.sources[0].mentions.len(), 3);
        assert_eq!(
            kinds(&analysis),
            [
                Attribution::Named,
                Attribution::Named,
                Attribution::Named,
                Attribution::None
            ]
        );
    }

    #[test]
    fn a_surname_gets_the_full_name_given_elsewhere() {
        let text = "Sandvik said talks would resume. The national mediator, Elin Sandvik, has led talks since May.";
        let (analysis, _) = run(text);
        assert_eq!(analysis.sources[0].name, "Elin Sandvik");
    }
}
