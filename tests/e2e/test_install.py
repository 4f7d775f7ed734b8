#!/usr/bin/env python3
"""An installed wtool works from anywhere and ships its default templates.

Installs the build that produced --wtool (`cmake --install BUILD_DIR --prefix TMP`), then runs the
installed binary from an unrelated folder and checks that its output is the build's output: the
default templates are compiled into the binary, so nothing depends on where it runs from. The
templates are also installed to TMP/share/wtool/templates for people to copy, and must be the
files in data/templates.

Run: tests/e2e/test_install.py --wtool build/dev/wtool
"""
import argparse
import filecmp
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    built = pathlib.Path(parser.parse_args().wtool).resolve()
    build_dir = built.parent  # the wtool binary lives at the top of its build folder
    failures = []

    def check(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        prefix = pathlib.Path(tmp) / "prefix"
        proc = subprocess.run(["cmake", "--install", str(build_dir), "--prefix", str(prefix)],
                              capture_output=True, text=True)
        check(proc.returncode == 0, f"cmake --install succeeds {proc.stderr.strip()}")
        installed = prefix / "bin" / "wtool"
        check(installed.is_file(), "bin/wtool is installed")

        templates = prefix / "share" / "wtool" / "templates"
        shipped = sorted(p.name for p in (ROOT / "data" / "templates").glob("*.mustache"))
        present = sorted(p.name for p in templates.glob("*")) if templates.is_dir() else []
        check(present == shipped, f"share/wtool/templates holds the {len(shipped)} default templates: {present}")
        check(all(filecmp.cmp(templates / n, ROOT / "data" / "templates" / n, shallow=False) for n in present),
              "the installed templates are the files in data/templates")

        # Run both binaries from a folder with no templates nearby.
        elsewhere = pathlib.Path(tmp) / "elsewhere"
        elsewhere.mkdir()
        catalogue = elsewhere / "episodes.toml"
        shutil.copy(ROOT / "data" / "episodes.toml", catalogue)
        env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
        for args in (["page", "webinar"], ["news", "9"], ["announce", "--format", "email"]):
            outputs = []
            for binary in (built, installed):
                run = subprocess.run([str(binary), "--now", "2026-02-01T12:00:00Z", *args], cwd=elsewhere, env=env,
                                     capture_output=True, text=True, encoding="utf-8")
                outputs.append((run.returncode, run.stdout))
            check(outputs[0] == outputs[1] and outputs[0][0] == 0 and outputs[0][1],
                  f"the installed binary prints what the build prints for '{' '.join(args)}'")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
