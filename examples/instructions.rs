//! The work that `scripts/instructions.sh` counts under callgrind: run it there, not
//! by hand (by hand it only prints what it did).
//!
//! ```text
//! instructions <report|baseline|build> FILE [REPEATS]
//! instructions shape NAME OUT
//! ```
//!
//! - `report`: the full analysis of FILE (article, every analyzer, JSON), REPEATS times,
//!   inside `report_many`;
//! - `baseline`: one bare Aho-Corasick pass of the default lexicon's automaton over
//!   FILE, counting hits, REPEATS times, inside `baseline_many`;
//! - `build`: building the default lexicon once, inside `build_lexicon`;
//! - `shape`: writes the benches' text NAME to the file OUT (a style such as `wire`, an
//!   adversarial shape such as `digits_1mb`, `scaling_4mb`, `fixed_300b`), so that the
//!   instructions are counted over the very bytes the benches time.
//!
//! The default lexicon is built before the measured function runs, so that
//! `--toggle-collect` on the function's name counts only the work per article.

use std::hint::black_box;
use std::process::ExitCode;

use copydesk::{Article, Lexicon, LexiconBuilder, Report};

#[path = "support/shapes.rs"]
mod shapes;

#[inline(never)]
fn report_many(text: &str, repeats: usize) -> usize {
    let mut bytes = 0;
    for _ in 0..repeats {
        let article = Article::new(black_box(text));
        bytes += Report::new(&article).to_json().len();
    }
    bytes
}

#[inline(never)]
fn baseline_many(lexicon: &Lexicon, text: &str, repeats: usize) -> usize {
    let mut hits = 0;
    for _ in 0..repeats {
        hits += lexicon.automaton().find_iter(black_box(text)).count();
    }
    hits
}

#[inline(never)]
fn build_lexicon() -> usize {
    LexiconBuilder::with_defaults()
        .build()
        .map_or(0, |lexicon| lexicon.automaton_bytes())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match (args.first(), args.get(1)) {
        (Some(mode), Some(path)) => (mode.as_str(), path),
        _ => {
            eprintln!("usage: instructions <report|baseline|build> FILE [REPEATS]");
            eprintln!("       instructions shape NAME OUT");
            return ExitCode::from(2);
        }
    };
    if mode == "shape" {
        return write_shape(path, args.get(2));
    }
    let repeats = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("instructions: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let lexicon = Lexicon::default_shared();
    let result = match mode {
        "report" => report_many(&text, repeats),
        "baseline" => baseline_many(&lexicon, &text, repeats),
        "build" => build_lexicon(),
        _ => {
            eprintln!("instructions: unknown mode {mode:?}");
            return ExitCode::from(2);
        }
    };
    println!("{mode} {path}: {} bytes x {repeats}: {result}", text.len());
    ExitCode::SUCCESS
}

/// Writes the benches' text `name` to `out`.
fn write_shape(name: &str, out: Option<&String>) -> ExitCode {
    let Some(out) = out else {
        eprintln!("usage: instructions shape NAME OUT");
        return ExitCode::from(2);
    };
    let Some(text) = shapes::named(name) else {
        let known: Vec<&str> = shapes::adversarial().iter().map(|(n, _)| *n).collect();
        eprintln!(
            "instructions: no text named {name:?}: a style (wire, business, feature), \
             scaling_<1kb|16kb|256kb|4mb>, fixed_<300b|16kb>, or one of {}",
            known.join(", ")
        );
        return ExitCode::from(2);
    };
    match std::fs::write(out, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("instructions: cannot write {out}: {e}");
            ExitCode::from(1)
        }
    }
}
