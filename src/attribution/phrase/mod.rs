//! Reading the noun phrase that says who speaks: "Some hospital managers",
//! "A Corps spokesman", "Gov. Janet Mills's office", "people familiar with
//! the bidding", "the district's revised schedule", "Teodoro Vasquez".
//!
//! A phrase is read from its structure, not matched against a list of
//! phrases: determiner or quantifier, possessive owner, modifiers, head, and
//! what follows the head ("at the University of Castlebrook", "who asked
//! not to be named"). The head decides what kind of source it is; the words
//! around it decide whether the source can be identified:
//!
//! - a hedge anywhere ("close to", "familiar with", "anonymity", "not to be
//!   named") makes any phrase vague;
//! - a quantifier ("several", "a growing number of", "two") or a bare plural
//!   ("Economists", "Patient groups") makes a group of unnamed people vague;
//! - a possessive decides by what is owned: "the mayor's allies" do not
//!   speak for the mayor (vague), "the governor's office" does (the
//!   governor), "the council's budget papers" are a document;
//! - a spokesperson speaks for the body named beside them ("A Department of
//!   Health spokesperson", "a spokeswoman for the trust");
//! - a definite "the agency", "the estimates" or "its forecasters" stands
//!   for a source cited before, which `attribute` looks up;
//! - a capitalised name is a person, an organisation, a document — or a
//!   place or a date, which is no source — by the evidence `name_kind`
//!   weighs: titles and roles, "the" before it, organisation and place
//!   words, given names, what the article already knows.
//!
//! Every walk here is bounded by the phrase, which the frame finders bound
//! in turn, so reading costs time in proportion to the phrase.

use super::tokens::{name_left, span, Token};
use super::words::{
    all_caps, is_common_sentence_opener, participle_like, strip_possessive, with_lowercase,
    WordList, ANONYMOUS_HEADS, ARTICLES, AUTHOR_HEADS, AUTHOR_MARKERS, DEFINITE, DOCUMENT_HEADS,
    DOCUMENT_NAMES, GENERIC_BODIES, GIVEN_NAMES, GROUP_HEADS, GROUP_OF, HEDGES,
    IDENTIFIABLE_PLURALS, INSTITUTION_HEADS, INTRODUCTORY, MONTHS_AND_DAYS, NON_SOURCE_PRONOUNS,
    OFFICE_HEADS, ORGANISATION_WORDS, PARTISAN_HEADS, PERSON_PRONOUNS, PLACE_PREPOSITIONS,
    PLACE_WORDS, POSSESSIVES, POST_MODIFIERS, PRE_SUBJECT, QUANTIFIERS, RECEIVED, REGIONS,
    ROLE_HEADS, SKIPPABLE, SPOKES_HEADS, TITLES, UNIVERSALS,
};
use super::SourceKind;
use std::ops::Range;

mod heads;
mod names;

pub(super) use names::*;

/// Plural bodies that "the two …" or "both …" may count.
const COUNTED_BODIES: &[&str] = &[
    "governments",
    "companies",
    "countries",
    "sides",
    "parties",
    "firms",
    "banks",
    "ministries",
    "agencies",
    "unions",
    "clubs",
    "councils",
    "groups",
    "airlines",
    "campaigns",
    "teams",
];

/// Why a source cannot be identified; each reason has its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vagueness {
    /// "several economists", "Patient groups", "a growing number of residents".
    Group,
    /// "a source", "one veteran officer", "a pal".
    Anonymous,
    /// "people familiar with the talks", "who asked not to be named".
    Hedged,
    /// "It is widely believed", "it has long been understood".
    Impersonal,
    /// "Thorn's defenders", "the mayor's allies".
    Partisan,
    /// "The Beacon understands": the publication's own unnamed sources.
    Publication,
    /// "I am told", "The traders I speak to": the author's unnamed sources.
    Author,
    /// "Anyone in the Red Lion will tell you".
    Universal,
    /// "Figures show", "a recent study found": documents nobody can find.
    Unnamed,
}

