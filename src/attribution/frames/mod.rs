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
use super::tokens::{lower_at, name_right, span, Token, MAX_NAME_TOKENS};
use super::verbs::{self, Class, Form};
use super::SourceKind;
use crate::attribution::words::{
    all_caps, participle_like, speech, BE_FORMS, CHAIN_VERBS, CLAUSE_BREAKS, DOCUMENT_HEADS,
    INTRODUCTORY, MONTHS_AND_DAYS, NEGATIONS, ORGANISATION_WORDS, RECEIVED, REFUSALS, SKIPPABLE,
};
use std::ops::Range;

mod constructions;
mod mentions;
mod subject;

use constructions::*;
pub(super) use mentions::mentions;
use subject::*;

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
        if token.is_quoted() || !token.is_word() {
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
            let from = tokens.get(i + 3).map_or(0, |t| t.start());
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
                past_too: false,
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
    // Publishing with nothing published is no report: "was treated for
    // heat exhaustion and released."
    if class == Class::Publish
        && tokens
            .get(v + 1)
            .is_none_or(|t| matches!(t.text, "," | "." | ";" | ")" | "!" | "?"))
    {
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
    // Before a group of people, a base form is their kind: "Two state
    // officials said".
    if form == Form::Base
        && tokens
            .get(v + 1)
            .is_some_and(|t| crate::attribution::words::GROUP_HEADS.contains(t.lower()))
    {
        return None;
    }
    // After a verb's -ing form, a base form is its object: "admirers
    // taking notes", "making claims"; not "The ruling says", "the
    // council's briefing notes".
    if matches!(form, Form::Base | Form::Third)
        && v > 1
        && tokens[v - 1]
            .verb
            .is_some_and(|verb| verb.form == Form::Ing)
        && !NOUN_BEFORE.contains(&tokens[v - 2].lower())
        && !tokens[v - 2].text.ends_with("'s")
        && !tokens[v - 2].text.ends_with("’s")
    {
        return None;
    }
    // ", citing rising costs": a reason given, whatever follows.
    if form == Form::Ing && v > 0 && tokens[v - 1].text == "," && tokens[v].lower() == "citing" {
        return with_ing(cx, tokens, v);
    }
    // A verb that reports only before a clause, or with a document or
    // researchers as subject, is checked for both before its subject is
    // read: most such words are nouns or plain actions ("added a third").
    if matches!(class, Class::Ambiguous | Class::Study)
        && !clause_follows(tokens, v)
        && !describes(tokens, v)
    {
        let from = v.saturating_sub(12);
        let document_near = tokens[from..v].iter().any(|t| {
            let w = t.lower();
            crate::attribution::words::DOCUMENT_HEADS.contains(w)
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
    // "I'm told", "we're told": the subject and its "am" in one token.
    if v > 0 && matches!(tokens[v - 1].lower(), "i'm" | "i’m" | "we're" | "we’re") {
        if let Some(frame) = authors_informants(cx, tokens, v - 1, v) {
            return Some(frame);
        }
    }
    // "We understand that …" opening a sentence: the paper's own unnamed
    // sources, as "The Beacon understands" is.
    if v == 1 && tokens[0].lower() == "we" && tokens[v].lower() == "understand" {
        return tokens
            .get(v + 1)
            .is_some_and(|t| t.lower() == "that")
            .then(|| nobody_named(cx, tokens, 0, v, Vagueness::Publication));
    }
    let chain = chain_left(tokens, v);
    if chain.negated {
        return None;
    }
    // "The two sides could announce an agreement": what may yet be done,
    // not a report ("could say only that" still is one).
    let possible = tokens[chain.start..v]
        .iter()
        .any(|t| matches!(t.lower(), "could" | "might" | "may"));
    if possible && class != Class::Think && !matches!(tokens[v].lower(), "say" | "tell") {
        return None;
    }
    if chain.passive && form == Form::Past && !progressive {
        return passive(cx, tokens, v, class, &chain);
    }
    // "…, say" is no frame; "The findings, published in Sleep, show" is,
    // and so is "Derek Oduya, who leads the group, put it plainly".
    if form == Form::Base
        && !chain.auxiliary
        && !tokens[v].verb.is_some_and(|verb| verb.past_too)
        && v > 0
        && !tokens[v - 1].is_word()
        && !after_participle_phrase(tokens, v - 1)
    {
        return None;
    }
    // "over a video call", "a say": after "a" and at most one word, a base
    // form is a noun ("the residents say" is a plural's verb).
    if form == Form::Base
        && chain.start == v
        && (v.saturating_sub(2)..v).any(|k| matches!(tokens[k].lower(), "a" | "an"))
        && tokens[v - 1].is_word()
        && tokens[v - 1].verb.is_none()
    {
        return None;
    }
    let speak = matches!(tokens[v].lower(), "spoke" | "speak" | "speaks" | "spoken");
    if chain.start > 0 && tokens[chain.start - 1].lower() == "who" {
        // "Several residents who spoke during public comment asked …":
        // that they spoke is what describes them, not a report.
        if speak {
            return None;
        }
        // "A former manager who admitted running a Ponzi scheme was
        // sentenced": what the subject did, not a report.
        if tokens
            .get(v + 1)
            .is_some_and(|t| t.is_word() && t.lower().ends_with("ing"))
        {
            return None;
        }
        // "…, the team's consultants at Lattimore Economics, who promise
        // 9,000 new jobs": the name before the relative clause says it.
        if let Some(frame) = named_before_who(cx, tokens, chain.start - 1, v) {
            return Some(frame);
        }
    }
    // "…, who was not authorized to discuss the case and spoke on condition
    // of anonymity": how a source spoke describes it; the report is the
    // sentence's other verb.
    let lower = |k: usize| lower_at(tokens, k);
    if speak
        && (lower(v + 1) == "anonymously" || lower(v + 1) == "on" && lower(v + 2) == "condition")
    {
        return None;
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
        before(cx, tokens, chain.start).or_else(|| coordinated(cx, tokens, chain.start))
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
                range: range.start..tokens[v].end(),
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
        // A lone capitalised word with a plural verb is a body: "Harrowgate
        // say", "Almarena have told Northbridge".
        Subject::Named {
            name,
            kind: SourceKind::Person,
        } if reading.weak
            && (form == Form::Base && !chain.auxiliary
                || chain.auxiliary
                    && matches!(tokens[chain.start].lower(), "have" | "are" | "were")
                    // "have told", "are insisting"; not "Rules are rules".
                    && (form == Form::Past || tokens[v].lower().ends_with("ing"))) =>
        {
            Subject::Named {
                name,
                kind: SourceKind::Organisation,
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
    let mut frame = frame(subject, range, tokens[v].end());
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

/// The subject a verb shares with the clause's first verb when "and" or
/// "but" joins them: "Rachel Okonkwo, an analyst at Holloway & Finch,
/// called the closures overdue but said they would not fix …".
fn coordinated(
    cx: &Context,
    tokens: &[Token],
    chain_start: usize,
) -> Option<(Range<usize>, Reading)> {
    let joint = chain_start.checked_sub(1)?;
    if !matches!(tokens[joint].lower(), "and" | "but") || tokens[joint].is_quoted() {
        return None;
    }
    main_subject(cx, tokens, joint, false)
}

/// The main clause's subject, for a verb at `joint` that has none of its
/// own. The first finite verb outside a relative clause is the main
/// clause's, so "Keller said prices rose but added …" is Keller's, not the
/// prices'. With `opening_name`, where there is no verb Slant knows
/// ("Brightwater Ratings cut the city one notch, citing …"), a name opening
/// the sentence is.
pub(super) fn main_subject(
    cx: &Context,
    tokens: &[Token],
    joint: usize,
    opening_name: bool,
) -> Option<(Range<usize>, Reading)> {
    let floor = joint.saturating_sub(MAX_CLAUSE);
    let first = (floor..joint).find(|&k| {
        let t = &tokens[k];
        k > floor
            && !t.is_quoted()
            && !t.is_capitalized()
            && is_finite(t)
            && !t
                .verb
                .is_some_and(|v| participle(tokens, k, v.class, v.form))
            && relative_before(tokens, k, floor).is_none()
    });
    let Some(first) = first else {
        let opening = mentions::dateline_end(tokens);
        // "A 2024 review by the Brookings Institution looked at 31 ballparks
        // and found": the main clause's verb is no reporting verb, so it is
        // known by its "-ed"; a document before it, named by its author, is
        // the joined verb's subject too. (Not a person or body: "Asked
        // about the faults, she smiled and said" names no "Asked".)
        if let Some(verb) = (opening + 2..joint).find(|&k| {
            let t = &tokens[k];
            t.is_word() && !t.is_capitalized() && !t.is_quoted() && t.lower().ends_with("ed")
        }) {
            if tokens[verb - 1].is_word() && !is_finite(&tokens[verb - 1]) {
                let reading = phrase::read(cx.text, tokens, opening..verb, cx.known);
                if let Some(reading) =
                    reading.filter(|r| r.document && matches!(r.subject, Subject::Named { .. }))
                {
                    return Some((span(tokens, &reading.tokens), reading));
                }
            }
        }
        let run = name_right(tokens, opening).filter(|run| opening_name && run.end < joint)?;
        if !tokens[run.end].is_word() || tokens[run.end].is_capitalized() {
            return None;
        }
        let reading = phrase::read(cx.text, tokens, run, cx.known)?;
        return matches!(reading.subject, Subject::Named { .. })
            .then(|| (span(tokens, &reading.tokens), reading));
    };
    // "It would protect the head teacher who wants to act but fears …":
    // joined inside a relative clause, whose subject is its own.
    if relative_before(tokens, joint, first).is_some() {
        return None;
    }
    let chain = chain_left(tokens, first);
    if chain.negated || chain.start <= floor {
        return None;
    }
    before(cx, tokens, chain.start)
}

/// The name that ends right before ", who" at `who`, as the subject of the
/// relative clause's verb at `v`.
fn named_before_who(cx: &Context, tokens: &[Token], who: usize, v: usize) -> Option<Frame> {
    // "Vollans, who describes himself as a developer": how someone is
    // described, not what they report.
    if tokens.get(v + 1).is_some_and(|t| {
        matches!(
            t.lower(),
            "himself" | "herself" | "themselves" | "itself" | "themself"
        )
    }) {
        return None;
    }
    let comma = who.checked_sub(1).filter(|&c| tokens[c].text == ",")?;
    let mut start = comma;
    while start > 0
        && comma - start < MAX_NAME_TOKENS
        && (tokens[start - 1].is_capitalized() || matches!(tokens[start - 1].lower(), "of" | "&"))
    {
        start -= 1;
    }
    while start < comma && !tokens[start].is_capitalized() {
        start += 1;
    }
    if start == comma || tokens[start].is_quoted() {
        return None;
    }
    let reading = phrase::read(cx.text, tokens, start..comma, cx.known)?;
    if !matches!(reading.subject, Subject::Named { .. }) || reading.weak {
        return None;
    }
    let mut frame = frame(
        reading.subject,
        span(tokens, &reading.tokens),
        tokens[v].end(),
    );
    frame.verb = v;
    frame.plural = reading.plural;
    Some(frame)
}

/// Whether the comma at `comma` closes a participle phrase set off by
/// commas: ", published in Sleep Research,".
fn after_participle_phrase(tokens: &[Token], comma: usize) -> bool {
    if tokens[comma].text != "," {
        return false;
    }
    let floor = comma.saturating_sub(MAX_AFTER);
    (floor..comma)
        .rev()
        .find(|&k| tokens[k].text == ",")
        .and_then(|open| Some((open + 1, tokens.get(open + 1)?.verb?)))
        .is_some_and(|(k, verb)| participle(tokens, k, verb.class, verb.form))
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
        // "A new study, published in Nature, found": after a comma too.
        && (tokens[v - 1].is_word() || tokens[v - 1].text == ",")
        && !(class == Class::Ambiguous && said_where(tokens, v))
        && !matches!(
            tokens[v - 1].lower(),
            "he" | "she" | "it" | "they" | "we" | "i" | "who" | "which" | "has" | "have" | "had"
        )
        && {
            // "published Tuesday in", "released online by", "released last
            // week by".
            let lower = |k: usize| lower_at(tokens, k);
            let when = if matches!(lower(v + 1), "last" | "this" | "earlier")
                && (MONTHS_AND_DAYS.contains(lower(v + 2))
                    || matches!(lower(v + 2), "week" | "month" | "year"))
            {
                2
            } else {
                usize::from(
                    MONTHS_AND_DAYS.contains(lower(v + 1))
                        || matches!(lower(v + 1), "online" | "today" | "yesterday" | "earlier"),
                )
            };
            tokens.get(v + 1 + when).is_some_and(|t| {
                matches!(
                    t.lower(),
                    "by" | "with" | "on" | "in" | "at" | "under" | "from" | "to"
                )
            })
        }
}

/// "wrote in a letter that …", "posted on Facebook: “…”", "…, Keller
/// wrote on Facebook.": where something was said, then what (or the end,
/// after a name), with no other verb between. A participle has its clause's
/// verb to come ("the schedule posted on its website lists").
fn said_where(tokens: &[Token], v: usize) -> bool {
    let window = &tokens[v + 1..tokens.len().min(v + 9)];
    // A capitalised word opening the sentence may be no name ("Fans wrote").
    let after_name = v >= 2 && tokens[v - 1].is_capitalized();
    let ends = after_name && v + 9 > tokens.len();
    let Some(marker) = window
        .iter()
        .position(|t| {
            t.is_quoted() || t.lower() == "that" || t.text == ":" || (after_name && t.text == ".")
        })
        .or(ends.then_some(window.len()))
    else {
        return false;
    };
    // "was written by a consulting firm that …" is a passive's agent. A
    // verb's form after a determiner is a noun: "wrote in a note that".
    marker > 1
        && window[0].lower() != "by"
        && (v + 1..v + 1 + marker).all(|k| {
            tokens[k].is_word()
                && (tokens[k].verb.is_none() || NOUN_BEFORE.contains(&tokens[k - 1].lower()))
        })
}

/// A team or a firm named alone, which British usage makes plural:
/// "Harrowgate say they paid £7.5m", "Tesco insist that …". Only opening
/// the sentence, right before the verb, and before a clause.
fn collective(tokens: &[Token], v: usize, reading: &Reading) -> bool {
    let before_clause = tokens.get(v + 1).is_some_and(|t| {
        matches!(
            t.lower(),
            "they" | "that" | "we" | "it" | "their" | "the" | "there"
        )
    });
    if reading.tokens != (0..v) || !before_clause {
        return false;
    }
    match reading.subject {
        Subject::Named {
            kind: SourceKind::Organisation,
            ..
        } => true,
        Subject::Named {
            kind: SourceKind::Person,
            ..
        } => reading.weak,
        _ => false,
    }
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
    if form == Form::Base
        && !chain.auxiliary
        && !reading.plural
        && !tokens[v].verb.is_some_and(|verb| verb.past_too)
        && !collective(tokens, v, reading)
    {
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
        // "The trial continues.": a sentence of a subject and such a verb
        // alone reports nothing ("Prices rose, a study found." and "…," the
        // report continues." report what comes first).
        Class::Ambiguous
            if matches!(next, None | Some("." | "!" | ";")) && reading.tokens.start == 0 =>
        {
            false
        }
        // "Several former aides describe a different man": people who
        // describe report what they saw (a thing described is not).
        Class::Ambiguous if describes(tokens, v) => {
            reading.document
                || reading.research
                || clause_follows(tokens, v)
                || matches!(
                    reading.subject,
                    Subject::Named {
                        kind: SourceKind::Person,
                        ..
                    } | Subject::Vague { .. }
                        | Subject::Pronoun(
                            crate::attribution::Pronoun::Person
                                | crate::attribution::Pronoun::Plural
                        )
                )
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
        // "thanks to the new zone": a preposition, not a thank-you.
        Class::Say if tokens[v].lower() == "thanks" && next == Some("to") => false,
        _ => !(matches!(tokens[v].lower(), "asked" | "ask" | "asks") && next == Some("for")),
    }
}

/// "according to X", "as reported in X": X, flagged if vague from the
/// opening words on.
fn according(cx: &Context, tokens: &[Token], start: usize, opening: usize) -> Option<Frame> {
    let (mut range, mut reading) = after(cx, tokens, start, None)?;
    // "according to figures presented by the city's finance director,
    // Gloria Mbeki.": a person named in apposition at the end is the source.
    let phrase_end = tokens.partition_point(|t| t.start() < range.end);
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
    let opening = tokens[opening].start();
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

/// What a quantity is "put at" before its figure: "puts the rise at 25
/// percent" is an estimate; "puts the kettle on at 7" is not.
const ESTIMATED: &[&str] = &[
    "rise",
    "fall",
    "increase",
    "cost",
    "costs",
    "figure",
    "number",
    "toll",
    "total",
    "bill",
    "loss",
    "losses",
    "damage",
    "value",
    "price",
    "rate",
    "growth",
    "shortfall",
    "deficit",
    "gap",
    "chance",
    "odds",
    "risk",
    "turnout",
    "size",
];
/// Words that may stand between "at" and its figure: "at about 25
/// percent", "at more than $2bn".
const HEDGES_BEFORE_FIGURE: &[&str] = &[
    "about",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "approximately",
    "over",
    "under",
    "just",
    "more",
    "less",
    "fewer",
    "than",
];

/// "puts the rise at 25 percent", "put the cost at £2bn": an estimate,
/// reported with its figure, which reports as a clause would.
fn puts_a_figure(tokens: &[Token], v: usize) -> bool {
    if !matches!(tokens[v].lower(), "put" | "puts") {
        return false;
    }
    let near = &tokens[v + 1..tokens.len().min(v + 12)];
    let Some(at) = near.iter().position(|t| t.lower() == "at") else {
        return false;
    };
    let figure = (near[at + 1..].iter())
        .find(|t| !HEDGES_BEFORE_FIGURE.contains(&t.lower()))
        .is_some_and(|t| {
            t.text
                .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '£' | '$' | '€'))
        });
    figure && near[..at].iter().any(|t| ESTIMATED.contains(&t.lower()))
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
    if puts_a_figure(tokens, v) {
        return true;
    }
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
    // "wrote in a letter that …", "added on Friday that …"; "…, Keller
    // wrote on Facebook." after what was written.
    let written_where = matches!(tokens[v].lower(), "wrote" | "writes" | "posted" | "posts")
        && said_where(tokens, v);
    if written_where
        || (tokens[v + 1..tokens.len().min(v + 9)]
            .iter()
            .any(|t| t.lower() == "that" && !t.is_quoted())
            && matches!(
                word,
                "in" | "on" | "at" | "to" | "last" | "during" | "later" | "earlier"
            ))
    {
        return true;
    }
    // "rejected accusations that …", "dismissed suggestions that …".
    if matches!(
        word,
        "accusations"
            | "allegations"
            | "claims"
            | "suggestions"
            | "criticism"
            | "charges"
            | "reports"
            | "fears"
            | "concerns"
            | "the"
    ) && tokens[v + 1..tokens.len().min(v + 5)]
        .iter()
        .any(|t| t.lower() == "that" && !t.is_quoted())
        && (word != "the"
            || tokens.get(v + 2).is_some_and(|t| {
                matches!(
                    t.lower(),
                    "claim" | "suggestion" | "accusation" | "allegation" | "idea" | "notion"
                )
            }))
    {
        return true;
    }
    // A clause without its "that": "claimed the mice had been there",
    // "argued Smith was wrong"; a subject of a few words, then a finite
    // verb. "claimed the lives of three people" has none.
    let subject_opens = next.is_capitalized()
        || matches!(
            word,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those"
        );
    if subject_opens {
        let window = &tokens[v + 2..tokens.len().min(v + 8)];
        if let Some(k) = window
            .iter()
            .position(|t| is_finite(t) && !t.is_capitalized())
        {
            if window[..k]
                .iter()
                .all(|t| t.is_word() && t.verb.is_none() && !t.is_quoted())
            {
                return true;
            }
        }
    }
    // A quotation soon after: "calling this a “rebuild”", "posted an
    // emoji and the words: “Here we go again.”"
    quotation_soon(tokens, v)
}

/// "describe" in any form, not of oneself ("who describes herself as a
/// tenant organiser" says who she is, not what she reports).
fn describes(tokens: &[Token], v: usize) -> bool {
    tokens[v].lower().starts_with("describ")
        && !tokens
            .get(v + 1)
            .is_some_and(|t| t.lower().ends_with("self") || t.lower().ends_with("selves"))
}

/// A quotation within a dozen tokens after the verb at `v`.
fn quotation_soon(tokens: &[Token], v: usize) -> bool {
    tokens[v + 1..tokens.len().min(v + 12)]
        .iter()
        .any(|t| t.is_quoted())
}

/// "told schools to restrict phones", "asked residents to stay indoors".
pub(super) fn instruction(tokens: &[Token], v: usize) -> bool {
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
        if !t.is_word() || t.is_quoted() {
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

#[cfg(test)]
mod tests;
