//! Hostile and odd input: each case checks the output that is defined (sentence and
//! paragraph counts, quotations) and, through the shared invariants, that nothing panics,
//! every span is in bounds and on char boundaries, every JSON number is finite and the
//! report is identical twice.
//!
//! Fuzz crashes become rows here too (see the `fuzz_` tests at the end).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod invariants;

use copydesk::Article;

fn sentences(article: &Article) -> Vec<&str> {
    (0..article.sentences().len())
        .map(|i| article.sentence_text(i))
        .collect()
}

#[test]
fn empty_text() {
    let (article, report) = invariants::check_text("");
    assert!(article.paragraphs().is_empty());
    assert!(article.sentences().is_empty());
    assert!(article.scan().tokens().is_empty());
    assert_eq!(report["stats"]["words"], 0);
    assert_eq!(article.sentence_at(0), 0);
    assert_eq!(article.paragraph_at(10), 0);
    assert!(article.quotation_at(0).is_none());
    assert_eq!(article.sentence_text(3), "");
}

#[test]
fn only_whitespace() {
    let text = " \t\n\r\n\u{a0}\u{2003}\u{3000}\n\n\u{85}\u{2028} ";
    let (article, report) = invariants::check_text(text);
    assert!(
        article.paragraphs().is_empty(),
        "{:?}",
        article.paragraphs()
    );
    assert!(article.sentences().is_empty());
    assert_eq!(report["stats"]["words"], 0);
}

