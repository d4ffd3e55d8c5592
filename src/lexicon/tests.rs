use super::*;

fn entry_hits(text: &str, index: usize) -> Vec<Hit> {
    Matcher::builtin()
        .find(text)
        .into_iter()
        .filter(|h| h.entry == EntryRef::Builtin(index as u16))
        .collect()
}

#[test]
fn forms_expand_at_run_time_as_at_build_time() {
    assert_eq!(ENTRY_INFLECT.len(), entries().len());
    assert_eq!(&*FORMS, FORMS_EXPECTED);
}

#[test]
fn entries_unpack_from_the_generated_tables() {
    let unpacked: usize = entries()
        .iter()
        .map(|e| e.term.len() + e.why.len() + e.alternative.map_or(0, str::len))
        .sum();
    assert_eq!(
        unpacked,
        ENTRY_TEXT.len(),
        "every byte of the text belongs to one entry"
    );
    let thug = entries().iter().find(|e| e.term == "thug").unwrap();
    assert_eq!(thug.category, Category::NameCalling);
    assert_eq!(thug.severity, 2);
    assert!(thug
        .why
        .starts_with("Casts the people involved as violent criminals"));
    assert_eq!(
        thug.alternative,
        Some("protesters, attackers, men; describe what they did")
    );
    assert!(entries().iter().any(|e| e.alternative.is_none()));
}

#[test]
fn lexicons_are_not_empty() {
    assert!(
        entries().len() > 100,
        "only {} lexicon entries",
        entries().len()
    );
    for category in [
        Category::Distancing,
        Category::NameCalling,
        Category::Emotive,
        Category::Exaggeration,
        Category::VagueAttribution,
        Category::UnsupportedCertainty,
    ] {
        assert!(
            entries().iter().any(|e| e.category == category),
            "{category:?} is empty"
        );
    }
}

