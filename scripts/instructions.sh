#!/usr/bin/env bash
# Instructions per byte of copydesk's full analysis (article, every analyzer, JSON) of
# each sample text, counted by callgrind: stable where wall time is noisy.
#
#   scripts/instructions.sh [FILE...]        (default: examples/data/*.txt)
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

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    files=(examples/data/*.txt)
fi
printf '%-28s %9s %14s %10s %12s %8s\n' text bytes report_instr instr/byte baseline/byte ratio
for file in "${files[@]}"; do
    bytes=$(wc -c <"$file")
    report=$(count report "$file" report_many)
    baseline=$(count baseline "$file" baseline_many)
    awk -v f="$file" -v b="$bytes" -v r="$report" -v a="$baseline" -v n="$repeats" 'BEGIN {
        printf "%-28s %9d %14d %10.1f %12.1f %8.1f\n", f, b, r / n, r / n / b, a / n / b, r / a
    }'
done
build=$(count build "${files[0]}" build_lexicon)
echo "default lexicon build: $build instructions"
if [ -s "$out/profile" ]; then
    echo
    echo "Hot spots of the full analysis (self instructions, all repeats), per file:"
    cat "$out/profile"
fi
