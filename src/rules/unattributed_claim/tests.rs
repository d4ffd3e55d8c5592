use crate::rules::test_support::{flags, has_flag};

#[test]
fn unsourced_figures_and_accusations_are_flagged() {
    assert!(has_flag(
        "The scheme cost taxpayers $4.2 million last year.",
        "$4.2 million",
        "unattributed_claim"
    ));
    assert!(has_flag(
        "Unemployment rose to 12 percent in the district.",
        "12 percent",
        "unattributed_claim"
    ));
    assert!(has_flag(
        "At least 40 people died in the flood.",
        "40 people",
        "unattributed_claim"
    ));
    assert!(has_flag(
        "The minister embezzled the relief fund.",
        "embezzled",
        "unattributed_claim"
    ));
    // Counts of voters, ballots, guests, staff and the like.
    assert!(has_flag(
        "A hand recount cut the incumbent's lead to 41 votes on Wednesday.",
        "41 votes",
        "unattributed_claim"
    ));
    assert!(has_flag(
        "The couple married in front of 180 guests at the estate.",
        "180 guests",
        "unattributed_claim"
    ));
}

#[test]
fn proportions_fractions_and_records_are_figures() {
    for (text, figure) in [
        (
            "Crime in the downtown core is up 47 percent.",
            "up 47 percent",
        ),
        (
            "Nine out of ten residents oppose the plan.",
            "Nine out of ten",
        ),
        ("One in four households now rents.", "One in four"),
        ("A third of the wards are closed.", "A third"),
        ("Ticket sales fell by a third.", "a third"),
        ("Half the pupils walk to school.", "Half the"),
        ("The club posted record profits.", "record profits"),
        (
            "Hay is fetching the highest prices ever recorded.",
            "highest prices ever recorded",
        ),
        ("Billions have been wasted.", "Billions"),
        ("She has raised taxes 14 times.", "14 times"),
        ("The closure cost 1,100 good jobs.", "1,100 good jobs"),
        (
            "Waits now average more than 90 minutes.",
            "more than 90 minutes",
        ),
    ] {
        assert!(
            has_flag(text, figure, "unattributed_claim"),
            "{text}: {:?}",
            flags(text)
        );
    }
}

#[test]
fn a_figure_sourced_in_its_sentence_or_the_one_before_is_not_flagged() {
    for text in [
            "The authority's own environmental assessment estimates that 40 percent of the marsh will go.",
            "About 40 percent of the marsh will go, the assessment says.",
            "The agency published its estimates on Monday. The figures show 12 percent fewer nurses.",
            "Nine out of ten residents oppose the plan, according to a council survey.",
        ] {
            assert!(
                !flags(text).iter().any(|(_, c)| *c == "unattributed_claim"),
                "{text}: {:?}",
                flags(text)
            );
        }
}

#[test]
fn non_claims_are_not_flagged() {
    for text in [
        "Chip in $25 today.",
        "Will it cost $4 million?",
        "By 2030, 40 percent?",
    ] {
        assert!(
            !flags(text).iter().any(|(_, c)| *c == "unattributed_claim"),
            "{text}: {:?}",
            flags(text)
        );
    }
}

#[test]
fn many_figure_like_numbers_are_scanned_in_linear_time() {
    // "1,1,1,…": every digit may start a figure; none is one.
    let text = "1,".repeat(200_000);
    let start = std::time::Instant::now();
    assert_eq!(super::find_figure(&text), None);
    assert!(start.elapsed().as_secs() < 2, "{:?}", start.elapsed());
}

#[test]
fn attributed_figures_and_scene_setting_are_not() {
    for text in [
        "The scheme cost $4.2 million, the auditor-general said.",
        "According to police, 40 people died in the flood.",
        "The bridge opened in 1962 on a Tuesday.",
        "The meeting began at 10 a.m. in Room 4.",
    ] {
        assert!(
            !flags(text).iter().any(|(_, c)| *c == "unattributed_claim"),
            "{text}: {:?}",
            flags(text)
        );
    }
}

#[test]
fn a_price_in_brackets_is_a_label_but_a_sum_in_the_prose_is_a_figure() {
    let text = "The lamb neck (£26) is slow-cooked for most of a day.";
    assert!(
        !flags(text).iter().any(|(_, c)| *c == "unattributed_claim"),
        "{:?}",
        flags(text)
    );
    assert!(has_flag(
        "Diners fork out up to £95 a head for the platter.",
        "£95",
        "unattributed_claim"
    ));
    assert!(has_flag(
        "The refit (£4 million) ran over budget.",
        "£4 million",
        "unattributed_claim"
    ));
}

/// The figure pattern as one unanchored search, as it was first written:
/// `find_figure` must find exactly what it finds.
fn find_figure_unanchored(sentence: &str) -> Option<std::ops::Range<usize>> {
    let unanchored = super::figure_pattern()
        .replacen("^(?:", "(?:", 1)
        .replacen("|\\d", "|\\b\\d", 1);
    assert_ne!(unanchored, super::figure_pattern());
    let regex = regex_lite::Regex::new(&unanchored).unwrap();
    regex.find(sentence).map(|m| m.range())
}

