#![no_main]
//! Time is part of the oracle: the fuzzer's input is a pattern (a prefix, a
//! unit to repeat, a suffix, plain text or HTML), grown to two sizes, half
//! and whole, the whole between 128 KB and 1 MB. A report must be made at
//! each, keep the invariants of every report, take at most `SECONDS_PER_MB`
//! per megabyte (a slow unit), and the whole must not take much more than
//! twice the half (a stage that grows with the square of its input takes
//! four times). A suspect is timed again, in turns, before it fails: the
//! machine is shared. libFuzzer's `-timeout` catches what hangs outright.
mod check;

use libfuzzer_sys::fuzz_target;
use slant::{analyze, InputKind, Options};
use std::time::{Duration, Instant};

/// A generous bound for a build with debug assertions on a shared machine:
/// the benchmark's target is 0.5 s per MB for a release build.
const SECONDS_PER_MB: f64 = 4.0;
/// Times under this are too short to compare.
const FLOOR: Duration = Duration::from_millis(80);
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

/// One analysis, its invariants checked, and how long it took.
fn timed(text: &str, options: &Options) -> Duration {
    let start = Instant::now();
    let report = analyze(text, options).expect("within the size limit");
    let took = start.elapsed();
    check::check(&report);
    took
}

/// The best of `runs` runs of each, taken in turns: the machine is shared,
/// and a burst of load elsewhere slows a run or two, not all of them.
fn best_in_turns(small: &str, large: &str, options: &Options, runs: usize) -> (Duration, Duration) {
    (0..runs).fold((Duration::MAX, Duration::MAX), |(s, l), _| {
        (s.min(timed(small, options)), l.min(timed(large, options)))
    })
}

/// Whether the times break the oracle: a slow unit or superlinear growth.
fn too_slow(bytes: usize, t_small: Duration, t_large: Duration) -> bool {
    let megabytes = bytes as f64 / 1_048_576.0;
    let slow = t_large.as_secs_f64() > SECONDS_PER_MB * megabytes.max(0.25);
    let growth = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
    slow || (t_large > FLOOR && growth > MAX_GROWTH)
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
    let (t_small, t_large) = best_in_turns(&small, &large, &options, 1);
    if !too_slow(large.len(), t_small, t_large) {
        return;
    }
    // Suspect: measured again, five times each in turns, before failing.
    let (t_small, t_large) = best_in_turns(&small, &large, &options, 5);
    let megabytes = large.len() as f64 / 1_048_576.0;
    assert!(
        t_large.as_secs_f64() <= SECONDS_PER_MB * megabytes.max(0.25),
        "slow unit: {} bytes took {t_large:?}",
        large.len()
    );
    let growth = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
    // A step is not growth: where the input crosses a threshold between the
    // half and the whole (a page past the HTML reader's node budget is read
    // again as plain paragraphs, its text kept), the time jumps once. Twice
    // the whole again then grows as the input does; a cost that grows with
    // the square of the input would take four times again.
    if t_large > FLOOR && growth > MAX_GROWTH {
        let larger = grown(prefix, unit, suffix, whole * 2);
        let (t_whole, t_larger) = best_in_turns(&large, &larger, &options, 3);
        let again = t_larger.as_secs_f64() / t_whole.as_secs_f64().max(1e-9);
        if again <= MAX_GROWTH {
            return;
        }
    }
    assert!(
        t_large <= FLOOR || growth <= MAX_GROWTH,
        "superlinear: {} bytes took {t_small:?}, {} bytes {t_large:?} ({growth:.2}x)",
        small.len(),
        large.len()
    );
});
