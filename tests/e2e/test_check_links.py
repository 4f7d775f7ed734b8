#!/usr/bin/env python3
"""End-to-end tests of `wtool check-links` against a real HTTP server on 127.0.0.1.

The test starts a threaded http.server that plays YouTube's oEmbed endpoint, Zoom pages and
ordinary web pages (slow ones, resetting ones, redirect loops, rate limits, a huge body, a bot
wall). wtool reaches it through real-looking host names: `--connect-to HOST:80:127.0.0.1:PORT`
sends http://www.youtube.com, http://itucph.zoom.us and http://other.test there, and
`--oembed-endpoint http://www.youtube.com/oembed` makes the YouTube checks plain http. Nothing
leaves the machine. The server records every request and the most requests it ever had in
flight per host, so the test can check wtool's per-host limit.

Usage: test_check_links.py --wtool PATH
"""
import argparse
import email.utils
import json
import os
import pathlib
import select
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAILURES = []


def check(name, condition, detail=""):
    if not condition:
        FAILURES.append(f"{name}: {detail}")
        print(f"FAIL {name}: {detail}", file=sys.stderr)


class Recorder:
    """What the server saw: requests (time, method, host, path, user agent) and concurrency."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []
        self.in_flight = {}
        self.max_in_flight = {}
        self.hits = {}
        self.huge_bytes_sent = []

    def begin(self, handler):
        host = handler.headers.get("Host", "").split(":")[0]
        with self.lock:
            self.requests.append((time.monotonic(), handler.command, host, handler.path,
                                  handler.headers.get("User-Agent", "")))
            self.in_flight[host] = self.in_flight.get(host, 0) + 1
            self.max_in_flight[host] = max(self.max_in_flight.get(host, 0), self.in_flight[host])
            key = (host, urllib.parse.urlsplit(handler.path).path)
            self.hits[key] = self.hits.get(key, 0) + 1
            return host, self.hits[key]

    def end(self, host):
        with self.lock:
            self.in_flight[host] -= 1

    def times(self, host, path_prefix):
        with self.lock:
            return [t for (t, _m, h, p, _ua) in self.requests if h == host and p.startswith(path_prefix)]

    def count(self, host, path_prefix):
        return len(self.times(host, path_prefix))

    def reset(self):
        with self.lock:
            self.requests.clear()
            self.max_in_flight.clear()
            self.hits.clear()
            self.huge_bytes_sent.clear()


RECORDER = Recorder()
HUGE = 50 * 1024 * 1024  # bytes the huge pages claim to have


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test's output readable
        pass

    def reply(self, status, body=b"", headers=None, content_type="text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def reset_connection(self):
        # SO_LINGER with a zero timeout makes close() send a TCP RST.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def client_gone_within(self, seconds):
        """Waits up to `seconds`; True as soon as the client closes the connection."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            readable, _, _ = select.select([self.connection], [], [], 0.02)
            if readable:
                try:
                    if not self.connection.recv(1, socket.MSG_PEEK):
                        self.close_connection = True
                        return True
                except OSError:
                    self.close_connection = True
                    return True
        return False

    def huge(self, first_bytes):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        if self.command == "HEAD":
            return
        chunk = b"x" * 65536
        sent = 0
        try:
            self.wfile.write(first_bytes)
            sent += len(first_bytes)
            while sent < HUGE:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        with RECORDER.lock:
            RECORDER.huge_bytes_sent.append(sent)

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()

    def route(self):
        host, nth = RECORDER.begin(self)
        try:
            url = urllib.parse.urlsplit(self.path)
            if host in ("meet.google.com", "meet.jit.si"):
                self.web(url.path, nth)
            elif host == "www.youtube.com":
                self.oembed(url, nth)
            elif host == "itucph.zoom.us":
                self.zoom(url.path, nth)
            else:
                self.web(url.path, nth)
        finally:
            RECORDER.end(host)

    def oembed(self, url, nth):
        if url.path != "/oembed":
            return self.reply(404, b"no such page")
        query = urllib.parse.parse_qs(url.query)
        if query.get("format") != ["json"]:
            return self.reply(501, b"format missing")
        link = urllib.parse.urlsplit(query.get("url", [""])[0])
        video = (urllib.parse.parse_qs(link.query).get("v") or urllib.parse.parse_qs(link.query).get("list")
                 or [""])[0]
        good = json.dumps({"type": "video", "title": f"Talk {video}", "version": "1.0"}).encode()
        if video == "GOODVIDEO01" or video == "PLgoodlist":
            return self.reply(200, good, content_type="application/json")
        if video == "NOEMBED0001":
            return self.reply(401, b"Unauthorized")
        if video == "PRIVATE0001":
            return self.reply(403, b"Forbidden")
        if video == "DELETED0001":
            return self.reply(404, b"Not Found")
        if video == "BADID000001":
            return self.reply(400, b"Bad Request")
        if video == "NOTJSON0001":
            return self.reply(200, b"<html><body>Sign in to confirm</body></html>")
        if video == "HOSTILE0001":  # a title that would retitle the terminal, clear it and reverse the text
            title = "Talk \x1b]0;pwned\x07\x1b[2J\u202eevil"
            return self.reply(200, json.dumps({"type": "video", "title": title, "version": "1.0"}).encode(),
                              content_type="application/json")
        if video == "RATELIMIT01":
            if nth_for_video(video) == 1:
                return self.reply(429, b"slow down", {"Retry-After": "1"})
            return self.reply(200, good, content_type="application/json")
        return self.reply(404, b"Not Found")

    def zoom(self, path, nth):
        if path == "/meeting/register/valid":
            return self.reply(200, b"<title>Meeting Registration - Zoom</title><form>...</form>")
        if path == "/meeting/register/invalid":
            return self.reply(200, b"<div class=error>This meeting ID is invalid. (3001)</div>")
        if path == "/meeting/register/plain":
            return self.reply(200, b"<html><body>Zoom</body></html>")
        if path == "/meeting/register/custom":
            return self.reply(200, b"<p>Diese Besprechung existiert nicht</p>")
        if path == "/j/404404404":
            return self.reply(404, b"Not Found")
        if path == "/j/302302302":
            return self.reply(302, b"", {"Location": "/error?code=3001"})
        if path == "/error":
            return self.reply(200, b"<p>Meeting does not exist</p>")
        if path == "/meeting/register/huge":
            return self.huge(b"<title>Webinar Registration - Zoom</title>")
        return self.reply(404, b"Not Found")

    def web(self, path, nth):
        if path == "/ok" or path.startswith("/conc/") or path.startswith("/interval/"):
            if path.startswith("/conc/"):
                time.sleep(0.1)
            return self.reply(200, b"<p>fine</p>")
        if path == "/gone":
            return self.reply(404, b"Not Found")
        if path == "/slow":
            if self.client_gone_within(3.0):
                return  # the client gave up (its timeout): the request is over for both sides
            return self.reply(200, b"<p>late</p>")
        if path == "/reset":
            return self.reset_connection()
        if path == "/loop-a":
            return self.reply(302, b"", {"Location": "http://other.test/loop-b"})
        if path == "/loop-b":
            return self.reply(301, b"", {"Location": "/loop-a"})
        if path == "/hostile-redirect":  # header values are bytes: a raw ESC and a U+202E in UTF-8
            return self.reply(302, b"", {"Location": "http://other.test/\x1b[31mred" + BIDI_OVERRIDE_LATIN1})
        if path == "/hostile-botwall":
            return self.reply(403, b"", {"cf-mitigated": "challenge\x1b[2J" + BIDI_OVERRIDE_LATIN1})
        if path == "/botwall":
            return self.reply(403, b"<p>Just a moment...</p>", {"cf-mitigated": "challenge"})
        if path == "/no-head":
            if self.command == "HEAD":
                return self.reply(405, b"")
            return self.reply(200, b"<p>GET only</p>")
        if path == "/busy-date":
            if nth == 1:  # the first request (HEAD): come back in two seconds, said as an HTTP date
                return self.reply(503, b"busy", {"Retry-After": email.utils.formatdate(time.time() + 2, usegmt=True)})
            return self.reply(200, b"<p>now</p>")
        if path == "/huge":
            if self.command == "HEAD":
                return self.reply(405, b"")
            return self.huge(b"<p>")
        return self.reply(404, b"Not Found")


