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
    all_caps, is_common_sentence_opener, strip_possessive, with_lowercase, WordList,
    ANONYMOUS_HEADS, ARTICLES, AUTHOR_HEADS, AUTHOR_MARKERS, DEFINITE, DOCUMENT_HEADS,
    DOCUMENT_NAMES, GENERIC_BODIES, GIVEN_NAMES, GROUP_HEADS, GROUP_OF, HEDGES,
    IDENTIFIABLE_PLURALS, INSTITUTION_HEADS, INTRODUCTORY, MONTHS_AND_DAYS, NON_SOURCE_PRONOUNS,
    OFFICE_HEADS, ORGANISATION_WORDS, PARTISAN_HEADS, PERSON_PRONOUNS, PLACE_PREPOSITIONS,
    PLACE_WORDS, POSSESSIVES, POST_MODIFIERS, PRE_SUBJECT, QUANTIFIERS, ROLE_HEADS, SKIPPABLE,
    SPOKES_HEADS, TITLES, UNIVERSALS,
};
use super::SourceKind;
use std::ops::Range;

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
    if start >= end || tokens[start..end].iter().any(|t| t.quoted) {
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
        if UNIVERSALS.contains(&first)
            || first == "no"
                && self
                    .tokens
                    .get(start + 1)
                    .is_some_and(|t| t.lower() == "one")
        {
            return self.vague(Vagueness::Universal, false);
        }
        if let Some(reading) = self.possessive() {
            return reading;
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
            let participle = token.lower().ends_with("ed")
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
        let owned = &self.tokens[owner_end];
        if owned.is_capitalized() {
            // "The state's Fourth District Court of Appeals": the name after
            // a lower-case owner is the subject; "Harbour Workers' Union"
            // is one name.
            let owner_lower = self.tokens[start..owner_end]
                .iter()
                .all(|t| !t.is_capitalized() || is_common_sentence_opener(t.lower()));
            if owner_lower {
                let inner = Phrase {
                    start: owner_end,
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

    /// A spokesperson, with the body they speak for: capitalised words
    /// before the head ("A Department of Health spokesperson"), or "for/of/
    /// at/from" and a name after it; with none, the body cited last.
    fn spokesperson(&self, from: usize, head: usize) -> Option<Reading> {
        let word = self.lower(head).to_string();
        // Capitalised modifiers between the determiner and the head.
        let caps: Vec<usize> = (from..head)
            .filter(|&k| self.tokens[k].is_capitalized())
            .collect();
        if let (Some(&first), Some(&last)) = (caps.first(), caps.last()) {
            let run = first..last + 1;
            let inner = Phrase {
                start: run.start,
                end: run.end,
                ..*self
            };
            if let Some(reading) = inner.name(run, true) {
                if let Subject::Named { name, kind } = reading.subject {
                    let kind = if kind == SourceKind::Document {
                        SourceKind::Organisation
                    } else {
                        kind
                    };
                    return self.reading(Subject::Named { name, kind }, false);
                }
            }
        }
        // "a spokeswoman for the trust", "a spokesman for the Pentagon".
        if head + 1 < self.end
            && matches!(self.lower(head + 1), "for" | "of" | "at" | "from" | "with")
        {
            let mut k = head + 2;
            while k < self.end && ARTICLES.contains(&self.lower(k)) {
                k += 1;
            }
            if k < self.end {
                let body_head = self.head_index(k);
                let body = self.tokens[body_head].lower();
                if self.tokens[k].is_capitalized() {
                    let run = k..body_head + 1;
                    let inner = Phrase {
                        start: k,
                        end: body_head + 1,
                        ..*self
                    };
                    if let Some(reading) = inner.name(run, true) {
                        return Some(reading);
                    }
                } else if INSTITUTION_HEADS.contains(body) {
                    return self.reading(
                        Subject::Definite {
                            phrase: self.text_of(k - 1..body_head + 1),
                            head: body.to_string(),
                            kind: SourceKind::Organisation,
                        },
                        false,
                    );
                }
            }
        }
        // "a council spokeswoman": a lower-case body.
        if let Some(k) = (from..head)
            .rev()
            .find(|&k| INSTITUTION_HEADS.contains(self.lower(k)))
        {
            return self.reading(
                Subject::Definite {
                    phrase: format!("the {}", self.lower(k)),
                    head: self.lower(k).to_string(),
                    kind: SourceKind::Organisation,
                },
                false,
            );
        }
        if word == "statement" {
            return None;
        }
        // "a spokesman said": whoever the story is about.
        self.reading(
            Subject::Definite {
                phrase: String::new(),
                head: String::new(),
                kind: SourceKind::Organisation,
            },
            false,
        )
    }

    /// The phrase by its head: a name, or a lower-case noun.
    fn by_head(&self) -> Option<Reading> {
        let (start, end) = (self.start, self.end);
        let mut from = start;
        let definite = DEFINITE.contains(&self.lower(from));
        if ARTICLES.contains(&self.lower(from)) || DEFINITE.contains(&self.lower(from)) {
            from += 1;
        }
        if from >= end {
            return None;
        }
        let head = self.head_index(from);
        let token = &self.tokens[head];
        if token.is_capitalized() {
            // Only a sentence's capital ("Economists", "Patient groups")?
            let only_opener = head == start
                && (start == 0 || !self.tokens[start - 1].is_word())
                && !token.text.chars().skip(1).any(char::is_uppercase);
            if only_opener && (people_word(token.lower()) || DOCUMENT_HEADS.contains(token.lower()))
            {
                return self.lowercase_head(head, definite);
            }
            let run = name_left(self.tokens, head)?;
            let run = run.start.max(from)..run.end;
            // Role words before the name: "Council leader Martin Cheswick".
            let role = (from..run.start).any(|k| {
                let w = self.lower(k);
                ROLE_HEADS.contains(w) || TITLES.contains(w)
            });
            // A capitalised head after a lower-case role: a name.
            let the = start < run.start && self.lower(run.start - 1) == "the"
                || self.lower(run.start) == "the";
            let inner = Phrase {
                start: run.start,
                end: run.end,
                ..*self
            };
            let mut reading = inner.name_with(run, role, the)?;
            reading.tokens = start..end;
            return Some(reading);
        }
        self.lowercase_head(head, definite)
    }

    /// A lower-case head: "the agency", "Patient groups", "a spokesman".
    fn lowercase_head(&self, head: usize, definite: bool) -> Option<Reading> {
        let word = strip_possessive(self.lower(head)).to_string();
        let word = word.as_str();
        let plural_head = plural(word);
        let bare = !definite && !ARTICLES.contains(&self.lower(self.start));
        // What follows the head: "at the University of Castlebrook".
        let affiliation = self.affiliation(head);
        if SPOKES_HEADS.contains(word) {
            if let Some(reading) = self.spokesperson(self.start, head) {
                return Some(reading);
            }
        }
        if DOCUMENT_HEADS.contains(word) {
            // "Figures for England published by the Health Performance
            // Agency", "figures from the state climatologist's office": the
            // author is the source.
            if let Some(author) = self.author(head) {
                return Some(author);
            }
            if definite {
                return self.reading(
                    Subject::Definite {
                        phrase: self.text_of(self.start..head + 1),
                        head: word.to_string(),
                        kind: SourceKind::Document,
                    },
                    plural_head,
                );
            }
            // "Figures show", "Studies suggest": nobody's documents; but
            // "court records", "meeting minutes", "documents obtained under
            // FOI laws" are particular ones.
            let described = head + 1 < self.end && self.lower(head + 1).ends_with("ed");
            let vague_kind = matches!(
                word,
                "figures"
                    | "data"
                    | "studies"
                    | "study"
                    | "research"
                    | "reports"
                    | "report"
                    | "statistics"
                    | "stats"
                    | "numbers"
                    | "estimates"
                    | "polls"
                    | "surveys"
                    | "poll"
                    | "survey"
                    | "findings"
                    | "analysis"
            );
            if described || !vague_kind {
                return self.reading(
                    Subject::Named {
                        name: self.text_of(self.start..self.described_end(head)),
                        kind: SourceKind::Document,
                    },
                    plural_head,
                );
            }
            return self.vague(Vagueness::Unnamed, plural_head);
        }
        if IDENTIFIABLE_PLURALS.contains(&word) && (bare || definite) {
            return self.reading(
                Subject::Named {
                    name: self.text_of(self.start..head + 1),
                    kind: SourceKind::Organisation,
                },
                true,
            );
        }
        if definite && (INSTITUTION_HEADS.contains(word) || GENERIC_BODIES.contains(&word)) {
            return self.reading(
                Subject::Definite {
                    phrase: self.text_of(self.start..head + 1),
                    head: word.to_string(),
                    kind: SourceKind::Organisation,
                },
                plural_head,
            );
        }
        if definite && OFFICE_HEADS.contains(word) {
            // "the harbour master", "the auditor-general": an identifiable office.
            return self.reading(
                Subject::Named {
                    name: self.text_of(self.start..head + 1).to_lowercase(),
                    kind: SourceKind::Organisation,
                },
                false,
            );
        }
        if GROUP_HEADS.contains(word) || ANONYMOUS_HEADS.contains(word) || plural_common(word) {
            // "Analysts surveyed by MarketLens": the survey's author.
            if head + 1 < self.end && self.lower(head + 1).ends_with("ed") {
                if let Some(author) = self.author(head) {
                    return Some(author);
                }
            }
            // "Researchers at the University of Castlebrook": the university
            // speaks; "Insiders at Redmarsh Police": nobody does.
            if let Some(mut body) = affiliation {
                if !ANONYMOUS_HEADS.contains(word) && bare {
                    body.research = matches!(
                        word,
                        "researchers" | "scientists" | "team" | "investigators"
                    );
                    body.tokens = self.start..self.end;
                    return Some(body);
                }
            }
            if definite && plural_head && GENERIC_BODIES.contains(&word) {
                return self.reading(
                    Subject::Definite {
                        phrase: String::new(),
                        head: String::new(),
                        kind: SourceKind::Organisation,
                    },
                    true,
                );
            }
            let why = if ANONYMOUS_HEADS.contains(word) && !plural_head {
                Vagueness::Anonymous
            } else {
                Vagueness::Group
            };
            if bare || !definite || ANONYMOUS_HEADS.contains(word) {
                return self.vague(why, plural_head);
            }
            // "The traders I speak to": the author's informants. "The
            // companies that make these devices" are what the sentence is
            // about, not who says it.
            let author =
                (head + 1..self.end).any(|k| matches!(self.lower(k), "i" | "we" | "me" | "us"));
            if author {
                return self.vague(Vagueness::Author, plural_head);
            }
            if !plural_head {
                return self.vague(Vagueness::Anonymous, false);
            }
            let mut reading = self.vague(Vagueness::Group, true)?;
            reading.definite_group = true;
            return Some(reading);
        }
        if definite && ROLE_HEADS.contains(word) {
            // "the tenant", "the officer": someone the article does not name.
            return self.vague(Vagueness::Anonymous, false);
        }
        None
    }

    /// Where a described document's name ends: after what describes it and
    /// its first complement — "a situation report circulated to staff",
    /// not "… at Brackenfield Trust"; "a study commissioned by the city",
    /// not "… in 2021". "of" binds ("under Freedom of Information laws").
    fn described_end(&self, head: usize) -> usize {
        let mut k = head + 1;
        let mut prepositions = 0;
        while k < self.end {
            let w = self.lower(k);
            if matches!(
                w,
                "at" | "in"
                    | "on"
                    | "for"
                    | "from"
                    | "with"
                    | "to"
                    | "by"
                    | "under"
                    | "during"
                    | "last"
                    | "this"
                    | "since"
                    | "after"
                    | "before"
            ) {
                prepositions += 1;
                if prepositions == 2 {
                    return k;
                }
            }
            k += 1;
        }
        self.end
    }

    /// A document's author after its head: "by the Health Performance
    /// Agency", "from the state climatologist's office".
    fn author(&self, head: usize) -> Option<Reading> {
        let by =
            (head + 1..self.end.min(head + 8)).find(|&k| matches!(self.lower(k), "by" | "from"))?;
        let mut k = by + 1;
        while k < self.end && ARTICLES.contains(&self.lower(k)) {
            k += 1;
        }
        if k >= self.end {
            return None;
        }
        let inner = Phrase {
            start: k - usize::from(k > by + 1),
            ..*self
        };
        let mut reading = inner.read()?;
        // A lone word that wrote a survey is a body: "surveyed by MarketLens".
        if reading.weak {
            if let Subject::Named { kind, .. } = &mut reading.subject {
                *kind = SourceKind::Organisation;
            }
            reading.weak = false;
        }
        match reading.subject {
            Subject::Named {
                kind: SourceKind::Organisation | SourceKind::Person,
                ..
            }
            | Subject::Definite { .. } => {
                reading.tokens = self.start..self.end;
                Some(reading)
            }
            _ => None,
        }
    }

    /// "… at/of/from the University of Castlebrook": the named body a
    /// person or group belongs to.
    fn affiliation(&self, head: usize) -> Option<Reading> {
        let k = head + 1;
        if k >= self.end || !matches!(self.lower(k), "at" | "of" | "from" | "for" | "with") {
            return None;
        }
        let mut j = k + 1;
        while j < self.end && ARTICLES.contains(&self.lower(j)) {
            j += 1;
        }
        if j >= self.end {
            return None;
        }
        // "at the state Rangeland Board", "of the eight members of the
        // North Atlantic Fisheries Council": the name a few words on.
        if !self.tokens[j].is_capitalized() {
            if let Some(name) = (j + 1..self.end.min(j + 7))
                .find(|&n| self.tokens[n].is_capitalized() && self.tokens[n].is_word())
            {
                if (j..name).all(|n| self.tokens[n].is_word()) {
                    let body_head = self.head_index(name);
                    let inner = Phrase {
                        start: name,
                        end: body_head + 1,
                        ..*self
                    };
                    if let Some(reading) =
                        inner
                            .name_with(name..body_head + 1, false, true)
                            .filter(|r| {
                                matches!(
                                    r.subject,
                                    Subject::Named {
                                        kind: SourceKind::Organisation,
                                        ..
                                    }
                                )
                            })
                    {
                        return Some(reading);
                    }
                }
            }
        }
        if !self.tokens[j].is_capitalized() {
            // "officials from the department": the department cited before.
            let body = self.lower(j);
            if self.lower(j - 1) == "the" && INSTITUTION_HEADS.contains(body) && j + 1 == self.end {
                return self.reading(
                    Subject::Definite {
                        phrase: format!("the {body}"),
                        head: body.to_string(),
                        kind: SourceKind::Organisation,
                    },
                    false,
                );
            }
            return None;
        }
        let body_head = self.head_index(j);
        let run = j..body_head + 1;
        let inner = Phrase {
            start: run.start,
            end: run.end,
            ..*self
        };
        inner
            .name_with(run, false, self.lower(j - 1) == "the")
            .filter(|r| {
                matches!(
                    r.subject,
                    Subject::Named {
                        kind: SourceKind::Organisation,
                        ..
                    }
                )
            })
    }

    fn name(&self, run: Range<usize>, body: bool) -> Option<Reading> {
        let the = run.start > 0 && self.lower(run.start - 1) == "the";
        let reading = self.name_with(run, false, the)?;
        if body {
            if let Subject::Named {
                name,
                kind: SourceKind::Person,
            } = &reading.subject
            {
                // A body named by a single word ("A Ridgeline spokesperson")
                // is an organisation unless a person is known by it.
                if !name.contains(' ') && !self.known.person(&name.to_lowercase()) {
                    return self.reading(
                        Subject::Named {
                            name: name.clone(),
                            kind: SourceKind::Organisation,
                        },
                        false,
                    );
                }
            }
        }
        Some(reading)
    }

    /// A capitalised run as a name, by `name_kind`.
    fn name_with(&self, run: Range<usize>, role: bool, the: bool) -> Option<Reading> {
        let evidence = Evidence {
            role: role || self.role_before(run.start),
            the,
            located: self.located(run.start),
        };
        let (name, kind, weak) = name_kind(self.text, self.tokens, run, evidence, self.known)?;
        let mut reading = self.reading(Subject::Named { name, kind }, false)?;
        reading.weak = weak;
        Some(reading)
    }

    /// A role word right before the run: "mum-of-two Leanne Corbett".
    fn role_before(&self, at: usize) -> bool {
        at > 0 && role_word(&self.tokens[at - 1])
    }

    /// A preposition of place right before the run: "in Cedar Mesa".
    fn located(&self, at: usize) -> bool {
        at > 0 && PLACE_PREPOSITIONS.contains(&self.tokens[at - 1].lower())
    }
}

/// What is known about a capitalised run besides its words.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Evidence {
    /// A title or role before it: "Dr", "Councillor", "boss".
    pub(super) role: bool,
    /// "the" before it: "the Harbour Workers' Union" (never a person).
    pub(super) the: bool,
    /// A preposition of place before it: "in Cedar Mesa".
    pub(super) located: bool,
}

/// What a capitalised run names, with its name as it will be listed: a
/// person, an organisation or a document, and whether it is a lone word
/// read as a person with no evidence but its capital; `None` for a place,
/// a date, or a word capitalised only because it opens the sentence.
pub(super) fn name_kind(
    text: &str,
    tokens: &[Token],
    run: Range<usize>,
    evidence: Evidence,
    known: &dyn Known,
) -> Option<(String, SourceKind, bool)> {
    let mut run = run;
    // A leading "The" is not the name; openers ("According", "However") neither.
    let mut the = evidence.the;
    while run.len() > 1 && is_common_sentence_opener(tokens[run.start].lower()) {
        the |= tokens[run.start].lower() == "the";
        run.start += 1;
    }
    // The run's words in lower case, without a possessive or a full stop:
    // borrowed from the tokens, not allocated. The name itself is written
    // out only when it is returned.
    let words: Vec<(usize, &str)> = (run.clone())
        .filter(|&k| tokens[k].is_word())
        .map(|k| (k, bare_word(&tokens[k])))
        .collect();
    let (&(_, first), &(_, last)) = (words.first()?, words.last()?);
    // A trailing possessive ("Brandt's") is the same name.
    let name = || {
        let name = &text[span(tokens, &run)];
        strip_possessive(name)
            .trim_end_matches(['’', '\''])
            .to_string()
    };
    let given_first = GIVEN_NAMES.contains(first);
    if words.iter().any(|(_, w)| MONTHS_AND_DAYS.contains(w)) && !(given_first || evidence.role) {
        return None; // "England on Thursday", "May and July"
    }
    if run.len() == 1 && is_common_sentence_opener(first) {
        return None;
    }
    // Titles and a leading acronym are not the name ("Dr. Priya
    // Natarajan", "UN Under-Secretary-General Stephen O'Brien"): the bare
    // name is what follows them, as long as a word is left.
    let title_or_acronym = |&(k, w): &(usize, &str)| {
        let t = &tokens[k];
        (t.text.len() <= 4 && all_caps(t.text))
            || TITLES.contains(w)
            || w.split('-').all(|part| TITLES.contains(part))
    };
    let dropped = words[..words.len() - 1]
        .iter()
        .take_while(|w| title_or_acronym(w))
        .count();
    let bare = &words[dropped..];
    // "Dr. Priya Natarajan of the University of Halvorsen": the person
    // speaks, for the body.
    if let Some(of) = bare
        .iter()
        .position(|(_, w)| matches!(*w, "of" | "at" | "from"))
    {
        let person = &bare[..of];
        let person_like = person.len() >= 2
            && (dropped > 0 || GIVEN_NAMES.contains(person[0].1))
            && !person.iter().any(|(_, w)| ORGANISATION_WORDS.contains(w));
        if person_like {
            let end = person[person.len() - 1].0 + 1;
            return Some((
                text[span(tokens, &(run.start..end))].to_string(),
                SourceKind::Person,
                false,
            ));
        }
    }
    // "MP for Brackenfield North", "Secretary of State for Health": a
    // title and what it is for is an office, not a person's name.
    if dropped > 0 && !tokens[bare[0].0].is_capitalized() {
        return Some((name(), SourceKind::Organisation, false));
    }
    let titled = evidence.role || dropped > 0;
    let acronym_lead = run.len() > 1
        && tokens[run.start]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
        && all_caps(tokens[run.start].text);
    // "UN Under-Secretary-General Stephen O'Brien" is a person; "NHS
    // England" is a body.
    let org_word = bare.iter().any(|(_, w)| ORGANISATION_WORDS.contains(w))
        || acronym_lead && !(dropped > 0 && bare.len() >= 2 && !all_caps(tokens[bare[0].0].text));
    if DOCUMENT_NAMES.contains(&last) && (the || run.len() > 1) {
        return Some((name(), SourceKind::Document, false));
    }
    if org_word {
        return Some((name(), SourceKind::Organisation, false));
    }
    // A place ends with its kind ("Quay Street", "Cedar Mesa", "City
    // Hall") or names a region anywhere ("the North West"); a given name
    // first makes it a person ("Jane Hall", "Dale Marchetti"). "St." before
    // a name is a saint.
    let bare_first = bare[0].1;
    let place = !given_first
        && (PLACE_WORDS.contains(last) && !(bare.len() == 1 && last == "st")
            || bare.iter().any(|(_, w)| REGIONS.contains(w)));
    let caps_words = tokens[run.clone()]
        .iter()
        .filter(|t| t.is_word() && t.text.chars().count() > 1 && all_caps(t.text))
        .count();
    if caps_words >= 2 {
        return None; // a dateline: "MARLOWE FALLS"
    }
    if place && !titled {
        return None;
    }
    if run.len() == 1
        && all_caps(tokens[run.start].text)
        && tokens[run.start]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
    {
        return Some((name(), SourceKind::Organisation, false)); // "NATO", "NHS"
    }
    if tokens[run.clone()].iter().any(|t| t.text.contains('&'))
        || words.iter().any(|(_, w)| *w == "and")
    {
        // "Kelderby and Ashcombe", "A&E": two places, or an abbreviation.
        return None;
    }
    if the && !titled {
        return Some((name(), SourceKind::Organisation, false));
    }
    let given = GIVEN_NAMES.contains(bare_first);
    if evidence.located && !titled && !given {
        return None; // "in Cedar Mesa", "at Banco Litoral"
    }
    if bare.len() == 1 {
        if titled || given || known.person(bare_first) {
            return Some((name(), SourceKind::Person, false));
        }
        // A lone capitalised word with nothing known of it: a surname
        // cited alone ("Hale told reporters"), unless it reads as a plural
        // noun opening the sentence.
        if plural_common(bare_first) && run.start == 0 {
            return None;
        }
        return Some((name(), SourceKind::Person, true));
    }
    if bare.len() > 4 {
        return Some((name(), SourceKind::Organisation, false));
    }
    Some((name(), SourceKind::Person, false))
}

/// Words that make any name holding them a region: "the North West".
const REGIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "north-west",
    "north-east",
    "south-west",
    "south-east",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "midlands",
    "england",
    "scotland",
    "wales",
    "ireland",
    "britain",
    "europe",
    "africa",
    "asia",
    "america",
    "americas",
];

/// Whether `tokens[range]` holds a hedge ("close to", "familiar with",
/// "anonymity", "not to be named", "not authorised to"): what makes any
/// phrase a vague source. A scan of the words, each compared by length
/// first with a handful of hedges.
pub(super) fn has_hedge(tokens: &[Token], range: Range<usize>) -> bool {
    let lower = |k: usize| tokens[k].lower();
    range.clone().any(|k| {
        let word = lower(k);
        if !(5..=12).contains(&word.len()) {
            return false;
        }
        let next = tokens.get(k + 1).map_or("", |t| t.lower());
        HEDGES.iter().any(|&(w, after)| {
            word == w
                && (after.is_empty() || after == next)
                // "named" and "identified" hedge only when negated: "not to be named".
                && (!matches!(w, "named" | "identified" | "record")
                    || k >= 2
                        && matches!(lower(k - 1), "be" | "the")
                        && matches!(lower(k - 2), "to" | "off" | "not"))
                // "authorised to speak" hedges only when negated too.
                && (!matches!(w, "authorised" | "authorized" | "permitted" | "allowed")
                    || k >= 1 && matches!(lower(k - 1), "not" | "un"))
        })
    })
}

/// A word of a name in lower case, without a possessive or a full stop.
fn bare_word<'t>(token: &'t Token) -> &'t str {
    strip_possessive(token.lower()).trim_end_matches(['.', '\'', '’'])
}

