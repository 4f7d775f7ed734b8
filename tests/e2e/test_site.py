#!/usr/bin/env python3
"""`--site DIR` and `--output FILE`: pages and posts written into a Jekyll tree, atomically, only
when they change, with one line per file saying what happened.

Works on a temporary copy of the real site (tests/data/reference/site) and on an empty folder.
Run: tests/e2e/test_site.py --wtool build/dev/wtool
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "data" / "reference" / "site"
NOW = "2026-06-01T12:00:00Z"

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def wtool(binary, *args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
    return subprocess.run([binary, "--catalogue", str(ROOT / "data" / "episodes.toml"), "--now", NOW, *args],
                          cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")


def files_in(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_real_site(binary, tmp):
    site = tmp / "site"
    shutil.copytree(SITE, site)
    before = files_in(site)

    first = wtool(binary, "page", "webinar", "talks", "--site", str(site))
    check(first.returncode == 0, f"page webinar talks --site: exit 0 (got {first.returncode}: {first.stderr})")
    check(first.stdout == "updated _pages/webinar.md\nupdated _pages/webinar_talks.md\n",
          f"first run reports both pages updated: {first.stdout!r}")
    for page, name in (("webinar", "_pages/webinar.md"), ("talks", "_pages/webinar_talks.md")):
        printed = wtool(binary, "page", page).stdout
        check((site / name).read_text(encoding="utf-8") == printed, f"{name} holds what 'page {page}' prints")

    second = wtool(binary, "page", "webinar", "talks", "--site", str(site))
    check(second.stdout == "unchanged _pages/webinar.md\nunchanged _pages/webinar_talks.md\n",
          f"second run reports both pages unchanged: {second.stdout!r}")

    news = wtool(binary, "news", "9", "--site", str(site))
    check(news.stdout == "updated _news/20260302_webinar_9.md\n", f"news 9 --site updates the post: {news.stdout!r}")
    check((site / "_news/20260302_webinar_9.md").read_text(encoding="utf-8") == wtool(binary, "news", "9").stdout,
          "the post holds what 'news 9' prints")
    again = wtool(binary, "news", "9", "--site", str(site))
    check(again.stdout == "unchanged _news/20260302_webinar_9.md\n", f"news 9 again is unchanged: {again.stdout!r}")

    quiet = wtool(binary, "-q", "news", "8", "--site", str(site))
    check(quiet.returncode == 0 and quiet.stdout == "", f"--quiet writes without a word: {quiet.stdout!r}")

    tba = wtool(binary, "news", "10", "--site", str(site))
    check(tba.returncode == 4 and tba.stdout == "", f"news 10 (no date) exits 4 and writes nothing: {tba.returncode}")
    check(files_in(site) == before, "no file was added to the site, no temporary file left behind")


def test_whole_site(binary, tmp):
    """`page --site DIR` with no page: both pages, plus the news posts that are missing; an
    existing post is never replaced (it may have been edited by hand)."""
    site = tmp / "whole"
    shutil.copytree(SITE, site)
    post9 = site / "_news/20260302_webinar_9.md"
    hand_written = post9.read_text(encoding="utf-8")
    post8 = site / "_news/20251020_webinar_8.md"
    post8.unlink()

    first = wtool(binary, "page", "--site", str(site))
    check(first.returncode == 0, f"page --site: exit 0 (got {first.returncode}: {first.stderr})")
    check(first.stdout == "updated _pages/webinar.md\nupdated _pages/webinar_talks.md\n"
                         "created _news/20251020_webinar_8.md\n",
          f"page --site updates both pages and creates only the missing post: {first.stdout!r}")
    check(post8.read_text(encoding="utf-8") == wtool(binary, "news", "8").stdout, "the created post is 'news 8'")
    check(post9.read_text(encoding="utf-8") == hand_written, "the existing, hand-written post 9 is kept as it was")

    second = wtool(binary, "page", "--site", str(site))
    check(second.stdout == "unchanged _pages/webinar.md\nunchanged _pages/webinar_talks.md\n",
          f"a second run changes nothing and says so: {second.stdout!r}")

    # Before season 9 has taken place there is no post for it to create.
    post9.unlink()
    early = subprocess.run([binary, "--catalogue", str(ROOT / "data" / "episodes.toml"), "--now",
                            "2026-02-01T12:00:00Z", "page", "--site", str(site)],
                           capture_output=True, text=True, encoding="utf-8")
    check("_news/20260302_webinar_9.md" not in early.stdout and not post9.exists(),
          f"no post is written for a season that has not happened: {early.stdout!r}")

    bare = wtool(binary, "page")
    check(bare.returncode == 2 and "--site DIR" in bare.stderr,
          f"'page' without a page or --site is a usage error: {bare.returncode} {bare.stderr!r}")


def test_empty_site(binary, tmp):
    site = tmp / "empty"
    site.mkdir()
    run = wtool(binary, "page", "talks", "--site", str(site))
    check(run.stdout == "created _pages/webinar_talks.md\n", f"a new page is 'created': {run.stdout!r}")
    run = wtool(binary, "news", "1", "--site", str(site))
    check(run.stdout == "created _news/20230227_webinar_1.md\n", f"the _news folder is made: {run.stdout!r}")
    check(files_in(site) == ["_news/20230227_webinar_1.md", "_pages/webinar_talks.md"],
          f"only those two files exist: {files_in(site)}")


def test_output_file(binary, tmp):
    out = tmp / "announce.md"
    run = wtool(binary, "announce", "--output", str(out))
    check(run.returncode == 0 and run.stdout == "", "announce --output prints nothing")
    check(out.read_text(encoding="utf-8") == wtool(binary, "announce").stdout, "the file holds the announcement")
    bad = wtool(binary, "page", "webinar", "--output", str(tmp / "no-such-dir" / "x.md"))
    check(bad.returncode == 2 and "cannot write" in bad.stderr, f"an unwritable --output fails cleanly: {bad.stderr!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    args = parser.parse_args()
    binary = str(pathlib.Path(args.wtool).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        test_real_site(binary, pathlib.Path(tmp))
        test_whole_site(binary, pathlib.Path(tmp))
        test_empty_site(binary, pathlib.Path(tmp))
        test_output_file(binary, pathlib.Path(tmp))
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
