//! Writes one self-contained HTML page showing an article marked up: quotes coloured by
//! their source's kind, speakers on hover and linked to the source list, hedges and
//! boosters (the writer's and the quoted speakers' told apart), numeric claims with their
//! value, qualifier and subject, and a side panel with the sources, the share of quoted
//! words from anonymous sources, hedge density and the numeric claims.
//!
//! ```text
//! cargo run --release --example highlight > page.html            # the embedded sample
//! cargo run --release --example highlight -- FILE > page.html    # a file (`-` reads stdin)
//! ```
//!
//! The page has no script, no external font or style: it works offline and prints cleanly.
//! Every piece of article text is HTML-escaped.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use copydesk::{Article, Report};
use serde_json::Value;

#[path = "support/report_json.rs"]
mod report_json;
use report_json::{list, text_of};

const SAMPLE: &str = include_str!("data/wire.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first().map(String::as_str) {
        None => Ok(SAMPLE.to_string()),
        Some("-h" | "--help") => {
            eprintln!("usage: highlight [FILE|-] > page.html");
            return ExitCode::from(2);
        }
        Some(path) => copydesk::input::read_text(path),
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("highlight: {e}");
            return ExitCode::from(1);
        }
    };
    let title = args
        .first()
        .map_or("Sample wire story".to_string(), |p| p.to_string());
    let article = Article::new(text);
    let report = match serde_json::to_value(Report::new(&article)) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("highlight: the report does not serialize: {e}");
            return ExitCode::from(1);
        }
    };
    let page = render(&article, &report, &title);
    if let Err(e) = io::stdout().lock().write_all(page.as_bytes()) {
        eprintln!("highlight: cannot write the page: {e}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn span_of(value: &Value) -> Option<(usize, usize)> {
    let start = value["start"].as_u64()? as usize;
    let end = value["end"].as_u64()? as usize;
    (start < end).then_some((start, end))
}

/// One marked region of the text: its span, the classes and hover text of its element,
/// and an optional link shown after it.
struct Mark {
    start: usize,
    end: usize,
    layer: u8,
    class: String,
    hover: String,
    link: Option<(String, String)>,
}

fn source_kind(report: &Value, index: &Value) -> String {
    index
        .as_u64()
        .and_then(|i| list(report, "sources").get(i as usize))
        .map_or("none".to_string(), |s| text_of(s, "kind"))
}

fn collect_marks(report: &Value) -> Vec<Mark> {
    let mut marks = Vec::new();
    for q in list(report, "quotes") {
        let Some((start, end)) = span_of(q) else {
            continue;
        };
        let speaker = text_of(q, "speaker");
        let kind = source_kind(report, &q["source"]);
        let cue = text_of(q, "cue");
        let hover = format!(
            "{} quote — {}{}",
            text_of(q, "kind"),
            if speaker.is_empty() {
                "no speaker found".to_string()
            } else {
                speaker.clone()
            },
            if cue.is_empty() {
                String::new()
            } else {
                format!(" ({cue})")
            }
        );
        let link = q["source"].as_u64().map(|i| {
            (
                format!("#source-{i}"),
                if speaker.is_empty() {
                    "source".into()
                } else {
                    speaker
                },
            )
        });
        marks.push(Mark {
            start,
            end,
            layer: 0,
            class: format!("quote q-{} k-{}", text_of(q, "kind"), kind),
            hover,
            link,
        });
    }
    for (key, class) in [("hedges", "hedge"), ("boosters", "booster")] {
        for h in list(report, key) {
            let Some((start, end)) = span_of(h) else {
                continue;
            };
            let who = if h["in_quote"] == Value::Bool(true) {
                "quoted"
            } else {
                "writer"
            };
            let hover = format!(
                "{class}: {} ({who}, weight {})",
                text_of(h, "category"),
                text_of(h, "weight")
            );
            marks.push(Mark {
                start,
                end,
                layer: 1,
                class: format!("{class} {who}"),
                hover,
                link: None,
            });
        }
    }
    for n in list(report, "numbers") {
        let Some((start, end)) = span_of(n) else {
            continue;
        };
        let mut hover = format!("{}: {}", text_of(n, "kind"), text_of(n, "value"));
        for key in ["of", "to", "unit", "qualifier", "change", "subject", "base"] {
            let v = text_of(n, key);
            if !v.is_empty() {
                let _ = write!(hover, "; {key} {v}");
            }
        }
        marks.push(Mark {
            start,
            end,
            layer: 2,
            class: format!("number n-{}", text_of(n, "kind")),
            hover,
            link: None,
        });
    }
    marks
}

/// Renders the text of `[from, to)` with the marks that cover it. Marks may overlap in any
/// way, so the text is cut at every mark boundary and each piece is wrapped in the marks
/// active over it, outermost layer first.
fn render_paragraph(out: &mut String, text: &str, from: usize, to: usize, marks: &[Mark]) {
    let active: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < to && m.end > from)
        .collect();
    let mut cuts: Vec<usize> = vec![from, to];
    for m in &active {
        cuts.push(m.start.clamp(from, to));
        cuts.push(m.end.clamp(from, to));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut covering: Vec<&&Mark> = active
            .iter()
            .filter(|m| m.start <= a && m.end >= b)
            .collect();
        covering.sort_by_key(|m| (m.layer, m.start));
        for m in &covering {
            let _ = write!(
                out,
                "<span class=\"{}\" title=\"{}\">",
                escape(&m.class),
                escape(&m.hover)
            );
        }
        out.push_str(&escape(&text[a..b]));
        for m in covering.iter().rev() {
            out.push_str("</span>");
            if m.end == b {
                if let Some((href, label)) = &m.link {
                    let _ = write!(
                        out,
                        "<sup class=\"speaker\"><a href=\"{}\">{}</a></sup>",
                        escape(href),
                        escape(label)
                    );
                }
            }
        }
    }
}

