//! Throughput of copydesk, in bytes per second, beside its physical limit: one bare
//! Aho-Corasick pass of the same compiled lexicon over the same text.
//!
//! Run everything (about 5 to 10 minutes on 2 cores):
//!
//! ```text
//! cargo bench --bench analyze
//! ```
//!
//! or one group, for instance `cargo bench --bench analyze -- styles/wire`.
//!
//! Groups:
//! - `styles/<wire|business|feature>`: `baseline` and `report_json` (the full report with
//!   JSON, timed right after the baseline), then `scan`, `article`, each analyzer alone
//!   (`<name>_alone`, on an article whose layout is already built) and with the article
//!   (`<name>`, building the article too), and `report` (without JSON);
//! - `scaling`: `report_json` over 1 KB, 16 KB, 256 KB and 4 MB made from the samples;
//! - `adversarial`: odd shapes (and the hostile inputs of issue 7) beside `normal_1mb`, the
//!   same report over ordinary text;
//! - `fixed_cost`: a 300-byte article beside a 16 KB one (same bytes/second means no
//!   fixed cost per article);
//! - `lexicon`: building the default lexicon and its automaton.

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::AhoCorasick;
use copydesk::{
    Analyzer, Article, Hedging, Lexicon, LexiconBuilder, Numbers, Quotes, Report, Sources,
};
use criterion::{
    criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};

#[path = "../examples/support/shapes.rs"]
mod shapes;

use shapes::{corpus, KB, MB, SCALES, STYLES};

/// Setup cost must stay out of the timing; inputs of a few KB can be batched.
fn batch_for(len: usize) -> BatchSize {
    if len >= 256 * KB {
        BatchSize::PerIteration
    } else {
        BatchSize::SmallInput
    }
}

fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>, len: usize) {
    group.throughput(Throughput::Bytes(len as u64));
    if len >= 256 * KB {
        // Long iterations: as few as criterion allows, the same number per sample.
        group.sampling_mode(SamplingMode::Flat);
    } else {
        group.sampling_mode(SamplingMode::Auto);
    }
}

/// Full analysis of one article as a user runs it: article, every analyzer, JSON, written
/// out and dropped. Only the JSON's length leaves the timing: criterion keeps a batch's
/// outputs until the batch is timed, and a batch of reports kept alive (tens of MB) would
/// time the allocator's fresh pages rather than the analysis.
fn report_json(text: String) -> usize {
    let article = Article::new(text);
    Report::new(&article).to_json().len()
}

/// Counts hits of the bare automaton: the physical limit of one pass over the text.
fn bare_pass(automaton: &AhoCorasick, text: &str) -> usize {
    automaton.find_iter(text).count()
}

/// Times `analyzer` alone (layout prebuilt, outside the timing) and with the article.
fn bench_analyzer<A: Analyzer>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    analyzer: &A,
    text: &str,
) {
    let name = analyzer.name();
    group.bench_function(format!("{name}_alone"), |b| {
        b.iter_batched_ref(
            || {
                let article = Article::new(text);
                article.quotations();
                article
            },
            |article| analyzer.analyze(article),
            batch_for(text.len()),
        )
    });
    group.bench_function(name, |b| {
        b.iter_batched(
            || text.to_owned(),
            |text| {
                let article = Article::new(text);
                // Analyzers still being written may not touch the layout: build it
                // here so that this always counts the article plus the analyzer.
                article.quotations();
                let output = analyzer.analyze(&article);
                (article, output)
            },
            batch_for(text.len()),
        )
    });
}

fn styles(c: &mut Criterion) {
    let lexicon = Lexicon::default_shared();
    for (style, text) in STYLES {
        let mut group = c.benchmark_group(format!("styles/{style}"));
        configure(&mut group, text.len());
        // The budget's two sides first, one right after the other: this machine's speed
        // drifts within minutes, and the ratio should compare like with like.
        group.bench_function("baseline", |b| {
            b.iter(|| bare_pass(lexicon.automaton(), black_box(text)))
        });
        group.bench_function("report_json", |b| {
            b.iter_batched(|| text.to_owned(), report_json, BatchSize::SmallInput)
        });
        group.bench_function("scan", |b| {
            b.iter_batched(
                || text.to_owned(),
                |text| {
                    let article = Article::new(text);
                    black_box(article.scan().hits().len());
                    article
                },
                BatchSize::SmallInput,
            )
        });
        group.bench_function("article", |b| {
            b.iter_batched(
                || text.to_owned(),
                |text| {
                    let article = Article::new(text);
                    black_box(article.sentences().len() + article.quotations().len());
                    article
                },
                BatchSize::SmallInput,
            )
        });
        bench_analyzer(&mut group, &Quotes::default(), text);
        bench_analyzer(&mut group, &Sources::default(), text);
        bench_analyzer(&mut group, &Hedging::default(), text);
        bench_analyzer(&mut group, &Numbers::default(), text);
        group.bench_function("report", |b| {
            b.iter_batched(
                || text.to_owned(),
                |text| {
                    let article = Article::new(text);
                    Report::new(&article)
                },
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    for (label, len) in SCALES {
        let text = corpus(len);
        configure(&mut group, text.len());
        group.bench_function(format!("report_json/{label}"), |b| {
            b.iter_batched(|| text.clone(), report_json, batch_for(text.len()))
        });
    }
    group.finish();
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    for (label, text) in shapes::adversarial() {
        configure(&mut group, text.len());
        group.bench_function(label, |b| {
            b.iter_batched(|| text.clone(), report_json, batch_for(text.len()))
        });
    }
    group.finish();
}

fn fixed_cost(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixed_cost");
    for (label, text) in shapes::fixed_cost() {
        configure(&mut group, text.len());
        group.bench_function(format!("report_json/{label}"), |b| {
            b.iter_batched(|| text.clone(), report_json, BatchSize::SmallInput)
        });
    }
    group.finish();
}

fn lexicon(c: &mut Criterion) {
    let default = Lexicon::default_shared();
    println!(
        "lexicon: {} phrases, automaton {} bytes ({:.2} MB)",
        default.len(),
        default.automaton_bytes(),
        default.automaton_bytes() as f64 / MB as f64
    );
    let mut group = c.benchmark_group("lexicon");
    group.bench_function("build_default", |b| {
        b.iter(|| {
            LexiconBuilder::with_defaults()
                .build()
                .expect("the built-in lexicon builds")
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = styles, scaling, adversarial, fixed_cost, lexicon
}
criterion_main!(benches);
