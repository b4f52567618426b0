#!/usr/bin/env bash
# Peak memory of `analyze --jsonl` over N generated articles (default 10,000), to show that
# it does not grow with the number of lines. Prints lines, seconds and peak RSS.
# Usage: scripts/jsonl-memory.sh [N] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
threads=${2:-1}
cargo build --release --example analyze >/dev/null 2>&1
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
/usr/bin/time -f "%e s, peak RSS %M KB" ./target/release/examples/analyze --jsonl --threads "$threads" "$input" 2>&1 >/dev/null | tail -2 \
  | sed "s/^/$n lines, $(du -m "$input" | cut -f1) MB input, $threads thread(s): /"
