#!/usr/bin/env python3
"""Writes the inputs of Cases/Diagnostics once. Text cases could be written by hand; this script exists for the
byte-level ones (invalid UTF-8, NUL bytes, BOM, deep nesting) so they stay tiny and reproducible.
expected.txt and hint.txt are written by hand, not by this script."""
import os

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Diagnostics")

def write(folder, name, data):
    path = os.path.join(here, folder)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

template = "# Unreleased\n\n## Public\n\n### Added\n\n"

write("BFRN001-invalid-utf8", "unreleased.md", template.encode() + b"- Caf\xe9 menu loads faster.\n")
write("BFRN002-binary-file", "unreleased.md", b"# Unreleased\n\n\x00\x01\x02\x03PK\x03\x04\n")
write("BFRN003-empty-file", "unreleased.md", b"")
write("BFRN004-byte-order-mark", "unreleased.md", b"\xef\xbb\xbf" + (template + "- Exports are faster.\n").encode())
write("BFRN005-quotes-nested-too-deeply", "unreleased.md", template + "- Quote:\n\n  " + "> " * 200 + "deep\n")
