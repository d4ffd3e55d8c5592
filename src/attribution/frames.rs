//! Reporting frames: where a sentence says who says so.
//!
//! A frame is a verb of saying or believing with its subject — "Keller
//! said", "said the port authority", "several senior economists now
//! believe", "Thorn's defenders will tell you", "It is widely believed" —
//! an "according to" phrase, "as reported in …", or a document that is the
//! subject of any verb ("The district's revised schedule moves the start").
//!
//! For each verb (`verbs.rs`, every tense) the finder walks left over what
//! may stand between a subject and its verb (auxiliaries, adverbs, "begun
//! to", "last night"), noting a negation ("has not said": no frame) and a
//! passive ("is believed"). Then it takes the subject:
//!
//! - after a quotation or a comma the subject may follow the verb ("…,”
//!   fumed Leanne Corbett"), and is taken there if a phrase ends cleanly;
//! - otherwise it is the phrase from the start of the clause to the verb,
//!   split at commas: an introductory piece ("Under the new rules,") is
//!   skipped, a role followed by a name ("A Corps spokesman, Dwayne
//!   Kettering,") gives the name, and a hedge anywhere in the pieces ("…,
//!   who asked not to be named,") makes the subject vague;
//! - an impersonal passive ("it has long been understood") or the author
//!   told ("I am told") is vague; a passive with "by" has its agent.
//!
//! `phrase.rs` reads the phrase. A verb whose reporting sense depends on
//! what follows ("added that …", not "added a third goal") needs a clause,
//! a quotation or a colon after it, unless a document is its subject; a
//! base form ("say") needs a plural subject or an auxiliary; "told schools
//! to restrict phones" is an instruction, not a report.
//!
//! Every walk is bounded (a clause of at most `MAX_CLAUSE` tokens, a phrase
//! after a verb of at most `MAX_AFTER`), so a sentence costs time in
//! proportion to its length. Verbs inside a quotation are the speaker's
//! words, not a frame.
//!
//! `person_mentions` is here too: the people a sentence names without
//! citing them ("Councillor Tom Whitcombe spoke next"), whom a later "he"
//! or "she" may mean. A mention needs evidence that it is a person.

use super::phrase::{self, person_evidence, Known, Reading, Subject, Vagueness};
use super::sources::clean_name;
use super::tokens::{name_right, span, Token};
use super::verbs::{self, Class, Form};
use super::words::{
    all_caps, WordList, BE_FORMS, CHAIN_VERBS, CLAUSE_BREAKS, INTRODUCTORY, MONTHS_AND_DAYS,
    NEGATIONS, ORGANISATION_WORDS, REFUSALS, SKIPPABLE,
};
use super::SourceKind;
use std::ops::Range;

/// The longest clause read back from a verb, in tokens.
const MAX_CLAUSE: usize = 40;
/// The longest phrase read after a verb or "according to".
const MAX_AFTER: usize = 20;
/// The most tokens skipped between a subject and its verb.
const MAX_CHAIN: usize = 8;

/// A reporting frame, as its subject.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) subject: Subject,
    /// Where the subject is written.
    pub(super) range: Range<usize>,
    /// The verb's token, and whether the subject is plural.
    pub(super) verb: usize,
    pub(super) plural: bool,
    /// For a vague subject: the words to flag ("Some residents have begun
    /// to question"), and why.
    pub(super) flag: Option<(Range<usize>, Vagueness)>,
}

/// What a sentence claims everyone knows: "Every teacher knows".
#[derive(Debug, Clone)]
pub(super) struct Certainty {
    pub(super) range: Range<usize>,
}

/// What the frame finders need besides the tokens.
pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    pub(super) known: &'a dyn Known,
    /// Lower-case words of the publisher's name ("beacon"), for "The
    /// Beacon understands".
    pub(super) publisher: &'a [String],
}

/// Reporting frames of one sentence, and its claims of universal knowledge.
pub(super) fn frames(cx: &Context, tokens: &[Token]) -> (Vec<Frame>, Vec<Certainty>) {
    let mut found = Vec::new();
    let mut certain = Vec::new();
    for i in 0..tokens.len() {
        let token = &tokens[i];
        if token.quoted || !token.is_word() {
            continue;
        }
        let lower = token.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|t| t.lower() == "to") {
            found.extend(according(cx, tokens, i + 2, i));
            continue;
        }
        // "as reported in last week's Mercury", "as reported by Reuters".
        if lower == "as"
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower(), "reported" | "quoted" | "stated" | "noted"))
            && tokens
                .get(i + 2)
                .is_some_and(|t| matches!(t.lower(), "in" | "by"))
        {
            // What reported it is a publication: "last week's Mercury".
            let from = tokens.get(i + 3).map_or(0, |t| t.range.start);
            found.extend(according(cx, tokens, i + 3, i).map(|mut frame| {
                if tokens[i + 2].lower() == "in" {
                    if let Subject::Named { kind, name } = &mut frame.subject {
                        *kind = SourceKind::Document;
                        *name = cx.text[from.min(frame.range.start)..frame.range.end].to_string();
                    }
                }
                frame
            }));
            continue;
        }
        // "Not all analysts were persuaded", "Scientists are stunned": a
        // group's state of mind, the same vague attribution as "believe".
        if BE_FORMS.contains(&lower) {
            found.extend(stance(cx, tokens, i));
            continue;
        }
        // "gave a similar account", "gave evidence": a report.
        let account = matches!(lower, "gave" | "give" | "gives" | "given")
            && tokens[i + 1..tokens.len().min(i + 4)].iter().any(|t| {
                matches!(
                    t.lower(),
                    "account"
                        | "evidence"
                        | "details"
                        | "testimony"
                        | "interview"
                        | "briefing"
                        | "statement"
                )
            });
        let verb = if account {
            Some(verbs::Verb {
                class: Class::Say,
                form: if matches!(lower, "gave" | "given") {
                    Form::Past
                } else {
                    Form::Base
                },
            })
        } else {
            token.verb
        };
        let Some(verb) = verb else {
            continue;
        };
        if let Some(frame) = frame_at(cx, tokens, i, verb.class, verb.form, &mut certain) {
            found.push(frame);
        }
    }
    (found, certain)
}

