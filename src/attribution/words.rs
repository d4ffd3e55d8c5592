//! The words attribution knows, as named lists: reporting verbs, the heads
//! of vague, institutional and document sources, titles, organisation and
//! place words, and the few prepositions and determiners the frame rules
//! turn on.
//!
//! The rules in `frames.rs` and `sources.rs` ask questions ("is this a
//! title?", "does this word end a noun phrase?"); the answers are here, so a
//! word can be added without reading a rule, and a rule reads as its
//! question. Every list holds lower-case words, looked up with a token's
//! lower case (computed once by the tokenizer) or through `with_lowercase`.
//!
//! A list takes one of two forms, by how it is asked:
//!
//! - A [`WordList`]: a longer list asked about nearly every token. Its words
//!   go into a hash table on first use, so a lookup costs the same however
//!   long the list grows (a binary search cost ~300 instructions a lookup).
//! - A plain slice: a few words asked about the handful of tokens around a
//!   frame, where comparing each word (length first) is cheaper than hashing
//!   the token.
//!
//! A few tests of a single word's shape (a possessive "'s", all capitals)
//! live here too: they are asked with the lists, of the same words.

use crate::hash::fnv1a;

/// A fixed word list, looked up for every token: on first use its words go
/// into an open-addressing hash table (FNV-1a, linear probing), so a lookup
/// is one short hash and usually one comparison. Binary search over sorted
/// strings cost ~300 instructions a lookup; a linear scan, far more.
pub(crate) struct WordList {
    words: &'static [&'static str],
    table: std::sync::OnceLock<Vec<&'static str>>,
}

impl WordList {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordList {
            words,
            table: std::sync::OnceLock::new(),
        }
    }

    /// Slots: a power of two, at most a quarter full; "" marks an empty slot.
    fn table(&self) -> &[&'static str] {
        self.table.get_or_init(|| {
            let size = (self.words.len() * 4).next_power_of_two().max(8);
            let mut table = vec![""; size];
            for &word in self.words {
                let mut slot = fnv1a(word.as_bytes()) & (size - 1);
                while !table[slot].is_empty() && table[slot] != word {
                    slot = (slot + 1) & (size - 1);
                }
                table[slot] = word;
            }
            table
        })
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        // "" marks an empty slot, so "" itself is never found (no list holds it).
        let table = self.table();
        let mask = table.len() - 1;
        let mut slot = fnv1a(word.as_bytes()) & mask;
        loop {
            let entry = table[slot];
            if entry.is_empty() {
                return false;
            }
            if entry.len() == word.len() && entry == word {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Checked for every word of every sentence; the length test rejects most
/// words before the search.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    static VERBS: WordList = WordList::new(REPORTING_VERBS);
    (3..=12).contains(&word.len()) && VERBS.contains(word)
}

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "announced",
    "announces",
    "explained",
    "explains",
    "wrote",
    "writes",
    "noted",
    "notes",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "warned",
    "warns",
    "stressed",
    "stresses",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "asked",
    "asks",
    "replied",
    "testified",
    "acknowledged",
    "acknowledges",
    "emphasised",
    "emphasized",
    "observed",
    "reported",
    "reports",
    "predicted",
    "estimated",
    "estimates",
    "concluded",
    "concludes",
    "found",
    "finds",
    "shows",
    "showed",
    "show",
    "suggested",
    "suggests",
    "recalled",
    "conceded",
    "tweeted",
    "posted",
    "declared",
    "declares",
    "admitted",
    "admits",
    "described",
    "describes",
    "called",
    "calls",
    "dubbed",
    "dismissed",
    "labelled",
    "labeled",
    "branded",
    "termed",
    "believes",
    "believe",
    "believed",
    "contends",
    "contended",
    "maintained",
    "maintains",
    "alleged",
    "alleges",
    "accused",
    "accuses",
    "responded",
    "urged",
    "urges",
    "countered",
    "complained",
    "agreed",
    "agree",
    "disputed",
];

/// Words between a subject and its reporting verb: "O'Brien also stressed".
pub(super) static SKIPPABLE: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "also",
    "later",
    "previously",
    "earlier",
    "then",
    "further",
    "again",
    "repeatedly",
    "recently",
    "publicly",
    "privately",
    "separately",
    "once",
    "first",
    "last",
    "will",
    "would",
    "not",
    "never",
    "long",
]);

pub(super) const PERSON_PRONOUNS: &[&str] = &["he", "she"];
pub(super) const OTHER_PRONOUNS: &[&str] = &["it"];
/// The author and the reader are nobody's source.
pub(super) const NON_SOURCE_PRONOUNS: &[&str] = &[
    "i", "we", "you", "they", "me", "us", "one", "there", "this", "that", "who", "which",
];

