//! Native benchmarks of the whole analysis and of each stage, on texts of
//! 1 KB to 1 MB built from the project's own test articles.
//! `cargo bench --bench analyze`; the WASM and browser numbers are in bench/.

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use slant::{analyze, attribution, input, lexicon, segment, Options};
use std::hint::black_box;

/// The plain-text test articles, repeated to about `size` bytes.
fn corpus(size: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/articles");
    let mut articles: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    articles.sort();
    let mut text = String::with_capacity(size + 4096);
    for article in articles.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(article);
        text.push_str("\n\n");
    }
    text
}

const SIZES: [(&str, usize); 4] = [
    ("1KB", 1 << 10),
    ("10KB", 10 << 10),
    ("100KB", 100 << 10),
    ("1MB", 1 << 20),
];

fn whole_analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (name, size) in SIZES {
        let text = corpus(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| analyze(black_box(text), &Options::default()).unwrap())
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let document = input::read(&text, None);
    let segments = segment::segment(&document.text, &document.prose, document.headline.as_ref());
    let no_vague = vec![false; segments.sentences.len()];
    let report = analyze(&text, &Options::default()).unwrap();

    let mut group = c.benchmark_group("stages_1MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("input", |b| b.iter(|| input::read(black_box(&text), None)));
    group.bench_function("segmentation", |b| {
        b.iter(|| {
            segment::segment(
                black_box(&document.text),
                &document.prose,
                document.headline.as_ref(),
            )
        })
    });
    group.bench_function("lexicon_matching", |b| {
        b.iter(|| lexicon::Matcher::builtin().find(black_box(&document.text)))
    });
    group.bench_function("attribution", |b| {
        b.iter(|| {
            attribution::attribute(
                black_box(&document.text),
                &segments,
                &no_vague,
                &attribution::Article {
                    headline: document.headline.as_ref(),
                    ..attribution::Article::default()
                },
            )
        })
    });
    group.bench_function("report_json", |b| {
        b.iter_batched(|| report.clone(), |r| r.to_json(), BatchSize::LargeInput)
    });
    group.finish();
}

fn html_page(c: &mut Criterion) {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/articles/news_page.html"
    ))
    .unwrap();
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("news_page", |b| {
        b.iter(|| analyze(black_box(&page), &Options::default()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, whole_analysis, stages, html_page);
criterion_main!(benches);
