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
//! - `styles/<wire|business|feature>`: `baseline`, `scan`, `article`, each analyzer alone
//!   (`<name>_alone`, on an article whose layout is already built) and with the article
//!   (`<name>`, building the article too), `report` and `report_json`;
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

/// The three sample styles, checked in as examples/data/*.txt.
const STYLES: [(&str, &str); 3] = [
    ("wire", include_str!("../examples/data/wire.txt")),
    ("business", include_str!("../examples/data/business.txt")),
    ("feature", include_str!("../examples/data/feature.txt")),
];

const KB: usize = 1024;
const MB: usize = 1024 * 1024;

/// The longest prefix of `text` that is at most `len` bytes and ends on a char boundary.
fn cut(text: &str, len: usize) -> &str {
    if len >= text.len() {
        return text;
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `unit` repeated until the text reaches `len` bytes, cut on a char boundary.
fn repeat_to(unit: &str, len: usize) -> String {
    let mut text = String::with_capacity(len + unit.len());
    while text.len() < len {
        text.push_str(unit);
    }
    let end = cut(&text, len).len();
    text.truncate(end);
    text
}

/// The three samples, one after the other as paragraphs, repeated to `len` bytes.
fn corpus(len: usize) -> String {
    let mut unit = String::new();
    for (_, sample) in STYLES {
        unit.push_str(sample.trim_end());
        unit.push('\n');
    }
    repeat_to(&unit, len)
}

/// Words of the samples only, with every punctuation mark and line break made a space.
fn words_only(len: usize) -> String {
    let mut unit = String::new();
    for (_, sample) in STYLES {
        for word in sample.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                unit.push_str(word);
                unit.push(' ');
            }
        }
    }
    repeat_to(&unit, len)
}

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

/// Full analysis of one article as a user runs it: article, every analyzer, JSON.
fn report_json(text: String) -> String {
    let article = Article::new(text);
    Report::new(&article).to_json()
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
        group.bench_function("baseline", |b| {
            b.iter(|| bare_pass(lexicon.automaton(), black_box(text)))
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
        group.bench_function("report_json", |b| {
            b.iter_batched(|| text.to_owned(), report_json, BatchSize::SmallInput)
        });
        group.finish();
    }
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    for (label, len) in [
        ("1kb", KB),
        ("16kb", 16 * KB),
        ("256kb", 256 * KB),
        ("4mb", 4 * MB),
    ] {
        let text = corpus(len);
        configure(&mut group, text.len());
        group.bench_function(format!("report_json/{label}"), |b| {
            b.iter_batched(|| text.clone(), report_json, batch_for(text.len()))
        });
    }
    group.finish();
}

/// Odd shapes that must stay linear: the cost per byte stays within a small factor of
/// ordinary text (`normal_1mb`).
fn adversarial_texts() -> Vec<(&'static str, String)> {
    // Every quotation mark style, glued together and spaced, so that marks open, close,
    // nest and stray.
    let marks = repeat_to("“\"‘’'” «»„“ \"'\"‘‘ ”’”\" ‹›「」 ", MB);
    let digits = repeat_to(
        "1,234,567.89.10,11 2-3 4/5 6:7 $8 9% 0.5bn 12.34.56 1,2,3,4,5,6,7,8,9,0 ",
        MB,
    );
    let one_sentence = words_only(MB);
    let words = [
        "said", "may", "the", "ministry", "percent", "three", "March", "he",
    ];
    let mut paragraphs = String::with_capacity(100_000 * 8);
    for i in 0..100_000 {
        paragraphs.push_str(words[i % words.len()]);
        paragraphs.push('\n');
    }
    // 20,000 quotation marks in one paragraph, each quote attributed.
    let quotes_20k = "“We will,” she said. ".repeat(10_000);
    let one_paragraph = corpus(2 * MB).replace('\n', " ");
    // The hostile inputs of issue 7, each about 1 MB.
    let unclosed = repeat_to("“word ", MB);
    let nesting = repeat_to("“‘«‹„\"'word ", MB);
    let long_numbers = repeat_to(&format!("{} ", "9".repeat(400)), MB);
    let markup = repeat_to(
        "<p>The &quot;plan&quot; &amp; <b>costs</b> said</p>\r\n",
        MB,
    );
    let controls = repeat_to(
        "said\u{0}the\u{7}plan\r\u{200b}4\u{a0}000\u{feff} e\u{301} ",
        MB,
    );
    let scripts = repeat_to("قال المتحدث إن \"الاجتماع\" 300 שלום 😀 合同。 ", MB);
    vec![
        ("normal_1mb", corpus(MB)),
        ("quote_marks_1mb", marks),
        ("digits_1mb", digits),
        ("one_sentence_1mb", one_sentence),
        ("one_word_paragraphs_100k", paragraphs),
        ("quotes_20k", quotes_20k),
        ("one_paragraph_2mb", one_paragraph),
        ("unclosed_openers_1mb", unclosed),
        ("nested_quote_styles_1mb", nesting),
        ("400_digit_numbers_1mb", long_numbers),
        ("html_markup_1mb", markup),
        ("control_and_invisible_chars_1mb", controls),
        ("rtl_cjk_emoji_1mb", scripts),
    ]
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    for (label, text) in adversarial_texts() {
        configure(&mut group, text.len());
        group.bench_function(label, |b| {
            b.iter_batched(|| text.clone(), report_json, batch_for(text.len()))
        });
    }
    group.finish();
}

fn fixed_cost(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixed_cost");
    let small = cut(STYLES[0].1, 300).to_owned();
    let large = corpus(16 * KB);
    for (label, text) in [("300b", small), ("16kb", large)] {
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
