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
//!
//! With more than one thread, the calling thread reads and writes while `threads` workers,
//! started once for the whole run, take lines as they come (a few at a time), so a long
//! article holds up only its own worker; the reports are written in input order through a
//! bounded window of lines in flight, so memory stays flat however long the input.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex, PoisonError};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::article::Article;
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
    /// Lines in flight (read but not yet written) per thread: bounds memory, together with
    /// a budget of 128 KiB of input per thread. The progress callback runs
    /// after every `batch_lines * threads` lines written. Default 64.
    pub batch_lines: usize,
}

/// Input bytes in flight per thread beyond which no more lines are read ahead (each worker
/// still gets a line; with long lines in flight, more: see `Order::full`). The reports
/// waiting for an earlier line to be written are several times the size of their input, so
/// this bounds memory whatever the number of lines.
const BYTES_IN_FLIGHT: usize = 128 << 10;

/// Line buffers given back larger than this are dropped rather than kept for reading the
/// next lines: one long article does not hold its memory until the end.
const SPARE_CAPACITY: usize = 64 << 10;

/// Lines handed to a worker together are cut at this many input bytes (or
/// [`LINES_PER_JOB`] lines): one handover per long article, a few per short ones.
const BYTES_PER_JOB: usize = 16 << 10;

/// The most lines handed to a worker at once.
const LINES_PER_JOB: usize = 16;

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

/// One non-blank input line: its number (from 1, blank lines counted) and its bytes
/// without the line end.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// What a line gives: a report after its id, or an error object.
enum Outcome {
    /// `{"id":<id>,` and the report JSON, written without its opening brace.
    Report { head: String, report: String },
    /// The error object's JSON.
    Error(String),
}

/// Reads JSON lines from `reader` (named `origin` in errors), writes one line per input
/// line to `writer`, and calls nothing else. Fails only when reading or writing fails;
/// bad lines are error objects in the output, counted in the [`Summary`].
///
/// Memory is bounded by the lines in flight: at most `batch_lines * threads` lines, and
/// no more read ahead once 128 KiB of input per thread are in flight (each worker still
/// gets a line, however long, and with a long line in flight the others may read up to
/// `threads + 1` times its length, so that they go on while it is analyzed).
pub fn run(
    reader: impl BufRead,
    origin: &str,
    writer: impl Write,
    options: &BatchOptions,
) -> Result<Summary> {
    run_with_progress(reader, origin, writer, options, |_| {})
}

/// Like [`run`], calling `progress` with the running counts after every
/// `batch_lines * threads` lines written, and once at the end.
pub fn run_with_progress(
    reader: impl BufRead,
    origin: &str,
    writer: impl Write,
    options: &BatchOptions,
    progress: impl FnMut(&Summary),
) -> Result<Summary> {
    let threads = options.threads.max(1);
    let window = options.batch_lines.max(1) * threads;
    let mut input = Input {
        reader,
        origin,
        number: 0,
        bytes: 0,
    };
    let mut output = Output {
        writer,
        summary: Summary::default(),
        group: window,
        unreported: 0,
        progress,
    };
    if threads == 1 {
        let mut bytes = Vec::new();
        while let Some(number) = input.next_line(&mut bytes)? {
            let outcome = analyze_line(origin, number, &bytes, options.max_bytes);
            output.summary.bytes = input.bytes;
            output.write(outcome)?;
        }
    } else {
        run_threads(&mut input, &mut output, options, threads, window)?;
    }
    output.summary.bytes = input.bytes;
    output.finish()
}

/// The lines read so far.
struct Input<'a, R> {
    reader: R,
    origin: &'a str,
    /// Lines read, blank ones included.
    number: usize,
    /// Bytes read.
    bytes: usize,
}

impl<R: BufRead> Input<'_, R> {
    /// Reads the next non-blank line into `bytes` (without its line end) and gives its
    /// number; `None` at the end of the input.
    fn next_line(&mut self, bytes: &mut Vec<u8>) -> Result<Option<usize>> {
        loop {
            bytes.clear();
            let read = self
                .reader
                .read_until(b'\n', bytes)
                .map_err(|e| Error::io(self.origin, &e))?;
            if read == 0 {
                return Ok(None);
            }
            self.number += 1;
            self.bytes += read;
            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                bytes.pop();
            }
            if !bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some(self.number));
            }
        }
    }
}

