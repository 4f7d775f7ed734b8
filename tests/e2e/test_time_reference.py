#!/usr/bin/env python3
"""wtool time against independent references, through the real command line and its JSON output.

Instants: the minute before, the minute of and the minute after every DST transition from 2020 to 2030 of eleven
zones (listed by the system's `zdump -v`), each converted by one `wtool time "... UTC" --to <all
eleven zones> --format json`; every zone's local time and abbreviation is compared with GNU
`date` run with TZ=<zone>. That is several thousand zone-instants.

Local times: around every transition from 2025 to 2027, the last minute before the change, a
minute inside the gap (spring) or the repeated hour (autumn), and the first minute after it, read
in that zone; wtool must give the instant GNU date gives, or the gap / repeated-time error where
zdump's offsets say there is one.

Neither reference uses date/tz: zdump and date use glibc's own tz code.
Usage: test_time_reference.py --wtool PATH
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import subprocess
import sys

ZONES = [
    "Europe/Copenhagen", "Europe/London", "America/New_York", "America/Los_Angeles",
    "America/Sao_Paulo", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Sydney",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham",
]
ENV = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "TZ")}
# The catalogue must not be needed when the time carries a zone and --to is given.
COMMON = ["--catalogue", "/nonexistent/episodes.toml", "--now", "2026-02-01T12:00:00Z"]


def transitions(zone, first_year, last_year):
    """[(instant, offset_before, offset_after)] from zdump -v (pairs of lines at t-1 and t)."""
    out = subprocess.run(["zdump", "-v", "-c", f"{first_year},{last_year + 1}", zone],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        if " UT = " not in line:
            continue
        ut_text = line[len(zone) + 2:line.index(" UT = ")]
        ut = datetime.datetime.strptime(ut_text, "%a %b %d %H:%M:%S %Y").replace(tzinfo=datetime.timezone.utc)
        gmtoff = int(line.rsplit("gmtoff=", 1)[1])
        rows.append((int(ut.timestamp()), gmtoff))
    result = []
    for (t0, off0), (t1, off1) in zip(rows[0::2], rows[1::2]):
        assert t1 == t0 + 1, f"unexpected zdump output for {zone}"
        result.append((t1, off0, off1))
    return result


def gnu_date(zone, instants):
    """{instant: (iso local time with offset, abbreviation)} from GNU date, one process per zone."""
    env = dict(ENV, TZ=zone)
    stdin = "".join(f"@{t}\n" for t in instants)
    out = subprocess.run(["date", "-f", "-", "+%Y-%m-%dT%H:%M:%S%:z %Z"], input=stdin, env=env,
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(instants)
    return {t: tuple(line.split(" ")) for t, line in zip(instants, out)}


def utc_text(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")


def local_text(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")


def run_wtool(wtool, args):
    proc = subprocess.run([wtool, "time"] + args + COMMON, capture_output=True, text=True, env=ENV)
    return proc.returncode, proc.stdout, proc.stderr


def check_instants(wtool, failures):
    instants = set()
    for zone in ZONES:
        for t, _, _ in transitions(zone, 2020, 2030):
            instants.update((t - 60, t, t + 60))
    instants = sorted(instants)
    reference = {zone: gnu_date(zone, instants) for zone in ZONES}

    def one(t):
        code, out, err = run_wtool(wtool, [f"{utc_text(t)} UTC", "--to", ",".join(ZONES), "--format", "json"])
        if code != 0:
            return [f"{utc_text(t)} UTC: exit {code}: {err.strip()}"]
        rows = {row["zone"]: row for row in json.loads(out)["zones"] if row["role"] == "target"}
        problems = []
        for zone in ZONES:
            want_time, want_abbrev = reference[zone][t]
            got = rows.get(zone)
            if got is None or got["local_time"] != want_time or got["abbreviation"] != want_abbrev:
                problems.append(f"{utc_text(t)} UTC in {zone}: wtool {got and (got['local_time'], got['abbreviation'])}"
                                f", GNU date {(want_time, want_abbrev)}")
        return problems

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for problems in pool.map(one, instants):
            failures.extend(problems)
    return len(instants) * len(ZONES)


def check_local_times(wtool, failures):
    cases = []  # (zone, local seconds, expected: int instant | "gap" | "twice")
    for zone in ZONES:
        for t, before, after in transitions(zone, 2025, 2027):
            low, high = t + min(before, after), t + max(before, after)  # the gap or the repeated span
            middle = low + (high - low) // 2 // 60 * 60
            cases.append((zone, low - 60, low - 60 - before))
            cases.append((zone, middle, "gap" if after > before else "twice"))
            cases.append((zone, high, high - after))

    def one(case):
        zone, local, expected = case
        code, out, err = run_wtool(wtool, [f"{local_text(local)} {zone}", "--to", "UTC", "--format", "json"])
        where = f"{local_text(local)} in {zone}"
        if expected == "gap":
            return [] if code == 2 and "does not exist" in err else [f"{where}: expected a gap error, got {code} {err}"]
        if expected == "twice":
            return [] if code == 2 and "happens twice" in err else [f"{where}: expected a repeated-time error, got {code} {err}"]
        if code != 0:
            return [f"{where}: exit {code}: {err.strip()}"]
        instant = json.loads(out)["instant"]
        want = datetime.datetime.fromtimestamp(expected, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        # GNU date reads the same local time in the zone (unique here, so it cannot pick differently).
        gnu = subprocess.run(["date", "-u", "-d", f"TZ=\"{zone}\" {local_text(local)}", "+%Y-%m-%dT%H:%M:%SZ"],
                             capture_output=True, text=True, env=ENV).stdout.strip()
        if instant != want or gnu != want:
            return [f"{where}: wtool {instant}, from zdump's offsets {want}, GNU date {gnu}"]
        return []

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for problems in pool.map(one, cases):
            failures.extend(problems)
    return len(cases)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = parser.parse_args().wtool
    failures = []
    zone_instants = check_instants(wtool, failures)
    local_times = check_local_times(wtool, failures)
    for f in failures[:40]:
        print("FAIL", f)
    print(f"{zone_instants} zone-instants and {local_times} local times checked, {len(failures)} failures")
    if zone_instants < 3000 or local_times < 100:
        print("FAIL too few cases: is zdump working?")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
