//! The verbs a source says things with, in every form: "says", "said",
//! "will tell you", "have begun to suspect", "fumed", "was quoted as saying".
//!
//! Each verb is written once, in its base form, in one of the classes below
//! (irregular past forms after a slash, a final `+` for a doubled consonant);
//! its third-person, past and -ing forms are generated from the spelling
//! rules of English into one hash table on first use, so a token is looked
//! up once whatever its form. A class says how a frame may use the verb:
//!
//! - `Say`: speech and writing, whatever follows ("said", "warned",
//!   "praised the vote", "fumed").
//! - `Think`: belief and expectation ("believe", "fear", "expect"): a group
//!   that believes is a source as much as one that says.
//! - `Ambiguous`: a reporting sense only before a clause, a quotation or a
//!   colon ("added that …" but not "added a third goal"; "found that …" but
//!   not "found £2 million").
//! - `Publish`: what a body does with information ("issued a warning",
//!   "recommended a cut", "upheld the ordinance").
//! - `Know`: "everyone knows" is certainty claimed, not a source.
//! - `Heard`: "the court heard", with a court or an inquest as subject.
//! - `Quoted`: "X was quoted as saying": the passive names the speaker.
//! - `Study`: what documents and researchers do with their subject ("the
//!   schedule moves the start", "researchers followed 900 families", "a
//!   study links screen time to poorer sleep"):
//!   only a document or a research team makes these a frame.
//!
//! Measured: BENCHMARKS.md#t-verb-letters (most words are turned away by
//! their first and last letters and length before any hashing).

use crate::hash::fnv1a;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Say,
    Think,
    Ambiguous,
    Publish,
    Know,
    Heard,
    Quoted,
    Study,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// "say": after "will", "to", a plural subject.
    Base,
    /// "says".
    Third,
    /// "said": past tense and participle alike.
    Past,
    /// "saying".
    Ing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Verb {
    pub(super) class: Class,
    pub(super) form: Form,
    /// A base form that is its own past ("put", "forecast"): "Novak put it
    /// bluntly" has a singular subject and no auxiliary, and still reports.
    pub(super) past_too: bool,
}

const SAY: &str = "say/said tell/told state announce explain argue insist warn \
    stress confirm deny reply testify emphasise emphasize observe predict conclude recall concede \
    tweet declare admit+ contend maintain allege accuse respond urge counter complain agree \
    disagree dispute reveal fume slam+ blast rage snap+ quip+ boast vow pledge promise caution \
    lament assert remark comment disclose indicate forecast/forecast calculate question criticise \
    criticize condemn praise welcome retort repeat mention confess whisper shout scream yell \
    speak/spoke/spoken hint suggest estimate report brief inform propose dismiss label+ brand \
    dub+ term hail blame clarify underline reiterate concur+ reckon acknowledge answer demand \
    plead thank apologise apologize";
const THINK: &str = "believe think/thought fear worry suspect feel/felt expect doubt hope \
    understand/understood assume anticipate consider recognise recognize learn/learnt";
const AMBIGUOUS: &str =
    "add note claim ask find/found show/showed/shown post describe call point project highlight \
    write/wrote/written \
    record put/put+ continue list detail cite reject";
const PUBLISH: &str = "issue release publish recommend rule uphold/upheld order";
const KNOW: &str = "know/knew/known";
const HEARD: &str = "hear/heard";
const QUOTED: &str = "quote";
const STUDY: &str = "move count follow survey measure track compare study analyse analyze \
    examine monitor interview review take/took/taken collect sample recruit link";

/// The verb `word` (lower case) is a form of, if it is one. Asked of every
/// word of an article, most of which are no verb: the first and last
/// letters and the length rule out most before any hashing.
#[inline]
pub(super) fn verb(word: &str) -> Option<Verb> {
    let bytes = word.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return None;
    };
    if !(2..=14).contains(&bytes.len()) {
        return None;
    }
    let table = table();
    let (first, last) = (first.wrapping_sub(b'a'), last.wrapping_sub(b'a'));
    if first >= 26 || last >= 26 {
        return None;
    }
    let lengths = table.lengths[usize::from(first) * 26 + usize::from(last)];
    if lengths >> bytes.len() & 1 == 0 {
        return None;
    }
    table.get(word)
}

/// Forms → verbs, open addressing on FNV-1a like `WordList`.
struct Table {
    slots: Vec<Option<(Box<str>, Verb)>>,
    /// Per first and last letter (a–z each): a bit for each length of a
    /// form so spelt.
    lengths: [u16; 26 * 26],
}

impl Table {
    /// Out of line, so that the letters' test, inlined, stays small.
    #[inline(never)]
    fn get(&self, word: &str) -> Option<Verb> {
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(word.as_bytes()) & mask;
        loop {
            match &self.slots[slot] {
                None => return None,
                Some((form, verb)) if **form == *word => return Some(*verb),
                Some(_) => slot = (slot + 1) & mask,
            }
        }
    }