# http.server writes header values as Latin-1: this is U+202E RIGHT-TO-LEFT OVERRIDE's UTF-8 bytes.
BIDI_OVERRIDE_LATIN1 = "\u202e".encode("utf-8").decode("latin-1")

VIDEO_HITS = {}
VIDEO_LOCK = threading.Lock()


def nth_for_video(video):
    with VIDEO_LOCK:
        VIDEO_HITS[video] = VIDEO_HITS.get(video, 0) + 1
        return VIDEO_HITS[video]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass  # resets and aborted transfers are part of the test


def run_wtool(wtool, port, args, stdin=None, cwd=None):
    connect = [f"--connect-to={h}:80:127.0.0.1:{port}" for h in
               ("www.youtube.com", "itucph.zoom.us", "other.test", "conc.test", "interval.test", "meet.google.com",
                "meet.jit.si")]
    cmd = [wtool, "check-links", "--oembed-endpoint", "http://www.youtube.com/oembed", *connect, *args]
    # No proxy from the environment may catch the loopback requests (libcurl honours *_proxy).
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    start = time.monotonic()
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120, cwd=cwd, env=env)
    return proc, time.monotonic() - start


def verdicts(stdout):
    report = json.loads(stdout)
    return {link["url"]: (link["status"], link["kind"]) for link in report["links"]}, report


