//! The main job: analyze an article and print what a copy editor looks for.
//!
//! ```text
//! cargo run --release --example analyze                   # the embedded sample article
//! cargo run --release --example analyze -- FILE           # a file; `-` reads stdin
//! cargo run --release --example analyze -- --json FILE    # the JSON report
//! cargo run --release --example analyze -- --jsonl [FILE...] [--threads N] [--max-bytes N]
//! ```
//!
//! `--jsonl` reads JSON lines (`{"id": ..., "text": ..., "title": ...}`) from the files or
//! stdin and writes one JSON report per input line, in input order, with its `id`. A bad
//! line (not UTF-8, not JSON, no `text`, over the size limit) yields an error object
//! `{"id", "file", "line", "error"}` and the run goes on; a summary goes to stderr, and the
//! exit status is 1 when any line failed. Memory stays flat: lines are read, analyzed and
//! written in bounded batches.

use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use copydesk::{Article, Error, Report};
use serde_json::Value;

const SAMPLE: &str = include_str!("data/wire.txt");
const USAGE: &str = "usage: analyze [--json] [FILE|-]\n       analyze --jsonl [--threads N] [--max-bytes N] [FILE...]";

struct Options {
    json: bool,
    jsonl: bool,
    threads: usize,
    max_bytes: Option<usize>,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        json: false,
        jsonl: false,
        threads: 1,
        max_bytes: None,
        inputs: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "--jsonl" => options.jsonl = true,
            "--threads" | "--max-bytes" => {
                let value = args.next().ok_or_else(|| format!("{arg} needs a number"))?;
                let n: usize = value
                    .parse()
                    .map_err(|_| format!("{arg} needs a whole number, not {value:?}"))?;
                if arg == "--threads" {
                    options.threads = n.max(1);
                } else {
                    options.max_bytes = Some(n);
                }
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ => options.inputs.push(arg),
        }
    }
    if !options.jsonl && options.inputs.len() > 1 {
        return Err(format!("one FILE at a time without --jsonl\n{USAGE}"));
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("analyze: {message}");
            return ExitCode::from(2);
        }
    };
    let result = if options.jsonl {
        run_jsonl(&options)
    } else {
        run_single(&options)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("analyze: {message}");
            ExitCode::from(1)
        }
    }
}

/// Reads a whole input as UTF-8 text: a file, or stdin for `-`.
fn read_text(input: &str) -> Result<String, Error> {
    let (bytes, origin) = if input == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("stdin", &e))?;
        (bytes, "stdin".to_string())
    } else {
        (
            std::fs::read(input).map_err(|e| Error::io(input, &e))?,
            input.to_string(),
        )
    };
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        origin,
        offset: e.utf8_error().valid_up_to(),
    })
}

fn run_single(options: &Options) -> Result<bool, String> {
    let text = match options.inputs.first() {
        Some(input) => read_text(input).map_err(|e| e.to_string())?,
        None => SAMPLE.to_string(),
    };
    let mut builder = Article::builder(text);
    if let Some(limit) = options.max_bytes {
        builder = builder.max_bytes(limit);
    }
    let article = builder.build().map_err(|e| e.to_string())?;
    let report = Report::new(&article);
    let mut out = io::stdout().lock();
    let written = if options.json {
        writeln!(out, "{}", report.to_json_pretty())
    } else {
        let value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        write_summary(&mut out, &value)
    };
    written.map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(true)
}

fn text_of(value: &Value, key: &str) -> String {
    match &value[key] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value[key].as_array().map_or(&[], Vec::as_slice)
}