impl Vagueness {
    /// The explanation a flag of this kind carries.
    pub fn explanation(self) -> &'static str {
        match self {
            Vagueness::Group => "The claim is put in the mouths of a group nobody can check: which of them, how many, and on what evidence is not said.",
            Vagueness::Anonymous => "An unnamed source: the reader cannot tell who they are, what they know, or what stake they have.",
            Vagueness::Hedged => "Anonymous sourcing: the source is described only by closeness or access, not by name or role.",
            Vagueness::Impersonal => "An impersonal passive: believed, said or understood by whom? The sentence names nobody who holds the view.",
            Vagueness::Partisan => "Attributed to someone's allies or opponents as a group: partisan, unnamed and uncountable.",
            Vagueness::Publication => "The publication vouches for the claim itself, resting on sources it does not name.",
            Vagueness::Author => "The author's own unnamed informants: nobody the reader can check.",
            Vagueness::Universal => "Attributed to everyone or anyone: a claim of consensus with no one behind it.",
            Vagueness::Unnamed => "Documents or figures cited without saying whose they are or where to find them.",
        }
    }

    /// A vague attribution the reader should look at twice (2) or once (1).
    pub fn severity(self) -> u8 {
        match self {
            Vagueness::Hedged | Vagueness::Anonymous | Vagueness::Publication => 1,
            _ => 2,
        }
    }
}

/// "31-year-old": an age that stands for a person.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Who a phrase says speaks.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Subject {
    Named {
        name: String,
        kind: SourceKind,
    },
    /// "the agency", "the estimates": the source of this kind cited before
    /// whose name has `head`; or, for a generic body ("the company"), the
    /// body cited last. `phrase` names it if there is none.
    Definite {
        phrase: String,
        head: String,
        kind: SourceKind,
    },
    Pronoun(Pronoun),
    Vague {
        phrase: String,
        why: Vagueness,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// "he", "she", "his office".
    Person,
    /// "it", "its forecasters", "its website".
    Thing,
    /// "they".
    Plural,
}

/// A phrase read: who, whether the head is plural (a base-form verb needs a
/// plural subject: "economists estimate"), and whether it is a document
/// (which may be the subject of any verb: "the schedule moves the start").
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reading {
    pub(super) subject: Subject,
    pub(super) plural: bool,
    pub(super) document: bool,
    /// Researchers or a research team ("Researchers at the University of
    /// Castlebrook", "the team"): what they measured is their finding.
    pub(super) research: bool,
    /// A lone capitalised word read as a person with nothing else to tell:
    /// a frame takes it only with a plain verb of speech.
    pub(super) weak: bool,
    /// A definite group ("the so-called experts backing the bill"): vague
    /// when it speaks, but what it believes or knows is the author's claim
    /// about it ("the companies that make these devices understand").
    pub(super) definite_group: bool,
    /// Token range of the phrase as read.
    pub(super) tokens: Range<usize>,
}

/// What the article has said so far, which a name is weighed against.
pub(super) trait Known {
    /// Whether `word` (lower case) is the surname of a person cited or named.
    fn person(&self, word: &str) -> bool;
    /// Whether `word` (lower case) is the surname of a person named in full
    /// so far, cited or not.
    fn named_in_full(&self, _word: &str) -> bool {
        false
    }
}

/// Reads `tokens[range]` as a subject phrase.
pub(super) fn read(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    known: &dyn Known,
) -> Option<Reading> {
    let Range { mut start, mut end } = range;
    // Words before a subject that belong to no one, and trailing punctuation.
    while start < end
        && (!tokens[start].is_word() || PRE_SUBJECT.contains(&tokens[start].lower()))
        && !(tokens[start].is_word() && start + 1 == end)
    {
        start += 1;
    }
    // "Last week the council", "On Monday the agency": a time first.
    if end - start > 2
        && matches!(
            tokens[start].lower(),
            "last" | "this" | "next" | "on" | "earlier" | "late"
        )
        && MONTHS_AND_DAYS.contains(time_word(tokens[start + 1].lower()))
    {
        start += 2;
    }
    while end > start && !tokens[end - 1].is_word() {
        end -= 1;
    }
    if start >= end || tokens[start..end].iter().any(|t| t.is_quoted()) {
        return None;
    }
    // "…, who spoke on condition of anonymity, said": a relative clause
    // describes the source before it; it is no source of its own.
    if matches!(tokens[start].lower(), "who" | "whom" | "whose" | "which") {
        return None;
    }
    let phrase = Phrase {
        text,
        tokens,
        start,
        end,
        known,
    };
    phrase.read()
}

