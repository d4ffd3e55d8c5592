//! The `slant` command line: readable summary, JSON report, clean failures.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn slant(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        // The CLI may refuse its arguments and exit before reading: a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn article(name: &str) -> String {
    format!("{}/tests/articles/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_output_is_the_report() {
    let out = slant(&["analyze", "--json", &article("hit_piece.txt")], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["metadata"]["authors"][0], "Derek Holloway");
    assert!(report["flags"].as_array().unwrap().len() > 10);
}

#[test]
fn default_output_is_a_readable_summary() {
    let out = slant(&["analyze", &article("wire_story.txt")], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Authors    Anna Lindqvist, Tomas Berg"),
        "{text}"
    );
    assert!(text.contains("Published  2025-03-03"), "{text}");
    assert!(text.contains("Sourcing "), "{text}");
}

#[test]
fn reads_standard_input_and_forced_kinds() {
    let page = b"<html><head><title>T</title></head><body><p>Hello there.</p></body></html>";
    let as_html: serde_json::Value =
        serde_json::from_slice(&slant(&["analyze", "--json", "-"], Some(page)).stdout).unwrap();
    assert_eq!(as_html["input_kind"], "html");
    assert_eq!(as_html["text"], "Hello there.");
    let as_text: serde_json::Value =
        serde_json::from_slice(&slant(&["analyze", "--json", "--text", "-"], Some(page)).stdout)
            .unwrap();
    assert_eq!(as_text["input_kind"], "text");
}

#[test]
fn disable_switches_a_category_off() {
    let out = slant(
        &["analyze", "--json", "--disable", "vague_attribution", "-"],
        Some(b"Experts say it is bad."),
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["flags"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["category"] != "vague_attribution"));
}

