#!/usr/bin/env bash
# Renders the highlight page for the sample articles and a hostile one in headless
# Chromium, checks the rendered DOM for the expected marks and panel entries, checks that
# nothing from the article ran as script, and saves screenshots (desktop and phone width).
# Usage: scripts/browser-check.sh [OUT_DIR]   (default target/browser-check)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/browser-check}
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

cargo build --release --example highlight
highlight=target/release/examples/highlight

passed=0
failed=0
check() { # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}

chrome() { # chrome PROFILE ARGS...
  local profile=$1; shift
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
}

render() { # render NAME INPUT
  local name=$1 input=$2
  local page="$out/$name.html" dom="$out/$name.dom.html"
  "$highlight" "$input" > "$page"
  local profile; profile=$(mktemp -d)
  chrome "$profile" --dump-dom "file://$PWD/$page" > "$dom"
  chrome "$profile" --window-size=1280,1800 --screenshot="$PWD/$out/$name.png" "file://$PWD/$page" >/dev/null
  chrome "$profile" --window-size=390,1600 --screenshot="$PWD/$out/$name-phone.png" "file://$PWD/$page" >/dev/null
  rm -rf "$profile"
  echo "$name: screenshots $out/$name.png $out/$name-phone.png"
}

has() { grep -q -- "$2" "$1"; }
# The article element alone, so that the legend's sample marks do not count.
article_of() { sed -n '/<article id="article">/,/<\/article>/p' "$1" > "$1.article"; echo "$1.article"; }
lacks() { ! grep -q -- "$2" "$1"; }

for sample in examples/data/*.txt; do
  name=$(basename "$sample" .txt)
  render "$name" "$sample"
  dom="$out/$name.dom.html"
  check "$name: article rendered" has "$dom" '<article id="article">'
  text=$(article_of "$dom")
  check "$name: direct quotes marked" has "$text" 'class="quote q-direct'
  check "$name: indirect quotes marked" has "$text" 'class="quote q-indirect'
  check "$name: speaker linked to the source list" has "$text" '<sup class="speaker"><a href="#source-'
  check "$name: source list" has "$dom" '<li id="source-0"'
  check "$name: hedges marked" has "$text" 'class="hedge '
  check "$name: numeric claims marked" has "$text" 'class="number n-'
  check "$name: numeric claims listed" has "$dom" '<li class="claim">'
  check "$name: anonymous share shown" has "$dom" 'id="anonymous-share"'
  check "$name: hedge density shown" has "$dom" 'id="hedge-density"'
  check "$name: no script element" lacks "$dom" '<script'
done

render hostile tests/data/browser_hostile.txt
dom="$out/hostile.dom.html"
check "hostile: markup shown as text" has "$dom" '&lt;script&gt;document.body'
check "hostile: img shown as text" has "$dom" '&lt;img src=x'
check "hostile: entity shown as written" has "$dom" '&amp;amp;'
check "hostile: no script element" lacks "$dom" '<script'
check "hostile: no img element" lacks "$dom" '<img'
check "hostile: nothing ran" lacks "$dom" '<body data-pwned'
check "hostile: right-to-left text kept" has "$dom" 'الاجتماع'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