/// "night" in "last night" is a time like "Monday".
fn time_word(word: &str) -> &str {
    match word {
        "night" | "week" | "month" | "year" | "morning" | "evening" | "afternoon" => "today",
        other => other,
    }
}

struct Phrase<'p, 'a> {
    text: &'a str,
    tokens: &'p [Token<'a>],
    start: usize,
    end: usize,
    known: &'p dyn Known,
}

impl Phrase<'_, '_> {
    fn lower(&self, i: usize) -> &str {
        self.tokens[i].lower()
    }

    fn reading(&self, subject: Subject, plural: bool) -> Option<Reading> {
        let document = matches!(
            subject,
            Subject::Named {
                kind: SourceKind::Document,
                ..
            } | Subject::Definite {
                kind: SourceKind::Document,
                ..
            }
        );
        let research = !document
            && matches!(subject, Subject::Named { .. } | Subject::Definite { .. })
            && (self.start..self.end).any(|k| {
                matches!(
                    self.lower(k),
                    "researchers"
                        | "scientists"
                        | "team"
                        | "authors"
                        | "investigators"
                        | "researcher"
                )
            });
        Some(Reading {
            subject,
            plural,
            document,
            research,
            weak: false,
            definite_group: false,
            tokens: self.start..self.end,
        })
    }

    fn vague(&self, why: Vagueness, plural: bool) -> Option<Reading> {
        self.reading(
            Subject::Vague {
                phrase: self.text_of(self.start..self.end),
                why,
            },
            plural,
        )
    }

    /// The text of tokens `range`, a capital that only opens the sentence
    /// lowered ("People familiar with …" is "people familiar with …").
    fn text_of(&self, range: Range<usize>) -> String {
        let mut s = self.text[span(self.tokens, &range)].to_string();
        let first = &self.tokens[range.start];
        let opener = range.start == 0 || !self.tokens[range.start - 1].is_word();
        let common = !first.text.chars().skip(1).any(char::is_uppercase)
            && (is_common_sentence_opener(first.lower())
                || people_word(first.lower())
                || DOCUMENT_HEADS.contains(first.lower())
                || INSTITUTION_HEADS.contains(first.lower()));
        if opener && common && first.is_capitalized() {
            if let Some(c) = s.chars().next() {
                s = c.to_lowercase().collect::<String>() + &s[c.len_utf8()..];
            }
        }
        s
    }

    fn read(&self) -> Option<Reading> {
        let (start, end) = (self.start, self.end);
        if let Some(plural) = self.hedged() {
            return self.vague(Vagueness::Hedged, plural);
        }
        let first = self.lower(start);
        // "a sum he described as …", "the figure she gave": an object
        // relative clause, whose subject is the pronoun.
        if end - start >= 2
            && PERSON_PRONOUNS.contains(&self.lower(end - 1))
            && self.tokens[end - 2].is_word()
            && !matches!(self.lower(end - 2), "and" | "or" | "nor" | "than" | "as")
        {
            let mut reading = self.reading(Subject::Pronoun(Pronoun::Person), false)?;
            reading.tokens = end - 1..end;
            return Some(reading);
        }
        // "admitted the 31-year-old": a person named before, as "he" or "she"
        // would be. ("The 45-year-old victim told police" may be nobody named.)
        if first == "the" && end - start == 2 && is_age(self.lower(start + 1)) {
            return self.reading(Subject::Pronoun(Pronoun::Person), false);
        }
        if end - start == 1 {
            if PERSON_PRONOUNS.contains(&first) {
                return self.reading(Subject::Pronoun(Pronoun::Person), false);
            }
            match first {
                "it" => return self.reading(Subject::Pronoun(Pronoun::Thing), false),
                "they" => return self.reading(Subject::Pronoun(Pronoun::Plural), true),
                _ => {}
            }
            if NON_SOURCE_PRONOUNS.contains(&first) {
                return None;
            }
        }
        let no_one = matches!(first, "nobody" | "no-one")
            || first == "no"
                && self
                    .tokens
                    .get(start + 1)
                    .is_some_and(|t| t.lower() == "one");
        // "Nobody disputes that …", "No one doubts …": certainty the author
        // claims (a rule flags it), not anyone who says so.
        if no_one {
            return None;
        }
        if UNIVERSALS.contains(&first) {
            return self.vague(Vagueness::Universal, false);
        }
        if let Some(reading) = self.possessive() {
            return reading;
        }
        if let Some(reading) = self.counted_bodies() {
            return Some(reading);
        }
        if let Some(reading) = self.quantified() {
            return reading;
        }
        self.by_head()
    }

