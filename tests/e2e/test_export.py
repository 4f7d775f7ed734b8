#!/usr/bin/env python3
"""wtool export checked independently: the CSV read back by python's csv module and the JSON by
its json module must hold every episode of the catalogue (read with tomllib), with the speakers
joined as documented, and every season's start as computed by python's zoneinfo (not date/tz).
Hostile text cannot become a spreadsheet formula.
"""
import argparse
import csv
import datetime
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import tomllib
import zoneinfo

ROOT = pathlib.Path(__file__).resolve().parents[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def export(wtool, catalogue, *args):
    result = subprocess.run([wtool, "export", "--catalogue", str(catalogue), "--now", "2026-02-01T12:00:00Z", *args],
                            capture_output=True, timeout=60)
    check(result.returncode == 0, f"export {args} failed: {result.stderr.decode()}")
    return result.stdout


def expected_start(series, season):
    """(UTC ISO, local ISO with offset) of a dated season, by zoneinfo."""
    zone = zoneinfo.ZoneInfo(series["timezone"])
    start = season.get("time", series["start_time"])
    local = datetime.datetime.combine(season["date"], start, tzinfo=zone)
    utc = local.astimezone(datetime.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ"), local.isoformat()


def check_shipped(wtool):
    catalogue = ROOT / "data" / "episodes.toml"
    data = tomllib.loads(catalogue.read_text(encoding="utf-8"))
    episodes = sorted(data["episode"], key=lambda e: e["code"])
    seasons = {s["number"]: s for s in data["season"]}

    raw = export(wtool, catalogue, "--format", "csv")
    check(not raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a byte-order mark")
    text = raw.decode("utf-8")  # must be UTF-8
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(rows[0] == ["code", "season", "number", "title", "speakers", "affiliations", "countries", "theme", "date",
                      "start_local", "start_utc", "recording", "share_recording", "abstract", "meeting_url",
                      "meeting_platform", "cancelled"], f"header {rows[0]}")
    body = [dict(zip(rows[0], row)) for row in rows[1:]]
    check(len(body) == len(episodes), f"{len(body)} CSV rows for {len(episodes)} episodes")
    # Records end with CRLF; line breaks inside quoted abstracts stay LF.
    check(text.count("\r\n") == len(rows), "not every record ends with CRLF")
    for row, episode in zip(body, episodes):
        speakers = episode["speaker"]
        check(row["code"] == episode["code"] and row["title"] == episode["title"], f"row {row['code']}")
        check(row["speakers"] == "; ".join(s["name"] for s in speakers), f"{row['code']} speakers {row['speakers']}")
        check(row["countries"] == "; ".join(s.get("country", "") for s in speakers), f"{row['code']} countries")
        check(row["abstract"] == episode.get("abstract", ""), f"{row['code']} abstract differs")
        check(row["recording"] == episode.get("recording", ""), f"{row['code']} recording")
        check(row["share_recording"] == ("true" if episode.get("share_recording", True) else "false"),
              f"{row['code']} share_recording")
        season = seasons[int(row["season"])]
        if "date" in season:
            check((row["start_utc"], row["start_local"]) == expected_start(data["series"], season),
                  f"{row['code']} start {row['start_utc']} {row['start_local']}")
        else:
            check(row["date"] == "" and row["start_utc"] == "", f"{row['code']}: a TBA season has a start")
        for key, cell in row.items():
            check(not cell or cell[0] not in "=+-@", f"{row['code']} {key} starts like a formula: {cell[:20]!r}")

    doc = json.loads(export(wtool, catalogue))
    check(doc["export_version"] == 1, "export_version")
    check([e["code"] for e in doc["episodes"]] == [e["code"] for e in episodes], "JSON episode codes")
    check([s["number"] for s in doc["seasons"]] == sorted(seasons), "JSON seasons not in number order")
    for s in doc["seasons"]:
        season = seasons[s["number"]]
        if "date" in season:
            check((s["start_utc"], s["start_local"]) == expected_start(data["series"], season),
                  f"JSON season {s['number']}: {s['start_utc']} {s['start_local']}")
        else:
            check(s["start_utc"] is None and s["date"] is None, f"JSON season {s['number']} should be TBA")
    for e, episode in zip(doc["episodes"], episodes):
        check([sp["name"] for sp in e["speakers"]] == [sp["name"] for sp in episode["speaker"]],
              f"JSON {e['code']} speakers")

    one = json.loads(export(wtool, catalogue, "--season", "9"))
    check([s["number"] for s in one["seasons"]] == [9] and {e["season"] for e in one["episodes"]} == {9},
          "--season 9 exported other seasons")


def check_hostile(wtool, tmp):
    catalogue = tmp / "hostile.toml"
    catalogue.write_text('''[series]
title = "H"
timezone = "America/New_York"
start_time = 12:00:00

[[season]]
number = 1
date = 2026-03-09

[[episode]]
code = "S01E01"
title = "=cmd|' /C calc'!A0"
abstract = "+1, \\"quoted\\"\\nsecond line"

[[episode.speaker]]
name = "@admin"
affiliation = "-Lab, Inc."
country = "USA"
''', encoding="utf-8")
    rows = list(csv.reader(io.StringIO(export(wtool, catalogue, "--format", "csv").decode(), newline="")))
    row = dict(zip(rows[0], rows[1]))
    check(row["title"] == "'=cmd|' /C calc'!A0", f"title cell {row['title']!r}")
    check(row["speakers"] == "'@admin" and row["affiliations"] == "'-Lab, Inc.", f"speaker cells {row}")
    check(row["abstract"] == "'+1, \"quoted\"\nsecond line", f"abstract cell {row['abstract']!r}")
    # the day after the US switched to summer time
    check(row["start_local"] == "2026-03-09T12:00:00-04:00" and row["start_utc"] == "2026-03-09T16:00:00Z",
          f"start {row['start_local']} {row['start_utc']}")
    doc = json.loads(export(wtool, catalogue))
    check(doc["episodes"][0]["title"] == "=cmd|' /C calc'!A0", "JSON must keep the text as it is")

    out = tmp / "out.csv"
    result = subprocess.run([wtool, "export", "--catalogue", str(catalogue), "--format", "csv", "--output", str(out)],
                            capture_output=True, text=True)
    check(result.returncode == 0 and out.read_bytes() == export(wtool, catalogue, "--format", "csv"),
          "--output wrote something else than standard output shows")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    check_shipped(wtool)
    with tempfile.TemporaryDirectory() as tmp:
        check_hostile(wtool, pathlib.Path(tmp))
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: export ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