/// The frame of the verb at `v`, if it has one.
fn frame_at(
    cx: &Context,
    tokens: &[Token],
    v: usize,
    class: Class,
    form: Form,
    certain: &mut Vec<Certainty>,
) -> Option<Frame> {
    // A participle modifying a noun ("the schedule, posted on its website",
    // "a summary released with the schedule") is no verb of its own.
    if participle(tokens, v, class, form) {
        return None;
    }
    // A base form after a determiner or a preposition is a noun: "the
    // state Rangeland Board", "a conference call", "for review".
    // "the reports", "its estimates": a plural noun, too.
    if matches!(form, Form::Base | Form::Third)
        && v > 0
        && NOUN_BEFORE.contains(&tokens[v - 1].lower())
    {
        return None;
    }
    // A verb that reports only before a clause, or with a document or
    // researchers as subject, is checked for both before its subject is
    // read: most such words are nouns or plain actions ("added a third").
    if matches!(class, Class::Ambiguous | Class::Study) && !clause_follows(tokens, v) {
        let from = v.saturating_sub(12);
        let document_near = tokens[from..v].iter().any(|t| {
            let w = t.lower();
            super::words::DOCUMENT_HEADS.contains(w)
                || matches!(
                    w,
                    "researchers" | "scientists" | "team" | "authors" | "investigators"
                )
        });
        if !document_near && (class == Class::Study || !quotation_soon(tokens, v)) {
            return None;
        }
    }
    // "Critics are saying", "Pike keeps calling": a progressive is finite.
    let progressive = form == Form::Ing
        && v > 0
        && matches!(
            tokens[v - 1].lower(),
            "is" | "are" | "was" | "were" | "keep" | "keeps" | "kept" | "been"
        );
    if form == Form::Ing && !progressive {
        return with_ing(cx, tokens, v);
    }
    let chain = chain_left(tokens, v);
    if chain.negated {
        return None;
    }
    if chain.passive && form == Form::Past && !progressive {
        return passive(cx, tokens, v, class, &chain);
    }
    if form == Form::Base && !chain.auxiliary && v > 0 && !tokens[v - 1].is_word() {
        return None; // "…, say" is no frame
    }
    // After a quotation or a comma, with nothing between, the subject may
    // follow: "…,” said Keller.
    let inverted = chain.start == v
        && v > 0
        && matches!(tokens[v - 1].text, "”" | "\"" | "," | "’" | "'" | "“");
    // After a comma only a name may follow ("…, said Keller"): "…, said
    // ranchers could apply" is the verb's object.
    let after_comma = v > 0 && tokens[v - 1].text == ",";
    let right = || {
        after(cx, tokens, v + 1, Some(v)).filter(|(_, r)| {
            !after_comma
                || matches!(r.subject, Subject::Named { .. })
                    && tokens[r.tokens.start].is_capitalized()
        })
    };
    let reading = if inverted || chain.start == 0 {
        right().or_else(|| {
            (chain.start > 0)
                .then(|| before(cx, tokens, chain.start))
                .flatten()
        })
    } else {
        before(cx, tokens, chain.start)
    };
    let (reading, range) = match reading {
        Some(frame) => {
            let reading = frame.1;
            (reading, frame.0)
        }
        None => return None,
    };
    // "Everyone knows", "every teacher knows": certainty, not a source;
    // "knows someone who …" is acquaintance.
    if class == Class::Know {
        if tokens.get(v + 1).is_some_and(|t| {
            matches!(
                t.lower(),
                "someone"
                    | "somebody"
                    | "anyone"
                    | "anybody"
                    | "people"
                    | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "each"
                    | "no-one"
            )
        }) {
            return None;
        }
        if let Subject::Vague {
            why: Vagueness::Universal,
            ..
        } = reading.subject
        {
            certain.push(Certainty {
                range: range.start..tokens[v].range.end,
            });
        }
        return None;
    }
    if !accepts(tokens, v, class, form, &reading, &chain) {
        return None;
    }
    let subject = match reading.subject {
        // "The Beacon understands": the paper's unnamed sources; "the Daily
        // Beacon can reveal": the paper's own claim, which is the author's.
        Subject::Named {
            ref name,
            kind: SourceKind::Organisation,
        } if publication(name, cx.publisher) => {
            if matches!(
                tokens[v].lower(),
                "understands" | "understood" | "learned" | "learnt" | "learns"
            ) {
                Subject::Vague {
                    phrase: name.clone(),
                    why: Vagueness::Publication,
                }
            } else {
                return None;
            }
        }
        // A lone capitalised word nothing else tells about is a person only
        // when it plainly speaks: "Hale told reporters", not "Shinglesea
        // has welcomed visitors".
        Subject::Named {
            kind: SourceKind::Person,
            ..
        } if reading.weak && !speech(tokens[v].lower()) && !quotation_soon(tokens, v) => {
            return None
        }
        subject => subject,
    };
    let mut frame = frame(subject, range, tokens[v].range.end);
    frame.verb = v;
    frame.plural = reading.plural;
    Some(frame)
}

fn frame(subject: Subject, range: Range<usize>, verb_end: usize) -> Frame {
    let flag = match &subject {
        Subject::Vague { why, .. } => {
            Some((range.start.min(verb_end)..verb_end.max(range.end), *why))
        }
        _ => None,
    };
    Frame {
        subject,
        range,
        verb: 0,
        plural: false,
        flag,
    }
}

/// Words before which a verb form is a noun.
const NOUN_BEFORE: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "every",
    "each",
    "no",
    "of",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "during",
    "after",
    "before",
    "public",
    "conference",
    "any",
    "some",
    "whose",
];

/// A participle modifying a noun, not a verb of its own: "the schedule,
/// posted on its website", "a summary released with the schedule",
/// "Figures for England published on Thursday by the agency".
fn participle(tokens: &[Token], v: usize, class: Class, form: Form) -> bool {
    form == Form::Past
        && matches!(class, Class::Ambiguous | Class::Publish | Class::Study)
        && v > 0
        && tokens[v - 1].is_word()
        && !matches!(
            tokens[v - 1].lower(),
            "he" | "she" | "it" | "they" | "we" | "i" | "who" | "which" | "has" | "have" | "had"
        )
        && tokens.get(v + 1).is_some_and(|t| {
            matches!(
                t.lower(),
                "by" | "with" | "on" | "in" | "at" | "under" | "from" | "to"
            )
        })
}

