#!/usr/bin/env bash
# Peak memory of `analyze --json` over one large article: the benches' 4 MB text by
# default (@scaling_4mb: the samples joined and repeated), or any text NAME the benches
# make (see examples/support/shapes.rs), or a FILE. Prints the size, the peak RSS and
# their ratio (the target is under 10x).
# Usage: scripts/article-memory.sh [NAME|FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-scaling_4mb}
cargo build --release --example analyze --example instructions --quiet
target=${CARGO_TARGET_DIR:-target}
file=$what
if [ ! -f "$what" ]; then
    file=$(mktemp --suffix=.txt)
    trap 'rm -f "$file"' EXIT
    "$target/release/examples/instructions" shape "$what" "$file"
fi
bytes=$(wc -c <"$file")
kb=$(/usr/bin/time -f "%M" "$target/release/examples/analyze" --json "$file" 2>&1 >/dev/null | tail -1)
awk -v w="$what" -v b="$bytes" -v k="$kb" 'BEGIN {
    printf "%s: %d bytes, peak RSS %.1f MB, %.1fx its size\n", w, b, k * 1024 / 1e6, k * 1024 / b
}'
