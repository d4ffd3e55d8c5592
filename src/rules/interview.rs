//! Interviews: in a questions-and-answers layout (see
//! `segment::interview`), an answer is the interviewee's words, as a
//! quotation is its speaker's, and a question is the interviewer's.
//! - Loaded words in an answer are marked `in_quotation`, like a quoted
//!   speaker's, and unsourced-assertion flags there are dropped: "People ask
//!   that as if …" is the interviewee's own account, which attribution gives
//!   to them.
//! - Doubt flags on a question are dropped: "Was that deliberate?" asks;
//!   it does not undermine anyone.
//!
//! Marked: "It was a catastrophe, a great swamp of a book." as an answer
//! (*catastrophe*).
//! Dropped: "What changed in the fourth version?" (doubt) as a question.

use super::{Context, Flag};
use crate::category::{Category, Kind};
use std::ops::Range;

pub fn apply(cx: &Context, flags: &mut Vec<Flag>) {
    let Some(interview) = &cx.segments.interview else {
        return;
    };
    let questions: Vec<Range<usize>> = (interview.questions.iter())
        .map(|&p| cx.segments.paragraphs[p].clone())
        .collect();
    let answers = &cx.attribution.answers;
    flags.retain_mut(|flag| {
        if flag.category == Category::Doubt && within(&questions, &flag.range) {
            return false;
        }
        if within(answers, &flag.range) {
            if flag.category.kind() == Kind::UnsourcedAssertion {
                return false;
            }
            flag.in_quotation = true;
        }
        true
    });
}

/// `range` lies inside one of `ranges` (sorted, disjoint).
fn within(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    let after = ranges.partition_point(|r| r.start <= range.start);
    after > 0 && range.end <= ranges[after - 1].end
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::report;

    const INTERVIEW: &str = "Mara Quill: ‘The river is the loudest character’\n\n\
        The novelist Mara Quill was born in Leith in 1979. Her fourth novel was shortlisted last month.\n\n\
        Why did the book take eight years to write?\n\n\
        Because I wrote it wrong three times. The first draft was a catastrophe.\n\n\
        What changed in the fourth version?\n\n\
        People ask that as if it were a betrayal. I stopped explaining.\n\n\
        Do you think of yourself as a Scottish writer?\n\n\
        Some days I do, and some days I don’t.\n\n\
        Mara Quill will appear at the Harbourside Book Festival on 24 October.";

    #[test]
    fn answers_are_the_interviewees_and_questions_cast_no_doubt() {
        let report = report(INTERVIEW);
        let text_of = |f: &crate::report::ReportFlag| report.flag_text(f).to_string();
        let catastrophe = (report.flags.iter())
            .find(|f| text_of(f).contains("catastrophe"))
            .expect("a flag on catastrophe");
        assert!(catastrophe.in_quotation, "the interviewee's word");
        for flag in &report.flags {
            let text = text_of(flag);
            assert!(
                !(flag.category == crate::category::Category::Doubt && text.contains('?')
                    || text.starts_with("What changed")
                    || text.starts_with("Why did")),
                "no doubt on a question: {text:?}"
            );
            assert_ne!(text, "People ask", "the interviewee's account");
        }
        // Her answers are hers; the closing note that names her is not.
        let units: Vec<u16> = report.text.encode_utf16().collect();
        let source = |starts: &str| {
            let sentence = (report.sentences.iter())
                .find(|s| String::from_utf16_lossy(&units[s.start..s.end]).starts_with(starts))
                .unwrap_or_else(|| panic!("no sentence {starts:?}"));
            sentence.source.clone()
        };
        assert_eq!(source("Because I wrote it").as_deref(), Some("Mara Quill"));
        assert_eq!(source("People ask that").as_deref(), Some("Mara Quill"));
        assert_eq!(source("Some days I do").as_deref(), Some("Mara Quill"));
        assert_eq!(source("Mara Quill will appear"), None);
    }
}