    /// A hedge in the phrase; `Some(plural)` if there is one.
    fn hedged(&self) -> Option<bool> {
        has_hedge(self.tokens, self.start..self.end).then(|| self.head_plural())
    }

    /// Whether the phrase's head (before any post-modifier) is plural.
    fn head_plural(&self) -> bool {
        let head = self.head_index(self.start);
        plural(self.lower(head))
    }

    /// The head of the phrase from `from`: the last word before the first
    /// post-modifier ("managers" in "senior managers at the trust"); a
    /// capitalised name with its connectors ("Bank of England") is whole.
    fn head_index(&self, from: usize) -> usize {
        let mut k = from;
        let mut head = from;
        while k < self.end {
            let token = &self.tokens[k];
            // "The traders I speak to": a relative clause's own subject.
            if k > from && matches!(token.lower(), "i" | "we" | "you" | "he" | "she" | "they") {
                break;
            }
            let opener = k == self.start && (k == 0 || !self.tokens[k - 1].is_word());
            let common = people_word(token.lower()) || DOCUMENT_HEADS.contains(token.lower());
            // "the term sheet City Hall released": a name after a
            // lower-case head, then its verb, is a relative clause's subject.
            if k > from
                && token.is_capitalized()
                && !self.tokens[head].is_capitalized()
                && self.tokens[head].is_word()
            {
                let mut run_end = k + 1;
                while run_end < self.end && self.tokens[run_end].is_capitalized() {
                    run_end += 1;
                }
                let then = self.tokens.get(run_end).filter(|_| run_end < self.end);
                if then.is_some_and(|t| {
                    !t.is_capitalized()
                        && t.is_word()
                        && (t.lower().ends_with("ed") || t.lower().ends_with('s'))
                }) {
                    break;
                }
            }
            if token.is_capitalized() && token.is_word() && !(opener && common) {
                // A name run, with its connectors, is one unit.
                let mut run_end = k + 1;
                while run_end < self.end {
                    let t = &self.tokens[run_end];
                    if t.is_capitalized() && t.is_word() {
                        run_end += 1;
                    } else if run_end + 1 < self.end
                        && matches!(t.lower(), "of" | "for" | "and" | "&" | "de" | "the")
                        && self.tokens[run_end + 1].is_capitalized()
                    {
                        run_end += 2;
                    } else if t.text == "."
                        && run_end + 1 < self.end
                        && self.tokens[run_end + 1].is_capitalized()
                    {
                        run_end += 1;
                    } else {
                        break;
                    }
                }
                head = run_end - 1;
                k = run_end;
                continue;
            }
            // A participle after the head modifies it: "analysts polled on
            // Friday", "a summary released with the schedule".
            let participle = participle_like(token.lower())
                && (k + 1 == self.end
                    || !self.tokens[k + 1].is_word()
                    || POST_MODIFIERS.contains(&self.lower(k + 1))
                    || MONTHS_AND_DAYS.contains(self.lower(k + 1))
                    || matches!(self.lower(k + 1), "last" | "this" | "earlier" | "online"));

            // "The Lakewood, Colorado-based retailer": the comma is inside.
            let based = token.text == ","
                && (k + 1..self.end.min(k + 4)).any(|n| self.lower(n).ends_with("-based"));
            if k > from
                && !based
                && (!token.is_word() || POST_MODIFIERS.contains(&token.lower()) || participle)
            {
                break;
            }
            head = k;
            k += 1;
        }
        head
    }

