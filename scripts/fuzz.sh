#!/usr/bin/env bash
# Runs copydesk's fuzz targets, one after the other, each for a given number of seconds.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Targets: report (arbitrary bytes -> UTF-8 -> Article -> Report -> JSON, with every
# invariant checked) and lexicon (a custom lexicon from arbitrary entries, then used).
#
# Works on the stable toolchain: `cargo fuzz` is run with `-s none` (no sanitizer), whose
# flags (-Cpasses=sancov-module, -Cllvm-args=...) are all stable; an AddressSanitizer build
# would need nightly, and the crate has no unsafe code to check with it anyway.
# Each run uses one core (one libFuzzer process, no -jobs/-workers). Crashes land in
# fuzz/artifacts/TARGET/; the corpus grows in fuzz/corpus/TARGET/ (both git-ignored).
# A crash file replays with: cargo fuzz run -s none -O TARGET fuzz/artifacts/TARGET/FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(report lexicon)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz
fi

# Seed the text target's corpus with the sample articles and test data on first use.
mkdir -p fuzz/corpus/report fuzz/corpus/lexicon
if [ -z "$(ls -A fuzz/corpus/report)" ]; then
  for file in examples/data/*.txt tests/data/*.json; do
    [ -f "$file" ] && head -c 4000 "$file" > "fuzz/corpus/report/seed-$(basename "$file")"
  done
fi

status=0
for target in "${targets[@]}"; do
  echo "=== fuzzing $target for ${seconds}s" >&2
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=("-dict=fuzz/$target.dict")
  # -timeout: an input that takes 10 s is a hang (the crate must stay linear).
  if ! cargo fuzz run -s none -O "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${dict[@]}"; then
    echo "=== $target FAILED: see fuzz/artifacts/$target/" >&2
    status=1
  fi
done
exit $status