/// Whether a name is strongly a person's: a given name, a title or role
/// before it, or a role or age after it ("Gwen Hollis, who chairs …",
/// "Tariq Haddad, 57,"). Mentions need this to stand for a later "she".
pub(super) fn person_evidence(tokens: &[Token], run: &Range<usize>, bare: &str) -> bool {
    let given = with_lowercase(bare.split_whitespace().next().unwrap_or(""), |w| {
        GIVEN_NAMES.contains(w)
    });
    let titled = tokens[run.clone()]
        .first()
        .is_some_and(|t| TITLES.contains(t.lower().trim_end_matches('.')))
        || run.start > 0 && role_word(&tokens[run.start - 1]);
    let comma_after = tokens.get(run.end).is_some_and(|t| t.text == ",");
    let apposition = comma_after
        && tokens.get(run.end + 1).is_some_and(|t| {
            let w = t.lower();
            w.bytes().all(|b| b.is_ascii_digit())
                || matches!(w, "who" | "a" | "an" | "the")
                || ROLE_HEADS.contains(w)
        });
    // "The national mediator, Elin Sandvik, has led talks": a name set
    // between commas after a lower-case role.
    let named_role = comma_after
        && run.start >= 2
        && tokens[run.start - 1].text == ","
        && tokens[run.start - 2].is_word()
        && !tokens[run.start - 2].is_capitalized();
    given || titled || apposition || named_role
}

