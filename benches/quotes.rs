//! Linear time of the quotes and sources analyzers on hostile input: many quotation
//! marks, and one long paragraph full of cues. Each input is measured at two sizes; the
//! throughput (bytes per second) should stay about the same when the size doubles.

use copydesk::{Analyzer, Article, Quotes, Sources};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn marks(count: usize) -> String {
    // `count` quotation marks: quotes, split quotes and strays in one paragraph.
    let unit = "\"Yes,\" she said. \"No.\" ” he said ";
    unit.repeat(count / 5)
}

fn paragraph(bytes: usize) -> String {
    let unit = "Ann Ruiz, a senior fellow at the Meridian Institute, said the plan, which \
                officials said was dead, would return, according to people familiar with \
                the matter, who asked not to be named, and he added that it was \"a farce\" ";
    unit.repeat(bytes / unit.len() + 1)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("attribution");
    group.sample_size(10);
    let inputs = [
        ("marks", marks(10_000)),
        ("marks", marks(20_000)),
        ("paragraph", paragraph(1_000_000)),
        ("paragraph", paragraph(2_000_000)),
    ];
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(*name, text.len()), text, |b, text| {
            b.iter(|| {
                // A fresh article each time: its layout is computed once and cached.
                let article = Article::new(text.as_str());
                let quotes = Quotes::default().analyze(&article);
                let sources = Sources::default().analyze(&article);
                (quotes.len(), sources.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
