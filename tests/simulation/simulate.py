#!/usr/bin/env python3
"""Many merge requests, one unreleased.md: a simulation in a real git repository.

Not a test (nothing here is timed or asserted in CI): it measures what issue 8 is about and prints the table the
README shows. Each mode replays the same plan of merge requests (same seed):

  plain   git's default merge (a conflict is counted, then the merge request is redone on top of main, as a
          developer would after 'git merge --abort');
  union   '<folder>/unreleased.md merge=union' only, as GitLab's merge button applies it;
  driver  'bf-release-notes merge-driver install': git runs the structural merge.

Merge requests branch from staggered points of main (a pool of open ones, merged in random order); each adds 1-3
entries across Public/Beta/Internal (Internal under a feature flag), some reword their own entry in a second commit,
a few graduate a flag or remove a pending entry (the edit label); every 20 merges main gets the weekly promotion.
After every merge 'lint' runs (its errors counted) and, when it fails, 'lint --fix' repairs what it can (committed
like a follow-up merge request); a merge it cannot repair is undone and the merge request redone on top of main.
The expected content is computed from the operations and compared with the files at the end.

Usage: tests/simulation/simulate.py --binary artifacts/aot/bf-release-notes [--mrs 200] [--seed 8] [--modes plain,union,driver]
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

SECTIONS = ["public", "beta", "internal"]
TYPES = ["added", "changed", "fixed", "security"]
FLAGS = ["new-editor", "bulk-export", "dark-mode", "sso"]
# Entries read like notes people write: varied sentences, not one template with a number changed.
SUBJECTS = ["Exports of large projects", "Search in the archive", "The new editor", "Uploads over slow links", "Sign-in with SSO",
            "The billing page", "Invoices in PDF", "Keyboard shortcuts", "The mobile dashboard", "Comment threads", "Webhooks",
            "The audit log", "Team invitations", "Calendar sync"]
VERBS = ["no longer time out", "keep accented letters", "show a clear error", "load twice as fast", "work offline",
         "respect the time zone", "remember the last filter", "can be undone", "are listed by date", "support dark mode"]
DETAILS = ["when the network drops", "for admins", "on Safari", "in every language", "after an update", "for guests",
           "with screen readers", "in shared folders", "on the first visit", "for large teams"]


class Repo:
    def __init__(self, root, binary):
        self.root = root
        self.binary = binary
        env = dict(os.environ)
        env.update({"GIT_CONFIG_NOSYSTEM": "1", "HOME": root + "-home", "GIT_EDITOR": "true",
                    "GIT_AUTHOR_DATE": "2026-11-25T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-25T12:00:00Z"})
        os.makedirs(env["HOME"], exist_ok=True)
        self.env = env

    def run(self, *args, check=True):
        result = subprocess.run(list(args), cwd=self.root, env=self.env, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise SystemExit(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
        return result

    def git(self, *args, check=True):
        return self.run("git", *args, check=check)

    def tool(self, *args, check=True):
        return self.run(self.binary, *args, check=check)

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    @property
    def unreleased_path(self):
        return os.path.join(self.root, "release-notes", "unreleased.md")


def parse_entries(text):
    """(section, type, flag, text) of every top-level entry; the simulation writes one-line entries."""
    section = change = flag = None
    entries = []
    for line in text.splitlines():
        if line.startswith("## "):
            section, change, flag = line[3:].strip().lower(), None, None
        elif line.startswith("### "):
            change, flag = line[4:].strip().lower(), None
        elif line.startswith("#### "):
            match = re.search(r"`([^`]*)`", line)
            flag = match.group(1) if match else None
        elif line.startswith("- "):
            entries.append((section, change, flag, line[2:].strip()))
    return entries


def plan(count, seed):
    """The merge requests and the order events happen in, the same for every mode."""
    rng = random.Random(seed)
    requests = []
    for number in range(1, count + 1):
        ops = []
        for index in range(rng.randint(1, 3)):
            section = rng.choices(SECTIONS, weights=[5, 2, 3])[0]
            ops.append(("add", section, rng.choice(TYPES), rng.choice(FLAGS) if section == "internal" else None,
                        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(DETAILS)} (MR {number}, change {index + 1})."))
        if rng.random() < 0.2:
            ops.append(("reword", 0))
        roll = rng.random()
        if roll < 0.05:
            ops.append(("graduate", rng.choice(FLAGS)))
        elif roll < 0.10:
            ops.append(("remove", rng.random()))
        requests.append({"number": number, "ops": ops, "merge_key": rng.random()})
    # Open 1-3 merge requests, then merge one chosen at random from the open ones: branch points are staggered.
    events, open_count, opened = [], 0, 0
    while opened < count or open_count > 0:
        if opened < count and (open_count < 2 or rng.random() < 0.55):
            for _ in range(min(rng.randint(1, 3), count - opened)):
                events.append(("open", opened))
                opened += 1
                open_count += 1
        else:
            events.append(("merge", rng.random()))
            open_count -= 1
    return requests, events


class Expected:
    """The content the operations call for: pending entries by place, and what each release published."""

    def __init__(self):
        self.pending = {}  # text -> (section, type, flag)
        self.published = []  # texts, once per publication

    def apply(self, effects):
        for effect in effects:
            kind = effect[0]
            if kind == "add":
                _, section, change, flag, text = effect
                self.pending[text] = (section, change, flag)
            elif kind == "reword":
                _, old, new = effect
                if old in self.pending:
                    self.pending[new] = self.pending.pop(old)
            elif kind == "move":
                _, text = effect
                if text in self.pending and self.pending[text][0] == "internal":
                    self.pending[text] = ("beta", self.pending[text][1], None)
            elif kind == "remove":
                self.pending.pop(effect[1], None)

    def promote(self):
        for text, (section, _, _) in list(self.pending.items()):
            if section in ("public", "beta"):
                self.published.append(text)
                del self.pending[text]


def do_request(repo, request, branch):
    """Runs a merge request's operations on a new branch from main; returns the effects on the expected content."""
    repo.git("checkout", "-q", "-b", branch, "main")
    effects, own = [], []
    for op in request["ops"]:
        if op[0] == "add":
            _, section, change, flag, text = op
            args = ["add", "--section", section, "--type", change, text] + (["--flag", flag] if flag else [])
            repo.tool(*args)
            own.append(text)
            effects.append(("add", section, change, flag, text))
            repo.commit(f"MR {request['number']}: {text}")
        elif op[0] == "reword" and own:
            old, new = own[0], own[0].replace(" (MR ", ", as promised (MR ", 1)
            with open(repo.unreleased_path, encoding="utf-8") as handle:
                content = handle.read()
            with open(repo.unreleased_path, "w", encoding="utf-8", newline="") as handle:
                handle.write(content.replace("- " + old + "\n", "- " + new + "\n", 1))
            own[0] = new
            effects.append(("reword", old, new))
            repo.commit(f"MR {request['number']}: reword")
        elif op[0] == "graduate":
            with open(repo.unreleased_path, encoding="utf-8") as handle:
                moving = [text for section, _, flag, text in parse_entries(handle.read()) if section == "internal" and flag == op[1]]
            if moving and repo.tool("flags", "graduate", op[1], "--to", "beta", check=False).returncode == 0:
                effects.extend(("move", text) for text in moving)
                repo.commit(f"MR {request['number']}: graduate {op[1]}")
        elif op[0] == "remove":
            with open(repo.unreleased_path, encoding="utf-8") as handle:
                content = handle.read()
            others = [text for _, _, _, text in parse_entries(content) if text not in own]
            if others:
                victim = others[int(op[1] * len(others))]
                with open(repo.unreleased_path, "w", encoding="utf-8", newline="") as handle:
                    handle.write(content.replace("- " + victim + "\n", "", 1))
                effects.append(("remove", victim))
                repo.commit(f"MR {request['number']}: remove an entry (label release-notes::edit)")
    repo.git("checkout", "-q", "main")
    return effects


