//! Sentence-level evaluation of the hedging analyzer.
//!
//! ```text
//! cargo run --release --example eval_hedging -- FILE.jsonl [--categories modal,conditional,...] [--show CUE]
//! ```
//!
//! Each line of FILE is `{"text": ..., "uncertain": bool, "cues": [...], "certainty": n?}`.
//! Each text is analyzed as its own article; it is predicted uncertain when it holds at
//! least one hedge. Prints precision, recall and F1, the 20 cues with the most false
//! positives, the most often missed gold cues, and, when lines have `certainty`,
//! Spearman's rank correlation of the mean sentence certainty with it.

use std::collections::HashMap;
use std::process::ExitCode;

use copydesk::hedging::HedgeCategory;
use copydesk::{Analyzer, Article, Hedging};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_hedging FILE.jsonl [--categories modal,conditional,...]");
        return ExitCode::FAILURE;
    };
    let mut hedging = Hedging::new();
    if let Some(i) = args.iter().position(|a| a == "--categories") {
        let names = args.get(i + 1).map_or("", String::as_str);
        let mut chosen = Vec::new();
        for name in names.split(',') {
            match HedgeCategory::from_name(name) {
                Some(category) => chosen.push(category),
                None => {
                    let known: Vec<_> = HedgeCategory::ALL.iter().map(|c| c.name()).collect();
                    eprintln!("unknown category {name:?}; choose from {}", known.join(","));
                    return ExitCode::FAILURE;
                }
            }
        }
        hedging = hedging.categories(&chosen);
    }
    // --show CUE prints the false positives holding that cue, to study them.
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .map(|cue| cue.to_lowercase());
    let data = match std::fs::read_to_string(path) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut false_cues: HashMap<String, usize> = HashMap::new();
    let mut missed_cues: HashMap<String, usize> = HashMap::new();
    let mut scores: Vec<(f64, f64)> = Vec::new();
    for (number, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = match serde_json::from_str(line) {
            Ok(row) => row,
            Err(e) => {
                eprintln!("{path}:{}: not JSON: {e}", number + 1);
                return ExitCode::FAILURE;
            }
        };
        let text = row["text"].as_str().unwrap_or("");
        let gold = row["uncertain"].as_bool().unwrap_or(false);
        let findings = hedging.analyze(&Article::new(text));
        let predicted = !findings.hedges.is_empty();
        match (predicted, gold) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                for hedge in &findings.hedges {
                    if show.as_deref() == Some(&hedge.text.to_lowercase()) {
                        println!("FP {:?}: {text}", hedge.text);
                    }
                    *false_cues.entry(hedge.text.to_lowercase()).or_default() += 1;
                }
            }
            (false, true) => {
                fn_ += 1;
                for cue in row["cues"].as_array().into_iter().flatten() {
                    let cue = cue.as_str().unwrap_or("").to_lowercase();
                    *missed_cues.entry(cue).or_default() += 1;
                }
            }
            (false, false) => tn += 1,
        }
        if let Some(gold_certainty) = row["certainty"].as_f64() {
            let sentences = &findings.sentences;
            let mean = if sentences.is_empty() {
                1.0
            } else {
                sentences.iter().map(|s| s.certainty).sum::<f64>() / sentences.len() as f64
            };
            scores.push((mean, gold_certainty));
        }
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!("file: {path}");
    println!(
        "sentences: {}  (tp {tp}, fp {fp}, fn {fn_}, tn {tn})",
        tp + fp + fn_ + tn
    );
    println!("precision: {precision:.3}\nrecall:    {recall:.3}\nF1:        {f1:.3}");
    println!("\ncues with the most false positives:");
    for (cue, count) in top(false_cues, 20) {
        println!("  {count:5}  {cue}");
    }
    println!("\nmost often missed gold cues:");
    for (cue, count) in top(missed_cues, 20) {
        println!("  {count:5}  {cue}");
    }
    if !scores.is_empty() {
        println!(
            "\nSpearman's rho, sentence certainty vs gold certainty ({} sentences): {:.3}",
            scores.len(),
            spearman(&scores)
        );
    }
    ExitCode::SUCCESS
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn top(counts: HashMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(n);
    counts
}

/// Ranks with ties given their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = mean;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rho: Pearson's correlation of the ranks.
fn spearman(pairs: &[(f64, f64)]) -> f64 {
    let x = ranks(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let y = ranks(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(&y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}
