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

/// Lines of very different sizes (a few words to ~60 KB), with bad lines among them.
fn uneven_input(lines: usize) -> Vec<u8> {
    let paragraph = "The council said on Tuesday that about 40 people had left, \
                     according to two officials who asked not to be named. ";
    let mut input = Vec::new();
    for i in 0..lines {
        match i % 11 {
            3 => input.extend_from_slice(b"{\"id\": oops}\n"),
            7 => input.extend_from_slice(format!("{{\"id\": \"s{i}\"}}\n").as_bytes()),
            9 => input.extend_from_slice(b"\n"),
            _ => {
                // Sizes spread over three orders of magnitude, long ones early and late.
                let repeat = [1, 150, 3, 40, 1, 0, 60, 2, 1, 12][i % 10] * (1 + i % 3);
                let text = paragraph.repeat(repeat);
                let line = serde_json::json!({"id": i, "text": format!("Line {i}. {text}")});
                input.extend_from_slice(line.to_string().as_bytes());
                input.push(b'\n');
            }
        }
    }
    input
}

fn run_with(input: &[u8], options: &BatchOptions) -> (batch::Summary, Vec<u8>) {
    let mut output = Vec::new();
    let summary = batch::run(input, "uneven.jsonl", &mut output, options).unwrap();
    (summary, output)
}

#[test]
fn order_is_kept_with_many_threads_and_uneven_lines() {
    let input = uneven_input(120);
    let (one, expected) = run_with(&input, &BatchOptions::default());
    assert_eq!(
        one.lines,
        (0..120).filter(|i| i % 11 != 9).count(),
        "blank lines are not counted"
    );
    assert!(one.errors >= 20, "{one:?}");
    let ids: Vec<Value> = String::from_utf8(expected.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids[0], 0);
    assert_eq!(ids[3], Value::Null, "invalid JSON has no id");
    assert_eq!(ids[7], "s7");
    assert_eq!(ids[9], 10, "the blank line 10 gives no output");
    for threads in [2, 3, 16] {
        for batch_lines in [1, 64] {
            let mut options = BatchOptions::default().threads(threads);
            options.batch_lines = batch_lines;
            let (summary, output) = run_with(&input, &options);
            assert_eq!(summary, one, "{threads} threads, {batch_lines} lines each");
            assert!(
                output == expected,
                "{threads} threads, {batch_lines} lines each: output differs"
            );
        }
    }
}

#[test]
fn more_threads_than_lines() {
    let input = b"{\"id\": 1, \"text\": \"One.\"}\n\n{\"id\": 2}\n";
    let (expected_summary, expected) = run_with(input, &BatchOptions::default());
    assert_eq!((expected_summary.lines, expected_summary.errors), (2, 1));
    let (summary, output) = run_with(input, &BatchOptions::default().threads(32));
    assert_eq!(summary, expected_summary);
    assert_eq!(output, expected);
    for empty in [&b""[..], b"\n\n  \n"] {
        let (summary, output) = run_with(empty, &BatchOptions::default().threads(8));
        assert_eq!((summary.lines, summary.bytes), (0, empty.len()));
        assert!(output.is_empty());
    }
}

#[test]
fn progress_reports_running_counts() {
    let input = uneven_input(60);
    for threads in [1, 3] {
        let mut options = BatchOptions::default().threads(threads);
        options.batch_lines = 4;
        let mut calls = Vec::new();
        let summary =
            batch::run_with_progress(&input[..], "uneven.jsonl", std::io::sink(), &options, |s| {
                calls.push(*s)
            })
            .unwrap();
        assert!(calls.len() >= summary.lines / (4 * threads), "{calls:?}");
        assert!(calls.windows(2).all(|w| w[0].lines < w[1].lines));
        assert_eq!(calls.last(), Some(&summary), "the last call has the totals");
    }
}

/// A reader that fails after `left` bytes.
struct Failing<'a> {
    data: &'a [u8],
    left: usize,
}

impl std::io::Read for Failing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("disk gone"));
        }
        let n = buf.len().min(self.left).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        self.left -= n;
        Ok(n)
    }
}

/// A writer that fails after `left` bytes.
struct Full {
    left: usize,
}

impl std::io::Write for Full {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("disk full"));
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn read_and_write_failures_end_the_run() {
    let input = uneven_input(80);
    for threads in [1, 2, 4] {
        let options = BatchOptions::default().threads(threads);
        let reader = std::io::BufReader::with_capacity(
            1024,
            Failing {
                data: &input,
                left: input.len() / 2,
            },
        );
        let result = batch::run(reader, "uneven.jsonl", std::io::sink(), &options);
        let error = result.unwrap_err().to_string();
        assert!(error.contains("uneven.jsonl"), "{error}");
        let result = batch::run(&input[..], "uneven.jsonl", Full { left: 5000 }, &options);
        assert!(result.is_err(), "{threads} threads");
    }
}