def lint_errors(repo):
    result = repo.tool("lint", check=False)
    match = re.search(r"(\d+) error\(s\)", result.stdout)
    return int(match.group(1)) if match else (0 if result.returncode == 0 else 1)


def simulate(mode, binary, requests, events, workdir):
    root = os.path.join(workdir, mode)
    os.makedirs(root)
    repo = Repo(root, binary)
    repo.git("init", "-q", "-b", "main", ".")
    repo.git("config", "user.name", "Simulation")
    repo.git("config", "user.email", "simulation@example.com")
    repo.tool("init")
    if mode == "union":
        with open(os.path.join(root, ".gitattributes"), "w") as handle:
            handle.write("release-notes/unreleased.md merge=union\n")
    elif mode == "driver":
        repo.tool("merge-driver", "install", "--command", "'" + binary + "'")
    repo.commit("Start")

    expected = Expected()
    stats = {"merges": 0, "conflicts": 0, "merges_with_lint_errors": 0, "lint_errors": 0, "fixed_by_lint_fix": 0, "left_unfixed": 0}
    open_requests = []
    version = 0
    for event in events:
        if event[0] == "open":
            request = requests[event[1]]
            effects = do_request(repo, request, f"mr-{request['number']}")
            open_requests.append((request, effects))
            continue

        request, effects = open_requests.pop(int(event[1] * len(open_requests)))
        branch = f"mr-{request['number']}"
        merged = repo.git("merge", "-q", "--no-ff", "--no-edit", branch, check=False)
        if merged.returncode != 0:
            stats["conflicts"] += 1
            if mode == "driver":
                print(f"  [driver] MR {request['number']} conflicts: {(merged.stdout + merged.stderr).strip()}", file=sys.stderr)
                print(repo.git("diff", check=False).stdout[:3000], file=sys.stderr)
            # As a developer does after a conflict: abort, then redo the merge request on top of main.
            repo.git("merge", "--abort", check=False)
            effects = do_request(repo, request, branch + "-redo")
            repo.git("merge", "-q", "--no-ff", "--no-edit", branch + "-redo")
        errors = lint_errors(repo)
        if errors:
            # A merge git called clean can still leave a file that does not lint (a heading twice, an entry back from
            # a release): 'lint --fix' repairs it as a follow-up commit; what it cannot repair is undone and redone.
            stats["merges_with_lint_errors"] += 1
            stats["lint_errors"] += errors
            repo.tool("lint", "--fix", check=False)
            if lint_errors(repo) == 0:
                stats["fixed_by_lint_fix"] += 1
                repo.commit("lint --fix after the merge")
            else:
                stats["left_unfixed"] += 1
                print(f"  [{mode}] after MR {request['number']}, lint --fix cannot repair:\n{repo.tool('lint', check=False).stderr}", file=sys.stderr)
                repo.git("reset", "-q", "--hard", "HEAD~1")
                effects = do_request(repo, request, branch + "-redo")
                repo.git("merge", "-q", "--no-ff", "--no-edit", branch + "-redo")
        stats["merges"] += 1
        expected.apply(effects)

        if stats["merges"] % 20 == 0:
            version += 1
            result = repo.tool("promote", "--version", f"1.{version}.0", "--date", "2026-11-25", check=False)
            if result.returncode == 0:
                expected.promote()
                repo.commit(f"Release 1.{version}.0")
            else:
                print(f"  [{mode}] promotion 1.{version}.0 refused: {result.stderr.strip().splitlines()[-1]}", file=sys.stderr)

    with open(repo.unreleased_path, encoding="utf-8") as handle:
        actual_pending = parse_entries(handle.read())
    published = []
    folder = os.path.join(root, "release-notes")
    for name in sorted(os.listdir(folder)):
        if name != "unreleased.md" and name.endswith(".md"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                published.extend(text for _, _, _, text in parse_entries(handle.read()))

    everything = [text for _, _, _, text in actual_pending] + published
    expected_texts = list(expected.pending) + expected.published
    lost = [text for text in expected_texts if text not in everything]
    duplicated = [text for text in set(everything) if everything.count(text) > 1]
    misplaced = [text for section, change, flag, text in actual_pending
                 if text in expected.pending and expected.pending[text] != (section, change, flag)]
    for text in misplaced:
        print(f"  [{mode}] misplaced: '{text}' is under {[place for place in actual_pending if place[3] == text][0][:3]}, expected {expected.pending[text]}", file=sys.stderr)
    stats.update({"lost": len(lost), "published_twice": len(duplicated), "misplaced": len(misplaced),
                  "final_lint_errors": lint_errors(repo), "entries": len(expected_texts)})
    return stats


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the bf-release-notes binary (the NativeAOT one is fastest)")
    parser.add_argument("--mrs", type=int, default=200, help="merge requests per mode (default 200)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--modes", default="plain,union,driver")
    parser.add_argument("--keep", action="store_true", help="keep the repositories (their path is printed)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    requests, events = plan(args.mrs, args.seed)
    workdir = tempfile.mkdtemp(prefix="bfrn-simulation-")
    rows = []
    try:
        for mode in args.modes.split(","):
            print(f"simulating {mode} ({args.mrs} merge requests)...", file=sys.stderr)
            rows.append((mode, simulate(mode, binary, requests, events, workdir)))
    finally:
        if args.keep:
            print(f"repositories kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    names = {"plain": "plain git", "union": "`merge=union` (GitLab's button), then `lint --fix`", "driver": "structural driver (`merge-driver install`)"}
    print(f"| set-up ({args.mrs} MRs, seed {args.seed}) | merges | conflicts | clean merges that fail `lint` | repaired by `lint --fix` | undone (not repairable) | entries lost | entries twice | entries misplaced | lint errors at the end |")
    print("|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode, stats in rows:
        conflict_rate = f"{stats['conflicts']} ({100 * stats['conflicts'] / max(stats['merges'], 1):.0f}%)"
        print(f"| {names.get(mode, mode)} | {stats['merges']} | {conflict_rate} | {stats['merges_with_lint_errors']} ({stats['lint_errors']} errors) | "
              f"{stats['fixed_by_lint_fix']} | {stats['left_unfixed']} | {stats['lost']} | {stats['published_twice']} | {stats['misplaced']} | {stats['final_lint_errors']} |")


if __name__ == "__main__":
    main()
