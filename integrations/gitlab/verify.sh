#!/usr/bin/env bash
# Runs what we ship for GitLab CI as GitLab would, with gitlab-ci-local (the versions package-lock.json pins) and its
# shell executor: the check component (templates/check.yml), the README's check job, and the release component
# (templates/release.yml), each included from a scratch project's .gitlab-ci.yml, against real git repositories.
# The release archive is served as the generic package registry serves it (a file:// URL in CI_API_V4_URL, which
# curl reads like the registry's); the release job's push goes to a local bare origin through git's insteadOf.
# gitlab-ci-local also validates each .gitlab-ci.yml against GitLab's JSON schema.
# Usage: integrations/gitlab/verify.sh [ARCHIVE]   (default: artifacts/bf-release-notes-linux-x64.tar.gz, made by
# tools/package.sh). Skips, saying so, without node and npm. BFRN_GITLAB_ONLY=check,release,monorepo runs only the
# scenarios of those parts (each gitlab-ci-local run takes seconds of CPU; all of them run by default, as in CI).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archive=$(realpath "${1:-$root/artifacts/bf-release-notes-linux-x64.tar.gz}")
[ -f "$archive" ] || { echo "error: gitlab check: no archive at $archive; run tools/package.sh first" >&2; exit 2; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "gitlab check: SKIPPED (node and npm are not installed; gitlab-ci-local 4.60 needs node >= 18)"
  exit 0
fi
# gitlab-ci-local copies the project into its build folder with rsync.
if ! command -v rsync >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync >/dev/null; } \
    || { echo "error: gitlab check: could not install rsync (apt-get install -y rsync); gitlab-ci-local needs it" >&2; exit 2; }
fi

