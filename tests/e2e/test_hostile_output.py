#!/usr/bin/env python3
"""What wtool shows on a terminal stays small and inert whatever the input holds.

- A catalogue with a 1 MB title holding 2,000 soft hyphens: `validate` reports the first three
  one by one and folds the rest into one "and 1,997 more" finding, quotes the long line as a
  window around the column, and finishes (a generous timeout bounds a runaway, no timing check).
  The catalogue is generated here: no megabyte fixture in the repository.
- ESC and BEL written as TOML escapes in a zone name, an episode code, a key and a URL: the
  validate report quotes them spelt out (\\u001B), never raw.
- Error messages that quote what the user typed (`wtool: error: ...`, CLI11's usage errors) show
  control characters spelt out (\\u001B), never raw.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

failures = []

CATALOGUE = """[series]
title = "A series"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[series.organiser]]
name = "O"
email = "o@example.org"

[[season]]
number = 1
theme = "Theme"
date = 2026-03-02
zoom_url = "https://x.zoom.us/meeting/register/abc"

[[episode]]
code = "S01E01"
title = "{title}"

[[episode.speaker]]
name = "Ada"
"""

RAW_CONTROLS = [b"\x1b", b"\x07", b"\r", "\u009b".encode(), "\u202e".encode()]


def check(condition, message):
    if not condition:
        failures.append(message)


def run(wtool, *args, timeout=60):
    return subprocess.run([wtool, *args], capture_output=True, timeout=timeout, cwd="/")


def raw_controls(data):
    return [c for c in RAW_CONTROLS if c in data]


def check_soft_hyphens(wtool, tmp):
    # 2,000 pieces of 499 letters and a soft hyphen (U+00AD): a title of about 1 MB.
    title = ("x" * 499 + "\u00ad") * 2000
    catalogue = tmp / "huge-title.toml"
    catalogue.write_text(CATALOGUE.format(title=title), encoding="utf-8")
    check(catalogue.stat().st_size > 1_000_000, f"the catalogue has {catalogue.stat().st_size} bytes")
    try:
        proc = run(wtool, "validate", "--catalogue", str(catalogue), "--now", "2026-02-01T12:00:00Z", timeout=10)
    except subprocess.TimeoutExpired:
        check(False, "validate of a 1 MB title with 2,000 soft hyphens did not finish within 10 s")
        return
    out = proc.stdout.decode("utf-8")
    check(proc.returncode == 0, f"exit code {proc.returncode} (only warnings expected): {proc.stderr.decode()}")
    check(len(proc.stdout) < 100_000, f"the report has {len(proc.stdout)} bytes")
    check(out.count("invisible character U+00AD SOFT HYPHEN in S01E01 title [invisible-character]") == 3,
          "not exactly three soft hyphens reported one by one:\n" + out[:2000])
    check("warning: and 1,997 more invisible characters U+00AD SOFT HYPHEN in S01E01 title [invisible-character]"
          in out, "no fold line:\n" + out[:2000])
    longest = max(len(line) for line in out.splitlines())
    check(longest < 400, f"a line of the report has {longest} characters: the title is quoted whole")
    check(out.endswith(": 0 errors, 4 warnings\n"), "summary: " + out[-200:])
    # The JSON report lists the same (folded) findings.
    proc = run(wtool, "validate", "--format", "json", "--catalogue", str(catalogue), "--now", "2026-02-01T12:00:00Z",
               timeout=10)
    check(len(proc.stdout) < 100_000, f"the JSON report has {len(proc.stdout)} bytes")


# ESC and BEL can reach a value only as TOML escapes (raw, they are a syntax error): in a zone name,
# an episode code, a key and a URL. (tests/cli/validate/hostile-*.case cover raw C1 and bidi
# controls, and raw ESC and BEL in a comment and a key.)
ESCAPED_CONTROLS = (CATALOGUE.format(title="A talk")
                    .replace("Europe/Copenhagen", r"Europe/\u001b]0;pwned\u0007Copenhagen")
                    .replace('code = "S01E01"', r'code = "S01\u001b[2JE01"' + "\n" +
                             r'"ti\u001b[8mtle" = "a key with an escape sequence"')
                    .replace('title = "A talk"', 'title = "A talk"\n' +
                             r'recording = "https://www.youtube.com/watch?v=\u001b[31mabc"'))


def check_escaped_controls(wtool, tmp):
    catalogue = tmp / "escapes.toml"
    catalogue.write_text(ESCAPED_CONTROLS, encoding="utf-8")
    proc = run(wtool, "validate", "--catalogue", str(catalogue), "--now", "2026-02-01T12:00:00Z")
    out = proc.stdout
    check(proc.returncode == 1, f"escapes: exit code {proc.returncode}: {proc.stderr!r}")
    check(not raw_controls(out), f"escapes: raw control characters in the report: {out!r}")
    for spelt in (b"unknown time zone 'Europe/\\u001B]0;pwned\\u0007Copenhagen'",
                  b"malformed episode code 'S01\\u001B[2JE01'",
                  b"unknown key 'ti\\u001B[8mtle' in [[episode]]",
                  b"control character U+001B in S01\\u001B[2JE01 recording"):
        check(spelt in out, f"escapes: {spelt!r} not in the report: {out!r}")


def check_error_messages(wtool, tmp):
    small = tmp / "small.toml"
    small.write_text(CATALOGUE.format(title="A talk"), encoding="utf-8")
    esc = "\x1b]0;pwned\x07\x1b[2J"
    cases = {
        "a catalogue path": ["validate", "--catalogue", f"missing{esc}.toml"],
        "an unknown command": [f"valid{esc}ate"],
        "a CLI11 usage error": ["validate", "--format", f"te{esc}xt"],
        "a zone typed for --to": ["time", "--catalogue", str(small), "15:00", "--to",
                                  f"Europe/{esc}Nowhere", "--now", "2026-02-01T12:00:00Z"],
        "a bidi override in a zone": ["time", "--catalogue", str(small), "15:00", "--from",
                                      "Europe/\u202eParis", "--now", "2026-02-01T12:00:00Z"],
    }
    for name, args in cases.items():
        proc = run(wtool, *args)
        err = proc.stderr
        check(proc.returncode != 0, f"{name}: exit code 0")
        check(err.startswith(b"wtool: error: "), f"{name}: no error message: {err!r}")
        check(not raw_controls(err), f"{name}: raw control characters on stderr: {err!r}")
        spelt = b"\\u202E" if "\u202e" in "".join(args) else b"\\u001B]0;pwned\\u0007\\u001B[2J"
        check(spelt in err, f"{name}: the controls are not spelt out: {err!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = pathlib.Path(tmp_name)
        check_soft_hyphens(wtool, tmp)
        check_escaped_controls(wtool, tmp)
        check_error_messages(wtool, tmp)
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: hostile output ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
