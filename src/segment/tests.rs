use super::*;

proptest::proptest! {
    #[test]
    fn the_forward_cursor_finds_what_the_binary_search_finds(
        gaps in proptest::collection::vec((0usize..4, 1usize..6), 0..12),
        asked in proptest::collection::vec((0usize..60, 0usize..8), 0..20),
    ) {
        // Disjoint, sorted quotations from (gap before, length) pairs.
        let mut at = 0;
        let quotations: Vec<Quotation> = gaps
            .iter()
            .map(|&(gap, len)| {
                at += gap;
                let range = at..at + len;
                at += len;
                Quotation { range: range.clone(), inner: range, group: 0, nested: false }
            })
            .collect();
        let mut ranges: Vec<Range<usize>> = asked.iter().map(|&(start, len)| start..start + len).collect();
        ranges.sort_by_key(|r| r.start);
        let mut cursor = OverlapCursor::new(&quotations);
        for range in &ranges {
            proptest::prop_assert_eq!(
                cursor.overlapping(range).as_ptr_range(),
                overlapping(&quotations, range).as_ptr_range()
            );
        }
    }
}

// The scanners as first written, one char at a time: the byte-stepping
// ones must agree with them.
fn split_sentences_one_char_at_a_time(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[paragraph.clone()];
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if is_terminator(next) || is_closer(next) {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &slice[end..];
        let cjk = matches!(c, '。' | '！' | '？');
        if !cjk && !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue; // "4.2", "U.S.-led", "example.com"
        }
        let next_word = rest.split_whitespace().next().unwrap_or("");
        if c == '.' && !ends_sentence_after_period(&slice[start..i], next_word, &slice[i..end]) {
            continue;
        }
        if next_word.starts_with(char::is_lowercase) {
            continue; // "… and then" after an ellipsis or "e.g."
        }
        push_trimmed(&mut sentences, paragraph.start, slice, start..end);
        start = end;
    }
    push_trimmed(&mut sentences, paragraph.start, slice, start..slice.len());
    sentences
}

fn find_quotations_one_char_at_a_time(text: &str, paragraphs: &[Range<usize>]) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    let mut group = 0;
    let mut carried_open = false;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let slice = &text[paragraph.clone()];
        let at = |i: usize| paragraph.start + i;
        // (byte offset of the open double mark, its group)
        let mut outer: Option<(usize, u32)> = None;
        let mut inner_open: Option<usize> = None;
        let mut prev: Option<char> = None;
        let mut no_closer_from = usize::MAX;
        let mut chars = slice.char_indices().peekable();
        let open_group = |i: usize, group: &mut u32| {
            if !(carried_open && i == 0) {
                *group += 1;
            }
            *group
        };
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            match c {
                '“' | '«' if outer.is_none() => outer = Some((i, open_group(i, &mut group))),
                '"' if outer.is_none() && is_opening_context(prev) => {
                    outer = Some((i, open_group(i, &mut group)))
                }
                '”' | '»' | '"' if outer.is_some() => {
                    let (open, own_group) = outer.take().unwrap();
                    if let Some(single) = inner_open.take() {
                        group += 1;
                        quotations.push(nested(text, at(single), at(i), group));
                    }
                    quotations.push(Quotation {
                        range: at(open)..at(i + c.len_utf8()),
                        inner: at(open + c_len(slice, open))..at(i),
                        group: own_group,
                        nested: false,
                    });
                }
                '‘' | '\''
                    if is_opening_context(prev) && next.is_some_and(opens_single_quotation) =>
                {
                    if outer.is_some() {
                        inner_open = Some(i);
                    } else if let Some(close) = top_level_single(slice, i, c, &mut no_closer_from) {
                        group += 1;
                        quotations.push(Quotation {
                            range: at(i)..at(close + c_len(slice, close)),
                            inner: at(i + c.len_utf8())..at(close),
                            group,
                            nested: false,
                        });
                        while chars.peek().is_some_and(|&(j, _)| j <= close) {
                            chars.next();
                        }
                        prev = Some('’');
                        continue;
                    }
                }
                '’' | '\'' if inner_open.is_some() && !next.is_some_and(char::is_alphanumeric) => {
                    let single = inner_open.take().unwrap();
                    group += 1;
                    quotations.push(nested(text, at(single), at(i), group));
                }
                _ => {}
            }
            prev = Some(c);
        }
        carried_open = false;
        if let Some((open, own_group)) = outer {
            // Open at the paragraph's end: the quotation runs to it and may
            // continue if the next paragraph opens with a quote mark.
            quotations.push(Quotation {
                range: at(open)..paragraph.end,
                inner: at(open + c_len(slice, open))..paragraph.end,
                group: own_group,
                nested: false,
            });
            let next_opens = paragraphs
                .get(p + 1)
                .is_some_and(|r| text[r.clone()].starts_with(['"', '“', '«']));
            carried_open = next_opens;
        }
    }
    quotations.sort_by_key(|q| (q.range.start, std::cmp::Reverse(q.range.end)));
    quotations
}

