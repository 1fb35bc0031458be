#!/usr/bin/env bash
# Whole-process comparison of bf-release-notes with its peers on the same N entries, with hyperfine.
# Start-up is most of a CI step's cost, so the NativeAOT binary is measured beside the JIT one.
# Usage: tests/BfReleaseNotes.Benchmarks/compare-peers.sh [N]   (default 500; output: artifacts/compare-peers.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peers and the runner (Debian and npm packages).
if ! command -v hyperfine >/dev/null || ! command -v towncrier >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine towncrier >/dev/null
fi
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent git-cliff@2.14.2 keep-a-changelog@3.1.0 >/dev/null 2>&1)
# The npm package's bin is a node shim; measure the native git-cliff binary it launches.
cliff=$(find "$work/node_modules" -path '*git-cliff-linux-*/bin/git-cliff' -type f | head -n 1)

dotnet publish src/BfReleaseNotes.Cli -c Release -r linux-x64 -p:PublishAot=true -p:PackAsTool=false -o "$work/aot" >/dev/null
dotnet build src/BfReleaseNotes.Cli -c Release -o "$work/jit" >/dev/null
dotnet run -c Release --project tests/BfReleaseNotes.Benchmarks -- sample "$work/data" "$n"

# git-cliff reads commits: a repository with N conventional commits (benchmark set-up only).
repo="$work/data/cliff"
mkdir -p "$repo" && git -C "$repo" init -q && git -C "$repo" config user.email b@example.com && git -C "$repo" config user.name bench
for i in $(seq 1 "$n"); do
  case $((i % 3)) in 0) t=feat ;; 1) t=fix ;; *) t=chore ;; esac
  git -C "$repo" commit -q --allow-empty -m "$t: entry $i for Zürich and 東京"
done

mkdir -p artifacts
hyperfine --warmup 3 --min-runs 20 --export-markdown artifacts/compare-peers.md \
  -n "bf-release-notes promote --dry-run (NativeAOT)" "$work/aot/bf-release-notes promote --dry-run --dir $work/data/bf/release-notes --version 1.0.0" \
  -n "bf-release-notes promote --dry-run (JIT)" "dotnet $work/jit/bf-release-notes.dll promote --dry-run --dir $work/data/bf/release-notes --version 1.0.0" \
  -n "bf-release-notes lint (NativeAOT)" "$work/aot/bf-release-notes lint --dir $work/data/bf/release-notes" \
  -n "keep-a-changelog --create minor --dry-run" "cd $work/data/kacl && node $work/node_modules/keep-a-changelog/bin.js --file CHANGELOG.md --url https://example.com/app --create minor --dry-run" \
  -n "towncrier build --draft" "cd $work/data/towncrier && towncrier build --draft --version 1.0.0" \
  -n "git-cliff --unreleased" "$cliff --repository $repo --unreleased --tag 1.0.0"
cat artifacts/compare-peers.md
