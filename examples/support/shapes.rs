//! The texts the benchmarks measure, made from the checked-in samples: shared by
//! benches/analyze.rs (wall time) and the `instructions` example (instruction counts), so
//! that both measure the very same bytes.

/// The three sample styles, checked in as examples/data/*.txt.
pub const STYLES: [(&str, &str); 3] = [
    ("wire", include_str!("../data/wire.txt")),
    ("business", include_str!("../data/business.txt")),
    ("feature", include_str!("../data/feature.txt")),
];

pub const KB: usize = 1024;
pub const MB: usize = 1024 * 1024;

/// The longest prefix of `text` that is at most `len` bytes and ends on a char boundary.
pub fn cut(text: &str, len: usize) -> &str {
    if len >= text.len() {
        return text;
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `unit` repeated until the text reaches `len` bytes, cut on a char boundary.
pub fn repeat_to(unit: &str, len: usize) -> String {
    let mut text = String::with_capacity(len + unit.len());
    while text.len() < len {
        text.push_str(unit);
    }
    let end = cut(&text, len).len();
    text.truncate(end);
    text
}

/// The three samples, one after the other as paragraphs, repeated to `len` bytes.
pub fn corpus(len: usize) -> String {
    let mut unit = String::new();
    for (_, sample) in STYLES {
        unit.push_str(sample.trim_end());
        unit.push('\n');
    }
    repeat_to(&unit, len)
}

/// Words of the samples only, with every punctuation mark and line break made a space.
fn words_only(len: usize) -> String {
    let mut unit = String::new();
    for (_, sample) in STYLES {
        for word in sample.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                unit.push_str(word);
                unit.push(' ');
            }
        }
    }
    repeat_to(&unit, len)
}

/// Odd shapes that must stay linear, beside `normal_1mb` (ordinary text) first: the cost
/// per byte of each stays within a small factor of it.
pub fn adversarial() -> Vec<(&'static str, String)> {
    // Every quotation mark style, glued together and spaced, so that marks open, close,
    // nest and stray.
    let marks = repeat_to("“\"‘’'” «»„“ \"'\"‘‘ ”’”\" ‹›「」 ", MB);
    let digits = repeat_to(
        "1,234,567.89.10,11 2-3 4/5 6:7 $8 9% 0.5bn 12.34.56 1,2,3,4,5,6,7,8,9,0 ",
        MB,
    );
    let one_sentence = words_only(MB);
    let words = [
        "said", "may", "the", "ministry", "percent", "three", "March", "he",
    ];
    let mut paragraphs = String::with_capacity(100_000 * 8);
    for i in 0..100_000 {
        paragraphs.push_str(words[i % words.len()]);
        paragraphs.push('\n');
    }
    // 20,000 quotation marks in one paragraph, each quote attributed.
    let quotes_20k = "“We will,” she said. ".repeat(10_000);
    let one_paragraph = corpus(2 * MB).replace('\n', " ");
    // The hostile inputs of issue 7, each about 1 MB.
    let unclosed = repeat_to("“word ", MB);
    let nesting = repeat_to("“‘«‹„\"'word ", MB);
    let long_numbers = repeat_to(&format!("{} ", "9".repeat(400)), MB);
    let markup = repeat_to(
        "<p>The &quot;plan&quot; &amp; <b>costs</b> said</p>\r\n",
        MB,
    );
    let controls = repeat_to(
        "said\u{0}the\u{7}plan\r\u{200b}4\u{a0}000\u{feff} e\u{301} ",
        MB,
    );
    let scripts = repeat_to("قال المتحدث إن \"الاجتماع\" 300 שלום 😀 合同。 ", MB);
    vec![
        ("normal_1mb", corpus(MB)),
        ("quote_marks_1mb", marks),
        ("digits_1mb", digits),
        ("one_sentence_1mb", one_sentence),
        ("one_word_paragraphs_100k", paragraphs),
        ("quotes_20k", quotes_20k),
        ("one_paragraph_2mb", one_paragraph),
        ("unclosed_openers_1mb", unclosed),
        ("nested_quote_styles_1mb", nesting),
        ("400_digit_numbers_1mb", long_numbers),
        ("html_markup_1mb", markup),
        ("control_and_invisible_chars_1mb", controls),
        ("rtl_cjk_emoji_1mb", scripts),
    ]
}

/// The sizes of the `scaling` benches: the corpus cut to each.
pub const SCALES: [(&str, usize); 4] = [
    ("1kb", KB),
    ("16kb", 16 * KB),
    ("256kb", 256 * KB),
    ("4mb", 4 * MB),
];

/// The `fixed_cost` pair: the first 300 bytes of the wire sample, and 16 KB of corpus.
pub fn fixed_cost() -> [(&'static str, String); 2] {
    [
        ("300b", cut(STYLES[0].1, 300).to_owned()),
        ("16kb", corpus(16 * KB)),
    ]
}

/// Any of the texts above by name: a style (`wire`), an adversarial shape
/// (`digits_1mb`), a scale (`scaling_4mb`) or a fixed-cost text (`fixed_300b`).
#[allow(dead_code)]
pub fn named(name: &str) -> Option<String> {
    if let Some((_, text)) = STYLES.iter().find(|(style, _)| *style == name) {
        return Some(text.to_string());
    }
    if let Some(scale) = name.strip_prefix("scaling_") {
        return SCALES
            .iter()
            .find(|(label, _)| *label == scale)
            .map(|&(_, len)| corpus(len));
    }
    if let Some(label) = name.strip_prefix("fixed_") {
        return fixed_cost()
            .into_iter()
            .find(|(l, _)| *l == label)
            .map(|(_, text)| text);
    }
    adversarial()
        .into_iter()
        .find(|(label, _)| *label == name)
        .map(|(_, text)| text)
}
