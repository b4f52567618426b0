//! The budget target of issue 6, measured so that a noisy machine cannot tilt it: the full
//! report (article, every analyzer, JSON) beside one bare Aho-Corasick pass of the same
//! lexicon's automaton over the same text, timed in alternation, round after round.
//!
//! ```text
//! cargo run --release --example budget [ROUNDS]
//! cargo run --release --example budget -- --shapes [ROUNDS]
//! ```
//!
//! Each round times a batch of bare passes, then a batch of full reports, of each sample
//! text, so that both sides of the ratio are taken in the same minutes. The ratio is given
//! from the fastest batch of each (a neighbour's load or a frequency change only ever
//! makes a batch slower, so the minimum is the figure least moved by it) and from the
//! median batch. Criterion (`cargo bench --bench analyze -- styles/`) gives the
//! distributions of each alone.
//!
//! With `--shapes`, the other target: each adversarial shape's full report beside the
//! full report of 1 MB of normal text, per byte, timed in alternation the same way
//! (criterion: `cargo bench --bench analyze -- adversarial/`). The target is at most 3x.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::{Article, Lexicon, Report};

#[path = "support/shapes.rs"]
mod shapes;

/// `println!`, but a closed stdout (`budget | head`) ends the run quietly.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shapes = args.iter().any(|a| a == "--shapes");
    let rounds = args
        .iter()
        .find_map(|r| r.parse().ok())
        .unwrap_or(if shapes { 15 } else { 200 })
        .max(1);
    if shapes {
        adversarial(rounds);
    } else {
        budget(rounds);
    }
}

/// The full report of `text`, as the benches time it: built, written, dropped.
fn report(text: &str) {
    let article = Article::new(black_box(text).to_owned());
    black_box(Report::new(&article).to_json());
}

/// The full report against the bare pass, for each sample style.
fn budget(rounds: usize) {
    let lexicon = Lexicon::default_shared();
    out!(
        "{:<10} {:>12} {:>14} {:>12} {:>14} {:>8}",
        "text",
        "bare pass",
        "full report",
        "ratio (min)",
        "ratio (median)",
        "target"
    );
    for (style, text) in shapes::STYLES {
        let (bare, full) = alternate(
            rounds,
            50,
            || {
                black_box(lexicon.automaton().find_iter(black_box(text)).count());
            },
            || report(text),
        );
        let mib = |d: Duration| text.len() as f64 / d.as_secs_f64() / (1024.0 * 1024.0);
        let ratio = mib(full[0]) / mib(bare[0]);
        let median = mib(full[rounds / 2]) / mib(bare[rounds / 2]);
        out!(
            "{style:<10} {:>7.1} MiB/s {:>8.1} MiB/s {:>12.3} {:>14.3} {:>8}",
            mib(bare[0]),
            mib(full[0]),
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

/// Each adversarial shape's cost per byte against normal text's, one report of each in
/// alternation per round.
fn adversarial(rounds: usize) {
    let all = shapes::adversarial();
    let Some((_, normal)) = all.iter().find(|(label, _)| *label == "normal_1mb") else {
        return;
    };
    out!(
        "{:<32} {:>12} {:>12} {:>11} {:>14} {:>8}",
        "shape",
        "ns/byte",
        "normal",
        "ratio (min)",
        "ratio (median)",
        "target"
    );
    for (label, text) in all.iter().filter(|(label, _)| *label != "normal_1mb") {
        let (shape, base) = alternate(rounds, 1, || report(text), || report(normal));
        let per_byte = |d: Duration, len: usize| d.as_nanos() as f64 / len.max(1) as f64;
        let ratio = |a: Duration, b: Duration| per_byte(a, text.len()) / per_byte(b, normal.len());
        let (min, median) = (
            ratio(shape[0], base[0]),
            ratio(shape[rounds / 2], base[rounds / 2]),
        );
        out!(
            "{label:<32} {:>12.1} {:>12.1} {min:>11.2} {median:>14.2} {:>8}",
            per_byte(shape[rounds / 2], text.len()),
            per_byte(base[rounds / 2], normal.len()),
            if min.min(median) <= 3.0 {
                "met"
            } else {
                "MISSED"
            }
        );
    }
}
