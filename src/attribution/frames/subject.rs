//! A reporting verb's subject: read leftwards through its clause
//! (`before`), or after the verb and after "according to" (`after`).

use super::*;

/// The subject before the verb whose chain starts at `chain_start`: the
/// clause from its start, split at commas.
pub(super) fn before(
    cx: &Context,
    tokens: &[Token],
    chain_start: usize,
) -> Option<(Range<usize>, Reading)> {
    let mut end = chain_start;
    // "the International Relief Coordination Office (IRCO) said", "Oleg
    // Stepanyuk (Олег Степанюк) told": the name again in brackets.
    if let Some(open) = name_in_brackets(tokens, end) {
        end = open;
    }
    // "Priya Sandoval — who has never met a bill she didn't love — told
    // reporters": an aside between dashes, after a word, is the subject's.
    if end > 2 && matches!(tokens[end - 1].text, "—" | "–") {
        let dash = tokens[end - 1].text;
        let open = (end.saturating_sub(MAX_CLAUSE)..end - 1).rfind(|&k| tokens[k].text == dash);
        if let Some(open) = open.filter(|&k| k > 0 && tokens[k - 1].is_word()) {
            end = open;
        }
    }
    if end == 0 {
        return None;
    }
    // The clause's start: a break, or the bound, or a wire dateline's end
    // ("LEEDS (Reuters) - Rail Minister Oliver Brennan defended …").
    let floor = mentions::dateline_end(tokens).min(end);
    let mut start = end;
    let mut after_verb = false;
    while start > floor && end - start < MAX_CLAUSE {
        let t = &tokens[start - 1];
        if t.text == ")" {
            if let Some(open) = name_in_brackets(tokens, start) {
                start = open;
                continue;
            }
        }
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
        if t.is_quoted()
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
                // After "and", "but" or "or" a main clause starts, with its
                // own subject: "Sales rose and the company said", "But
                // Keller said".
                after_verb = !matches!(t.lower(), "that" | "and" | "but" | "or");
            }
            break;
        }
        // A verb or an auxiliary before the subject ends the clause ("…
        // would continue and the company said"), unless it is in a relative
        // clause inside the subject ("Linnea Fairbanks, who has run a
        // bakery since 2009, said").
        let modifier = || {
            t.verb
                .is_some_and(|v| participle(tokens, start - 1, v.class, v.form))
                // "Board papers seen by this newspaper show".
                || RECEIVED.contains(&t.lower())
                    && tokens.get(start).is_some_and(|n| n.lower() == "by")
                // "Campaign finance records filed with the clerk show".
                || document_noun(tokens, start - 1)
        };
        if start < end && is_finite(t) && !t.is_capitalized() && !modifier() {
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
    // The clause's pieces between commas, left to right, each without a
    // name's other form in brackets at its end.
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut piece_start = start;
    for k in start..end {
        if tokens[k].text == "," && !based_after(tokens, k) {
            let piece_end = name_in_brackets(tokens, k)
                .filter(|&o| o > piece_start)
                .unwrap_or(k);
            if piece_start < piece_end {
                pieces.push(piece_start..piece_end);
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
        // Listed as the source it is, not with the reason it is unnamed:
        // "a senior port official", not "…, who spoke on condition of
        // anonymity because they were not authorized to discuss plans".
        if let Subject::Vague { phrase, .. } = &mut reading.subject {
            if let Some(comma) = phrase.find(", ") {
                phrase.truncate(comma);
            }
        }
        let range = span(tokens, &whole);
        return Some((range, reading));
    }
    let reading = phrase::read(cx.text, tokens, subject.clone(), cx.known);
    // A document, then where it comes from: "The research, carried out at
    // the Veridian Longevity Institute in Cedar Mesa, found"; "The study,
    // published in the Journal of Sleep on Monday, found".
    // "A new study, published in Nature, found": a document unnamed until
    // then.
    let unnamed_document = |r: &Reading| {
        matches!(
            r.subject,
            Subject::Vague {
                why: Vagueness::Unnamed,
                ..
            }
        )
    };
    if reading
        .as_ref()
        .is_some_and(|r| r.document || unnamed_document(r))
    {
        for piece in &pieces[1..] {
            if let Some(k) = (piece.start..piece.end).find(|&k| {
                matches!(tokens[k].lower(), "by" | "at" | "from")
                    || tokens[k].lower() == "in" && published_before(tokens, piece.start, k)
            }) {
                let mut j = k + 1;
                // "in the journal Estuarine Letters".
                while j < piece.end && matches!(tokens[j].lower(), "the" | "a" | "an" | "journal") {
                    j += 1;
                }
                // "published in March" is a time, not a journal.
                if j < piece.end
                    && tokens[j].is_capitalized()
                    && !MONTHS_AND_DAYS.contains(tokens[j].lower())
                {
                    // The whole rest of the piece, or the name that opens it
                    // ("the Journal of Sleep on Monday").
                    let published_in = tokens[k].lower() == "in";
                    let the = usize::from(j > k + 1 && tokens[j - 1].text == "The");
                    let run = name_right(tokens, j).filter(|run| run.end <= piece.end);
                    let author = phrase::read(cx.text, tokens, j..piece.end, cx.known)
                        .or_else(|| {
                            let run = run.clone()?;
                            phrase::read(cx.text, tokens, run.start - the..run.end, cx.known)
                        })
                        .or_else(|| {
                            // "published in Nature": a one-word title.
                            let run = run.filter(|_| published_in)?;
                            let name = span(tokens, &(run.start - the..run.end));
                            Some(Reading {
                                subject: Subject::Named {
                                    name: cx.text[name].to_string(),
                                    kind: SourceKind::Organisation,
                                },
                                plural: false,
                                document: false,
                                research: false,
                                weak: false,
                                definite_group: false,
                                tokens: run.start - the..run.end,
                            })
                        });
                    if let Some(mut author) = author {
                        // The verb agrees with the document: "The findings,
                        // published in Sleep, show".
                        author.plural = reading.as_ref().is_some_and(|r| r.plural);
                        // And speaks as a document: "The figures, released
                        // by the Department of Health, show waiting lists rose".
                        author.document = true;
                        // What a study is published in is a publication,
                        // however its name reads ("published in Science").
                        if let Subject::Named { kind, .. } = &mut author.subject {
                            if published_in && *kind == SourceKind::Person {
                                *kind = SourceKind::Organisation;
                            }
                            if *kind != SourceKind::Person {
                                return Some((span(tokens, &author.tokens), author));
                            }
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
                // A person's role is a role too: "Vandermeer's spokesman,
                // Trent Galloway, said".
                let possessed = *kind == SourceKind::Person
                    && tokens[subject.clone()]
                        .iter()
                        .any(|t| t.text.ends_with("'s") || t.text.ends_with("’s"));
                (*kind != SourceKind::Person || possessed)
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

/// A document's noun that reads as a verb ("records", "reports",
/// "estimates"): it is the noun when a participle and a preposition follow
/// ("records filed with the clerk", "estimates compiled by"), or "of" or
/// "from" does ("reports from the inspectors").
fn document_noun(tokens: &[Token], k: usize) -> bool {
    let lower = |j: usize| lower_at(tokens, j);
    DOCUMENT_HEADS.contains(lower(k))
        && (matches!(lower(k + 1), "of" | "from")
            || participle_like(lower(k + 1))
                && matches!(
                    lower(k + 2),
                    "by" | "with" | "to" | "in" | "at" | "from" | "on" | "under" | "for"
                ))
}

/// "published in", "published Tuesday in", "appeared online in": a
/// publishing verb at most two tokens before the "in" at `k`.
fn published_before(tokens: &[Token], floor: usize, k: usize) -> bool {
    (floor.max(k.saturating_sub(3))..k)
        .any(|p| matches!(tokens[p].lower(), "published" | "appeared" | "reported"))
}

/// Where a name's other form in brackets ends right before `end` opens: an
/// acronym ("(IRCO)") or the name in its own script ("(Олег Степанюк)"),
/// after a capitalised word. Brackets holding anything else ("(pictured)",
/// "(R-Texas)") are left to the phrase reader.
pub(super) fn name_in_brackets(tokens: &[Token], end: usize) -> Option<usize> {
    if end < 3 || tokens[end - 1].text != ")" {
        return None;
    }
    let floor = end.saturating_sub(MAX_NAME_TOKENS + 2);
    let open = (floor..end - 1).rev().find(|&k| tokens[k].text == "(")?;
    let inside = &tokens[open + 1..end - 1];
    let other_form = !inside.is_empty()
        && inside.iter().all(|t| t.is_word())
        && (inside.len() == 1 && all_caps(inside[0].text)
            || inside
                .iter()
                .all(|t| t.text.chars().any(|c| c.is_alphabetic() && !c.is_ascii())));
    (other_form && open > 0 && tokens[open - 1].is_capitalized()).then_some(open)
}

/// A relative pronoun before the verb at `verb`, within its comma-separated
/// piece and not before `floor`: where the relative clause starts.
pub(super) fn relative_before(tokens: &[Token], verb: usize, floor: usize) -> Option<usize> {
    let mut k = verb;
    while k > floor {
        k -= 1;
        let t = &tokens[k];
        if t.text == ","
            || t.is_quoted()
            || matches!(t.text, ";" | ":" | "(" | ")" | "“" | "”" | "\"")
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
pub(super) fn continues_name(tokens: &[Token], k: usize) -> bool {
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
pub(super) fn based_after(tokens: &[Token], comma: usize) -> bool {
    (comma + 1..tokens.len().min(comma + 4)).any(|k| tokens[k].lower().ends_with("-based"))
}

/// A token that is a finite verb or an auxiliary: a clause boundary.
pub(super) fn is_finite(t: &Token) -> bool {
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
pub(super) fn introductory(tokens: &[Token], piece: &Range<usize>) -> bool {
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
pub(super) fn after(
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
    if !first.is_word() || first.is_quoted() {
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
        if t.is_quoted() || !t.is_word() && !matches!(t.text, "." | "-" | "'" | "’" | "&") {
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
    // "according to a council report seen by the Warden": who saw or
    // obtained a document is neither its source nor part of its name.
    // "according to figures obtained by this newspaper": such figures are
    // particular ones, not the nobody's "figures" of "figures show".
    let mut received = None;
    if verb.is_none() {
        if let Some(k) = (start + 1..end)
            .find(|&k| tokens[k].lower() == "by" && RECEIVED.contains(&tokens[k - 1].lower()))
        {
            // Named with who came by it: "figures obtained by this
            // newspaper", "papers seen by the Warden".
            let mut j = k + 1;
            while j < end && matches!(tokens[j].lower(), "the" | "this" | "a" | "an" | "our") {
                j += 1;
            }
            let mut by_end = (j + 1).min(end);
            while by_end < end && tokens[by_end].is_capitalized() {
                by_end += 1;
            }
            received = Some(start..by_end);
            end = k - 1;
        }
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
            && !tokens[k].is_quoted()
        {
            if is_finite(&tokens[k]) && !tokens[k].is_capitalized() {
                return None;
            }
            k += 1;
        }
    }
    if let Some(named) = named_after_role(cx, tokens, start..end) {
        return Some(named);
    }
    let mut reading = phrase::read(cx.text, tokens, start..end, cx.known)?;
    if let (
        Some(whole),
        Subject::Vague {
            why: Vagueness::Unnamed,
            phrase,
        },
    ) = (received, &reading.subject)
    {
        // "an internal maintenance notice" names itself; "figures" is
        // named by who obtained them.
        let described = (phrase.split(' '))
            .filter(|w| !matches!(*w, "a" | "an" | "the"))
            .count()
            > 1;
        let name = match described {
            true => phrase.clone(),
            false => cx.text[span(tokens, &whole)].to_string(),
        };
        reading.subject = Subject::Named {
            name,
            kind: SourceKind::Document,
        };
    }
    // After a verb, a pronoun or a lone document is the verb's object, not
    // its subject, unless the sentence ends there: "…,” she said.
    if verb.is_some() {
        let ends = tokens.get(end).is_none_or(|t| {
            matches!(
                t.text,
                "." | "," | ";" | ":" | "!" | "?" | "—" | "–" | "”" | "\"" | ")"
            )
        }) || tokens[end].is_word()
            // "…,” said Haruka Ishimoto (石本春香), an epidemiologist".
            || mentions::other_form_after(tokens, &(start..end)).is_some();
        if !ends {
            return None;
        }
    }
    Some((span(tokens, &reading.tokens), reading))
}

/// Whether `name` is the publication's own: "The Beacon" for the Daily
/// Beacon, or, without the metadata, a newspaper's name ("The Gazette").
/// "according to their son, Paul Reyes", "recalled her former student,
/// Dr. Marcus Obi, now a professor": a relation or a role (`role`, in lower
/// case after "their", "her", "the" …), then after a comma the person's
/// name, which ends the clause.
fn named_after_role(
    cx: &Context,
    tokens: &[Token],
    role: Range<usize>,
) -> Option<(Range<usize>, Reading)> {
    let opens_role = matches!(
        tokens[role.start].lower(),
        "their" | "her" | "his" | "its" | "the" | "a" | "an" | "our"
    );
    if !opens_role || role.len() > 5 || tokens.get(role.end)?.text != "," {
        return None;
    }
    let start = role.end + 1;
    let mut end = start;
    while end < tokens.len() && end - start < 6 {
        let t = &tokens[end];
        let initial = t.text == "." && tokens.get(end + 1).is_some_and(|n| n.is_capitalized());
        if !(t.is_capitalized() && t.is_word() || initial) {
            break;
        }
        end += 1;
    }
    let closes = tokens
        .get(end)
        .is_none_or(|t| matches!(t.text, "," | "." | ";" | "”" | "\"" | ")"));
    if end < start + 2 || !closes {
        return None;
    }
    let reading = phrase::read(cx.text, tokens, start..end, cx.known)?;
    let person = matches!(
        reading.subject,
        Subject::Named {
            kind: SourceKind::Person,
            ..
        }
    );
    person.then(|| (span(tokens, &reading.tokens), reading))
}

pub(super) fn publication(name: &str, publisher: &[String]) -> bool {
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
            && words
                .last()
                .is_some_and(|w| crate::metadata::MASTHEAD_WORDS.contains(w))
}
