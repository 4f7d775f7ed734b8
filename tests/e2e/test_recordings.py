#!/usr/bin/env python3
"""End-to-end tests of `wtool recordings` against a local HTTP server that serves playlist feeds
written for the tests (tests/data/recordings/): no network. On a copy of the shipped catalogue whose
season 9 recordings are first removed with `wtool episode --no-recording`:

- the proposal (text and JSON): the three talks matched in three title styles, the trailer and a
  Q&A not placed, season 8's video reported as another episode's, a bidi control made visible;
- --apply: only `recording = ` lines appear (difflib), tomllib reads them back; run again, nothing
  to set; an existing different recording is reported, never overwritten; a talk with
  share_recording = false is left alone;
- errors: 404, not XML (an empty answer), an HTML page, a playlist without videos (exit 0), network down (exit 3), a 503 then the feed (retried), a
  redirect followed; the catalogue untouched by every failure.

Usage: test_recordings.py --wtool PATH
"""
import argparse
import difflib
import http.server
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "episodes.toml"
FIXTURES = ROOT / "tests" / "data" / "recordings"
NOW = "2026-03-10T12:00:00Z"  # after season 9 (2026-03-02)
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}", flush=True)
    return condition


class Handler(http.server.BaseHTTPRequestHandler):
    flaky = {"count": 0}

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/atom+xml; charset=UTF-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/flaky.xml":  # 503 twice, then the feed
            Handler.flaky["count"] += 1
            if Handler.flaky["count"] <= 2:
                return self.send(503, b"busy", "text/plain", [("Retry-After", "0")])
            return self.send(200, (FIXTURES / "season9.xml").read_bytes())
        if path == "/blank.xml":  # an empty answer
            return self.send(200, b"")
        if path == "/moved.xml":
            return self.send(302, b"", "text/plain", [("Location", "/season9.xml")])
        file = FIXTURES / path.lstrip("/")
        if path.count("/") != 1 or not file.is_file():
            return self.send(404, b"<html>Not found</html>", "text/html")
        content_type = "text/html" if file.suffix == ".html" else "application/atom+xml; charset=UTF-8"
        self.send(200, file.read_bytes(), content_type)