/// A readable summary for a person, from the report's JSON form.
fn write_summary(out: &mut impl Write, report: &Value) -> io::Result<()> {
    let quotes = list(report, "quotes");
    writeln!(out, "QUOTES ({})", quotes.len())?;
    for q in quotes {
        let speaker = text_of(q, "speaker");
        let speaker = if speaker.is_empty() {
            "(unattributed)".to_string()
        } else {
            speaker
        };
        let cue = text_of(q, "cue");
        writeln!(
            out,
            "  [{}] {} {}: {}",
            text_of(q, "kind"),
            speaker,
            if cue.is_empty() {
                String::new()
            } else {
                format!("({cue})")
            },
            text_of(q, "text")
        )?;
    }
    let sources = list(report, "sources");
    writeln!(out, "\nSOURCES ({})", sources.len())?;
    let mut kinds: Vec<String> = sources.iter().map(|s| text_of(s, "kind")).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        writeln!(out, "  {kind}:")?;
        for s in sources.iter().filter(|s| text_of(s, "kind") == kind) {
            let name = text_of(s, "name");
            let description = text_of(s, "description");
            let label = match (name.is_empty(), description.is_empty()) {
                (false, false) => format!("{name}, {description}"),
                (false, true) => name,
                _ => description,
            };
            let reason = text_of(s, "anonymity_reason");
            let reason = if reason.is_empty() {
                String::new()
            } else {
                format!(" [{reason}]")
            };
            writeln!(
                out,
                "    {label} — {} quote(s){reason}",
                list(s, "quotes").len()
            )?;
        }
    }
    for (key, title) in [("hedges", "HEDGES"), ("boosters", "BOOSTERS")] {
        let items = list(report, key);
        writeln!(out, "\n{title} ({})", items.len())?;
        for h in items {
            let who = if h["in_quote"] == Value::Bool(true) {
                "quoted"
            } else {
                "writer"
            };
            writeln!(
                out,
                "  {:<28} {:<12} {}",
                text_of(h, "text"),
                text_of(h, "category"),
                who
            )?;
        }
    }
    let numbers = list(report, "numbers");
    writeln!(out, "\nNUMERIC CLAIMS ({})", numbers.len())?;
    for n in numbers {
        let mut details = vec![format!("value {}", text_of(n, "value"))];
        for key in ["of", "to", "unit", "qualifier", "change", "subject", "base"] {
            let v = text_of(n, key);
            if !v.is_empty() {
                details.push(format!("{key} {v}"));
            }
        }
        writeln!(
            out,
            "  {:<32} {:<9} {}",
            text_of(n, "text"),
            text_of(n, "kind"),
            details.join(", ")
        )?;
    }
    writeln!(out, "\nSTATS")?;
    if let Some(stats) = report["stats"].as_object() {
        for (key, value) in stats {
            writeln!(out, "  {key}: {value}")?;
        }
    }
    Ok(())
}

/// One input line of `--jsonl`, located for error messages.
struct Line {
    file: String,
    number: usize,
    bytes: Vec<u8>,
}

