//! Sources mentioned outside any frame.

use super::*;

/// People named in a sentence outside its quotations ("Councillor Tom
/// Whitcombe"), with evidence that each is a person: a given name, a title
/// or role, an age or a role in apposition; and the organisations it names
/// ("Network Connect, the state-owned operator, …"), whom a later "its" may
/// mean.
pub(in crate::attribution) fn mentions(cx: &Context, tokens: &[Token]) -> Mentions {
    let mut found = Mentions::default();
    // A wire dateline ("BEIRA, Mozambique, 18 March (Meridian Press) —")
    // names a place and an agency, neither of whom a later "it" means.
    let mut k = dateline_end(tokens);
    while k < tokens.len() {
        // Most tokens start no name: answered here, without a call
        // (BENCHMARKS.md#t-mentions-capital).
        if !tokens[k].is_capitalized() {
            k += 1;
            continue;
        }
        let Some(run) = name_right(tokens, k) else {
            k += 1;
            continue;
        };
        k = run.end;
        if tokens[run.start].is_quoted() || clock(tokens, &run) {
            continue;
        }
        // A lone capitalised word is an organisation only by its word or as
        // an acronym, and a person only as the surname of one named before
        // who does something ("Dornik was more cautious"), whom a later "he"
        // then means: most are a sentence's first word, read no further.
        let lone_surname = if run.len() == 1 {
            let t = &tokens[run.start];
            let acronym = t.text.len() >= 2 && all_caps(t.text);
            let surname = !acronym
                && t.is_word()
                && (cx.known.person(t.lower()) || cx.known.named_in_full(t.lower()));
            if !acronym && !surname && !ORGANISATION_WORDS.contains(t.lower()) {
                continue;
            }
            surname
        } else {
            false
        };
        // "陈美玲 (Chen Meiling) has the pitch": the name as its own script
        // writes it, then romanised in brackets. The two stand as one name:
        // what comes before and after is read around both.
        let romanised = romanised(tokens, &run).or_else(|| other_form_after(tokens, &run));
        let whole = romanised.clone().unwrap_or(run.clone());
        let before = whole.start.checked_sub(1).map(|b| &tokens[b]);
        let evidence = phrase::Evidence {
            the: before.is_some_and(|t| t.lower() == "the"),
            located: before.is_some_and(|t| {
                crate::attribution::words::PLACE_PREPOSITIONS.contains(&t.lower())
            }),
            ..Default::default()
        };
        // What comes after the name: its verb makes it the subject, whom a
        // later "he" or "she" is likely to mean ("Councillor Tom Whitcombe
        // spoke next"); an object ("traded away shortstop Marcus Bell") is not.
        let after = tokens.get(whole.end);
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
                        | "did"
                        | "does"
                        | "can"
                        | "could"
                        | "were"
                ) || t
                    .verb
                    .is_some_and(|v| matches!(v.form, Form::Past | Form::Third))
                    // "Gareth Jones scored twice": a regular past tense.
                    || t.lower().len() > 4 && t.lower().ends_with("ed"))
        }) || after.is_some_and(|t| t.text == ",")
            && tokens.get(whole.end + 1).is_some_and(|t| {
                let w = t.lower();
                matches!(w, "who" | "a" | "an" | "the" | "he" | "she")
                    || w.bytes().all(|b| b.is_ascii_digit())
            });
        if lone_surname {
            if verb_after {
                found.subjects.push(found.people.len());
                found
                    .people
                    .push((tokens[run.start].text.to_string(), span(tokens, &run)));
            }
            continue;
        }
        match phrase::name_kind(cx.text, tokens, run.clone(), evidence, cx.known) {
            Some((name, SourceKind::Person, _)) if run.len() >= 2 => {
                let bare = clean_name(&name, SourceKind::Person);
                // A name written twice, in a script without capitals and
                // romanised, is a name wherever it stands.
                let first = whole.start == 0 || romanised.is_some();
                if bare.contains(' ')
                    && (first && verb_after || person_evidence(tokens, &run, &bare))
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
            Some((name, SourceKind::Person, _)) => {
                let body_before = run.start >= 2
                    && tokens[run.start - 1].text == ","
                    && crate::attribution::words::INSTITUTION_HEADS
                        .contains(tokens[run.start - 2].lower());
                if body_before {
                    found.organisations.push((name, span(tokens, &run)));
                }
            }
            _ => {}
        }
    }
    found
}

