//! Neutral "so called": "so called because …" explains a name; it is not
//! distancing, so the lexicon's *so-called* flag is dropped there.
//!
//! Flagged: The so-called experts met on Tuesday.
//! Not flagged: The Needle, so called because of its shape, opened in 1962.

use super::{Context, Flag};
use crate::category::Category;

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let text = cx.text;
    flags.retain(|f| {
        if f.category != Category::Distancing
            || !text[f.range.clone()].to_lowercase().starts_with("so")
        {
            return true;
        }
        let after = super::window_after(text, f.range.end, 40)
            .trim_start()
            .to_lowercase();
        let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        !["because", "for", "after", "since", "as"].contains(&next.as_str())
    });
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::has_flag;

    #[test]
    fn explanatory_so_called_is_not_flagged() {
        assert!(!has_flag(
            "The Needle, so called because of its shape, opened in 1962.",
            "so called",
            "distancing"
        ));
        assert!(!has_flag(
            "The bay is so-called for the seals that breed there.",
            "so-called",
            "distancing"
        ));
    }

    #[test]
    fn distancing_so_called_is_flagged() {
        assert!(has_flag(
            "The so-called experts met on Tuesday.",
            "so-called",
            "distancing"
        ));
    }
}
