#!/usr/bin/env python3
"""The man page: `wtool man` renders with groff without a single warning, covers every command
that `wtool` lists and every option that each command's --help shows, the exit codes and the
environment variables; and the build made the same page (generated/wtool.1 next to the binary).
"""
import argparse
import pathlib
import re
import subprocess
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def help_options(wtool, command):
    """Long and short option names in `wtool COMMAND --help`."""
    out = subprocess.run([wtool, command, "--help"], capture_output=True, text=True, check=True).stdout
    names = set()
    for line in out.splitlines():
        match = re.match(r"^\s+(-[\w-]+(?:,--?[\w-]+)*)", line)
        if match:
            names.update(match.group(1).split(","))
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())

    page = subprocess.run([wtool, "man", "--now", "2026-02-01T12:00:00Z"], capture_output=True, text=True,
                          check=True).stdout
    rendered = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=page, capture_output=True, text=True)
    check(rendered.returncode == 0 and rendered.stderr == "", f"groff warnings: {rendered.stderr}")
    text = subprocess.run(["groff", "-man", "-Tascii", "-P-c", "-P-b", "-P-u"], input=page, capture_output=True,
                          text=True, env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}).stdout
    check("WTOOL(1)" in text, "the rendered page has no WTOOL(1) header")

    listing = subprocess.run([wtool], capture_output=True, text=True, check=True).stdout
    commands = [line.split()[0] for line in listing.split("Commands:\n", 1)[1].split("\n\n", 1)[0].splitlines()]
    sections = re.split(r"\n   (?=\S)", text.split("\nCOMMANDS\n", 1)[1].split("\nEXIT STATUS\n", 1)[0])
    by_name = {s.split("\n", 1)[0].strip(): s for s in sections}
    for command in commands:
        section = by_name.get(command)
        if section is None:
            failures.append(f"the man page has no section for {command!r}")
            continue
        for option in help_options(wtool, command):
            check(option in section, f"the man page's {command!r} section lacks {option}")
        check("wtool " + command in section, f"the {command!r} section shows no example or synopsis")
    check("__complete" not in page, "the hidden command is in the man page")
    for option in ["--catalogue", "--now", "--quiet", "--color", "--version"]:
        check(option in text.split("\nGLOBAL OPTIONS\n", 1)[1].split("\nCOMMANDS\n", 1)[0],
              f"GLOBAL OPTIONS lacks {option}")
    environment = text.split("\nENVIRONMENT\n", 1)[1].split("\nFILES\n", 1)[0]
    for variable in ["WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR"]:
        check(variable in environment, f"ENVIRONMENT lacks {variable}")
    exit_status = text.split("\nEXIT STATUS\n", 1)[1].split("\nENVIRONMENT\n", 1)[0]
    for code in "01234":
        check(re.search(rf"^\s+{code}\s", exit_status, re.M), f"EXIT STATUS lacks {code}")
    check("\nEXAMPLES\n" in text and "wtool validate --catalogue" in text.split("\nEXAMPLES\n", 1)[1],
          "EXAMPLES lacks the commands' examples")

    built = pathlib.Path(wtool).parent / "generated" / "wtool.1"
    if built.exists():
        strip_date = lambda s: re.sub(r'^\.TH .*$', "", s, count=1, flags=re.M)
        check(strip_date(built.read_text(encoding="utf-8")) == strip_date(page),
              f"{built} (made by the build) differs from `wtool man`")
    else:
        failures.append(f"the build did not make {built}")

    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: man page ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