    /// "X's Y" and "its Y", decided by what is owned.
    fn possessive(&self) -> Option<Option<Reading>> {
        let (start, end) = (self.start, self.end);
        let first = self.lower(start);
        let owner_end = if POSSESSIVES.contains(&first) {
            start + 1
        } else {
            let p = (start..end.saturating_sub(1)).find(|&k| is_possessive(self.tokens[k].text))?;
            // Only a possessive before the head: "Thorn's defenders", not
            // "critics of Thorn's plan".
            if (start..p).any(|k| POST_MODIFIERS.contains(&self.lower(k))) {
                return None;
            }
            p + 1
        };
        if owner_end >= end {
            return None;
        }
        // "the city's own Independent Budget Office": "own" adds nothing.
        let named_from =
            owner_end + usize::from(owner_end + 1 < end && self.lower(owner_end) == "own");
        let owned = &self.tokens[named_from];
        if owned.is_capitalized() {
            // "The state's Fourth District Court of Appeals": the name after
            // a lower-case owner is the subject; "Harbour Workers' Union"
            // is one name.
            let owner_lower = self.tokens[start..owner_end]
                .iter()
                .all(|t| !t.is_capitalized() || is_common_sentence_opener(t.lower()));
            if owner_lower {
                let inner = Phrase {
                    start: named_from,
                    ..*self
                };
                return Some(inner.by_head());
            }
            return None;
        }
        let mut head_from = owner_end;
        while head_from < end && matches!(self.lower(head_from), "own" | "very") {
            head_from += 1;
        }
        if head_from >= end {
            return None;
        }
        let head = self.head_index(head_from);
        let word = strip_possessive(self.lower(head));
        let pronoun = match first {
            "its" => Some(Pronoun::Thing),
            "their" => Some(Pronoun::Plural),
            "his" | "her" => Some(Pronoun::Person),
            _ => None,
        };
        let owner = start..owner_end;
        let whole = self.text_of(start..head + 1);
        let plural_head = plural(word);
        if PARTISAN_HEADS.contains(word) {
            return Some(self.vague(Vagueness::Partisan, plural_head));
        }
        // "Tenants' groups", "Parents' groups that oppose …": people of a
        // kind; but "The workers' committee" is a body.
        let owners = strip_possessive(self.lower(owner_end - 1))
            .trim_end_matches(['\'', '’'])
            .to_string();
        if pronoun.is_none()
            && (plural_common(&owners) || GROUP_HEADS.contains(&owners))
            && (GROUP_HEADS.contains(word) || plural_common(word))
        {
            return Some(self.vague(Vagueness::Group, true));
        }
        // "Its forecasters said": a body's staff speak for it; "her own
        // former staffers" do not speak for her.
        if GROUP_HEADS.contains(word) || ANONYMOUS_HEADS.contains(word) {
            return Some(match pronoun {
                Some(p @ (Pronoun::Thing | Pronoun::Plural)) => {
                    self.reading(Subject::Pronoun(p), plural_head)
                }
                Some(Pronoun::Person) => self.vague(Vagueness::Partisan, plural_head),
                None if ANONYMOUS_HEADS.contains(word) => {
                    self.vague(Vagueness::Anonymous, plural_head)
                }
                // "the university's researchers": the university.
                None => self.owner(owner.clone(), start..head + 1),
            });
        }
        let owner_head = strip_possessive(self.lower(owner_end - 1)).to_string();
        if pronoun.is_none()
            && DOCUMENT_HEADS.contains(&owner_head)
            && !self.tokens[owner_end - 1].is_capitalized()
            || AUTHOR_HEADS.contains(&word)
        {
            // "The study's authors", "the paper's declaration of interests":
            // the document speaks.
            if DOCUMENT_HEADS.contains(&owner_head) {
                return Some(
                    self.reading(
                        Subject::Definite {
                            phrase: self
                                .text_of(owner.clone())
                                .trim_end_matches(['\'', '’', 's'])
                                .to_string(),
                            head: owner_head,
                            kind: SourceKind::Document,
                        },
                        true,
                    ),
                );
            }
        }
        // "Its authors put it bluntly": the work's authors speak for the
        // document or body cited last.
        if AUTHOR_HEADS.contains(&word) {
            if let Some(p @ (Pronoun::Thing | Pronoun::Plural)) = pronoun {
                return Some(self.reading(Subject::Pronoun(p), plural_head));
            }
        }
        if DOCUMENT_HEADS.contains(word) {
            if let Some(p) = pronoun {
                return Some(self.reading(Subject::Pronoun(p), false));
            }
            return Some(self.reading(
                Subject::Named {
                    name: whole,
                    kind: SourceKind::Document,
                },
                plural_head,
            ));
        }
        if matches!(word, "campaign" | "team" | "party" | "foundation") {
            return Some(self.reading(
                Subject::Named {
                    name: trim_article(&whole).to_string(),
                    kind: SourceKind::Organisation,
                },
                false,
            ));
        }
        if SPOKES_HEADS.contains(word) || ROLE_HEADS.contains(word) || OFFICE_HEADS.contains(word) {
            // The owner speaks: "Gov. Janet Mills's office" is the governor,
            // "Crestline's chief executive" the company.
            if let Some(p) = pronoun {
                return Some(self.reading(Subject::Pronoun(p), false));
            }
            return Some(self.owner(owner, start..head + 1));
        }
        if INSTITUTION_HEADS.contains(word) {
            return Some(self.reading(
                Subject::Named {
                    name: trim_article(&whole).to_string(),
                    kind: SourceKind::Organisation,
                },
                false,
            ));
        }
        None
    }

