#!/usr/bin/env python3
"""wtool init end to end: flag-driven into a temp folder (then `wtool validate` is clean), an
existing file refused byte for byte, nothing written on bad values, questions on a terminal (a
pseudo-terminal drives them), and --with-templates (the built-in templates, byte for byte the
files of data/templates).
"""
import argparse
import os
import pathlib
import pty
import select
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(wtool, *args, cwd=None, **kwargs):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}
    return subprocess.run([wtool, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60, **kwargs)


FLAGS = ["--title", 'Data "Matters" \\ 👀', "--timezone", "Europe/Berlin", "--start", "16:00", "--duration", "90",
         "--audience", "America/New_York,Asia/Kolkata", "--site-url", "https://example.org"]


def flag_driven(wtool, tmp):
    target = tmp / "series"
    preview = run(wtool, "init", str(target), "--dry-run", *FLAGS)
    check(preview.returncode == 0 and not target.exists(), f"--dry-run wrote something or failed: {preview.stderr}")
    result = run(wtool, "init", str(target), *FLAGS)
    check(result.returncode == 0, f"init failed: {result.stderr}")
    catalogue = target / "episodes.toml"
    check(result.stdout.startswith(f"created {catalogue}\n"), f"init said: {result.stdout!r}")
    text = catalogue.read_text(encoding="utf-8")
    check(text == preview.stdout, "the written catalogue differs from the --dry-run output")
    data = tomllib.loads(text)
    check(data["series"]["title"] == 'Data "Matters" \\ 👀', f"title read back as {data['series']['title']!r}")
    check(data["series"]["audience_timezones"] == ["America/New_York", "Asia/Kolkata"], "audience zones")
    check(data["season"] == [{"number": 1}], f"seasons: {data.get('season')}")
    validate = run(wtool, "validate", "--catalogue", str(catalogue))
    check(validate.returncode == 0 and "0 errors" in validate.stdout,
          f"validate on the new catalogue: exit {validate.returncode}\n{validate.stdout}")

    # An existing catalogue is never overwritten, even with other values.
    before = catalogue.read_bytes()
    again = run(wtool, "init", str(target), "--title", "Other", "--timezone", "UTC", "--start", "10:00")
    check(again.returncode == 2 and "already exists" in again.stderr, f"second init: {again.returncode} {again.stderr}")
    check(catalogue.read_bytes() == before, "the existing catalogue changed")

    # Bad values: nothing is written, not even the folder.
    bad = tmp / "bad"
    result = run(wtool, "init", str(bad), "--title", "T", "--timezone", "Nowhere/Atlantis", "--start", "10:00")
    check(result.returncode == 2 and not bad.exists(), "a bad zone still wrote something")
    # An abbreviation is not a place's zone (issue 19): refused with the region's zone, nothing written.
    for flags in (["--timezone", "EST"], ["--timezone", "America/New_York", "--audience", "Europe/London,PST"]):
        result = run(wtool, "init", str(bad), "--title", "T", "--start", "10:00", *flags)
        check(result.returncode == 2 and not bad.exists(), f"init {flags}: exit {result.returncode}, wrote something?")
        check("is an abbreviation, not the time zone of a place; use 'America/" in result.stderr,
              f"init {flags} said: {result.stderr!r}")


def interactive(wtool, tmp):
    """Questions on a terminal: stdin and stderr are a pseudo-terminal, stdout a pipe."""
    target = tmp / "asked"
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
    proc = subprocess.Popen([wtool, "init", str(target)], stdin=slave, stderr=slave, stdout=subprocess.PIPE, env=env)
    os.close(slave)
    # Title; a wrong zone, then the right one; start; Enter for the default duration; zones; Enter for no site;
    # a meeting link that is not https, then one; the organiser; a wrong e-mail, then the right one.
    answers = ["Asked Seminar", "Europe/Copenhagn", "europe/copenhagen", "14:30", "", "Asia/Tokyo", "",
               "http://meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij", "Grace Hopper",
               "grace.example.org", "grace@example.org"]
    os.write(master, ("\n".join(answers) + "\n").encode())
    terminal = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            terminal += chunk
        elif proc.poll() is not None:
            break
    stdout = proc.stdout.read().decode()
    proc.wait(timeout=10)
    os.close(master)
    shown = terminal.decode(errors="replace")
    check(proc.returncode == 0, f"interactive init exited {proc.returncode}: {shown}")
    for question in ["Series title: ", "Time zone (IANA name, e.g. Europe/Berlin): ",
                     "unknown time zone 'Europe/Copenhagn', did you mean", "Start time of a webinar day (HH:MM): ",
                     "Length of a webinar day in minutes [60]: ",
                     "Meeting link for every webinar day, any platform (Enter: none): ", "is not an https link",
                     "Organiser's name (Enter: none): ",
                     "'grace.example.org' is not an e-mail address"]:
        check(question in shown, f"the terminal did not show {question!r}: {shown!r}")
    check("Series title" not in stdout, "questions went to standard output")
    check(stdout.startswith("created "), f"stdout: {stdout!r}")
    data = tomllib.loads((target / "episodes.toml").read_text(encoding="utf-8"))
    series = data["series"]
    check(series["title"] == "Asked Seminar" and series["timezone"] == "Europe/Copenhagen", f"asked values: {series}")
    check(series["start_time"].strftime("%H:%M") == "14:30" and series["duration_minutes"] == 60, f"{series}")
    check(series["audience_timezones"] == ["Asia/Tokyo"] and "site_url" not in series, f"{series}")
    check(series.get("meeting_url") == "https://meet.google.com/abc-defg-hij", f"asked meeting link: {series}")
    check(series.get("organiser") == [{"name": "Grace Hopper", "email": "grace@example.org"}], f"{series}")


def with_templates(wtool, tmp):
    """--with-templates writes the built-in templates: exactly the files of data/templates."""
    shipped = ROOT / "data" / "templates"
    names = sorted(p.name for p in shipped.glob("*.mustache"))
    target = tmp / "templated"
    result = run(wtool, "init", str(target), "--title", "T", "--timezone", "UTC", "--start", "10:00",
                 "--with-templates")
    check(result.returncode == 0, f"init --with-templates failed: {result.stderr}")
    check(f"copied {len(names)} default templates to {target / 'templates'}/" in result.stdout,
          f"stdout: {result.stdout!r}")
    written = sorted(str(p.relative_to(target / "templates")) for p in (target / "templates").rglob("*")
                     if p.is_file())
    check(written == names, f"written: {written}, expected {names}")
    for name in names:
        copied = target / "templates" / name
        check(copied.exists() and copied.read_bytes() == (shipped / name).read_bytes(), f"{name} not copied exactly")
    check(tomllib.loads((target / "episodes.toml").read_text())["series"]["templates"] == "templates",
          "the catalogue does not name its templates folder")
    validate = run(wtool, "validate", "--catalogue", str(target / "episodes.toml"))
    check(validate.returncode == 0, f"validate: {validate.stdout}")

    # A file named templates where the folder would go: refused, and nothing is written.
    clash = tmp / "clash"
    clash.mkdir()
    (clash / "templates").write_text("not a folder\n", encoding="utf-8")
    result = run(wtool, "init", str(clash), "--title", "T", "--timezone", "UTC", "--start", "10:00",
                 "--with-templates")
    check(result.returncode == 2 and "is not a folder" in result.stderr, f"clash: {result.returncode} {result.stderr}")
    check(sorted(p.name for p in clash.iterdir()) == ["templates"], "init wrote something next to the clash")
    again = run(wtool, "init", str(clash), "--title", "T", "--timezone", "UTC", "--start", "10:00")
    check(again.returncode == 0, f"init without templates works after the refusal: {again.stderr}")

    # A template that is already there: refused before anything is written.
    blocked = tmp / "blocked"
    (blocked / "templates").mkdir(parents=True)
    (blocked / "templates" / "page_webinar.mustache").write_text("mine\n", encoding="utf-8")
    result = run(wtool, "init", str(blocked), "--title", "T", "--timezone", "UTC", "--start", "10:00",
                 "--with-templates")
    check(result.returncode == 2 and "already exists" in result.stderr, f"blocked: {result.returncode} {result.stderr}")
    check(not (blocked / "episodes.toml").exists(), "the catalogue was written although a template was in the way")
    check((blocked / "templates" / "page_webinar.mustache").read_text() == "mine\n", "an existing template changed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        flag_driven(wtool, tmp)
        interactive(wtool, tmp)
        with_templates(wtool, tmp)
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: init ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
