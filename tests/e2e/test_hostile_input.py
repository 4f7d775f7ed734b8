#!/usr/bin/env python3
"""Hostile catalogues, generated (too large to keep as files), against the real binary: keys of
50,000 parts and deep nesting are a syntax error at their position, not a crash; huge time zones
and keys get their error without a "did you mean" that takes minutes; a line of 400,000 values
is read in one pass. Every run has a generous timeout (10 s, where each takes well under a
second) instead of a timing assertion: before the fixes these crashed or ran for minutes.
"""
import argparse
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "data" / "minimal.toml").read_text(encoding="utf-8")
NOW = "2026-02-01T12:00:00Z"
TIMEOUT = 10

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(wtool, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}
    try:
        return subprocess.run([wtool, *args], env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None


def short(text):
    return text if len(text) < 400 else text[:200] + f" ... ({len(text)} characters) ... " + text[-200:]


def validate(wtool, tmp, name, text, *extra):
    path = tmp / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    result = run(wtool, "validate", "--format", "json", "--catalogue", str(path), "--now", NOW, *extra)
    if result is None:
        failures.append(f"{name}: validate ran for more than {TIMEOUT} s")
    elif result.returncode < 0:
        failures.append(f"{name}: validate died of signal {-result.returncode}")
    return path, result


def findings(result):
    import json
    try:
        return json.loads(result.stdout)["diagnostics"]
    except (ValueError, KeyError):
        return []


def expect_syntax_error(wtool, tmp, name, text, line, column, message):
    path, result = validate(wtool, tmp, name, text)
    if result is None or result.returncode < 0:
        return
    got = [(d["rule"], d["line"], d["column"], d["message"]) for d in findings(result)]
    check(result.returncode == 1 and got == [("toml-syntax", line, column, message)],
          f"{name}: exit {result.returncode}, findings {short(str(got))}, stderr {short(result.stderr)}")
    # Every command loads the catalogue: each refuses it the same way.
    exported = run(wtool, "export", "--catalogue", str(path), "--now", NOW)
    check(exported is not None and exported.returncode == 2 and "has 1 error" in exported.stderr,
          f"{name}: export gave {exported and (exported.returncode, short(exported.stderr))}")


def deep(wtool, tmp):
    parts = ".".join(["a"] * 50_000)
    too_many = "key has more than 64 parts (wtool's limit)"
    too_deep = "tables and arrays nested more than 512 deep (wtool's limit)"
    # Line 26 is in [[episode.speaker]], which the check counts as level 3.
    expect_syntax_error(wtool, tmp, "dotted-key", MINIMAL + parts + " = 1\n", 26, 1, too_many)
    expect_syntax_error(wtool, tmp, "header", MINIMAL + "[" + parts + "]\n", 26, 2, too_many)
    expect_syntax_error(wtool, tmp, "array-header", MINIMAL + "[[" + parts + "]]\n", 26, 3, too_many)
    # Dotted keys in nested inline tables, which toml++ does not count (it stops at 256 tables):
    # x's table is at level 4, each key adds 64, so the eighth table's key (at 452) would reach 515.
    level = "{" + ".".join(["a"] * 64) + "="
    expect_syntax_error(wtool, tmp, "inline-tables", MINIMAL + "x = " + level * 250 + "1" + "}" * 250 + "\n", 26,
                        len("x = ") + 7 * len(level) + 2, too_deep)
    # x's array is at level 4: the 510th bracket is at 513.
    expect_syntax_error(wtool, tmp, "arrays", MINIMAL + "x = " + "[" * 1_000_000 + "]" * 1_000_000 + "\n", 26,
                        len("x = ") + 510, too_deep)


def episode_code(wtool, tmp):
    text = MINIMAL.replace('code = "S01E01"', 'code = "S2147483648E01"').replace("date = 2026-03-02",
                                                                               "date = 2026-03-07")
    path, result = validate(wtool, tmp, "episode-code", text)
    if result is None or result.returncode < 0:
        return
    got = sorted((d["rule"], d["line"], d["column"]) for d in findings(result))
    check(result.returncode == 1 and ("episode-code", 18, 8) in got and ("season-weekend", 14, 8) in got,
          f"episode-code: exit {result.returncode}, findings {got}, stderr {result.stderr!r}")
    exported = run(wtool, "export", "--catalogue", str(path), "--now", NOW)
    check(exported is not None and exported.returncode == 2 and "episode code 'S2147483648E01'" in exported.stderr
          and "stoi" not in exported.stderr, f"episode-code: export gave {exported and exported.stderr!r}")


def huge_words(wtool, tmp):
    """No "did you mean" for words far longer than any key or zone name."""
    cases = [
        ("timezone", MINIMAL.replace('"Europe/Copenhagen"', '"' + "x" * 300_000 + '"'), "unknown-timezone", 4),
        ("unknown-key", MINIMAL.replace("start_time =", "k" * 300_000 + " = 1\nstart_time ="), "unknown-key", 5),
        ("huge-key", MINIMAL.replace("start_time =", "k" * 8_000_000 + " = 1\nstart_time ="), "unknown-key", 5),
    ]
    for name, text, rule, line in cases:
        _, result = validate(wtool, tmp, name, text)
        if result is None or result.returncode < 0:
            continue
        got = [d for d in findings(result) if d["rule"] == rule]
        check(result.returncode == 1 and len(got) == 1 and got[0]["line"] == line
              and "did you mean" not in (got[0]["hint"] or "") + got[0]["message"],
              f"{name}: exit {result.returncode}, findings {short(str(got))}")
        # Messages quote the word, cut short: the report stays small however long the word.
        check(len(result.stdout) < 10_000 and all(len(d["message"]) < 2_000 for d in got),
              f"{name}: a report of {len(result.stdout)} characters")
        text_report = run(wtool, "validate", "--catalogue", str(tmp / f"{name}.toml"), "--now", NOW)
        check(text_report is not None and len(text_report.stdout) < 10_000 and "more bytes)" in text_report.stdout,
              f"{name}: a text report of {text_report and len(text_report.stdout)} characters")
    # A typo still gets its suggestion.
    _, result = validate(wtool, tmp, "typo", MINIMAL.replace('"Europe/Copenhagen"', '"Europe/Copenhagn"'))
    got = [d for d in findings(result) if d["rule"] == "unknown-timezone"] if result else []
    check(len(got) == 1 and "did you mean 'Europe/Copenhagen'?" in got[0]["hint"], f"typo: {got}")
    # announce resolves every audience zone.
    zones = ", ".join('"' + chr(ord("a") + i) * 20_000 + '"' for i in range(20))
    path = tmp / "zones.toml"
    path.write_text(MINIMAL.replace("start_time =", f"audience_timezones = [{zones}]\nstart_time ="), encoding="utf-8")
    result = run(wtool, "announce", "--catalogue", str(path), "--now", NOW)
    check(result is not None and result.returncode == 2 and "has 20 errors" in result.stderr,
          f"announce on 20 long zones: {result and (result.returncode, short(result.stderr))}")
    # wtool time reads zones from the command line too.
    result = run(wtool, "time", "15:00", "--date", "2026-03-02", "--from", "UTC", "--to", "y" * 100_000,
                 "--catalogue", str(ROOT / "tests" / "data" / "minimal.toml"))
    check(result is not None and result.returncode == 2 and "unknown time zone" in result.stderr
          and "did you mean" not in result.stderr, f"time --to: {result and (result.returncode, short(result.stderr))}")
    check(result is not None and len(result.stderr) < 20_000, f"time --to: {result and len(result.stderr)} characters of error")


def long_line(wtool, tmp):
    """400,000 values on one line: each value's column is counted on from the last one."""
    for name, value in [("integers", "1"), ("floats", "1.5")]:  # the fast parser, and toml++
        values = ",".join([value] * 400_000)
        _, result = validate(wtool, tmp, f"long-line-{name}",
                             MINIMAL.replace("start_time =", f"x = [{values}]\nstart_time ="))
        if result is None or result.returncode < 0:
            continue
        got = [(d["rule"], d["line"], d["column"]) for d in findings(result)]
        check(result.returncode == 1 and got == [("unknown-key", 5, 1)], f"long line of {name}: {got}")


def many_keys(wtool, tmp):
    """100,000 keys in one table, and 100,000 tables in one table: every key is looked up through
    an index once a table is large, so reading stays linear (it was quadratic: 15 s and 23 s).
    The tables sit under one unknown key, so the run measures reading, not the writing of
    100,000 findings (that alone takes seconds in the sanitizer build)."""
    keys = "".join(f"k{i} = {i}\n" for i in range(100_000))
    tables = "".join(f"[many.t{i}]\n" for i in range(100_000))
    for name, extra, count in [("one-table", "[many]\n" + keys, 1), ("many-tables", tables, 1)]:
        _, result = validate(wtool, tmp, f"many-keys-{name}", MINIMAL + "\n" + extra)
        if result is None or result.returncode < 0:
            continue
        unknown = [d for d in findings(result) if d["rule"] == "unknown-key"]
        check(result.returncode == 1 and len(unknown) == count, f"{name}: exit {result.returncode}, {len(unknown)} unknown keys")


def byte_order_mark(wtool, tmp):
    _, result = validate(wtool, tmp, "bom", "\ufeff" + MINIMAL)
    got = [(d["rule"], d["severity"], d["line"], d["column"]) for d in findings(result)] if result else []
    check(result is not None and result.returncode == 0 and got == [("byte-order-mark", "warning", 1, 1)],
          f"byte-order mark: {result and result.returncode} {got}")
    _, strict = validate(wtool, tmp, "bom-strict", "\ufeff" + MINIMAL, "--strict")
    check(strict is not None and strict.returncode == 1, "byte-order mark with --strict: not a failure")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for test in (deep, episode_code, huge_words, long_line, many_keys, byte_order_mark):
            test(wtool, tmp)
    for f in failures:
        print("FAIL", f)
    print("ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
