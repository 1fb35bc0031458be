#!/usr/bin/env bash
# Runs the NativeAOT binary through the git paths (check, promote --commit --tag) on a real repository.
# LibGit2Sharp behaves differently under NativeAOT (out-buffers are never filled: libgit2sharp#2187), so
# the JIT-run test suite alone cannot prove the shipped binary works. Usage: tests/aot-smoke.sh BINARY
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "aot-smoke: FAILED: $*" >&2; exit 1; }

export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$work/repo"
printf '[user]\n\tname = Smoke Captain\n\temail = smoke@example.com\n' > "$HOME/.gitconfig"
cd "$work/repo"
git init -q -b main
"$bin" init >/dev/null
echo v1 > app.txt
git add -A && git commit -qm "Initial"

git checkout -qb feature
echo v2 > app.txt && git commit -qam "Change code"
set +e
"$bin" check --base main >/dev/null 2>&1; code=$?
set -e
[ "$code" = 1 ] || fail "check without notes exited $code, expected 1"
"$bin" add --section public --type fixed "Exports no longer time out." >/dev/null
git commit -qam "Notes"
"$bin" check --base main >/dev/null || fail "check with notes did not pass"

git checkout -q main && git merge -q --no-ff feature -m "Merge feature"
"$bin" promote --version 1.0.0 --date 2026-11-25 --tag >/dev/null || fail "promote --tag failed"
[ "$(git log -1 --format=%s)" = "Release 1.0.0" ] || fail "commit message is '$(git log -1 --format=%s)'"
[ "$(git log -1 --format='%an <%ae>')" = "Smoke Captain <smoke@example.com>" ] || fail "author from the global config was not used"
[ "$(git for-each-ref refs/tags/v1.0.0 --format='%(objecttype) %(contents:subject)')" = "tag Release 1.0.0" ] || fail "annotated tag v1.0.0 is missing or has no message"
[ -z "$(git status --porcelain)" ] || fail "work tree not clean after promote --commit: $(git status --porcelain)"
"$bin" lint >/dev/null || fail "lint after promote"
"$bin" check --base HEAD~1 >/dev/null || fail "check of the release commit did not pass"

# Safety paths that use native calls (statx, fsync of a folder, the folder lock) in the shipped binary.
set +e
"$bin" lint /dev/zero >/dev/null 2>&1; code=$?
set -e
[ "$code" = 2 ] || fail "lint /dev/zero exited $code, expected 2"
"$bin" add --section public --type added "First at once." >/dev/null & first=$!
"$bin" add --section beta --type added "Second at once." >/dev/null & second=$!
wait "$first" && wait "$second" || fail "two adds at once did not both succeed"
grep -q "First at once." release-notes/unreleased.md && grep -q "Second at once." release-notes/unreleased.md || fail "an entry of two adds at once was lost"
set +e
BFRN_TEST_FAULT=transaction:rename-1:crash "$bin" promote --version 1.1.0 >/dev/null 2>&1
set -e
"$bin" add --section public --type added "After the crash." 2>"$work/recovery.txt" >/dev/null || fail "the command after a killed promote failed"
grep -q "finished an interrupted 'bf-release-notes promote'" "$work/recovery.txt" || fail "the killed promote was not finished: $(cat "$work/recovery.txt")"
[ "$(grep -c "at once." release-notes/1.1.0.md)" = 2 ] || fail "the recovered release does not hold both entries"
[ -z "$(ls -A release-notes | grep -E '\.bfrn|\.tmp$|\.bak$')" ] || fail "leftovers after recovery: $(ls -A release-notes)"

mkdir -p "$work/plain" && cd "$work/plain"
set +e
"$bin" check >/dev/null 2>&1; code=$?
set -e
[ "$code" = 2 ] || fail "check outside a repository exited $code, expected 2"
echo "aot-smoke: ok"
