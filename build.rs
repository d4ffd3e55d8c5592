//! Compiles the lexicons in `lexicons/*.toml` into static Rust tables, so the
//! WASM module carries no TOML parser and pays no parsing cost at start-up.
//! Here the data is checked: unknown fields, bad severities, duplicate forms.

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

const LEXICON_FILES: &[&str] = &["lexicons/loaded_language.toml", "lexicons/sourcing.toml"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    term: String,
    category: String,
    severity: u8,
    why: String,
    alternative: Option<String>,
    #[serde(default)]
    inflect: Option<String>,
    #[serde(default)]
    forms: Vec<String>,
    flags: String,
    passes: String,
}

fn main() {
    let mut out = String::new();
    let mut entries_src = String::from("pub static ENTRIES: &[Entry] = &[\n");
    let mut forms_src = String::from("pub static FORMS: &[(&str, u16)] = &[\n");
    // The example sentences only serve the tests: kept out of the WASM.
    let mut examples_src =
        String::from("#[cfg(test)]\npub static EXAMPLES: &[(&str, &str)] = &[\n");
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut index: u16 = 0;
    for file in LEXICON_FILES {
        println!("cargo:rerun-if-changed={file}");
        let path = Path::new(file);
        if !path.exists() {
            continue;
        }
        let source = std::fs::read_to_string(path).expect("read lexicon");
        let parsed: LexiconFile = toml::from_str(&source).unwrap_or_else(|e| panic!("{file}: {e}"));
        for entry in parsed.entry {
            assert!(
                (1..=3).contains(&entry.severity),
                "{file}: `{}` severity must be 1..=3",
                entry.term
            );
            assert!(
                !entry.why.trim().is_empty(),
                "{file}: `{}` has no why",
                entry.term
            );
            let mut forms = Vec::new();
            for base in expand_alternation(&entry.term.to_lowercase()) {
                let inflected = match entry.inflect.as_deref().unwrap_or("none") {
                    "none" => vec![base.clone()],
                    "noun" => noun_forms(&base),
                    "verb" => verb_forms(&base),
                    other => panic!("{file}: `{}` has unknown inflect `{other}`", entry.term),
                };
                forms.extend(inflected);
            }
            forms.extend(entry.forms.iter().map(|f| f.to_lowercase()));
            forms.sort();
            forms.dedup();
            for form in &forms {
                if let Some(previous) = seen.insert(form.clone(), entry.term.clone()) {
                    panic!(
                        "{file}: form `{form}` of `{}` is also a form of `{previous}`",
                        entry.term
                    );
                }
                writeln!(forms_src, "    ({form:?}, {index}),").unwrap();
            }
            writeln!(
                entries_src,
                "    Entry {{ term: {:?}, category: Category::{}, severity: {}, why: {:?}, alternative: {:?} }},",
                entry.term,
                camel_case(&entry.category),
                entry.severity,
                entry.why.trim(),
                entry.alternative.as_deref().map(str::trim),
            )
            .unwrap();
            writeln!(examples_src, "    ({:?}, {:?}),", entry.flags, entry.passes).unwrap();
            index += 1;
        }
    }
    entries_src.push_str("];\n");
    forms_src.push_str("];\n");
    examples_src.push_str("];\n");
    out.push_str(&entries_src);
    out.push_str(&forms_src);
    out.push_str(&examples_src);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicon_data.rs");
    std::fs::write(dest, out).unwrap();
}

fn camel_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// "(experts|critics) (say|said)" -> every combination.
fn expand_alternation(term: &str) -> Vec<String> {
    let Some(open) = term.find('(') else {
        return vec![term.split_whitespace().collect::<Vec<_>>().join(" ")];
    };
    let close = open + term[open..].find(')').expect("unclosed ( in lexicon term");
    let mut out = Vec::new();
    for choice in term[open + 1..close].split('|') {
        let candidate = format!("{}{}{}", &term[..open], choice, &term[close + 1..]);
        out.extend(expand_alternation(&candidate));
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

fn noun_forms(word: &str) -> Vec<String> {
    let plural = if consonant_y(word) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ends_with_sibilant(word) {
        format!("{word}es")
    } else {
        format!("{word}s")
    };
    vec![word.to_string(), plural]
}

fn verb_forms(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let is_vowel = |c: u8| b"aeiou".contains(&c);
    let mut forms = vec![word.to_string()];
    if consonant_y(word) {
        let stem = &word[..word.len() - 1];
        forms.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{word}ing"),
        ]);
    } else if let Some(stem) = word.strip_suffix('e') {
        forms.extend([format!("{word}s"), format!("{word}d"), format!("{stem}ing")]);
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
        forms.extend([third, format!("{stem}ed"), format!("{stem}ing")]);
    }
    forms
}
