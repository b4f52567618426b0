//! Batch analysis of JSON lines: one report per input line, in input order, in constant
//! memory, with every bad line accounted for.
//!
//! Each input line is a JSON object `{"id": ..., "text": ..., "title": ..., "byline": ...,
//! "published": ..., "url": ...}` (only `text` is required). Each output line is either the
//! [`crate::Report`] JSON with the input's `id` as its first key, or an error object
//! `{"id", "file", "line", "error"}` naming the line and the problem: not UTF-8, invalid
//! JSON, no `text`, over the size limit. Blank input lines are skipped.
//!
//! ```
//! use copydesk::batch::{self, BatchOptions};
//!
//! let input = "{\"id\": 7, \"text\": \"The mayor said no.\"}\nnot json\n";
//! let mut output = Vec::new();
//! let summary = batch::run(input.as_bytes(), "corpus.jsonl", &mut output, &BatchOptions::default())?;
//! assert_eq!((summary.lines, summary.reports, summary.errors), (2, 1, 1));
//! let text = String::from_utf8(output).unwrap();
//! assert!(text.starts_with("{\"id\":7,"));
//! assert!(text.lines().nth(1).unwrap().contains("corpus.jsonl:2: invalid JSON"));
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::io::{BufRead, Write};

use serde_json::Value;

use crate::article::{Article, ArticleBuilder};
use crate::error::{Error, Result};
use crate::report::Report;

/// How a batch runs.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Threads analyzing lines; output order is kept whatever the number. Default 1.
    pub threads: usize,
    /// Refuse articles longer than this many bytes (an error line). Default: no limit.
    pub max_bytes: Option<usize>,
    /// Lines read, analyzed and written together; bounds memory. Default 64 per thread.
    pub batch_lines: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            threads: 1,
            max_bytes: None,
            batch_lines: 64,
        }
    }
}

impl BatchOptions {
    /// Options with `threads` threads.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// Options with a size limit per article.
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.max_bytes = Some(limit);
        self
    }
}

/// What a batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Non-blank input lines read; each produced exactly one output line.
    pub lines: usize,
    /// Lines that produced a report.
    pub reports: usize,
    /// Lines that produced an error object.
    pub errors: usize,
    /// Input bytes read.
    pub bytes: usize,
}

impl Summary {
    /// Adds another summary's counts (for several inputs).
    pub fn add(&mut self, other: Summary) {
        self.lines += other.lines;
        self.reports += other.reports;
        self.errors += other.errors;
        self.bytes += other.bytes;
    }
}

/// Sets one metadata field of an article builder.
type SetField = fn(ArticleBuilder, &str) -> ArticleBuilder;

struct Line<'a> {
    origin: &'a str,
    number: usize,
    bytes: Vec<u8>,
}

/// Reads JSON lines from `reader` (named `origin` in errors), writes one line per input
/// line to `writer`, and calls nothing else. Fails only when reading or writing fails;
/// bad lines are error objects in the output, counted in the [`Summary`].
pub fn run(
    reader: impl BufRead,
    origin: &str,
    writer: impl Write,
    options: &BatchOptions,
) -> Result<Summary> {
    run_with_progress(reader, origin, writer, options, |_| {})
}

/// Like [`run`], calling `progress` with the running counts after each group of lines.
pub fn run_with_progress(
    mut reader: impl BufRead,
    origin: &str,
    mut writer: impl Write,
    options: &BatchOptions,
    mut progress: impl FnMut(&Summary),
) -> Result<Summary> {
    let write_error = |e: std::io::Error| Error::io("output", &e);
    let group = options.batch_lines.max(1) * options.threads.max(1);
    let mut summary = Summary::default();
    let mut number = 0usize;
    loop {
        let mut lines = Vec::with_capacity(group);
        while lines.len() < group {
            let mut bytes = Vec::new();
            if reader
                .read_until(b'\n', &mut bytes)
                .map_err(|e| Error::io(origin, &e))?
                == 0
            {
                break;
            }
            number += 1;
            summary.bytes += bytes.len();
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            lines.push(Line {
                origin,
                number,
                bytes,
            });
        }
        if lines.is_empty() {
            break;
        }
        for result in analyze_group(&lines, options) {
            summary.lines += 1;
            let line = match result {
                Ok(line) => {
                    summary.reports += 1;
                    line
                }
                Err(line) => {
                    summary.errors += 1;
                    line
                }
            };
            writer.write_all(line.as_bytes()).map_err(write_error)?;
            writer.write_all(b"\n").map_err(write_error)?;
        }
        progress(&summary);
    }
    writer.flush().map_err(write_error)?;
    Ok(summary)
}

/// Analyzes one line; `Err` holds the error object's JSON.
fn analyze_line(line: &Line<'_>, max_bytes: Option<usize>) -> std::result::Result<String, String> {
    let at = format!("{}:{}", line.origin, line.number);
    let fail = |id: &Value, problem: String| {
        serde_json::json!({"id": id, "file": line.origin, "line": line.number, "error": problem})
            .to_string()
    };
    let text = std::str::from_utf8(&line.bytes).map_err(|e| {
        fail(
            &Value::Null,
            Error::NotUtf8 {
                origin: at.clone(),
                offset: e.valid_up_to(),
            }
            .to_string(),
        )
    })?;
    let value: Value = serde_json::from_str(text)
        .map_err(|e| fail(&Value::Null, format!("{at}: invalid JSON: {e}")))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let Some(body) = value.get("text").and_then(Value::as_str) else {
        return Err(fail(&id, format!("{at}: no \"text\" string field")));
    };
    let mut builder = Article::builder(body);
    let setters: [(&str, SetField); 4] = [
        ("title", |b, v| b.title(v)),
        ("byline", |b, v| b.byline(v)),
        ("published", |b, v| b.published(v)),
        ("url", |b, v| b.url(v)),
    ];
    for (key, set) in setters {
        if let Some(v) = value.get(key).and_then(Value::as_str) {
            builder = set(builder, v);
        }
    }
    if let Some(s) = id.as_str() {
        builder = builder.id(s);
    }
    if let Some(limit) = max_bytes {
        builder = builder.max_bytes(limit);
    }
    let article = builder
        .build()
        .map_err(|e| fail(&id, format!("{at}: {e}")))?;
    let report = Report::new(&article).to_json();
    Ok(format!("{{\"id\":{},{}", id, &report[1..]))
}

/// Analyzes a group of lines on `options.threads` threads, keeping input order.
fn analyze_group(
    lines: &[Line<'_>],
    options: &BatchOptions,
) -> Vec<std::result::Result<String, String>> {
    if options.threads <= 1 || lines.len() < 2 {
        return lines
            .iter()
            .map(|line| analyze_line(line, options.max_bytes))
            .collect();
    }
    let chunk = lines.len().div_ceil(options.threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| {
                (
                    part,
                    scope.spawn(move || {
                        part.iter()
                            .map(|l| analyze_line(l, options.max_bytes))
                            .collect::<Vec<_>>()
                    }),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, handle)| {
                // Analysis does not panic; should it ever, every line still gets its error.
                handle.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|l| {
                            Err(serde_json::json!({"id": null, "file": l.origin, "line": l.number, "error": "internal error"})
                                .to_string())
                        })
                        .collect()
                })
            })
            .collect()
    })
}
