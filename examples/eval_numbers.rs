//! Measures the numbers analyzer on annotated cases, one JSON object a line:
//! `{"id", "suite", "text", "expected": [{"text", "start", "end", "value", ...}]}` with
//! `start`/`end` in characters (converted to bytes here).
//!
//! ```text
//! cargo run --release --example eval_numbers -- FILE.jsonl [--errors SUITE]
//! ```
//!
//! Per suite: span precision, recall and F1 (a predicted claim whose span overlaps an
//! expected one, each used once) and value F1 (a span match whose value equals the
//! expected value within 1e-6 relative; an expected item without a value matches on its
//! span). A percentage's value is its number. `--errors SUITE` (or `all`) prints the
//! misses and false positives of a suite.

use std::collections::BTreeMap;

use copydesk::{Analyzer, Article, Numbers};
use serde_json::Value;

#[derive(Default)]
struct Tally {
    cases: usize,
    predicted: usize,
    expected: usize,
    span_hits: usize,
    value_hits: usize,
}

fn f1(hits: usize, predicted: usize, expected: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        1.0
    } else {
        hits as f64 / predicted as f64
    };
    let r = if expected == 0 {
        1.0
    } else {
        hits as f64 / expected as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: eval_numbers FILE.jsonl [--errors SUITE]")?;
    let show = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let data = std::fs::read_to_string(path)?;
    let mut suites: BTreeMap<String, Tally> = BTreeMap::new();
    let analyzer = Numbers::default();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line)?;
        let suite = case["suite"].as_str().unwrap_or("?").to_string();
        let text = case["text"].as_str().unwrap_or("");
        let article = Article::new(text);
        let claims = analyzer.analyze(&article);
        let mut expected: Vec<(usize, usize, Option<f64>, String)> = Vec::new();
        for e in case["expected"].as_array().into_iter().flatten() {
            let s = byte_offset(text, e["start"].as_u64().unwrap_or(0) as usize);
            let t = byte_offset(text, e["end"].as_u64().unwrap_or(0) as usize);
            let label = e["text"].as_str().unwrap_or("").to_string();
            expected.push((s, t, e["value"].as_f64(), label));
        }
        let tally = suites.entry(suite.clone()).or_default();
        tally.cases += 1;
        tally.predicted += claims.len();
        tally.expected += expected.len();
        let mut used = vec![false; claims.len()];
        let mut missed = Vec::new();
        for (s, t, value, label) in &expected {
            let overlaps = |c: &copydesk::NumericClaim| c.start < *t && *s < c.end;
            let valued = claims.iter().enumerate().position(|(k, c)| {
                !used[k] && overlaps(c) && value.map_or(true, |v| same(c.value, v))
            });
            let any = claims
                .iter()
                .enumerate()
                .position(|(k, c)| !used[k] && overlaps(c));
            match (valued, any) {
                (Some(k), _) => {
                    used[k] = true;
                    tally.span_hits += 1;
                    tally.value_hits += 1;
                }
                (None, Some(k)) => {
                    used[k] = true;
                    tally.span_hits += 1;
                    missed.push(format!(
                        "  wrong value: {label:?} want {value:?} got {:?} {}",
                        claims[k].text, claims[k].value
                    ));
                }
                (None, None) => missed.push(format!("  missed: {label:?} = {value:?}")),
            }
        }
        let wanted = show.as_deref().is_some_and(|w| w == suite || w == "all");
        if wanted {
            let extra: Vec<String> = claims
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|(c, _)| format!("  extra: {:?} {:?} {}", c.text, c.kind, c.value))
                .collect();
            if !missed.is_empty() || !extra.is_empty() {
                println!("[{suite}] {text:?}");
                for m in missed.iter().chain(&extra) {
                    println!("{m}");
                }
            }
        }
    }
    println!(
        "| suite | cases | expected | predicted | span P | span R | span F1 | value P | value R | value F1 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut total = Tally::default();
    let row = |name: &str, t: &Tally| {
        let (sp, sr, sf) = f1(t.span_hits, t.predicted, t.expected);
        let (vp, vr, vf) = f1(t.value_hits, t.predicted, t.expected);
        println!(
            "| {name} | {} | {} | {} | {sp:.3} | {sr:.3} | {sf:.3} | {vp:.3} | {vr:.3} | {vf:.3} |",
            t.cases, t.expected, t.predicted
        );
    };
    for (name, t) in &suites {
        row(name, t);
        total.cases += t.cases;
        total.predicted += t.predicted;
        total.expected += t.expected;
        total.span_hits += t.span_hits;
        total.value_hits += t.value_hits;
    }
    row("total", &total);
    Ok(())
}