/// The report for `args` (and `analyze --json` before them).
fn report(args: &[&str]) -> serde_json::Value {
    let args: Vec<&str> = ["analyze", "--json"].iter().chain(args).copied().collect();
    let out = slant(&args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn flags(report: &serde_json::Value) -> &Vec<serde_json::Value> {
    report["flags"].as_array().unwrap()
}

#[test]
fn ignore_drops_a_wording_in_any_case() {
    let hit_piece = article("hit_piece.txt");
    let all = report(&[&hit_piece]);
    let is_cronies =
        |f: &&serde_json::Value| f["text"].as_str().unwrap().to_lowercase() == "cronies";
    let cronies = flags(&all).iter().filter(is_cronies).count();
    assert!(cronies > 0, "the article calls someone cronies");
    let without = report(&["--ignore", "CRONIES", "--ignore", "so-called", &hit_piece]);
    assert!(!flags(&without).iter().any(|f| is_cronies(&f)));
    assert!(!flags(&without).iter().any(|f| f["text"]
        .as_str()
        .unwrap()
        .eq_ignore_ascii_case("so-called")));
    assert!(flags(&without).len() < flags(&all).len() - cronies + 1);
    // With --options, the list grows: both apply.
    let options = std::env::temp_dir().join(format!("slant-ignore-{}.json", std::process::id()));
    std::fs::write(&options, r#"{"ignored_terms": ["so-called"]}"#).unwrap();
    let both = report(&[
        "--options",
        options.to_str().unwrap(),
        "--ignore",
        "cronies",
        &hit_piece,
    ]);
    std::fs::remove_file(&options).unwrap();
    assert_eq!(flags(&both).len(), flags(&without).len());
}

#[test]
fn sensitivity_trades_flags_for_sureness() {
    let hit_piece = article("hit_piece.txt");
    let fewer = report(&["--sensitivity", "0", &hit_piece]);
    let more = report(&["--sensitivity", "1", &hit_piece]);
    let learned = |r: &serde_json::Value| {
        flags(r)
            .iter()
            .filter(|f| !f["confidence"].is_null())
            .count()
    };
    // Any model: never more flags at 0 than at 1; a model that flags
    // anything here flags fewer of its own at 0.
    assert!(flags(&fewer).len() <= flags(&more).len());
    assert!(learned(&fewer) <= learned(&more));
    if learned(&more) > 0 {
        assert!(learned(&fewer) < learned(&more));
    }
    // The default is 0.5, the same as --sensitivity 0.5 and as no flag.
    assert_eq!(
        flags(&report(&["--sensitivity", "0.5", &hit_piece])),
        flags(&report(&[&hit_piece]))
    );
    // The flag beats --options.
    let options =
        std::env::temp_dir().join(format!("slant-sensitivity-{}.json", std::process::id()));
    std::fs::write(&options, r#"{"sensitivity": 0}"#).unwrap();
    let overridden = report(&[
        "--options",
        options.to_str().unwrap(),
        "--sensitivity",
        "1",
        &hit_piece,
    ]);
    std::fs::remove_file(&options).unwrap();
    assert_eq!(flags(&overridden), flags(&more));
}

#[test]
fn a_sensitivity_outside_0_to_1_is_a_one_line_error() {
    for bad in ["2", "1.5", "NaN"] {
        assert_one_line_error(
            &slant(&["analyze", "--sensitivity", bad, "-"], Some(b"x")),
            "--sensitivity must be a number from 0 to 1",
        );
    }
    let out = slant(&["analyze", "--sensitivity", "lots", "-"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

fn assert_one_line_error(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing written half-way");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err}");
}

#[test]
fn bad_input_is_a_one_line_error_with_exit_code_2() {
    assert_one_line_error(
        &slant(&["analyze", "/no/such/file.txt"], None),
        "No such file",
    );
    assert_one_line_error(
        &slant(&["analyze", env!("CARGO_MANIFEST_DIR")], None),
        "is a directory",
    );
    assert_one_line_error(
        &slant(&["analyze", "-"], Some(b"caf\xe9 \xff\xfe binary")),
        "not UTF-8",
    );
    assert_one_line_error(
        &slant(&["analyze", "--disable", "rude", "-"], Some(b"x")),
        "unknown category",
    );
}

#[test]
fn input_over_the_size_limit_is_refused_before_reading_it() {
    let path = std::env::temp_dir().join(format!("slant-too-large-{}.txt", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(slant::MAX_INPUT_BYTES as u64 + 1).unwrap();
    let out = slant(&["analyze", path.to_str().unwrap()], None);
    // The same file as standard input: its size is known before reading.
    let redirected = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(["analyze", "-"])
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    for out in [&out, &redirected] {
        assert_one_line_error(out, "Slant analyses up to 16 MB");
        // The real size: one byte over is not "16.0 MB".
        assert_one_line_error(out, "the text is 16,777,217 bytes;");
    }
}

#[test]
fn a_stream_is_refused_at_the_limit_while_it_is_read() {
    // 24 MB piped in: the command stops reading one byte past 16 MB.
    let big = vec![b'a'; slant::MAX_INPUT_BYTES + 8 * 1_048_576];
    let out = slant(&["analyze", "-"], Some(&big));
    assert_one_line_error(
        &out,
        "standard input: the text is at least 16,777,217 bytes; Slant analyses up to 16 MB",
    );
    // A device that never ends is refused, not read until memory runs out.
    assert_one_line_error(
        &slant(&["analyze", "/dev/zero"], None),
        "/dev/zero: the text is at least 16,777,217 bytes;",
    );
    // Exactly the limit is analysed.
    let at_limit = vec![b' '; slant::MAX_INPUT_BYTES];
    assert!(slant(&["analyze", "--json", "-"], Some(&at_limit))
        .status
        .success());
}

#[test]
fn conflicting_or_unknown_arguments_are_a_one_line_error() {
    let out = slant(&["analyze", "--html", "--text", "-"], Some(b"x"));
    assert_one_line_error(&out, "'--html' cannot be used with '--text'");
    assert_one_line_error(
        &slant(&["analyze", "--colour", "-"], Some(b"x")),
        "unexpected argument '--colour'",
    );
    // Help is still help, on stdout.
    let help = slant(&["analyze", "--help"], None);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--options"));
}

#[test]
fn an_options_file_may_open_with_a_byte_order_mark() {
    let path = std::env::temp_dir().join(format!("slant-bom-{}.json", std::process::id()));
    std::fs::write(
        &path,
        "\u{feff}{\"custom_terms\": [{\"term\": \"ÉLITE\", \"category\": \"name_calling\"}]}",
    )
    .unwrap();
    let out = slant(
        &[
            "analyze",
            "--json",
            "--options",
            path.to_str().unwrap(),
            "-",
        ],
        Some("The ÉLITE squad and the élite one.".as_bytes()),
    );
    std::fs::remove_file(&path).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<&str> = report["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == "name_calling")
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(found, ["ÉLITE", "élite"]);
}

#[test]
fn unreadable_input_is_a_one_line_error() {
    // A dangling link: the name exists, the file cannot be read.
    let link = std::env::temp_dir().join(format!("slant-dangling-{}.txt", std::process::id()));
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("/no/such/target", &link).unwrap();
    let out = slant(&["analyze", link.to_str().unwrap()], None);
    std::fs::remove_file(&link).unwrap();
    assert_one_line_error(&out, "No such file");
}