/// A lower-case word before a name that says what the person is: "career
/// politician Lydia Harrow", "shopkeeper Lena Voss", "Council leader
/// Martin Cheswick" — any noun, not a preposition, a determiner, a verb.
pub(super) fn role_word(token: &Token) -> bool {
    /// Words with a person's ending that are not a person: "other", "recent".
    static NOT_ROLES: WordList = WordList::new(&[
        "other",
        "another",
        "former",
        "latter",
        "under",
        "over",
        "after",
        "ever",
        "never",
        "either",
        "neither",
        "rather",
        "whether",
        "together",
        "further",
        "major",
        "minor",
        "senior",
        "junior",
        "prior",
        "recent",
        "current",
        "different",
        "public",
        "domestic",
        "economic",
        "specific",
        "electric",
        "massive",
        "effective",
        "expensive",
        "extensive",
        "independent",
        "urgent",
        "silent",
        "decent",
        "primary",
        "necessary",
        "ordinary",
        "temporary",
        "unless",
        "regardless",
        "endless",
        "less",
        "least",
        "elder",
        "upper",
        "lower",
        "inner",
        "outer",
        "proper",
        "clever",
        "bitter",
        "winter",
        "summer",
        "per",
        "than",
        "said",
        "says",
        "told",
        "their",
        "these",
        "those",
        "then",
        "also",
        "only",
        "some",
        "many",
        "most",
        "more",
        "much",
        "such",
        "what",
        "which",
        "whom",
        "whose",
        "where",
        "when",
        "were",
        "have",
        "been",
        "will",
        "would",
        "could",
        "should",
        "into",
        "onto",
        "upon",
        "unto",
        "like",
        "unlike",
        "near",
    ]);
    let w = token.lower();
    if token.is_capitalized() || !token.is_word() || token.quoted {
        return false;
    }
    if ROLE_HEADS.contains(w) || TITLES.contains(w) {
        return true;
    }
    // A noun for a person, by its ending: "politician", "shopkeeper",
    // "economist", "consultant", "spokeswoman", "employee".
    let personal = [
        "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ive", "ary", "ess", "ic",
        "eon", "ier", "ster",
    ]
    .iter()
    .any(|end| w.ends_with(end));
    personal
        && w.len() >= 4
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !(w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))
        && !NOT_ROLES.contains(w)
        && !INTRODUCTORY.contains(w)
        && !SKIPPABLE.contains(w)
        && !PLACE_PREPOSITIONS.contains(&w)
        && !NON_SOURCE_PRONOUNS.contains(&w)
        && !POSSESSIVES.contains(&w)
        && !NOT_ROLES.contains(w)
        && token.verb.is_none()
}

/// A word read as plural: "economists", "groups", "people", "staff".
pub(super) fn plural(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "police"
            | "staff"
            | "data"
            | "media"
            | "public"
            | "crew"
            | "men"
            | "women"
            | "children"
    ) || word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
}

/// A plural common noun by its ending ("forecasters", "economists",
/// "campaigners"), or a known group.
fn plural_common(word: &str) -> bool {
    GROUP_HEADS.contains(word)
        || ["ers", "ists", "ians", "ants", "ents", "ors", "ees", "ives"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// A word for people that opens a sentence with a capital only because it
/// opens it: "Critics of Teague", "Economists", "Several".
fn people_word(word: &str) -> bool {
    GROUP_HEADS.contains(word)
        || ANONYMOUS_HEADS.contains(word)
        || QUANTIFIERS.contains(word)
        || plural_common(word)
}

/// Whether a token is a possessive: "Harrow's", "Workers'".
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s")
        || word.ends_with("’s")
        || (word.len() > 2 && (word.ends_with("s'") || word.ends_with("s’")))
}

fn trim_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}