    /// The owner of a possessive as the source: a name, or a definite body.
    /// An owner that is no one in particular ("Spain's fisheries minister",
    /// "Northmark's chief executive") makes the whole an office.
    fn owner(&self, owner: Range<usize>, whole: Range<usize>) -> Option<Reading> {
        let last = owner.end - 1;
        let last_token = &self.tokens[last];
        if last_token.is_capitalized() {
            let run = name_left(self.tokens, last)?;
            let run = run.start.max(owner.start)..run.end;
            let inner = Phrase {
                start: run.start,
                end: run.end,
                ..*self
            };
            let reading = inner.name(run, false);
            let someone = reading.as_ref().is_some_and(|r| !r.weak);
            if !someone {
                return self.reading(
                    Subject::Named {
                        name: self.text_of(whole),
                        kind: SourceKind::Organisation,
                    },
                    false,
                );
            }
            return reading;
        }
        let head = strip_possessive(last_token.lower()).to_string();
        let kind = if DOCUMENT_HEADS.contains(&head) {
            SourceKind::Document
        } else {
            SourceKind::Organisation
        };
        self.reading(
            Subject::Definite {
                phrase: self
                    .text_of(owner.start..last + 1)
                    .trim_end_matches(['\'', '’', 's'])
                    .to_string(),
                head,
                kind,
            },
            false,
        )
    }

    /// "the two governments", "both companies": bodies the article has
    /// named, counted, so no vaguer than "the company". Listed under the
    /// phrase unless a body with the head word was cited.
    fn counted_bodies(&self) -> Option<Reading> {
        let first = self.lower(self.start);
        let counted = match first {
            "both" => self.start + 1,
            "the"
                if self.end - self.start > 2
                    && matches!(
                        self.lower(self.start + 1),
                        "two" | "three" | "four" | "both"
                    ) =>
            {
                self.start + 2
            }
            _ => return None,
        };
        if counted + 1 != self.end {
            return None;
        }
        let head = self.lower(counted);
        if !COUNTED_BODIES.contains(&head) {
            return None;
        }
        self.reading(
            Subject::Definite {
                phrase: self.text_of(self.start..self.end),
                head: head.to_string(),
                kind: SourceKind::Organisation,
            },
            true,
        )
    }

