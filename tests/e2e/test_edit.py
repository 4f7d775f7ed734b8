#!/usr/bin/env python3
"""End-to-end tests of the catalogue editing commands (`wtool season`, `wtool episode`, `wtool ics
--record`) on copies of catalogues in temporary folders: a season's whole life — scheduled,
announced, invited, moved, cancelled, its recording added — without opening the TOML.

Checked with independent tools: difflib shows that only the lines of the values set change,
python3's tomllib reads the result back, the calendar's SEQUENCE and STATUS are read from the ICS
text. Also: a refused change leaves the file byte for byte, --dry-run writes nothing, a read-only
file is refused, a symbolic link stays a link, parallel runs queue on the lock and none is lost,
and every command picks the same next season (an undated season does not hide a dated one).

Usage: test_edit.py --wtool PATH
"""
import argparse
import difflib
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "episodes.toml"
MINIMAL = ROOT / "tests" / "data" / "minimal.toml"
NOW = "2026-02-01T12:00:00Z"
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}", flush=True)
    return condition


def env():
    return {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}


def run(w, catalogue, *args):
    return subprocess.run([w, *args, "--catalogue", str(catalogue), "--now", NOW], env=env(), capture_output=True,
                          text=True, timeout=60)


def changed_lines(before, after):
    """The removed and added lines (difflib), without the unchanged ones."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def season_of(path, number):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return next(s for s in data["season"] if s["number"] == number)


def ics_field(text, name):
    return [line.split(":", 1)[1] for line in text.splitlines() if line.startswith(name + ":")]


def test_lifecycle(w, tmp):
    """Season 10 of the shipped catalogue from TBA to recorded, moved and cancelled."""
    cat = tmp / "lifecycle.toml"
    shutil.copy(SHIPPED, cat)

    before = cat.read_text(encoding="utf-8")
    r = run(w, cat, "season", "10", "--date", "2026-06-01", "--time", "16:00", "--theme", "Federated data",
            "--zoom", "https://us06web.zoom.us/webinar/register/WN_abc")
    check(r.returncode == 0, f"season 10 scheduled: {r.stderr}")
    after = cat.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    check(removed == [] and added == ['theme = "Federated data"', "date = 2026-06-01", "time = 16:00:00",
                                      'zoom_url = "https://us06web.zoom.us/webinar/register/WN_abc"'],
          f"only the new values' lines appear: -{removed} +{added}")
    s = season_of(cat, 10)
    check(str(s["date"]) == "2026-06-01" and str(s["time"]) == "16:00:00", f"tomllib reads the season: {s}")

    # Announced as the next webinar by every command.
    r = run(w, cat, "announce", "--season", "10", "--format", "email")
    check(r.returncode == 0 and "Federated data" in r.stdout and "WN_abc" in r.stdout, "announce season 10")

    # Invited, and recorded.
    r = run(w, cat, "ics", "--season", "10", "--record")
    check(r.returncode == 0 and ics_field(r.stdout, "SEQUENCE") == ["0"], f"ics --record: {r.stderr}")
    s = season_of(cat, 10)
    check("calendar_fingerprint" in s and "calendar_sequence" not in s, f"the fingerprint is recorded: {s}")
    r = run(w, cat, "ics", "--season", "10", "--record")
    check(r.returncode == 0 and "nothing to change" in r.stderr, f"recording again changes nothing: {r.stderr}")
    check(run(w, cat, "validate").returncode == 0, "valid after recording")

    # Moved: the revision is raised in the same edit, and the outputs say "new date".
    before = cat.read_text(encoding="utf-8")
    r = run(w, cat, "season", "10", "--date", "2026-06-08")
    check(r.returncode == 0 and "send the update" in r.stderr, f"moving a recorded season: {r.stderr}")
    removed, added = changed_lines(before, cat.read_text(encoding="utf-8"))
    check(removed[0] == "date = 2026-06-01" and added[0] == "date = 2026-06-08"
          and "calendar_sequence = 1" in added and "moved_from = 2026-06-01T16:00:00" in added
          and len(removed) == 2 and len(added) == 4, f"the move's lines: -{removed} +{added}")
    ics = run(w, cat, "ics", "--season", "10").stdout
    check(ics_field(ics, "SEQUENCE") == ["1"], f"the update has SEQUENCE 1: {ics_field(ics, 'SEQUENCE')}")
    email = run(w, cat, "announce", "--season", "10", "--format", "email").stdout
    check(email.startswith("Subject: New date: ") and "it was planned for 01 June 2026 at 4:00pm" in email,
          f"the email says the date changed: {email[:300]}")
    social = run(w, cat, "announce", "--season", "10", "--format", "social").stdout
    check(social.startswith("New date: "), f"the post says the date changed: {social[:100]}")
    markdown = run(w, cat, "announce", "--season", "10").stdout
    check("(new date; it was planned for 01 June 2026 at 4:00pm)" in markdown, "the page says the date changed")

    # Cancelled: no registration link anywhere, STATUS:CANCELLED with a higher SEQUENCE, and the
    # page's next webinar moves on.
    r = run(w, cat, "season", "10", "--cancel")
    check(r.returncode == 0 and "send the cancellation" in r.stderr, f"cancelling: {r.stderr}")
    ics = run(w, cat, "ics", "--season", "10").stdout
    check(ics_field(ics, "STATUS") == ["CANCELLED"] and ics_field(ics, "SEQUENCE") == ["2"],
          f"the cancellation: {ics_field(ics, 'STATUS')} {ics_field(ics, 'SEQUENCE')}")
    for fmt in ("email", "social", "markdown"):
        out = run(w, cat, "announce", "--season", "10", "--format", fmt).stdout
        check("WN_abc" not in out, f"announce --format {fmt} of a cancelled day has no registration link")
        head = out[:160].lower()
        check("cancel" in head, f"announce --format {fmt} says the day is cancelled at once: {out[:160]}")
    page = run(w, cat, "page", "webinar").stdout
    check("Next webinar: Federated data" not in page, "the page's next webinar is not the cancelled season")
    r = run(w, cat, "season", "10", "--uncancel")
    check(r.returncode == 0 and "cancelled" not in season_of(cat, 10), "uncancel removes the key")

    # After the day: the recording.
    before = cat.read_text(encoding="utf-8")
    r = run(w, cat, "episode", "S09E02", "--recording", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    check(r.returncode == 0, f"episode --recording: {r.stderr}")
    removed, added = changed_lines(before, cat.read_text(encoding="utf-8"))
    check(len(removed) <= 1 and added == ['recording = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"'],
          f"only the recording line: -{removed} +{added}")
    check(run(w, cat, "validate").returncode == 0, "valid at the end")


def test_refusals(w, tmp):
    cat = tmp / "refuse.toml"
    shutil.copy(SHIPPED, cat)
    original = cat.read_bytes()
    r = run(w, cat, "season", "9", "--zoom", "https://example.org/register")
    check(r.returncode == 1 and cat.read_bytes() == original, f"an invalid change is refused, file untouched: {r.returncode}")
    r = run(w, cat, "season", "9", "--date", "2026-03-09", "--dry-run")
    check(r.returncode == 0 and r.stdout.startswith("--- ") and cat.read_bytes() == original,
          "a dry run prints a diff and writes nothing")
    patched = tmp / "patched.toml"
    shutil.copy(cat, patched)
    p = subprocess.run(["patch", "-s", "-o", "-", str(patched)], input=r.stdout.replace(str(cat), str(patched)),
                       capture_output=True, text=True) if shutil.which("patch") else None
    if p is not None:
        check(p.returncode == 0 and "date = 2026-03-09" in p.stdout, f"patch applies the dry run's diff: {p.stderr}")
    r = run(w, cat, "episode", "S09E03", "--move-to", "S10E01")
    check(r.returncode == 2 and cat.read_bytes() == original, "a taken code is refused")

    os.chmod(cat, 0o444)
    r = run(w, cat, "season", "9", "--theme", "X")
    check(r.returncode == 2 and "read-only" in r.stderr and cat.read_bytes() == original,
          f"a read-only catalogue is refused: {r.stderr}")
    os.chmod(cat, 0o644)

    link = tmp / "link.toml"
    link.symlink_to(cat.name)
    r = run(w, link, "season", "9", "--theme", "Via a link")
    check(r.returncode == 0 and link.is_symlink() and "Via a link" in cat.read_text(encoding="utf-8"),
          "a symbolic link stays a link, its target is edited")


def test_parallel(w, tmp):
    """Edits of different seasons and episodes at once: the lock queues them, none is lost."""
    cat = tmp / "parallel.toml"
    shutil.copy(SHIPPED, cat)
    jobs = [("season", str(n), "--theme", f"Theme {n}") for n in range(1, 10)]
    jobs += [("episode", code, "--title", f"Title {code}") for code in ("S01E01", "S02E01", "S03E01", "S04E01")]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(lambda a: run(w, cat, *a, "--wait", "60"), jobs))
    check(all(r.returncode == 0 for r in results), f"every parallel edit succeeded: {[r.stderr for r in results if r.returncode]}")
    data = tomllib.loads(cat.read_text(encoding="utf-8"))
    themes = {s["number"]: s.get("theme") for s in data["season"]}
    check(all(themes[n] == f"Theme {n}" for n in range(1, 10)), f"no season edit was lost: {themes}")
    titles = {e["code"]: e["title"] for e in data["episode"]}
    check(all(titles[c] == f"Title {c}" for c in ("S01E01", "S02E01", "S03E01", "S04E01")), "no episode edit was lost")


def test_next_season(w, tmp):
    """An undated season 2 does not hide a dated season 3: announce, page, time and ics agree."""
    text = MINIMAL.read_text(encoding="utf-8")
    cat = tmp / "next.toml"
    cat.write_text(text + "\n[[season]]\nnumber = 2\n\n[[season]]\nnumber = 3\ntheme = \"Third\"\n"
                   "date = 2026-04-06\nzoom_url = \"https://example.zoom.us/meeting/register/third\"\n",
                   encoding="utf-8")
    later = "2026-03-10T12:00:00Z"  # after season 1
    out = lambda *a: subprocess.run([w, *a, "--catalogue", str(cat), "--now", later], env=env(), capture_output=True,
                                    text=True, timeout=60)
    check("Third" in out("announce").stdout, "announce --next picks the dated season 3")
    check("Next webinar: Third" in out("page", "webinar").stdout, "the page's next webinar is season 3")
    check("2026-04-06" in out("time", "--format", "json").stdout or "06 April" in out("time").stdout,
          "time shows season 3")
    check("DTSTART;TZID=Europe/Copenhagen:20260406T150000" in out("ics").stdout, "ics picks season 3")

    # A dated season without a theme is headed by its only talk's title.
    notheme = tmp / "notheme.toml"
    notheme.write_text(text.replace('theme = "Beginnings"\n', ""), encoding="utf-8")
    r = subprocess.run([w, "announce", "--catalogue", str(notheme), "--now", NOW], env=env(), capture_output=True,
                       text=True, timeout=60)
    check(r.stdout.startswith("#### Next webinar: A first talk"), f"headed by the talk's title: {r.stdout[:80]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    w = str(pathlib.Path(parser.parse_args().wtool).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for test in (test_lifecycle, test_refusals, test_parallel, test_next_season):
            test(w, tmp)
    print("ok" if not FAILURES else f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