EXPECTED = {
    # YouTube through oEmbed
    "https://www.youtube.com/watch?v=GOODVIDEO01": ("ok", "ok"),
    "https://youtu.be/GOODVIDEO01?si=tracking": ("ok", "ok"),  # same key: checked once
    "https://www.youtube.com/playlist?list=PLgoodlist": ("ok", "ok"),
    "https://www.youtube.com/watch?v=NOEMBED0001": ("warning", "embedding-disabled"),
    "https://www.youtube.com/watch?v=PRIVATE0001": ("broken", "private"),
    "https://www.youtube.com/watch?v=DELETED0001": ("broken", "gone"),
    "https://www.youtube.com/watch?v=BADID000001": ("broken", "malformed-id"),
    "https://www.youtube.com/watch?v=NOTJSON0001": ("broken", "private"),
    "https://www.youtube.com/watch?v=RATELIMIT01": ("ok", "ok"),
    # Zoom pages (a Zoom link in a FILE has no season: always fetched)
    "http://itucph.zoom.us/meeting/register/valid": ("ok", "ok"),
    "http://itucph.zoom.us/meeting/register/invalid": ("broken", "invalid-meeting"),
    "http://itucph.zoom.us/meeting/register/plain": ("warning", "unverified"),
    "http://itucph.zoom.us/j/404404404": ("broken", "gone"),
    "http://itucph.zoom.us/j/302302302": ("broken", "error-page"),
    "http://itucph.zoom.us/meeting/register/huge": ("ok", "ok"),
    # other pages
    "http://other.test/ok": ("ok", "ok"),
    "http://other.test/gone": ("broken", "gone"),
    "http://other.test/slow": ("unknown", "timeout"),
    "http://other.test/reset": ("unknown", "connection-reset"),
    "http://other.test/loop-a": ("broken", "redirect-loop"),
    "http://other.test/botwall": ("warning", "blocked"),
    "http://other.test/no-head": ("ok", "ok"),
    "http://other.test/busy-date": ("ok", "ok"),
    "http://other.test/huge": ("ok", "ok"),
}