    fn insert(&mut self, form: String, verb: Verb) {
        let bytes = form.as_bytes();
        let letter = |b: u8| {
            assert!(
                b.is_ascii_lowercase(),
                "{form}: forms are lower-case letters"
            );
            usize::from(b - b'a')
        };
        let (first, last) = (letter(bytes[0]), letter(bytes[bytes.len() - 1]));
        assert!((2..=14).contains(&bytes.len()), "{form}: 2 to 14 letters");
        self.lengths[first * 26 + last] |= 1 << bytes.len();
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(bytes) & mask;
        while let Some((existing, _)) = &self.slots[slot] {
            // A form two verbs share ("found", "put") keeps the first class.
            if **existing == *form {
                return;
            }
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = Some((form.into_boxed_str(), verb));
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            slots: vec![None; 2048],
            lengths: [0; 26 * 26],
        };
        for (list, class) in [
            (SAY, Class::Say),
            (THINK, Class::Think),
            (AMBIGUOUS, Class::Ambiguous),
            (PUBLISH, Class::Publish),
            (KNOW, Class::Know),
            (HEARD, Class::Heard),
            (QUOTED, Class::Quoted),
            (STUDY, Class::Study),
        ] {
            for entry in list.split_whitespace() {
                let entry_forms = forms(entry);
                for (form, kind) in &entry_forms {
                    let past_too = *kind == Form::Base
                        && entry_forms
                            .iter()
                            .any(|(other, kind)| *kind == Form::Past && other == form);
                    table.insert(
                        form.clone(),
                        Verb {
                            class,
                            form: *kind,
                            past_too,
                        },
                    );
                }
            }
        }
        table
    })
}

/// Every form of one entry: "write/wrote/written", "admit+", "argue".
fn forms(entry: &str) -> Vec<(String, Form)> {
    let doubled = entry.ends_with('+');
    let mut parts = entry.trim_end_matches('+').split('/');
    let base = parts.next().unwrap_or_default();
    let irregular: Vec<&str> = parts.collect();
    let bytes = base.as_bytes();
    let last = *bytes.last().unwrap_or(&b'e');
    let before_last = bytes.len().checked_sub(2).map(|i| bytes[i]);
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    let consonant_y = last == b'y' && before_last.is_some_and(|b| !vowel(b));
    let mut out = vec![(base.to_string(), Form::Base)];
    let third = if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|end| base.ends_with(end))
    {
        format!("{base}es")
    } else if consonant_y {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    out.push((third, Form::Third));
    // A doubled consonant, and for a final "l" the American single one too
    // ("labelled", "labeled").
    let stems: Vec<String> = if doubled {
        let mut stems = vec![format!("{base}{}", last as char)];
        if last == b'l' {
            stems.push(base.to_string());
        }
        stems
    } else {
        vec![base.to_string()]
    };
    if irregular.is_empty() {
        for stem in &stems {
            let past = if doubled {
                format!("{stem}ed")
            } else if last == b'e' {
                format!("{base}d")
            } else if consonant_y {
                format!("{}ied", &base[..base.len() - 1])
            } else {
                format!("{base}ed")
            };
            out.push((past, Form::Past));
        }
    } else {
        for past in irregular {
            out.push((past.to_string(), Form::Past));
        }
    }
    for stem in &stems {
        let ing = if doubled {
            format!("{stem}ing")
        } else if let Some(stem) = base.strip_suffix("ie") {
            format!("{stem}ying")
        } else if last == b'e' && !base.ends_with("ee") && base.len() > 2 {
            format!("{}ing", &base[..base.len() - 1])
        } else {
            format!("{base}ing")
        };
        out.push((ing, Form::Ing));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(word: &str) -> Option<(Class, Form)> {
        verb(word).map(|v| (v.class, v.form))
    }

    #[test]
    fn every_form_of_a_verb_is_found() {
        assert_eq!(form("say"), Some((Class::Say, Form::Base)));
        assert_eq!(form("says"), Some((Class::Say, Form::Third)));
        assert_eq!(form("said"), Some((Class::Say, Form::Past)));
        assert_eq!(form("saying"), Some((Class::Say, Form::Ing)));
        assert_eq!(form("argued"), Some((Class::Say, Form::Past)));
        assert_eq!(form("arguing"), Some((Class::Say, Form::Ing)));
        assert_eq!(form("worries"), Some((Class::Think, Form::Third)));
        assert_eq!(form("worried"), Some((Class::Think, Form::Past)));
        assert_eq!(form("admitted"), Some((Class::Say, Form::Past)));
        assert_eq!(form("slamming"), Some((Class::Say, Form::Ing)));
        assert_eq!(form("labelled"), Some((Class::Say, Form::Past)));
        assert_eq!(form("labeled"), Some((Class::Say, Form::Past)));
        assert_eq!(form("wrote"), Some((Class::Ambiguous, Form::Past)));
        assert_eq!(form("written"), Some((Class::Ambiguous, Form::Past)));
        assert_eq!(form("thought"), Some((Class::Think, Form::Past)));
        assert_eq!(form("stresses"), Some((Class::Say, Form::Third)));
        assert_eq!(form("found"), Some((Class::Ambiguous, Form::Past)));
        assert_eq!(form("upheld"), Some((Class::Publish, Form::Past)));
        assert_eq!(form("knows"), Some((Class::Know, Form::Third)));
        assert_eq!(form("quoted"), Some((Class::Quoted, Form::Past)));
        assert_eq!(form("heard"), Some((Class::Heard, Form::Past)));
        for not_a_verb in ["", "the", "saids", "sai", "Said", "tellings"] {
            assert_eq!(form(not_a_verb), None, "{not_a_verb}");
        }
    }

    #[test]
    fn the_letters_test_turns_away_no_form() {
        let lists = [SAY, THINK, AMBIGUOUS, PUBLISH, KNOW, HEARD, QUOTED, STUDY];
        for entry in lists.iter().flat_map(|list| list.split_whitespace()) {
            for (written, _) in forms(entry) {
                assert_eq!(verb(&written), table().get(&written), "{written}");
                assert!(verb(&written).is_some(), "{written}");
            }
        }
    }
}
