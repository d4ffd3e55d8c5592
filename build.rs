//! Compiles the lexicons in `lexicons/*.toml` into static Rust tables, so the
//! WASM module carries no TOML parser and pays no parsing cost at start-up.
//! Here the data is checked: unknown fields, bad severities, duplicate forms.

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

// The category table itself, so an entry's category is checked against the
// same rows the core uses.
#[allow(dead_code)]
#[path = "src/category.rs"]
mod category;

// The learned model's packed form, shared with the core that reads it
// (the reading half is unused here).
#[allow(dead_code)]
#[path = "src/learned/packed.rs"]
mod packed;

/// Packs `models/learned.tsv` into `OUT_DIR/learned.bin` (see
/// `src/learned/packed.rs`), checking it on the way.
fn pack_model() {
    let file = "models/learned.tsv";
    println!("cargo:rerun-if-changed={file}");
    println!("cargo:rerun-if-changed=src/learned/packed.rs");
    let text = std::fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{file}: cannot read the learned model: {e}"));
    let model = packed::Unpacked::from_text(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    for (_, category) in &model.techniques {
        assert!(
            category::Category::from_key(category).is_some(),
            "{file}: unknown category `{category}`"
        );
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("learned.bin");
    std::fs::write(dest, packed::pack(&model)).unwrap();
}

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

// The form expansion, shared with the generated tables.
include!("lexicons/expand.rs");

/// Packs the HTML standard's named character references (from `web_atoms`)
/// into `OUT_DIR/entities.bin`, read by `src/input/html/entities.rs`.
///
/// Sorted by name, front-coded, each name stored once: gzip makes this 9.4 KB
/// where plain `name;\x01value\x00` records are 11.3 KB. Per name without
/// its ';': the bytes past those it shares with the previous name, then a
/// header byte (0x80 | two-code-points 0x40 | bare-form-too 0x20 | shared
/// length), then the value as UTF-8. Every name has a ';' form; the header
/// says whether the legacy form without ';' exists too.
fn pack_entities() {
    let mut entities = std::collections::BTreeMap::new();
    for (name, &(first, second)) in web_atoms::NAMED_ENTITIES.entries() {
        // The map also holds every prefix of a name, valued (0, 0).
        if first == 0 {
            continue;
        }
        let mut value = String::new();
        for code in [first, second].into_iter().filter(|&c| c != 0) {
            value.push(char::from_u32(code).expect("a named reference is a scalar value"));
        }
        entities.insert(*name, value);
    }
    assert_eq!(entities.len(), 2231, "the standard's table has 2231 names");
    // In the order of the names without ';' ("emsp" before "emsp13").
    let mut bases = std::collections::BTreeMap::new();
    for (name, value) in &entities {
        match name.strip_suffix(';') {
            Some(base) => bases.insert(base.as_bytes(), (*name, value)),
            None => {
                let full = entities.get(&*format!("{name};"));
                assert_eq!(full, Some(value), "&{name} has no ';' form");
                continue;
            }
        };
    }
    let mut blob = Vec::new();
    let mut previous: &[u8] = b"";
    for (base, (name, value)) in bases {
        assert!(base.iter().all(u8::is_ascii_alphanumeric), "&{name}");
        let shared = base
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        // Sorted and distinct: a name never ends within the previous one.
        assert!(shared < base.len() && shared < 0x20, "&{name}");
        let bare = entities.get(&name[..name.len() - 1]);
        assert!(bare.is_none() || bare == Some(value), "&{name}");
        let chars = value.chars().count();
        assert!(chars == 1 || chars == 2, "&{name}");
        blob.extend_from_slice(&base[shared..]);
        blob.push(
            0x80 | if chars == 2 { 0x40 } else { 0 }
                | if bare.is_some() { 0x20 } else { 0 }
                | shared as u8,
        );
        blob.extend_from_slice(value.as_bytes());
        previous = base;
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("entities.bin");
    std::fs::write(dest, blob).unwrap();
}

fn main() {
    pack_model();
    pack_entities();
    println!("cargo:rerun-if-changed=lexicons/expand.rs");
    println!("cargo:rerun-if-changed=src/category.rs");
    let mut out = String::new();
    // The entries as one text and a table of lengths, not a table of `&str`s:
    // in the WASM a `&str` is a pointer and a length, which gzip compresses
    // badly (5 KB more than this layout). `lexicon::entries` unpacks them.
    let mut entry_text = String::new();
    let mut layout_src = String::from("static ENTRY_LAYOUT: &[u8] = b\"");
    // Per entry, its inflection and its extra forms: the forms themselves are
    // expanded once at run time (see `lexicons/expand.rs`), which keeps some
    // 100 KB of expanded phrases and their table out of the WASM.
    let mut inflect_src = String::from("static ENTRY_INFLECT: &[u8] = b\"");
    let mut extra_forms = Vec::new();
    // The fully expanded forms only serve the tests, which check the run-time
    // expansion against them.
    let mut forms_src = String::from("#[cfg(test)]\nstatic FORMS_EXPECTED: &[(&str, u16)] = &[\n");
    // The example sentences only serve the tests: kept out of the WASM.
    let mut examples_src =
        String::from("#[cfg(test)]\npub static EXAMPLES: &[(&str, &str)] = &[\n");
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut index: u16 = 0;
    for file in LEXICON_FILES {
        println!("cargo:rerun-if-changed={file}");
        let path = Path::new(file);
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{file}: cannot read the lexicon: {e}"));
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
            let inflect = match entry.inflect.as_deref().unwrap_or("none") {
                "none" => 0,
                "noun" => INFLECT_NOUN,
                "verb" => INFLECT_VERB,
                other => panic!("{file}: `{}` has unknown inflect `{other}`", entry.term),
            };
            for form in &entry.forms {
                assert!(
                    !form.contains(['\t', '\n']),
                    "{file}: form `{form}` of `{}` has a tab or line break",
                    entry.term
                );
            }
            let forms = entry_forms(&entry.term, inflect, entry.forms.iter().map(String::as_str));
            for form in &forms {
                if let Some(previous) = seen.insert(form.clone(), entry.term.clone()) {
                    panic!(
                        "{file}: form `{form}` of `{}` is also a form of `{previous}`",
                        entry.term
                    );
                }
                writeln!(forms_src, "    ({form:?}, {index}),").unwrap();
            }
            write!(inflect_src, "\\x{inflect:02x}").unwrap();
            extra_forms.push(entry.forms.join("\t"));
            let why = entry.why.trim();
            let alternative = entry.alternative.as_deref().map(str::trim);
            let category = category::Category::from_key(&entry.category)
                .map(|c| c as u8)
                .unwrap_or_else(|| {
                    panic!(
                        "{file}: `{}` has unknown category `{}`",
                        entry.term, entry.category
                    )
                });
            // Lengths as u16; an alternative's is one more than its length, 0 for none.
            let lengths = [
                entry.term.len(),
                why.len(),
                alternative.map_or(0, |a| a.len() + 1),
            ];
            for length in lengths {
                let length = u16::try_from(length).expect("lexicon strings are short");
                for byte in length.to_le_bytes() {
                    write!(layout_src, "\\x{byte:02x}").unwrap();
                }
            }
            write!(layout_src, "\\x{category:02x}\\x{:02x}", entry.severity).unwrap();
            entry_text.push_str(&entry.term);
            entry_text.push_str(why);
            entry_text.push_str(alternative.unwrap_or_default());
            writeln!(examples_src, "    ({:?}, {:?}),", entry.flags, entry.passes).unwrap();
            index += 1;
        }
    }
    layout_src.push_str("\";\n");
    inflect_src.push_str("\";\n");
    forms_src.push_str("];\n");
    examples_src.push_str("];\n");
    writeln!(
        out,
        "/// Every entry's term, explanation and alternative, one after another.\nstatic ENTRY_TEXT: &str = {entry_text:?};"
    )
    .unwrap();
    out.push_str("/// Per entry, 8 bytes: the lengths of its term, explanation and alternative\n/// (u16, little-endian; the alternative's one more, 0 for none), its category\n/// (index in `Category::ALL`) and severity.\n");
    out.push_str(&layout_src);
    out.push_str(&inflect_src);
    writeln!(
        out,
        "/// Per entry, one line: its extra forms, tab-separated.\nstatic ENTRY_EXTRA_FORMS: &str = {:?};",
        extra_forms.join("\n")
    )
    .unwrap();
    out.push_str(&forms_src);
    out.push_str(&examples_src);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicon_data.rs");
    std::fs::write(dest, out).unwrap();
}
