#!/usr/bin/env python3
"""End-to-end tests of `wtool ics`, checked by independent code, not by wtool's own:

- Debian's python3-icalendar must parse every generated file;
- the byte-level rules of RFC 5545 (UTF-8 without BOM, CRLF, lines of at most 75 octets, folds
  that split neither a UTF-8 sequence nor an escape, no empty continuation line) are checked here;
- every VTIMEZONE is compared with Python's zoneinfo (the system tz database read by another
  implementation): each observance's offsets and names, and the offset at every hour of the years
  the file covers;
- DTSTART/DTEND, UIDs (recomputed with uuid.uuid5) and SEQUENCE behaviour are checked against
  the catalogue as read by tomllib.

Run: tests/e2e/test_ics.py --wtool build/dev/wtool
"""
import argparse
import datetime as dt
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import urllib.parse
import uuid
import zoneinfo

import icalendar  # python3-icalendar; ctest runs this with Debian's python3 (tests/CMakeLists.txt)

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "episodes.toml"
FIXTURES = ROOT / "tests" / "data" / "ics"
NOW = "2026-02-01T12:00:00Z"
UTC = dt.timezone.utc



failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run(wtool, *args, catalogue=SHIPPED, now=NOW, cwd=None):
    cmd = [wtool, "ics", "--catalogue", str(catalogue), "--now", now, *args]
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
    env["TZ"] = "UTC"
    return subprocess.run(cmd, capture_output=True, cwd=cwd, env=env, timeout=60)


def validate(wtool, catalogue):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
    return subprocess.run([wtool, "validate", "--catalogue", str(catalogue), "--now", NOW], capture_output=True,
                          env=env, timeout=60)


# ---------------------------------------------------------------- RFC 5545 syntax, checked here

def physical_lines(name, data):
    check(not data.startswith(b"\xef\xbb\xbf"), f"{name}: starts with a byte-order mark")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{name}: not UTF-8: {e}")
    check(data.endswith(b"\r\n"), f"{name}: does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for i, line in enumerate(lines, 1):
        check(b"\n" not in line and b"\r" not in line, f"{name}:{i}: a bare CR or LF")
        check(len(line) <= 75, f"{name}:{i}: {len(line)} octets, more than 75")
        check(line != b" " and line != b"", f"{name}:{i}: an empty line or continuation line")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"{name}:{i}: the fold splits a UTF-8 sequence")
    return lines


def logical_lines(name, lines):
    """Unfolds, and checks that no fold falls inside a backslash escape (TEXT) or a caret escape
    (parameter values, RFC 6868)."""
    out = []
    for raw in lines:
        if raw.startswith(b" ") and out:
            out[-1][1].append(len(out[-1][0]))
            out[-1][0] += raw[1:]
        else:
            out.append([bytearray(raw), []])
    result = []
    for content, folds in out:
        text = bytes(content)
        escape_starts = set()
        i = 0
        while i < len(text) - 1:
            pair = text[i:i + 2]
            if (pair[:1] == b"\\" and pair[1:] in (b"\\", b";", b",", b"n", b"N")) or \
                    (pair[:1] == b"^" and pair[1:] in (b"^", b"n", b"'")):
                escape_starts.add(i)
                i += 2
            else:
                i += 1
        for f in folds:
            check(f - 1 not in escape_starts, f"{name}: a fold splits the escape at octet {f - 1} of "
                                              f"{text[:40].decode('utf-8', 'replace')!r}...")
        result.append(text.decode("utf-8"))
    return result


def unescape_text(value):
    """RFC 5545 section 3.3.11, strictly (python3-icalendar 4.0.3 gets runs of backslashes wrong)."""
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            out.append("\n" if n in "nN" else n)
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def property_values(logical, name):
    """The raw values of every content line called `name` (with or without parameters)."""
    values = []
    for line in logical:
        m = re.match(r"([A-Z-]+)((?:;[^:;]+=(?:\"[^\"]*\"|[^:;\"]*))*):(.*)$", line, re.S)
        if m and m.group(1) == name:
            values.append((m.group(2), m.group(3)))
    return values


