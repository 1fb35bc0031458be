#!/usr/bin/env python3
"""Writes a large ClickUp export (old layout) for the import's memory benchmark.

Usage: clickup-export.py ROWS OUT.csv
About 350 bytes a row, 100 releases, a task description on most rows, 30 % of the due dates re-saved by a
spreadsheet as '1.73E+12' (read from their text twin, one warning each), 5 % of rows rejected (open status,
no change-type tag, a version that is not SemVer).
"""
import csv
import datetime
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
header = ["Task ID", "Task Name", "Task Content", "Status", "Date Created", "Date Created Text", "Due Date",
          "Due Date Text", "Tags", "List Name", "Folder Name", "Space Name", "Release (drop down)"]
words = "export search editor project report import dashboard invoice upload sync filter chart Zürich 東京".split()
tags = ["[feature]", "[bug]", "[improvement]", "[security, beta]", "[bug, public]", "[removal]"]
releases = 100
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(header)
    for i in range(rows):
        release = i * releases // rows
        # Released at 4 PM in GMT+1, one release a week; the text twin says the same instant.
        day = datetime.datetime(2024, 1, 5, 15, 0, tzinfo=datetime.timezone.utc) + datetime.timedelta(weeks=release)
        due = int(day.timestamp() * 1000)
        local = day + datetime.timedelta(hours=1)
        created = due - random.randint(1, 30) * 86400000
        name = " ".join(random.choice(words) for _ in range(8)).capitalize() + f" ({i})"
        content = "" if i % 5 == 0 else "\\n".join(" ".join(random.choice(words) for _ in range(10)) for _ in range(2))
        status, tag, version = "complete", random.choice(tags), f"Release {1 + release // 50}.{release % 50}.0"
        if i % 20 == 7:
            status = "open"
        elif i % 20 == 13:
            tag = "[chore]"
        elif i % 40 == 3:
            version = "Release next"
        due_cell = f"{due / 1e12:.2f}E+12" if i % 10 < 3 else str(due)
        w.writerow([f"86b{i:07x}", name, content, status, created, "", due_cell,
                    f"{local.month}/{local.day}/{local.year}, 4:00:00 PM GMT+1", tag, "Release Notes",
                    "Harbor Web", "Product", version])