def test_verdicts(wtool, port, tmp):
    page = tmp / "links.md"
    lines = ["# Links\n"]
    for i, url in enumerate(EXPECTED):
        lines.append(f"- [link {i}]({url})\n")
    page.write_text("".join(lines), encoding="utf-8")
    RECORDER.reset()
    proc, elapsed = run_wtool(wtool, port, [str(page), "--format", "json", "--timeout", "1", "--retries", "1",
                                            "--jobs", "8", "--host-concurrency", "2"])
    check("verdicts: exit code 1 (a link is broken)", proc.returncode == 1, f"{proc.returncode}\n{proc.stderr}")
    check("verdicts: nothing on stderr when piped (no progress line)", proc.stderr == "", proc.stderr)
    check("verdicts: within the time budget", elapsed < 20, f"{elapsed:.1f} s")
    found, report = verdicts(proc.stdout)
    # Both spellings of GOODVIDEO01 are one link with two places.
    for url, expected in EXPECTED.items():
        if url == "https://youtu.be/GOODVIDEO01?si=tracking":
            continue
        check(f"verdict of {url}", found.get(url) == expected, f"got {found.get(url)}, want {expected}")
    good = [link for link in report["links"] if link["key"] == "https://www.youtube.com/watch?v=GOODVIDEO01"]
    check("two spellings of a video are one check", len(good) == 1 and len(good[0]["places"]) == 2, str(good))
    check("places carry line and column",
          good and good[0]["places"][0] == {"file": str(page), "line": 2, "column": 12, "role": "file",
                                            "where": "", "season": None}, str(good))
    check("oEmbed asked once for the two spellings",
          RECORDER.count("www.youtube.com", "/oembed?url=https%3a%2f%2fwww.youtube.com%2fwatch%3fv%3dGOODVIDEO01") == 1,
          str(RECORDER.requests))
    # Retry-After honoured: seconds (oEmbed 429) and an HTTP date (503).
    rate = RECORDER.times("www.youtube.com", "/oembed?url=https%3a%2f%2fwww.youtube.com%2fwatch%3fv%3dRATELIMIT01")
    check("429 Retry-After: 1 is waited for", len(rate) == 2 and rate[1] - rate[0] >= 0.95, str(rate))
    busy = RECORDER.times("other.test", "/busy-date")
    check("503 Retry-After as an HTTP date is waited for", len(busy) == 2 and busy[1] - busy[0] >= 0.95, str(busy))
    check("huge bodies: the transfers stop early (at the 1 MiB cap)",
          len(RECORDER.huge_bytes_sent) == 2 and all(n < 16 * 1024 * 1024 for n in RECORDER.huge_bytes_sent),
          str(RECORDER.huge_bytes_sent))
    check("the redirect to the Zoom error page is not fetched", RECORDER.count("itucph.zoom.us", "/error") == 0)
    check("slow: asked twice with --retries 1", RECORDER.count("other.test", "/slow") == 2)
    check("loop: no endless requests", RECORDER.count("other.test", "/loop-") <= 4)
    for host, most in RECORDER.max_in_flight.items():
        check(f"at most 2 requests in flight to {host}", most <= 2, str(most))
    agents = {ua for (_t, _m, _h, _p, ua) in RECORDER.requests}
    check("User-Agent names wtool", all(ua.startswith("wtool/") and "link checker" in ua for ua in agents),
          str(agents))


def test_concurrency_cap(wtool, port, tmp):
    urls = "".join(f"http://conc.test/conc/{i}\n" for i in range(24))
    for cap in (1, 3):
        RECORDER.reset()
        proc, elapsed = run_wtool(wtool, port, ["-", "--jobs", "16", "--host-concurrency", str(cap),
                                                "--host-interval", "0"], stdin=urls)
        check(f"cap {cap}: exit 0", proc.returncode == 0, proc.stdout + proc.stderr)
        most = RECORDER.max_in_flight.get("conc.test", 0)
        check(f"cap {cap}: the server never sees more than {cap} at once", 0 < most <= cap, str(most))
        if cap > 1:
            check(f"cap {cap}: requests do run in parallel", most > 1, str(most))
        check(f"cap {cap}: every link asked once", RECORDER.count("conc.test", "/conc/") == 24)
        check(f"cap {cap}: within the time budget", elapsed < 24 * 0.1 / cap + 10, f"{elapsed:.1f} s")
    # --host-interval spaces the starts to one host.
    RECORDER.reset()
    urls = "".join(f"http://interval.test/interval/{i}\n" for i in range(5))
    proc, _ = run_wtool(wtool, port, ["-", "--host-interval", "300"], stdin=urls)
    starts = sorted(RECORDER.times("interval.test", "/interval/"))
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    check("host interval: 5 requests", len(starts) == 5, str(starts))
    # Arrival times at the server carry the machine's scheduling delays, which can shorten one gap
    # by as much as they lengthen the one before: bound each gap loosely (without the option they
    # are ~0) and the span of the five starts (four intervals) more tightly.
    check("host interval: starts spaced out", all(g >= 0.15 for g in gaps), str(gaps))
    check("host interval: four intervals of 300 ms in all", len(starts) == 5 and starts[-1] - starts[0] >= 1.0,
          str(starts))


