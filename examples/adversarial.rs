//! Times one analysis of one input file and measures the memory it takes:
//! the native half of the adversarial benchmark (`bench/adversarial.mjs`
//! runs it once per input, in its own process, with a time limit).
//!
//!   cargo build --release --example adversarial
//!   target/release/examples/adversarial FILE [OPTIONS.json]
//!
//! Prints one line of JSON: the median time of `analyze` in milliseconds
//! (runs repeated for about a second, at least one), the peak of heap
//! bytes allocated during one analysis (input excluded), and the report's
//! size in words and flags.

use slant::{analyze, Options};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                + (new_size - layout.size());
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("usage: adversarial FILE [OPTIONS.json]");
    let text = std::fs::read_to_string(&file).expect("a UTF-8 file");
    let options = match args.next() {
        Some(path) => Options::from_json(&std::fs::read_to_string(path).expect("options"))
            .expect("valid options"),
        None => Options::default(),
    };
    // The lexicons and model, built on first use, are not the input's cost.
    analyze("Warm up.", &options).expect("analysed");

    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let report = analyze(&text, &options).expect("analysed");
    let first = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let (words, flags) = (report.stats.words, report.flags.len());
    drop(report);

    let mut times = vec![first];
    let budget = Duration::from_secs(1);
    let began = Instant::now();
    while began.elapsed() < budget && times.len() < 15 && first < budget / 2 {
        let start = Instant::now();
        let report = analyze(&text, &options).expect("analysed");
        times.push(start.elapsed());
        drop(report);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{{\"ms\":{:.3},\"runs\":{},\"peak_bytes\":{},\"bytes\":{},\"words\":{},\"flags\":{}}}",
        median.as_secs_f64() * 1000.0,
        times.len(),
        peak,
        text.len(),
        words,
        flags
    );
}
