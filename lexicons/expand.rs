// How a lexicon entry's term becomes the forms that are matched. Shared, by
// `include!`, between `build.rs` (which checks that no form belongs to two
// entries) and the generated lexicon tables (which expand the forms once, at
// run time, instead of carrying every expanded form in the WASM).
// Size and start-up: see BENCHMARKS.md#t-forms-at-startup and
// BENCHMARKS.md#t-odometer.
// Measured: BENCHMARKS.md#t-forms-unstable.

/// Inflection codes, as stored per entry in the generated tables (0: none).
const INFLECT_NOUN: u8 = 1;
const INFLECT_VERB: u8 = 2;

/// Every form of one entry, lower-cased, sorted, without duplicates: its term
/// with alternations expanded and inflected, plus its explicit extra forms.
fn entry_forms<'a>(term: &str, inflect: u8, extra: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut forms = Vec::new();
    for base in expand_alternation(&term.to_lowercase()) {
        match inflect {
            INFLECT_NOUN => forms.extend(noun_forms(&base)),
            INFLECT_VERB => forms.extend(verb_forms(&base)),
            _ => forms.push(base),
        }
    }
    forms.extend(extra.into_iter().map(str::to_lowercase));
    // Sorted and deduplicated by binary insertion: an entry has 250 forms at
    // most, most a handful, and std's sort for strings was one more copy of
    // the sort in the WASM (about 1.5 KB gzipped; BENCHMARKS.md#t-forms-insertion).
    let mut sorted: Vec<String> = Vec::with_capacity(forms.len());
    for form in forms {
        if let Err(at) = sorted.binary_search(&form) {
            sorted.insert(at, form);
        }
    }
    sorted
}

/// "(experts|critics) (say|said)" -> every combination, whitespace runs made
/// single spaces. Groups do not nest. Each combination is written once (the
/// forms are expanded at start-up, so this is on the first result's path).
fn expand_alternation(term: &str) -> Vec<String> {
    // Literal text and groups of choices, in order; a literal is a group of one.
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut rest = term;
    while let Some(open) = rest.find('(') {
        let close = open + rest[open..].find(')').expect("unclosed ( in lexicon term");
        groups.push(vec![&rest[..open]]);
        groups.push(rest[open + 1..close].split('|').collect());
        rest = &rest[close + 1..];
    }
    groups.push(vec![rest]);
    let total: usize = groups.iter().map(Vec::len).product();
    let mut out = Vec::with_capacity(total);
    // An odometer over the groups' choices, the last group turning fastest.
    let mut choice = vec![0; groups.len()];
    let mut joined = String::new();
    for _ in 0..total {
        joined.clear();
        for (group, &c) in groups.iter().zip(&choice) {
            joined.push_str(group[c]);
        }
        let mut form = String::with_capacity(joined.len());
        for word in joined.split_whitespace() {
            if !form.is_empty() {
                form.push(' ');
            }
            form.push_str(word);
        }
        out.push(form);
        for (c, group) in choice.iter_mut().zip(&groups).rev() {
            *c += 1;
            if *c < group.len() {
                break;
            }
            *c = 0;
        }
    }
    out
}

fn ends_with_sibilant(word: &str) -> bool {
    ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| word.ends_with(s))
}

fn consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn noun_forms(word: &str) -> [String; 2] {
    let plural = if consonant_y(word) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ends_with_sibilant(word) {
        format!("{word}es")
    } else {
        format!("{word}s")
    };
    [word.to_string(), plural]
}

fn verb_forms(word: &str) -> [String; 4] {
    let b = word.as_bytes();
    let is_vowel = |c: u8| b"aeiou".contains(&c);
    if consonant_y(word) {
        let stem = &word[..word.len() - 1];
        [
            word.to_string(),
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{word}ing"),
        ]
    } else if let Some(stem) = word.strip_suffix('e') {
        [
            word.to_string(),
            format!("{word}s"),
            format!("{word}d"),
            format!("{stem}ing"),
        ]
    } else {
        // Short consonant-vowel-consonant verbs double their last letter: slam, slammed.
        let n = b.len();
        let double = (3..=4).contains(&n)
            && !is_vowel(b[n - 1])
            && !b"wxy".contains(&b[n - 1])
            && is_vowel(b[n - 2])
            && !is_vowel(b[n - 3]);
        let stem = if double {
            format!("{word}{}", b[n - 1] as char)
        } else {
            word.to_string()
        };
        let third = if ends_with_sibilant(word) {
            format!("{word}es")
        } else {
            format!("{word}s")
        };
        [
            word.to_string(),
            third,
            format!("{stem}ed"),
            format!("{stem}ing"),
        ]
    }
}
