#!/usr/bin/env python3
"""`cmake --install` into a fresh prefix, then the installed copy: the binary, the man page, the
three completions, the JSON Schema, the documentation and the default templates (every file of
data/templates) are where Unix tools keep them; the installed wtool runs (--version, validate)
and finds its templates relative to its own location (a template added under the prefix is
copied by `init --with-templates`).

The Debian package (cpack -G DEB, installed with apt-get) is tested by scripts/test-package,
which CI runs; see docs/install.md.
"""
import argparse
import gzip
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = pathlib.Path(parser.parse_args().wtool).resolve()
    build_dir = wtool.parent
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "DESTDIR")}
    with tempfile.TemporaryDirectory() as tmp:
        prefix = pathlib.Path(tmp) / "prefix"
        result = subprocess.run(["cmake", "--install", str(build_dir), "--prefix", str(prefix)], capture_output=True,
                                text=True, env=env, timeout=120)
        check(result.returncode == 0, f"cmake --install failed: {result.stdout}{result.stderr}")

        expected = ["bin/wtool", "share/man/man1/wtool.1.gz", "share/bash-completion/completions/wtool",
                    "share/zsh/vendor-completions/_wtool", "share/fish/vendor_completions.d/wtool.fish",
                    "share/wtool/catalogue.schema.json", "share/doc/wtool/README.md", "share/doc/wtool/LICENSE"]
        templates = ROOT / "data" / "templates"
        if templates.is_dir():
            expected += [f"share/wtool/templates/{p.relative_to(templates)}" for p in templates.rglob("*") if p.is_file()]
        for rel in expected:
            check((prefix / rel).is_file(), f"not installed: {rel}")
        if failures:
            return report()

        installed = str(prefix / "bin" / "wtool")
        version = re.search(r"project\(wtool VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
        out = subprocess.run([installed, "--version"], capture_output=True, text=True, env=env)
        check(out.stdout == f"wtool {version}\n", f"--version: {out.stdout!r}")
        out = subprocess.run([installed, "validate", "--catalogue", str(ROOT / "data/episodes.toml"), "--now",
                              "2026-02-01T12:00:00Z"], capture_output=True, text=True, env=env)
        check(out.returncode == 0, f"installed validate: {out.stdout}{out.stderr}")

        page = gzip.decompress((prefix / "share/man/man1/wtool.1.gz").read_bytes()).decode()
        rendered = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=page, capture_output=True, text=True)
        check(rendered.returncode == 0 and not rendered.stderr, f"installed man page: {rendered.stderr}")
        for shell, rel in [("bash", "share/bash-completion/completions/wtool"), ("zsh", "share/zsh/vendor-completions/_wtool"),
                           ("fish", "share/fish/vendor_completions.d/wtool.fish")]:
            generated = subprocess.run([installed, "completion", shell], capture_output=True, text=True).stdout
            check((prefix / rel).read_text() == generated, f"the installed {shell} completion is not the generated one")

        # Templates are found relative to the installed binary: add one under the prefix.
        extra = prefix / "share" / "wtool" / "templates" / "install-test.txt"
        extra.parent.mkdir(parents=True, exist_ok=True)
        extra.write_text("from the prefix\n")
        series = pathlib.Path(tmp) / "series"
        out = subprocess.run([installed, "init", str(series), "--title", "T", "--timezone", "UTC", "--start", "10:00",
                              "--with-templates"], capture_output=True, text=True, env=env)
        check(out.returncode == 0, f"installed init --with-templates: {out.stderr}")
        check((series / "templates" / "install-test.txt").read_text() == "from the prefix\n",
              "init did not copy the templates of its own prefix")
    return report()


def report():
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: install ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