/// Analyzes one JSON line into one output line; `Err` carries the error object.
fn analyze_line(line: &Line, max_bytes: Option<usize>) -> Result<String, String> {
    let fail = |id: &Value, problem: String| {
        let object =
            serde_json::json!({"id": id, "file": line.file, "line": line.number, "error": problem});
        object.to_string()
    };
    let text = std::str::from_utf8(&line.bytes).map_err(|e| {
        let error = Error::NotUtf8 {
            origin: format!("{}:{}", line.file, line.number),
            offset: e.valid_up_to(),
        };
        fail(&Value::Null, error.to_string())
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        fail(
            &Value::Null,
            format!("{}:{}: invalid JSON: {e}", line.file, line.number),
        )
    })?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let Some(body) = value.get("text").and_then(Value::as_str) else {
        return Err(fail(
            &id,
            format!("{}:{}: no \"text\" string field", line.file, line.number),
        ));
    };
    let mut builder = Article::builder(body);
    for (key, set) in [
        ("title", ArticleFieldSetter::Title),
        ("byline", ArticleFieldSetter::Byline),
        ("published", ArticleFieldSetter::Published),
        ("url", ArticleFieldSetter::Url),
    ] {
        if let Some(v) = value.get(key).and_then(Value::as_str) {
            builder = set.apply(builder, v);
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
        .map_err(|e| fail(&id, format!("{}:{}: {e}", line.file, line.number)))?;
    let report = Report::new(&article).to_json();
    Ok(format!("{{\"id\":{},{}", id, &report[1..]))
}

#[derive(Clone, Copy)]
enum ArticleFieldSetter {
    Title,
    Byline,
    Published,
    Url,
}

impl ArticleFieldSetter {
    fn apply(self, builder: copydesk::ArticleBuilder, value: &str) -> copydesk::ArticleBuilder {
        match self {
            ArticleFieldSetter::Title => builder.title(value),
            ArticleFieldSetter::Byline => builder.byline(value),
            ArticleFieldSetter::Published => builder.published(value),
            ArticleFieldSetter::Url => builder.url(value),
        }
    }
}

/// Counts and timing of a `--jsonl` run.
struct Progress {
    done: usize,
    failed: usize,
    bytes: usize,
    started: Instant,
    last_shown: Instant,
    visible: bool,
}

impl Progress {
    fn show(&mut self, last: bool) {
        if !self.visible || (!last && self.last_shown.elapsed().as_millis() < 500) {
            return;
        }
        self.last_shown = Instant::now();
        let seconds = self.started.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\r{} articles, {:.1} MB/s, {} errors{}",
            self.done,
            self.bytes as f64 / 1e6 / seconds,
            self.failed,
            if last { "\n" } else { "" }
        );
    }
}

fn run_jsonl(options: &Options) -> Result<bool, String> {
    let inputs = if options.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        options.inputs.clone()
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let now = Instant::now();
    let mut progress = Progress {
        done: 0,
        failed: 0,
        bytes: 0,
        started: now,
        last_shown: now,
        visible: io::stderr().is_terminal(),
    };
    let batch_size = 64 * options.threads;
    let mut unreadable = 0usize;
    for input in &inputs {
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            match std::fs::File::open(input) {
                Ok(file) => Box::new(BufReader::new(file)),
                Err(e) => {
                    eprintln!("analyze: {}", Error::io(input, &e));
                    unreadable += 1;
                    continue;
                }
            }
        };
        let name = if input == "-" {
            "stdin".to_string()
        } else {
            input.clone()
        };
        let mut reader = reader;
        let mut number = 0usize;
        loop {
            let mut batch = Vec::with_capacity(batch_size);
            while batch.len() < batch_size {
                let mut bytes = Vec::new();
                match reader.read_until(b'\n', &mut bytes) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("analyze: {}", Error::io(&name, &e));
                        unreadable += 1;
                        break;
                    }
                }
                number += 1;
                while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    bytes.pop();
                }
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                batch.push(Line {
                    file: name.clone(),
                    number,
                    bytes,
                });
            }
            if batch.is_empty() {
                break;
            }
            for result in analyze_batch(&batch, options) {
                progress.done += 1;
                let line = match result {
                    Ok(line) => line,
                    Err(line) => {
                        progress.failed += 1;
                        line
                    }
                };
                writeln!(out, "{line}").map_err(|e| format!("cannot write the output: {e}"))?;
            }
            progress.bytes += batch.iter().map(|l| l.bytes.len()).sum::<usize>();
            progress.show(false);
        }
    }
    out.flush()
        .map_err(|e| format!("cannot write the output: {e}"))?;
    progress.show(true);
    eprintln!(
        "analyze: {} lines, {} reports, {} errors{}",
        progress.done,
        progress.done - progress.failed,
        progress.failed,
        if unreadable > 0 {
            format!(", {unreadable} inputs unreadable")
        } else {
            String::new()
        }
    );
    Ok(progress.failed == 0 && unreadable == 0)
}

/// Analyzes a batch, on `--threads` threads, keeping input order.
fn analyze_batch(batch: &[Line], options: &Options) -> Vec<Result<String, String>> {
    if options.threads <= 1 || batch.len() < 2 {
        return batch
            .iter()
            .map(|line| analyze_line(line, options.max_bytes))
            .collect();
    }
    let chunk = batch.len().div_ceil(options.threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|lines| {
                let handle = scope.spawn(move || {
                    lines
                        .iter()
                        .map(|l| analyze_line(l, options.max_bytes))
                        .collect::<Vec<_>>()
                });
                (lines, handle)
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(lines, handle)| {
                // Analysis does not panic; should it ever, every line still gets its error.
                handle.join().unwrap_or_else(|_| {
                    lines
                        .iter()
                        .map(|l| Err(serde_json::json!({"id": null, "file": l.file, "line": l.number, "error": "internal error"}).to_string()))
                        .collect()
                })
            })
            .collect()
    })
}
