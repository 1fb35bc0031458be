#!/usr/bin/env bash
# Runs real semantic-release (from npm, the versions package-lock.json pins) with --dry-run --no-ci on a scratch
# repository with a local bare remote, using the documented configuration (.releaserc.json beside this script), and
# checks that it proposes the version and the notes bf-release-notes computes; then releases for real into that scratch
# remote and checks the release commit, the tag and the published note. Skips, saying so, without node.
# Usage: integrations/semantic-release/verify.sh PATH-TO-bf-release-notes
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:?usage: verify.sh PATH-TO-bf-release-notes}")

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "semantic-release check: SKIPPED (node and npm are not installed; semantic-release 24 needs node >= 20.8.1)"
  exit 0
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=8)?0:1)'; then
  echo "semantic-release check: SKIPPED (node $(node --version) is older than semantic-release 24 needs, 20.8.1)"
  exit 0
fi

# Installed once per lock file, quietly, outside the repository; later runs reuse it.
cache="${BFRN_NPM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bf-release-notes}/semantic-release-$(sha256sum "$here/package-lock.json" | cut -c1-16)"
if [ ! -x "$cache/node_modules/.bin/semantic-release" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  if ! (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "error: semantic-release check: 'npm ci' failed in $cache (is the npm registry reachable?)" >&2
    exit 2
  fi
fi

work=$(mktemp -d)
trap '[ -n "${BFRN_KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir -p "$work/tools" "$work/home"
ln -s "$bin" "$work/tools/bf-release-notes"
# A clean environment: a CI runner's own variables (GITLAB_CI, CI_COMMIT_REF_NAME...) must not describe the scratch repository.
run() { env -i HOME="$work/home" PATH="$work/tools:$cache/node_modules/.bin:$PATH" GIT_CONFIG_NOSYSTEM=1 LANG=C.UTF-8 "$@"; }

git init -q --bare -b main "$work/origin.git"
git init -q -b main "$work/repo"
cd "$work/repo"
git config user.name "Release Captain"
git config user.email "captain@example.com"
cp "$here/.releaserc.json" .
mkdir release-notes
printf '# 1.2.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- The first feature.\n' > release-notes/1.2.0.md
run bf-release-notes init >/dev/null
git add -A && git commit -q -m "Release 1.2.0" && git tag -a v1.2.0 -m "Release 1.2.0"
run bf-release-notes add --section public --type fixed "Search no longer ignores accented letters." >/dev/null
git commit -q -am "Fix search"
run bf-release-notes add --section public --type added "Projects can be exported as PDF. [#123]" >/dev/null
printf '\n[#123]: https://gitlab.example.com/team/app/-/merge_requests/123\n' >> release-notes/unreleased.md
run bf-release-notes add --section beta --type changed "The beta dashboard loads twice as fast." >/dev/null
git commit -q -am "Export as PDF"
git remote add origin "$work/origin.git"
git push -q --follow-tags origin main
git branch -q -u origin/main

expected_version=$(run bf-release-notes next-version --bump auto 2>/dev/null)
run bf-release-notes next-version --bump auto --print notes > "$work/expected-notes.md" 2>/dev/null

# The documented configuration, unchanged, through semantic-release's own command line.
if ! run semantic-release --dry-run --no-ci > "$work/cli.log" 2>&1; then
  cat "$work/cli.log" >&2
  echo "error: semantic-release check: semantic-release --dry-run --no-ci failed (log above)" >&2
  exit 1
fi
if ! grep -q "The next release version is $expected_version" "$work/cli.log"; then
  cat "$work/cli.log" >&2
  echo "error: semantic-release check: semantic-release did not propose $expected_version, the version 'next-version --bump auto' gives" >&2
  exit 1
fi

# The same run through semantic-release's JavaScript API, which hands back the exact notes (the CLI prints them reformatted for a terminal).
cat > "$work/api.mjs" <<'JS'
import semanticRelease from "semantic-release";
import { writeFileSync } from "node:fs";
import { Writable } from "node:stream";
const sink = new Writable({ write(_chunk, _encoding, done) { done(); } });
const result = await semanticRelease({ dryRun: true, ci: false }, { cwd: process.cwd(), env: process.env, stdout: sink, stderr: sink });
if (!result) { console.error("semantic-release proposed no release"); process.exit(1); }
writeFileSync(process.argv[2], result.nextRelease.notes ?? "");
console.log(result.nextRelease.version);
JS
cp "$work/api.mjs" "$cache/api.mjs"
actual_version=$(run node "$cache/api.mjs" "$work/actual-notes.md")
if [ "$actual_version" != "$expected_version" ]; then
  echo "error: semantic-release check: the API proposed '$actual_version', bf-release-notes '$expected_version'" >&2
  exit 1
fi
# exec trims the command's output; compare the notes without trailing line breaks.
if ! diff <(printf '%s' "$(cat "$work/expected-notes.md")") <(printf '%s' "$(cat "$work/actual-notes.md")") >&2; then
  echo "error: semantic-release check: the notes differ from 'next-version --print notes' (diff above)" >&2
  exit 1
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ] || [ "$(git rev-parse HEAD)" != "$(git -C "$work/origin.git" rev-parse main)" ]; then
  echo "error: semantic-release check: the dry run changed the repository" >&2
  exit 1
fi
# Then for real, still against the scratch remote: prepareCmd promotes and @semantic-release/git commits the two files.
if ! run semantic-release --no-ci > "$work/release.log" 2>&1; then
  cat "$work/release.log" >&2
  echo "error: semantic-release check: semantic-release --no-ci failed (log above)" >&2
  exit 1
fi
git fetch -q --tags origin
if [ "$(git -C "$work/origin.git" log -1 --format=%s main)" != "Release $expected_version" ] \
  || [ "$(git -C "$work/origin.git" rev-parse "v$expected_version^{commit}")" != "$(git -C "$work/origin.git" rev-parse main)" ] \
  || [ "$(git -C "$work/origin.git" show --format= --name-only main | sort | tr '\n' ' ')" != "release-notes/$expected_version.md release-notes/unreleased.md " ]; then
  git -C "$work/origin.git" log --stat -2 main >&2
  echo "error: semantic-release check: the remote does not hold the commit 'Release $expected_version' of the two files, tagged v$expected_version" >&2
  exit 1
fi
git pull -q --ff-only origin main
if ! diff <(run bf-release-notes show "$expected_version" --no-title) "$work/expected-notes.md" >&2; then
  echo "error: semantic-release check: the published note differs from the notes semantic-release was given (diff above)" >&2
  exit 1
fi

echo "semantic-release check: passed (semantic-release $(node -p "require(\"$cache/node_modules/semantic-release/package.json\").version") proposes $expected_version with the notes bf-release-notes computes, and its release publishes exactly them)"
