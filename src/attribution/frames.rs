//! Reporting frames: where a sentence says who says so, and who that is.
//!
//! A frame is a reporting verb with its subject ("Keller said", "said the
//! port authority", "It is widely believed") or an "according to" phrase.
//! Which side of the verb holds the subject depends on what comes before the
//! verb: after a quotation mark or a comma the subject usually follows
//! ("…,” said Keller); otherwise it precedes, and what follows is the verb's
//! object ("I asked her office"). A finder collects a run of tokens, a
//! capitalised name or a lower-case noun phrase, and `classify` says what
//! the run is: a named person, organisation or document, a pronoun for
//! `attribute` to resolve, a vague source ("experts", "officials"), or
//! nobody ("I", "there", "On Monday").
//!
//! These are heuristics for news prose, not a parser. Each looks a bounded
//! number of tokens from its verb, so a sentence costs time in proportion to
//! its length whatever it holds, and a sentence the rules do not recognise is
//! left unattributed rather than given a guessed source. Verbs inside a
//! quotation are the speaker's words, not a frame.
//!
//! `person_mentions` is here too: the people a sentence names without
//! citing them ("Councillor Tom Whitcombe spoke next"), whom a later "he" or
//! "she" may mean. It reads names with the same runs and `classify`.

use super::sources::clean_name;
use super::tokens::{name_left, name_right, phrase_text, span, Token};
use super::words::{
    all_caps, is_common_sentence_opener, is_reporting_verb, strip_possessive, with_lowercase,
    AFFILIATIONS, ARTICLES, AUTHOR_MARKERS, AUXILIARIES, BE_FORMS, CLAUSE_OPENERS, DETERMINERS,
    DOCUMENT_HEADS, DUMMY_SUBJECTS, INSTITUTION_HEADS, MONTHS_AND_DAYS, NON_SOURCE_PRONOUNS,
    ORGANISATION_WORDS, OTHER_PRONOUNS, PASSIVE_AUXILIARIES, PERSON_PRONOUNS, PHRASE_BREAKS,
    PLACE_WORDS, POSSESSIVES, ROLE_BREAKS, SKIPPABLE, SPEAKS_FOR, TITLES, VAGUE_HEADS,
};
use super::SourceKind;
use crate::segment::Quotation;
use std::ops::Range;

/// Who a frame says is speaking.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Subject {
    Named { name: String, kind: SourceKind },
    Pronoun { person: bool },
    Vague(String),
}

/// A reporting frame, as its subject.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) subject: Subject,
    /// Where the subject is written.
    pub(super) range: Range<usize>,
}

/// Reporting frames of one sentence whose verbs are not inside a quotation.
pub(super) fn frames(text: &str, tokens: &[Token], quotations: &[Quotation]) -> Vec<Frame> {
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
                .is_some_and(|t| SPEAKS_FOR.contains(&t.lower()))
            {
                continue;
            }
            k += 1;
            if tokens.get(k).is_some_and(|t| t.lower() == "the") {
                k += 1;
            }
            if let Some(Frame {
                subject: Subject::Named { name, .. },
                range,
            }) = named_right(text, tokens, k)
            {
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
    found
}

/// The subject written before the verb at `verb`: "Keller said", "Maria
/// Keller, a spokeswoman for the port authority, said". A passive has none,
/// unless its dummy subject makes it vague ("It is widely believed").
fn subject_left(text: &str, tokens: &[Token], verb: usize) -> Option<Frame> {
    let mut j = verb.checked_sub(1)?;
    let mut passive = false;
    while SKIPPABLE.contains(tokens[j].lower())
        || BE_FORMS.contains(&tokens[j].lower())
        || (tokens[j].lower().ends_with("ly")
            && !tokens[j].is_capitalized()
            && tokens[j].text.len() > 3)
    {
        passive |= PASSIVE_AUXILIARIES.contains(&tokens[j].lower());
        j = j.checked_sub(1)?;
    }
    // "It is widely believed …": a passive with a dummy subject names nobody.
    if passive && DUMMY_SUBJECTS.contains(&tokens[j].lower()) {
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

/// The subject whose last word is token `j`: a capitalised name or a
/// lower-case noun phrase.
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

/// The subject written after the verb at `verb`: "said Keller", "said the
/// port authority", "said a spokesman for the Pentagon".
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
    if let Some(name_at) = (j + 1..(j + 4).min(tokens.len())).find(|&k| tokens[k].is_capitalized())
    {
        let roles_only = tokens[j..name_at]
            .iter()
            .all(|t| t.is_word() && !t.is_capitalized())
            && !tokens[j..name_at]
                .iter()
                .any(|t| ROLE_BREAKS.contains(&t.lower()));
        if roles_only {
            if let Some(frame) = named_right(text, tokens, name_at) {
                return Some(frame);
            }
        }
    }
    let mut end = j;
    while end < tokens.len()
        && end < j + 5
        && tokens[end].is_word()
        && !tokens[end].is_capitalized()
    {
        let lower = strip_possessive(tokens[end].lower()).to_string();
        if CLAUSE_OPENERS.contains(&lower.as_str())
            // "…, said it would study the ruling": a clause, not a speaker.
            || NON_SOURCE_PRONOUNS.contains(&lower.as_str())
            || OTHER_PRONOUNS.contains(&lower.as_str())
            || AUXILIARIES.contains(&lower.as_str())
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
                if let Some(frame) = named_right(text, tokens, k) {
                    return Some(frame);
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

/// The name that starts at token `start`, if it names a source (a person,
/// organisation or document, not a pronoun or a vague source).
fn named_right(text: &str, tokens: &[Token], start: usize) -> Option<Frame> {
    let run = name_right(tokens, start)?;
    match classify(text, tokens, run.clone(), false)? {
        subject @ Subject::Named { .. } => Some(Frame {
            subject,
            range: span(tokens, &run),
        }),
        _ => None,
    }
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
            let after_by = k > start && AUTHOR_MARKERS.contains(&tokens[k - 1].lower())
                || k > start + 1
                    && tokens[k - 1].lower() == "the"
                    && AUTHOR_MARKERS.contains(&tokens[k - 2].lower());
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
    let phrase_start = if ARTICLES.contains(&tokens[start].lower()) {
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
        if DETERMINERS.contains(&lower) {
            start = i;
            break;
        }
        if POSSESSIVES.contains(&lower) {
            break; // "its press office" is "press office"
        }
        if is_reporting_verb(lower) || PHRASE_BREAKS.contains(&lower) {
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
        let common = INSTITUTION_HEADS.contains(first) || ARTICLES.contains(&first);
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
    if let Some(of) = (run.start + 1..run.end).find(|&k| AFFILIATIONS.contains(&tokens[k].lower()))
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
    }) || (run_tokens.len() == 1 && all_caps(&name))
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

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// People named in a sentence outside its quotations ("Councillor Tom
/// Whitcombe"): two or more capitalised words that read as a person.
pub(super) fn person_mentions(
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

/// Whether `range` lies within one of the quotations.
fn inside(range: &Range<usize>, quotations: &[Quotation]) -> bool {
    quotations
        .iter()
        .any(|q| q.inner.start <= range.start && range.end <= q.inner.end)
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::{attributions, named, run};
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
}