def test_exit_codes_and_quiet(wtool, port, tmp):
    proc, _ = run_wtool(wtool, port, ["-", "--quiet"],
                        stdin="http://other.test/ok\nhttps://www.youtube.com/watch?v=NOEMBED0001\n")
    check("all ok (a warning allowed): exit 0", proc.returncode == 0, proc.stdout + proc.stderr)
    check("--quiet prints nothing when all is well", proc.stdout == "" and proc.stderr == "", proc.stdout)
    proc, _ = run_wtool(wtool, port, ["-", "--quiet", "--timeout", "0.5", "--retries", "0"],
                        stdin="http://other.test/ok\nhttp://other.test/slow\n")
    check("only unknowns: exit 3", proc.returncode == 3, proc.stdout + proc.stderr)
    check("--quiet prints the unknown link",
          proc.stdout.startswith("<stdin>:2:1: unknown: http://other.test/slow: no answer in time"), proc.stdout)
    check("--quiet prints no ok link", "other.test/ok" not in proc.stdout, proc.stdout)
    proc, _ = run_wtool(wtool, port, ["-", "--format", "markdown"], stdin="http://other.test/gone\n")
    check("markdown: exit 1", proc.returncode == 1)
    check("markdown: a heading and a table row", proc.stdout.startswith("## Link check: 1 broken, 0 unknown\n") and
          "| broken | <http://other.test/gone> | `<stdin>:1:1` | not found (HTTP 404) (gone) |" in proc.stdout,
          proc.stdout)


def test_state_and_fail_after(wtool, port, tmp):
    state = tmp / "state.json"
    links = "http://other.test/ok\nhttp://other.test/gone\n"
    common = ["-", "--state", str(state), "--fail-after", "2", "--format", "json"]
    RECORDER.reset()
    proc, _ = run_wtool(wtool, port, common + ["--now", "2026-02-01T12:00:00Z"], stdin=links)
    found, _ = verdicts(proc.stdout)
    check("fail-after: first failed run is a warning", found.get("http://other.test/gone") == ("warning", "failing"),
          str(found))
    check("fail-after: first run exits 0", proc.returncode == 0, proc.stdout + proc.stderr)
    saved = json.loads(state.read_text())
    check("state: written with both links", set(saved["links"]) == {"http://other.test/ok", "http://other.test/gone"},
          str(saved))
    check("state: one failure counted", saved["links"]["http://other.test/gone"]["consecutive_failures"] == 1)
    check("state: no temporary files left, the lock file next to the state file",
          sorted(p.name for p in tmp.iterdir() if "state" in p.name) == [".state.json.lock", "state.json"],
          str(list(tmp.iterdir())))

    proc, _ = run_wtool(wtool, port, common + ["--now", "2026-02-01T13:00:00Z"], stdin=links)
    found, report = verdicts(proc.stdout)
    check("fail-after: second failed run is broken", found.get("http://other.test/gone") == ("broken", "gone"),
          str(found))
    check("fail-after: second run exits 1", proc.returncode == 1)
    ok = [link for link in report["links"] if link["url"] == "http://other.test/ok"]
    check("state: a recent ok result is reused", ok and ok[0]["reused"] and ok[0]["requests"] == 0, str(ok))
    check("state: the reused link was not asked again", RECORDER.count("other.test", "/ok") == 1,
          str(RECORDER.count("other.test", "/ok")))
    check("state: two failures counted",
          json.loads(state.read_text())["links"]["http://other.test/gone"]["consecutive_failures"] == 2)

    proc, _ = run_wtool(wtool, port, common + ["--now", "2026-02-02T01:00:00Z"], stdin=links)
    check("state: an ok result older than 12 hours is asked again", RECORDER.count("other.test", "/ok") == 2)

    state.write_text("{not json")
    proc, _ = run_wtool(wtool, port, common, stdin=links)
    check("state: an unusable file is a usage error (2)", proc.returncode == 2, proc.stderr)
    check("state: the error says so", f"state file '{state}' is unusable: not JSON" in proc.stderr, proc.stderr)


