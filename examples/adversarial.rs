//! Times the analysis of two inputs (a pattern at one size and at twice
//! it) and measures the memory each takes: the native half of the
//! adversarial benchmark (`bench/adversarial.mjs` runs it once per pair, in
//! its own process, with a time limit).
//!
//!   cargo build --release --example adversarial
//!   target/release/examples/adversarial OPTIONS.json SMALL [LARGE]
//!   RUNS=1 valgrind --tool=callgrind target/release/examples/adversarial …
//!
//! The two are analysed in turns, for about three seconds or at least three
//! times each (once if a run takes over ten seconds), so a burst of load on a
//! shared machine slows both alike. Prints one line of JSON per input: the
//! fastest and the median time of `analyze` in milliseconds, the peak of
//! heap bytes allocated during one analysis (the input itself excluded), and
//! the report's size in words and flags.

use slant::{analyze, Options};
use std::time::{Duration, Instant};

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;

struct Measured {
    text: String,
    times: Vec<Duration>,
    peak: usize,
    words: usize,
    flags: usize,
}

fn once(options: &Options, input: &mut Measured) {
    let start = Instant::now();
    let (report, peak) =
        counting_alloc::peak_of(|| analyze(&input.text, options).expect("analysed"));
    input.times.push(start.elapsed());
    input.peak = input.peak.max(peak);
    input.words = report.stats.words;
    input.flags = report.flags.len();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let options = args
        .next()
        .expect("usage: adversarial OPTIONS.json SMALL [LARGE]");
    let options = Options::from_json(&std::fs::read_to_string(options).expect("options"))
        .expect("valid options");
    let mut inputs: Vec<Measured> = args
        .map(|file| Measured {
            text: std::fs::read_to_string(&file).expect("a UTF-8 file"),
            times: Vec::new(),
            peak: 0,
            words: 0,
            flags: 0,
        })
        .collect();
    // The lexicons and model, built on first use, are not the input's cost.
    analyze("Warm up.", &options).expect("analysed");
    // `RUNS=1` for exactly one run each (to count instructions under
    // valgrind: those do not depend on the machine's load).
    let fixed: Option<usize> = std::env::var("RUNS").ok().and_then(|r| r.parse().ok());
    let began = Instant::now();
    loop {
        for input in inputs.iter_mut() {
            once(&options, input);
        }
        let slowest = inputs.iter().map(|i| i.times[0]).max().unwrap_or_default();
        let runs = inputs[0].times.len();
        if let Some(runs_wanted) = fixed {
            if runs >= runs_wanted {
                break;
            }
            continue;
        }
        if slowest > Duration::from_secs(10)
            || (runs >= 3 && began.elapsed() > Duration::from_secs(3))
            || runs >= 25
        {
            break;
        }
    }
    for input in &mut inputs {
        input.times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{{\"min_ms\":{:.3},\"ms\":{:.3},\"runs\":{},\"peak_bytes\":{},\"bytes\":{},\"words\":{},\"flags\":{}}}",
            ms(input.times[0]),
            ms(input.times[input.times.len() / 2]),
            input.times.len(),
            input.peak,
            input.text.len(),
            input.words,
            input.flags
        );
    }
}