/// Whether the verb at `v` reports with this subject.
fn accepts(
    tokens: &[Token],
    v: usize,
    class: Class,
    form: Form,
    reading: &Reading,
    chain: &Chain,
) -> bool {
    let next = tokens.get(v + 1).map(|t| t.lower());
    // A plain "say" needs a plural subject or an auxiliary: "economists
    // estimate", "they will tell you"; not "a new report".
    if form == Form::Base && !chain.auxiliary && !reading.plural {
        return false;
    }
    if class == Class::Think && reading.definite_group {
        return false;
    }
    match class {
        Class::Heard => reading_head_is(
            reading,
            &[
                "court", "inquest", "tribunal", "jury", "hearing", "inquiry", "trial",
            ],
        ),
        Class::Ambiguous if matches!(tokens[v].lower(), "asked" | "ask" | "asks" | "asking") => {
            // "asked Congress for feed", "asked residents to stay indoors".
            !matches!(next, Some("for")) && !instruction(tokens, v) && clause_follows(tokens, v)
        }
        Class::Ambiguous => reading.document || reading.research || clause_follows(tokens, v),
        // "the schedule moves the start", "researchers followed 900 families".
        Class::Study => reading.document || reading.research,
        _ if reading.research && class == Class::Ambiguous => true,
        Class::Say if matches!(tokens[v].lower(), "told" | "tell" | "tells" | "telling") => {
            // "told schools to restrict phones" is an instruction.
            !instruction(tokens, v)
        }
        Class::Quoted => false,
        _ => !(matches!(tokens[v].lower(), "asked" | "ask" | "asks") && next == Some("for")),
    }
}

/// "according to X", "as reported in X": X, flagged if vague from the
/// opening words on.
fn according(cx: &Context, tokens: &[Token], start: usize, opening: usize) -> Option<Frame> {
    let (mut range, mut reading) = after(cx, tokens, start, None)?;
    // "according to figures presented by the city's finance director,
    // Gloria Mbeki.": a person named in apposition at the end is the source.
    let phrase_end = tokens.partition_point(|t| t.range.start < range.end);
    if !matches!(
        reading.subject,
        Subject::Named {
            kind: SourceKind::Person,
            ..
        }
    ) && tokens.get(phrase_end).is_some_and(|t| t.text == ",")
    {
        if let Some(run) = name_right(tokens, phrase_end + 1) {
            let closes = tokens
                .get(run.end)
                .is_none_or(|t| matches!(t.text, "," | "." | ";"));
            if closes {
                if let Some(named) = phrase::read(cx.text, tokens, run, cx.known) {
                    if matches!(
                        named.subject,
                        Subject::Named {
                            kind: SourceKind::Person,
                            ..
                        }
                    ) {
                        range = span(tokens, &named.tokens);
                        reading = named;
                    }
                }
            }
        }
    }
    let opening = tokens[opening].range.start;
    let mut frame = frame(reading.subject, range.clone(), range.end);
    if let Some((flagged, _)) = &mut frame.flag {
        flagged.start = opening;
    }
    Some(frame)
}

/// Whether a reading's subject names a body with one of `heads`.
fn reading_head_is(reading: &Reading, heads: &[&str]) -> bool {
    let name = match &reading.subject {
        Subject::Named { name, .. } => name.to_lowercase(),
        Subject::Definite { head, phrase, .. } => format!("{phrase} {head}"),
        _ => return false,
    };
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| heads.contains(&w))
}

/// After an ambiguous verb, what makes it report: "that", a colon, a
/// quotation soon after, "as" ("described it as"), "for" ("called for"),
/// "out" ("pointed out"), a question word ("asked whether"), or a new
/// subject ("added it would …").
fn clause_follows(tokens: &[Token], v: usize) -> bool {
    let Some(next) = tokens.get(v + 1) else {
        return true;
    };
    if matches!(next.text, "," | ":" | "." | ";" | "“" | "\"" | "‘" | "—") {
        return true;
    }
    let word = next.lower();
    if matches!(
        word,
        "that"
            | "as"
            | "for"
            | "out"
            | "whether"
            | "if"
            | "why"
            | "what"
            | "how"
            | "when"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "there"
            | "this"
    ) {
        return true;
    }
    // "wrote in a letter that …", "added on Friday that …".
    if tokens[v + 1..tokens.len().min(v + 9)]
        .iter()
        .any(|t| t.lower() == "that" && !t.quoted)
        && matches!(
            word,
            "in" | "on" | "at" | "to" | "last" | "during" | "later" | "earlier"
        )
    {
        return true;
    }
    // A quotation soon after: "calling this a “rebuild”", "posted an
    // emoji and the words: “Here we go again.”"
    quotation_soon(tokens, v)
}

/// A quotation within a dozen tokens after the verb at `v`.
fn quotation_soon(tokens: &[Token], v: usize) -> bool {
    tokens[v + 1..tokens.len().min(v + 12)]
        .iter()
        .any(|t| t.quoted)
}

/// "told schools to restrict phones", "asked residents to stay indoors".
fn instruction(tokens: &[Token], v: usize) -> bool {
    let mut k = v + 1;
    while k < tokens.len()
        && k <= v + 5
        && tokens[k].is_word()
        && tokens[k].lower() != "to"
        && tokens[k].lower() != "that"
    {
        k += 1;
    }
    k > v + 1
        && tokens.get(k).is_some_and(|t| t.lower() == "to")
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.is_word() && !t.is_capitalized())
        && !matches!(
            tokens.get(k + 1).map(|t| t.lower()),
            Some("the" | "a" | "an" | "reporters" | "journalists")
        )
}

/// What lies between a subject and its verb, read leftwards.
struct Chain {
    /// The token just after the subject.
    start: usize,
    passive: bool,
    negated: bool,
    /// An auxiliary or "to" carries the verb: "will tell", "begun to suspect".
    auxiliary: bool,
}

