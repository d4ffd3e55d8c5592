//! Attribution: who says so? Finds reporting frames ("X said", "said X",
//! "according to X", "X told reporters"), pairs quotations with speakers,
//! resolves "he"/"she" to the last named person, merges mentions of one
//! source, and decides for every sentence whether it is attributed to a named
//! source, a vague one, or none.

use crate::chars::{char_at, is_alphanumeric};
use crate::hash::fnv1a;
use crate::segment::{OverlapCursor, Quotation, Segments};
use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    Named,
    Vague,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Organisation,
    Document,
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    /// Byte ranges of each mention as a source.
    pub mentions: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SentenceAttribution {
    pub attribution: Attribution,
    /// Index into `Analysis::sources`.
    pub source: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Analysis {
    pub sentences: Vec<SentenceAttribution>,
    pub sources: Vec<Source>,
    /// Per quotation (same order as `Segments::quotations`): whether a speaker was found.
    pub quotation_has_speaker: Vec<bool>,
}

#[derive(Debug, Clone, PartialEq)]
enum Subject {
    Named { name: String, kind: SourceKind },
    Pronoun { person: bool },
    Vague(String),
}

#[derive(Debug, Clone)]
struct Frame {
    subject: Subject,
    /// Where the subject is written.
    range: Range<usize>,
}

#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    /// `text` in lower case, computed once: every rule compares it.
    lowercase: std::borrow::Cow<'a, str>,
    range: Range<usize>,
    /// Whether the first character is upper case / alphanumeric; the rules
    /// ask this of every token many times.
    capitalized: bool,
    word: bool,
}

