//! What a capitalised run names (`name_kind`, by its evidence), hedges,
//! role words and plurals.
//!
//! Measured: BENCHMARKS.md#t-classify-allocs.

use super::*;

/// What is known about a capitalised run besides its words.
#[derive(Debug, Clone, Copy, Default)]
pub(in crate::attribution) struct Evidence {
    /// A title or role before it: "Dr", "Councillor", "boss".
    pub(in crate::attribution) role: bool,
    /// "the" before it: "the Harbour Workers' Union" (never a person).
    pub(in crate::attribution) the: bool,
    /// A preposition of place before it: "in Cedar Mesa".
    pub(in crate::attribution) located: bool,
}

/// What a capitalised run names, with its name as it will be listed: a
/// person, an organisation or a document, and whether it is a lone word
/// read as a person with no evidence but its capital; `None` for a place,
/// a date, or a word capitalised only because it opens the sentence.
pub(in crate::attribution) fn name_kind(
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
        // Two words that end in no place's kind are a name too, whatever
        // its given name: "Tomasz Wielgosz of Harrow & Finch".
        let person_like = person.len() >= 2
            && (dropped > 0
                || GIVEN_NAMES.contains(person[0].1)
                || person.len() == 2 && !PLACE_WORDS.contains(person[1].1))
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
    // "Rail Minister Oliver Brennan", "Energy Secretary Ed Hale": a person;
    // the body's words before the title are the title's.
    // After a title, a role is the title's too: "Chief Executive Renata
    // Solberg" (though "Executive" alone may be a body's word).
    let named = name_after_title(
        bare.len(),
        usize::from(dropped == 0),
        |i| TITLES.contains(bare[i].1) || i == 0 && ROLE_HEADS.contains(bare[i].1),
        |i| GIVEN_NAMES.contains(bare[i].1),
    )
    .map_or(bare, |n| &bare[n..]);
    // "UN Under-Secretary-General Stephen O'Brien" is a person; "NHS
    // England" is a body.
    let org_word = named.iter().any(|(_, w)| ORGANISATION_WORDS.contains(w))
        || acronym_lead && !(dropped > 0 && bare.len() >= 2 && !all_caps(tokens[bare[0].0].text));
    if DOCUMENT_NAMES.contains(&last) && (the || run.len() > 1) {
        return Some((name(), SourceKind::Document, false));
    }
    if org_word {
        return Some((name(), SourceKind::Organisation, false));
    }
    // "Britain's Foreign Secretary Oliver Hale": the place is the title's.
    if named.len() < bare.len() {
        return Some((name(), SourceKind::Person, false));
    }
    // A place ends with its kind ("Quay Street", "Cedar Mesa", "City
    // Hall") or names a region anywhere ("the North West"); a given name
    // first makes it a person ("Jane Hall", "Dale Marchetti"). "St." before
    // a name is a saint.
    let bare_first = bare[0].1;
    // A lone word known as a person's name is that person ("Park said").
    let known_person = bare.len() == 1 && known.person(bare_first);
    let place = !given_first
        && !known_person
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

/// Where the name starts in a run of `len` words with a title inside it,
/// then a given name and a surname or two ("Rail Minister Oliver Brennan":
/// 2; "Britain's Foreign Secretary Oliver Hale": 3). The title stands at
/// `from` or later; `title(i)` and `given(i)` test word `i`. Only the two
/// places such a title can stand are tried: this runs for every capitalised
/// run.
pub(in crate::attribution) fn name_after_title(
    len: usize,
    from: usize,
    title: impl Fn(usize) -> bool,
    given: impl Fn(usize) -> bool,
) -> Option<usize> {
    [3, 4]
        .into_iter()
        .filter_map(|back| len.checked_sub(back))
        .find(|&t| t >= from && title(t) && given(t + 1))
        .map(|t| t + 1)
}

/// Whether `tokens[range]` holds a hedge ("close to", "familiar with",
/// "anonymity", "not to be named", "not authorised to"): what makes any
/// phrase a vague source. A scan of the words, each compared by length
/// first with a handful of hedges.
pub(in crate::attribution) fn has_hedge(tokens: &[Token], range: Range<usize>) -> bool {
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
pub(super) fn bare_word<'t>(token: &'t Token) -> &'t str {
    strip_possessive(token.lower()).trim_end_matches(['.', '\'', '’'])
}

/// Whether a name is strongly a person's: a given name, a title or role
/// before it, or a role or age after it ("Gwen Hollis, who chairs …",
/// "Tariq Haddad, 57,"). Mentions need this to stand for a later "she".
pub(in crate::attribution) fn person_evidence(
    tokens: &[Token],
    run: &Range<usize>,
    bare: &str,
) -> bool {
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
    // between commas after a lower-case role, or between a comma and the
    // sentence's end.
    let closes = tokens
        .get(run.end)
        .is_none_or(|t| matches!(t.text, "." | ";"));
    let named_role = (comma_after || closes)
        && run.start >= 2
        && tokens[run.start - 1].text == ","
        && tokens[run.start - 2].is_word()
        && !tokens[run.start - 2].is_capitalized();
    given || titled || apposition || named_role
}

/// A lower-case word before a name that says what the person is: "career
/// politician Lydia Harrow", "shopkeeper Lena Voss", "Council leader
/// Martin Cheswick" — any noun, not a preposition, a determiner, a verb.
pub(in crate::attribution) fn role_word(token: &Token) -> bool {
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
    if token.is_capitalized() || !token.is_word() || token.is_quoted() {
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
pub(in crate::attribution) fn plural(word: &str) -> bool {
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
pub(super) fn plural_common(word: &str) -> bool {
    GROUP_HEADS.contains(word)
        || ["ers", "ists", "ians", "ants", "ents", "ors", "ees", "ives"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// A word for people that opens a sentence with a capital only because it
/// opens it: "Critics of Teague", "Economists", "Several".
pub(super) fn people_word(word: &str) -> bool {
    GROUP_HEADS.contains(word)
        || ANONYMOUS_HEADS.contains(word)
        || QUANTIFIERS.contains(word)
        || plural_common(word)
}

/// Whether a token is a possessive: "Harrow's", "Workers'".
pub(super) fn is_possessive(word: &str) -> bool {
    word.ends_with("'s")
        || word.ends_with("’s")
        || (word.len() > 2 && (word.ends_with("s'") || word.ends_with("s’")))
}

pub(super) fn trim_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}
