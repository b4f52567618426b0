#!/usr/bin/env python3
"""Table of the `analyze` benches (MiB/s, median) and the ratios of issue 6 beside their
targets, read from criterion's results of the last run.

    cargo bench --bench analyze | tee bench.log
    python3 scripts/bench_table.py [bench.log]

Results (medians) are read from $CARGO_TARGET_DIR/criterion (or ./target/criterion). The
log, when given, says which run they must come from: only the benches it times are listed,
and where the results directory holds another run's figures (another target directory, or
a later run), the table is made from the log's own times instead (criterion's printed
estimate, not the median), with a warning. The log also supplies the automaton's memory
(the bench prints a `lexicon:` line).
"""

import json
import os
import re
import sys

MIB = 1024 * 1024


def load(root):
    """{full_id: (median ns per iteration, bytes per iteration or None)}"""
    results = {}
    for directory, _, files in os.walk(root):
        if os.path.basename(directory) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(directory, "benchmark.json")) as f:
            bench = json.load(f)
        with open(os.path.join(directory, "estimates.json")) as f:
            estimates = json.load(f)
        throughput = bench.get("throughput") or {}
        # What criterion prints as `time:` (the slope where it fits one, else the mean):
        # how a log's figures are matched with these results.
        typical = (estimates.get("slope") or estimates["mean"])["point_estimate"]
        results[bench["full_id"]] = (
            estimates["median"]["point_estimate"],
            throughput.get("Bytes"),
            typical,
        )
    return results


UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
TIME = re.compile(r"^(\S+)?\s+time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]")


def log_times(text):
    """{full_id: ns per iteration} as criterion printed them in `text` (the middle figure)."""
    times, name = {}, None
    for line in text.splitlines():
        match = TIME.match(line)
        if match:
            value, unit = match.group(2), match.group(3)
            full_id = match.group(1) or name
            if full_id and unit in UNITS:
                times[full_id] = float(value) * UNITS[unit]
            name = None
        elif line and not line[0].isspace() and " " not in line.strip():
            # A long name is printed alone, its times on the next line.
            name = line.strip()
    return times


def mib_s(result):
    ns, size = result[:2]
    return size / ns * 1e9 / MIB


def ns_per_byte(result):
    ns, size = result[:2]
    return ns / size


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    results = load(os.path.join(target, "criterion"))
    if not results:
        sys.exit(f"bench_table: no criterion results under {target}/criterion")
    log = None
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
            log = f.read()
        printed = log_times(log)
        if not printed:
            sys.exit(f"bench_table: no criterion times in {sys.argv[1]}")
        results = {i: r for i, r in results.items() if i in printed}
        # Criterion prints four significant digits.
        stale = [i for i, r in results.items() if abs(r[2] / printed[i] - 1) > 0.001]
        if stale:
            print(
                f"bench_table: {len(stale)} of the results under {target}/criterion are not "
                f"from {sys.argv[1]}; its own times (criterion's estimate, not the median) are used",
                file=sys.stderr,
            )
            results = {i: (printed[i], r[1], printed[i]) for i, r in results.items()}

    print("| bench | MiB/s | time (median) |")
    print("| --- | ---: | ---: |")
    for full_id in sorted(results):
        ns, size = results[full_id][:2]
        speed = f"{mib_s(results[full_id]):.1f}" if size else ""
        time = f"{ns / 1e6:.3f} ms" if ns >= 1e5 else f"{ns / 1e3:.2f} µs"
        print(f"| {full_id} | {speed} | {time} |")

    rows = []

    def ratio(name, figure, target, ok):
        rows.append((name, figure, target, "yes" if ok else "NO"))

    for style in ("wire", "business", "feature"):
        base = results.get(f"styles/{style}/baseline")
        full = results.get(f"styles/{style}/report_json")
        if base and full:
            r = mib_s(full) / mib_s(base)
            ratio(f"report_json / baseline, {style}", f"{r:.3f} ({mib_s(full):.1f} / {mib_s(base):.1f} MiB/s)", ">= 0.333", r >= 1 / 3)
        article = results.get(f"styles/{style}/article")
        for analyzer in ("quotes", "sources", "hedging", "numbers"):
            alone = results.get(f"styles/{style}/{analyzer}_alone")
            both = results.get(f"styles/{style}/{analyzer}")
            if alone and both and article:
                rows.append((
                    f"{analyzer} on {style}: alone / with article - article (µs)",
                    f"{alone[0] / 1e3:.2f} / {(both[0] - article[0]) / 1e3:.2f}",
                    "",
                    "",
                ))

    small, large = results.get("scaling/report_json/16kb"), results.get("scaling/report_json/4mb")
    if small and large:
        r = ns_per_byte(large) / ns_per_byte(small)
        ratio("per byte, 4 MB / 16 KB", f"{r:.2f}", "<= 1.5", r <= 1.5)

    normal = results.get("adversarial/normal_1mb")
    if normal:
        for full_id in sorted(results):
            if full_id.startswith("adversarial/") and full_id != "adversarial/normal_1mb":
                r = ns_per_byte(results[full_id]) / ns_per_byte(normal)
                ratio(f"per byte, {full_id.split('/', 1)[1]} / normal_1mb", f"{r:.2f}", "<= 3", r <= 3)

    tiny, share = results.get("fixed_cost/report_json/300b"), results.get("fixed_cost/report_json/16kb")
    if tiny and share:
        r = ns_per_byte(tiny) / ns_per_byte(share)
        ratio("300 B article / its share of 16 KB", f"{r:.2f}", "<= 4", r <= 4)

    build = results.get("lexicon/build_default")
    if build:
        ms = build[0] / 1e6
        ratio("default automaton build (ms)", f"{ms:.2f}", "< 20", ms < 20)

    if log is not None:
        match = re.search(r"lexicon: .*automaton (\d+) bytes", log)
        if match:
            mb = int(match.group(1)) / MIB
            ratio("default automaton memory (MiB)", f"{mb:.2f}", "< 8", mb < 8)

    print()
    print("| target | measured | target | met |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
