//! Frames without a subject before their verb: impersonal passives ("it is
//! widely thought"), stances ("is convinced that") and "-ing" clauses.

use super::*;

/// A passive: "It is widely believed", "I am told", "was reported by
/// Reuters", "was quoted as saying".
pub(super) fn passive(
    cx: &Context,
    tokens: &[Token],
    v: usize,
    class: Class,
    chain: &Chain,
) -> Option<Frame> {
    // The agent after "by" speaks: "was reported by the BBC".
    if tokens.get(v + 1).is_some_and(|t| t.lower() == "by")
        && matches!(class, Class::Say | Class::Think | Class::Ambiguous)
    {
        if let Some((range, reading)) = after(cx, tokens, v + 2, None) {
            let mut frame = frame(reading.subject, range, tokens[v].end());
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
        let mut frame = frame(reading.subject, range, tokens[v].end());
        frame.verb = v;
        return Some(frame);
    }
    // "It is widely believed that", "it has long been understood": nobody.
    // "It is expected to open" is about a thing, not a view.
    if matches!(lower, "it" | "this") && tokens.get(v + 1).is_none_or(|t| t.lower() != "to") {
        return Some(nobody_named(
            cx,
            tokens,
            subject_at,
            v,
            Vagueness::Impersonal,
        ));
    }
    // "I am told", "we have been told": the author's unnamed informants.
    if matches!(lower, "i" | "we") {
        return authors_informants(cx, tokens, subject_at, v);
    }
    None
}

/// "I am told", "we have been told", "I'm told" (subject at `subject`, the
/// verb at `v`): the author's unnamed informants.
pub(super) fn authors_informants(
    cx: &Context,
    tokens: &[Token],
    subject: usize,
    v: usize,
) -> Option<Frame> {
    if !matches!(
        tokens[v].lower(),
        "told" | "informed" | "assured" | "advised"
    ) {
        return None;
    }
    Some(nobody_named(cx, tokens, subject, v, Vagueness::Author))
}

/// A frame whose words from `subject` to the verb at `v` name nobody ("It
/// is widely believed", "I am told"): vague for `why`, flagged whole.
pub(super) fn nobody_named(
    cx: &Context,
    tokens: &[Token],
    subject: usize,
    v: usize,
    why: Vagueness,
) -> Frame {
    let range = tokens[subject].start()..tokens[v].end();
    let mut frame = frame(
        Subject::Vague {
            phrase: cx.text[range.clone()].to_string(),
            why,
        },
        range,
        tokens[v].end(),
    );
    frame.verb = v;
    frame.plural = true;
    frame
}

/// Words for a state of mind after "is" or "are": "were persuaded", "are
/// worried", "is against".
pub(super) const STANCES: &[&str] = &[
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
pub(super) fn stance(cx: &Context, tokens: &[Token], be: usize) -> Option<Frame> {
    let mut k = be + 1;
    while tokens.get(k).is_some_and(|t| {
        t.lower() == "not"
            || t.lower().ends_with("ly")
            || matches!(t.lower(), "now" | "still" | "also" | "all" | "deeply")
    }) {
        k += 1;
    }
    let word = tokens.get(k)?;
    if !STANCES.contains(&word.lower()) || word.is_quoted() {
        return None;
    }
    let chain = chain_left(tokens, be);
    let (range, reading) = before(cx, tokens, chain.start)?;
    match reading.subject {
        Subject::Vague { .. } => {
            let mut frame = frame(reading.subject, range, word.end());
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
pub(super) fn with_ing(cx: &Context, tokens: &[Token], v: usize) -> Option<Frame> {
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
        let mut frame = frame(reading.subject, range, tokens[v].end());
        frame.verb = v;
        return Some(frame);
    }
    // "Brightwater Ratings cut the city one notch, citing rising pension
    // costs": the main clause's subject gives the reason. ", telling
    // reporters that …" too, but not ", telling them to leave".
    let reports_for_subject = match tokens[v].lower() {
        "citing" | "saying" | "adding" | "noting" | "arguing" | "warning" | "claiming"
        | "writing" | "insisting" => true,
        "telling" => !super::instruction(tokens, v),
        _ => false,
    };
    if v > 0 && tokens[v - 1].text == "," && reports_for_subject {
        let (range, reading) = main_subject(cx, tokens, v - 1, true)?;
        let mut frame = frame(reading.subject, range, tokens[v].end());
        frame.verb = v;
        frame.plural = reading.plural;
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
    let mut frame = frame(reading.subject, range, tokens[v].end());
    frame.verb = v;
    frame.plural = reading.plural;
    Some(frame)
}
