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
    flags.retain(|f| f.category.kind() != Kind::LoadedLanguage || !opens_a_name(cx.text, &f.range));
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the flagged words, all capitalised, run on in capitalised words
/// to a place's or a body's word ("… Valley County", "… River", "… Office")
/// within four words, in a line that is not itself in title case (a
/// headline's "Savage Attack Stuns Town" is still the author's).
fn opens_a_name(text: &str, range: &Range<usize>) -> bool {
    if !text[range.clone()].split_whitespace().all(capitalised) {
        return false;
    }
    let after = super::window_after(text, range.end, 120);
    let line_after = after.split('\n').next().unwrap_or_default();
    let mut names = false;
    for word in line_after.split_whitespace().take(4) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !capitalised(bare) {
            break;
        }
        let lower = bare.to_lowercase();
        let lower = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        if names_place_or_body(lower) {
            names = true;
            break;
        }
        if bare.len() < word.len() {
            // A comma or a full stop ends the name.
            break;
        }
    }
    names && !title_case_line(text, range)
}

/// Whether all the longer words of the flag's line but one in eight are
/// capitalised.
fn title_case_line(text: &str, range: &Range<usize>) -> bool {
    let before = super::window_before(text, range.start, 160);
    let after = super::window_after(text, range.start, 160);
    let line = before.rsplit('\n').next().unwrap_or_default().to_string()
        + after.split('\n').next().unwrap_or_default();
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let capitals = words.iter().filter(|w| capitalised(w)).count();
    words.len() <= 16 && capitals + words.len() / 8 >= words.len()
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