/// The lines written so far, and the progress callback.
struct Output<W, P> {
    writer: W,
    summary: Summary,
    /// Lines between progress calls.
    group: usize,
    /// Lines written since the last progress call.
    unreported: usize,
    progress: P,
}

impl<W: Write, P: FnMut(&Summary)> Output<W, P> {
    /// Writes the next line's outcome and counts it.
    fn write(&mut self, outcome: Outcome) -> Result<()> {
        let written = match &outcome {
            Outcome::Report { head, report } => {
                self.summary.reports += 1;
                // The report is written as is, after its id: `{"id":<id>,` then the report
                // without its `{`.
                self.writer
                    .write_all(head.as_bytes())
                    .and_then(|()| self.writer.write_all(&report.as_bytes()[1..]))
            }
            Outcome::Error(line) => {
                self.summary.errors += 1;
                self.writer.write_all(line.as_bytes())
            }
        };
        written
            .and_then(|()| self.writer.write_all(b"\n"))
            .map_err(|e| Error::io("output", &e))?;
        self.summary.lines += 1;
        self.unreported += 1;
        if self.unreported >= self.group {
            self.unreported = 0;
            (self.progress)(&self.summary);
        }
        Ok(())
    }

    /// Flushes the output, reports the last lines and gives the counts.
    fn finish(mut self) -> Result<Summary> {
        self.writer.flush().map_err(|e| Error::io("output", &e))?;
        if self.unreported > 0 {
            (self.progress)(&self.summary);
        }
        Ok(self.summary)
    }
}

/// Lines handed to a worker: the first one's place in the input (from 0, non-blank lines)
/// and the lines.
struct Job {
    first: usize,
    lines: Vec<Line>,
}

/// A worker's outcomes for a [`Job`], with the job's lines given back for their buffers.
struct Done {
    first: usize,
    outcomes: Vec<Outcome>,
    lines: Vec<Line>,
}

/// Reads on this thread, analyzes on `threads` workers that take jobs as they come, and
/// writes on this thread in input order.
fn run_threads<R: BufRead, W: Write, P: FnMut(&Summary)>(
    input: &mut Input<'_, R>,
    output: &mut Output<W, P>,
    options: &BatchOptions,
    threads: usize,
    window: usize,
) -> Result<()> {
    let origin = input.origin;
    let max_bytes = options.max_bytes;
    let stop = AtomicBool::new(false);
    let (job_sender, jobs) = mpsc::channel::<Job>();
    let jobs = Mutex::new(jobs);
    let (done_sender, done) = mpsc::channel::<Done>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let done_sender = done_sender.clone();
            let (jobs, stop) = (&jobs, &stop);
            scope.spawn(move || work(jobs, &done_sender, stop, origin, max_bytes));
        }
        drop(done_sender);
        let mut order = Order {
            jobs: job_sender,
            done,
            job: Vec::new(),
            job_bytes: 0,
            next: 0,
            written: 0,
            pending: VecDeque::new(),
            bytes_in_flight: 0,
            spare: Vec::new(),
        };
        let result = order.run(input, output, threads, window);
        // Workers stop at once on a failure; otherwise they have finished every job.
        stop.store(true, Ordering::Relaxed);
        drop(order);
        result
    })
}

/// A worker: takes jobs until there are none, analyzes their lines, gives back outcomes.
fn work(
    jobs: &Mutex<mpsc::Receiver<Job>>,
    done: &mpsc::Sender<Done>,
    stop: &AtomicBool,
    origin: &str,
    max_bytes: Option<usize>,
) {
    loop {
        let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = job else { return };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let outcomes = job
            .lines
            .iter()
            .map(|line| {
                // Analysis does not panic; should it ever, the line gets an error object.
                std::panic::catch_unwind(|| {
                    analyze_line(origin, line.number, &line.bytes, max_bytes)
                })
                .unwrap_or_else(|_| {
                    Outcome::Error(error_object(
                        &Value::Null,
                        origin,
                        line.number,
                        "internal error".into(),
                    ))
                })
            })
            .collect();
        let done_job = Done {
            first: job.first,
            outcomes,
            lines: job.lines,
        };
        if done.send(done_job).is_err() {
            return;
        }
    }
}