# ---------------------------------------------------------------- VTIMEZONE against zoneinfo

def ical(prop):
    """A property value as written (python3-icalendar returns bytes or str, depending on type)."""
    value = prop.to_ical()
    return value.decode() if isinstance(value, bytes) else value


def parse_offset(text):
    sign = -1 if text[0] == "-" else 1
    h, m = int(text[1:3]), int(text[3:5])
    s = int(text[5:7]) if len(text) == 7 else 0
    return sign * dt.timedelta(hours=h, minutes=m, seconds=s)


def check_vtimezone(name, cal, years):
    """Every observance agrees with zoneinfo, and the observances give zoneinfo's offset at every
    hour of `years`."""
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        zi = zoneinfo.ZoneInfo(tzid)
        observances = []
        for obs in vtz.subcomponents:
            check(obs.name in ("STANDARD", "DAYLIGHT"), f"{name}: {tzid}: unexpected {obs.name}")
            check("RRULE" not in obs and "RDATE" not in obs, f"{name}: {tzid}: observances are explicit")
            start = obs.decoded("DTSTART")
            offset_from = parse_offset(ical(obs["TZOFFSETFROM"]))
            offset_to = parse_offset(ical(obs["TZOFFSETTO"]))
            onset = (start - offset_from).replace(tzinfo=UTC)
            observances.append((onset, offset_from, offset_to, str(obs["TZNAME"]), obs.name))
        observances.sort()
        check(observances, f"{name}: {tzid}: no observance")
        for onset, offset_from, offset_to, tzname, kind in observances:
            if offset_from == offset_to and onset.year == 1970:
                continue  # "since always"
            after = onset.astimezone(zi)
            before = (onset - dt.timedelta(seconds=1)).astimezone(zi)
            check(after.utcoffset() == offset_to,
                  f"{name}: {tzid} {kind} at {onset}: TZOFFSETTO {offset_to}, zoneinfo {after.utcoffset()}")
            check(before.utcoffset() == offset_from,
                  f"{name}: {tzid} {kind} at {onset}: TZOFFSETFROM {offset_from}, zoneinfo {before.utcoffset()}")
            check(after.tzname() == tzname, f"{name}: {tzid} at {onset}: TZNAME {tzname}, zoneinfo {after.tzname()}")
            # At a daylight-saving change, DAYLIGHT is the summer side: the larger offset.
            if before.dst() != after.dst():
                check((kind == "DAYLIGHT") == (offset_to > offset_from),
                      f"{name}: {tzid} at {onset}: {kind} for {offset_from} -> {offset_to}")

        def model_offset(t):
            current = None
            for onset, _, offset_to, _, _ in observances:
                if onset <= t:
                    current = offset_to
            return current

        first, last = min(years), max(years)
        t = dt.datetime(first, 1, 1, tzinfo=zi).astimezone(UTC)
        end = dt.datetime(last + 1, 1, 1, tzinfo=zi).astimezone(UTC)
        mismatches = 0
        while t < end:
            expected = t.astimezone(zi).utcoffset()
            if model_offset(t) != expected:
                mismatches += 1
                if mismatches <= 3:
                    check(False, f"{name}: {tzid} at {t}: VTIMEZONE gives {model_offset(t)}, zoneinfo {expected}")
            t += dt.timedelta(hours=1)
        zones[tzid] = (zi, model_offset)
    return zones


# ---------------------------------------------------------------- one generated file

