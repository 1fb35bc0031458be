#!/usr/bin/env bash
# Mutation testing of the core rules with Stryker.NET (the local tool in .config/dotnet-tools.json).
# Not part of .ci/run: one file takes minutes on two cores. Prints the mutation score per file.
#
# Usage: tests/mutation.sh [--library-only] [--concurrency N] [FILE_OR_FOLDER ...]
#   FILE_OR_FOLDER is relative to src/BfReleaseNotes (e.g. Promotion/Promoter.cs or Markdown);
#   the default is the core folders. --library-only runs the library tests only (not the CLI tests).
#   Stryker runs once per file, so a score is never diluted by another file's mutants.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

library_only=false
concurrency=1
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --library-only) library_only=true; shift ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [[ ${#targets[@]} -eq 0 ]]; then
  # The core folders of issue 16: the merge-request check lives in Checks, the merge driver in Merging.
  targets=(Promotion Markdown Checks Flags Editing Workspace Migration Merging)
fi

files=()
for target in "${targets[@]}"; do
  path="src/BfReleaseNotes/$target"
  if [[ -d "$path" ]]; then
    while IFS= read -r file; do files+=("${file#src/BfReleaseNotes/}"); done < <(find "$path" -name '*.cs' | sort)
  elif [[ -f "$path" ]]; then
    files+=("$target")
  else
    echo "mutation.sh: no file or folder src/BfReleaseNotes/$target" >&2
    exit 2
  fi
done

test_projects=(--test-project "$root/tests/BfReleaseNotes.Tests/BfReleaseNotes.Tests.csproj")
if [[ "$library_only" == false ]]; then
  test_projects+=(--test-project "$root/tests/BfReleaseNotes.Cli.Tests/BfReleaseNotes.Cli.Tests.csproj")
fi

dotnet tool restore >/dev/null
results=()
for file in "${files[@]}"; do
  out="$root/artifacts/mutation/${file//\//_}"
  rm -rf "$out"
  echo "== $file" >&2
  (cd "$root/src/BfReleaseNotes" && dotnet stryker --project BfReleaseNotes.csproj "${test_projects[@]}" \
      --mutate "**/$file" --concurrency "$concurrency" --reporter json --reporter progress \
      --output "$out" --skip-version-check) >&2
  results+=("$file"$'\t'"$(find "$out" -name mutation-report.json | head -n 1)")
done

# Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it.
python3 - "${results[@]}" <<'PY'
import json, sys
print(f"{'file':<45} {'score':>7} {'killed':>7} {'survived':>9} {'no cov':>7}")
for result in sys.argv[1:]:
    name, report = result.split("\t")
    if not report:
        print(f"{name:<45} (no report)")
        continue
    counts = {}
    for data in json.load(open(report))["files"].values():
        for mutant in data["mutants"]:
            counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
    killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
    survived = counts.get("Survived", 0)
    nocov = counts.get("NoCoverage", 0)
    total = killed + survived + nocov
    score = f"{100 * killed / total:.1f}%" if total else "n/a"
    print(f"{name:<45} {score:>7} {killed:>7} {survived:>9} {nocov:>7}")
PY
