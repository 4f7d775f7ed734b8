#!/usr/bin/env python3
"""Every diagnostic rule id the code can emit is documented in docs/validate.md, and every rule
the documentation lists exists in the code: the two cannot drift apart."""
import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", help="unused; accepted like every e2e test")
    parser.parse_args()
    emitted = set()
    for src in (ROOT / "src").rglob("*.cpp"):
        text = src.read_text(encoding="utf-8")
        emitted |= set(re.findall(r'\.(?:error|warning)\(\s*"([a-z0-9-]+)"', text))
        emitted |= set(re.findall(r'Severity::(?:error|warning),\s*"([a-z0-9-]+)"', text))
        emitted |= set(re.findall(r'Diagnostic\{\s*\w+,\s*"([a-z0-9-]+)"', text))  # severity from the caller
    doc = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9-]+)`(?:, `([a-z0-9-]+)`)?", doc, re.M))
    documented = {r for pair in documented for r in pair if r}
    failures = []
    for rule in sorted(emitted - documented):
        failures.append(f"rule '{rule}' is emitted by src/ but not documented in docs/validate.md")
    for rule in sorted(documented - emitted):
        failures.append(f"rule '{rule}' is documented in docs/validate.md but never emitted by src/")
    if len(emitted) < 30:
        failures.append(f"found only {len(emitted)} rule ids in src/: the pattern no longer matches the code")
    for f in failures:
        print("FAIL", f)
    print(f"{len(emitted)} rules emitted, {len(documented)} documented")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