#[test]
fn figures_by_hand_match_the_pattern_on_the_tricky_cases() {
    let regex = regex_lite::Regex::new(&super::figure_pattern()).unwrap();
    for s in [
        "$5m",
        "$5 mil",
        "$ 5",
        "$  5",
        "€3.2bn.",
        "£40 Million people",
        "12%",
        "12 %",
        "12,.%",
        "3 per cent",
        "3 per centre",
        "3 percentage",
        "4 million peoples",
        "4 million\tjobs",
        "4 millions",
        "5 killed",
        "5 deadline",
        "6 DEATHS",
        "7 homes",
        "7 households",
        "9",
        "1962 on",
        "2 hundred voters",
        "£",
        "$x",
        "10\u{a0}people",
    ] {
        let expected = regex.find(s).map(|m| m.end());
        assert_eq!(super::figure_len(s.as_bytes()), expected, "{s:?}");
    }
}

proptest::proptest! {
    #[test]
    fn anchored_search_finds_what_an_unanchored_one_does(
        sentence in "([a-z]{1,4}|[0-9]{1,3}|[ \t\u{b},.$€£_é%]|\u{a0}|percent|PER CENT|per cent|million|Billion|thousand|hundred|people|Dollars|cases|votes|voters|killed|dead|deaths|tons|bn|m|M){0,12}",
    ) {
        proptest::prop_assert_eq!(super::find_figure(&sentence), find_figure_unanchored(&sentence));
    }

    /// The scanner finds what the regex it replaced found.
    #[test]
    fn accusation_scanner_agrees_with_the_regex(
        sentence in "([a-z]{1,3}|[A-Z]|[ _é9-]|corrupt|Corruption|LIED|embezzled|embezzlement|fraud|Fraudulently|stole|stolen|bribes|bribery|rigged|covered up|cover-up|kickback|money laundering|illegally|siphoned|pocketed|falsified|fabricated){0,8}",
    ) {
        let regex = regex_lite::Regex::new(
            r"(?i)\b(?:corrupt(?:ion)?|lied|embezzl(?:ed|ing|ement)|fraud(?:ulent|ulently)?|stole|stolen|bribe[sd]?|bribery|rigged|covered up|cover-up|kickbacks?|money laundering|illegally|siphoned|pocketed|falsified|fabricated)\b",
        )
        .unwrap();
        proptest::prop_assert_eq!(
            super::find_accusation(&sentence),
            regex.find(&sentence).map(|m| m.range())
        );
    }
}

#[test]
fn a_sentences_words_are_kept_as_eight_byte_ranges() {
    assert_eq!(std::mem::size_of::<std::ops::Range<u32>>(), 8);
    let sentence = "Nearly 2,100 residents—‘about’ half—left. It's well-known.";
    let words = super::Words::new(sentence);
    let all: Vec<&str> = (0..words.len()).map(|k| words.word(k)).collect();
    assert_eq!(
        all,
        [
            "Nearly",
            "2,100",
            "residents",
            "about",
            "half",
            "left",
            "It's",
            "well-known"
        ]
    );
    assert_eq!(&sentence[words.range(1)], "2,100");
    assert_eq!(words.get(7), Some("well-known"));
    assert_eq!(words.get(8), None);
}

#[test]
fn a_share_price_move_is_the_markets_record() {
    for text in [
        "Shares fell 11% to $18.40 in morning trading.",
        "Halvorsen shares have risen 46% this year, compared with a 19% gain in the index.",
        "The stock closed at $12.10, down 3%.",
        "The group confirms an approach from Aldgate Capital as shares jump 11 per cent.",
    ] {
        let found: Vec<_> = flags(text)
            .into_iter()
            .filter(|(_, c)| *c == "unattributed_claim")
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // The company's own figures still need a source.
    assert!(has_flag(
        "The company's revenue rose 11% to $4.2 billion.",
        "$4.2 billion",
        "unattributed_claim"
    ));
}

#[test]
fn a_figure_in_quotation_marks_of_its_own_is_someone_elses() {
    let text = "Their dubious claims about \"thousands\" of dead people voting have been debunked.";
    assert!(!has_flag(text, "thousands", "unattributed_claim"));
    assert!(has_flag(
        "Thousands of dead people voted in the last election.",
        "Thousands",
        "unattributed_claim"
    ));
}

#[test]
fn a_plea_or_a_verdict_is_the_courts_record() {
    let text = "Venn pleaded guilty in October to one count of wire fraud and one count of money laundering.";
    assert!(!has_flag(text, "fraud", "unattributed_claim"));
    assert!(has_flag(
        "Venn ran the fund as a fraud for nine years.",
        "fraud",
        "unattributed_claim"
    ));
}