fn chain_left(tokens: &[Token], v: usize) -> Chain {
    let mut j = v;
    let mut chain = Chain {
        start: v,
        passive: false,
        negated: false,
        auxiliary: false,
    };
    while j > 0 && v - j < MAX_CHAIN {
        let t = &tokens[j - 1];
        let lower = t.lower();
        if !t.is_word() || t.quoted {
            break;
        }
        if NEGATIONS.contains(&lower) || matches!(lower, "should" | "must" | "ought" | "shall") {
            // "has not said", and "should find": no report.
            chain.negated = true;
            j -= 1;
        } else if BE_FORMS.contains(&lower) {
            chain.passive = true;
            chain.auxiliary = true;
            j -= 1;
        } else if SKIPPABLE.contains(lower) {
            chain.auxiliary |= !matches!(
                lower,
                "also"
                    | "later"
                    | "previously"
                    | "earlier"
                    | "then"
                    | "further"
                    | "again"
                    | "once"
                    | "first"
                    | "long"
                    | "now"
                    | "still"
                    | "already"
                    | "often"
                    | "even"
                    | "just"
                    | "too"
                    | "soon"
                    | "today"
                    | "yesterday"
                    | "tonight"
            ) && !lower.ends_with("ly");
            j -= 1;
        } else if lower.ends_with("ly") && !t.is_capitalized() && lower.len() > 3 && lower != "only"
        {
            j -= 1;
        } else if lower == "to" && j >= 2 {
            let before = tokens[j - 2].lower();
            if REFUSALS.contains(&before) {
                chain.negated = true;
                j -= 2;
            } else if CHAIN_VERBS.contains(&before) {
                chain.auxiliary = true;
                j -= 2;
            } else {
                break;
            }
        } else if CHAIN_VERBS.contains(&lower) {
            // "keeps calling".
            chain.auxiliary = true;
            j -= 1;
        } else if j >= 2
            && MONTHS_AND_DAYS.contains(time_word(lower))
            && matches!(
                tokens[j - 2].lower(),
                "last" | "on" | "this" | "late" | "early" | "earlier"
            )
        {
            // "last night insisted", "on Monday said".
            j -= 2;
        } else if MONTHS_AND_DAYS.contains(lower)
            && matches!(lower, "today" | "yesterday" | "tonight")
        {
            j -= 1;
        } else {
            break;
        }
    }
    // "is … told" only if the be-form is not itself preceded by "what"/"how".
    chain.start = j;
    chain
}

fn time_word(word: &str) -> &str {
    match word {
        "night" | "week" | "month" | "year" | "morning" | "evening" | "afternoon" | "weekend" => {
            "today"
        }
        other => other,
    }
}

/// A passive: "It is widely believed", "I am told", "was reported by
/// Reuters", "was quoted as saying".
fn passive(cx: &Context, tokens: &[Token], v: usize, class: Class, chain: &Chain) -> Option<Frame> {
    // The agent after "by" speaks: "was reported by the BBC".
    if tokens.get(v + 1).is_some_and(|t| t.lower() == "by")
        && matches!(class, Class::Say | Class::Think | Class::Ambiguous)
    {
        if let Some((range, reading)) = after(cx, tokens, v + 2, None) {
            let mut frame = frame(reading.subject, range, tokens[v].range.end);
            frame.verb = v;
            frame.plural = reading.plural;
            return Some(frame);
        }
    }
    if matches!(class, Class::Publish | Class::Heard | Class::Know) {
        return None;
    }
    let subject_at = chain.start.checked_sub(1)?;
    let subject = &tokens[subject_at];
    let lower = subject.lower();
    // "X was quoted as saying": X speaks.
    if class == Class::Quoted {
        let (range, reading) = before(cx, tokens, chain.start)?;
        let mut frame = frame(reading.subject, range, tokens[v].range.end);
        frame.verb = v;
        return Some(frame);
    }
    // "It is widely believed that", "it has long been understood": nobody.
    // "It is expected to open" is about a thing, not a view.
    if matches!(lower, "it" | "this") && tokens.get(v + 1).is_none_or(|t| t.lower() != "to") {
        let range = subject.range.start..tokens[v].range.end;
        let mut frame = frame(
            Subject::Vague {
                phrase: cx.text[range.clone()].to_string(),
                why: Vagueness::Impersonal,
            },
            range,
            tokens[v].range.end,
        );
        frame.verb = v;
        frame.plural = true;
        return Some(frame);
    }
    // "I am told", "we have been told": the author's unnamed informants.
    if matches!(lower, "i" | "we")
        && matches!(
            tokens[v].lower(),
            "told" | "informed" | "assured" | "advised"
        )
    {
        let range = subject.range.start..tokens[v].range.end;
        let mut frame = frame(
            Subject::Vague {
                phrase: cx.text[range.clone()].to_string(),
                why: Vagueness::Author,
            },
            range,
            tokens[v].range.end,
        );
        frame.verb = v;
        frame.plural = true;
        return Some(frame);
    }
    None
}

/// Words for a state of mind after "is" or "are": "were persuaded", "are
/// worried", "is against".
const STANCES: &[&str] = &[
    "persuaded",
    "convinced",
    "unconvinced",
    "worried",
    "concerned",
    "stunned",
    "alarmed",
    "sceptical",
    "skeptical",
    "divided",
    "split",
    "furious",
    "angry",
    "optimistic",
    "pessimistic",
    "confident",
    "hopeful",
    "doubtful",
    "against",
    "opposed",
    "adamant",
    "certain",
    "afraid",
    "fearful",
    "baffled",
    "outraged",
    "appalled",
    "unanimous",
    "agreed",
    "united",
    "wary",
    "unhappy",
    "dismayed",
    "horrified",
    "incensed",
    "livid",
    "frustrated",
];

/// A vague group's state of mind: "Not all analysts were persuaded that
/// …", "Everyone I know in the town is against this scheme". Only a vague
/// subject makes this a frame: "The council was divided" is a fact.
fn stance(cx: &Context, tokens: &[Token], be: usize) -> Option<Frame> {
    let mut k = be + 1;
    while tokens.get(k).is_some_and(|t| {
        t.lower() == "not"
            || t.lower().ends_with("ly")
            || matches!(t.lower(), "now" | "still" | "also" | "all" | "deeply")
    }) {
        k += 1;
    }
    let word = tokens.get(k)?;
    if !STANCES.contains(&word.lower()) || word.quoted {
        return None;
    }
    let chain = chain_left(tokens, be);
    let (range, reading) = before(cx, tokens, chain.start)?;
    match reading.subject {
        Subject::Vague { .. } => {
            let mut frame = frame(reading.subject, range, word.range.end);
            frame.verb = k;
            frame.plural = reading.plural;
            Some(frame)
        }
        _ => None,
    }
}

/// "with one furious follower writing: …": the subject between "with" and
/// the verb; "X raised its forecast after reporting …": the sentence's
/// subject.
fn with_ing(cx: &Context, tokens: &[Token], v: usize) -> Option<Frame> {
    if v > 0 && matches!(tokens[v - 1].lower(), "after" | "while" | "before" | "when") {
        // The sentence's subject: its words up to the first verb.
        let end = (1..v).find(|&k| {
            is_finite(&tokens[k]) || tokens[k].verb.is_some() || tokens[k].text == ","
        })?;
        let mut subject_end = end;
        // "Ridgeline Outfitters Inc. on Wednesday raised": a time between.
        if subject_end >= 2
            && tokens[subject_end - 2].lower() == "on"
            && MONTHS_AND_DAYS.contains(tokens[subject_end - 1].lower())
        {
            subject_end -= 2;
        }
        let reading = phrase::read(cx.text, tokens, 0..subject_end, cx.known)?;
        if !matches!(reading.subject, Subject::Named { .. }) {
            return None;
        }
        let range = span(tokens, &reading.tokens);
        let mut frame = frame(reading.subject, range, tokens[v].range.end);
        frame.verb = v;
        return Some(frame);
    }
    let with = (v.saturating_sub(8)..v)
        .rev()
        .find(|&k| tokens[k].lower() == "with")?;
    if with + 1 >= v || tokens[with + 1..v].iter().any(|t| !t.is_word()) {
        return None;
    }
    let reading = phrase::read(cx.text, tokens, with + 1..v, cx.known)?;
    let range = span(tokens, &reading.tokens);
    let mut frame = frame(reading.subject, range, tokens[v].range.end);
    frame.verb = v;
    frame.plural = reading.plural;
    Some(frame)
}

