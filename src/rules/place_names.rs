//! Names are not word choices: a loaded word that opens the name of a place
//! or a body is the name, not the author's language.
//!
//! Flagged: Crooks broke into the sheriff's office.
//! Not flagged: The Crook Valley County Sheriff's Office said 9,000 people left.

use super::{Context, Flag};
use crate::attribution::names_place_or_body;
use crate::Kind;
use std::ops::Range;

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    // A title-case headline ("Savage Attack Stuns Town") is still the author's.
    let headline = cx.headline.cloned().unwrap_or_default();
    flags.retain(|f| {
        f.category.kind() != Kind::LoadedLanguage
            || headline.contains(&f.range.start)
            || !opens_a_name(cx.text, &f.range)
    });
}

fn capitalised(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
}

/// Whether the flagged words, all capitalised, run on in capitalised words
/// to a place's or a body's word ("… Valley County", "… River", "… Office")
/// within four words. Byte by byte: such names are ASCII.
fn opens_a_name(text: &str, range: &Range<usize>) -> bool {
    if !text[range.clone()].split(' ').all(capitalised) {
        return false;
    }
    let after = super::window_after(text, range.end, 80).as_bytes();
    let mut at = 0;
    for _ in 0..4 {
        // A comma or a full stop ends the name.
        if after.get(at) != Some(&b' ') {
            return false;
        }
        let start = at + 1;
        let len = after[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if len == 0 || len > 16 || !after[start].is_ascii_uppercase() {
            return false;
        }
        let mut word = [0u8; 16];
        word[..len].copy_from_slice(&after[start..start + len]);
        word.make_ascii_lowercase();
        if std::str::from_utf8(&word[..len]).is_ok_and(names_place_or_body) {
            return true;
        }
        at = start + len;
        // "Sheriff's Office": a possessive goes on to its noun.
        for possessive in ["'s", "’s"] {
            if after[at..].starts_with(possessive.as_bytes()) {
                at += possessive.len();
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::has_flag;

    #[test]
    fn a_loaded_word_that_opens_a_place_or_body_name_is_the_name() {
        let text = "The fire forced 9,000 people from their homes, the Crook Valley County Sheriff's Office said on Thursday.";
        assert!(!has_flag(text, "Crook", "name_calling"));
        assert!(!has_flag(
            "Rescuers searched the Savage River for a second day on Tuesday.",
            "Savage",
            "emotive"
        ));
    }

    #[test]
    fn the_word_itself_is_still_flagged() {
        assert!(has_flag(
            "Crooks broke into the sheriff's office on Thursday and took the files.",
            "Crooks",
            "name_calling"
        ));
        // A title-case headline is the author's words.
        assert!(has_flag(
            "Crooks Raid County Office\n\nThieves took the files on Thursday.",
            "Crooks",
            "name_calling"
        ));
    }
}
