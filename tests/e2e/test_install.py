#!/usr/bin/env python3
"""`cmake --install` into a fresh prefix, then the installed copy.

The binary, the man page, the three completions, the JSON Schema, the documentation and the
default templates (every file of data/templates) are where Unix tools keep them. The installed
wtool runs from an unrelated folder (--version, validate) and prints exactly what the build
prints for pages, posts and announcements: the default templates are compiled into the binary,
so nothing depends on where it runs from. `init --with-templates` writes those same templates.

The Debian package (cpack -G DEB, installed with apt-get) is tested by scripts/test-package,
which CI runs; see docs/install.md.

Run: tests/e2e/test_install.py --wtool build/dev/wtool
"""
import argparse
import filecmp
import gzip
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    built = pathlib.Path(parser.parse_args().wtool).resolve()
    build_dir = built.parent  # the wtool binary lives at the top of its build folder
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "DESTDIR")}
    with tempfile.TemporaryDirectory() as tmp:
        prefix = pathlib.Path(tmp) / "prefix"
        result = subprocess.run(["cmake", "--install", str(build_dir), "--prefix", str(prefix)], capture_output=True,
                                text=True, env=env, timeout=120)
        check(result.returncode == 0, f"cmake --install succeeds {result.stdout}{result.stderr}".strip())

        templates = ROOT / "data" / "templates"
        shipped = sorted(p.name for p in templates.glob("*.mustache"))
        expected = ["bin/wtool", "share/man/man1/wtool.1.gz", "share/bash-completion/completions/wtool",
                    "share/zsh/vendor-completions/_wtool", "share/fish/vendor_completions.d/wtool.fish",
                    "share/wtool/catalogue.schema.json", "share/doc/wtool/README.md", "share/doc/wtool/LICENSE"]
        expected += [f"share/wtool/templates/{name}" for name in shipped]
        for rel in expected:
            check((prefix / rel).is_file(), f"installed: {rel}")
        if failures:
            return report()
        installed_templates = prefix / "share" / "wtool" / "templates"
        check(sorted(p.name for p in installed_templates.iterdir()) == shipped,
              f"share/wtool/templates holds exactly the {len(shipped)} default templates")
        check(all(filecmp.cmp(installed_templates / n, templates / n, shallow=False) for n in shipped),
              "the installed templates are the files in data/templates")

        installed = prefix / "bin" / "wtool"
        version = re.search(r"project\(wtool VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
        out = subprocess.run([str(installed), "--version"], capture_output=True, text=True, env=env)
        check(out.stdout == f"wtool {version}\n", f"--version prints 'wtool {version}': {out.stdout!r}")

        # Run both binaries from a folder with no templates nearby.
        elsewhere = pathlib.Path(tmp) / "elsewhere"
        elsewhere.mkdir()
        shutil.copy(ROOT / "data" / "episodes.toml", elsewhere / "episodes.toml")
        for args in (["validate"], ["page", "webinar"], ["news", "8"], ["announce", "--format", "email"]):
            outputs = []
            for binary in (built, installed):
                run = subprocess.run([str(binary), "--now", "2026-02-01T12:00:00Z", *args], cwd=elsewhere, env=env,
                                     capture_output=True, text=True, encoding="utf-8")
                outputs.append((run.returncode, run.stdout))
            check(outputs[0] == outputs[1] and outputs[0][0] == 0 and outputs[0][1] != "",
                  f"the installed binary prints what the build prints for '{' '.join(args)}'")

        page = gzip.decompress((prefix / "share/man/man1/wtool.1.gz").read_bytes()).decode()
        rendered = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=page, capture_output=True, text=True)
        check(rendered.returncode == 0 and not rendered.stderr, f"groff reads the installed man page {rendered.stderr}")
        for shell, rel in [("bash", "share/bash-completion/completions/wtool"),
                           ("zsh", "share/zsh/vendor-completions/_wtool"),
                           ("fish", "share/fish/vendor_completions.d/wtool.fish")]:
            generated = subprocess.run([str(installed), "completion", shell], capture_output=True, text=True).stdout
            check((prefix / rel).read_text() == generated, f"the installed {shell} completion is the generated one")

        # init --with-templates writes the templates the binary renders with: data/templates.
        series = pathlib.Path(tmp) / "series"
        out = subprocess.run([str(installed), "init", str(series), "--title", "T", "--timezone", "UTC", "--start",
                              "10:00", "--with-templates"], capture_output=True, text=True, env=env)
        check(out.returncode == 0, f"installed init --with-templates succeeds {out.stderr}")
        written = sorted(p.name for p in (series / "templates").glob("*")) if (series / "templates").is_dir() else []
        check(written == shipped and all(filecmp.cmp(series / "templates" / n, templates / n, shallow=False)
                                         for n in written),
              "init --with-templates writes the files of data/templates")
    return report()


def report():
    print(f"{'FAILED' if failures else 'ok'}: install ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
