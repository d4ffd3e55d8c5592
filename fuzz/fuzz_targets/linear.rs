#![no_main]
//! Time is part of the oracle: the fuzzer's input is a pattern (a prefix, a
//! unit to repeat, a suffix, plain text or HTML), grown to two sizes, half
//! and whole, between 64 KB and 1 MB. A report must be made at each, keep
//! the invariants of every report, take at most `SECONDS_PER_MB` per
//! megabyte (a slow unit), and the whole must not take much more than
//! twice the half (a stage that grows with the square of its input takes
//! four times). libFuzzer's `-timeout` catches what hangs outright.
mod check;

use libfuzzer_sys::fuzz_target;
use slant::{analyze, InputKind, Options};
use std::time::{Duration, Instant};

/// A generous bound for a build with debug assertions on a shared machine:
/// the benchmark's target is 0.5 s per MB for a release build.
const SECONDS_PER_MB: f64 = 4.0;
/// Times under this are too short to compare.
const FLOOR: Duration = Duration::from_millis(60);
/// Twice the input may take this many times as long (linear: about 2).
const MAX_GROWTH: f64 = 3.2;

/// `prefix + unit × n + suffix`, `n` chosen to reach about `size` bytes.
fn grown(prefix: &str, unit: &str, suffix: &str, size: usize) -> String {
    let n = (size.saturating_sub(prefix.len() + suffix.len())) / unit.len().max(1);
    let mut text = String::with_capacity(size + unit.len());
    text.push_str(prefix);
    for _ in 0..n.max(1) {
        text.push_str(unit);
    }
    text.push_str(suffix);
    text
}

/// Best of two runs: the machine is shared, and one slow run is noise.
fn timed(text: &str, options: &Options) -> Duration {
    (0..2)
        .map(|_| {
            let start = Instant::now();
            let report = analyze(text, options).expect("within the size limit");
            let took = start.elapsed();
            check::check(&report);
            took
        })
        .min()
        .expect("two runs")
}

fuzz_target!(|data: &[u8]| {
    // Two header bytes: the kind and the size; then prefix, unit and suffix
    // separated by 0xFF bytes (which UTF-8 never contains).
    let [kind, size, rest @ ..] = data else { return };
    let mut parts = rest.split(|&b| b == 0xFF);
    let (Some(prefix), Some(unit), suffix) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let (Ok(prefix), Ok(unit), Ok(suffix)) = (
        std::str::from_utf8(prefix),
        std::str::from_utf8(unit),
        std::str::from_utf8(suffix.unwrap_or_default()),
    ) else {
        return;
    };
    if unit.is_empty() || prefix.len() + suffix.len() > 4096 {
        return;
    }
    let options = Options {
        input: Some(if kind & 1 == 0 { InputKind::Text } else { InputKind::Html }),
        ..Options::default()
    };
    // 128 KB to 1 MB for the whole.
    let whole = 128 * 1024 << (size % 4);
    let small = grown(prefix, unit, suffix, whole / 2);
    let large = grown(prefix, unit, suffix, whole);
    let t_small = timed(&small, &options);
    let t_large = timed(&large, &options);
    let megabytes = large.len() as f64 / 1_048_576.0;
    assert!(
        t_large.as_secs_f64() <= SECONDS_PER_MB * megabytes.max(0.25),
        "slow unit: {} bytes took {t_large:?}",
        large.len()
    );
    if t_large > FLOOR {
        let growth = t_large.as_secs_f64() / t_small.as_secs_f64();
        assert!(
            growth <= MAX_GROWTH,
            "superlinear: {} bytes took {t_small:?}, {} bytes {t_large:?} ({growth:.2}x)",
            small.len(),
            large.len()
        );
    }
});
