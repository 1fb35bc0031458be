#!/usr/bin/env bash
# Mutation testing of the core rules with Stryker.NET (the local tool in .config/dotnet-tools.json).
# Not part of .ci/run: one file takes minutes on two cores. Prints the mutation score per file.
#
# Usage: tests/mutation.sh [--library-only] [--together] [--concurrency N] [--filter EXPR] [FILE_OR_FOLDER ...]
#   FILE_OR_FOLDER is relative to src/BfReleaseNotes (e.g. Promotion/Promoter.cs or Markdown);
#   the default is the core folders. --library-only runs the library tests only (not the CLI tests).
#   Stryker runs once per file; --together runs it once for all the files (one build and one first test run
#   instead of one per file). Either way the score is printed per file, never diluted by another file's mutants.
#   --filter EXPR runs only the tests EXPR selects (`dotnet test --filter` syntax), e.g.
#   'FullyQualifiedName!~ReadmeExampleTests' leaves out the README's library example (one test of about a minute), which
#   a surviving mutant of a static initialiser waits for: those run against every test. Fewer tests give a lower bound.
#   Stryker's trace log (each mutant's tests and result, so progress can be followed) is under the output folder's logs/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

library_only=false
together=false
concurrency=1
filter=()
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --library-only) library_only=true; shift ;;
    --together) together=true; shift ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --filter) filter=(--test-case-filter "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
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
run_stryker() { # OUTPUT_FOLDER FILE...
  local out="$1"; shift
  local mutate=()
  for file in "$@"; do mutate+=(--mutate "**/$file"); done
  rm -rf "$out"
  (cd "$root/src/BfReleaseNotes" && dotnet stryker --project BfReleaseNotes.csproj "${test_projects[@]}" \
      "${mutate[@]}" "${filter[@]}" --concurrency "$concurrency" --reporter json --reporter progress \
      --log-to-file --output "$out" --skip-version-check) >&2
  find "$out" -name mutation-report.json | head -n 1
}

reports=()
if [[ "$together" == true ]]; then
  echo "== ${#files[@]} files together" >&2
  reports+=("$(run_stryker "$root/artifacts/mutation/together" "${files[@]}")")
else
  for file in "${files[@]}"; do
    echo "== $file" >&2
    reports+=("$(run_stryker "$root/artifacts/mutation/${file//\//_}" "$file")")
  done
fi

# Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it.
python3 - "${reports[@]}" <<'PY'
import json, sys
print(f"{'file':<45} {'score':>7} {'killed':>7} {'survived':>9} {'no cov':>7}")
for report in sys.argv[1:]:
    if not report:
        print("(a Stryker run wrote no report)")
        continue
    for path, data in sorted(json.load(open(report))["files"].items()):
        counts = {}
        for mutant in data["mutants"]:
            counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
        killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
        survived = counts.get("Survived", 0)
        nocov = counts.get("NoCoverage", 0)
        total = killed + survived + nocov
        if total == 0:
            continue  # the report lists every file of the project; only the mutated ones count
        score = f"{100 * killed / total:.1f}%"
        name = path.split("src/BfReleaseNotes/", 1)[-1]
        print(f"{name:<45} {score:>7} {killed:>7} {survived:>9} {nocov:>7}")
PY