proptest::proptest! {
    #[test]
    fn sentence_split_agrees_with_its_definition(text in "[a-zA-Z0-9 .!?…。！？\"“”‘’'()é中👍\n]{0,80}") {
        proptest::prop_assert_eq!(
            split_sentences(&text, 0..text.len()),
            split_sentences_one_char_at_a_time(&text, 0..text.len())
        );
    }

    #[test]
    fn quotation_finder_agrees_with_its_definition(text in "[a-z .,\"“”‘’'«»é中👍\n]{0,80}") {
        let paragraphs: Vec<Range<usize>> = text
            .split('\n')
            .scan(0, |at, p| { let r = *at..*at + p.len(); *at += p.len() + 1; Some(r) })
            .collect();
        proptest::prop_assert_eq!(
            format!("{:?}", find_quotations(&text, &paragraphs)),
            format!("{:?}", find_quotations_one_char_at_a_time(&text, &paragraphs))
        );
    }
}

fn sentences(text: &str) -> Vec<&str> {
    split_sentences(text, 0..text.len())
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn splits_on_sentence_ends() {
    assert_eq!(
        sentences("One here. Two there! Three? Four."),
        ["One here.", "Two there!", "Three?", "Four."]
    );
}

#[test]
fn keeps_abbreviations_initials_decimals_and_money_together() {
    assert_eq!(
            sentences("Dr. Priya Natarajan of the U.N. said costs rose 3.5 percent to $4.2 million on Jan. 4. J. R. Smith agreed."),
            ["Dr. Priya Natarajan of the U.N. said costs rose 3.5 percent to $4.2 million on Jan. 4.", "J. R. Smith agreed."]
        );
    assert_eq!(
        sentences("Lot No. 4 sold. Mr. Hale left."),
        ["Lot No. 4 sold.", "Mr. Hale left."]
    );
    assert_eq!(
        sentences("It happened in the U.S. The mayor left."),
        ["It happened in the U.S.", "The mayor left."]
    );
    assert_eq!(
        sentences("U.S. President Joe Biden spoke."),
        ["U.S. President Joe Biden spoke."]
    );
}

#[test]
fn a_wire_datelines_state_does_not_end_a_sentence() {
    assert_eq!(
        sentences("ALDER POINT, Ore. (APN) — Dockworkers walked out. She felt ill. (Briefly.)"),
        [
            "ALDER POINT, Ore. (APN) — Dockworkers walked out.",
            "She felt ill.",
            "(Briefly.)"
        ]
    );
}

#[test]
fn a_german_date_does_not_end_a_sentence() {
    assert_eq!(
        sentences("Sie trafen sich am 8. September in Bonn. Ab dem 1. Januar gilt die Regel."),
        [
            "Sie trafen sich am 8. September in Bonn.",
            "Ab dem 1. Januar gilt die Regel."
        ]
    );
    // The price: an English sentence ending on a small number before
    // "September" is not split either. Before any other word it is.
    assert_eq!(
        sentences("The score was 8. September came."),
        ["The score was 8. September came."]
    );
    assert_eq!(
        sentences("They won 8. Then it rained."),
        ["They won 8.", "Then it rained."]
    );
}

#[test]
fn quotations_and_ellipses_end_sentences_by_the_next_word() {
    assert_eq!(
        sentences(
            "“We are done.” She left. Was it over?” he asked... and then nothing... Then rain."
        ),
        [
            "“We are done.”",
            "She left.",
            "Was it over?” he asked... and then nothing...",
            "Then rain."
        ]
    );
    assert_eq!(
        sentences("He said \"no.\" Then left."),
        ["He said \"no.\"", "Then left."]
    );
}

#[test]
fn cjk_sentences_split_without_spaces() {
    assert_eq!(
        sentences("東京は晴れ。大阪は雨。"),
        ["東京は晴れ。", "大阪は雨。"]
    );
}

fn quotes(text: &str) -> Vec<(&str, bool, u32)> {
    find_quotations(text, &paragraphs_between_blank_lines(text))
        .into_iter()
        .map(|q| (&text[q.inner.clone()], q.nested, q.group))
        .collect()
}

#[test]
fn finds_straight_curly_and_nested_quotations() {
    assert_eq!(
        quotes("He said “they called it ‘reform’ again” and \"left.\""),
        [
            ("they called it ‘reform’ again", false, 1),
            ("reform", true, 2),
            ("left.", false, 3)
        ]
    );
}

#[test]
fn apostrophes_are_not_quotations() {
    assert!(quotes("The workers' union didn't agree; it's O'Brien's call.").is_empty());
    assert_eq!(quotes("The council's ‘reform’ failed.")[0].0, "reform");
}

#[test]
fn quotations_in_british_single_marks_run_across_sentences() {
    let inner = |text| quotes(text).into_iter().map(|q| q.0).collect::<Vec<_>>();
    assert_eq!(
        inner("‘We hear him,’ she says. ‘We want to be good neighbours. Most of us live here.’"),
        [
            "We hear him,",
            "We want to be good neighbours. Most of us live here."
        ]
    );
    // A plural's apostrophe is not the end; a scare quote still ends where it did.
    assert_eq!(
        inner("‘We stay. The traders’ stalls stay too.’ The ‘reforms’ failed."),
        ["We stay. The traders’ stalls stay too.", "reforms"]
    );
    assert_eq!(
        inner("‘£3.50, or £4.50 with cheese,’ she calls."),
        ["£3.50, or £4.50 with cheese,"]
    );
    // Straight marks still stop at the sentence's end; unclosed marks find nothing.
    assert!(inner("'We hear him. We stay.' she said").is_empty());
    assert!(inner("‘One. ‘Two. ‘Three. Four’s.").is_empty());
}

#[test]
fn multi_paragraph_quotations_share_a_group() {
    let q = quotes("“First part.\n\n“Second part,” she said.\n\n“Another.”");
    assert_eq!(
        q.iter().map(|q| q.0).collect::<Vec<_>>(),
        ["First part.", "Second part,", "Another."]
    );
    assert_eq!(q[0].2, q[1].2);
    assert_ne!(q[1].2, q[2].2);
}

#[test]
fn unbalanced_quotes_do_not_panic() {
    for text in ["\"", "“", "”", "‘", "'a", "\"\"\"\"\"", "“a ‘b", "a’b ‘c"] {
        let _ = quotes(text);
    }
}

#[test]
fn quotations_are_kept_without_slack() {
    let text = "He called it “a” plan. ".repeat(100);
    let segments = segment(&text, &paragraphs_between_blank_lines(&text), None);
    assert_eq!(segments.quotations.len(), 100);
    assert_eq!(segments.quotations.capacity(), 100);
}

#[test]
fn a_quotation_takes_forty_bytes() {
    assert_eq!(std::mem::size_of::<Quotation>(), 40);
}

#[test]
fn a_credit_line_is_not_wrapped_into_its_caption() {
    let text = "Calderbridge Crown Court, where the trial is expected to last up to three weeks\n\
                Image: Northmoor News Agency\n\
                A former treasurer used more than a million pounds donated to a hospice appeal\n\
                to pay for racehorses.";
    let lines: Vec<Range<usize>> = {
        let mut at = 0;
        text.split('\n')
            .map(|line| {
                let range = at..at + line.len();
                at += line.len() + 1;
                range
            })
            .collect()
    };
    let paragraphs = super::join_wrapped_lines(text, &lines, None);
    let texts: Vec<&str> = paragraphs.iter().map(|p| &text[p.clone()]).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert_eq!(texts[1], "Image: Northmoor News Agency");
    assert!(texts[2].ends_with("to pay for racehorses."));
}
