#!/usr/bin/env bash
# The ClickUp import at scale: peak memory (maximum resident set size) and lines printed for a large export.
# Usage: tests/BfReleaseNotes.Benchmarks/import-scale.sh [ROWS]   (default 100000; writes artifacts/import-scale.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/BfReleaseNotes.Cli -c Release -o "$work/jit" -v q >/dev/null
dotnet publish src/BfReleaseNotes.Cli -c Release -r linux-x64 -p:PublishAot=true -p:PackAsTool=false -o "$work/aot" -v q >/dev/null
python3 tests/BfReleaseNotes.Benchmarks/clickup-export.py "$rows" "$work/export.csv"
size=$(du -m "$work/export.csv" | cut -f1)
git init -q "$work/repo"
cp migration/clickup-mapping.json "$work/mapping.json"

run() { # $1: label, $2: the command, rest: extra options
  local label=$1 tool=$2; shift 2
  rm -rf "$work/repo/release-notes" "$work"/*.rejects.csv "$work"/*.warnings.txt
  set +e
  /usr/bin/time -f "%M %e" -o "$work/time.txt" $tool import-clickup "$work/export.csv" \
    --mapping "$work/mapping.json" --dir "$work/repo/release-notes" "$@" >"$work/out.txt" 2>"$work/err.txt"
  local exit=$?
  set -e
  read -r kb seconds <"$work/time.txt"
  local lines=$(( $(wc -l <"$work/out.txt") + $(wc -l <"$work/err.txt") ))
  printf '| %s | %s | %d | %s | %d |\n' "$label" "$exit" "$((kb / 1024))" "$seconds" "$lines"
}

mkdir -p artifacts
{
  echo "Import of $rows rows ($size MB, $(tail -n +2 "$work/export.csv" | wc -l) CSV lines), $(nproc) cores, $(dotnet --version)"
  echo
  echo "| run | exit | peak RSS [MB] | wall [s] | lines printed |"
  echo "|:---|---:|---:|---:|---:|"
  run "import-clickup (NativeAOT)" "$work/aot/bf-release-notes"
  run "import-clickup (JIT, dotnet tool)" "dotnet $work/jit/bf-release-notes.dll"
  run "import-clickup --dry-run --format json (NativeAOT)" "$work/aot/bf-release-notes" --dry-run --format json
} | tee artifacts/import-scale.md
tail -n 5 "$work/out.txt" >&2
