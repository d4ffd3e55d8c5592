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
//!
//! Measured: BENCHMARKS.md#t-word-lists-hash.

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

/// A `WordList` written as one space-separated string: for long lists of
/// short words, where a table of pointers would weigh more than the words.
pub(crate) struct SpacedWords {
    words: &'static str,
    list: std::sync::OnceLock<WordList>,
}

impl SpacedWords {
    pub(crate) const fn new(words: &'static str) -> Self {
        SpacedWords {
            words,
            list: std::sync::OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.list
            .get_or_init(|| {
                let words: Vec<&'static str> = self.words.split_whitespace().collect();
                WordList::new(Box::leak(words.into_boxed_slice()))
            })
            .contains(word)
    }
}

mod bodies;
mod clauses;
mod names;
mod people;

pub(super) use bodies::*;
pub(crate) use clauses::is_reporting_verb;
pub(super) use clauses::*;
pub(crate) use names::names_place_or_body;
pub(super) use names::*;
pub(super) use people::*;

/// Prepositions that join the parts of a name through "the": "Bank of the
/// West", "Secretary for the Interior".
pub(super) const BEFORE_THE: &[&str] = &["of", "for", "at"];

/// Articles and determiners that open a lower-case noun phrase.
pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];
pub(super) const DEFINITE: &[&str] = &["the", "this", "that", "these", "those"];
pub(super) const POSSESSIVES: &[&str] = &["its", "his", "her", "their", "our", "my", "your"];

/// What introduces a document's author: "a study by Dr. Natarajan",
/// "estimates from the Office for National Statistics".
pub(super) const AUTHOR_MARKERS: &[&str] = &["by", "from"];

/// Words after which a noun phrase's head has ended: prepositions, relative
/// pronouns, participles that open a modifier ("released with the schedule").
pub(super) const POST_MODIFIERS: &[&str] = &[
    "of", "at", "in", "from", "for", "with", "on", "inside", "around", "across", "near", "within",
    "outside", "among", "who", "whose", "which", "that", "close", "familiar", "briefed",
    "involved", "working", "based", "behind", "backing", "by", "under", "over", "about", "to",
    "into",
];

