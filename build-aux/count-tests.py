#!/usr/bin/python3
"""Counts test cases in meson's testlog.json files.

A TAP test (every g_test program) counts each of its cases; any other test
counts once. Prints one line "N passed, N failed[, N skipped]" and exits 1
when anything failed."""

import json
import re
import sys

passed = failed = skipped = 0
tap_line = re.compile(r"^(not ok|ok)\b[^#]*(#\s*(SKIP|TODO)\b)?", re.IGNORECASE)

for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            entries = [json.loads(line) for line in f if line.strip()]
    except OSError as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    for entry in entries:
        result = entry.get("result", "")
        cases = []
        if entry.get("protocol") == "tap" or "--tap" in entry.get("command", []):
            for line in (entry.get("stdout") or "").splitlines():
                m = tap_line.match(line.strip())
                if m:
                    cases.append(("skip" if m.group(3) else
                                  "fail" if m.group(1).lower() == "not ok" else "ok"))
        if cases:
            passed += cases.count("ok")
            failed += cases.count("fail")
            skipped += cases.count("skip")
            # A crash after the last case, or a case that never reported.
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and "fail" not in cases:
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