def test_shared_state(wtool, port, tmp, rounds=6):
    """Two runs that overlap (each checks its own links, slowly enough to be in flight together)
    share one state file: afterwards it holds both runs' entries and the ones neither checked."""
    sets = {name: [f"http://conc.test/conc/{name}-{i}" for i in range(6)] for name in ("a", "b")}
    for name, urls in sets.items():  # files, not standard input: both runs start at once
        (tmp / f"shared-{name}.txt").write_text("".join(u + "\n" for u in urls))
    common = ["--jobs", "2", "--host-concurrency", "2", "--host-interval", "0", "--format", "json",
              f"--connect-to=conc.test:80:127.0.0.1:{port}"]
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    for r in range(rounds):
        state = tmp / f"shared-{r}.json"
        state.write_text(json.dumps({"format": "wtool check-links state", "version": 1, "links": {
            "http://other.test/kept": {"status": "ok", "kind": "ok", "detail": "HTTP 200",
                                       "checked_at": "2026-01-01T00:00:00Z", "consecutive_failures": 0}}}))
        procs = [subprocess.Popen([wtool, "check-links", str(tmp / f"shared-{name}.txt"), *common, "--state",
                                   str(state)], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
                 for name in sets]
        outputs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outputs):
            check(f"shared state {r}: both runs succeed", p.returncode == 0, f"{p.returncode} {err}")
        saved = set(json.loads(state.read_text())["links"])
        want = set(sets["a"]) | set(sets["b"]) | {"http://other.test/kept"}
        check(f"shared state {r}: both runs' entries and the unchecked one are kept", saved == want,
              f"missing {sorted(want - saved)}")
        leftovers = [p.name for p in tmp.iterdir() if p.name.startswith(f".shared-{r}.json.wtool-tmp.")]
        check(f"shared state {r}: no temporary file left", not leftovers, str(leftovers))


def test_state_through_link(wtool, port, tmp):
    """A state file that is a symbolic link stays one; the file it leads to is updated, and a
    temporary file a killed run left next to that file is removed."""
    real = tmp / "real-state"
    real.mkdir()
    target = real / "links.json"
    link = tmp / "linked-state.json"
    link.symlink_to("real-state/links.json")
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = real / f".links.json.wtool-tmp.{dead.pid}.AbC123"
    stale.write_text("half a state file")
    live = real / f".links.json.wtool-tmp.{os.getpid()}.XyZ789"
    live.write_text("being written")
    proc, _ = run_wtool(wtool, port, ["-", "--state", str(link)], stdin="http://other.test/ok\n")
    check("state link: run succeeds", proc.returncode == 0, proc.stdout + proc.stderr)
    check("state link: still a symbolic link", link.is_symlink() and os.readlink(link) == "real-state/links.json")
    check("state link: its target holds the result",
          target.exists() and "http://other.test/ok" in json.loads(target.read_text())["links"])
    check("state link: the lock file is next to the target", (real / ".links.json.lock").exists(),
          str(list(real.iterdir())))
    check("state link: a dead run's temporary file is removed", not stale.exists(), str(list(real.iterdir())))
    check("state link: a running process' temporary file is kept", live.exists())
    check("state link: the removal is reported on stderr",
          f"removed '{stale}', left behind by an interrupted wtool run" in proc.stderr, proc.stderr)
    proc, _ = run_wtool(wtool, port, ["-", "--state", str(link), "--now", "2026-02-01T12:00:00Z"],
                        stdin="http://other.test/gone\n")
    saved = json.loads(target.read_text())["links"] if target.exists() else {}
    check("state link: a second run adds to the target", link.is_symlink() and set(saved) ==
          {"http://other.test/ok", "http://other.test/gone"}, str(saved))


def test_hostile_texts(wtool, port, tmp):
    """A YouTube title and HTTP headers with escape sequences and bidi controls: the text and
    Markdown reports show them spelt out (\\u001B), the JSON report keeps them (JSON-escaped)."""
    links = ("https://www.youtube.com/watch?v=HOSTILE0001\nhttp://other.test/hostile-redirect\n"
             "http://other.test/hostile-botwall\n")
    raw = ["\x1b", "\x07", "\u202e"]
    for fmt in ("text", "markdown"):
        proc, _ = run_wtool(wtool, port, ["-", "--format", fmt, "--retries", "0"], stdin=links)
        out = proc.stdout
        check(f"hostile {fmt}: exit 1 (the redirect is malformed)", proc.returncode == 1, out + proc.stderr)
        check(f"hostile {fmt}: no raw control character", not any(c in out for c in raw), repr(out))
        # Markdown escapes the backslash of the spelt-out character too.
        bs = "\\" if fmt == "markdown" else ""
        check(f"hostile {fmt}: the title spelt out",
              f"Talk {bs}\\u001B{bs}]0;pwned{bs}\\u0007{bs}\\u001B{bs}[2J{bs}\\u202Eevil" in out, out)
        check(f"hostile {fmt}: the Location header spelt out",
              f"'http://other.test/{bs}\\u001B{bs}[31mred{bs}\\u202E'" in out, out)
        check(f"hostile {fmt}: the bot wall's header spelt out",
              f"cf-mitigated: challenge{bs}\\u001B{bs}[2J{bs}\\u202E" in out, out)
    proc, _ = run_wtool(wtool, port, ["-", "--format", "json", "--retries", "0"], stdin=links)
    found = {link["url"]: link["detail"] for link in json.loads(proc.stdout)["links"]}
    check("hostile json: the title as YouTube gave it",
          found.get("https://www.youtube.com/watch?v=HOSTILE0001") ==
          "YouTube knows it: \"Talk \x1b]0;pwned\x07\x1b[2J\u202eevil\"", str(found))