/// The subject before the verb whose chain starts at `chain_start`: the
/// clause from its start, split at commas.
fn before(cx: &Context, tokens: &[Token], chain_start: usize) -> Option<(Range<usize>, Reading)> {
    let end = chain_start;
    if end == 0 {
        return None;
    }
    // The clause's start: a break, or the bound.
    let mut start = end;
    let mut after_verb = false;
    while start > 0 && end - start < MAX_CLAUSE {
        let t = &tokens[start - 1];
        // "groups that oppose school requirements said": a relative "that".
        let relative_that = t.lower() == "that"
            && start < end
            && tokens[start].is_word()
            && !tokens[start].is_capitalized()
            && !matches!(
                tokens[start].lower(),
                "the"
                    | "a"
                    | "an"
                    | "it"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "this"
                    | "there"
                    | "some"
                    | "many"
                    | "several"
                    | "most"
            )
            && start > 1
            && tokens[start - 2].is_word();
        if t.quoted
            || CLAUSE_BREAKS.contains(t.lower())
                && !continues_name(tokens, start - 1)
                && !relative_that
        {
            // "…, who has run a bakery since 2009, said": inside a relative
            // clause, a break is the clause's own.
            if t.is_word() {
                if let Some(relative) =
                    relative_before(tokens, start - 1, end.saturating_sub(MAX_CLAUSE))
                {
                    start = relative;
                    continue;
                }
                // "When the school began …, its headteacher, Owain
                // Prydderch, reported": the first piece is the "when" clause.
                after_verb = t.lower() != "that";
            }
            break;
        }
        // A verb or an auxiliary before the subject ends the clause ("…
        // would continue and the company said"), unless it is in a relative
        // clause inside the subject ("Linnea Fairbanks, who has run a
        // bakery since 2009, said").
        let modifier = t
            .verb
            .is_some_and(|v| participle(tokens, start - 1, v.class, v.form));
        if start < end && is_finite(t) && !t.is_capitalized() && !modifier {
            match relative_before(tokens, start - 1, end.saturating_sub(MAX_CLAUSE)) {
                Some(relative) => {
                    start = relative;
                    continue;
                }
                None => {
                    // A verb right before the subject makes it its object
                    // ("told analysts on a conference call that"); one
                    // before a comma ends another clause ("Under the new
                    // rules, Ray Dorsey told me").
                    after_verb = true;
                    break;
                }
            }
        }
        start -= 1;
    }
    // The clause's pieces between commas, left to right.
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut piece_start = start;
    for k in start..end {
        if tokens[k].text == "," && !based_after(tokens, k) {
            if piece_start < k {
                pieces.push(piece_start..k);
            }
            piece_start = k + 1;
        }
    }
    let apposition = piece_start == end;
    if piece_start < end {
        pieces.push(piece_start..end);
    }
    if !apposition {
        // No comma before the verb: the last piece is the subject ("Under
        // the new rules, Ray Dorsey told me"; "…, the assessment says") —
        // unless it follows another verb, whose object it is ("told
        // analysts on a conference call that": "call" is no verb here).
        if after_verb && pieces.len() == 1 && tokens.get(start).is_some_and(|t| t.text != ",") {
            return None;
        }
        let last = pieces.last()?.clone();
        let reading = phrase::read(cx.text, tokens, last, cx.known)?;
        return Some((span(tokens, &reading.tokens), reading));
    }
    // A comma before the verb: "Maria Keller, a spokeswoman for the port
    // authority, said". The first piece is the subject, unless it ends a
    // clause the walk cut into, or introduces ("Under the new rules,").
    let mut first = usize::from(after_verb && pieces.len() > 1);
    while first + 1 < pieces.len() && introductory(tokens, &pieces[first]) {
        first += 1;
    }
    let pieces = &pieces[first..];
    let subject = pieces.first()?.clone();
    // A hedge in any piece ("…, who asked not to be named,") is the subject's.
    let whole = subject.start..pieces.last()?.end;
    let hedged = phrase::has_hedge(tokens, whole.clone())
        .then(|| phrase::read(cx.text, tokens, whole.clone(), cx.known))
        .flatten()
        .filter(|r| {
            matches!(
                r.subject,
                Subject::Vague {
                    why: Vagueness::Hedged,
                    ..
                }
            )
        });
    if let Some(mut reading) = hedged {
        reading.tokens = subject.clone();
        let range = span(tokens, &whole);
        return Some((range, reading));
    }
    let reading = phrase::read(cx.text, tokens, subject.clone(), cx.known);
    // A document, then where it comes from: "The research, carried out at
    // the Veridian Longevity Institute in Cedar Mesa, found".
    if reading.as_ref().is_some_and(|r| r.document) {
        for piece in &pieces[1..] {
            if let Some(k) = (piece.start..piece.end)
                .find(|&k| matches!(tokens[k].lower(), "by" | "at" | "from"))
            {
                let mut j = k + 1;
                while j < piece.end && matches!(tokens[j].lower(), "the" | "a" | "an") {
                    j += 1;
                }
                if j < piece.end && tokens[j].is_capitalized() {
                    if let Some(author) = phrase::read(cx.text, tokens, j..piece.end, cx.known) {
                        if matches!(
                            author.subject,
                            Subject::Named {
                                kind: SourceKind::Organisation,
                                ..
                            }
                        ) {
                            return Some((span(tokens, &author.tokens), author));
                        }
                    }
                }
            }
        }
    }
    // A role, then a name: "A Corps spokesman, Dwayne Kettering, said";
    // "One of those groups, Heartland Families for Medical Freedom, said".
    if let Some(name_piece) = pieces.get(1) {
        // A role: a phrase whose head is a common noun ("Crestline's chief
        // executive", "One of those groups"), or a title and what it is for
        // ("The MP for Brackenfield North"); not a name ("Grupo Vidriero
        // Ortúzar, Europe's fourth-largest maker of glass, said").
        let role_like = match &reading {
            None => true,
            Some(Reading {
                subject: Subject::Named { kind, name },
                ..
            }) => {
                *kind != SourceKind::Person
                    && (name.chars().next().is_some_and(char::is_lowercase)
                        || tokens[subject.clone()].iter().any(|t| {
                            t.is_word()
                                && !t.is_capitalized()
                                && !matches!(t.lower(), "of" | "for" | "the" | "and" | "&" | "de")
                        }))
            }
            Some(_) => true,
        };
        if role_like && tokens[name_piece.start].is_capitalized() {
            if let Some(named) = phrase::read(cx.text, tokens, name_piece.clone(), cx.known) {
                if let Subject::Named { .. } = named.subject {
                    return Some((span(tokens, &named.tokens), named));
                }
            }
        }
    }
    let reading = reading?;
    Some((span(tokens, &reading.tokens), reading))
}