fn render(article: &Article, report: &Value, title: &str) -> String {
    let text = article.text();
    let mut marks = collect_marks(report);
    marks.sort_by_key(|m| (m.start, m.layer));
    let mut body = String::new();
    // Marks sorted by start; a cursor keeps the per-paragraph work proportional to the
    // marks that reach into the paragraph.
    let mut first = 0;
    for paragraph in article.paragraphs() {
        while first < marks.len()
            && marks[first].end <= paragraph.start
            && marks[first].start < paragraph.start
        {
            first += 1;
        }
        let upto = marks[first..].partition_point(|m| m.start < paragraph.end) + first;
        body.push_str("<p>");
        render_paragraph(
            &mut body,
            text,
            paragraph.start,
            paragraph.end,
            &marks[first..upto],
        );
        body.push_str("</p>\n");
    }
    let panel = render_panel(report);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>copydesk: {}</title>\n<style>{}</style>\n</head>\n<body>\n<header><h1>copydesk</h1><p class=\"sub\">{}</p>{}</header>\n<main>\n<article id=\"article\">\n{}</article>\n<aside id=\"panel\">\n{}</aside>\n</main>\n</body>\n</html>\n",
        escape(title),
        CSS,
        escape(title),
        LEGEND,
        body,
        panel
    )
}