/// Every entry carries its own proof: one sentence it must flag, one it must not.
#[test]
fn every_entry_flags_its_example_and_passes_its_counterexample() {
    let mut failures = Vec::new();
    assert_eq!(EXAMPLES.len(), entries().len());
    for (i, (e, (flags, passes))) in entries().iter().zip(EXAMPLES).enumerate() {
        if entry_hits(flags, i).is_empty() {
            failures.push(format!("`{}` does not flag: {flags}", e.term));
        }
        if !entry_hits(passes, i).is_empty() {
            failures.push(format!("`{}` wrongly flags: {passes}", e.term));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn custom(terms: &[&str]) -> Matcher {
    Matcher::new(
        terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.to_string(), EntryRef::Custom(i))),
    )
}

#[test]
fn matches_whole_words_only() {
    let m = custom(&["mob"]);
    assert!(m.find("He bought a mobile phone.").is_empty());
    assert_eq!(m.find("A mob gathered.")[0].range, 2..5);
    assert_eq!(m.find("MOB rule")[0].range, 0..3);
}

#[test]
fn case_is_ignored_for_every_letter_as_the_text_is_folded() {
    let m = custom(&["So-Called", "Élite"]);
    assert_eq!(m.find("the SO-CALLED plan")[0].range, 4..13);
    assert_eq!(m.find("the So Called plan")[0].range, 4..13);
    for text in ["an élite squad", "an éLITE squad", "an ÉLITE squad"] {
        assert_eq!(m.find(text)[0].range, 3..9, "{text}");
    }
    // A reader's term in capitals finds its word in any case: the term is
    // folded exactly as the text is.
    let upper = custom(&["ÉLITE", "ΚΡΙΣΗ", "ДЕЛО"]);
    for (text, found) in [
        ("an ÉLITE squad", "ÉLITE"),
        ("an élite squad", "élite"),
        ("η κρίση ΚΡΙΣΗ", "ΚΡΙΣΗ"),
        ("это дело", "дело"),
    ] {
        let hits = upper.find(text);
        assert_eq!(hits.len(), 1, "{text}");
        assert_eq!(&text[hits[0].range.clone()], found);
    }
}

#[test]
fn letters_whose_case_changes_length_map_back_exactly() {
    // The Kelvin sign (3 bytes) folds to "k" (1 byte), "Ⱥ" (2) to "ⱥ" (3).
    let m = custom(&["kilo", "ⱥb"]);
    let text = "a \u{212a}ILO and \u{23a}B then kilo";
    let found: Vec<&str> = m
        .find(text)
        .iter()
        .map(|h| &text[h.range.clone()])
        .collect();
    assert_eq!(found, ["\u{212a}ILO", "\u{23a}B", "kilo"]);
}

#[test]
fn phrases_match_across_line_breaks_and_typographic_variants() {
    let m = custom(&["so-called", "don't look"]);
    let text = "the so\u{2011}called plan and the so called\nfix; don\u{2019}t   look";
    let hits = m.find(text);
    let found: Vec<&str> = hits.iter().map(|h| &text[h.range.clone()]).collect();
    assert_eq!(
        found,
        ["so\u{2011}called", "so called", "don\u{2019}t   look"]
    );
    let m = custom(&["experts say"]);
    let text = "Experts\r\n  say so.";
    assert_eq!(&text[m.find(text)[0].range.clone()], "Experts\r\n  say");
}

#[test]
fn prefers_the_longest_phrase_that_fits_the_word_boundaries() {
    let m = custom(&["worst", "the worst ever", "worst ever"]);
    let text = "It was the worst ever. The worst evermore.";
    let found: Vec<&str> = m
        .find(text)
        .iter()
        .map(|h| &text[h.range.clone()])
        .collect();
    assert_eq!(found, ["the worst ever", "worst"]);
}

#[test]
fn offsets_survive_multibyte_text() {
    let m = custom(&["massive"]);
    let text = "東京 👨‍👩‍👧 a massive crowd";
    let hit = &m.find(text)[0];
    assert_eq!(&text[hit.range.clone()], "massive");
}

#[test]
fn fold_maps_back_to_original_positions() {
    let text = "a\u{2019}b  \n c";
    let folded = fold(text);
    assert_eq!(folded.text, "a'b c");
    for (f, o) in [(0, 0), (1, 1), (2, 4), (3, 5), (4, 9), (5, 10)] {
        assert_eq!(folded.original(f), o, "folded {f}");
    }
}

/// The character-by-character definition `fold` must agree with.
fn fold_one_char_at_a_time(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut anchors = vec![(0, 0)];
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let (replacement, mut end) = match c {
            c if c.is_whitespace() => (' ', i + c.len_utf8()),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => ('\'', i + c.len_utf8()),
            '\u{2010}' | '\u{2011}' | '\u{2012}' => ('-', i + c.len_utf8()),
            c if c.to_lowercase().count() == 1 && c.to_lowercase().ne([c]) => {
                (c.to_lowercase().next().unwrap(), i + c.len_utf8())
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        if replacement == ' ' {
            while let Some(&(j, next)) = chars.peek().filter(|(_, n)| n.is_whitespace()) {
                end = j + next.len_utf8();
                chars.next();
            }
        }
        out.push(replacement);
        if end - i != replacement.len_utf8() {
            anchors.push((out.len(), end));
        }
    }
    out.make_ascii_lowercase();
    (out, anchors)
}

/// The matcher this one replaced, kept as its definition: every pattern
/// text found anywhere by an Aho-Corasick automaton, kept when its letter or
/// digit ends sit on word boundaries, then leftmost-longest.
fn find_with_automaton(forms: &[(&str, EntryRef)], text: &str) -> Vec<Hit> {
    let patterns = pattern_texts(forms.iter().map(|&(f, e)| (f.to_string(), e)));
    let automaton = aho_corasick::AhoCorasick::new(patterns.iter().map(|p| &p.0)).unwrap();
    let folded = fold(text);
    let haystack = folded.text.as_str();
    let word_before = |at: usize| haystack[..at].chars().next_back().is_some_and(is_word_char);
    let mut candidates: Vec<(usize, usize, usize)> = automaton
        .find_overlapping_iter(haystack)
        .filter(|m| {
            let p = &patterns[m.pattern().as_usize()].0;
            let first = p.chars().next().is_some_and(char::is_alphanumeric);
            let last = p.chars().last().is_some_and(char::is_alphanumeric);
            (!first || !word_before(m.start())) && (!last || !word_char_after(haystack, m.end()))
        })
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    candidates.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut hits = Vec::new();
    let mut taken_until = 0;
    for (start, end, pattern) in candidates {
        if start >= taken_until {
            taken_until = end;
            hits.push(Hit {
                range: folded.original(start)..folded.original(end),
                entry: patterns[pattern].1,
            });
        }
    }
    hits
}

/// `expand_alternation` as it was first written, recursively: its definition.
fn expand_recursively(term: &str) -> Vec<String> {
    let Some(open) = term.find('(') else {
        return vec![term.split_whitespace().collect::<Vec<_>>().join(" ")];
    };
    let close = open + term[open..].find(')').unwrap();
    term[open + 1..close]
        .split('|')
        .flat_map(|choice| {
            expand_recursively(&format!("{}{choice}{}", &term[..open], &term[close + 1..]))
        })
        .collect()
}

#[test]
fn alternations_expand_as_defined() {
    let mut terms: Vec<&str> = entries().iter().map(|e| e.term).collect();
    terms.extend([
        "",
        "a",
        "(a|b)",
        "x (|y) z",
        "(a|b)(c| d ) (e)",
        "  (a |b)  c ",
    ]);
    for term in terms {
        assert_eq!(expand_alternation(term), expand_recursively(term), "{term}");
    }
}

#[test]
fn builtin_matches_agree_with_the_automaton_on_every_example() {
    let forms: Vec<(&str, EntryRef)> = FORMS
        .iter()
        .map(|&(f, e)| (f, EntryRef::Builtin(e)))
        .collect();
    let text: String = EXAMPLES
        .iter()
        .flat_map(|(flags, passes)| [*flags, " ", *passes, "\n"])
        .collect();
    let upper = text.to_uppercase();
    for text in [text.as_str(), upper.as_str()] {
        assert_eq!(
            Matcher::builtin().find(text),
            find_with_automaton(&forms, text)
        );
    }
}

proptest::proptest! {
    #[test]
    fn fold_agrees_with_its_definition(
        text in "([a-zA-Z ]|\\s|\u{2019}|\u{2011}|\u{a0}|é|É|\u{130}|\u{212a}|\u{23a}|Σ|東|👍){0,40}",
    ) {
        let folded = fold(&text);
        let (expected, anchors) = fold_one_char_at_a_time(&text);
        proptest::prop_assert_eq!(&folded.text, &expected);
        proptest::prop_assert_eq!(&folded.anchors, &anchors);
    }

    #[test]
    fn matches_agree_with_the_automaton(
        terms in proptest::collection::vec("(a|b|_|#|-|'| |é|É|\u{212a}|東|ab|ba)(a|b|B|_|#|-|'| |é|É|\u{23a}){0,4}", 1..6),
        text in "(a|b|A|_|#|-|'|\u{2019}| |\n|é|É|\u{212a}|k|\u{23a}|\u{2c65}|東|👍|ab|ba){0,40}",
    ) {
        let forms: Vec<(&str, EntryRef)> = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), EntryRef::Custom(i)))
            .collect();
        let matcher = Matcher::new(forms.iter().map(|&(t, e)| (t.to_string(), e)));
        proptest::prop_assert_eq!(matcher.find(&text), find_with_automaton(&forms, &text));
    }
}