CATALOGUE = """[series]
title = "A series"
timezone = "Europe/Copenhagen"
start_time = 15:00:00
site_url = "http://other.test/ok"

[[series.organiser]]
name = "Org"
homepage = "http://other.test/gone"

[[season]]
number = 1
theme = "Past"
date = 2025-01-06
zoom_url = "https://itucph.zoom.us/meeting/register/past"

[[season]]
number = 2
theme = "Coming"
date = 2026-03-02
zoom_url = "https://itucph.zoom.us/meeting/register/coming"

[[episode]]
code = "S01E01"
title = "A talk"
recording = "https://www.youtube.com/watch?v=GOODVIDEO01"

[[episode.speaker]]
name = "Ada"

[[episode]]
code = "S02E01"
title = "Another talk"

[[episode.speaker]]
name = "Bob"

[check_links]
zoom_invalid_markers = ["existiert nicht"]
"""


def test_catalogue(wtool, port, tmp):
    cat = tmp / "episodes.toml"
    cat.write_text(CATALOGUE, encoding="utf-8")
    RECORDER.reset()
    proc, _ = run_wtool(wtool, port, ["--catalogue", str(cat), "--now", "2026-02-01T12:00:00Z", "--format", "json",
                                      "--retries", "0",
                                      f"--connect-to=itucph.zoom.us:443:127.0.0.1:{port}"])
    found, report = verdicts(proc.stdout)
    check("catalogue: exit 1 (the organiser's homepage is gone)", proc.returncode == 1, proc.stdout + proc.stderr)
    check("catalogue: a past season's Zoom link is expired as expected",
          found.get("https://itucph.zoom.us/meeting/register/past") == ("expired", "expired-as-expected"), str(found))
    check("catalogue: the past Zoom link is not fetched", RECORDER.count("itucph.zoom.us", "/meeting/register/past") == 0)
    coming = found.get("https://itucph.zoom.us/meeting/register/coming")
    # https to a plain-http loopback server: fetched, and the TLS handshake fails (unknown).
    check("catalogue: a coming season's Zoom link is fetched", coming is not None and coming[0] == "unknown",
          str(coming))
    check("catalogue: recordings via oEmbed", found.get("https://www.youtube.com/watch?v=GOODVIDEO01") == ("ok", "ok"))
    places = {link["url"]: link["places"][0] for link in report["links"]}
    check("catalogue: places and roles",
          places.get("http://other.test/gone") == {"file": str(cat), "line": 9, "column": 13, "role": "homepage",
                                                   "where": "organiser 1 homepage", "season": None},
          str(places.get("http://other.test/gone")))
    check("catalogue: the recording's role and season",
          places.get("https://www.youtube.com/watch?v=GOODVIDEO01", {}).get("role") == "recording" and
          places["https://www.youtube.com/watch?v=GOODVIDEO01"]["season"] == 1)

    proc, _ = run_wtool(wtool, port, ["--catalogue", str(cat), "--now", "2026-02-01T12:00:00Z", "--episode", "S01E01"])
    check("catalogue: --episode checks only its links", proc.returncode == 0 and
          proc.stdout.endswith("1 link: 1 ok, 0 warnings, 0 broken, 0 unknown\n"), proc.stdout + proc.stderr)

    # FILE arguments use the catalogue's [check_links] markers.
    proc, _ = run_wtool(wtool, port, ["--catalogue", str(cat), "-", "--format", "json"],
                        stdin="http://itucph.zoom.us/meeting/register/custom\n")
    found, _ = verdicts(proc.stdout)
    check("markers come from the catalogue",
          found.get("http://itucph.zoom.us/meeting/register/custom") == ("broken", "invalid-meeting"), str(found))