fn render_panel(report: &Value) -> String {
    let mut out = String::new();
    let sources = list(report, "sources");
    let quotes = list(report, "quotes");
    let stats = &report["stats"];
    let words = stats["words"].as_f64().unwrap_or(0.0).max(1.0);
    let hedges = list(report, "hedges").len() as f64;
    let boosters = list(report, "boosters").len() as f64;
    // The share of quoted words from anonymous sources, counted from the quotes themselves.
    let quoted_words = |q: &Value| text_of(q, "text").split_whitespace().count();
    let total: usize = quotes.iter().map(quoted_words).sum();
    let anonymous: usize = quotes
        .iter()
        .filter(|q| source_kind(report, &q["source"]) == "anonymous")
        .map(quoted_words)
        .sum();
    let share = if total == 0 {
        0.0
    } else {
        100.0 * anonymous as f64 / total as f64
    };
    let _ = write!(
        out,
        "<section id=\"summary\"><h2>Summary</h2><dl><dt>Quotes</dt><dd>{}</dd><dt>Quoted words from anonymous sources</dt><dd id=\"anonymous-share\">{share:.0}%</dd><dt>Hedges per 100 words</dt><dd id=\"hedge-density\">{:.1}</dd><dt>Boosters per 100 words</dt><dd>{:.1}</dd></dl></section>",
        quotes.len(),
        100.0 * hedges / words,
        100.0 * boosters / words
    );
    out.push('\n');
    out.push_str("<section id=\"sources\"><h2>Sources</h2>\n");
    for kind in ["named", "unnamed", "anonymous", "organization", "document"] {
        let of_kind: Vec<(usize, &Value)> = sources
            .iter()
            .enumerate()
            .filter(|(_, s)| text_of(s, "kind") == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = write!(out, "<h3 class=\"k-{kind}\">{kind}</h3><ul>");
        for (i, s) in of_kind {
            let name = text_of(s, "name");
            let description = text_of(s, "description");
            let reason = text_of(s, "anonymity_reason");
            let count = list(s, "quotes").len();
            let _ = write!(
                out,
                "<li id=\"source-{i}\" class=\"source k-{kind}\"><b>{}</b>{}{} <span class=\"count\">{count} quote{}</span></li>",
                escape(if name.is_empty() { &description } else { &name }),
                if name.is_empty() || description.is_empty() { String::new() } else { format!(", {}", escape(&description)) },
                if reason.is_empty() { String::new() } else { format!(" <i>({})</i>", escape(&reason)) },
                if count == 1 { "" } else { "s" }
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n<section id=\"numbers\"><h2>Numeric claims</h2><ol>");
    for n in list(report, "numbers") {
        let mut details = vec![format!("{} {}", text_of(n, "kind"), text_of(n, "value"))];
        for key in ["qualifier", "subject", "unit"] {
            let v = text_of(n, key);
            if !v.is_empty() {
                details.push(format!("{key}: {v}"));
            }
        }
        let _ = write!(
            out,
            "<li class=\"claim\"><q>{}</q> — {}</li>",
            escape(&text_of(n, "text")),
            escape(&details.join("; "))
        );
    }
    out.push_str("</ol></section>\n");
    out
}

const LEGEND: &str = "<p class=\"legend\"><span class=\"quote k-named\">named</span> <span class=\"quote k-unnamed\">unnamed</span> <span class=\"quote k-anonymous\">anonymous</span> <span class=\"quote k-organization\">organization</span> <span class=\"quote k-document\">document</span> <span class=\"hedge writer\">hedge (writer)</span> <span class=\"hedge quoted\">hedge (quoted)</span> <span class=\"booster writer\">booster</span> <span class=\"number\">number</span></p>";

const CSS: &str = "
:root{--named:#d7e9ff;--unnamed:#fff1c2;--anonymous:#ffd6d6;--organization:#dcf5dc;--document:#eadcff;--none:#eeeeee}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,'Times New Roman',serif;color:#1d1d1d;background:#fafafa}
header{padding:12px 20px;border-bottom:1px solid #ddd;background:#fff}
header h1{margin:0;font:600 20px/1.2 system-ui,sans-serif}
.sub{margin:2px 0 6px;color:#555;overflow-wrap:anywhere}
.legend span{display:inline-block;margin:2px 4px 2px 0;padding:0 4px;font:13px system-ui,sans-serif}
main{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:24px;max-width:1180px;margin:0 auto;padding:20px}
article{background:#fff;padding:8px 24px;border:1px solid #e3e3e3;overflow-wrap:anywhere;unicode-bidi:plaintext}
article p{unicode-bidi:plaintext}
aside{font:14px/1.45 system-ui,sans-serif;overflow-wrap:anywhere}
aside h2{font-size:16px;margin:16px 0 6px}
aside h3{font-size:13px;text-transform:uppercase;letter-spacing:.04em;margin:10px 0 4px;padding:2px 6px}
aside ul,aside ol{margin:0;padding-left:20px}
dl{display:grid;grid-template-columns:1fr auto;gap:2px 10px;margin:0}
dd{margin:0;font-weight:600}
.quote{background:var(--none)}
.k-named{background:var(--named)}.k-unnamed{background:var(--unnamed)}.k-anonymous{background:var(--anonymous)}
.k-organization{background:var(--organization)}.k-document{background:var(--document)}
.q-partial{border-bottom:2px dotted #777}.q-indirect{font-style:italic}
.hedge.writer{border-bottom:2px solid #c0392b}.hedge.quoted{border-bottom:2px dashed #e67e22}
.booster{border-bottom:3px double #27ae60}
.number{outline:1px solid #2c6fbb;outline-offset:-1px;border-radius:2px}
sup.speaker{font:11px system-ui,sans-serif;margin-left:2px}
sup.speaker a{color:#225;text-decoration:none}
.count{color:#666}
@media (max-width:760px){main{grid-template-columns:1fr;padding:8px}article{padding:4px 12px}}
@media print{body{background:#fff}main{display:block}header .legend{display:none}article{border:0}aside{page-break-before:always}
.quote,.k-named,.k-unnamed,.k-anonymous,.k-organization,.k-document{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";
