//! The source book: every source the article cites, each under one name
//! with all its mentions.
//!
//! An article names one source in many ways: "UN Under-Secretary-General
//! Stephen O'Brien", then "O'Brien", then "Under-Secretary O'Brien"; "the
//! Harbour Workers' Union", then "the union". A name is cleaned first
//! (`clean_name`: a person's titles and leading acronym go, an
//! organisation's "the"), then merged with an earlier source of the same
//! kind that has the same name, the same surname (people), or whose last
//! word it is (organisations). The fullest form of the name seen is the one
//! kept. At the end, a person cited only by surname gets the full name the
//! article gives elsewhere (`complete_surnames`).
//!
//! Merging compares a name with every source so far, so the book keeps each
//! source's merge keys, and the answer for each name as written: a source
//! is usually named the same way many times over. Renaming a source changes
//! its keys, so it clears the remembered answers.

use super::words::{all_caps, is_common_sentence_opener, with_lowercase, TITLES};
use super::{Source, SourceKind};
use std::ops::Range;

/// The sources found so far, with what merging needs to know of them.
#[derive(Default)]
pub(super) struct SourceBook {
    pub(super) sources: Vec<Source>,
    /// Per source, its merge keys computed once (every mention is compared
    /// against every source).
    keys: Vec<MergeKeys>,
    /// Names as written, with each kind they came with and the source
    /// `intern` gave them. A source is named the same way many times over;
    /// `merge` gives the same answer again until a source is renamed (a new
    /// source goes last, after every earlier answer).
    seen: std::collections::BTreeMap<String, Vec<(SourceKind, usize)>>,
}

/// What a source's name is compared by.
struct MergeKeys {
    lower: String,
    /// The last word, lower case.
    surname: String,
    single_word: bool,
}

impl MergeKeys {
    fn of(name: &str) -> Self {
        MergeKeys {
            lower: name.to_lowercase(),
            surname: surname(name),
            single_word: !name.contains(' '),
        }
    }
}

impl SourceBook {
    pub(super) fn add(&mut self, name: &str, kind: SourceKind, at: Range<usize>) -> usize {
        let index = self.intern(name, kind);
        self.sources[index].mentions.push(at);
        index
    }

    /// The source of that name, merged with earlier mentions of it, or a new one.
    pub(super) fn intern(&mut self, written: &str, kind: SourceKind) -> usize {
        let known = self
            .seen
            .get(written)
            .and_then(|kinds| kinds.iter().find(|(k, _)| *k == kind));
        if let Some(&(_, index)) = known {
            return index;
        }
        let (index, renamed) = self.merge(written, kind);
        if renamed {
            self.seen.clear();
        }
        self.seen
            .entry(written.to_string())
            .or_default()
            .push((kind, index));
        index
    }

    /// The source of that name, merged with earlier mentions of it, or a new
    /// one; and whether an existing source was renamed (its merge keys changed).
    fn merge(&mut self, name: &str, kind: SourceKind) -> (usize, bool) {
        let name = clean_name(name, kind);
        let new = MergeKeys::of(&name);
        let apostrophes = ['\'', '’'];
        let found = self.sources.iter().zip(&self.keys).position(|(s, old)| {
            s.kind == kind
                && (old.lower == new.lower
                    || (kind == SourceKind::Person && old.surname == new.surname)
                    // "the union" is the Harbour Workers' Union named before.
                    || (kind == SourceKind::Organisation
                        && (new.single_word && old.surname.trim_end_matches(apostrophes) == new.lower
                            || old.single_word && new.surname.trim_end_matches(apostrophes) == old.lower)))
        });
        match found {
            Some(i) => {
                // Keep the fullest form of the name: "Stephen O'Brien" over "O'Brien".
                if name.split_whitespace().count() > self.sources[i].name.split_whitespace().count()
                {
                    self.keys[i] = new;
                    self.sources[i].name = name;
                    return (i, true);
                }
                (i, false)
            }
            None => {
                self.sources.push(Source {
                    name,
                    kind,
                    mentions: Vec::new(),
                });
                self.keys.push(new);
                (self.sources.len() - 1, false)
            }
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
    };
    let words = name.split_whitespace().count();
    let dropped = name
        .split_whitespace()
        .take(words.saturating_sub(1))
        .take_while(|w| title_or_acronym(w))
        .count();
    let mut bare = String::with_capacity(name.len());
    for word in name.split_whitespace().skip(dropped) {
        if !bare.is_empty() {
            bare.push(' ');
        }
        bare.push_str(word);
    }
    bare
}

/// The last word of `name`, lower case.
fn surname(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// A person cited only by surname ("Sandvik said") gets the full name the
/// article introduces elsewhere ("the national mediator, Elin Sandvik").
pub(super) fn complete_surnames(text: &str, sources: &mut [Source]) {
    for source in sources
        .iter_mut()
        .filter(|s| s.kind == SourceKind::Person && !s.name.contains(' '))
    {
        let surname = source.name.clone();
        for (at, _) in text.match_indices(surname.as_str()) {
            let before = text[..at].strip_suffix(' ');
            let Some(given) = before.and_then(|b| b.rsplit([' ', '\n', '(', '“', '"']).next())
            else {
                continue;
            };
            let capitalised = given.chars().next().is_some_and(char::is_uppercase)
                && given.chars().all(|c| c.is_alphabetic() || c == '-');
            let after_ok = !text[at + surname.len()..].starts_with(char::is_alphanumeric);
            if capitalised
                && after_ok
                && !TITLES.contains(given.to_lowercase().as_str())
                && !is_common_sentence_opener(&given.to_lowercase())
            {
                source.name = format!("{given} {surname}");
                break;
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
}
