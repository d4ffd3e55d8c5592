//! Claims are statements. A question ("People first?"), an imperative
//! ("Call your council member."), an exclamation of one or two words
//! ("Shameful!"), a byline ("By Corinne Beaulieu"), a dateline ("Madrid, 12
//! de febrero"), a label, a salutation or a signature ("Sir,", "Margaret
//! Ellwood"), and the author's bio at the foot ("Wade Hollister is a
//! rancher …") assert nothing a source could stand behind: they are not
//! counted as sentences with or without a source, and no figure in them is
//! flagged.
//!
//! Each test reads the sentence's own tokens (and, for a bio, who wrote the
//! article), so deciding costs a few comparisons per sentence.
//!
//! Measured: BENCHMARKS.md#t-commands-hash.

use super::tokens::Token;
use super::words::{with_lowercase, WordList, GIVEN_NAMES};

/// What a sentence is, besides its words.
pub(super) struct Place {
    /// The sentence is its paragraph's only one.
    pub(super) whole_paragraph: bool,
}

/// Whether the sentence is a claim: a statement, not one of the above.
pub(super) fn is_claim(text: &str, tokens: &[Token], place: &Place) -> bool {
    // The first two words and how many there are: no list of them.
    let mut word_tokens = tokens.iter().filter(|t| t.is_word());
    let (Some(first_word), second_word) = (word_tokens.next(), word_tokens.next()) else {
        return false;
    };
    let count = 1 + usize::from(second_word.is_some()) + word_tokens.count();
    let last = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.text, "”" | "\"" | "’" | "'" | ")" | "]" | "»"))
        .map_or("", |t| t.text);
    // A question.
    if last == "?" {
        return false;
    }
    // "Shameful!", "Nothing.", "Sir,": one or two words.
    if count == 1 || count == 2 && !second_word.is_some_and(finite) {
        return false;
    }
    let first = first_word.lower();
    // A byline, a credit or a disclaimer.
    if first == "by" && second_word.is_some_and(|w| w.is_capitalized())
        || matches!(
            first,
            "posted"
                | "written"
                | "reporting"
                | "editing"
                | "paid"
                | "words"
                | "photograph"
                | "photographs"
                | "photo"
                | "picture"
                | "pictures"
                | "additional"
        ) && tokens
            .iter()
            .filter(|t| t.is_word())
            .take(4)
            .any(|w| w.lower() == "by")
            && count <= 14
    {
        return false;
    }
    // A label, a dateline, a signature, a heading: a short paragraph of its
    // own with no full stop ("OPINION", "April 22, 2025", "Margaret Ellwood",
    // "Holme Bridge, Cumbria").
    let terminal = matches!(last, "." | "!" | "…");
    if place.whole_paragraph
        && !terminal
        && count <= 8
        && !text.contains(" said")
        && !text.contains(" says")
    {
        return false;
    }
    // A photo caption: a paragraph ending in its credit ("… on Tuesday
    // (Jonah Petrakis/Meridian Press)", "(Photograph: Northlight)") or
    // saying what it shows ("…, in a photo provided by the university.").
    if place.whole_paragraph && caption(text) {
        return false;
    }
    // A contact line: "Email tips@paper.example".
    if count <= 8 && (text.contains('@') || text.contains("http")) {
        return false;
    }
    !imperative(tokens)
}

/// A picture's credit on its own: "Photo: Wexcombe Gazette/Stock",
/// "(Illustration: ADSA/Halvorsen Institute)", "(Jeff Solberg/Ledger-Dispatch)".
pub(super) fn credit(text: &str) -> bool {
    let text = text.trim();
    let bracketed = text.starts_with('(') && text.trim_end_matches('.').ends_with(')');
    let inner = text
        .trim_start_matches('(')
        .trim_end_matches(['.', ')'])
        .trim();
    // Bounded: this runs for every sentence.
    if inner.split_whitespace().nth(10).is_some() {
        return false;
    }
    let labelled = inner.split_once(':').is_some_and(|(label, rest)| {
        !rest.trim().is_empty() && crate::segment::is_credit_label(label)
    });
    // "(Jeff Solberg/Ledger-Dispatch)": a photographer and an agency.
    let names_and_agency =
        bracketed && photographer_and_agency(inner) && !inner.contains(['.', ',', ';']);
    labelled || names_and_agency
}

/// "Jonah Petrakis/Meridian Press": a photographer and an agency, as a
/// credit in brackets names them.
// Inlined: as a call it cost 135 bytes of gzipped WASM, and the page is at its budget.
#[inline(always)]
fn photographer_and_agency(credit: &str) -> bool {
    credit.contains('/') && credit.starts_with(|c: char| c.is_ascii_uppercase())
}