/// The reading and writing side of [`run_threads`]: lines in flight, in input order.
struct Order {
    jobs: mpsc::Sender<Job>,
    done: mpsc::Receiver<Done>,
    /// Lines read and not yet handed over.
    job: Vec<Line>,
    job_bytes: usize,
    /// Lines read (non-blank), the place of the next one.
    next: usize,
    /// Lines written.
    written: usize,
    /// The lines `written..next`: their input bytes and outcome (`None` while analyzed).
    pending: VecDeque<(usize, Option<Outcome>)>,
    /// The input bytes of the lines in `pending`.
    bytes_in_flight: usize,
    /// Line buffers given back, to read into.
    spare: Vec<Vec<u8>>,
}

impl Order {
    fn run<R: BufRead, W: Write, P: FnMut(&Summary)>(
        &mut self,
        input: &mut Input<'_, R>,
        output: &mut Output<W, P>,
        threads: usize,
        window: usize,
    ) -> Result<()> {
        let budget = BYTES_IN_FLIGHT.saturating_mul(threads);
        let mut end = false;
        loop {
            // Read ahead while the window has room (each worker gets a line whatever the
            // bytes), handing lines over a few at a time.
            while !end {
                if self.full(threads, window, budget) {
                    break;
                }
                let mut bytes = self.spare.pop().unwrap_or_default();
                match input.next_line(&mut bytes)? {
                    Some(number) => {
                        self.job_bytes += bytes.len();
                        self.bytes_in_flight += bytes.len();
                        self.pending.push_back((bytes.len(), None));
                        self.job.push(Line { number, bytes });
                        self.next += 1;
                        if self.job.len() >= LINES_PER_JOB || self.job_bytes >= BYTES_PER_JOB {
                            self.hand_over();
                        }
                    }
                    None => end = true,
                }
                self.settle(input.bytes, output)?;
            }
            self.hand_over();
            if self.written == self.next {
                return Ok(());
            }
            match self.done.recv() {
                Ok(done) => self.take(done),
                // Every worker gone with lines in flight: cannot happen, workers only stop
                // when there are no more jobs (and a panic is caught line by line).
                Err(_) => {
                    let stopped = std::io::Error::other("the analysis threads stopped");
                    return Err(Error::io(input.origin, &stopped));
                }
            }
            self.settle(input.bytes, output)?;
        }
    }

    /// Files every job's outcomes that are back, and writes those next in input order
    /// (`bytes_read`: the input read so far, for the progress counts).
    fn settle<W: Write, P: FnMut(&Summary)>(
        &mut self,
        bytes_read: usize,
        output: &mut Output<W, P>,
    ) -> Result<()> {
        while let Ok(done) = self.done.try_recv() {
            self.take(done);
        }
        output.summary.bytes = bytes_read;
        self.write_ready(output)
    }

    /// Whether no more lines are to be read ahead: the window is full, or every worker has
    /// a line and the input in flight is over the budget. The budget grows with the longest
    /// line in flight, so that the other workers go on while one analyzes it (the memory it
    /// takes is anyway a multiple of its length).
    fn full(&self, threads: usize, window: usize, budget: usize) -> bool {
        let in_flight = self.next - self.written;
        if in_flight >= window {
            return true;
        }
        if in_flight < threads || self.bytes_in_flight < budget {
            return false;
        }
        let longest = self.pending.iter().map(|(bytes, _)| *bytes).max();
        let budget = budget.max(longest.unwrap_or(0).saturating_mul(threads + 1));
        self.bytes_in_flight >= budget
    }

    /// Hands the lines read over to the workers.
    fn hand_over(&mut self) {
        if self.job.is_empty() {
            return;
        }
        let first = self.next - self.job.len();
        let lines = std::mem::take(&mut self.job);
        self.job_bytes = 0;
        // The workers live as long as the sender: the send cannot fail.
        let _ = self.jobs.send(Job { first, lines });
    }

    /// Files a job's outcomes in their places and keeps its buffers.
    fn take(&mut self, done: Done) {
        for (i, outcome) in done.outcomes.into_iter().enumerate() {
            self.pending[done.first + i - self.written].1 = Some(outcome);
        }
        self.spare.extend(
            done.lines
                .into_iter()
                .map(|line| line.bytes)
                .filter(|bytes| bytes.capacity() <= SPARE_CAPACITY),
        );
    }

