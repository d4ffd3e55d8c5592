//! Context rules: each refines what the detectors proposed, with what the
//! segmenter and attribution found; one rule to a file, each file opening
//! with what it does and why (one example flagged, one not) and ending with
//! its tests. A new rule is a file here and a row in [`RULES`].

pub mod claims_only;
pub mod in_quotation;
pub mod interview;
pub mod lone_guesses;
pub mod neutral_so_called;
pub mod place_names;
pub mod repeated_paragraph;
pub mod scare_quotes;
pub mod unattributed_claim;
pub mod vague_source;

use crate::attribution::Analysis;
use crate::flag::Flag;
use crate::segment::Segments;
use std::ops::Range;

/// What every rule sees: the text, its segments and who is cited.
pub struct Context<'a> {
    pub text: &'a str,
    pub segments: &'a Segments,
    pub attribution: &'a Analysis,
    /// The headline's range, when the input has one.
    pub headline: Option<&'a Range<usize>>,
}

/// A context rule adds, removes or marks flags.
pub type Rule = fn(&Context, &mut Vec<Flag>);

/// The rules, in the order `lib.rs` runs them. The order matters:
/// - scare quotes come before in-quotation marking, which must know which
///   quotations are scare quotes (words inside those are not a speaker's);
/// - an interview's answers are marked as the interviewee's words after
///   in-quotation marking, which would unmark them;
/// - lone guesses come after in-quotation marking: a quoted speaker's words
///   are not the author's, and do not count towards the author's density;
/// - neutral "so called" removes detector flags, so it follows the detectors;
///   so does the place-names rule ("the Crook Valley County Sheriff's Office");
///   so do place names ("the Crook Valley County Sheriff's Office");
/// - vague sources come after the detectors, whose lexicon flags they do
///   not repeat;
/// - unattributed claims come after in-quotation marking: they are only ever
///   found in sentences with no quotation;
/// - unsourced assertions are kept only in claims once all are found;
/// - repeated paragraphs come last, so a repeated headline loses the flags of
///   every other rule too.
pub const RULES: &[(&str, Rule)] = &[
    ("scare_quotes", scare_quotes::apply),
    ("in_quotation", in_quotation::apply),
    ("interview", interview::apply),
    ("lone_guesses", lone_guesses::apply),
    ("neutral_so_called", neutral_so_called::apply),
    ("place_names", place_names::apply),
    ("vague_source", vague_source::apply),
    ("unattributed_claim", unattributed_claim::apply),
    ("claims_only", claims_only::apply),
    ("repeated_paragraph", repeated_paragraph::apply),
];

/// At most `max_bytes` of `text` from `at` on, cut on a character boundary:
/// rules look at a few words of context, never at the rest of a long text.
pub(crate) fn window_after(text: &str, at: usize, max_bytes: usize) -> &str {
    let mut end = (at + max_bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// At most `max_bytes` of `text` before `at`, cut on a character boundary.
pub(crate) fn window_before(text: &str, at: usize, max_bytes: usize) -> &str {
    let mut start = at.saturating_sub(max_bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{analyze, Options, Report};

    /// The report of `text` analysed as plain text.
    pub fn report(text: &str) -> Report {
        analyze(text, &Options::default()).expect("analysis succeeds")
    }

    /// (flagged text, category key) pairs of a report.
    pub fn flags(text: &str) -> Vec<(String, &'static str)> {
        let report = report(text);
        (report.flags.iter())
            .map(|f| (report.flag_text(f).to_string(), f.category.key()))
            .collect()
    }

    /// A flag of `category` on `term`, or on a phrase it grew into around
    /// the term (see `learned::grown_phrase`).
    pub fn has_flag(text: &str, term: &str, category: &str) -> bool {
        flags(text)
            .iter()
            .any(|(t, c)| holds(t, term) && *c == category)
    }

    /// Whether the flagged text `flagged` is `term`, or a phrase with it as
    /// whole words.
    pub fn holds(flagged: &str, term: &str) -> bool {
        flagged == term
            || flagged.starts_with(&format!("{term} "))
            || flagged.ends_with(&format!(" {term}"))
            || flagged.contains(&format!(" {term} "))
    }
}