/// A relative pronoun before the verb at `verb`, within its comma-separated
/// piece and not before `floor`: where the relative clause starts.
fn relative_before(tokens: &[Token], verb: usize, floor: usize) -> Option<usize> {
    let mut k = verb;
    while k > floor {
        k -= 1;
        let t = &tokens[k];
        if t.text == "," || t.quoted || matches!(t.text, ";" | ":" | "(" | ")" | "“" | "”" | "\"")
        {
            return None;
        }
        if matches!(t.lower(), "who" | "which" | "whose" | "whom") {
            return Some(k);
        }
    }
    None
}

/// Whether "and" (or "&", "or") at `k` joins parts of the subject rather
/// than clauses: "Brackenfield and Wyre Hospitals Trust", "the MP for
/// Holmby and the Coast", "Ranchers and farmers say" join; "… would
/// continue and the company said" and "hurled a glass and screamed" do not.
fn continues_name(tokens: &[Token], k: usize) -> bool {
    if !matches!(tokens[k].lower(), "and" | "&" | "or") {
        return false;
    }
    let prev = k.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(k + 1);
    let capitalised_before = prev.is_some_and(|t| t.is_capitalized());
    if capitalised_before
        && (next.is_some_and(|t| t.is_capitalized())
            || next.is_some_and(|t| t.lower() == "the")
                && tokens.get(k + 2).is_some_and(|t| t.is_capitalized()))
    {
        return true;
    }
    let Some(next) = next else {
        return false;
    };
    // A new clause's subject, or the verb itself.
    !(matches!(
        next.lower(),
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "this"
            | "that"
            | "these"
            | "those"
    ) || next.verb.is_some()
        || is_finite(next))
}

/// "The Lakewood, Colorado-based retailer": the comma is inside the phrase.
fn based_after(tokens: &[Token], comma: usize) -> bool {
    (comma + 1..tokens.len().min(comma + 4)).any(|k| tokens[k].lower().ends_with("-based"))
}

/// A token that is a finite verb or an auxiliary: a clause boundary.
fn is_finite(t: &Token) -> bool {
    let lower = t.lower();
    matches!(
        lower,
        "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
    ) || t
        .verb
        .is_some_and(|v| matches!(v.form, Form::Third | Form::Past))
}

/// A piece that opens with a preposition, a subordinator or a time, or is
/// a lone adverb: "Under the new rules", "When …", "Statewide".
fn introductory(tokens: &[Token], piece: &Range<usize>) -> bool {
    let first = &tokens[piece.start];
    let lower = first.lower();
    INTRODUCTORY.contains(lower)
        || piece.len() == 1 && lower.ends_with("ly")
        || MONTHS_AND_DAYS.contains(lower)
        || lower.bytes().all(|b| b.is_ascii_digit())
}

/// The subject after the verb at `verb` (or after "according to": `verb`
/// is `None`), starting at `start`: "said Keller", "said the port
/// authority", "fumed mum-of-two Leanne Corbett, 34, who …". After a verb,
/// the phrase must end cleanly — at the sentence's end, a comma, a
/// preposition — not run into a clause ("said the port would close").
fn after(
    cx: &Context,
    tokens: &[Token],
    start: usize,
    verb: Option<usize>,
) -> Option<(Range<usize>, Reading)> {
    let mut start = start;
    while verb.is_some()
        && tokens
            .get(start)
            .is_some_and(|t| SKIPPABLE.contains(t.lower()) && !t.is_capitalized())
    {
        start += 1;
    }
    let first = tokens.get(start)?;
    if !first.is_word() || first.quoted {
        return None;
    }
    if verb.is_some()
        && matches!(
            first.lower(),
            "that"
                | "to"
                | "in"
                | "on"
                | "at"
                | "for"
                | "by"
                | "with"
                | "from"
                | "outside"
                | "after"
                | "before"
                | "during"
                | "about"
                | "of"
                | "as"
                | "when"
                | "if"
                | "whether"
        )
    {
        return None;
    }
    let mut end = start;
    while end < tokens.len() && end - start < MAX_AFTER {
        let t = &tokens[end];
        if t.quoted || !t.is_word() && !matches!(t.text, "." | "-" | "'" | "’" | "&") {
            break;
        }
        if t.text == "."
            && !(end > start
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.is_capitalized() && n.is_word()))
        {
            break; // a sentence's full stop, not "Dr."
        }
        if end > start && t.lower() == "that" {
            break; // "told by people who work there that …"
        }
        if verb.is_some()
            && end > start
            && (is_finite(t)
                || t.lower() == "to" && tokens.get(end + 1).is_some_and(|n| n.verb.is_some()))
        {
            return None; // "said the port would close": a clause
        }
        if verb.is_some()
            && end > start
            && matches!(
                t.lower(),
                "on" | "in"
                    | "at"
                    | "after"
                    | "outside"
                    | "during"
                    | "last"
                    | "this"
                    | "when"
                    | "while"
                    | "before"
            )
            && !t.is_capitalized()
        {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    // "according to estimates from the Office for National Statistics":
    // the author of a document is the source.
    if verb.is_none() {
        if let Some(k) = (start + 1..end).find(|&k| matches!(tokens[k].lower(), "by" | "from")) {
            let mut j = k + 1;
            while j < end && matches!(tokens[j].lower(), "the" | "a" | "an") {
                j += 1;
            }
            if j < end && tokens[j].is_capitalized() {
                if let Some(reading) =
                    phrase::read(cx.text, tokens, j - usize::from(j > k + 1)..end, cx.known)
                {
                    if matches!(
                        reading.subject,
                        Subject::Named {
                            kind: SourceKind::Organisation | SourceKind::Person,
                            ..
                        }
                    ) {
                        return Some((span(tokens, &reading.tokens), reading));
                    }
                }
            }
        }
    }
    // After a verb, the rest of the clause holds no verb of its own: "said
    // ranchers in the counties could apply" is a clause, not a speaker.
    if verb.is_some() {
        let mut k = end;
        while k < tokens.len()
            && k < end + MAX_AFTER
            && !matches!(tokens[k].text, "," | ";" | ":" | "." | "—" | "–")
            && !tokens[k].quoted
        {
            if is_finite(&tokens[k]) && !tokens[k].is_capitalized() {
                return None;
            }
            k += 1;
        }
    }
    let reading = phrase::read(cx.text, tokens, start..end, cx.known)?;
    // After a verb, a pronoun or a lone document is the verb's object, not
    // its subject, unless the sentence ends there: "…,” she said.
    if verb.is_some() {
        let ends = tokens.get(end).is_none_or(|t| {
            matches!(
                t.text,
                "." | "," | ";" | ":" | "!" | "?" | "—" | "–" | "”" | "\"" | ")"
            )
        }) || tokens[end].is_word();
        if !ends {
            return None;
        }
    }
    Some((span(tokens, &reading.tokens), reading))
}

/// Whether `name` is the publication's own: "The Beacon" for the Daily
/// Beacon, or, without the metadata, a newspaper's name ("The Gazette").
fn publication(name: &str, publisher: &[String]) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().filter(|w| *w != "the").collect();
    let capitalised = name
        .trim_start_matches("the ")
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    lower.contains("newspaper")
        || lower == "this paper"
        || capitalised
            && !words.is_empty()
            && words.iter().all(|w| publisher.iter().any(|p| p == w))
        || capitalised
            && words.len() <= 3
            && words.last().is_some_and(|w| NEWSPAPER_WORDS.contains(w))
}

