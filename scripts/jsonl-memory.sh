#!/usr/bin/env bash
# Peak memory of `analyze --jsonl` over N generated articles (default 10,000), to show that
# it does not grow with the number of lines. Prints lines, seconds, CPU use and peak RSS.
# Usage: scripts/jsonl-memory.sh [N] [THREADS]
# Builds the example in $CARGO_TARGET_DIR (default target); ANALYZE=path/to/analyze runs
# another build (to compare with an older one) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
threads=${2:-1}
target=${CARGO_TARGET_DIR:-target}
analyze=${ANALYZE:-}
if [ -z "$analyze" ]; then
    cargo build --release --example analyze >/dev/null 2>&1
    analyze="$target/release/examples/analyze"
fi
input=$(mktemp --suffix=.jsonl)
trap 'rm -f "$input"' EXIT
python3 - "$n" "$input" <<'PY'
import json, sys, glob
n, path = int(sys.argv[1]), sys.argv[2]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("examples/data/*.txt"))]
with open(path, "w", encoding="utf-8") as f:
    for i in range(n):
        f.write(json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n")
PY
/usr/bin/time -f "%e s, %P CPU, peak RSS %M KB" "$analyze" --jsonl --threads "$threads" "$input" 2>&1 >/dev/null | tail -1 \
  | sed "s/^/$n lines, $(du -m "$input" | cut -f1) MB input, $threads thread(s): /"