#[test]
fn only_quotation_marks() {
    let text = "\" “ ” ‘ ’ ' « » „ ‹ › ‚ \"\"\"\" ”” ““ ''";
    let (article, report) = invariants::check_text(text);
    assert!(
        article.quotations().is_empty(),
        "{:?}",
        article.quotations()
    );
    assert_eq!(
        report["quotes"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    assert_eq!(article.sentences().len(), 1);
    let glued = "\"“”‘’'«»„‹›‚".repeat(1000);
    let (article, report) = invariants::check_text(&glued);
    assert!(article.quotations().is_empty());
    assert_eq!(report["quotes"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_hundred_thousand_unclosed_openers() {
    // Lone openers enclose nothing: no quotation.
    let lone = "“ ".repeat(100_000);
    let (article, report) = invariants::check_text(&lone);
    assert!(article.quotations().is_empty());
    assert_eq!(report["quotes"].as_array().map(Vec::len), Some(0));
    assert_eq!(article.quote_marks().len(), 100_000);
    // Openers before words: each new opener ends the one before, so every quotation
    // holds one word and none is deeper than the first.
    let words = "“word ".repeat(100_000);
    let (article, _) = invariants::check_text(&words);
    assert_eq!(article.quotations().len(), 100_000);
    assert!(article
        .quotations()
        .iter()
        .all(|q| q.depth == 0 && q.close.is_none()));
}

#[test]
fn deep_nesting_of_alternating_quote_styles() {
    let mut text = String::from("He said ");
    for level in 0..5_000 {
        text.push_str(match level % 4 {
            0 => "“a ",
            1 => "‘b ",
            2 => "«c ",
            _ => "‹d ",
        });
    }
    text.push_str("end");
    let (article, _) = invariants::check_text(&text);
    // Nesting is bounded; the pass stays linear.
    assert!(article.quotations().iter().all(|q| q.depth < 8));
    assert!(!article.quotations().is_empty());
    // Properly closed deep nesting too.
    let open: String = (0..3_000)
        .map(|i| if i % 2 == 0 { "“x ‘" } else { "y " })
        .collect();
    let close: String = (0..3_000)
        .map(|i| if i % 2 == 0 { "’ z”" } else { "" })
        .collect();
    invariants::check_text(&format!("{open}{close} done."));
}

#[test]
fn one_very_long_line() {
    // 10 MB in release builds; 2 MB in debug builds, so that `cargo test` stays quick.
    let target = if cfg!(debug_assertions) {
        2_000_000
    } else {
        10_000_000
    };
    let sentence = "The agency said it may cut 2.5 percent of 40,000 jobs, officials said. ";
    let count = target / sentence.len();
    let text = sentence.repeat(count);
    let (article, report) = invariants::check_text(&text);
    assert_eq!(article.paragraphs().len(), 1);
    assert_eq!(article.sentences().len(), count);
    assert_eq!(report["stats"]["bytes"], text.len());
    // One word with no space at all.
    let (article, _) = invariants::check_text(&"a".repeat(target));
    assert_eq!(article.scan().tokens().len(), 1);
}

#[test]
fn nul_and_control_characters() {
    let text = "He said\0 no.\u{7} Then\u{1b}[0m he left.\u{0} \u{8}\u{7f}It ended.\u{c}Next page.";
    let (article, _) = invariants::check_text(text);
    assert_eq!(
        sentences(&article),
        [
            "He said\0 no.",
            "Then\u{1b}[0m he left.",
            "It ended.",
            "Next page."
        ]
    );
    // Control characters are never tokens.
    assert!(article
        .scan()
        .tokens()
        .iter()
        .all(|t| !t.text(text).chars().any(char::is_control)));
    invariants::check_text(&"\0".repeat(10_000));
}

#[test]
fn crlf_and_lone_cr() {
    let (article, _) = invariants::check_text("One.\r\nTwo.\r\n\r\nThree.\rFour.\r");
    assert_eq!(article.paragraphs().len(), 4);
    assert_eq!(sentences(&article), ["One.", "Two.", "Three.", "Four."]);
    let (article, _) = invariants::check_text(&"\r".repeat(1000));
    assert!(article.paragraphs().is_empty());
    let (article, _) = invariants::check_text("“A quote\r\n“goes on,” he said.");
    assert!(article.quotations()[0].continues);
}

#[test]
fn non_breaking_and_zero_width_spaces() {
    // A no-break space separates words and numbers like a space.
    let text = "It cost 40\u{a0}000 euros.\u{a0}Then it rose.";
    let (article, _) = invariants::check_text(text);
    assert_eq!(sentences(&article).len(), 2);
    // A zero-width space or joiner inside a word or a number does not split the word.
    let text = "The mil\u{200b}lion-dollar de\u{200d}al cost 1\u{200b}000 dollars.";
    let (article, _) = invariants::check_text(text);
    let tokens: Vec<&str> = article
        .scan()
        .tokens()
        .iter()
        .map(|t| t.text(text))
        .collect();
    assert!(tokens.contains(&"mil\u{200b}lion"), "{tokens:?}");
    assert!(tokens.contains(&"de\u{200d}al"), "{tokens:?}");
    assert!(tokens.iter().all(|t| !t.starts_with('\u{200b}')));
    // A byte order mark at the start is not a token.
    let (article, _) = invariants::check_text("\u{feff}Hello there.");
    assert_eq!(article.scan().tokens()[0].text(article.text()), "Hello");
}

#[test]
fn combining_marks() {
    let text = "Cafe\u{301} owners met. Ame\u{301}lie said no.\u{301}\u{301} Then\u{20dd} left.";
    let (article, _) = invariants::check_text(text);
    let tokens: Vec<&str> = article
        .scan()
        .tokens()
        .iter()
        .map(|t| t.text(text))
        .collect();
    assert_eq!(tokens[0], "Cafe\u{301}");
    assert!(tokens.contains(&"Ame\u{301}lie"));
    // Combining marks with nothing to combine with.
    invariants::check_text(&"\u{301}".repeat(5000));
    invariants::check_text("\u{301}. \u{301}\" \u{301}“\u{301}”");
}

#[test]
fn right_to_left_text() {
    let text = "قال الوزير: «الخطة جاهزة». ثم غادر.\nהוא אמר ״כן״. \u{202e}Evil\u{202c} text.";
    let (article, _) = invariants::check_text(text);
    assert_eq!(article.paragraphs().len(), 2);
    assert_eq!(article.quotations().len(), 1);
    assert_eq!(article.quotations()[0].inner.text(text), "الخطة جاهزة");
    assert_eq!(article.sentences().len(), 4);
}

#[test]
fn emoji() {
    let text = "Great news 🎉. 👩‍👩‍👧 families agreed 👍🏽! “🔥🔥” she wrote. 🇺🇳 flags.";
    let (article, _) = invariants::check_text(text);
    assert_eq!(article.sentences().len(), 4, "{:?}", sentences(&article));
    // Emoji are not words: marks around them quote nothing.
    assert!(article.quotations().is_empty());
    invariants::check_text(&"👩‍👩‍👧".repeat(10_000));
}

#[test]
fn html_markup_and_entities() {
    let text =
        "<p>&quot;We are ready,&quot; she said &amp; left.</p>\n<div class=\"x\">The end.</div>";
    let (article, _) = invariants::check_text(text);
    assert_eq!(article.paragraphs().len(), 2);
    // Entities are not quotation marks; the attribute's quotes enclose only `x`.
    assert!(article
        .quotations()
        .iter()
        .all(|q| q.inner.text(text) != "We are ready,"));
    invariants::check_text(&"<p>&amp;&quot;&#8220;&lt;".repeat(5000));
}

#[test]
fn numbers_with_400_digits_and_odd_numerals() {
    let big = "9".repeat(400);
    let text = format!("The debt was {big} dollars, or {big}.{big} percent.");
    let (article, _) = invariants::check_text(&text);
    let numbers: Vec<&str> = article
        .scan()
        .tokens()
        .iter()
        .filter(|t| t.kind() == copydesk::scan::TokenKind::Number)
        .map(|t| t.text(&text))
        .collect();
    assert_eq!(numbers[0].len(), 400);
    assert_eq!(numbers[1].len(), 801);
    let text = "Values of 1e308, 1e309, -1e308, NaN, nan, inf, Infinity, -0, 0x1F, 1/0 and \
                1,000,000,000,000,000,000,000 were seen. It grew by 1e308 percent.";
    let (_, report) = invariants::check_text(text);
    assert!(!report.to_string().contains("NaN"));
    invariants::check_text(&"1,000".repeat(20_000));
    invariants::check_text(&"9.".repeat(20_000));
}

#[test]
fn other_languages_and_scripts() {
    let cases: &[(&str, usize)] = &[
        ("Der Minister sagte „wir sind bereit“. Dann ging er.", 2),
        (
            "Le ministre a dit « nous sommes prêts ». Puis il est parti.",
            2,
        ),
        ("¿Dónde está? Nadie lo sabe.", 2),
        ("Министр сказал: «Мы готовы». Потом он ушёл.", 2),
        ("部长说：“我们准备好了。”然后他走了。", 2),
        ("大臣は「準備ができた」と述べた。その後、退席した。", 2),
        ("मंत्री ने कहा कि हम तैयार हैं। फिर वे चले गए।", 2),
        ("รัฐมนตรีกล่าวว่าเราพร้อมแล้ว", 1),
        ("Ο υπουργός είπε «είμαστε έτοιμοι». Μετά έφυγε.", 2),
        ("장관은 준비가 되었다고 말했다. 그 후 떠났다.", 2),
    ];
    for &(text, expected) in cases {
        let (article, _) = invariants::check_text(text);
        assert_eq!(
            article.sentences().len(),
            expected,
            "{text}: {:?}",
            sentences(&article)
        );
    }
}

#[test]
fn replacement_characters_from_lossy_decoding() {
    let bytes = b"He said \xff\xfe \"yes\xc3\x28\" and \xe2\x80 left.";
    let text = String::from_utf8_lossy(bytes);
    let (article, _) = invariants::check_text(&text);
    assert_eq!(article.sentences().len(), 1);
}

#[test]
fn lexicon_of_nested_phrases_stays_linear() {
    // Every phrase "x.", "x.x.", ... fails as a whole word inside "x.x.x...xy"; each
    // position tries a bounded number of shorter phrases.
    let mut builder = copydesk::LexiconBuilder::new();
    let mut phrase = String::new();
    for _ in 0..60 {
        phrase.push_str("x.");
        builder
            .add(&phrase, copydesk::Category::Abbreviation, "end")
            .expect("valid phrase");
    }
    let lexicon = builder.build().expect("builds");
    let text = format!("{}y and x.x. done.", "x.".repeat(10_000));
    let article = Article::builder(text)
        .lexicon(lexicon)
        .build()
        .expect("no limit");
    invariants::check_article(&article);
    let hits: Vec<&str> = article
        .scan()
        .hits()
        .iter()
        .map(|h| h.span.text(article.text()))
        .collect();
    assert_eq!(hits, ["x.x."]);
    invariants::check_report(&article);
}

#[test]
fn size_limit_refuses_large_text() {
    let err = Article::builder("x".repeat(1001))
        .max_bytes(1000)
        .build()
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("1001") && message.contains("1000"),
        "{message}"
    );
    assert!(Article::builder("x".repeat(1000))
        .max_bytes(1000)
        .build()
        .is_ok());
}

#[test]
fn many_quotations_nested_in_one() {
    // 20,000 quotations inside one: finding the outermost quotation of every token must
    // not walk back over the nested ones (that was quadratic).
    let text = format!("He said “{}” and left.", "‘x’ ".repeat(20_000));
    let (article, _) = invariants::check_text(&text);
    assert_eq!(article.quotations().len(), 20_001);
    let outer = article.quotations()[0];
    assert_eq!(outer.depth, 0);
    let inside = article
        .scan()
        .tokens()
        .iter()
        .filter(|t| article.quotation_at(t.span().start) == Some(&outer))
        .count();
    assert_eq!(inside, 1 + 3 * 20_000 + 1);
    assert!(article.quotation_at(0).is_none());
}