# Installed once per lock file, outside the repository; later runs reuse it. The one install script (re2's native
# module, which gitlab-ci-local needs) fetches or builds it: about two minutes the first time.
cache="${BFRN_NPM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bf-release-notes}/gitlab-ci-local-$(sha256sum "$here/package-lock.json" | cut -c1-16)"
if [ ! -x "$cache/node_modules/.bin/gitlab-ci-local" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  if ! (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    echo "error: gitlab check: 'npm ci' failed in $cache (is the npm registry reachable?)" >&2
    exit 2
  fi
fi
gcl="$cache/node_modules/.bin/gitlab-ci-local"

work=$(mktemp -d)
trap '[ -n "${BFRN_KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/gcl-home" "$work/tool"
# The generic package registry: <api>/projects/<id or url-encoded path>/packages/generic/<name>/<version>/<file>.
registry="$work/api/v4/projects/tools/bf-release-notes/packages/generic/bf-release-notes/1.0.0"
mkdir -p "$registry" && cp "$archive" "$registry/"
tar -xzf "$archive" -C "$work/tool"
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "Dev" && git config --global user.email "dev@example.com" && git config --global init.defaultBranch main

only=${BFRN_GITLAB_ONLY:-}
wants() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }
failures=0
fail() { echo "gitlab check: FAILED: $*" >&2; failures=$((failures + 1)); }
expect() { # expect NAME EXIT-CODE TEXT LOG: the job ended as expected and printed TEXT
  local name=$1 code=$2 text=$3 log=$4 actual
  actual=$(sed -n 's/^exit=//p' "$log")
  if [ "$actual" != "$code" ]; then fail "$name: gitlab-ci-local exit $actual, expected $code"; sed 's/^/    /' "$log" >&2; return; fi
  grep -qF -- "$text" "$log" || { fail "$name: the job did not print: $text"; sed 's/^/    /' "$log" >&2; return; }
  echo "gitlab check: ok: $name"
}
# run LOG JOB [--variable K=V ...]: one job under the shell executor, as a merge-request pipeline unless told otherwise.
run() {
  local log=$1 job=$2; shift 2
  set +e
  "$gcl" --force-shell-executor --home "$work/gcl-home" --variable "CI_API_V4_URL=file://$work/api/v4" \
    --variable CI_JOB_TOKEN=job-token "$@" "$job" > "$log" 2>&1
  echo "exit=$?" >> "$log"
  set -e
}
mr() { echo --variable CI_PIPELINE_SOURCE=merge_request_event --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$(git rev-parse main)" --variable CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main; }

# --- The check component and the README job, in one project with a merge request branch ---------------------------
if wants check; then
project="$work/app"
mkdir -p "$project/templates" "$project/src" && cd "$project"
git init -q
cp "$root/templates/check.yml" templates/
"$work/tool/bf-release-notes" init > /dev/null
echo 'int main(void) { return 0; }' > src/app.c
cat > .gitlab-ci.yml <<'YAML'
include:
  - local: templates/check.yml
    inputs:
      version: "1.0.0"
      package-project: "tools%2Fbf-release-notes"
YAML
git add -A && git commit -qm "Project with release notes"
git checkout -qb feature
echo 'int helper(void) { return 1; }' >> src/app.c
git commit -qam "Add a helper"

run "$work/no-notes.log" release-notes-check $(mr) --variable CI_MERGE_REQUEST_LABELS=
expect "check component, code changed without notes" 1 "check failed (notes not updated)" "$work/no-notes.log"
# The shell executor runs the job in the project folder itself: the reports the job declares are there.
grep -q '"check_name": *"release-notes-not-updated"' gl-code-quality-report.json 2>/dev/null || fail "check component: no Code Quality report with the finding"
grep -q '<failure' release-notes-junit.xml 2>/dev/null || fail "check component: no JUnit report with the failure"

run "$work/label.log" release-notes-check $(mr) --variable "CI_MERGE_REQUEST_LABELS=backend,release-notes::none"
expect "check component, opted out by label" 0 "opt-out: label" "$work/label.log"

"$work/tool/bf-release-notes" add --section public --type added "Reports can be filtered by helper." > /dev/null
git commit -qam "Release note for the helper"
run "$work/notes.log" release-notes-check $(mr) --variable CI_MERGE_REQUEST_LABELS=
expect "check component, code changed with notes" 0 "check passed" "$work/notes.log"

# The README's job (the first yaml block of "#### GitLab CI job"), as a project would paste it.
awk '/^#### GitLab CI job/{s=1} s&&/^```yaml/{b=1;next} b&&/^```/{exit} b' "$root/README.md" > .gitlab-ci.yml
grep -q '^release-notes:' .gitlab-ci.yml || fail "README job: the yaml block was not found under '#### GitLab CI job'"
git commit -qam "Use the README's job"
run "$work/readme.log" release-notes $(mr) --variable CI_MERGE_REQUEST_LABELS=
expect "README job, code changed with notes" 0 "check passed" "$work/readme.log"

# Merged-results and merge-train pipelines: HEAD is GitLab's merge of the merge request into the target's tip, and the
# target moved on after the branch was cut (another merge request landed with its own note). Compared with the diff
# base, that other note would look like this merge request's and pass it; the check must compare with the target.
git checkout -q main
bf=$work/tool/bf-release-notes
"$bf" add --section public --type fixed "Another merge request's fix." > /dev/null
echo 'int other(void) { return 2; }' > src/other.c
git add -A && git commit -qm "Another merge request"
git checkout -q -b no-notes main~1
echo 'int third(void) { return 3; }' >> src/app.c
git commit -qam "Code without notes"
git checkout -q -b with-notes main~1
echo 'int fourth(void) { return 4; }' >> src/app.c
"$bf" add --section public --type added "Exports name their project." > /dev/null
git commit -qam "Code with notes"
merged() { # merged BRANCH EVENT LOG: GitLab's merge commit of BRANCH into main, checked as EVENT
  git checkout -q -B "merged-$1" main
  git merge -q --no-ff "$1" -m "Merge branch '$1' into 'main'" > /dev/null
  run "$3" release-notes-check --variable CI_PIPELINE_SOURCE=merge_request_event --variable "CI_MERGE_REQUEST_EVENT_TYPE=$2" \
    --variable "CI_MERGE_REQUEST_TARGET_BRANCH_SHA=$(git rev-parse main)" --variable "CI_MERGE_REQUEST_DIFF_BASE_SHA=$(git merge-base main "$1")" \
    --variable CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main --variable CI_MERGE_REQUEST_LABELS=
}
merged no-notes merged_result "$work/merged-no-notes.log"
expect "check component, merged-results pipeline without notes" 1 "check failed (notes not updated)" "$work/merged-no-notes.log"
merged no-notes merge_train "$work/train-no-notes.log"
expect "check component, merge-train pipeline without notes" 1 "check failed (notes not updated)" "$work/train-no-notes.log"
merged with-notes merged_result "$work/merged-notes.log"
expect "check component, merged-results pipeline with notes" 0 "check passed" "$work/merged-notes.log"
merged with-notes merge_train "$work/train-notes.log"
expect "check component, merge-train pipeline with notes" 0 "check passed" "$work/train-notes.log"
fi

# --- The release component in a scheduled pipeline, pushing to a bare origin ----------------------------------------
if wants release; then
git init -q --bare "$work/origin.git"
project="$work/service"
mkdir -p "$project/templates" && cd "$project"
git init -q
cp "$root/templates/release.yml" templates/
mkdir release-notes
printf '# 1.0.0 - 2026-11-18\n\n## Public\n\n### Added\n\n- The first feature.\n' > release-notes/1.0.0.md
"$work/tool/bf-release-notes" init > /dev/null
"$work/tool/bf-release-notes" add --section public --type added "Projects can be exported as PDF." > /dev/null
"$work/tool/bf-release-notes" add --section internal --flag new-editor --type added "The new editor saves drafts." > /dev/null
cat > .gitlab-ci.yml <<'YAML'
include:
  - local: templates/release.yml
    inputs:
      version: "1.0.0"
      package-project: "tools%2Fbf-release-notes"
YAML
git add -A && git commit -qm "Notes for the next release"
git remote add origin "$work/origin.git" && git push -q origin main
push_url="https://oauth2:glpat-secret@gitlab.example.com:443/team/service.git"
schedule=(--variable CI_PIPELINE_SOURCE=schedule --variable RELEASE_NOTES_WEEKLY=true --variable CI_DEFAULT_BRANCH=main
  --variable CI_SERVER_PROTOCOL=https --variable CI_SERVER_HOST=gitlab.example.com --variable CI_SERVER_PORT=443
  --variable CI_PROJECT_PATH=team/service --variable "GITLAB_USER_NAME=Release Captain" --variable GITLAB_USER_EMAIL=captain@example.com
  --variable GIT_CONFIG_COUNT=1 --variable "GIT_CONFIG_KEY_0=url.$work/origin.git.insteadOf" --variable "GIT_CONFIG_VALUE_0=$push_url")

run "$work/no-token.log" release-notes-promote "${schedule[@]}"
expect "release component, no token" 1 "the CI/CD variable RELEASE_TOKEN is not set" "$work/no-token.log"

run "$work/promote.log" release-notes-promote "${schedule[@]}" --variable RELEASE_TOKEN=glpat-secret
expect "release component, weekly promotion" 0 "Release 1.1.0" "$work/promote.log"
[ "$(git --git-dir "$work/origin.git" log -1 --format=%s main)" = "Release 1.1.0" ] || fail "release component: origin's main is not the release commit"
[ "$(git --git-dir "$work/origin.git" rev-parse 'v1.1.0^{commit}')" = "$(git --git-dir "$work/origin.git" rev-parse main)" ] || fail "release component: no tag v1.1.0 on the release commit"
git --git-dir "$work/origin.git" show main:release-notes/1.1.0.md | grep -qF -- "- Projects can be exported as PDF." || fail "release component: 1.1.0.md lacks the entry"
git --git-dir "$work/origin.git" show main:release-notes/unreleased.md | grep -qF -- "- The new editor saves drafts." || fail "release component: the Internal entry left unreleased.md"
if grep -qF "glpat-secret" "$work/promote.log"; then fail "release component: the token appears in the job log"; fi
# Without the tag-prefix input the prefix is config.json's (none here: v), and the Release is named for the version.
grep -qx 'RELEASE_NAME=1.1.0' release.env 2>/dev/null || fail "release component: release.env does not name the Release 1.1.0"

run "$work/nothing.log" release-notes-promote "${schedule[@]}" --variable RELEASE_TOKEN=glpat-secret
expect "release component, nothing pending the next week" 0 "Nothing to promote" "$work/nothing.log"
fi

# --- The release component in a monorepo: included once per project, each promoting and tagging its own notes -------
if wants monorepo; then
git init -q --bare "$work/mono-origin.git"
project="$work/mono"
bf=$work/tool/bf-release-notes
mkdir -p "$project/templates" "$project/release-notes" "$project/services/billing/release-notes" "$project/apps/manage/release-notes"
cd "$project"
git init -q
cp "$root/templates/release.yml" templates/
cat > release-notes/config.json <<'JSON'
{
  "projects": [
    { "name": "manage", "folder": "apps/manage/release-notes", "paths": ["apps/manage/**"] },
    { "name": "billing", "folder": "services/billing/release-notes", "paths": ["services/billing/**"] }
  ]
}
JSON
printf '# 1.0.0 - 2026-11-11\n\n## Public\n\n### Added\n\n- Invoices.\n' > services/billing/release-notes/1.0.0.md
printf '# 2.3.0 - 2026-11-11\n\n## Public\n\n### Added\n\n- Boards.\n' > apps/manage/release-notes/2.3.0.md
"$bf" init --project billing > /dev/null && "$bf" init --project manage > /dev/null
# billing has a pending Public fix (auto: a patch release); manage has only an Internal entry, so nothing to publish.
"$bf" add --project billing --section public --type fixed "Invoices round to the cent." > /dev/null
"$bf" add --project manage --section internal --flag new-board --type added "The new board view." > /dev/null
include() { # include PROJECT [SUFFIX]: one include of the release component
  printf '  - local: templates/release.yml\n    inputs:\n      version: "1.0.0"\n      package-project: "tools%%2Fbf-release-notes"\n      project: %s\n' "$1"
  [ -z "${2:-}" ] || printf '      job-suffix: "%s"\n' "$2"
}
{ echo "include:"; include billing -billing; include manage -manage; } > .gitlab-ci.yml
git add -A && git commit -qm "Two projects, one release component each"
git remote add origin "$work/mono-origin.git" && git push -q origin main
mono_url="https://oauth2:glpat-secret@gitlab.example.com:443/team/mono.git"
mono_schedule=(--variable CI_PIPELINE_SOURCE=schedule --variable RELEASE_NOTES_WEEKLY=true --variable CI_DEFAULT_BRANCH=main
  --variable CI_SERVER_PROTOCOL=https --variable CI_SERVER_HOST=gitlab.example.com --variable CI_SERVER_PORT=443
  --variable CI_PROJECT_PATH=team/mono --variable "GITLAB_USER_NAME=Release Captain" --variable GITLAB_USER_EMAIL=captain@example.com
  --variable GIT_CONFIG_COUNT=1 --variable "GIT_CONFIG_KEY_0=url.$work/mono-origin.git.insteadOf" --variable "GIT_CONFIG_VALUE_0=$mono_url"
  --variable RELEASE_TOKEN=glpat-secret)
origin() { git --git-dir "$work/mono-origin.git" "$@"; }

# The jobs as GitLab creates them from the two includes: four names, each release job needing its own promote job,
# one resource group for every push.
set +e; "$gcl" --preview --home "$work/gcl-home" "${mono_schedule[@]}" > "$work/mono-preview.log" 2>&1; preview_exit=$?; set -e
jobs=$(grep -E '^release-notes-[a-z-]+:$' "$work/mono-preview.log" | sort | tr '\n' ' ' || true)
if [ "$preview_exit" -ne 0 ] || [ "$jobs" != "release-notes-promote-billing: release-notes-promote-manage: release-notes-release-billing: release-notes-release-manage: " ]; then
  fail "monorepo: the jobs of the two includes are '$jobs' (gitlab-ci-local exit $preview_exit)"; sed 's/^/    /' "$work/mono-preview.log" >&2
else
  grep -qF -- "- job: release-notes-promote-billing" "$work/mono-preview.log" && grep -qF -- "- job: release-notes-promote-manage" "$work/mono-preview.log" \
    || fail "monorepo: a release job does not need its own project's promote job"
  [ "$(grep -c 'resource_group: bf-release-notes-release$' "$work/mono-preview.log")" = 2 ] || fail "monorepo: the promote jobs do not share one resource group"
  [ "$(grep -c 'name: \$RELEASE_NAME$' "$work/mono-preview.log")" = 2 ] || fail "monorepo: the Releases are not named by RELEASE_NAME"
  echo "gitlab check: ok: monorepo, one job pair per include: $jobs"
fi

run "$work/mono-billing.log" release-notes-promote-billing "${mono_schedule[@]}"
expect "monorepo, the project with pending notes is promoted" 0 "Pushed the release commit and the tag billing/v1.0.1 to main" "$work/mono-billing.log"
[ "$(origin log -1 --format=%s main)" = "Release billing 1.0.1" ] || fail "monorepo: origin's main is not billing's release commit"
[ "$(origin tag -l)" = "billing/v1.0.1" ] || fail "monorepo: origin's tags are '$(origin tag -l | tr '\n' ' ')', expected only billing/v1.0.1"
[ "$(origin rev-parse 'billing/v1.0.1^{commit}')" = "$(origin rev-parse main)" ] || fail "monorepo: billing/v1.0.1 is not on the release commit"
[ "$(origin diff --name-only main~1 main | tr '\n' ' ')" = "services/billing/release-notes/1.0.1.md services/billing/release-notes/unreleased.md " ] \
  || fail "monorepo: billing's release commit holds $(origin diff --name-only main~1 main | tr '\n' ' ')"
origin show main:services/billing/release-notes/1.0.1.md | grep -qF -- "- Invoices round to the cent." || fail "monorepo: billing's 1.0.1.md lacks the entry"
origin show main:apps/manage/release-notes/unreleased.md | grep -qF -- "- The new board view." || fail "monorepo: manage's Internal entry left its unreleased.md"
grep -qx 'RELEASE_NAME=billing 1.0.1' release.env 2>/dev/null && grep -qx 'RELEASE_TAG=billing/v1.0.1' release.env \
  || fail "monorepo: release.env does not name the Release 'billing 1.0.1' with tag billing/v1.0.1"
diff <("$bf" show 1.0.1 --project billing --no-title) release-description.md > /dev/null || fail "monorepo: the Release description is not 'show 1.0.1 --project billing --no-title'"
if grep -qF "glpat-secret" "$work/mono-billing.log"; then fail "monorepo: the token appears in the job log"; fi

released=$(origin rev-parse main)
run "$work/mono-manage.log" release-notes-promote-manage "${mono_schedule[@]}"
expect "monorepo, the project with nothing pending publishes nothing" 0 "Nothing to promote: Public and Beta of project manage are empty" "$work/mono-manage.log"
[ "$(origin rev-parse main)" = "$released" ] && [ "$(origin tag -l)" = "billing/v1.0.1" ] || fail "monorepo: manage's job changed origin"
grep -qx 'RELEASE_PROMOTED=false' release.env 2>/dev/null || fail "monorepo: manage's release.env does not say nothing was promoted"

# The next week both projects have notes. Their jobs run one after the other (their resource group), the second on the
# tip the first pushed, so both releases land: two commits, two tags.
git checkout -q main
"$bf" add --project billing --section public --type fixed "Credit notes keep their number." > /dev/null
"$bf" add --project manage --section public --type added "Boards can be archived." > /dev/null
git commit -qam "A week of work in both projects" && git push -q origin main
run "$work/mono-both-billing.log" release-notes-promote-billing "${mono_schedule[@]}"
expect "monorepo, both pending: billing first" 0 "the tag billing/v1.0.2 to main" "$work/mono-both-billing.log"
run "$work/mono-both-manage.log" release-notes-promote-manage "${mono_schedule[@]}"
expect "monorepo, both pending: manage on billing's release" 0 "the tag manage/v2.4.0 to main" "$work/mono-both-manage.log"
[ "$(origin log -2 --format=%s main | tr '\n' '|')" = "Release manage 2.4.0|Release billing 1.0.2|" ] || fail "monorepo: origin's main ends with $(origin log -2 --format=%s main | tr '\n' '|')"
[ "$(origin tag -l | tr '\n' ' ')" = "billing/v1.0.1 billing/v1.0.2 manage/v2.4.0 " ] || fail "monorepo: origin's tags are $(origin tag -l | tr '\n' ' ')"
[ "$(origin rev-parse 'manage/v2.4.0^{commit}')" = "$(origin rev-parse main)" ] && [ "$(origin rev-parse 'billing/v1.0.2^{commit}')" = "$(origin rev-parse main~1)" ] \
  || fail "monorepo: the tags are not on their release commits"
origin show main:apps/manage/release-notes/2.4.0.md | grep -qF -- "- Boards can be archived." || fail "monorepo: manage's 2.4.0.md lacks the entry"
origin show main:apps/manage/release-notes/unreleased.md | grep -qF -- "- The new board view." || fail "monorepo: manage's Internal entry left its unreleased.md"
released=$(origin rev-parse main)

# Two includes with a project but no job-suffix would merge into one job that releases one project only: refused.
{ echo "include:"; include billing; include manage; } > .gitlab-ci.yml
run "$work/mono-merged.log" release-notes-promote "${mono_schedule[@]}"
expect "monorepo, includes without job-suffix are refused" 1 "but job-suffix is empty" "$work/mono-merged.log"
[ "$(origin rev-parse main)" = "$released" ] || fail "monorepo: the refused job changed origin"
git checkout -q -- .gitlab-ci.yml
fi

if [ "$failures" -gt 0 ]; then
  echo "gitlab check: $failures failure(s)" >&2
  exit 1
fi
echo "gitlab check: passed (gitlab-ci-local $("$gcl" --version) ran the check component, the README job and the release component, also once per project of a monorepo)"
