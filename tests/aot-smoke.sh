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
# The weekly release's commands: the config's "release" object, the source-generated JSON of show, a custom tag prefix.
printf '{ "release": { "bump": { "fixed": "minor" } } }\n' > release-notes/config.json
"$bin" add --section public --type fixed "Imports keep accents." >/dev/null
[ "$("$bin" next-version --bump auto 2>/dev/null)" = "1.1.0" ] || fail "next-version --bump auto with the configured rule"
"$bin" promote --bump auto --tag --tag-prefix release- >/dev/null 2>&1 || fail "promote --bump auto --tag --tag-prefix"
git rev-parse -q --verify refs/tags/release-1.1.0 >/dev/null || fail "tag release-1.1.0 is missing"
"$bin" show latest --format json | grep -q '"version": "1.1.0"' || fail "show latest --format json"
"$bin" changelog --output CHANGELOG.md 2>/dev/null && "$bin" changelog --check >/dev/null || fail "changelog --check after writing it"

# Feature flags: the check takes its rules (the registry) from the target branch's config.json, then reads the
# registry file at head; flags check reads it from disk; source-generated JSON.
printf '{ "flags": { "registry": "release-notes/flags.json" } }\n' > release-notes/config.json
printf '{ "flags": [ { "key": "new-editor", "environments": { "*": { "state": "on" } } } ] }\n' > release-notes/flags.json
git add -A && git commit -qm "Feature-flag registry"
git checkout -qb flags
"$bin" add --section internal --type added --flag new-edtor "Drafts are saved." >/dev/null
git add -A && git commit -qm "Flagged work"
set +e
out=$("$bin" check --base main 2>&1); code=$?
set -e
[ "$code" = 1 ] || fail "check with an unknown flag exited $code, expected 1: $out"
grep -q "BFRN300: flag 'new-edtor' is not in the feature-flag registry (release-notes/flags.json); closest: 'new-editor'" <<<"$out" || fail "check did not name the closest flag: $out"
set +e
out=$("$bin" flags check 2>&1); code=$?
set -e
[ "$code" = 1 ] || fail "flags check with an unknown flag exited $code, expected 1: $out"
sed -i 's/new-edtor/new-editor/' release-notes/unreleased.md
out=$("$bin" flags check 2>&1) || fail "flags check with a known flag failed: $out"
grep -q 'flags graduate new-editor --to public' <<<"$out" || fail "flags check did not suggest graduating: $out"

# Rendering: source-generated JSON with its own encoder, XmlWriter for the feed, the page.
"$bin" render --format json | grep -q '"schemaVersion": 1' || fail "render --format json"
"$bin" render --out "$work/site" --base-url https://help.example.com/whats-new/ >/dev/null || fail "render --out"
grep -q '<entry>' "$work/site/feed.atom" || fail "the feed has no entry"
grep -q 'id="v1_0_0"' "$work/site/index.html" || fail "the page has no release v1_0_0"

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
BFRN_TEST_FAULT=transaction:rename-1:crash "$bin" promote --version 1.2.0 >/dev/null 2>&1
set -e
"$bin" add --section public --type added "After the crash." 2>"$work/recovery.txt" >/dev/null || fail "the command after a killed promote failed"
grep -q "finished an interrupted 'bf-release-notes promote'" "$work/recovery.txt" || fail "the killed promote was not finished: $(cat "$work/recovery.txt")"
[ "$(grep -c "at once." release-notes/1.2.0.md)" = 2 ] || fail "the recovered release does not hold both entries"
[ -z "$(ls -A release-notes | grep -E '\.bfrn|\.tmp$|\.bak$')" ] || fail "leftovers after recovery: $(ls -A release-notes)"

# A monorepo: the projects section (source-generated JSON), the check once per touched project, promote --all with
# each project's own version and tag (the git paths again, per project).
mkdir -p "$work/mono" && cd "$work/mono"
git init -q -b main
mkdir -p release-notes apps/manage apps/admin libs
printf '{ "projects": [\n  { "name": "manage", "folder": "apps/manage/release-notes", "paths": ["apps/manage/**", "libs/**"] },\n  { "name": "admin", "folder": "apps/admin/release-notes", "paths": ["apps/admin/**", "libs/**"] } ] }\n' > release-notes/config.json
"$bin" init --project manage >/dev/null && "$bin" init --project admin >/dev/null
echo a > apps/manage/a.txt && echo b > apps/admin/b.txt && echo c > libs/c.txt
git add -A && git commit -qm "Monorepo"
git checkout -qb shared
echo c2 > libs/c.txt && git commit -qam "Change a shared library"
"$bin" add --project manage --section public --type fixed "Manage loads faster." >/dev/null
git commit -qam "Notes for manage"
set +e
"$bin" check --base main > "$work/mono-check.txt" 2>&1; code=$?
set -e
[ "$code" = 1 ] || fail "monorepo check with one of two projects' notes exited $code, expected 1"
grep -q "admin" "$work/mono-check.txt" || fail "monorepo check did not name the project without notes: $(cat "$work/mono-check.txt")"
"$bin" add --project admin --section public --type fixed "Admin loads faster." >/dev/null
git commit -qam "Notes for admin"
"$bin" check --base main >/dev/null || fail "monorepo check with both projects' notes did not pass"
git checkout -q main && git merge -q --no-ff shared -m "Merge shared"
"$bin" promote --all --date 2026-11-25 --tag >/dev/null || fail "promote --all failed"
[ -f apps/manage/release-notes/0.1.0.md ] && [ -f apps/admin/release-notes/0.1.0.md ] || fail "promote --all did not publish both projects"
[ -n "$(git tag -l 'manage/v0.1.0')" ] && [ -n "$(git tag -l 'admin/v0.1.0')" ] || fail "promote --all did not tag each project: $(git tag -l)"

mkdir -p "$work/plain" && cd "$work/plain"
set +e
"$bin" check >/dev/null 2>&1; code=$?
set -e
[ "$code" = 2 ] || fail "check outside a repository exited $code, expected 2"
echo "aot-smoke: ok"
