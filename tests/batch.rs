//! Batch accounting: every input line yields exactly one output line, a report or an error
//! object naming the line and the problem; the summary counts them.

use copydesk::batch::{self, BatchOptions};
use serde_json::Value;

fn mixed_input() -> Vec<u8> {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": 1, \"text\": \"The council said the plan was dead.\"}\n");
    input.extend_from_slice(b"this is not json\n");
    input.extend_from_slice(b"{\"id\": \"no-text\", \"title\": \"Missing\"}\n");
    input.extend_from_slice(b"{\"id\": 4, \"text\": \"caf\xff\"}\n"); // not UTF-8
    input.extend_from_slice(b"\n   \n"); // blank lines are skipped
    input.extend_from_slice(
        b"{\"id\": 5, \"text\": \"About 40 people came.\", \"title\": \"Turnout\"}\r\n",
    );
    input.extend_from_slice(b"{\"id\": 6, \"text\": \"");
    input.extend_from_slice("x".repeat(300).as_bytes());
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(b"{\"id\": 7, \"text\": 42}\n");
    input.extend_from_slice(b"{\"id\": 8, \"text\": \"Last line without a newline.\"}");
    input
}

fn run(threads: usize) -> (batch::Summary, Vec<Value>) {
    let mut output = Vec::new();
    let options = BatchOptions::default().threads(threads).max_bytes(200);
    let summary = batch::run(&mixed_input()[..], "mixed.jsonl", &mut output, &options).unwrap();
    let text = String::from_utf8(output).unwrap();
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (summary, lines)
}

#[test]
fn every_line_is_accounted_for() {
    let (summary, lines) = run(1);
    assert_eq!(summary.lines, 8);
    assert_eq!(summary.reports, 3);
    assert_eq!(summary.errors, 5);
    assert_eq!(lines.len(), 8);
    let ids: Vec<Value> = lines.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids[0], 1);
    assert_eq!(ids[2], "no-text");
    assert_eq!(ids[4], 5);
    assert_eq!(ids[7], 8);
}

#[test]
fn errors_name_the_line_and_the_problem() {
    let (_, lines) = run(1);
    let error = |i: usize| lines[i]["error"].as_str().unwrap_or_default().to_string();
    assert!(
        error(1).contains("mixed.jsonl:2: invalid JSON"),
        "{}",
        error(1)
    );
    assert!(
        error(2).contains("mixed.jsonl:3: no \"text\""),
        "{}",
        error(2)
    );
    assert!(
        error(3).contains("mixed.jsonl:4: not UTF-8"),
        "{}",
        error(3)
    );
    assert!(error(5).contains("over the limit of 200"), "{}", error(5));
    assert!(error(6).contains("no \"text\" string"), "{}", error(6));
    assert_eq!(
        lines[5]["line"], 8,
        "blank lines still count in line numbers"
    );
    assert_eq!(lines[4]["article"]["title"], "Turnout");
    assert!(lines[0]["error"].is_null());
}

#[test]
fn output_is_identical_across_thread_counts() {
    let (one, lines_one) = run(1);
    let (two, lines_two) = run(2);
    let (many, lines_many) = run(7);
    assert_eq!(one, two);
    assert_eq!(one, many);
    assert_eq!(lines_one, lines_two);
    assert_eq!(lines_one, lines_many);
}
