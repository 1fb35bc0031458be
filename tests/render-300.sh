#!/usr/bin/env bash
# Times 'render --out' (page, JSON and feed) of a generated history of N releases (default 300) with the given
# binary, and prints one README table row. Usage: tests/render-300.sh artifacts/aot/bf-release-notes [N] [RUNS]
set -euo pipefail
binary=$(realpath "${1:?usage: $0 BINARY [RELEASES] [RUNS]}")
releases=${2:-300}
runs=${3:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/release-notes"
for ((i = 0; i < releases; i++)); do
  version="$((1 + i / 50)).$((i % 50)).0"
  date=$(date -u -d "2020-01-06 + $((7 * i)) days" +%F)
  {
    printf '# %s - %s\n\n## Public\n\n### Added\n\n' "$version" "$date"
    printf -- '- Feature %d: export [report %d](https://example.com/issues/%d) as `csv`.\n  - Nested detail %d.\n' "$i" "$i" "$i" "$i"
    printf -- '- Another change in release %d with *emphasis* and **strong** text.\n\n### Fixed\n\n- Fix number %d.\n' "$i" "$i"
    if ((i % 3 == 0)); then printf '\n## Beta\n\n### Changed\n\n- Beta change %d.\n' "$i"; fi
  } >"$work/release-notes/$version.md"
done
cd "$work"
"$binary" render --out site --base-url https://help.example.com/whats-new/ >/dev/null # warm the file cache
best=999999
total=0
for ((run = 0; run < runs; run++)); do
  start=$(date +%s%N)
  "$binary" render --out site --base-url https://help.example.com/whats-new/ >/dev/null
  elapsed=$((($(date +%s%N) - start) / 1000000))
  total=$((total + elapsed))
  ((elapsed < best)) && best=$elapsed
done
size=$(stat -c %s site/index.html)
printf '| %d releases | %d ms | %d ms | %d KB |\n' "$releases" "$((total / runs))" "$best" "$((size / 1024))"