/// The last word of a newspaper's name: "The Gazette", "the Daily Beacon".
const NEWSPAPER_WORDS: &[&str] = &[
    "gazette",
    "beacon",
    "times",
    "post",
    "herald",
    "mercury",
    "courier",
    "chronicle",
    "journal",
    "telegraph",
    "mirror",
    "express",
    "observer",
    "guardian",
    "ledger",
    "tribune",
    "sentinel",
    "clarion",
    "echo",
    "standard",
    "argus",
    "examiner",
    "bulletin",
    "dispatch",
    "inquirer",
    "gleaner",
    "advertiser",
    "recorder",
    "register",
    "leader",
    "star",
    "sun",
    "globe",
    "record",
];

/// Verbs that plainly report speech, which a lone unknown name may take.
fn speech(word: &str) -> bool {
    static SPEECH: WordList = WordList::new(&[
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "wrote",
        "writes",
        "stated",
        "states",
        "explained",
        "explains",
        "insisted",
        "insists",
        "argued",
        "argues",
        "warned",
        "warns",
        "replied",
        "replies",
        "recalled",
        "recalls",
        "noted",
        "notes",
        "conceded",
        "concedes",
        "admitted",
        "admits",
        "claimed",
        "claims",
        "stressed",
        "stresses",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "asked",
        "asks",
        "tweeted",
        "posted",
        "declared",
        "announced",
        "announces",
        "maintains",
        "maintained",
        "contends",
        "contended",
    ]);
    SPEECH.contains(word)
}

/// People named in a sentence outside its quotations ("Councillor Tom
/// Whitcombe"), with evidence that each is a person: a given name, a title
/// or role, an age or a role in apposition; and the organisations it names
/// ("Network Connect, the state-owned operator, …"), whom a later "its" may
/// mean.
pub(super) fn mentions(cx: &Context, tokens: &[Token]) -> Mentions {
    let mut found = Mentions::default();
    let mut k = 0;
    while k < tokens.len() {
        let Some(run) = name_right(tokens, k) else {
            k += 1;
            continue;
        };
        k = run.end;
        if tokens[run.start].quoted {
            continue;
        }
        // A lone capitalised word is a person to no later "he", and an
        // organisation only by its word or as an acronym: most are a
        // sentence's first word, read no further.
        if run.len() == 1 {
            let t = &tokens[run.start];
            let acronym = t.text.len() >= 2 && all_caps(t.text);
            if !acronym && !ORGANISATION_WORDS.contains(t.lower()) {
                continue;
            }
        }
        let before = run.start.checked_sub(1).map(|b| &tokens[b]);
        let evidence = phrase::Evidence {
            the: before.is_some_and(|t| t.lower() == "the"),
            located: before.is_some_and(|t| super::words::PLACE_PREPOSITIONS.contains(&t.lower())),
            ..Default::default()
        };
        // What comes after the name: its verb makes it the subject, whom a
        // later "he" or "she" is likely to mean ("Councillor Tom Whitcombe
        // spoke next"); an object ("traded away shortstop Marcus Bell") is not.
        let after = tokens.get(run.end);
        let verb_after = after.is_some_and(|t| {
            !t.is_capitalized()
                && (matches!(
                    t.lower(),
                    "has"
                        | "had"
                        | "is"
                        | "was"
                        | "will"
                        | "would"
                        | "lives"
                        | "runs"
                        | "owns"
                        | "works"
                ) || t
                    .verb
                    .is_some_and(|v| matches!(v.form, Form::Past | Form::Third)))
        }) || after.is_some_and(|t| t.text == ",")
            && tokens.get(run.end + 1).is_some_and(|t| {
                let w = t.lower();
                matches!(w, "who" | "a" | "an" | "the" | "he" | "she")
                    || w.bytes().all(|b| b.is_ascii_digit())
            });
        match phrase::name_kind(cx.text, tokens, run.clone(), evidence, cx.known) {
            Some((name, SourceKind::Person, _)) if run.len() >= 2 => {
                let bare = clean_name(&name, SourceKind::Person);
                if bare.contains(' ')
                    && (run.start == 0 && verb_after || person_evidence(tokens, &run, &bare))
                {
                    if verb_after {
                        found.subjects.push(found.people.len());
                    }
                    found.people.push((name, span(tokens, &run)));
                }
            }
            Some((name, SourceKind::Organisation, _)) => {
                // An organisation named outright (an organisation's word, an
                // acronym) or set after a body's common noun ("Whitford's
                // company, Everbirch Naturals,"); not "the Spanish stock
                // market regulator", where the name only describes.
                let modifier = after.is_some_and(|t| t.is_word() && !t.is_capitalized());
                if !modifier {
                    found.organisations.push((name, span(tokens, &run)));
                }
            }
            Some((name, SourceKind::Person, true)) if run.len() >= 2 || run.start >= 2 => {
                let body_before = run.start >= 2
                    && tokens[run.start - 1].text == ","
                    && super::words::INSTITUTION_HEADS.contains(tokens[run.start - 2].lower());
                if body_before {
                    found.organisations.push((name, span(tokens, &run)));
                }
            }
            Some((name, SourceKind::Person, _)) => {
                let body_before = run.start >= 2
                    && tokens[run.start - 1].text == ","
                    && super::words::INSTITUTION_HEADS.contains(tokens[run.start - 2].lower());
                if body_before {
                    found.organisations.push((name, span(tokens, &run)));
                }
            }
            _ => {}
        }
    }
    found
}