    /// Writes the outcomes that are next in input order.
    fn write_ready<W: Write, P: FnMut(&Summary)>(
        &mut self,
        output: &mut Output<W, P>,
    ) -> Result<()> {
        while self
            .pending
            .front()
            .is_some_and(|(_, outcome)| outcome.is_some())
        {
            if let Some((bytes, Some(outcome))) = self.pending.pop_front() {
                self.bytes_in_flight -= bytes;
                self.written += 1;
                output.write(outcome)?;
            }
        }
        Ok(())
    }
}

/// Analyzes one line (`bytes`, line `number` of `origin`).
fn analyze_line(origin: &str, number: usize, bytes: &[u8], max_bytes: Option<usize>) -> Outcome {
    let at = || format!("{origin}:{number}");
    let fail =
        |id: &Value, problem: String| Outcome::Error(error_object(id, origin, number, problem));
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let problem = Error::NotUtf8 {
                origin: at(),
                offset: e.valid_up_to(),
            };
            return fail(&Value::Null, problem.to_string());
        }
    };
    let fields: Fields<'_> = match serde_json::from_str(text) {
        Ok(fields) => fields,
        Err(e) => return fail(&Value::Null, format!("{}: invalid JSON: {e}", at())),
    };
    let Fields {
        id,
        text: body,
        title,
        byline,
        published,
        url,
    } = fields;
    let Some(body) = body.and_then(Field::into_string) else {
        return fail(&id, format!("{}: no \"text\" string field", at()));
    };
    let mut builder = Article::builder(body);
    if let Some(title) = title.and_then(Field::into_string) {
        builder = builder.title(title);
    }
    if let Some(byline) = byline.and_then(Field::into_string) {
        builder = builder.byline(byline);
    }
    if let Some(published) = published.and_then(Field::into_string) {
        builder = builder.published(published);
    }
    if let Some(url) = url.and_then(Field::into_string) {
        builder = builder.url(url);
    }
    if let Some(s) = id.as_str() {
        builder = builder.id(s);
    }
    if let Some(limit) = max_bytes {
        builder = builder.max_bytes(limit);
    }
    let article = match builder.build() {
        Ok(article) => article,
        Err(e) => return fail(&id, format!("{}: {e}", at())),
    };
    let report = Report::new(&article).to_json();
    Outcome::Report {
        head: format!("{{\"id\":{id},"),
        report,
    }
}

/// The error object of a line: its `id`, `file`, `line` and `error`.
fn error_object(id: &Value, origin: &str, number: usize, problem: String) -> String {
    serde_json::json!({"id": id, "file": origin, "line": number, "error": problem}).to_string()
}

/// The fields of an input line that the analysis reads, borrowed from the line where
/// they need no unescaping. Reading it accepts and refuses exactly the JSON that reading
/// a [`Value`] does (every value is read through `deserialize_any`, numbers and nesting
/// depth checked alike), and a repeated key keeps its last value, as in a `Value`; a line
/// that is not an object has no fields.
#[derive(Default)]
struct Fields<'a> {
    id: Value,
    text: Option<Field<'a>>,
    title: Option<Field<'a>>,
    byline: Option<Field<'a>>,
    published: Option<Field<'a>>,
    url: Option<Field<'a>>,
}

/// A field's value: its string, or `Other` for any other JSON value.
enum Field<'a> {
    Str(Cow<'a, str>),
    Other,
}

impl Field<'_> {
    fn into_string(self) -> Option<String> {
        match self {
            Field::Str(s) => Some(s.into_owned()),
            Field::Other => None,
        }
    }
}