    /// A phrase opened by a quantifier: "several economists", "a growing
    /// number of residents", "one veteran officer", "Another".
    fn quantified(&self) -> Option<Option<Reading>> {
        let (start, end) = (self.start, self.end);
        let first = self.lower(start);
        let mut k = start;
        let group = if matches!(first, "a" | "an" | "the") {
            // "a number of", "a growing number of", "the majority of", "a few".
            let mut j = start + 1;
            while j < end && GROUP_OF.contains(&self.lower(j)) && j < start + 4 {
                j += 1;
            }
            let of = j < end && self.lower(j) == "of";
            if j > start + 1 && (of || self.lower(j - 1) == "few") {
                k = if of { j + 1 } else { j };
                true
            } else {
                false
            }
        } else if first == "not"
            && end - start > 1
            && matches!(self.lower(start + 1), "all" | "every" | "many")
        {
            k = start + 2;
            true
        } else if QUANTIFIERS.contains(first) && !matches!(first, "a" | "an")
            || first.bytes().all(|b| b.is_ascii_digit())
        {
            k = start + 1;
            true
        } else {
            false
        };
        if !group {
            if matches!(first, "a" | "an") {
                return self.indefinite();
            }
            return None;
        }
        // "One of those groups", "some of the residents".
        if k < end && self.lower(k) == "of" {
            k += 1;
            while k < end
                && (DEFINITE.contains(&self.lower(k)) || POSSESSIVES.contains(&self.lower(k)))
            {
                k += 1;
            }
        }
        if k >= end {
            if first.bytes().all(|b| b.is_ascii_digit()) {
                return Some(None); // a number alone is nobody
            }
            // "Another posted …", "Many believe …".
            let singular = matches!(first, "another" | "one");
            return Some(self.vague(
                if singular {
                    Vagueness::Anonymous
                } else {
                    Vagueness::Group
                },
                !singular,
            ));
        }
        let head = self.head_index(k);
        let word = strip_possessive(self.lower(head));
        let singular = matches!(first, "one" | "another" | "a" | "an" | "each") && !plural(word);
        // "One Nation said": a name, not a quantity.
        if self.tokens[head].is_capitalized() && singular && !is_common_sentence_opener(first) {
            return None;
        }
        if DOCUMENT_HEADS.contains(word) && !GROUP_HEADS.contains(word) {
            return Some(self.vague(Vagueness::Unnamed, !singular));
        }
        if SPOKES_HEADS.contains(word) {
            return Some(self.spokesperson(k, head));
        }
        Some(self.vague(
            if singular {
                Vagueness::Anonymous
            } else {
                Vagueness::Group
            },
            !singular,
        ))
    }

    /// "a …": a spokesperson of a body, a document, or an unnamed person.
    fn indefinite(&self) -> Option<Option<Reading>> {
        // "a" alone (a sentence cut off after it) names no one.
        if self.start + 1 >= self.end {
            return Some(None);
        }
        let head = self.head_index(self.start + 1);
        let word = strip_possessive(self.lower(head)).to_string();
        if self.tokens[head].is_capitalized() {
            return None; // "A Rural Land Stewardship Act …": a name
        }
        if SPOKES_HEADS.contains(&word) {
            return Some(self.spokesperson(self.start + 1, head));
        }
        if DOCUMENT_HEADS.contains(&word) {
            if let Some(author) = self.author(head) {
                return Some(Some(author));
            }
            // Whose it is, before it: "a Treasury report", "a Moorside
            // Council report" name the body that wrote it.
            if let Some(owner) = (self.start + 1..head).find(|&k| self.tokens[k].is_capitalized()) {
                return Some(self.reading(
                    Subject::Named {
                        name: self.text_of(owner..self.described_end(head)),
                        kind: SourceKind::Document,
                    },
                    false,
                ));
            }
            // Identified by what follows it ("a study commissioned by the
            // city", "a trial published on Wednesday"), or not.
            let described = head + 1 < self.end
                && (self.lower(head + 1).ends_with("ed")
                    || AUTHOR_MARKERS.contains(&self.lower(head + 1))
                    || matches!(
                        self.lower(head + 1),
                        "in" | "with" | "to" | "seen" | "shown" | "sent"
                    ));
            if described {
                return Some(self.reading(
                    Subject::Named {
                        name: self.text_of(self.start..self.described_end(head)),
                        kind: SourceKind::Document,
                    },
                    false,
                ));
            }
            return Some(self.vague(Vagueness::Unnamed, false));
        }
        if INSTITUTION_HEADS.contains(&word) && !ANONYMOUS_HEADS.contains(&word) {
            return Some(None);
        }
        Some(self.vague(Vagueness::Anonymous, false))
    }
}