MEETING_CATALOGUE = """[series]
title = "Meetings"
timezone = "America/New_York"
start_time = 12:00:00
meeting_url = "http://meet.google.com/ok"

[[series.organiser]]
name = "Org"
email = "org@example.org"

[[season]]
number = 1
theme = "Past, on Zoom"
date = 2026-10-21
meeting_url = "https://itucph.zoom.us/meeting/register/pastmeeting"

[[season]]
number = 2
theme = "Past, on Jitsi"
date = 2026-10-28
meeting_url = "http://meet.jit.si/gone"

[[season]]
number = 3
theme = "Coming, on the series' Google Meet"
date = 2026-11-18

[[episode]]
code = "S03E01"
title = "A talk"

[[episode.speaker]]
name = "Ada"
"""


def test_meeting_links(wtool, port, tmp):
    """meeting_url: a Zoom link keeps the Zoom verdicts, other platforms are checked as web pages."""
    cat = tmp / "meetings.toml"
    cat.write_text(MEETING_CATALOGUE, encoding="utf-8")
    RECORDER.reset()
    proc, _ = run_wtool(wtool, port, ["--catalogue", str(cat), "--now", "2026-11-15T12:00:00Z", "--format", "json",
                                      "--retries", "0"])
    found, report = verdicts(proc.stdout)
    check("meeting: exit 1 (the Jitsi link is gone)", proc.returncode == 1, proc.stdout + proc.stderr)
    check("meeting: a past season's Zoom meeting_url is expired as expected, as a zoom_url would be",
          found.get("https://itucph.zoom.us/meeting/register/pastmeeting") == ("expired", "expired-as-expected"),
          str(found))
    check("meeting: the past Zoom link is not fetched",
          RECORDER.count("itucph.zoom.us", "/meeting/register/pastmeeting") == 0)
    check("meeting: a past season's Jitsi link is fetched as a web page (no Zoom expiry)",
          found.get("http://meet.jit.si/gone") == ("broken", "gone") and RECORDER.count("meet.jit.si", "/gone") >= 1,
          str(found))
    check("meeting: the series' Google Meet link is checked as a web page",
          found.get("http://meet.google.com/ok") == ("ok", "ok") and RECORDER.count("meet.google.com", "/ok") >= 1,
          str(found))
    places = {link["url"]: link["places"][0] for link in report["links"]}
    check("meeting: role and place of a meeting_url",
          places.get("http://meet.jit.si/gone", {}).get("role") == "meeting" and
          places["http://meet.jit.si/gone"]["where"] == "season 2 meeting_url" and
          places["http://meet.jit.si/gone"]["season"] == 2,
          str(places.get("http://meet.jit.si/gone")))
    # --season 3 has no link of its own: the series' meeting_url is its link, so it is checked.
    proc, _ = run_wtool(wtool, port, ["--catalogue", str(cat), "--now", "2026-11-15T12:00:00Z", "--season", "3",
                                      "--format", "json"])
    found, _ = verdicts(proc.stdout)
    check("meeting: --season checks the series' meeting_url that the season uses",
          proc.returncode == 0 and list(found) == ["http://meet.google.com/ok"], proc.stdout + proc.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        wtool = os.path.abspath(args.wtool)
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = pathlib.Path(tmp_name)
            os.chdir(tmp)  # wtool runs here: no catalogue is found unless a test names one
            test_verdicts(wtool, port, tmp)
            test_concurrency_cap(wtool, port, tmp)
            test_exit_codes_and_quiet(wtool, port, tmp)
            test_state_and_fail_after(wtool, port, tmp)
            test_shared_state(wtool, port, tmp)
            test_state_through_link(wtool, port, tmp)
            test_hostile_texts(wtool, port, tmp)
            test_catalogue(wtool, port, tmp)
            test_meeting_links(wtool, port, tmp)
            os.chdir("/")
    finally:
        server.shutdown()
        server.server_close()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed", file=sys.stderr)
        return 1
    print("all check-links end-to-end checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
