#!/usr/bin/env python3
"""End-to-end tests of `wtool add-episode`, on copies of catalogues in temporary folders.

Checks the safety promises of docs/add-episode.md with independent tools: python3's tomllib
reads the result back, `wtool validate` checks it, and the old file must be an unchanged byte
prefix of the new one. Concurrency and crashes are exercised for real: runs in parallel, runs
killed at chosen points (WTOOL_TEST_KILL_AT) and at random moments, and the interactive mode
through a pseudo-terminal.

Usage: test_add_episode.py --wtool PATH [--rounds N]
"""
import argparse
import fcntl
import json
import os
import pathlib
import pty
import random
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "episodes.toml"
NOW = "2026-02-01T12:00:00Z"
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}", flush=True)
    return condition


def env_for(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR", "WTOOL_TEST_KILL_AT")}
    env["TZ"] = "UTC"
    env.update(extra)
    return env


class Runner:
    def __init__(self, wtool):
        self.wtool = wtool

    def run(self, args, cwd, stdin=subprocess.DEVNULL, env=None, timeout=120):
        return subprocess.run([self.wtool] + args, cwd=cwd, stdin=stdin, capture_output=True,
                              env=env or env_for(), timeout=timeout)

    def add(self, catalogue, args, **kw):
        return self.run(["add-episode", "--catalogue", str(catalogue), "--now", NOW] + args,
                        cwd=pathlib.Path(catalogue).parent, **kw)

    def validate(self, catalogue):
        proc = self.run(["validate", "--catalogue", str(catalogue), "--now", NOW, "--format", "json"],
                        cwd=pathlib.Path(catalogue).parent)
        return json.loads(proc.stdout)


def speaker(name, affiliation="Some University", country="Denmark"):
    return ["--speaker", name, "--affiliation", affiliation, "--country", country]


def episodes(path):
    return tomllib.loads(pathlib.Path(path).read_text(encoding="utf-8"))["episode"]


def describe(proc):
    return (f"exit {proc.returncode}\nstdout: {proc.stdout.decode(errors='replace')}\n"
            f"stderr: {proc.stderr.decode(errors='replace')}")


# ------------------------------------------------------------------ adding to the shipped catalogue

def test_shipped(w, tmp):
    cat = tmp / "episodes.toml"
    shutil.copyfile(SHIPPED, cat)
    os.chmod(cat, 0o640)
    old = cat.read_bytes()
    (tmp / "abstract.txt").write_text("First paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    (tmp / "bio.txt").write_text("Her bio.\n", encoding="utf-8")
    proc = w.add(cat, ["--season", "10", "--title", "A fourth talk"] + speaker("Ada Lovelace") +
                 ["--honorific", "Dr.", "--bio-file", "bio.txt"] + speaker("Alan Turing", "Manchester", "UK") +
                 ["--abstract-file", "abstract.txt"])
    if not check(proc.returncode == 0, "shipped: add to season 10 succeeds\n" + describe(proc)):
        return
    check(proc.stdout == b"S10E04\n", f"shipped: prints the new code, got {proc.stdout!r}")
    new = cat.read_bytes()
    check(new.startswith(old), "shipped: the old content is an unchanged byte prefix")
    check(len(new) > len(old), "shipped: something was appended")
    report = w.validate(cat)
    check(report["errors"] == 0, f"shipped: validate is clean after the addition: {report}")
    ep = episodes(cat)[-1]
    check(ep["code"] == "S10E04" and ep["title"] == "A fourth talk", f"shipped: last episode {ep}")
    check(ep["abstract"] == "First paragraph.\n\nSecond paragraph.", f"shipped: abstract {ep['abstract']!r}")
    check([s["name"] for s in ep["speaker"]] == ["Ada Lovelace", "Alan Turing"], "shipped: speakers in order")
    check(ep["speaker"][0].get("honorific") == "Dr." and ep["speaker"][0].get("bio") == "Her bio.",
          "shipped: per-speaker options belong to their speaker")
    check("honorific" not in ep["speaker"][1] and "bio" not in ep["speaker"][1],
          "shipped: the second speaker has only their own options")
    check(stat.S_IMODE(cat.stat().st_mode) == 0o640, "shipped: the file keeps its permissions")
    check((tmp / ".episodes.toml.lock").exists(), "shipped: the lock file is next to the catalogue")
    leftovers = [p.name for p in tmp.iterdir() if p.name.startswith(".episodes.toml.") and p.suffix != ".lock"]
    check(not leftovers, f"shipped: no temporary file is left: {leftovers}")

    # A new season with the episode: both appended, still clean.
    before = cat.read_bytes()
    proc = w.add(cat, ["--season", "11", "--season-date", "2026-06-01", "--season-time", "14:00",
                       "--season-theme", "Fairness", "--zoom", "https://itucph.zoom.us/meeting/register/abc",
                       "--title", "Opening the new season"] + speaker("Grace Hopper"))
    check(proc.returncode == 0 and proc.stdout == b"S11E01\n", "shipped: new season 11\n" + describe(proc))
    check(cat.read_bytes().startswith(before), "shipped: the season's addition is appended too")
    report = w.validate(cat)
    check(report["errors"] == 0, f"shipped: validate is clean with the new season: {report}")
    data = tomllib.loads(cat.read_text(encoding="utf-8"))
    season = data["season"][-1]
    check(season["number"] == 11 and str(season["date"]) == "2026-06-01" and str(season["time"]) == "14:00:00"
          and season["theme"] == "Fairness", f"shipped: season 11 as given: {season}")

    # A symbolic link stays a link; the file it points to gets the episode.
    link = tmp / "link.toml"
    link.symlink_to(cat.name)
    before = cat.read_bytes()
    proc = w.add(link, ["--season", "11", "--title", "Through a link"] + speaker("Linus"))
    check(proc.returncode == 0 and proc.stdout == b"S11E02\n", "symlink: added\n" + describe(proc))
    check(link.is_symlink(), "symlink: the catalogue is still a symbolic link")
    check(cat.read_bytes().startswith(before) and episodes(cat)[-1]["title"] == "Through a link",
          "symlink: the target file got the episode")


# ------------------------------------------------------------------ hostile values round-trip exactly

HOSTILE_TITLE = 'Quotes " \' """ and \\ backslashes \\" \\\\ with emoji 👀👩‍🔬 [[episode]] # not a comment'
HOSTILE_NAME = 'Zoë "Z" O\'Brien-Łukasiewicz \\u0041 ${x}'
HOSTILE_AFFILIATION = "King's College \"London\" \t tab"
HOSTILE_ABSTRACT = ('Starts with a quote " and has """ inside, and """""" six.\n\n'
                    'A backslash at the end of a line \\\n'
                    'and \\n that is not a newline, \u202Ebidi\u202C, \u00A0no-break, end quote"')
HOSTILE_BIO = '"""\nonly quotes\n"""'


def test_hostile(w, tmp):
    cat = tmp / "episodes.toml"
    shutil.copyfile(SHIPPED, cat)
    old = cat.read_bytes()
    (tmp / "abstract.txt").write_text(HOSTILE_ABSTRACT, encoding="utf-8")
    (tmp / "bio.txt").write_text(HOSTILE_BIO, encoding="utf-8")
    proc = w.add(cat, ["--season", "10", "--title", HOSTILE_TITLE, "--speaker", HOSTILE_NAME,
                       "--affiliation", HOSTILE_AFFILIATION, "--country", "Côte d'Ivoire",
                       "--honorific", "Prof. \"Dr.\"", "--bio-file", "bio.txt", "--abstract-file", "abstract.txt",
                       "--video", "https://www.youtube.com/watch?v=abcdefghijk"])
    if not check(proc.returncode == 0, "hostile: added\n" + describe(proc)):
        return
    check(cat.read_bytes().startswith(old), "hostile: old content is a prefix")
    ep = episodes(cat)[-1]
    sp = ep["speaker"][0]
    for name, got, want in [("title", ep["title"], HOSTILE_TITLE), ("abstract", ep["abstract"], HOSTILE_ABSTRACT),
                            ("name", sp["name"], HOSTILE_NAME), ("affiliation", sp["affiliation"],
                                                                 HOSTILE_AFFILIATION),
                            ("country", sp["country"], "Côte d'Ivoire"), ("honorific", sp["honorific"],
                                                                           'Prof. "Dr."'),
                            ("bio", sp["bio"], HOSTILE_BIO)]:
        check(got == want, f"hostile: {name} round-trips exactly: {got!r} != {want!r}")
    check(w.validate(cat)["errors"] == 0, "hostile: validate has no errors")

    # Files that end in awkward ways: the result is still valid TOML with the old bytes first.
    text = SHIPPED.read_text(encoding="utf-8")
    endings = {
        "no-final-newline": text.rstrip("\n"),
        "trailing-comment": text + "# the end, no newline",
        "blank-lines": text + "\n\n\n",
        "crlf": text.replace("\n", "\r\n"),
        "inside-organiser-table": text + '[[series.organiser]]\nname = "Late Organiser"',
        "inside-speaker-table": text + '[[episode.speaker]]\nname = "Extra speaker"\n',
    }
    for name, content in endings.items():
        path = tmp / f"{name}.toml"
        path.write_bytes(content.encode("utf-8"))
        proc = w.add(path, ["--season", "10", "--title", "Edge " + name] + speaker("Ada") +
                     ["--abstract-file", "abstract.txt"])
        if not check(proc.returncode == 0, f"ending {name}: added\n" + describe(proc)):
            continue
        new = path.read_bytes()
        check(new.startswith(content.encode("utf-8")), f"ending {name}: old content is a prefix")
        try:
            ep = episodes(path)[-1]
            check(ep["title"] == "Edge " + name and ep["abstract"] == HOSTILE_ABSTRACT,
                  f"ending {name}: values read back exactly")
        except tomllib.TOMLDecodeError as e:
            check(False, f"ending {name}: result is not TOML: {e}")
        if name == "crlf":
            appended = new[len(content.encode("utf-8")):]
            check(b"\n" not in appended.replace(b"\r\n", b""), "ending crlf: appended lines end in CRLF")
        check(w.validate(path)["errors"] == 0, f"ending {name}: validate has no errors")


# ------------------------------------------------------------------ invalid additions change nothing

def test_invalid(w, tmp):
    cat = tmp / "episodes.toml"
    shutil.copyfile(SHIPPED, cat)
    old = cat.read_bytes()
    cases = {
        "url-invalid": ["--season", "10", "--title", "T", "--video", "htp:/broken"] + speaker("A"),
        "duplicate-episode": ["--season", "10", "--number", "2", "--title", "T"] + speaker("A"),
        "control-character": ["--season", "10", "--title", "bell \x07 here"] + speaker("A"),
        "zoom-url": ["--season", "11", "--zoom", "https://example.com/meeting", "--title", "T"] + speaker("A"),
        "nonexistent-time": ["--season", "11", "--season-date", "2026-03-29", "--season-time", "02:30",
                             "--title", "T"] + speaker("A"),
        "url-scheme": ["--season", "10", "--title", "T", "--speaker", "A", "--affiliation", "X", "--country", "Y",
                       "--homepage", "ftp://example.org"],
    }
    for rule, args in cases.items():
        proc = w.add(cat, args)
        err = proc.stderr.decode(errors="replace")
        check(proc.returncode == 1, f"invalid {rule}: exit 1\n" + describe(proc))
        check(f"[{rule}]" in err, f"invalid {rule}: the error is shown\n{err}")
        check("nothing was written" in err, f"invalid {rule}: says nothing was written\n{err}")
        check(cat.read_bytes() == old, f"invalid {rule}: the file is byte-identical")
    # usage errors and a broken catalogue also leave everything as it was
    proc = w.add(cat, ["--season", "10", "--title", "T", "--affiliation", "before"] + speaker("A"))
    check(proc.returncode == 2 and cat.read_bytes() == old, "usage error: exit 2, file unchanged\n" + describe(proc))
    broken = tmp / "broken.toml"
    broken.write_bytes(old + b"\n[[episode]]\ncode = \"S10E01\"\ntitle = \"dup\"\n[[episode.speaker]]\nname = \"x\"\n")
    broken_old = broken.read_bytes()
    proc = w.add(broken, ["--season", "10", "--title", "T"] + speaker("A"))
    check(proc.returncode == 2 and broken.read_bytes() == broken_old,
          "broken catalogue: refused with exit 2, file unchanged\n" + describe(proc))


def test_read_only(w, tmp):
    """A catalogue whose mode allows no writes is refused (a rename would replace it silently,
    since only the folder's mode counts), for root too; through a symbolic link as well."""
    cat = tmp / "episodes.toml"
    shutil.copyfile(SHIPPED, cat)
    os.chmod(cat, 0o444)
    old = cat.read_bytes()
    link = tmp / "link.toml"
    link.symlink_to(cat.name)
    for name in (cat, link):
        proc = w.add(name, ["--season", "10", "--title", "T"] + speaker("A"))
        err = proc.stderr.decode(errors="replace")
        want = (f"wtool: error: '{name}' is read-only (mode 0444): refusing to replace it; make it writable "
                f"(chmod u+w '{name}') if it should change\n")
        check(proc.returncode == 2 and err == want, f"read-only {name.name}: refused, exit 2\n" + describe(proc))
        check(cat.read_bytes() == old and stat.S_IMODE(cat.stat().st_mode) == 0o444,
              f"read-only {name.name}: the file and its mode are untouched")
        check(link.is_symlink(), "read-only: the link is still a link")
    check(sorted(p.name for p in tmp.iterdir()) == ["episodes.toml", "link.toml"],
          f"read-only: no lock or temporary file made: {sorted(p.name for p in tmp.iterdir())}")
    proc = w.add(cat, ["--season", "10", "--title", "T", "--dry-run"] + speaker("A"))
    check(proc.returncode == 0, "read-only: --dry-run still shows what would be added\n" + describe(proc))
    os.chmod(cat, 0o644)
    proc = w.add(cat, ["--season", "10", "--title", "T"] + speaker("A"))
    check(proc.returncode == 0, "read-only: once writable, the episode is added\n" + describe(proc))


# ------------------------------------------------------------------ concurrency

def test_concurrent(w, tmp, rounds):
    runs_per_round = 6
    for r in range(rounds):
        cat = tmp / f"concurrent-{r}.toml"
        shutil.copyfile(SHIPPED, cat)
        old = cat.read_bytes()
        procs = []
        for i in range(runs_per_round):
            args = [w.wtool, "add-episode", "--catalogue", str(cat), "--now", NOW, "--season", "10",
                    "--title", f"Parallel {r}-{i}", "--wait", "120"] + speaker(f"Speaker {i}")
            procs.append(subprocess.Popen(args, cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, env=env_for()))
        results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        landed = []
        for i, (code, out, err) in enumerate(results):
            if code == 0:
                landed.append((i, out.decode().strip()))
            else:
                # the only acceptable failure is a clear one that wrote nothing
                check(code == 1 and (b"another wtool run" in err or b"changed on disk" in err),
                      f"concurrent round {r}: run {i} failed unclearly: exit {code} {err!r}")
        new = cat.read_bytes()
        check(new.startswith(old), f"concurrent round {r}: the old content is a prefix")
        added = episodes(cat)[len(episodes(SHIPPED)):]
        check(len(added) == len(landed),
              f"concurrent round {r}: {len(landed)} runs succeeded but {len(added)} episodes were added")
        titles = sorted(e["title"] for e in added)
        check(titles == sorted(f"Parallel {r}-{i}" for i, _ in landed), f"concurrent round {r}: lost update {titles}")
        codes = [e["code"] for e in added]
        check(codes == [f"S10E{n:02}" for n in range(4, 4 + len(added))],
              f"concurrent round {r}: codes are consecutive and unique: {codes}")
        check(sorted(c for _, c in landed) == sorted(codes), f"concurrent round {r}: printed codes match the file")
        check(w.validate(cat)["errors"] == 0, f"concurrent round {r}: validate is clean")
        check(len(landed) == runs_per_round, f"concurrent round {r}: every run landed ({len(landed)})")

    # A lock held elsewhere for longer than --wait: a clear failure, nothing written.
    cat = tmp / "locked.toml"
    shutil.copyfile(SHIPPED, cat)
    old = cat.read_bytes()
    with open(tmp / ".locked.toml.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        proc = w.add(cat, ["--season", "10", "--title", "T", "--wait", "1"] + speaker("A"))
    err = proc.stderr.decode(errors="replace")
    check(proc.returncode == 1 and "another wtool run is still changing" in err and "nothing was written" in err,
          "locked: fails clearly\n" + describe(proc))
    check(cat.read_bytes() == old, "locked: file unchanged")
    proc = w.add(cat, ["--season", "10", "--title", "T"] + speaker("A"))
    check(proc.returncode == 0, "locked: works once the lock is released\n" + describe(proc))


# ------------------------------------------------------------------ crashes

def test_killed(w, tmp, rounds):
    base_args = ["--season", "10", "--title", "Killed?"] + speaker("Ada")
    cat = tmp / "kill.toml"
    shutil.copyfile(SHIPPED, cat)
    old = cat.read_bytes()
    dry = w.add(cat, base_args + ["--dry-run"])
    expected_new = old + dry.stdout
    duration = 0.0  # of a whole run, to spread the random kills below over it
    for point, want in [("after-lock", old), ("before-rename", old), ("after-rename", expected_new)]:
        shutil.copyfile(SHIPPED, cat)
        proc = w.add(cat, base_args, env=env_for(WTOOL_TEST_KILL_AT=point))
        check(proc.returncode == -signal.SIGKILL, f"kill {point}: the run was killed\n" + describe(proc))
        check(cat.read_bytes() == want, f"kill {point}: the file is {'old' if want == old else 'new'}, whole")
        start = time.monotonic()
        proc = w.add(cat, base_args)  # the dead run's lock is gone
        duration = max(duration, time.monotonic() - start)
        check(proc.returncode == 0, f"kill {point}: the next run works\n" + describe(proc))
        check(w.validate(cat)["errors"] == 0, f"kill {point}: validate is clean afterwards")
        # The killed run's temporary file (before-rename: complete, never renamed) is removed by
        # the next run, which holds the lock, and says so.
        leftovers = [p.name for p in tmp.iterdir() if p.name.startswith(".kill.toml.") and p.suffix != ".lock"]
        check(not leftovers, f"kill {point}: the next run removed the killed run's temporary file: {leftovers}")
        said = b"left behind by an interrupted wtool run" in proc.stderr
        check(said == (point == "before-rename"), f"kill {point}: the removal is reported\n" + describe(proc))

    # A temporary file of a process that is still running is never removed; one of a process
    # that has ended is, whatever its age; other files are left alone.
    shutil.copyfile(SHIPPED, cat)
    ended = subprocess.Popen(["true"])
    ended.wait()
    sleeper = subprocess.Popen(["sleep", "300"])
    try:
        stale = tmp / f".kill.toml.wtool-tmp.{ended.pid}.AbC123"
        running = tmp / f".kill.toml.wtool-tmp.{sleeper.pid}.XyZ789"
        mine = tmp / f".kill.toml.wtool-tmp.{os.getpid()}.Mine00"
        other = tmp / ".kill.toml.Ab12Cd"  # not recognisably wtool's
        for p in (stale, running, mine, other):
            p.write_text("partial")
        proc = w.add(cat, base_args)
        check(proc.returncode == 0, "stale: the run works\n" + describe(proc))
        check(not stale.exists(), "stale: the ended process' temporary file is removed")
        check(running.exists() and mine.exists(), "stale: running processes' temporary files are kept")
        check(other.exists(), "stale: a file wtool did not name is kept")
        check(f"removed '{stale}', left behind by an interrupted wtool run".encode() in proc.stderr,
              "stale: the removal is reported\n" + describe(proc))
        proc = w.add(cat, base_args + ["--quiet"])
        check(proc.returncode == 0 and b"removed" not in proc.stderr, "stale: --quiet run says nothing\n" + describe(proc))
    finally:
        sleeper.kill()
        sleeper.wait()
    for p in (running, mine, other):
        p.unlink()

    # Killed from outside at random moments: always the old or the new file, never a torn one.
    rng = random.Random(20260201)
    outcomes = {"old": 0, "new": 0}
    for i in range(rounds * 2):
        shutil.copyfile(SHIPPED, cat)
        p = subprocess.Popen([w.wtool, "add-episode", "--catalogue", str(cat), "--now", NOW] + base_args,
                             cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env_for())
        time.sleep(rng.uniform(0, duration * 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait()
        content = cat.read_bytes()
        if content == old:
            outcomes["old"] += 1
        elif content == expected_new:
            outcomes["new"] += 1
        else:
            check(False, f"random kill {i}: the file is neither the old nor the new one ({len(content)} bytes)")
    print(f"random kills: {outcomes}", flush=True)


# ------------------------------------------------------------------ interactive mode through a pty

class Terminal:
    """Runs wtool with stdin and stderr on a pseudo-terminal; stdout is a pipe."""

    def __init__(self, w, args, cwd):
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen([w.wtool] + args, cwd=cwd, stdin=slave, stderr=slave,
                                     stdout=subprocess.PIPE, env=env_for(TERM="dumb"))
        os.close(slave)
        self.seen = ""  # everything the terminal showed
        self.pending = ""  # shown but not yet matched by expect()

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not data:
            return False
        text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
        self.seen += text
        self.pending += text
        return True

    def expect(self, prompt, timeout=60):
        deadline = time.monotonic() + timeout
        while prompt not in self.pending:
            if time.monotonic() > deadline or not self._read(max(0.0, deadline - time.monotonic())):
                if prompt not in self.pending:
                    check(False, f"pty: expected {prompt!r}, the terminal showed:\n{self.seen}")
                    raise TimeoutError(prompt)
        self.pending = self.pending[self.pending.index(prompt) + len(prompt):]

    def send(self, line):
        os.write(self.master, line.encode("utf-8") + b"\n")

    def send_eof(self):
        os.write(self.master, b"\x04")

    def finish(self, timeout=60):
        while self._read(0.2):
            pass
        code = self.proc.wait(timeout=timeout)
        out = self.proc.stdout.read().decode("utf-8")
        self.proc.stdout.close()
        while self._read(0.1):
            pass
        os.close(self.master)
        return code, out


def answer_episode(t, title, confirm):
    t.expect("Season [9]: ")
    t.send("10")
    t.expect("season 10: theme TBA, date TBA")
    t.expect("Episode number in season 10 [4]: ")
    t.send("")
    t.expect("Title: ")
    t.send(title)
    t.expect("Speaker's name: ")
    t.send("Zoë Tester")
    t.expect("Honorific, e.g. Dr. or Prof. (empty: none): ")
    t.send("Dr.")
    t.expect("Affiliation: ")
    t.send("")  # required: asked again
    t.expect("this field is required")
    t.expect("Affiliation: ")
    t.send("IT University of Copenhagen")
    t.expect("Country: ")
    t.send("Denmark")
    t.expect("Homepage (empty: none): ")
    t.send("")
    t.expect("Bio of Zoë Tester; end with an empty line or Ctrl-D:")
    t.send("Line one of the bio.")
    t.send("Line two.")
    t.send("")
    t.expect("Speaker 2's name (empty: no more speakers): ")
    t.send("")
    t.expect("Abstract; end with an empty line or Ctrl-D:")
    t.send("An abstract typed at the terminal.")
    t.send_eof()  # Ctrl-D ends the text; the next questions still work
    t.expect("Recording link (YouTube): ")
    t.send("")
    t.expect("May the recording be shared? [Y/n]: ")
    t.send("n")
    t.expect("This is what would be appended to")
    t.expect('code = "S10E04"')
    t.expect("Add S10E04 to '")
    t.expect("? [Y/n]: ")
    return confirm(t)


def test_interactive(w, tmp):
    cat = tmp / "episodes.toml"
    shutil.copyfile(SHIPPED, cat)
    old = cat.read_bytes()
    args = ["add-episode", "--catalogue", str(cat), "--now", NOW]

    # Answer everything and confirm.
    t = Terminal(w, args, tmp)
    try:
        answer_episode(t, 'Typed "live"', lambda t: t.send("y"))
    except TimeoutError:
        pass
    code, out = t.finish()
    if check(code == 0 and out == "S10E04\n", f"pty: confirmed addition, exit {code}, stdout {out!r}\n{t.seen}"):
        check(cat.read_bytes().startswith(old), "pty: old content is a prefix")
        ep = episodes(cat)[-1]
        check(ep["title"] == 'Typed "live"' and ep["abstract"] == "An abstract typed at the terminal."
              and ep["share_recording"] is False and ep["speaker"][0]["bio"] == "Line one of the bio.\nLine two."
              and ep["speaker"][0]["affiliation"] == "IT University of Copenhagen",
              f"pty: the answers were written: {ep}")
        check(w.validate(cat)["errors"] == 0, "pty: validate is clean")

    # Decline at the confirmation: nothing written.
    shutil.copyfile(SHIPPED, cat)
    t = Terminal(w, args, tmp)
    try:
        answer_episode(t, "Declined", lambda t: t.send("n"))
    except TimeoutError:
        pass
    code, out = t.finish()
    check(code == 1 and out == "" and cat.read_bytes() == old, f"pty: declined, exit {code}\n{t.seen}")
    check("nothing was written" in t.seen, "pty: declining says nothing was written")

    # The file changes on disk while the user is answering: nothing written, the user is told.
    shutil.copyfile(SHIPPED, cat)
    edited = old + b"\n# edited by hand meanwhile\n"

    def edit_then_confirm(t):
        cat.write_bytes(edited)
        t.send("y")

    t = Terminal(w, args, tmp)
    try:
        answer_episode(t, "Conflict", edit_then_confirm)
    except TimeoutError:
        pass
    code, out = t.finish()
    check(code == 1 and cat.read_bytes() == edited, f"pty: a file changed meanwhile is not overwritten, exit {code}")
    check("changed on disk" in t.seen and "nothing was written" in t.seen, f"pty: the user is told\n{t.seen}")
    check("The episode that was not added:" in t.seen, "pty: the typed episode is shown so it is not lost")

    # Ctrl-D at a one-line question gives up.
    shutil.copyfile(SHIPPED, cat)
    t = Terminal(w, args, tmp)
    try:
        t.expect("Season [9]: ")
        t.send_eof()
    except TimeoutError:
        pass
    code, out = t.finish()
    check(code == 1 and cat.read_bytes() == old, f"pty: Ctrl-D gives up, exit {code}\n{t.seen}")

    # On a terminal with --title, missing fields are listed instead of asked.
    t = Terminal(w, args + ["--season", "10", "--title", "T"], tmp)
    code, out = t.finish()
    check(code == 2 and "--speaker NAME" in t.seen and "leave out --title" in t.seen,
          f"pty: --title turns questions off, exit {code}\n{t.seen}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wtool", required=True)
    parser.add_argument("--rounds", type=int, default=15, help="rounds of parallel runs and random kills")
    args = parser.parse_args()
    w = Runner(str(pathlib.Path(args.wtool).resolve()))
    tests = [("shipped", lambda d: test_shipped(w, d)), ("hostile", lambda d: test_hostile(w, d)),
             ("invalid", lambda d: test_invalid(w, d)), ("read-only", lambda d: test_read_only(w, d)),
             ("concurrent", lambda d: test_concurrent(w, d, args.rounds)),
             ("killed", lambda d: test_killed(w, d, args.rounds)), ("interactive", lambda d: test_interactive(w, d))]
    for name, test in tests:
        with tempfile.TemporaryDirectory(prefix=f"wtool-add-{name}-") as d:
            before = len(FAILURES)
            test(pathlib.Path(d))
            print(f"{'ok' if len(FAILURES) == before else 'FAILED'} {name}", flush=True)
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