/// Heads of unidentifiable sources.
pub(super) static VAGUE_HEADS: WordList = WordList::new(&[
    "experts",
    // Numbers with no owner: "figures show", "data suggest".
    "figures",
    "data",
    "expert",
    "critics",
    "observers",
    "analysts",
    "sources",
    "source",
    "officials",
    "insiders",
    "people",
    "some",
    "many",
    "others",
    "studies",
    "study",
    "research",
    "scientists",
    "researchers",
    "commentators",
    "residents",
    "witnesses",
    "authorities",
    "skeptics",
    "sceptics",
    "economists",
    "diplomats",
    "activists",
    "opponents",
    "supporters",
    "everyone",
    "everybody",
    "majority",
    "most",
    "reports",
    "official",
    "person",
    "someone",
]);

/// Heads of identifiable institutions written in lower case.
pub(super) static INSTITUTION_HEADS: WordList = WordList::new(&[
    "police",
    "prosecutors",
    "investigators",
    "firefighters",
    "paramedics",
    "government",
    "ministry",
    "council",
    "company",
    "court",
    "department",
    "agency",
    "commission",
    "committee",
    "union",
    "hospital",
    "army",
    "military",
    "coroner",
    "mayor",
    "governor",
    "president",
    "authority",
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "judge",
    "prosecutor",
    "coastguard",
    "navy",
    "cabinet",
    "parliament",
    "board",
    "school",
    "university",
    "club",
    "federation",
    "association",
    "embassy",
    "regulator",
    "inspectorate",
    "trust",
]);

/// Nouns for documents that can be a source: "meeting minutes", "a 2021 report".
pub(super) static DOCUMENT_HEADS: WordList = WordList::new(&[
    "report",
    "statement",
    "documents",
    "document",
    "minutes",
    "filing",
    "filings",
    "records",
    "survey",
    "audit",
    "analysis",
    "census",
    "transcript",
    "memo",
    "letter",
    "ruling",
    "indictment",
    "complaint",
    "release",
    "paper",
    "emails",
    "messages",
    "letters",
]);

/// Words that mark a capitalised phrase as an organisation.
pub(super) static ORGANISATION_WORDS: WordList = WordList::new(&[
    "union",
    "ministry",
    "department",
    "authority",
    "council",
    "institute",
    "institution",
    "university",
    "agency",
    "association",
    "company",
    "inc",
    "corp",
    "group",
    "party",
    "police",
    "court",
    "office",
    "commission",
    "committee",
    "bank",
    "fund",
    "service",
    "board",
    "news",
    "press",
    "reuters",
    "pentagon",
    "house",
    "parliament",
    "senate",
    "congress",
    "government",
    "foundation",
    "society",
    "center",
    "centre",
    "hospital",
    "school",
    "college",
    "bureau",
    "network",
    "times",
    "post",
    "journal",
    "federation",
    "league",
    "organisation",
    "organization",
    "coalition",
    "alliance",
    "corporation",
    "ltd",
    "llc",
    "trust",
    "club",
    "assembly",
    "army",
    "navy",
    "force",
    "guard",
    "nations",
    "kremlin",
    "ap",
    "afp",
    "un",
    "transit",
    "regulator",
    "ferries",
    "ferry",
    "utility",
    "utilities",
    "railway",
    "railways",
    "airlines",
    "airways",
    "holdings",
    "partners",
    "capital",
    "media",
    "energy",
    "systems",
    "labs",
    "ministries",
    "authorities",
    "department's",
]);

/// Titles stripped from a person's name before merging mentions.
pub(super) static TITLES: WordList = WordList::new(&[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "mayor",
    "minister",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "secretary",
    "general",
    "chief",
    "judge",
    "justice",
    "officer",
    "detective",
    "captain",
    "capt",
    "sgt",
    "sergeant",
    "lt",
    "colonel",
    "col",
    "commissioner",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "deputy",
    "prime",
    "under-secretary-general",
    "under-secretary",
    "secretary-general",
    "ambassador",
    "councillor",
    "councilor",
    "councilwoman",
    "councilman",
    "inspector",
    "superintendent",
    "supt",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "rev",
    "father",
    "sister",
    "coach",
    "ceo",
    "cfo",
    "chancellor",
    "premier",
    "speaker",
    "leader",
    "head",
    "vice",
    "assistant",
    "associate",
    "former",
    "acting",
    "then",
    "economist",
    "researcher",
    "analyst",
    "lawyer",
    "attorney",
    "scientist",
    "ecologist",
    "biologist",
    "historian",
]);

/// Lower-case words inside a name: "Bank of England", "Ursula von der Leyen".
pub(super) static CONNECTORS: WordList = WordList::new(&[
    "of", "for", "the", "de", "van", "von", "der", "al", "bin", "du", "da", "and", "&", "on",
]);

/// A capitalised run of these is a date, not a source: "On Monday, …".
pub(super) static MONTHS_AND_DAYS: WordList = WordList::new(&[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
]);

/// Capitalised only because they open a sentence: "However", "According".
static SENTENCE_OPENERS: WordList = WordList::new(&[
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "however",
    "meanwhile",
    "still",
    "what",
    "who",
    "which",
    "today",
    "yesterday",
    "earlier",
    "later",
    "it",
    "all",
    "both",
    "do",
    "does",
    "did",
    "don't",
    "let",
    "please",
    "just",
    "never",
    "now",
    "here",
    "why",
    "how",
    "where",
    "we",
    "you",
    "i",
    "not",
    "no",
    "yes",
    "perhaps",
    "maybe",
    "indeed",
]);

