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
//! exit status is 1 when any line failed. Memory stays flat: with `--threads N`, N workers
//! take lines as they come while this thread reads ahead and writes in input order, with a
//! bounded number of lines in flight (see `copydesk::batch`).

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use copydesk::batch::{self, BatchOptions, Summary};
use copydesk::{Article, Error, Report};
use serde_json::Value;

#[path = "support/report_json.rs"]
mod report_json;
use report_json::{list, text_of};

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

fn run_single(options: &Options) -> Result<bool, String> {
    let text = match options.inputs.first() {
        Some(input) => copydesk::input::read_text(input).map_err(|e| e.to_string())?,
        None => SAMPLE.to_string(),
    };
    let mut builder = Article::builder(text);
    if let Some(limit) = options.max_bytes {
        builder = builder.max_bytes(limit);
    }
    let article = builder.build().map_err(|e| e.to_string())?;
    let report = Report::new(&article);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = if options.json {
        // Streamed, not built whole: the JSON of a long article is several times its size.
        // The same bytes as `writeln!(out, "{}", report.to_json_pretty())`.
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        let value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        write_summary(&mut out, &value)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(true)
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

fn run_jsonl(options: &Options) -> Result<bool, String> {
    let inputs = if options.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        options.inputs.clone()
    };
    let mut batch_options = BatchOptions::default().threads(options.threads);
    if let Some(limit) = options.max_bytes {
        batch_options = batch_options.max_bytes(limit);
    }
    let started = Instant::now();
    let visible = io::stderr().is_terminal();
    let mut last_shown = started;
    let mut total = Summary::default();
    let mut unreadable = 0usize;
    let mut out = io::BufWriter::new(raw_stdout());
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
        let origin = if input == "-" {
            "stdin"
        } else {
            input.as_str()
        };
        let done_before = total;
        let result =
            batch::run_with_progress(reader, origin, &mut out, &batch_options, |summary| {
                // A progress line for people watching a terminal; silent in pipelines and logs.
                if visible && (last_shown.elapsed().as_millis() >= 500) {
                    last_shown = Instant::now();
                    let seconds = started.elapsed().as_secs_f64().max(1e-9);
                    let bytes = done_before.bytes + summary.bytes;
                    eprint!(
                        "\r{} articles, {:.1} MB/s, {} errors",
                        done_before.lines + summary.lines,
                        bytes as f64 / 1e6 / seconds,
                        done_before.errors + summary.errors
                    );
                }
            });
        match result {
            Ok(summary) => total.add(summary),
            Err(e) => {
                eprintln!("analyze: {e}");
                unreadable += 1;
            }
        }
    }
    if visible {
        eprintln!();
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "analyze: {} lines, {} reports, {} errors{} ({:.1} MB in {:.2} s)",
        total.lines,
        total.reports,
        total.errors,
        if unreadable > 0 {
            format!(", {unreadable} inputs unreadable")
        } else {
            String::new()
        },
        total.bytes as f64 / 1e6,
        seconds
    );
    Ok(total.errors == 0 && unreadable == 0)
}

/// Standard output without its line buffering: the batch writes whole lines through its
/// own buffer, and `Stdout` would look for the last newline in every write (a pass over
/// each report). A second handle on the same file descriptor where there is one.
fn raw_stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(io::stdout().lock())
}