/// The keys of [`Fields`], and the rest.
enum Key {
    Id,
    Text,
    Title,
    Byline,
    Published,
    Url,
    Other,
}

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Fields<'de>, A::Error> {
                let mut fields = Fields::default();
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Id => fields.id = map.next_value()?,
                        Key::Text => fields.text = Some(map.next_value()?),
                        Key::Title => fields.title = Some(map.next_value()?),
                        Key::Byline => fields.byline = Some(map.next_value()?),
                        Key::Published => fields.published = Some(map.next_value()?),
                        Key::Url => fields.url = Some(map.next_value()?),
                        Key::Other => {
                            map.next_value::<Checked>()?;
                        }
                    }
                }
                Ok(fields)
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Fields<'de>, A::Error> {
                Checked::from_seq(seq)?;
                Ok(Fields::default())
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Fields<'de>, E> {
                Ok(Fields::default())
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Fields<'de>, E> {
                Ok(Fields::default())
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Fields<'de>, E> {
                Ok(Fields::default())
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Fields<'de>, E> {
                Ok(Fields::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Fields<'de>, E> {
                Ok(Fields::default())
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Fields<'de>, E> {
                Ok(Fields::default())
            }
        }
        deserializer.deserialize_any(FieldsVisitor)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> std::result::Result<Key, E> {
                Ok(match key {
                    "id" => Key::Id,
                    "text" => Key::Text,
                    "title" => Key::Title,
                    "byline" => Key::Byline,
                    "published" => Key::Published,
                    "url" => Key::Url,
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = Field<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(
                self,
                s: &'de str,
            ) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Str(Cow::Owned(s)))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Field<'de>, A::Error> {
                Checked::from_map(map).map(|_| Field::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Field<'de>, A::Error> {
                Checked::from_seq(seq).map(|_| Field::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Other)
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Field<'de>, E> {
                Ok(Field::Other)
            }
        }
        deserializer.deserialize_any(FieldVisitor)
    }
}

/// Any JSON value, read (and so checked) as a [`Value`] would be, and dropped.
struct Checked;

impl Checked {
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> std::result::Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> std::result::Result<Checked, A::Error> {
        while map.next_entry::<Checked, Checked>()?.is_some() {}
        Ok(Checked)
    }
}

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct CheckedVisitor;
        impl<'de> Visitor<'de> for CheckedVisitor {
            type Value = Checked;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Checked, A::Error> {
                Checked::from_map(map)
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Checked, A::Error> {
                Checked::from_seq(seq)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Checked, E> {
                Ok(Checked)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Checked, E> {
                Ok(Checked)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Checked, E> {
                Ok(Checked)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Checked, E> {
                Ok(Checked)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Checked, E> {
                Ok(Checked)
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Checked, E> {
                Ok(Checked)
            }
        }
        deserializer.deserialize_any(CheckedVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What reading a line as a [`Value`] gives: the error, or the id and the string fields.
    fn through_value(line: &str) -> std::result::Result<[Option<String>; 6], String> {
        let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let field = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
        let id = value.get("id").cloned().unwrap_or(Value::Null).to_string();
        Ok([
            Some(id),
            field("text"),
            field("title"),
            field("byline"),
            field("published"),
            field("url"),
        ])
    }

    fn through_fields(line: &str) -> std::result::Result<[Option<String>; 6], String> {
        let fields: Fields<'_> = serde_json::from_str(line).map_err(|e| e.to_string())?;
        Ok([
            Some(fields.id.to_string()),
            fields.text.and_then(Field::into_string),
            fields.title.and_then(Field::into_string),
            fields.byline.and_then(Field::into_string),
            fields.published.and_then(Field::into_string),
            fields.url.and_then(Field::into_string),
        ])
    }

    #[test]
    fn fields_read_as_a_value_would() {
        let deep = format!(
            "{{\"x\": {}{}, \"text\": \"t\"}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let lines = [
            r#"{"id": 1, "text": "plain", "title": "T", "byline": "B", "published": "P", "url": "U"}"#,
            r#"{"id": "a\"b\u00e9", "text": "esc\naped \ud83d\ude00"}"#,
            r#"{"id": {"b": 1, "a": [2, null]}, "text": 5, "title": ["x"]}"#,
            r#"{"id": 1e5, "text": "a", "text": "b", "title": "t", "title": 3}"#,
            r#"{"id": 18446744073709551616, "te\u0078t": "escaped key"}"#,
            r#"{"id": -0.0, "x": {"text": 1}, "text": "nested keys do not count"}"#,
            r#"{"id": 1, "x": 1e400, "text": "t"}"#,
            r#"{"id": 1, "x": "\ud800", "text": "t"}"#,
            r#"{"id": 1, "x": "\q", "text": "t"}"#,
            r#"{"id": 1, "text": "t",}"#,
            r#"{"id": 1, "text": "t"} extra"#,
            r#"{"id": 1, 2: "t"}"#,
            r#"[1, {"text": "in an array"}]"#,
            r#""text""#,
            "42",
            "null",
            "true",
            "{}",
            "{\"id\": 1, \"text\": \"raw\tcontrol\"}",
            "",
            &deep,
        ];
        for line in lines {
            assert_eq!(through_fields(line), through_value(line), "{line}");
        }
    }
}