/// Common given names, to tell a person ("Priya Natarajan") from a place or
/// a thing with a two-word name ("Summit Line", "Cedar Mesa") when nothing
/// else tells: a name cited with a title or a role does not need to be here,
/// and a cited name that is not here is still read as a person. The list is
/// the most frequent names of the Faker package's person data (en_US by
/// frequency, en_GB, sv_SE, pl_PL and en_NG; Spanish names common to es_ES
/// and es_MX, Portuguese ones common to pt_PT and pt_BR; fr_FR), one string
/// rather than a table of pointers (3.8 KB, not 8 KB more).
pub(super) static GIVEN_NAMES: SpacedWords = SpacedWords::new(
    "\
    michael david james john christopher robert matthew william daniel joseph brian jason joshua \
    mark thomas kevin richard anthony andrew steven timothy jeffrey eric ryan charles scott justin \
    nicholas jonathan brandon paul kenneth jacob gregory stephen patrick adam aaron benjamin kyle \
    jeremy tyler zachary ronald edward donald sean jose alexander nathan gary samuel keith bryan \
    douglas shawn george peter todd travis jesse chad bradley austin larry cody raymond jordan \
    craig dennis frank juan jerry christian derek dustin randy terry phillip troy carlos jeffery \
    marcus jared joel shane tony vincent corey luis antonio alan victor dylan philip brett rodney \
    curtis johnny alex russell martin roger carl erik derrick gabriel brent nathaniel bruce danny \
    ian ricky henry jack cory cameron billy mitchell wesley simon luke lee darren liam jake graham \
    colin neil lewis nigel oliver stuart jamie geoffrey connor lars karl anders johan per nils \
    mikael jan hans olof lennart gunnar jakub mateusz bartek kacper michał szymon antoni filip \
    piotr maciej aleksander franciszek mikołaj emmanuel cornelius abel abraham adalberto adán \
    agustín alberto alejandro alfonso alfredo alonso amador andrés ángel armando arturo augusto \
    aurelio benito benjamín bernabé bernardo bruno camilo césar claudio clemente cornelio cristian \
    darío diego eduardo eloy emiliano emilio enrique ernesto esteban eugenio federico felipe felix \
    fernando fidel flavio francisco gabino gerardo germán gerónimo gilberto gonzalo gregorio \
    guillermo alexandre andré benjamim diogo emanuel enzo guilherme gustavo henrique igor isaac \
    joaquim josé joão leandro leonardo lucas mateus miguel noah adrien aimé alain alfred alphonse \
    antoine arthur auguste augustin benoît bernard bertrand christophe denis édouard émile éric \
    étienne eugène françois franck frédéric jennifer jessica lisa kimberly amanda michelle \
    elizabeth melissa ashley sarah mary stephanie amy angela nicole heather laura rebecca karen \
    kelly emily susan rachel christina patricia julie samantha megan cynthia christine brittany \
    lauren amber andrea danielle tiffany maria katherine tammy sandra linda crystal lori shannon \
    pamela brenda donna sara erin deborah victoria tina teresa kathleen nancy dawn tracy courtney \
    barbara jacqueline sharon anna kayla denise april catherine kristen erica monica hannah \
    kathryn cheryl debra robin wendy taylor margaret vanessa alicia allison diana natalie kristin \
    leslie michele theresa holly alexis melanie dana cindy julia jill alyssa valerie tara stacy \
    diane katie jasmine veronica carol carrie rhonda gina stacey alexandra chelsea kathy carolyn \
    lindsey ann renee brianna morgan kim cassandra janet paula claire nicola gemma emma charlotte \
    tracey joanne sophie jane helen anne chloe louise lucy alison caroline clare bethany gillian \
    jade pauline elisabeth margareta eva kristina birgitta karin marie elisabet ingrid sofia \
    linnéa lena kamila ewa blanka olga kalina klara urszula kaja marianna kornelia justyna monika \
    adrianna grace joy patience esther blessing charity hope gloria agnes peace comfort juliet \
    ruth faith abril adela adriana alejandra alma amalia amelia ana anabel ángela angélica antonia \
    araceli arcelia ariadna asunción aurora beatriz berta blanca camila caridad carla carlota \
    carmen carolina catalina cecilia celia clara claudia concepción cristina daniela débora delia \
    dolores dulce elena elisa elvira emilia esmeralda esperanza estefanía estela eugenia fabiola \
    florencia francisca gabriela georgina alice alícia bianca bruna bárbara catarina eduarda \
    helena isabel isabela joana juliana júlia lara larissa letícia lorena luana luna luísa mariana \
    adélaïde adèle adrienne agathe agnès aimée alexandrie alix alexandria amélie anaïs anastasie \
    andrée anouk antoinette arnaude astrid audrey aurélie aurore bernadette brigitte capucine \
    cécile céline",
);
/// Calls `f` with `word` in lower case, without allocating for the short
/// ASCII words the word lists hold.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
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
            &INTRODUCTORY,
            &QUANTIFIERS,
            &GROUP_HEADS,
            &ANONYMOUS_HEADS,
            &PARTISAN_HEADS,
            &SPOKES_HEADS,
            &ROLE_HEADS,
            &OFFICE_HEADS,
            &INSTITUTION_HEADS,
            &DOCUMENT_HEADS,
            &ORGANISATION_WORDS,
            &TITLES,
            &CONNECTORS,
            &MONTHS_AND_DAYS,
            &SENTENCE_OPENERS,
            &PLACE_WORDS,
            &REGIONS,
            &crate::attribution::claims::COMMANDS,
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
