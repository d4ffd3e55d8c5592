//! Hostile input: everything a person can paste gets a report or a clear
//! error, never a panic or a hang (these finish in seconds; a hang would
//! stall the suite).

use slant::{analyze, InputKind, Options, Report};

fn text(input: &str) -> Report {
    let options = Options {
        input: Some(InputKind::Text),
        ..Options::default()
    };
    analyze(input, &options).expect("plain text is always analysed")
}

fn html(input: &str) -> Report {
    let options = Options {
        input: Some(InputKind::Html),
        ..Options::default()
    };
    analyze(input, &options).expect("HTML is always analysed")
}

fn slices_exactly(report: &Report) {
    let units: Vec<u16> = report.text.encode_utf16().collect();
    for f in &report.flags {
        assert_eq!(
            String::from_utf16(&units[f.start..f.end]).unwrap(),
            report.flag_text(f)
        );
    }
}

#[test]
fn empty_and_whitespace_only() {
    for input in [
        "",
        " ",
        "\n\n\n",
        "\t \r\n \r",
        "\u{feff}",
        "\u{200b}\u{200b}",
    ] {
        let report = text(input);
        assert!(
            report.flags.is_empty() && report.sentences.is_empty(),
            "{input:?}"
        );
        assert_eq!(report.stats.words, 0);
    }
}

#[test]
fn ten_megabytes_on_one_line() {
    let line = "The so-called experts say the massive plan failed, Keller said. ".repeat(160_000);
    assert!(line.len() > 10_000_000);
    let report = text(&line);
    assert_eq!(report.stats.paragraphs, 1);
    assert!(report.flags.len() > 100_000);
}

#[test]
fn a_million_nested_tags() {
    let page =
        "<div>".repeat(1_000_000) + "<p>The so-called plan.</p>" + &"</div>".repeat(1_000_000);
    let report = html(&page);
    assert!(report.text.contains("The so-called plan."));
    slices_exactly(&report);
}

#[test]
fn a_hundred_thousand_quotation_marks_and_unbalanced_quotes() {
    for input in [
        "\"".repeat(100_000),
        "“".repeat(100_000),
        "“a ‘b ’c” d”".repeat(20_000),
        "‘’".repeat(50_000),
    ] {
        slices_exactly(&text(&input));
    }
}

#[test]
fn control_characters_and_nul() {
    let input =
        "Title\u{0}\nBy Jo\u{7} Bloggs\n\nThe \u{0}so-called\u{1b}[31m plan\u{8} failed.\u{0}";
    let report = text(input);
    slices_exactly(&report);
    assert!(report
        .flags
        .iter()
        .any(|f| report.flag_text(f) == "so-called"));
}

#[test]
fn bidi_overrides_and_zero_width_characters() {
    let input =
        "The \u{202e}so-called\u{202c} plan. The so\u{200b}called plan. Ex\u{200d}perts say no.";
    let report = text(input);
    slices_exactly(&report);
    assert!(report
        .flags
        .iter()
        .any(|f| report.flag_text(f) == "so-called"));
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let crlf = text("Storm hits\r\nBy Jo Bloggs\r\n\r\nThe so-called plan failed.\r\n");
    let cr = text("Storm hits\rBy Jo Bloggs\r\rThe so-called plan failed.\r");
    for report in [&crlf, &cr] {
        assert_eq!(report.metadata.title.as_deref(), Some("Storm hits"));
        assert_eq!(report.metadata.authors, ["Jo Bloggs"]);
        assert!(report
            .flags
            .iter()
            .any(|f| report.flag_text(f) == "so-called"));
        slices_exactly(report);
    }
    // The same flags whichever line ends the text has.
    let texts = |r: &slant::Report| -> Vec<String> {
        r.flags.iter().map(|f| r.flag_text(f).to_string()).collect()
    };
    assert_eq!(texts(&crlf), texts(&cr));
}

#[test]
fn emoji_sequences_everywhere() {
    let input = "👨‍👩‍👧🇯🇵👍🏽 so-called 👨‍👩‍👧 experts say 🇯🇵 “👍🏽” 🎉.".repeat(50);
    slices_exactly(&text(&input));
}

#[test]
fn a_binary_file_decoded_lossily() {
    // What a browser's FileReader makes of a PNG or a ZIP opened by mistake.
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let decoded = String::from_utf8_lossy(&bytes);
    slices_exactly(&analyze(&decoded, &Options::default()).unwrap());
}

#[test]
fn markup_like_text_in_plain_mode_is_text() {
    let input = "<script>alert(1)</script> <img src=x onerror=alert(2)> the so-called plan";
    let report = text(input);
    assert_eq!(report.text, input);
    assert!(report
        .flags
        .iter()
        .any(|f| report.flag_text(f) == "so-called"));
}

/// Time of `analyze` on `input` as plain text.
fn timed(input: &str) -> std::time::Duration {
    let start = std::time::Instant::now();
    let _ = text(input);
    start.elapsed()
}

/// Sourcing's worst cases stay linear: each input is analysed at two sizes,
/// four times apart, and the larger may take at most ten times as long (a
/// quadratic path takes sixteen). The smaller is large enough that start-up
/// costs are noise.
fn stays_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let small = make(n);
    let large = make(4 * n);
    // Best of three, against a shared machine's noise.
    let best = |input: &str| (0..3).map(|_| timed(input)).min().unwrap();
    let (t1, t4) = (best(&small), best(&large));
    assert!(
        t4 < t1 * 10 + std::time::Duration::from_millis(200),
        "{name}: {t1:?} for {} bytes, {t4:?} for {}",
        small.len(),
        large.len()
    );
}

#[test]
fn capitalised_runs_before_reporting_verbs() {
    // One sentence: a long run of capitalised words, with a verb every few
    // words that would walk back over the whole run.
    stays_linear(
        "capitalised run",
        |n| "Alba Brook Corran Dale said ".repeat(n) + "it.",
        4_000,
    );
}

#[test]
fn many_short_quotations_in_one_sentence() {
    stays_linear(
        "short quotations",
        |n| "Keller said “a” and “b” ".repeat(n) + "then left.",
        4_000,
    );
}

#[test]
fn many_distinct_speakers() {
    stays_linear(
        "distinct speakers",
        |n| {
            (0..n)
                .map(|i| format!("Ann Speakerx{i} said the port was shut. Speakerx{i} added that it would reopen. "))
                .collect()
        },
        2_000,
    );
}

#[test]
fn many_figure_like_numbers() {
    stays_linear("figures", |n| "1,".repeat(n) + " people.", 50_000);
}