def check_calendar(name, data, kind):
    """Every generic rule; returns (parsed calendar, logical lines, events as dicts)."""
    lines = physical_lines(name, data)
    logical = logical_lines(name, lines)
    check(logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR", f"{name}: not one VCALENDAR")
    check(sum(1 for l in logical if l == "BEGIN:VCALENDAR") == 1, f"{name}: more than one VCALENDAR")
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as e:  # the parser's own exceptions
        check(False, f"{name}: python3-icalendar cannot parse it: {e}")
        return None, logical, []
    check(str(cal.get("VERSION")) == "2.0", f"{name}: VERSION")
    check(str(cal.get("METHOD")) == "PUBLISH", f"{name}: METHOD")
    check(cal.get("PRODID") is not None, f"{name}: PRODID")
    if kind == "feed":
        for prop in ("NAME", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
            check(cal.get(prop) is not None, f"{name}: a feed needs {prop}")
    else:
        for prop in ("NAME", "X-WR-CALNAME"):
            check(cal.get(prop) is None, f"{name}: a single event must not carry {prop} (Outlook makes a calendar)")

    events = []
    years = set()
    for ev in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "SEQUENCE", "STATUS", "SUMMARY", "DTSTART", "DTEND", "DESCRIPTION",
                     "ORGANIZER", "LAST-MODIFIED"):
            check(prop in ev, f"{name}: VEVENT without {prop}")
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        check(start.tzinfo is not None and end.tzinfo is not None, f"{name}: floating time")
        check(str(ev["ORGANIZER"]).startswith("mailto:"), f"{name}: ORGANIZER is not a mailto: address")
        years.update({start.year, end.year})
        events.append(ev)
    check(events, f"{name}: no VEVENT")
    zones = check_vtimezone(name, cal, years) if years else {}

    # DTSTART/DTEND with TZID: zoneinfo's reading of the local time must agree with the parser's and
    # with the VTIMEZONE's.
    for ev in events:
        for prop in ("DTSTART", "DTEND"):
            p = ev[prop]
            tzid = p.params.get("TZID")
            value = ev.decoded(prop)
            if tzid is None:
                check(ical(p).endswith("Z"), f"{name}: {prop} is neither TZID-local nor UTC")
                continue
            check(tzid in zones, f"{name}: {prop} uses TZID {tzid} without its VTIMEZONE")
            if tzid in zones:
                zi, model_offset = zones[tzid]
                naive = value.replace(tzinfo=None)
                as_utc = naive.replace(tzinfo=zi).astimezone(UTC)
                check(as_utc == value.astimezone(UTC), f"{name}: {prop} {naive} reads differently")
                check(naive - model_offset(as_utc) == as_utc.replace(tzinfo=None),
                      f"{name}: {prop} {naive}: the VTIMEZONE gives another instant")
    return cal, logical, events


def utc(ev, prop):
    return ev.decoded(prop).astimezone(UTC)


# ---------------------------------------------------------------- the catalogue, read independently

def catalogue(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def expected_uid(cat, number):
    site = cat["series"].get("site_url")
    if site:
        u = urllib.parse.urlsplit(site)
        identity = u.hostname + u.path.rstrip("/")
    else:
        identity = "title:" + cat["series"]["title"]
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{identity}#season-{number}"))


def season(cat, number):
    return next(s for s in cat["season"] if s["number"] == number)


def duration(cat, number):
    return dt.timedelta(minutes=season(cat, number).get("duration_minutes",
                                                        cat["series"].get("duration_minutes", 60)))


# ---------------------------------------------------------------- the tests

def test_season_9(wtool, tmp):
    cat = catalogue(SHIPPED)
    default = run(wtool)
    check(default.returncode == 0, f"ics (default --next): exit {default.returncode}: {default.stderr.decode()}")
    explicit = run(wtool, "--season", "9")
    check(explicit.stdout == default.stdout, "--season 9 and the default --next (season 9 on 2026-02-01) differ")
    cal, _, events = check_calendar("season 9", default.stdout, "event")
    if not check(len(events) == 1, "season 9: not exactly one VEVENT"):
        return
    ev = events[0]
    check(utc(ev, "DTSTART") == dt.datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
          f"season 9: DTSTART is {utc(ev, 'DTSTART')}, not 2026-03-02 14:00 UTC")
    check(duration(cat, 9) == dt.timedelta(minutes=90), "the shipped catalogue no longer says 90 minutes")
    check(utc(ev, "DTEND") - utc(ev, "DTSTART") == duration(cat, 9),
          f"season 9: DTEND - DTSTART is {utc(ev, 'DTEND') - utc(ev, 'DTSTART')}, not {duration(cat, 9)}")
    check(ev["DTSTART"].params.get("TZID") == cat["series"]["timezone"], "season 9: DTSTART's TZID is not the zone")
    check(str(ev["UID"]) == expected_uid(cat, 9), f"season 9: UID {ev['UID']} is not {expected_uid(cat, 9)}")
    check(str(ev["URL"]) == cat["series"]["webinar_url"], "season 9: URL is not the webinar page")
    zoom = season(cat, 9)["zoom_url"]
    check(str(ev["LOCATION"]) == zoom, "season 9: LOCATION is not the Zoom link")
    check(zoom in str(ev["DESCRIPTION"]), "season 9: DESCRIPTION lacks the Zoom link")
    check(str(ev["CONFERENCE"]) == zoom, "season 9: CONFERENCE is not the Zoom link")
    for episode in cat["episode"]:
        if episode["code"].startswith("S09"):
            check(f"{episode['code']} {episode['title']}" in str(ev["DESCRIPTION"]),
                  f"season 9: DESCRIPTION lacks {episode['code']}")
            for sp in episode["speaker"]:
                check(sp["name"] in str(ev["DESCRIPTION"]) and sp.get("affiliation", "") in str(ev["DESCRIPTION"]),
                      f"season 9: DESCRIPTION lacks speaker {sp['name']}")
    check(season(cat, 9)["theme"] in str(ev["SUMMARY"]) and cat["series"]["title"] in str(ev["SUMMARY"]),
          "season 9: SUMMARY lacks the series or the theme")
    organiser = next(o for o in cat["series"]["organiser"] if "email" in o)
    check(str(ev["ORGANIZER"]) == "mailto:" + organiser["email"], "season 9: ORGANIZER is not the first email")
    check(ev["ORGANIZER"].params.get("CN") == organiser["name"], "season 9: ORGANIZER's CN")
    check(ev.decoded("DTSTAMP") == dt.datetime(2026, 2, 1, 12, 0, tzinfo=UTC), "season 9: DTSTAMP is not --now")

    # The same UID in another run at another moment; only DTSTAMP and LAST-MODIFIED differ.
    later = run(wtool, "--season", "9", now="2026-02-20T08:30:00Z")
    cal2, _, events2 = check_calendar("season 9, later run", later.stdout, "event")
    if events2:
        check(str(events2[0]["UID"]) == str(ev["UID"]), "season 9: the UID differs between runs")
        check(events2[0].decoded("DTSTAMP") == dt.datetime(2026, 2, 20, 8, 30, tzinfo=UTC), "DTSTAMP follows --now")
        strip = re.compile(rb"(DTSTAMP|LAST-MODIFIED):\d{8}T\d{6}Z\r\n")
        check(strip.sub(b"", later.stdout) == strip.sub(b"", default.stdout),
              "season 9: two runs differ in more than DTSTAMP and LAST-MODIFIED")

    # --output writes the same bytes to a file.
    out = tmp / "season9.ics"
    written = run(wtool, "--season", "9", "--output", str(out))
    check(written.returncode == 0 and written.stdout.decode() == f"wrote {out} (season 9)\n",
          f"--output: exit {written.returncode}, stdout {written.stdout!r}")
    check(out.read_bytes() == default.stdout, "--output wrote other bytes than standard output")


def test_feed(wtool):
    cat = catalogue(SHIPPED)
    feed = run(wtool, "--all", "--alarm", "15", "--alarm", "1440")
    check(feed.returncode == 0, f"ics --all: exit {feed.returncode}")
    cal, _, events = check_calendar("feed", feed.stdout, "feed")
    dated = sorted(s["number"] for s in cat["season"] if "date" in s)
    check(len(events) == len(dated), f"feed: {len(events)} events for {len(dated)} dated seasons")
    uids = [str(e["UID"]) for e in events]
    check(len(set(uids)) == len(uids), "feed: two seasons share a UID")
    check(uids == [expected_uid(cat, n) for n in dated], "feed: UIDs are not the expected per-season UIDs")
    check(str(cal.get("X-WR-CALNAME")) == cat["series"]["title"], "feed: X-WR-CALNAME is not the title")
    check(str(cal.get("X-WR-TIMEZONE")) == cat["series"]["timezone"], "feed: X-WR-TIMEZONE is not the zone")
    single = check_calendar("season 9 again", run(wtool, "--season", "9").stdout, "event")[2]
    check(single and str(single[0]["UID"]) in uids, "feed: season 9's UID differs from the single event's")
    for ev, number in zip(events, dated):
        s = season(cat, number)
        d = s["date"]
        hh, mm = (s.get("time") or cat["series"]["start_time"]).hour, (s.get("time") or cat["series"]["start_time"]).minute
        local = dt.datetime(d.year, d.month, d.day, hh, mm, tzinfo=zoneinfo.ZoneInfo(cat["series"]["timezone"]))
        check(utc(ev, "DTSTART") == local.astimezone(UTC), f"feed: season {number} starts at {utc(ev, 'DTSTART')}")
        check(utc(ev, "DTEND") - utc(ev, "DTSTART") == duration(cat, number), f"feed: season {number}'s length")
        triggers = sorted(ical(a["TRIGGER"]) for a in ev.walk("VALARM"))
        check(triggers == ["-P1D", "-PT15M"], f"feed: season {number} alarms {triggers}")


def test_fixtures(wtool, tmp):
    # A cancelled season in a zone with a 30-minute shift.
    cat = catalogue(FIXTURES / "cancelled.toml")
    result = run(wtool, "--all", catalogue=FIXTURES / "cancelled.toml")
    cal, _, events = check_calendar("cancelled.toml", result.stdout, "feed")
    by_uid = {str(e["UID"]): e for e in events}
    check(len(events) == 3, "cancelled.toml: the TBA season must stay out, the cancelled one in")
    cancelled = by_uid.get(expected_uid(cat, 2))
    if check(cancelled is not None, "cancelled.toml: the cancelled season is missing"):
        check(str(cancelled["STATUS"]) == "CANCELLED", "cancelled.toml: STATUS is not CANCELLED")
        check(int(str(cancelled["SEQUENCE"]).strip()) == 1, "cancelled.toml: SEQUENCE is not the catalogue's 1")
    reefs = by_uid.get(expected_uid(cat, 4))
    if check(reefs is not None, "cancelled.toml: season 4 is missing"):
        check(utc(reefs, "DTSTART") == dt.datetime(2026, 10, 4, 23, 0, tzinfo=UTC),
              "cancelled.toml: season 4 (Lord Howe summer time, +11:00) starts at the wrong instant")
        check(utc(reefs, "DTEND") - utc(reefs, "DTSTART") == dt.timedelta(minutes=120), "season 4's own duration")
        check(sorted(ical(a["TRIGGER"]) for a in reefs.walk("VALARM")) == ["-P1D", "-PT15M"],
              "cancelled.toml: alarms from the catalogue's alarm_minutes")

    # Hostile values stay text.
    cat = catalogue(FIXTURES / "hostile.toml")
    result = run(wtool, catalogue=FIXTURES / "hostile.toml")
    check(result.returncode == 0, f"hostile.toml: exit {result.returncode}: {result.stderr.decode()}")
    cal, logical, events = check_calendar("hostile.toml", result.stdout, "event")
    check(len(events) == 1, f"hostile.toml: {len(events)} VEVENTs, not 1")
    check(sum(1 for l in logical if l.startswith("BEGIN:")) == 6,  # VCALENDAR VTIMEZONE 3x obs VEVENT
          "hostile.toml: an injected component")
    check(not any(l.startswith(("SUMMARY:pwned", "END:VCALENDAR\\")) for l in logical[:-1]),
          "hostile.toml: an injected property")
    s = cat["series"]
    summaries = property_values(logical, "SUMMARY")
    check(len(summaries) == 1, "hostile.toml: not one SUMMARY")
    theme = season(cat, 1)["theme"]
    # The title is made one line (calendar_title.mustache): the theme's line breaks become spaces.
    one_line = " ".join(f"{s['title']}, edition 1: {theme}".split())
    check(unescape_text(summaries[0][1]) == one_line,
          f"hostile.toml: SUMMARY reads {unescape_text(summaries[0][1])!r}")
    description = unescape_text(property_values(logical, "DESCRIPTION")[0][1])
    for episode in cat["episode"]:
        check(f"{episode['code']} {episode['title']}" in description, f"hostile.toml: {episode['code']}'s title")
        for sp in episode["speaker"]:
            check(sp["name"] in description, f"hostile.toml: speaker {sp['name']!r}")
            for key in ("affiliation", "country"):
                if key in sp:
                    check(sp[key] in description, f"hostile.toml: {key} {sp[key]!r}")
    organiser = s["organiser"][0]
    check(events and events[0]["ORGANIZER"].params.get("CN").replace("^'", '"').replace("^^", "^") ==
          organiser["name"], "hostile.toml: ORGANIZER's CN (RFC 6868)")
    check(events and str(events[0]["ORGANIZER"]) == "mailto:ada@example.org%0AEND:VEVENT",
          "hostile.toml: the mailto: address must be percent-encoded")


def test_zones_without_dst(wtool, tmp):
    """America/Sao_Paulo (no DST since 2019) and Asia/Kolkata (none since 1945), on fixed copies of
    two fixtures that wtool refuses as they are."""
    sao_paulo = tmp / "changed.toml"
    shutil.copy(FIXTURES / "changed.toml", sao_paulo)
    refused = run(wtool, catalogue=sao_paulo)
    m = re.search(r'set calendar_sequence = (\d+) and calendar_fingerprint = "([0-9a-f]{8})"', refused.stderr.decode())
    if check(refused.returncode == 2 and m is not None, "changed.toml: no refusal with a fix"):
        text = sao_paulo.read_text(encoding="utf-8")
        text = re.sub(r"calendar_sequence = \d+", f"calendar_sequence = {m.group(1)}", text)
        text = re.sub(r'calendar_fingerprint = "[^"]*"', f'calendar_fingerprint = "{m.group(2)}"', text)
        sao_paulo.write_text(text, encoding="utf-8")
        result = run(wtool, catalogue=sao_paulo)
        check(result.returncode == 0 and result.stderr == b"", f"changed.toml fixed: exit {result.returncode}")
        events = check_calendar("changed.toml fixed", result.stdout, "event")[2]
        if events:
            check(utc(events[0], "DTSTART") == dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC), "Sao Paulo: DTSTART")
            check(int(str(events[0]["SEQUENCE"])) == 3, "Sao Paulo: SEQUENCE is not the raised 3")
    kolkata = tmp / "kolkata.toml"
    text = (FIXTURES / "no-organiser-email.toml").read_text(encoding="utf-8")
    kolkata.write_text(text.replace('name = "Nobody"\n', 'name = "Nobody"\nemail = "nobody@example.org"\n'),
                       encoding="utf-8")
    result = run(wtool, catalogue=kolkata)
    check(result.returncode == 0, f"kolkata: exit {result.returncode}: {result.stderr.decode()}")
    events = check_calendar("kolkata", result.stdout, "event")[2]
    if events:
        check(utc(events[0], "DTSTART") == dt.datetime(2026, 3, 2, 12, 0, tzinfo=UTC), "Kolkata: DTSTART")
        check(utc(events[0], "DTEND") - utc(events[0], "DTSTART") == dt.timedelta(minutes=60), "the default 60 min")


def test_nothing_to_output(wtool):
    after_9 = run(wtool, now="2026-03-03T12:00:00Z")
    check(after_9.returncode == 4 and after_9.stdout == b"", "TBA next season: exit 4 and no output")
    check(b"has no date yet" in after_9.stderr, "TBA next season: the message says why")


def test_sequence(wtool, tmp):
    """A date change without a new calendar_sequence is refused with the exact fix; with it,
    SEQUENCE grows and the UID stays. Cancelling works the same way."""
    work = tmp / "sequence"
    work.mkdir()
    path = work / "episodes.toml"
    shutil.copy(SHIPPED, path)
    cat = catalogue(path)
    before = check_calendar("sequence: before", run(wtool, "--season", "9", catalogue=path).stdout, "event")[2]
    if not before:
        return
    check(int(str(before[0]["SEQUENCE"])) == 0, "sequence: season 9 starts at SEQUENCE 0")
    text = path.read_text(encoding="utf-8")
    block = re.search(r"\[\[season\]\]\nnumber = 9\n(?:.*\n)*?(?=\n)", text)
    if not check(block is not None, "sequence: season 9 not found in the copy"):
        return

    def edit_season_9(fn):
        nonlocal text
        m = re.search(r"\[\[season\]\]\nnumber = 9\n(?:.*\n)*?(?=\n)", text)
        text = text[:m.start()] + fn(m.group(0)) + text[m.end():]
        path.write_text(text, encoding="utf-8")

    def apply_hint(stderr):
        m = re.search(r'set calendar_sequence = (\d+) and calendar_fingerprint = "([0-9a-f]{8})" in season 9', stderr)
        if not check(m is not None, f"sequence: no exact fix in {stderr!r}"):
            return None
        seq, fp = int(m.group(1)), m.group(2)

        def fix(block_text):
            block_text = re.sub(r"calendar_sequence = \d+\n", "", block_text)
            return re.sub(r'calendar_fingerprint = "[^"]*"', f'calendar_sequence = {seq}\ncalendar_fingerprint = "{fp}"',
                          block_text)
        edit_season_9(fix)
        return seq

    # 1. The date moves by a week.
    edit_season_9(lambda b: b.replace("date = 2026-03-02", "date = 2026-03-09"))
    v = validate(wtool, path)
    check(v.returncode == 0 and b"[calendar-changed]" in v.stdout, "sequence: validate does not warn of the change")
    refused = run(wtool, "--season", "9", catalogue=path)
    check(refused.returncode == 2 and refused.stdout == b"", f"sequence: a changed season must be refused "
                                                             f"(exit {refused.returncode})")
    seq = apply_hint(refused.stderr.decode())
    moved = run(wtool, "--season", "9", catalogue=path)
    check(moved.returncode == 0, f"sequence: after the fix, exit {moved.returncode}: {moved.stderr.decode()}")
    after = check_calendar("sequence: moved", moved.stdout, "event")[2]
    if after:
        check(int(str(after[0]["SEQUENCE"])) == 1 == seq, "sequence: SEQUENCE did not grow to 1")
        check(str(after[0]["UID"]) == str(before[0]["UID"]), "sequence: the UID changed with the date")
        check(utc(after[0], "DTSTART") == dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC), "sequence: the new DTSTART")
    check(b"[calendar-changed]" not in validate(wtool, path).stdout, "sequence: validate still warns after the fix")

    # 2. The season is cancelled: it stays in the feed, STATUS:CANCELLED, higher SEQUENCE.
    edit_season_9(lambda b: b + "cancelled = true\n")
    refused = run(wtool, "--all", catalogue=path)
    check(refused.returncode == 2, "sequence: cancelling without a new sequence must be refused")
    apply_hint(refused.stderr.decode())
    feed = check_calendar("sequence: cancelled feed", run(wtool, "--all", catalogue=path).stdout, "feed")[2]
    cancelled = [e for e in feed if str(e["UID"]) == str(before[0]["UID"])]
    if check(len(cancelled) == 1, "sequence: the cancelled season left the feed"):
        check(str(cancelled[0]["STATUS"]) == "CANCELLED", "sequence: STATUS is not CANCELLED")
        check(int(str(cancelled[0]["SEQUENCE"])) == 2, "sequence: cancelling did not raise SEQUENCE to 2")
    # The next webinar is no longer season 9, and season 10 has no date: nothing to output.
    check(run(wtool, catalogue=path).returncode == 4, "sequence: --next must skip the cancelled season")
    del cat


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wtool", required=True)
    args = parser.parse_args()
    wtool = str(pathlib.Path(args.wtool).resolve())
    with tempfile.TemporaryDirectory(prefix="wtool-ics-") as tmp:
        tmp = pathlib.Path(tmp)
        for test in (lambda: test_season_9(wtool, tmp), lambda: test_feed(wtool), lambda: test_fixtures(wtool, tmp),
                     lambda: test_zones_without_dst(wtool, tmp), lambda: test_nothing_to_output(wtool),
                     lambda: test_sequence(wtool, tmp)):
            test()
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print(f"ok: python3-icalendar {icalendar.__version__} parsed every calendar; all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