impl Token<'_> {
    fn lower(&self) -> &str {
        &self.lowercase
    }
    fn is_capitalized(&self) -> bool {
        self.capitalized
    }
    fn is_word(&self) -> bool {
        self.word
    }
}

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
static SKIPPABLE: WordList = WordList::new(&[
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

const PERSON_PRONOUNS: &[&str] = &["he", "she"];
const OTHER_PRONOUNS: &[&str] = &["it"];
/// The author and the reader are nobody's source.
const NON_SOURCE_PRONOUNS: &[&str] = &[
    "i", "we", "you", "they", "me", "us", "one", "there", "this", "that", "who", "which",
];

/// Heads of unidentifiable sources.
static VAGUE_HEADS: WordList = WordList::new(&[
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
static INSTITUTION_HEADS: WordList = WordList::new(&[
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
static DOCUMENT_HEADS: WordList = WordList::new(&[
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
static ORGANISATION_WORDS: WordList = WordList::new(&[
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
static TITLES: WordList = WordList::new(&[
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

static CONNECTORS: WordList = WordList::new(&[
    "of", "for", "the", "de", "van", "von", "der", "al", "bin", "du", "da", "and", "&", "on",
]);

/// Calls `f` with `word` in lower case, without allocating for the short
/// ASCII words the word lists hold.
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
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

/// The sentence's tokens. `ascii_lower` is the sentence lower-cased when it
/// is all ASCII (see `ascii_lowercase_into`): tokens borrow their lower case
/// from it, instead of one allocation per capitalised word.
fn tokenize<'a>(
    text: &'a str,
    range: Range<usize>,
    ascii_lower: Option<&'a str>,
) -> Vec<Token<'a>> {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut tokens = Vec::with_capacity(slice.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(slice, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        if is_alphanumeric(c) {
            while end < bytes.len() {
                let byte = bytes[end];
                if byte.is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                // Any other ASCII character but these three ends the word.
                if byte.is_ascii() && !matches!(byte, b'.' | b'\'' | b'-') {
                    break;
                }
                let next = char_at(slice, end);
                let after = end + next.len_utf8();
                let joins = matches!(next, '.' | '\'' | '’' | '-' | '‑')
                    && slice[after..].chars().next().is_some_and(is_alphanumeric);
                // "Workers' Union": a plural possessive keeps its apostrophe.
                let plural_possessive = matches!(next, '\'' | '’')
                    && slice[..end].ends_with('s')
                    && slice[after..]
                        .chars()
                        .next()
                        .is_none_or(char::is_whitespace);
                if is_alphanumeric(next) || joins || plural_possessive {
                    end = after;
                } else {
                    break;
                }
            }
        }
        let text = &slice[i..end];
        let lowercase = if let Some(lower) = ascii_lower {
            std::borrow::Cow::Borrowed(&lower[i..end])
        } else if text.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(text.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        tokens.push(Token {
            text,
            lowercase,
            range: range.start + i..range.start + end,
            capitalized: c.is_uppercase(),
            word: is_alphanumeric(c),
        });
        i = end;
    }
    tokens
}

/// All-ASCII `text` in lower case: itself when it has no capitals, else
/// written into `buffer` (reused from call to call); `None` when it is not
/// all ASCII.
fn ascii_lowercase_into<'a>(text: &'a str, buffer: &'a mut String) -> Option<&'a str> {
    if !text.is_ascii() {
        return None;
    }
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(text);
    }
    buffer.clear();
    buffer.push_str(text);
    buffer.make_ascii_lowercase();
    Some(buffer)
}

fn inside(range: &Range<usize>, quotations: &[Quotation]) -> bool {
    quotations
        .iter()
        .any(|q| q.inner.start <= range.start && range.end <= q.inner.end)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// A capitalised run ending at `end` (inclusive), walking left.
fn name_left(tokens: &[Token], end: usize) -> Option<Range<usize>> {
    let mut start = end;
    if !tokens[end].is_capitalized() {
        return None;
    }
    while start > 0 {
        let prev = &tokens[start - 1];
        if prev.is_capitalized() && prev.is_word() {
            start -= 1;
        } else if start >= 2
            && CONNECTORS.contains(prev.lower())
            && tokens[start - 2].is_capitalized()
        {
            start -= 2;
        } else if start >= 3
            && prev.lower() == "the"
            && ["of", "for", "at"].contains(&tokens[start - 2].lower())
            && tokens[start - 3].is_capitalized()
        {
            start -= 3;
        } else {
            break;
        }
    }
    Some(start..end + 1)
}

/// A capitalised run starting at `start`, walking right.
fn name_right(tokens: &[Token], start: usize) -> Option<Range<usize>> {
    if !tokens.get(start)?.is_capitalized() || !tokens[start].is_word() {
        return None;
    }
    let mut end = start + 1;
    while end < tokens.len() {
        if tokens[end].is_capitalized() && tokens[end].is_word() {
            end += 1;
        } else if end + 1 < tokens.len()
            && CONNECTORS.contains(tokens[end].lower())
            && tokens[end + 1].is_capitalized()
        {
            end += 2;
        } else if end + 2 < tokens.len()
            && ["of", "for", "at"].contains(&tokens[end].lower())
            && tokens[end + 1].lower() == "the"
            && tokens[end + 2].is_capitalized()
        {
            end += 3;
        } else if tokens[end].text == "."
            && tokens[end - 1].text.chars().count() <= 3
            && end + 1 < tokens.len()
            && tokens[end + 1].is_capitalized()
        {
            end += 1; // "Dr. Priya", "J. Smith"
        } else {
            break;
        }
    }
    Some(start..end)
}

fn phrase_text(text: &str, tokens: &[Token], run: Range<usize>) -> String {
    text[span(tokens, &run)].to_string()
}

fn span(tokens: &[Token], run: &Range<usize>) -> Range<usize> {
    tokens[run.start].range.start..tokens[run.end - 1].range.end
}

/// Classify a token run as a subject.
fn classify(
    text: &str,
    tokens: &[Token],
    run: Range<usize>,
    sentence_start: bool,
) -> Option<Subject> {
    // The run's words in lower case, without a possessive "'s".
    let run_tokens = &tokens[run.clone()];
    let words = || run_tokens.iter().map(|t| strip_possessive(t.lower()));
    let head = words().next_back()?.trim_end_matches('.');
    if run.len() == 1 {
        if PERSON_PRONOUNS.contains(&head) {
            return Some(Subject::Pronoun { person: true });
        }
        if OTHER_PRONOUNS.contains(&head) {
            return Some(Subject::Pronoun { person: false });
        }
        if NON_SOURCE_PRONOUNS.contains(&head) {
            return None;
        }
    }
    let capitalized_run = tokens[run.clone()]
        .iter()
        .filter(|t| t.is_capitalized())
        .count();
    let only_sentence_capital = sentence_start && run.start == 0 && capitalized_run == 1;
    if VAGUE_HEADS.contains(head) && (only_sentence_capital || capitalized_run == 0) {
        // The head names the kind of source: "experts", "critics", "officials".
        return Some(Subject::Vague(head.to_string()));
    }
    if DOCUMENT_HEADS.contains(head) && (only_sentence_capital || capitalized_run == 0) {
        return Some(Subject::Named {
            name: phrase_text(text, tokens, run).to_lowercase(),
            kind: SourceKind::Document,
        });
    }
    if INSTITUTION_HEADS.contains(head) && (only_sentence_capital || capitalized_run == 0) {
        let name = phrase_text(text, tokens, run.clone());
        let name = name
            .strip_prefix("a ")
            .or_else(|| name.strip_prefix("an "))
            .unwrap_or(&name);
        let first = tokens[run.start].lower();
        let common = INSTITUTION_HEADS.contains(first) || ["the", "a", "an"].contains(&first);
        let name = if sentence_start && run.start == 0 && common {
            lowercase_first(name)
        } else {
            name.to_string()
        };
        return Some(Subject::Named {
            name,
            kind: SourceKind::Organisation,
        });
    }
    // "the auditor-general", "the harbour master": an identifiable office.
    let office = head
        .split('-')
        .any(|part| TITLES.contains(part) || INSTITUTION_HEADS.contains(part));
    if office && words().next() == Some("the") && capitalized_run <= 1 {
        return Some(Subject::Named {
            name: phrase_text(text, tokens, run).to_lowercase(),
            kind: SourceKind::Organisation,
        });
    }
    if capitalized_run == 0 || !tokens[run.end - 1].is_capitalized() {
        return None;
    }
    if words().all(|w| MONTHS_AND_DAYS.contains(w)) {
        return None;
    }
    // "Dr. Priya Natarajan of the University of Halvorsen": the person speaks.
    if let Some(of) =
        (run.start + 1..run.end).find(|&k| ["of", "at", "from"].contains(&tokens[k].lower()))
    {
        let person = phrase_text(text, tokens, run.start..of);
        let bare = clean_name(&person, SourceKind::Person);
        let org_like = bare.split_whitespace().any(|w| {
            with_lowercase(w, |w| {
                ORGANISATION_WORDS.contains(strip_possessive(w).trim_end_matches('.'))
            })
        });
        if !org_like && bare.split_whitespace().count() >= 2 {
            return Some(Subject::Named {
                name: person,
                kind: SourceKind::Person,
            });
        }
    }
    if only_sentence_capital && run.len() == 1 && words().all(is_common_sentence_opener) {
        return None;
    }
    let name = phrase_text(text, tokens, run);
    // Titles and a leading acronym ("UN Under-Secretary-General …") are not the name.
    let bare = clean_name(&name, SourceKind::Person);
    let kind = if bare.split_whitespace().any(|w| {
        with_lowercase(w, |w| {
            ORGANISATION_WORDS.contains(strip_possessive(w).trim_end_matches(['.', '\'', '’']))
        })
    }) || (run_tokens.len() == 1 && tokens_all_caps(&name))
    {
        SourceKind::Organisation
    } else {
        SourceKind::Person
    };
    Some(Subject::Named {
        name: name.trim_end_matches(['’', '\'']).to_string(),
        kind,
    })
}

static MONTHS_AND_DAYS: WordList = WordList::new(&[
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

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn tokens_all_caps(name: &str) -> bool {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

fn is_common_sentence_opener(word: &str) -> bool {
    static OPENERS: WordList = WordList::new(&[
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
    OPENERS.contains(word)
}

/// The noun phrase of a lower-case head: "the port authority", "a spokeswoman".
fn lowercase_phrase_left(tokens: &[Token], end: usize) -> Range<usize> {
    let mut start = end;
    for back in 1..=4 {
        let Some(i) = end.checked_sub(back) else {
            break;
        };
        let t = &tokens[i];
        if !t.is_word() {
            break;
        }
        let lower = t.lower();
        if [
            "the", "a", "an", "one", "some", "many", "most", "several", "two", "three",
        ]
        .contains(&lower)
        {
            start = i;
            break;
        }
        if ["its", "his", "her", "their", "our", "my", "your"].contains(&lower) {
            break; // "its press office" is "press office"
        }
        if is_reporting_verb(lower)
            || [
                "that", "and", "or", "but", "while", "as", "because", "if", "when", "who", "which",
                "to", "of", "in", "on", "at", "with", "by", "for",
            ]
            .contains(&lower)
        {
            break;
        }
        if t.is_capitalized()
            || lower.ends_with("'s")
            || lower.ends_with("’s")
            || lower.chars().all(char::is_alphabetic)
        {
            start = i;
        }
    }
    start..end + 1
}

fn subject_left(text: &str, tokens: &[Token], verb: usize) -> Option<Frame> {
    let mut j = verb.checked_sub(1)?;
    let mut passive = false;
    while SKIPPABLE.contains(tokens[j].lower())
        || ["be", "been", "being"].contains(&tokens[j].lower())
        || (tokens[j].lower().ends_with("ly")
            && !tokens[j].is_capitalized()
            && tokens[j].text.len() > 3)
    {
        passive |= ["is", "was", "are", "were", "be", "been", "being"].contains(&tokens[j].lower());
        j = j.checked_sub(1)?;
    }
    // "It is widely believed …": a passive with a dummy subject names nobody.
    if passive && ["it", "this", "that"].contains(&tokens[j].lower()) {
        return Some(Frame {
            subject: Subject::Vague("unnamed".into()),
            range: tokens[j].range.start..tokens[verb].range.end,
        });
    }
    if passive {
        return None;
    }
    // "Maria Keller, a spokeswoman for the port authority, said"
    if tokens[j].text == "," {
        let open = (j.saturating_sub(16)..j)
            .rev()
            .find(|&k| tokens[k].text == ",")?;
        let before = open.checked_sub(1)?;
        return subject_at(text, tokens, before);
    }
    subject_at(text, tokens, j)
}

fn subject_at(text: &str, tokens: &[Token], j: usize) -> Option<Frame> {
    let token = &tokens[j];
    if !token.is_word() {
        return None;
    }
    let run = if token.is_capitalized() {
        let run = name_left(tokens, j)?;
        // Drop a leading "According"/"As" and similar sentence openers.
        let mut start = run.start;
        while start < run.end - 1 && is_common_sentence_opener(tokens[start].lower()) {
            start += 1;
        }
        start..run.end
    } else {
        lowercase_phrase_left(tokens, j)
    };
    let subject = classify(text, tokens, run.clone(), true)?;
    Some(Frame {
        subject,
        range: span(tokens, &run),
    })
}

fn subject_right(text: &str, tokens: &[Token], verb: usize) -> Option<Frame> {
    let mut j = verb + 1;
    while tokens.get(j).is_some_and(|t| SKIPPABLE.contains(t.lower())) {
        j += 1;
    }
    let token = tokens.get(j)?;
    if token.is_capitalized() {
        let run = name_right(tokens, j)?;
        let subject = classify(text, tokens, run.clone(), false)?;
        return Some(Frame {
            subject,
            range: span(tokens, &run),
        });
    }
    // "said the port authority", "said police", "said a spokesman for the Pentagon"
    let mut end = j;
    if let Some(name_at) = (j + 1..(j + 4).min(tokens.len())).find(|&k| tokens[k].is_capitalized())
    {
        let roles_only = tokens[j..name_at]
            .iter()
            .all(|t| t.is_word() && !t.is_capitalized())
            && !tokens[j..name_at].iter().any(|t| {
                [
                    "in", "on", "at", "to", "that", "by", "with", "from", "of", "for", "and",
                ]
                .contains(&t.lower())
            });
        if roles_only {
            if let Some(run) = name_right(tokens, name_at) {
                if let Some(subject @ Subject::Named { .. }) =
                    classify(text, tokens, run.clone(), false)
                {
                    return Some(Frame {
                        subject,
                        range: span(tokens, &run),
                    });
                }
            }
        }
    }
    while end < tokens.len()
        && end < j + 5
        && tokens[end].is_word()
        && !tokens[end].is_capitalized()
    {
        let lower = strip_possessive(tokens[end].lower()).to_string();
        if [
            "in", "on", "at", "to", "that", "by", "with", "from", "during", "after", "before",
            "of", "for",
        ]
        .contains(&lower.as_str())
            // "…, said it would study the ruling": a clause, not a speaker.
            || NON_SOURCE_PRONOUNS.contains(&lower.as_str())
            || OTHER_PRONOUNS.contains(&lower.as_str())
            || [
                "would", "will", "could", "should", "might", "may", "can", "had", "has", "was",
                "were", "is", "are", "not",
            ]
            .contains(&lower.as_str())
        {
            return None;
        }
        if VAGUE_HEADS.contains(lower.as_str())
            || INSTITUTION_HEADS.contains(lower.as_str())
            || PERSON_PRONOUNS.contains(&lower.as_str())
            || DOCUMENT_HEADS.contains(lower.as_str())
        {
            // "a spokesman for the Pentagon" names the Pentagon.
            if tokens
                .get(end + 1)
                .is_some_and(|t| t.lower() == "for" || t.lower() == "at")
            {
                let mut k = end + 2;
                if tokens.get(k).is_some_and(|t| t.lower() == "the") {
                    k += 1;
                }
                if let Some(run) = name_right(tokens, k) {
                    if let Some(subject @ Subject::Named { .. }) =
                        classify(text, tokens, run.clone(), false)
                    {
                        return Some(Frame {
                            subject,
                            range: span(tokens, &run),
                        });
                    }
                }
            }
            let subject = classify(text, tokens, j..end + 1, false)?;
            return Some(Frame {
                subject,
                range: span(tokens, &(j..end + 1)),
            });
        }
        end += 1;
    }
    None
}

/// "according to X": the phrase up to the next comma or the sentence end.
fn according_to(text: &str, tokens: &[Token], at: usize) -> Option<Frame> {
    let start = at + 2;
    let mut end = start;
    while end < tokens.len() && end < start + 14 && tokens[end].is_word()
        || tokens.get(end).is_some_and(|t| {
            t.text == "." && end + 1 < tokens.len() && tokens[end + 1].is_capitalized()
        })
    {
        end += 1;
    }
    if end == start {
        return None;
    }
    // Prefer a capitalised name inside ("a statement from the Harbour Workers'
    // Union"), the author of a document ("a study by Dr. Priya Natarajan"), or
    // a name in apposition ("figures presented by the finance director, Gloria Mbeki").
    let mut best: Option<Range<usize>> = None;
    let mut by_author = false;
    let mut k = start;
    while k < end {
        if let Some(run) = name_right(tokens, k).filter(|r| r.end <= end) {
            let after_by = k > start && ["by", "from"].contains(&tokens[k - 1].lower())
                || k > start + 1
                    && tokens[k - 1].lower() == "the"
                    && ["by", "from"].contains(&tokens[k - 2].lower());
            if !by_author && (after_by || best.as_ref().is_none_or(|b| run.len() > b.len())) {
                best = Some(run.clone());
                by_author = after_by;
            }
            k = run.end;
        } else {
            k += 1;
        }
    }
    if tokens.get(end).is_some_and(|t| t.text == ",") {
        if let Some(run) = name_right(tokens, end + 1) {
            let closes = tokens
                .get(run.end)
                .is_none_or(|t| matches!(t.text, "," | "." | ";"));
            if closes && best.is_none() {
                best = Some(run);
            }
        }
    }
    let named = best.and_then(|run| Some((classify(text, tokens, run.clone(), false)?, run)));
    if let Some((subject, run)) = named {
        return Some(Frame {
            subject,
            range: span(tokens, &run),
        });
    }
    let head = (start..end).rev().find(|&k| {
        let w = strip_possessive(tokens[k].lower()).to_string();
        VAGUE_HEADS.contains(w.as_str())
            || INSTITUTION_HEADS.contains(w.as_str())
            || DOCUMENT_HEADS.contains(w.as_str())
    })?;
    let phrase_start = if ["the", "a", "an"].contains(&tokens[start].lower()) {
        start + 1
    } else {
        start
    };
    let run = phrase_start..head + 1;
    let subject = classify(text, tokens, run.clone(), false)?;
    Some(Frame {
        subject,
        range: span(tokens, &run),
    })
}

/// Reporting frames of one sentence whose verbs are not inside a quotation.
fn frames(text: &str, tokens: &[Token], quotations: &[Quotation]) -> Vec<Frame> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if inside(&token.range, quotations) {
            continue;
        }
        let lower = token.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|t| t.lower() == "to") {
            found.extend(according_to(text, tokens, i));
            continue;
        }
        if !is_reporting_verb(lower) {
            continue;
        }
        // After a quotation or a comma the subject usually follows: "…,” said Keller.
        let inverted = i > 0 && matches!(tokens[i - 1].text, "”" | "\"" | "," | "’" | "'");
        let frame = if inverted {
            subject_right(text, tokens, i).or_else(|| subject_left(text, tokens, i))
        } else if i == 0 {
            subject_right(text, tokens, i)
        } else {
            // Not inverted: what follows the verb is its object ("I asked her office").
            subject_left(text, tokens, i)
        };
        found.extend(frame);
    }
    // "a spokeswoman for the Vessmark Port Authority": the organisation speaks too.
    for (i, token) in tokens.iter().enumerate() {
        let lower = token.lower();
        if lower.starts_with("spokes") || lower == "representative" || lower == "statement" {
            let mut k = i + 1;
            if !tokens
                .get(k)
                .is_some_and(|t| ["for", "from", "by", "of"].contains(&t.lower()))
            {
                continue;
            }
            k += 1;
            if tokens.get(k).is_some_and(|t| t.lower() == "the") {
                k += 1;
            }
            if let Some(run) = name_right(tokens, k) {
                if let Some(Subject::Named { name, .. }) =
                    classify(text, tokens, run.clone(), false)
                {
                    let range = span(tokens, &run);
                    if !found.iter().any(|f| f.range == range) {
                        found.push(Frame {
                            subject: Subject::Named {
                                name,
                                kind: SourceKind::Organisation,
                            },
                            range,
                        });
                    }
                }
            }
        }
    }
    found
}

/// A merge key for one source: a person's surname without titles, or an
/// organisation's name without "the".
fn clean_name(name: &str, kind: SourceKind) -> String {
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
        (word.len() <= 4 && tokens_all_caps(word))
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

fn surname(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// Words that make a capitalised phrase a place, not a person: "Quay Street".
static PLACE_WORDS: WordList = WordList::new(&[
    "street", "st", "road", "rd", "avenue", "ave", "lane", "square", "park", "bridge", "river",
    "harbour", "harbor", "port", "city", "county", "island", "islands", "mountain", "station",
    "hall", "café", "cafe", "door", "sound", "bay", "beach", "valley", "hill", "hills", "district",
    "quarter", "market", "stadium", "airport", "centre", "center", "gardens", "way", "drive",
]);

/// People named in a sentence outside its quotations ("Councillor Tom
/// Whitcombe"): two or more capitalised words that read as a person.
fn person_mentions(
    text: &str,
    tokens: &[Token],
    quotations: &[Quotation],
) -> Vec<(String, Range<usize>)> {
    let mut found = Vec::new();
    let mut k = 1; // the sentence's first word is capitalised anyway
    while k < tokens.len() {
        match name_right(tokens, k) {
            Some(run)
                if run.len() >= 2
                    && !inside(&tokens[run.start].range, quotations)
                    && !tokens[run.clone()]
                        .iter()
                        .any(|t| PLACE_WORDS.contains(t.lower())) =>
            {
                if let Some(Subject::Named {
                    name,
                    kind: SourceKind::Person,
                }) = classify(text, tokens, run.clone(), false)
                {
                    if clean_name(&name, SourceKind::Person).contains(' ') {
                        found.push((name, span(tokens, &run)));
                    }
                }
                k = run.end;
            }
            Some(run) => k = run.end,
            None => k += 1,
        }
    }
    found
}

/// A person cited only by surname ("Sandvik said") gets the full name the
/// article introduces elsewhere ("the national mediator, Elin Sandvik").
fn complete_surnames(text: &str, sources: &mut [Source]) {
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

#[derive(Default)]
struct SourceBook {
    sources: Vec<Source>,
    /// Per source, its merge keys computed once (every mention is compared
    /// against every source).
    keys: Vec<MergeKeys>,
    /// Names as written, with each kind they came with and the source
    /// `intern` gave them. A source is named the same way many times over;
    /// `merge` gives the same answer again until a source is renamed (a new
    /// source goes last, after every earlier answer).
    seen: std::collections::BTreeMap<String, Vec<(SourceKind, usize)>>,
}

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
    fn add(&mut self, name: &str, kind: SourceKind, at: Range<usize>) -> usize {
        let index = self.intern(name, kind);
        self.sources[index].mentions.push(at);
        index
    }

    /// The source of that name, merged with earlier mentions of it, or a new one.
    fn intern(&mut self, written: &str, kind: SourceKind) -> usize {
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

/// Attribute every sentence. `vague_flag_sentences[i]` says whether a
/// vague-attribution lexicon flag falls in sentence `i`.
pub fn attribute(
    text: &str,
    segments: &Segments,
    vague_flag_sentences: &[bool],
    headline: Option<&Range<usize>>,
) -> Analysis {
    let mut book = SourceBook::default();
    let mut sentences = Vec::with_capacity(segments.sentences.len());
    let mut last_person: Option<usize> = None;
    let mut last_named: Option<usize> = None;
    // The latest person named anywhere (name, byte offset), cited or not.
    let mut last_mentioned: Option<(String, usize)> = None;
    let top_level = &segments.top_level;
    // Per quotation group (numbered densely by the segmenter): its speaker's
    // attribution and source, once known.
    let groups = segments
        .quotations
        .iter()
        .map(|q| q.group + 1)
        .max()
        .unwrap_or(0);
    let mut group_speaker: Vec<Option<Attribution>> = vec![None; groups];
    let mut group_source: Vec<Option<usize>> = vec![None; groups];
    let mut lower_buffer = String::new();
    let mut quotations_in = OverlapCursor::new(top_level);

    for (i, sentence) in segments.sentences.iter().enumerate() {
        if headline == Some(&sentence.range) {
            sentences.push(SentenceAttribution {
                attribution: Attribution::None,
                source: None,
            });
            continue;
        }
        let in_sentence = quotations_in.overlapping(&sentence.range);
        let mut attribution = Attribution::None;
        let mut source = None;
        // One buffer for every sentence's lower case: the tokens borrow it
        // only until the next sentence.
        let lower = ascii_lowercase_into(&text[sentence.range.clone()], &mut lower_buffer);
        let tokens = tokenize(text, sentence.range.clone(), lower);
        let mentions = person_mentions(text, &tokens, in_sentence);
        for frame in frames(text, &tokens, in_sentence) {
            if let Some((name, at)) = mentions
                .iter()
                .rev()
                .find(|(_, at)| at.end <= frame.range.start)
            {
                last_mentioned = Some((name.clone(), at.start));
            }
            match frame.subject {
                Subject::Named { name, kind } => {
                    let index = book.add(&name, kind, frame.range.clone());
                    if kind == SourceKind::Person {
                        last_person = Some(index);
                    }
                    last_named = Some(index);
                    if attribution != Attribution::Named {
                        attribution = Attribution::Named;
                        source = Some(index);
                    }
                }
                Subject::Pronoun { person } => {
                    // "he" is the person named most recently before it, cited or not.
                    let cited_at =
                        last_person.map(|i| book.sources[i].mentions.last().map_or(0, |m| m.start));
                    let newer_mention = last_mentioned
                        .as_ref()
                        .filter(|(_, at)| cited_at.is_none_or(|c| *at > c))
                        .map(|(name, _)| name.clone());
                    let resolved = match newer_mention {
                        Some(name) if person && attribution != Attribution::Named => {
                            let index = book.intern(&name, SourceKind::Person);
                            last_person = Some(index);
                            last_named = Some(index);
                            Some(index)
                        }
                        _ if person => last_person,
                        _ => last_named,
                    };
                    if let Some(index) = resolved.filter(|_| attribution != Attribution::Named) {
                        book.sources[index].mentions.push(frame.range.clone());
                        attribution = Attribution::Named;
                        source = Some(index);
                    }
                }
                Subject::Vague(name) => {
                    book.add(&name, SourceKind::Vague, frame.range.clone());
                    if attribution == Attribution::None {
                        attribution = Attribution::Vague;
                    }
                }
            }
        }
        if attribution == Attribution::None && vague_flag_sentences.get(i).copied().unwrap_or(false)
        {
            attribution = Attribution::Vague;
        }
        // A quotation's speaker attributes every sentence of the quotation.
        for q in in_sentence {
            if attribution != Attribution::None {
                group_speaker[q.group].get_or_insert(attribution);
                if let Some(s) = source {
                    group_source[q.group].get_or_insert(s);
                }
            }
        }
        if let Some((name, at)) = mentions.last() {
            if last_mentioned
                .as_ref()
                .is_none_or(|(_, seen)| *seen < at.start)
            {
                last_mentioned = Some((name.clone(), at.start));
            }
        }
        sentences.push(SentenceAttribution {
            attribution,
            source,
        });
    }

    let mut quotations_in = OverlapCursor::new(top_level);
    // Second pass, in order: a sentence inside a quotation whose speaker is
    // named elsewhere ("“First. Second,” she said."), and a quotation that
    // follows its speaker's sentence in the same paragraph ("Keller said. “…”").
    for (i, sentence) in segments.sentences.iter().enumerate() {
        if sentences[i].attribution != Attribution::None {
            continue;
        }
        let Some(quotation) = quotations_in.overlapping(&sentence.range).first() else {
            continue;
        };
        if let Some(attribution) = group_speaker[quotation.group] {
            sentences[i] = SentenceAttribution {
                attribution,
                source: group_source[quotation.group],
            };
            continue;
        }
        let opens_with_quote = quotation.range.start == sentence.range.start;
        let previous = i
            .checked_sub(1)
            .map(|p| (&segments.sentences[p], &sentences[p]));
        if let Some((prev, attributed)) = previous {
            if opens_with_quote
                && prev.paragraph == sentence.paragraph
                && attributed.attribution != Attribution::None
            {
                let carried = attributed.clone();
                group_speaker[quotation.group] = Some(carried.attribution);
                if let Some(source) = carried.source {
                    group_source[quotation.group] = Some(source);
                }
                sentences[i] = carried;
            }
        }
    }

    complete_surnames(text, &mut book.sources);
    let quotation_has_speaker = segments
        .quotations
        .iter()
        .map(|q| group_speaker[q.group].is_some())
        .collect();
    Analysis {
        sentences,
        sources: book.sources,
        quotation_has_speaker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn run(text: &str) -> (Analysis, Segments) {
        let prose: Vec<Range<usize>> = {
            let mut out = Vec::new();
            let mut start = 0;
            for part in text.split("\n\n") {
                out.push(start..start + part.len());
                start += part.len() + 2;
            }
            out
        };
        let segments = segment(text, &prose, None);
        let none = vec![false; segments.sentences.len()];
        (attribute(text, &segments, &none, None), segments)
    }

    fn attributions(text: &str) -> Vec<(Attribution, Option<String>)> {
        let (analysis, _) = run(text);
        analysis
            .sentences
            .iter()
            .map(|s| {
                (
                    s.attribution,
                    s.source.map(|i| analysis.sources[i].name.clone()),
                )
            })
            .collect()
    }

    fn named(name: &str) -> (Attribution, Option<String>) {
        (Attribution::Named, Some(name.to_string()))
    }

    /// The tokenizer as first written, one char at a time: the fast one
    /// must agree with it.
    fn tokenize_one_char_at_a_time(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
        let slice = &text[range.clone()];
        let mut tokens = Vec::new();
        let mut chars = slice.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = i + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(j, next)) = chars.peek() {
                    let joins = matches!(next, '.' | '\'' | '’' | '-' | '‑')
                        && slice[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    // "Workers' Union": a plural possessive keeps its apostrophe.
                    let plural_possessive = matches!(next, '\'' | '’')
                        && slice[..j].ends_with('s')
                        && slice[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace);
                    if next.is_alphanumeric() || joins || plural_possessive {
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            let text = &slice[i..end];
            let lowercase = if text.is_ascii() {
                if text.bytes().any(|b| b.is_ascii_uppercase()) {
                    std::borrow::Cow::Owned(text.to_ascii_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(text)
                }
            } else if text.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(text.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(text)
            };
            tokens.push(Token {
                text,
                lowercase,
                range: range.start + i..range.start + end,
                capitalized: c.is_uppercase(),
                word: c.is_alphanumeric(),
            });
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn tokenizer_agrees_with_its_definition(
            text in "[a-zA-Z0-9 '’.,\\-‑éÉßЖж中👍\n\t]{0,60}|[a-zA-Z0-9 '.,\\-\n\t]{0,60}",
        ) {
            // Both ways of lower-casing: per token, and borrowed from the
            // sentence lower-cased whole when it is ASCII.
            let mut buffer = String::new();
            let lower = ascii_lowercase_into(&text, &mut buffer);
            let fast = tokenize(&text, 0..text.len(), None);
            let borrowing = tokenize(&text, 0..text.len(), lower);
            let slow = tokenize_one_char_at_a_time(&text, 0..text.len());
            let view = |tokens: &[Token]| -> Vec<(Range<usize>, String, bool, bool)> {
                tokens.iter().map(|t| (t.range.clone(), t.lower().to_string(), t.capitalized, t.word)).collect()
            };
            proptest::prop_assert_eq!(view(&fast), view(&slow));
            proptest::prop_assert_eq!(view(&borrowing), view(&slow));
        }
    }

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

    #[test]
    fn speaker_before_and_after_the_verb() {
        assert_eq!(
            attributions("The port will close, Maria Keller said."),
            [named("Maria Keller")]
        );
        assert_eq!(
            attributions("“We are done,” said Maria Keller, a spokeswoman."),
            [named("Maria Keller")]
        );
        assert_eq!(
            attributions(
                "Maria Keller, a spokeswoman for the port authority, said the port would close."
            ),
            [named("Maria Keller")]
        );
        assert_eq!(
            attributions("“It is over,” police said."),
            [named("police")]
        );
        assert_eq!(
            attributions("The Pentagon said it had no comment."),
            [named("Pentagon")]
        );
    }

    #[test]
    fn according_to_names_people_organisations_and_documents() {
        assert_eq!(
            attributions("Wages fell, according to a statement from the Harbour Workers' Union."),
            [named("Harbour Workers' Union")]
        );
        assert_eq!(
            attributions("The vote was close, according to meeting minutes."),
            [named("meeting minutes")]
        );
        assert_eq!(
            attributions("Prices rose, according to sources.")[0].0,
            Attribution::Vague
        );
    }

    #[test]
    fn merges_mentions_and_resolves_pronouns() {
        let text = "UN Under-Secretary-General Stephen O'Brien said aid was blocked. He also stressed that time was short. Under-Secretary O'Brien added that talks continue. The weather was cold.";
        let (analysis, _) = run(text);
        assert_eq!(analysis.sources.len(), 1, "{:?}", analysis.sources);
        assert_eq!(analysis.sources[0].name, "Stephen O'Brien");
        assert_eq!(analysis.sources[0].mentions.len(), 3);
        let kinds: Vec<Attribution> = analysis.sentences.iter().map(|s| s.attribution).collect();
        assert_eq!(
            kinds,
            [
                Attribution::Named,
                Attribution::Named,
                Attribution::Named,
                Attribution::None
            ]
        );
    }

    #[test]
    fn a_pronoun_is_the_person_named_last_even_if_not_yet_cited() {
        let text = "Keller said the port was shut. Councillor Tom Whitcombe spoke next. He told the meeting it was a disgrace.";
        assert_eq!(attributions(text)[2], named("Tom Whitcombe"));
    }

    #[test]
    fn places_are_not_people_and_objects_are_not_speakers() {
        let text = "Nadia Farouk, who owns a café on Quay Street, said takings fell. “It brings people,” she said.";
        assert_eq!(attributions(text)[1], named("Nadia Farouk"));
        let text = "When I asked her office for comment, a spokesperson for Brennick Borough Council said only that rules were followed.";
        let (analysis, _) = run(text);
        let names: Vec<&str> = analysis.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Brennick Borough Council"]);
    }

    #[test]
    fn a_clause_after_said_is_not_a_speaker() {
        let text = "The State Water Services Regulator, which oversees the utility's licence, said it would study the judgment.";
        assert_eq!(
            attributions(text),
            [named("State Water Services Regulator")]
        );
    }

    #[test]
    fn vague_sources_are_vague() {
        assert_eq!(
            attributions("Experts say the plan will fail.")[0].0,
            Attribution::Vague
        );
        assert_eq!(
            attributions("Critics argued that the fee was too high.")[0].0,
            Attribution::Vague
        );
        assert_eq!(attributions("The plan will fail.")[0].0, Attribution::None);
    }

    #[test]
    fn a_quotation_speaker_covers_every_sentence_of_the_quotation() {
        let text =
            "“We waited all night. Nobody came. Then the water rose,” said Dr. Priya Natarajan.";
        let (analysis, segments) = run(text);
        assert_eq!(segments.sentences.len(), 3);
        assert!(analysis
            .sentences
            .iter()
            .all(|s| s.attribution == Attribution::Named));
        assert_eq!(analysis.sources[0].name, "Priya Natarajan");
    }

    #[test]
    fn verbs_inside_quotations_are_the_speakers_words() {
        let text = "“Critics said it would fail,” Hale told reporters.";
        assert_eq!(attributions(text), [named("Hale")]);
    }

    #[test]
    fn a_quotation_after_its_speakers_sentence_is_theirs() {
        let text = "“Stay calm,” Dahl said. “If this runs on, shelves empty. Who pays for that?” The weather was mild.";
        let kinds: Vec<Attribution> = run(text)
            .0
            .sentences
            .iter()
            .map(|s| s.attribution)
            .collect();
        assert_eq!(
            kinds,
            [
                Attribution::Named,
                Attribution::Named,
                Attribution::Named,
                Attribution::None
            ]
        );
        assert_eq!(
            attributions(
                "Prices rose, according to figures published by the port authority in January."
            )[0]
            .0,
            Attribution::Named
        );
    }

    #[test]
    fn studies_with_named_authors_are_named() {
        let text = "A 2024 study published in the Journal of Coastal Ecology by Dr. Priya Natarajan found that reefs recovered.";
        assert_eq!(attributions(text)[0].0, Attribution::Named);
    }
}
