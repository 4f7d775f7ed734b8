#!/usr/bin/env python3
"""End-to-end tests: run the real wtool binary and compare its output with golden files.

A case is one file, tests/cli/<group>/<name>.case:

    # free-form comment lines start with '#'
    args: validate --catalogue broken-keys.toml --now 2026-02-01T12:00:00Z
    env: NO_COLOR=1 WTOOL_CATALOGUE=x.toml      (optional)
    cwd: tests/data                               (optional, relative to the repository; default tests/data)
    stdin: some-file.txt                          (optional, relative to cwd)
    exit: 1
    --- stdout
    <exact expected standard output>
    --- stderr
    <exact expected standard error>

`args` is split like a POSIX shell would (shlex). A case without a '--- stderr' section does not
check standard error; one without '--- stdout' does not check standard output. In expected output,
{root} stands for the repository's absolute path. Case files are read and written as bytes, so
expected output keeps its line ends exactly (iCalendar output ends its lines with CRLF).

Run all:      tests/cli/run_cases.py --wtool build/dev/wtool tests/cli/*/*.case
Regenerate:   tests/cli/run_cases.py --wtool build/dev/wtool --update tests/cli/validate/x.case
(then review the diff with git before committing: regenerated output is only right if it is right).
"""
import argparse
import difflib
import os
import pathlib
import shlex
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def read_exact(path):
    """The file's text with its line ends as they are (CRLF is not turned into LF)."""
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def parse_case(path):
    header, sections, current = {}, {}, None
    for line in read_exact(path).splitlines(keepends=True):
        if line.startswith("--- ") and line.strip()[4:] in ("stdout", "stderr"):
            current = line.strip()[4:]
            sections[current] = ""
        elif current is not None:
            sections[current] += line
        elif line.startswith("#") or not line.strip():
            continue
        else:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
    return header, sections


def write_case(path, header, sections, stdout, stderr, code):
    lines = []
    for line in read_exact(path).splitlines(keepends=True):
        if line.startswith("--- "):
            break
        if line.startswith("exit:"):
            line = f"exit: {code}\n"
        lines.append(line)
    text = "".join(lines)
    if "exit" not in header:
        text += f"exit: {code}\n"
    text += "--- stdout\n" + stdout
    if "stderr" in sections or stderr:
        text += "--- stderr\n" + stderr
    with path.open("w", encoding="utf-8", newline="") as f:  # keep CRLF (CSV, iCalendar) as it is
        f.write(text)


def run_case(wtool, path, update):
    header, sections = parse_case(path)
    cwd = ROOT / header.get("cwd", "tests/data")
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}
    env["TZ"] = "UTC"
    for item in shlex.split(header.get("env", "")):
        key, _, value = item.partition("=")
        env[key] = value
    stdin = None
    if "stdin" in header:
        stdin = (cwd / header["stdin"]).read_bytes()
    proc = subprocess.run([wtool] + shlex.split(header["args"]), cwd=cwd, env=env, input=stdin,
                          capture_output=True, timeout=60)
    stdout = proc.stdout.decode("utf-8", errors="replace").replace(str(ROOT), "{root}")
    stderr = proc.stderr.decode("utf-8", errors="replace").replace(str(ROOT), "{root}")
    if update:
        write_case(path, header, sections, stdout, stderr, proc.returncode)
        return []
    failures = []
    expected_code = int(header.get("exit", "0"))
    if proc.returncode != expected_code:
        failures.append(f"exit code {proc.returncode}, expected {expected_code}")
    for name, actual in (("stdout", stdout), ("stderr", stderr)):
        if name in sections and sections[name] != actual:
            diff = difflib.unified_diff(sections[name].splitlines(keepends=True), actual.splitlines(keepends=True),
                                        f"expected {name}", f"actual {name}")
            failures.append(f"{name} differs:\n" + "".join(diff))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wtool", required=True, help="path to the wtool binary")
    parser.add_argument("--update", action="store_true", help="rewrite the expected output from the actual output")
    parser.add_argument("cases", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    wtool = str(pathlib.Path(args.wtool).resolve())
    failed = 0
    for case in args.cases:
        failures = run_case(wtool, case.resolve(), args.update)
        if failures:
            failed += 1
            print(f"FAIL {case}")
            for f in failures:
                print("  " + f.replace("\n", "\n  "))
        else:
            print(f"{'updated' if args.update else 'ok'} {case}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