/// The people and organisations a sentence names, each with where.
#[derive(Debug, Default)]
pub(super) struct Mentions {
    pub(super) people: Vec<(String, Range<usize>)>,
    /// Which of `people` are subjects (a verb follows them): a later "he"
    /// or "she" may mean them.
    pub(super) subjects: Vec<usize>,
    pub(super) organisations: Vec<(String, Range<usize>)>,
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::{attributions, named, run, vague_flags};
    use crate::attribution::Attribution;

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
        assert_eq!(
            attributions(
                "Prices rose, according to figures published by the port authority in January."
            )[0]
            .0,
            Attribution::Named
        );
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
    fn verbs_inside_quotations_are_the_speakers_words() {
        let text = "“Critics said it would fail,” Hale told reporters.";
        assert_eq!(attributions(text), [named("Hale")]);
    }

    #[test]
    fn studies_with_named_authors_are_named() {
        let text = "A 2024 study published in the Journal of Coastal Ecology by Dr. Priya Natarajan found that reefs recovered.";
        assert_eq!(attributions(text)[0].0, Attribution::Named);
    }

    #[test]
    fn vague_attribution_is_a_grammar_of_groups_verbs_and_tenses() {
        // Flagged: a quantified or anonymous group, any reporting or belief
        // verb, any tense, adverbs between.
        for (text, flagged) in [
            (
                "Several senior economists now believe the rate will fall.",
                "Several senior economists now believe",
            ),
            (
                "A growing number of residents fear the tower will flood.",
                "A growing number of residents fear",
            ),
            (
                "Some in the ministry privately concede that the target is lost.",
                "Some in the ministry privately concede",
            ),
            (
                "Thorn's defenders will tell you the deal was fair.",
                "Thorn's defenders will tell",
            ),
            (
                "Some hospital managers believe the wards are unsafe.",
                "Some hospital managers believe",
            ),
            (
                "Plenty of farmers have begun to suspect the subsidy will end.",
                "Plenty of farmers have begun to suspect",
            ),
            ("Dock workers say the cranes are idle.", "Dock workers say"),
            (
                "Analysts polled on Friday expected a loss.",
                "Analysts polled on Friday expected",
            ),
            (
                "Two ministry officials confirmed the plan had been dropped.",
                "Two ministry officials confirmed",
            ),
            ("Another posted a single word: “Again.”", "Another posted"),
        ] {
            let flags = vague_flags(text);
            assert!(flags.iter().any(|f| f == flagged), "{text}: {flags:?}");
            assert_eq!(attributions(text)[0].0, Attribution::Vague, "{text}");
        }
    }

    #[test]
    fn hedged_and_impersonal_sources_are_vague() {
        for text in [
            "Sources close to the mayor's office say the budget is late.",
            "People familiar with the negotiations said a deal was near.",
            "Officials who asked not to be named said the border would reopen.",
            "A teacher, who declined to be identified, said classes were cancelled.",
            "An engineer at the plant who was not authorised to speak said the valve failed.",
            "It is widely thought that the bridge is unsafe.",
            "It has long been understood that the harbour silts up.",
            "It was generally assumed in the village that the mill would close.",
            "I am told that the vote has been postponed.",
            "The Gazette understands that the chairman will resign.",
        ] {
            assert_eq!(attributions(text)[0].0, Attribution::Vague, "{text}");
            assert!(!vague_flags(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn named_sources_stay_named_and_non_reports_are_not_frames() {
        for (text, name) in [
            ("A Harbour Board spokeswoman, Alicia Brandt, said the vote would wait.", "Alicia Brandt"),
            ("Alicia Brandt, a spokeswoman for the Harbour Board, said the vote would wait.", "Alicia Brandt"),
            ("The board's chief executive, Tom Reyes, said the vote would wait.", "Tom Reyes"),
            ("Governor Janet Mills's office said in a statement that she backed the plan.", "Janet Mills"),
            ("A Ministry of Transport spokesperson said the ferry would run.", "Ministry of Transport"),
            ("The authority's own environmental assessment estimates that the marsh will shrink.", "authority's own environmental assessment"),
            ("The marsh will shrink by a third, the assessment says.", "assessment"),
            ("“It is a disgrace,” fumed shopkeeper Lena Voss.", "Lena Voss"),
            ("Researchers at the University of Tarrow followed 900 families.", "University of Tarrow"),
            ("The study's authors concede that the sample was small.", "study"),
        ] {
            let got = attributions(text);
            assert_eq!(got[0].0, Attribution::Named, "{text}: {got:?}");
            assert!(
                got[0].1.as_deref().is_some_and(|n| n.to_lowercase().contains(&name.to_lowercase())),
                "{text}: {got:?}"
            );
        }
        for text in [
            "The governor has not said whether she will sign the bill.",
            "Substitute Rafael Ortiz added a second goal in stoppage time.",
            "The ministry told schools to restrict phones.",
            "Measles was declared eliminated from the United States in 2000.",
            "The same council found £2 million to resurface a car park.",
            "The association has asked Congress for emergency feed.",
        ] {
            assert_eq!(attributions(text)[0].0, Attribution::None, "{text}");
        }
    }

    #[test]
    fn places_dates_and_regions_are_never_people() {
        for text in [
            "Figures for England published on Thursday by the Health Agency showed a rise.",
            "Wages in the North West rose, the agency said.",
            "Rainfall between May and July was the lowest on record, the service said.",
        ] {
            let (analysis, _) = run(text);
            let people: Vec<&str> = analysis
                .sources
                .iter()
                .filter(|s| s.kind == crate::attribution::SourceKind::Person)
                .map(|s| s.name.as_str())
                .collect();
            assert!(people.is_empty(), "{text}: {people:?}");
        }
    }
}