/// A photo caption, by its credit or its "in a photo provided by".
fn caption(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches('.');
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) {
        let credit = trimmed[open + 1..trimmed.len() - 1].trim();
        let names_and_agency = photographer_and_agency(credit) && credit.split(' ').count() <= 6;
        let labelled = ["Photo", "Picture", "Image", "Credit"]
            .iter()
            .any(|w| credit.starts_with(w));
        if names_and_agency || labelled {
            return true;
        }
    }
    [
        "in a photo provided by",
        "in a handout photo",
        "in this photo",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// Whether the second of two words makes a statement: "Roads closed.",
/// "Nobody came.", "Prices rise." — not "Absolutely nothing.", "Shameful!".
fn finite(token: &Token) -> bool {
    let w = token.lower();
    (w.ends_with("ed") && w.len() > 3)
        || token.verb.is_some()
        || matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "had"
                | "came"
                | "went"
                | "won"
                | "lost"
                | "fell"
                | "rose"
                | "died"
                | "left"
                | "ran"
                | "sank"
                | "grew"
                | "stood"
                | "won't"
                | "can't"
                | "agrees"
                | "rise"
                | "falls"
                | "wins"
                | "loses"
                | "dies"
                | "works"
        )
}

/// Verbs that open an imperative: "Call your council member", "Consider
/// what the bill would mean", "Pack the room". Asked of every sentence's
/// first word: a hash table, not a comparison with each of eighty.
pub(in crate::attribution) static COMMANDS: WordList = WordList::new(&[
    "call",
    "write",
    "email",
    "tell",
    "ask",
    "consider",
    "look",
    "read",
    "think",
    "imagine",
    "remember",
    "stop",
    "start",
    "take",
    "make",
    "let",
    "give",
    "get",
    "go",
    "come",
    "join",
    "sign",
    "vote",
    "try",
    "keep",
    "check",
    "send",
    "contact",
    "share",
    "watch",
    "listen",
    "pack",
    "buy",
    "chip",
    "wake",
    "respond",
    "demand",
    "fight",
    "stand",
    "speak",
    "follow",
    "see",
    "bring",
    "turn",
    "talk",
    "donate",
    "click",
    "subscribe",
    "register",
    "attend",
    "spread",
    "learn",
    "picture",
    "forget",
    "ignore",
    "believe",
    "trust",
    "beware",
    "show",
    "phone",
    "ring",
    "visit",
    "tweet",
    "boycott",
    "refuse",
    "reject",
    "help",
    "act",
    "wait",
    "note",
    "mark",
    "rally",
    "lobby",
    "complain",
    "object",
    "sign",
    "turn",
]);

/// What may follow a command's verb: an object or a question word.
const AFTER_COMMAND: &[&str] = &[
    "me",
    "us",
    "you",
    "him",
    "her",
    "them",
    "it",
    "yourself",
    "yourselves",
    "your",
    "our",
    "my",
    "their",
    "his",
    "its",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "every",
    "each",
    "all",
    "any",
    "some",
    "no",
    "what",
    "how",
    "why",
    "who",
    "whether",
    "where",
    "when",
    "again",
    "now",
    "here",
    "more",
    "less",
    "nothing",
    "everyone",
    "anyone",
    "someone",
];

/// Phrasal commands: "chip in", "show up", "look at", "write to".
const PHRASAL: &[(&str, &str)] = &[
    ("chip", "in"),
    ("join", "in"),
    ("wake", "up"),
    ("show", "up"),
    ("sign", "up"),
    ("speak", "up"),
    ("stand", "up"),
    ("turn", "up"),
    ("turn", "out"),
    ("look", "at"),
    ("think", "about"),
    ("talk", "to"),
    ("write", "to"),
    ("listen", "to"),
    ("respond", "to"),
    ("come", "to"),
    ("go", "to"),
    ("vote", "for"),
    ("fight", "back"),
    ("call", "on"),
    ("check", "out"),
    ("reach", "out"),
    ("get", "out"),
    ("speak", "to"),
    ("complain", "to"),
];

/// A sentence that gives an order: a command verb first (after "So",
/// "Then", "Just", "Please", "Always", "Better still,"), with an object or
/// particle after it; or "Don't …", "Do not …", "Let's …".
fn imperative(tokens: &[Token]) -> bool {
    let mut k = 0;
    while k < tokens.len()
        && (!tokens[k].is_word()
            || matches!(
                tokens[k].lower(),
                "so" | "then"
                    | "and"
                    | "but"
                    | "now"
                    | "just"
                    | "please"
                    | "always"
                    | "never"
                    | "simply"
                    | "instead"
                    | "better"
                    | "still"
                    | "first"
                    | "next"
                    | "finally"
                    | "today"
                    | "tomorrow"
            ))
    {
        k += 1;
    }
    let Some(verb) = tokens.get(k) else {
        return false;
    };
    let word = verb.lower();
    // "Make no mistake: …", "Let me be blunt: …": a discourse marker, then
    // the claim.
    if tokens[k..tokens.len().min(k + 6)]
        .iter()
        .any(|t| t.text == ":")
    {
        return false;
    }
    if matches!(word, "don't" | "don’t") {
        return true;
    }
    // "Let's just say out loud what everyone already knows: …" announces a
    // claim, however long the announcement.
    if matches!(word, "let's" | "let’s") {
        return !tokens[k..].iter().any(|t| t.text == ":");
    }
    if word == "do" && tokens.get(k + 1).is_some_and(|t| t.lower() == "not") {
        return true;
    }
    if !COMMANDS.contains(word) {
        return false;
    }
    let Some(next) = tokens.get(k + 1) else {
        return true;
    };
    let after = next.lower();
    !next.is_word() && next.text != "-"
        || AFTER_COMMAND.contains(&after)
        || PHRASAL.contains(&(word, after))
        // "Stop buying tickets", "Keep fighting".
        || after.ends_with("ing") && matches!(word, "stop" | "start" | "keep" | "try")
        // "Tell Doreen", "Call Mary".
        || next.is_capitalized()
            && matches!(word, "tell" | "ask" | "call" | "email" | "write" | "phone" | "ring" | "contact")
}

