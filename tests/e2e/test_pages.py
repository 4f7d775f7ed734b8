#!/usr/bin/env python3
"""The generated pages against the real ones: every difference must be an intended one.

wtool generates the site's pages and news posts from data/episodes.toml. This test diffs each
against the page the organisers wrote by hand (tests/data/reference/) with GNU `diff -u` and
compares that diff with a committed one (tests/golden/*.diff). Every hunk of those committed diffs is explained in
docs/catalogue.md, "Differences between generated and current pages": a layout the templates
normalise, or a slip the catalogue corrects. A new difference, or one that went away, fails the
test until the golden diff (and the explanation) is updated.

Run:         tests/e2e/test_pages.py --wtool build/dev/wtool
Regenerate:  tests/e2e/test_pages.py --wtool build/dev/wtool --update   (then read the diff!)
"""
import argparse
import difflib
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests" / "data" / "reference"
GOLDEN = ROOT / "tests" / "golden"
CATALOGUE = "data/episodes.toml"
AFTER_SEASON_9 = "2026-06-01T12:00:00Z"  # season 10 (TBA) is next: the current pages
BEFORE_SEASON_9 = "2026-02-01T12:00:00Z"  # season 9 is next: the seed


def run(wtool, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
    proc = subprocess.run([wtool, "--catalogue", CATALOGUE, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise SystemExit(f"wtool {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def unified(reference_name, reference_text, generated_text):
    """GNU diff -u with one line of context (difflib's diffs of pages with many repeated lines,
    such as "---" separators and blank lines, are correct but far from minimal)."""
    with tempfile.TemporaryDirectory() as tmp:
        ref, gen = pathlib.Path(tmp, "reference"), pathlib.Path(tmp, "generated")
        ref.write_text(reference_text, encoding="utf-8")
        gen.write_text(generated_text, encoding="utf-8")
        proc = subprocess.run(["diff", "-U1", "--label", "reference/" + reference_name,
                               "--label", "generated/" + reference_name, str(ref), str(gen)],
                              capture_output=True, text=True, encoding="utf-8")
    if proc.returncode > 1:
        raise SystemExit(f"diff failed: {proc.stderr}")
    return proc.stdout


def comparisons(wtool):
    """(golden diff name, [(reference name, reference text, generated text)])."""
    site = REFERENCE / "site"
    yield "webinar.md.diff", [("_pages/webinar.md", (site / "_pages/webinar.md").read_text(encoding="utf-8"),
                               run(wtool, "--now", AFTER_SEASON_9, "page", "webinar"))]
    yield "webinar_talks.md.diff", [("_pages/webinar_talks.md",
                                     (site / "_pages/webinar_talks.md").read_text(encoding="utf-8"),
                                     run(wtool, "--now", AFTER_SEASON_9, "page", "talks"))]
    yield "webinar-season9.md.diff", [("seed-webinar.md", (REFERENCE / "seed-webinar.md").read_text(encoding="utf-8"),
                                       run(wtool, "--now", BEFORE_SEASON_9, "page", "webinar"))]
    posts = []
    for path in sorted((site / "_news").glob("*_webinar_*.md")):
        season = path.stem.rsplit("_", 1)[1]
        posts.append(("_news/" + path.name, path.read_text(encoding="utf-8"),
                      run(wtool, "--now", AFTER_SEASON_9, "news", season)))
    yield "news.diff", posts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    parser.add_argument("--update", action="store_true", help="rewrite the golden diffs")
    args = parser.parse_args()
    wtool = str(pathlib.Path(args.wtool).resolve())

    failures = 0
    for golden_name, files in comparisons(wtool):
        actual = "".join(unified(name, ref, gen) for name, ref, gen in files)
        golden = GOLDEN / golden_name
        if args.update:
            golden.write_text(actual, encoding="utf-8")
            print(f"updated {golden.relative_to(ROOT)}")
            continue
        expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
        if actual == expected:
            print(f"ok   {golden.relative_to(ROOT)}: {actual.count(chr(10) + '@@')} hunks, all expected")
            continue
        failures += 1
        print(f"FAIL {golden.relative_to(ROOT)}: the differences from the reference changed")
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(keepends=True),
                                                   actual.splitlines(keepends=True),
                                                   fromfile="expected diff", tofile="actual diff"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