def env():
    return {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    w = str(pathlib.Path(parser.parse_args().wtool).resolve())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    with tempfile.TemporaryDirectory() as tmp:
        cat = pathlib.Path(tmp) / "episodes.toml"
        shutil.copy(SHIPPED, cat)

        def run(*args, feed="/season9.xml"):
            extra = ["--feed-url", base + feed] if feed else []
            return subprocess.run([w, *args, *extra, "--catalogue", str(cat), "--now", NOW], env=env(),
                                  capture_output=True, text=True, encoding="utf-8", timeout=120)

        for code in ("S09E01", "S09E02", "S09E03"):
            r = run("episode", code, "--no-recording", feed=None)
            check(r.returncode == 0, f"episode {code} --no-recording: {r.stderr}")
        start = cat.read_text(encoding="utf-8")

        # The proposal, written nowhere.
        r = run("recordings")
        check(r.returncode == 0 and cat.read_text(encoding="utf-8") == start, f"recordings: exit {r.returncode} {r.stderr}")
        lines = r.stdout.splitlines()
        check(lines[0].startswith("Season 9: 3 talks, 6 videos in http://127.0.0.1:"), f"the heading: {lines[0]}")
        for code, video, confidence in (("S09E01", "AUYmTQrZsRA", "certain (episode code S09E01)"),
                                        ("S09E02", "UHk2lmowLPw", "high (title"),
                                        ("S09E03", "ZKkgiQinQPM", "high (title")):
            line = next((l for l in lines if l.startswith(f"  {code}")), "")
            check(f"set         https://www.youtube.com/watch?v={video}  {confidence}" in line, f"{code}: {line}")
        check("  https://www.youtube.com/watch?v=Zq3xT9aB1c0  \"Season 10 – trailer\"" in lines, "the trailer is not placed")
        check("  https://www.youtube.com/watch?v=Qa9Qa9Qa9Qa  \"Q&A \\u202Esession\"" in lines,
              "the bidi control in a title is made visible")
        check("  https://www.youtube.com/watch?v=xrTUQyVNW70  S08E01  \"Advancing Computational Pathology (season 8)\"" in lines,
              "season 8's video is reported as another episode's recording")
        check("run with --apply to set 3 recordings" in r.stderr, f"the hint: {r.stderr}")

        r = run("recordings", "--format", "json")
        data = json.loads(r.stdout)
        check(data["season"] == 9 and [t["action"] for t in data["talks"]] == ["set", "set", "set"],
              f"the JSON proposal: {[t['action'] for t in data['talks']]}")
        check(data["talks"][0]["video"]["published"] == "2026-03-04T10:00:00+00:00", "the JSON has the video's date")
        check(len(data["unplaced"]) == 2 and data["elsewhere"][0]["episode"] == "S08E01", "JSON: unplaced, elsewhere")

        # --apply: only recording lines change.
        r = run("recordings", "--apply")
        check(r.returncode == 0 and "now out of date" in r.stderr, f"--apply: {r.stderr}")
        after = cat.read_text(encoding="utf-8")
        removed = [l for l in difflib.ndiff(start.splitlines(), after.splitlines()) if l.startswith("- ")]
        added = [l[2:] for l in difflib.ndiff(start.splitlines(), after.splitlines()) if l.startswith("+ ")]
        check(removed == [] and len(added) == 3 and all(l.startswith('recording = "https://www.youtube.com/watch?v=')
                                                         for l in added), f"only recording lines: {added}")
        episodes = {e["code"]: e for e in tomllib.loads(after)["episode"]}
        check(episodes["S09E02"]["recording"] == "https://www.youtube.com/watch?v=UHk2lmowLPw", "tomllib reads them")
        check(subprocess.run([w, "validate", "--catalogue", str(cat), "--now", NOW], env=env(),
                             capture_output=True).returncode == 0, "valid after --apply")
        r = run("recordings", "--apply")
        check(r.returncode == 0 and "nothing to set" in r.stderr and cat.read_text(encoding="utf-8") == after,
              f"a second --apply changes nothing: {r.stderr}")
        check(r.stdout.count("already") == 3, "each talk already has its video")

        # Never overwritten; never for a talk that is not to be shared.
        run("episode", "S09E02", "--recording", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", feed=None)
        run("episode", "S09E03", "--no-recording", "--share-recording", "no", feed=None)
        before = cat.read_text(encoding="utf-8")
        r = run("recordings", "--apply")
        check(cat.read_text(encoding="utf-8") == before, "a different recording is not overwritten, unshared left alone")
        check("differs" in r.stdout and "dQw4w9WgXcQ (not overwritten)" in r.stdout, f"the difference is reported: {r.stdout}")
        check("not shared" in r.stdout, "the unshared talk is reported")

        # Errors: the URL named, the right exit status, nothing written.
        for feed, status, words in (("/missing.xml", 2, "does not exist (HTTP 404)"),
                                    ("/not-a-feed.html", 2, "not an Atom feed (it is a 'html' document)"),
                                    ("/blank.xml", 2, "not XML: no element found"),
                                    ("/empty.xml", 0, "")):
            r = run("recordings", "--apply", feed=feed)
            check(r.returncode == status and words in r.stderr and base + feed in (r.stderr + r.stdout)
                  and cat.read_text(encoding="utf-8") == before, f"{feed}: exit {r.returncode} {r.stderr}")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed = s.getsockname()[1]
        r = subprocess.run([w, "recordings", "--feed-url", f"http://127.0.0.1:{closed}/feed.xml", "--retries", "0",
                            "--catalogue", str(cat), "--now", NOW], env=env(), capture_output=True, text=True, timeout=60)
        check(r.returncode == 3 and f"http://127.0.0.1:{closed}/feed.xml" in r.stderr, f"network down: exit {r.returncode}")
        r = run("recordings", feed="/flaky.xml")
        check(r.returncode == 0 and Handler.flaky["count"] == 3, f"503 twice, then the feed: exit {r.returncode} "
              f"after {Handler.flaky['count']} requests {r.stderr}")
        r = run("recordings", feed="/moved.xml")
        check(r.returncode == 0 and "S09E01" in r.stdout, f"a redirect is followed: {r.stderr}")
    server.shutdown()
    print("ok" if not FAILURES else f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