/// The author's bio: "Wade Hollister is a rancher …", "Dev Kallistratos
/// writes about …" — a paragraph that opens with the name of the article's
/// author, or, when the metadata has none, with a given name and a writer's
/// verb ("writes", "covers", "taught"). Every sentence of that paragraph is
/// the bio.
pub(super) fn bio(tokens: &[Token], authors: &[String]) -> bool {
    let mut k = 0;
    while k < tokens.len() && tokens[k].is_capitalized() && tokens[k].is_word() && k < 4 {
        k += 1;
    }
    if k < 2 {
        return false;
    }
    let name: Vec<&str> = tokens[..k].iter().map(|t| t.text).collect();
    let name = name.join(" ");
    let verb = tokens.get(k).map_or("", |t| t.lower());
    let bio_verb = matches!(
        verb,
        "is" | "was"
            | "writes"
            | "has"
            | "covers"
            | "taught"
            | "teaches"
            | "lives"
            | "worked"
            | "works"
            | "reports"
            | "edits"
    );
    if !bio_verb {
        return false;
    }
    if authors.iter().any(|a| a.eq_ignore_ascii_case(&name)) {
        return true;
    }
    // Without the metadata: a given name, then a writer's verb.
    authors.is_empty()
        && with_lowercase(tokens[0].text, |w| GIVEN_NAMES.contains(w))
        && matches!(verb, "writes" | "covers" | "taught" | "teaches" | "reports")
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::claims;

    #[test]
    fn statements_are_claims() {
        let text = "The council voted to close the library.\n\nCrime in the downtown core is up 47 percent.\n\nEnough is enough.\n\nCall centres in the town have closed.";
        assert_eq!(claims(text, &[]), [true, true, true, true]);
    }

    #[test]
    fn photo_captions_are_not_claims() {
        let text = "Gregory Venn leaves the federal courthouse in Tulsa on Tuesday (Jonah Petrakis/Meridian Press)\n\n\
            Kwame Asante-Boyd as DS Elias Marr in The Saltmarsh (Photograph: Northlight)\n\n\
            A researcher filters a water sample at the laboratory, in a photo provided by the university.\n\n\
            The fund lost $6 million (about £4.7 million) last year.";
        assert_eq!(claims(text, &[]), [false, false, false, true]);
    }

    #[test]
    fn a_credit_and_the_caption_it_closes_are_not_claims() {
        let text = "Protesters block the ring road on Thursday morning. Photograph: Sentinel Pictures\n\n\
            An artist's rendering shows the probe over the moon's surface. (Illustration: ADSA/Halvorsen Institute)\n\n\
            Residents line up to speak at the meeting in Marlow.\n\n(Jeff Solberg/Ledger-Dispatch)\n\n\
            The probe found ice. It reached the moon in 2024.";
        assert_eq!(
            claims(text, &[]),
            [false, false, false, false, false, false, true, true]
        );
        // A colon in a statement is no credit.
        let text = "The picture is clear: costs will rise.\n\nImage matters: voters said so.";
        assert_eq!(claims(text, &[]), [true, true]);
    }

    #[test]
    fn questions_commands_exclamations_and_labels_are_not() {
        let text = "People first?\n\nCall your council member.\n\nDon't let them win.\n\nShameful!\n\nMadrid, 12 de febrero\n\nBy Ana Ruiz\n\nSir,\n\nConsider what the plan would cost.\n\nSo where is the money?\n\nLet the empty seats do the talking.";
        assert_eq!(claims(text, &[]), [false; 10]);
    }

    #[test]
    fn the_authors_bio_is_not_a_claim() {
        let text = "The ferry will stop running in May.\n\nJune Okafor is a reporter at the Gazette. She covers transport.";
        assert_eq!(
            claims(text, &["June Okafor".to_string()]),
            [true, false, false]
        );
        // Someone else described in the same words is a claim.
        let text = "The ferry will stop running in May.\n\nKarl Weber is a ferry captain.";
        assert_eq!(claims(text, &["June Okafor".to_string()]), [true, true]);
    }
}