/// "5:47 PM ET", "10.30 BST": a time's suffix and zone, no organisation.
fn clock(tokens: &[Token], run: &Range<usize>) -> bool {
    const ZONES: [&str; 19] = [
        "am", "pm", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
        "gmt", "bst", "utc", "cet", "cest",
    ];
    run.start > 0
        && tokens[run.start - 1]
            .text
            .ends_with(|c: char| c.is_ascii_digit())
        && tokens[run.clone()]
            .iter()
            .all(|t| ZONES.contains(&t.lower()))
}

/// The first token after a wire dateline that opens the sentence, or 0:
/// an agency in brackets and a dash within its first dozen tokens, or a
/// place in capitals and a dash ("DENVER —", "MARLOW, Ohio —").
pub(super) fn dateline_end(tokens: &[Token]) -> usize {
    (1..tokens.len().min(16))
        .find(|&d| {
            matches!(tokens[d].text, "—" | "–" | "-")
                && (tokens[d - 1].text == ")" && tokens[..d - 1].iter().any(|t| t.text == "(")
                    || place_in_capitals(&tokens[..d]))
        })
        .map_or(0, |d| d + 1)
}

/// "DENVER", "MARLOW, Ohio", "ST. PAUL, Minn.": a place in capitals, perhaps
/// with its state or country, as a dateline opens.
fn place_in_capitals(before: &[Token]) -> bool {
    let first = &before[0];
    before.len() <= 6
        && first.is_word()
        && first.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && crate::attribution::words::all_caps(first.text)
        && before
            .iter()
            .all(|t| matches!(t.text, "," | ".") || t.is_word() && t.is_capitalized())
}

/// Where `run` is a name romanised in brackets after the same name in a
/// script without capitals ("سلمى حداد (Salma Haddad)"), the tokens of both
/// with the brackets.
fn romanised(tokens: &[Token], run: &Range<usize>) -> Option<Range<usize>> {
    let bracketed = run.start >= 2
        && tokens[run.start - 1].text == "("
        && tokens.get(run.end).is_some_and(|t| t.text == ")");
    if !bracketed {
        return None;
    }
    // Tamil's and Devanagari's vowel signs are tokens of their own: the
    // native name is every token back to the first ASCII one.
    let uncased = |t: &Token| {
        !t.text.is_ascii()
            && t.text
                .chars()
                .all(|c| !c.is_uppercase() && !c.is_lowercase())
    };
    // At most a name's length back, so a long run of such tokens is not
    // walked again for every bracket in it.
    let native = tokens[..run.start - 1]
        .iter()
        .rev()
        .take(MAX_NAME_TOKENS)
        .take_while(|t| uncased(t))
        .count();
    let start = run.start - 1 - native;
    let lettered = tokens[start..run.start - 1]
        .iter()
        .any(|t| t.text.chars().any(char::is_alphabetic));
    lettered.then_some(start..run.end + 1)
}

/// Where `run` is followed by the same name in brackets, in another script
/// or as an acronym ("Chen Meilin (陈美琳)", "Oleg Stepanyuk (Олег
/// Степанюк)"), the tokens of both with the brackets.
pub(super) fn other_form_after(tokens: &[Token], run: &Range<usize>) -> Option<Range<usize>> {
    if tokens.get(run.end)?.text != "(" {
        return None;
    }
    let close = (run.end + 1..tokens.len().min(run.end + MAX_NAME_TOKENS + 2))
        .find(|&k| tokens[k].text == ")")?;
    (name_in_brackets(tokens, close + 1) == Some(run.end)).then_some(run.start..close + 1)
}

/// The people and organisations a sentence names, each with where.
#[derive(Debug, Default)]
pub(in crate::attribution) struct Mentions {
    pub(in crate::attribution) people: Vec<(String, Range<usize>)>,
    /// Which of `people` are subjects (a verb follows them): a later "he"
    /// or "she" may mean them.
    pub(in crate::attribution) subjects: Vec<usize>,
    pub(in crate::attribution) organisations: Vec<(String, Range<usize>)>,
}
