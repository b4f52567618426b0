#!/usr/bin/env bash
# Instructions per byte of copydesk's full analysis (article, every analyzer, JSON) of
# each sample text, counted by callgrind: stable where wall time is noisy.
#
#   scripts/instructions.sh [FILE|@NAME...]   (default: examples/data/*.txt)
#   scripts/instructions.sh --shapes         (the benches' adversarial shapes)
#
# @NAME is one of the texts the benches make (examples/support/shapes.rs): a style
# (@wire), an adversarial shape (@digits_1mb), a scale (@scaling_4mb) or a fixed-cost
# text (@fixed_300b). --shapes counts @normal_1mb and every adversarial shape, and adds
# each one's cost per byte relative to normal text (the target is at most 3x).
#
# Also counts one bare Aho-Corasick pass of the same automaton over the same text (the
# `baseline` of the benches) and one build of the default lexicon. Only the measured
# function is counted (--toggle-collect), not process start-up or the lexicon build.
# Needs valgrind (apt-get install valgrind). REPEATS (default 5) runs of each text are
# counted and divided, so allocator warm-up weighs little. With PROFILE=1, also prints
# the functions that cost most in the full analysis of each file (callgrind_annotate).
set -euo pipefail

cd "$(dirname "$0")/.."
repeats=${REPEATS:-5}
if ! command -v valgrind >/dev/null; then
    echo "instructions.sh: valgrind is missing: apt-get install -y valgrind" >&2
    exit 1
fi
cargo build --release --example instructions --quiet
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/examples/instructions"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Instructions counted by callgrind while FUNCTION ran: count MODE FILE FUNCTION
count() {
    local file="$out/callgrind.out"
    valgrind --tool=callgrind --callgrind-out-file="$file" \
        --toggle-collect="*$3*" "$bin" "$1" "$2" "$repeats" >/dev/null 2>"$out/log" ||
        { cat "$out/log" >&2; exit 1; }
    awk '/^(totals|summary):/ { print $2; exit }' "$file"
    if [ "${PROFILE:-0}" = 1 ] && [ "$1" = report ]; then
        echo "$2:" >>"$out/profile"
        callgrind_annotate --inclusive=no "$file" 2>/dev/null |
            awk '/file:function/ { on = 1; next } on && /^-/ { next } on && NF && n++ < 15 { print }' |
            sed -e 's/???://' -e 's/ \[.*\]$//' >>"$out/profile"
        echo >>"$out/profile"
    fi
}

shapes=0
files=("$@")
if [ "${1:-}" = --shapes ]; then
    shapes=1
    files=(@normal_1mb @quote_marks_1mb @digits_1mb @one_sentence_1mb
        @one_word_paragraphs_100k @quotes_20k @one_paragraph_2mb @unclosed_openers_1mb
        @nested_quote_styles_1mb @400_digit_numbers_1mb @html_markup_1mb
        @control_and_invisible_chars_1mb @rtl_cjk_emoji_1mb)
elif [ ${#files[@]} -eq 0 ]; then
    files=(examples/data/*.txt)
fi
if [ $shapes = 1 ]; then
    printf '%-34s %9s %14s %10s %10s\n' text bytes report_instr instr/byte vs_normal
else
    printf '%-34s %9s %14s %10s %12s %8s\n' text bytes report_instr instr/byte baseline/byte ratio
fi
first=""
for arg in "${files[@]}"; do
    file=$arg
    if [ "${arg#@}" != "$arg" ]; then
        file="$out/${arg#@}.txt"
        "$bin" shape "${arg#@}" "$file"
    fi
    bytes=$(wc -c <"$file")
    report=$(count report "$file" report_many)
    if [ $shapes = 1 ]; then
        per_byte=$(awk -v r="$report" -v n="$repeats" -v b="$bytes" 'BEGIN { print r / n / b }')
        first=${first:-$per_byte}
        awk -v f="$arg" -v b="$bytes" -v r="$report" -v n="$repeats" -v p="$per_byte" -v q="$first" 'BEGIN {
            printf "%-34s %9d %14d %10.1f %9.2fx\n", f, b, r / n, p, p / q
        }'
        continue
    fi
    baseline=$(count baseline "$file" baseline_many)
    awk -v f="$arg" -v b="$bytes" -v r="$report" -v a="$baseline" -v n="$repeats" 'BEGIN {
        printf "%-34s %9d %14d %10.1f %12.1f %8.1f\n", f, b, r / n, r / n / b, a / n / b, r / a
    }'
done
build=$(count build "$file" build_lexicon)
echo "default lexicon build: $build instructions"
if [ -s "$out/profile" ]; then
    echo
    echo "Hot spots of the full analysis (self instructions, all repeats), per file:"
    cat "$out/profile"
fi
