#!/usr/bin/env bash
# Packs the NativeAOT binary and the native libgit2 library it loads into ONE archive, because the binary alone
# cannot open a repository: bf-release-notes-linux-x64.tar.gz holds bf-release-notes and libgit2-*.so side by
# side at its root. Then proves the archive works from a clean folder, and that a binary copied without its
# library stops with a message naming the missing file (never "internal error").
# Usage: tools/package.sh [PUBLISH_DIR] [OUT_DIR]   (defaults: artifacts/aot, artifacts)
# PUBLISH_DIR is the output of:
#   dotnet publish src/BfReleaseNotes.Cli -c Release -r linux-x64 -p:PublishAot=true -p:PackAsTool=false -o artifacts/aot
set -euo pipefail
cd "$(dirname "$0")/.."
publish=${1:-artifacts/aot}
out=${2:-artifacts}
archive="$out/bf-release-notes-linux-x64.tar.gz"
fail() { echo "package: FAILED: $*" >&2; exit 1; }

[ -x "$publish/bf-release-notes" ] || fail "no binary at $publish/bf-release-notes; publish it first (see the usage line)"
mapfile -t natives < <(cd "$publish" && ls libgit2-*.so 2>/dev/null)
[ "${#natives[@]}" -eq 1 ] || fail "expected exactly one libgit2-*.so in $publish, found ${#natives[@]}"
mkdir -p "$out"
out=$(cd "$out" && pwd)
archive="$out/bf-release-notes-linux-x64.tar.gz"
# Fixed owner, order and times: the same binaries give the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' \
    -C "$publish" -cf - bf-release-notes "${natives[0]}" | gzip -n > "$archive"
(cd "$out" && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$work/tool" "$work/alone" "$work/repo"
tar -xzf "$archive" -C "$work/tool"
[ "$(cd "$work/tool" && ls | sort | tr '\n' ' ')" = "bf-release-notes ${natives[0]} " ] || fail "unexpected archive content: $(ls "$work/tool")"
cd "$work/repo"
git init -q -b main && git config user.email p@example.com && git config user.name Package
"$work/tool/bf-release-notes" init >/dev/null
git add -A && git commit -qm init
"$work/tool/bf-release-notes" check --base HEAD >/dev/null || fail "the unpacked binary could not run the check"

cp "$work/tool/bf-release-notes" "$work/alone/"
set +e
message=$("$work/alone/bf-release-notes" check --base HEAD 2>&1); code=$?
set -e
[ "$code" = 2 ] || fail "without its library the binary exited $code, expected 2: $message"
grep -q "${natives[0]}" <<<"$message" || fail "the error does not name ${natives[0]}: $message"
grep -q "internal error" <<<"$message" && fail "the error is an internal error: $message"
echo "package: $archive ($(du -h "$archive" | cut -f1)), holding bf-release-notes and ${natives[0]}; checked unpacked and without its library"
