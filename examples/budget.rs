//! The budget target of issue 6, measured so that a noisy machine cannot tilt it: the full
//! report (article, every analyzer, JSON) beside one bare Aho-Corasick pass of the same
//! lexicon's automaton over the same text, timed in alternation, round after round.
//!
//! ```text
//! cargo run --release --example budget [ROUNDS]
//! ```
//!
//! Each round times a batch of bare passes, then a batch of full reports, of each sample
//! text, so that both sides of the ratio are taken in the same minutes. The ratio is given
//! from the fastest batch of each (a neighbour's load or a frequency change only ever
//! makes a batch slower, so the minimum is the figure least moved by it) and from the
//! median batch. Criterion (`cargo bench --bench analyze -- styles/`) gives the
//! distributions of each alone.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::{Article, Lexicon, Report};

#[path = "support/shapes.rs"]
mod shapes;

/// Times per call of `work` and of `other` over `rounds` batches of `batch` calls each,
/// the two batches alternating, sorted.
fn alternate(
    rounds: usize,
    batch: usize,
    mut work: impl FnMut(),
    mut other: impl FnMut(),
) -> (Vec<Duration>, Vec<Duration>) {
    let mut times = (Vec::with_capacity(rounds), Vec::with_capacity(rounds));
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..batch {
            work();
        }
        times.0.push(start.elapsed() / batch as u32);
        let start = Instant::now();
        for _ in 0..batch {
            other();
        }
        times.1.push(start.elapsed() / batch as u32);
    }
    times.0.sort();
    times.1.sort();
    times
}

fn main() {
    let rounds = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(200)
        .max(1);
    let lexicon = Lexicon::default_shared();
    println!(
        "{:<10} {:>12} {:>14} {:>12} {:>14} {:>8}",
        "text", "bare pass", "full report", "ratio (min)", "ratio (median)", "target"
    );
    for (style, text) in shapes::STYLES {
        let (bare, report) = alternate(
            rounds,
            50,
            || {
                black_box(lexicon.automaton().find_iter(black_box(text)).count());
            },
            || {
                let article = Article::new(black_box(text).to_owned());
                black_box(Report::new(&article).to_json());
            },
        );
        let mib = |d: Duration| text.len() as f64 / d.as_secs_f64() / (1024.0 * 1024.0);
        let ratio = mib(report[0]) / mib(bare[0]);
        let median = mib(report[rounds / 2]) / mib(bare[rounds / 2]);
        println!(
            "{style:<10} {:>7.1} MiB/s {:>8.1} MiB/s {:>12.3} {:>14.3} {:>8}",
            mib(bare[0]),
            mib(report[0]),
            ratio,
            median,
            if ratio.min(median) >= 1.0 / 3.0 {
                "met"
            } else {
                "MISSED"
            }
        );
    }
}
