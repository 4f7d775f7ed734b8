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
    check(tba.returncode == 2 and tba.stdout == "", f"news 10 (no date) exits 2 and writes nothing: {tba.returncode}")
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


def snapshot(folder):
    """Every file and folder under `folder` with its bytes and mode, to prove nothing changed."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None, p.stat().st_mode)
            for p in sorted(folder.rglob("*"))}


def test_all_or_nothing(binary, tmp):
    """Every target is checked before any file is written: with one bad target (the second), not
    even the good first page is written, and every problem is listed."""
    site = tmp / "all-or-nothing"
    shutil.copytree(SITE, site)
    talks = site / "_pages/webinar_talks.md"
    talks.unlink()
    talks.mkdir()  # a folder where the talks page goes
    before = snapshot(site)
    run = wtool(binary, "page", "webinar", "talks", "--site", str(site))
    check(run.returncode == 2 and run.stdout == "", f"a folder at the second target: exit 2, nothing printed: "
                                                    f"{run.returncode} {run.stdout!r}")
    check(run.stderr == f"wtool: error: '{talks}' is a folder; [site] talks_page '_pages/webinar_talks.md' must "
                        "name a file; nothing was written\n", f"says why: {run.stderr!r}")
    check(snapshot(site) == before, "nothing was written, not even the first page")

    # Several problems at once, all listed: the webinar page read-only (refused for root too: the
    # mode allows nobody to write), the talks page a folder, and a file where the news folder goes.
    webinar = site / "_pages/webinar.md"
    os.chmod(webinar, 0o444)
    news = site / "_news"
    shutil.rmtree(news)
    news.write_text("not a folder")
    before = snapshot(site)
    run = wtool(binary, "page", "--site", str(site))
    check(run.returncode == 2 and run.stdout == "", f"three problems: exit 2, nothing printed: {run.stdout!r}")
    lines = run.stderr.splitlines()
    check(lines[:1] == ["wtool: error: 3 problems with the files to write into the site; nothing was written:"]
          and len(lines) == 4, f"a list of every problem, each once: {run.stderr!r}")
    check(f"  '{webinar}' is read-only (mode 0444): refusing to replace it; make it writable (chmod u+w "
          f"'{webinar}') if it should change" in lines, f"the read-only page is listed: {run.stderr!r}")
    check(f"  '{talks}' is a folder; [site] talks_page '_pages/webinar_talks.md' must name a file" in lines,
          f"the folder is listed: {run.stderr!r}")
    check(f"  '{news}' is a file where [site] news_dir '_news' needs a folder" in lines,
          f"the news posts' folder is listed: {run.stderr!r}")
    check(snapshot(site) == before, "nothing was written")

    # Unchanged content needs no write: a read-only page that is up to date is no problem.
    os.chmod(webinar, 0o644)
    talks.rmdir()
    news.unlink()
    check(wtool(binary, "page", "webinar", "--site", str(site)).returncode == 0, "the webinar page is written")
    os.chmod(webinar, 0o444)
    run = wtool(binary, "page", "webinar", "--site", str(site))
    check(run.returncode == 0 and run.stdout == "unchanged _pages/webinar.md\n",
          f"a read-only page that would not change: {run.returncode} {run.stdout!r} {run.stderr!r}")
    os.chmod(webinar, 0o644)

    # news --site checks its one target the same way.
    news.write_text("not a folder")
    run = wtool(binary, "news", "9", "--site", str(site))
    check(run.returncode == 2 and f"'{news}' is a file where [site] news_dir '_news' needs a folder; nothing was "
          "written" in run.stderr, f"news --site: {run.stderr!r}")


def test_links_kept(binary, tmp):
    """A page that is a symbolic link (a site sharing a page with another) stays a link; the
    file it leads to gets the new content."""
    site = tmp / "linked"
    shutil.copytree(SITE, site)
    shared = tmp / "shared-webinar.md"
    shutil.move(site / "_pages/webinar.md", shared)
    (site / "_pages/webinar.md").symlink_to(shared)
    run = wtool(binary, "page", "webinar", "--site", str(site))
    check(run.returncode == 0 and run.stdout == "updated _pages/webinar.md\n", f"written: {run.stdout!r}")
    check((site / "_pages/webinar.md").is_symlink(), "the page is still a symbolic link")
    check(shared.read_text(encoding="utf-8") == wtool(binary, "page", "webinar").stdout,
          "the file it leads to holds the page")
    check(files_in(site) == files_in(SITE), "no other file was added to the site")


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
        test_all_or_nothing(binary, pathlib.Path(tmp))
        test_links_kept(binary, pathlib.Path(tmp))
        test_empty_site(binary, pathlib.Path(tmp))
        test_output_file(binary, pathlib.Path(tmp))
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
