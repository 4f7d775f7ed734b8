#!/usr/bin/env python3
"""docs/getting-started.md, followed step by step in a temporary folder, as a new organiser would.

The commands are read from the page itself (its ```sh blocks), so the page cannot drift from what
wtool does: `wtool init` with the page's options, `wtool add-episode` with the page's options, the
hurried season of step 3 (its `wtool validate` output must be exactly the page's), the season of
step 1 filled in, then every command of steps 4, 5 and 7 (announce, ics, stats, export, time) must
succeed on the result. check-links (step 6) needs the network and is tested elsewhere
(test_check_links.py, against loopback servers).

The walk runs twice: as the page has it (a series in Berlin), and unchanged but for `wtool init`'s
values, for another kind of series (issue 19): a weekly seminar in America/New_York with audiences
in London, Kolkata and Sydney. The page must work for both: same commands, same validate output,
and the announcement of the second shows New York's own time (EDT in May), not Berlin's.

Run: tests/e2e/test_getting_started.py --wtool build/dev/wtool
"""
import argparse
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "getting-started.md"
NOW = "2026-03-01T12:00:00Z"  # before the page's season (2026-05-11)
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def blocks(text, language):
    """The fenced code blocks of one language, in page order."""
    return re.findall(r"^```" + language + r"\n(.*?)^```", text, flags=re.S | re.M)


def commands(block):
    """The wtool commands of a ```sh block: comments, `cd` and redirections left out."""
    out = []
    for line in block.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "wtool":
            if ">" in words:
                words = words[:words.index(">")]
            out.append(words[1:])
    return out


# Another series following the page: only the values given to `wtool init` differ.
NEW_YORK = {"--title": "Causal Inference Weekly", "--timezone": "America/New_York", "--start": "12:00",
            "--duration": "60", "--audience": "Europe/London,Asia/Kolkata,Australia/Sydney"}


def with_values(args, values):
    """`args` with the values of the options in `values` replaced."""
    args = list(args)
    for option, value in values.items():
        if option in args:
            args[args.index(option) + 1] = value
    return args


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    walk(wtool, {}, "CEST (Europe/Berlin)")
    walk(wtool, NEW_YORK, "EDT (America/New_York)")
    return report()


def walk(wtool, values, zone_abbreviation):
    """The page's walk; `values` replace those of the page's `wtool init`."""
    print(f"# the walk with init values {values or 'as the page has them'}")
    page = PAGE.read_text(encoding="utf-8")
    sh = [commands(b) for b in blocks(page, "sh")]
    sh = [b for b in sh if b]
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}

    def run(args, cwd):
        return subprocess.run([wtool, *args, "--now", NOW], cwd=cwd, env=env, capture_output=True, text=True,
                              encoding="utf-8", timeout=60)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        # 1. init, with the page's options.
        init = with_values(sh[0][0], values)
        check(init[0] == "init", f"the first command of the page is wtool init: {init}")
        result = run(init, tmp)
        check(result.returncode == 0, f"wtool {' '.join(init)} {result.stderr}")
        series = tmp / init[1]
        catalogue = series / "episodes.toml"
        if not catalogue.exists():
            return

        # 2. add-episode, with the page's options (and files with those names).
        add = sh[1][0]
        check(add[0] == "add-episode", f"the second command block adds an episode: {add}")
        for option in ("--abstract-file", "--bio-file"):
            if option in add:
                (series / add[add.index(option) + 1]).write_text("Some text.\n", encoding="utf-8")
        result = run(add, series)
        check(result.returncode == 0 and result.stdout.strip() == "S01E01", f"add-episode: {result.stdout}{result.stderr}")

        # 3. The hurried season, as the page describes it; validate prints exactly what the page shows.
        hurried = re.search(r"with `(thme = .*?)` and `(date = [0-9-]+)`", page)
        text = catalogue.read_text(encoding="utf-8")
        season = re.search(r"\[\[season\]\]\nnumber = 1\n", text)
        check(hurried is not None and season is not None, "the page names the hurried season's lines")
        if hurried is None or season is None:
            return
        catalogue.write_text(text[:season.end()] + hurried.group(1) + "\n" + hurried.group(2) + "\n"
                             + text[season.end():], encoding="utf-8")
        shown = re.search(r"```console\n\$ wtool validate\n(.*?)```", page, flags=re.S).group(1)
        result = run(["validate"], series)
        check(result.returncode == 1, f"validate exits 1 on the hurried season: {result.returncode}")
        check(result.stdout == shown, f"validate prints what the page shows:\n{result.stdout}")

        # The season filled in as in step 1's example.
        filled = blocks(page, "toml")[0]
        catalogue.write_text(text[:season.start()] + filled + text[season.end():], encoding="utf-8")
        result = run(["validate"], series)
        check(result.returncode == 0, f"validate is clean once the season is filled in: {result.stdout}")

        # 4. to 8. and 10.: every command of the page's later blocks succeeds, in order: the season
        # set, announced, invited (--record), moved, its recording added. The editing commands
        # (season, episode) print on standard error only.
        later = [c for block in sh[2:] for c in block if c[0] != "check-links"]
        later += [shlex.split(c)[1:] for c in re.findall(r"`(wtool (?:stats|export|time)[^`]*)`", page)]
        for args in later:
            result = run(args, series)
            edits = args[0] in ("season", "episode")
            check(result.returncode == 0 and (edits or result.stdout),
                  f"wtool {' '.join(args)}: exit {result.returncode} {result.stderr.strip()}")
        announced = run(["announce", "--next", "--format", "email"], series)
        check(zone_abbreviation in announced.stdout,
              f"the announcement gives the series' own time ({zone_abbreviation}):\n{announced.stdout}")
        final = catalogue.read_text(encoding="utf-8")
        for line in ("calendar_sequence = 1", "moved_from = 2026-05-11T", "date = 2026-05-18",
                     'recording = "https://www.youtube.com/watch?v='):
            check(line in final, f"after the walk the catalogue has '{line}'")


def report():
    print(f"{'FAILED' if failures else 'ok'}: getting started ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