pub(super) fn is_common_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(word)
}

/// Words that make a capitalised phrase a place, not a person: "Quay Street".
pub(super) static PLACE_WORDS: WordList = WordList::new(&[
    "street", "st", "road", "rd", "avenue", "ave", "lane", "square", "park", "bridge", "river",
    "harbour", "harbor", "port", "city", "county", "island", "islands", "mountain", "station",
    "hall", "café", "cafe", "door", "sound", "bay", "beach", "valley", "hill", "hills", "district",
    "quarter", "market", "stadium", "airport", "centre", "center", "gardens", "way", "drive",
]);

/// Prepositions that join the parts of a name through "the": "Bank of the
/// West", "Secretary for the Interior".
pub(super) const BEFORE_THE: &[&str] = &["of", "for", "at"];

pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];

/// What ties a person to the body they speak from: "Dr. Priya Natarajan of
/// the University of Halvorsen".
pub(super) const AFFILIATIONS: &[&str] = &["of", "at", "from"];

/// Words that open a lower-case noun phrase: "the port authority", "several
/// officials".
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "some", "many", "most", "several", "two", "three",
];

/// "its press office" is the press office: a possessive is left out of the
/// phrase.
pub(super) const POSSESSIVES: &[&str] = &["its", "his", "her", "their", "our", "my", "your"];

/// Words a lower-case noun phrase does not reach back across: conjunctions,
/// relative pronouns, prepositions.
pub(super) const PHRASE_BREAKS: &[&str] = &[
    "that", "and", "or", "but", "while", "as", "because", "if", "when", "who", "which", "to", "of",
    "in", "on", "at", "with", "by", "for",
];

/// Skipped, like `SKIPPABLE`, between a subject and its verb: "has been told".
pub(super) const BE_FORMS: &[&str] = &["be", "been", "being"];

/// Before a reporting verb, these make it passive: "was told", "is believed".
pub(super) const PASSIVE_AUXILIARIES: &[&str] =
    &["is", "was", "are", "were", "be", "been", "being"];

/// The subject of a passive that names nobody: "It is widely believed".
pub(super) const DUMMY_SUBJECTS: &[&str] = &["it", "this", "that"];

/// Between a verb and a capitalised name, words that show what lies between
/// is no role: "said in London", not "said party spokesman Tom Hale".
pub(super) const ROLE_BREAKS: &[&str] = &[
    "in", "on", "at", "to", "that", "by", "with", "from", "of", "for", "and",
];

/// After a verb, words that open an adverbial or a clause, not a speaker:
/// "said on Monday", "said that".
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "in", "on", "at", "to", "that", "by", "with", "from", "during", "after", "before", "of", "for",
];

/// After a verb, the start of a clause: "said it would study the ruling".
pub(super) const AUXILIARIES: &[&str] = &[
    "would", "will", "could", "should", "might", "may", "can", "had", "has", "was", "were", "is",
    "are", "not",
];

/// What introduces a document's author: "a study by Dr. Natarajan",
/// "figures from the Treasury".
pub(super) const AUTHOR_MARKERS: &[&str] = &["by", "from"];

/// What ties a spokesperson or a statement to whom it speaks for: "a
/// spokeswoman for the Port Authority", "a statement from the union".
pub(super) const SPEAKS_FOR: &[&str] = &["for", "from", "by", "of"];

/// Calls `f` with `word` in lower case, without allocating for the short
/// ASCII words the word lists hold.
pub(super) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII is UTF-8"))
    } else {
        f(&word.to_lowercase())
    }
}

/// `word` without a possessive "'s".
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether every letter of `name` is a capital: "NATO", "UN".
pub(super) fn all_caps(name: &str) -> bool {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_find_exactly_their_words() {
        let lists = [
            &SKIPPABLE,
            &VAGUE_HEADS,
            &INSTITUTION_HEADS,
            &DOCUMENT_HEADS,
            &ORGANISATION_WORDS,
            &TITLES,
            &CONNECTORS,
            &MONTHS_AND_DAYS,
            &SENTENCE_OPENERS,
            &PLACE_WORDS,
        ];
        let every_word: Vec<&str> = lists.iter().flat_map(|l| l.words.iter().copied()).collect();
        for list in lists {
            for word in &every_word {
                assert_eq!(list.contains(word), list.words.contains(word), "{word}");
            }
            for absent in ["", "x", "saids", "the the", "é", "organisation’s"] {
                assert_eq!(
                    list.contains(absent),
                    list.words.contains(&absent),
                    "{absent}"
                );
            }
        }
    }

    #[test]
    fn every_reporting_verb_is_recognised() {
        for verb in REPORTING_VERBS {
            assert!(is_reporting_verb(verb), "{verb}");
        }
        assert!(!is_reporting_verb("sai"));
        assert!(!is_reporting_verb("Said"));
    }
}
