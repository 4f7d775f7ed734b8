#!/usr/bin/env python3
"""The JSON Schema of the catalogue (docs/catalogue.schema.json) against an independent validator.

Debian's python3-jsonschema (Draft 7, the draft Taplo supports) checks:
- the schema itself is a valid Draft 7 schema;
- data/episodes.toml starts with the Taplo directive `#:schema ../docs/catalogue.schema.json`,
  whose relative path (relative to the catalogue, as Taplo resolves it) names the schema;
- the shipped catalogue, tests/data/minimal.toml and a catalogue from `wtool init` are valid;
- tests/data/validate/broken-keys.toml and a series of single mistakes are rejected, each for the
  expected reason.
TOML is read with tomllib and its dates and times are turned into strings the way Taplo does
(dates 2026-03-02, times 15:00:00, local date-times 2025-05-12T10:00:00, offsets as Z or +01:00).
"""
import argparse
import copy
import datetime
import json
import pathlib
import subprocess
import sys
import tempfile
import tomllib

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "docs" / "catalogue.schema.json"


def taplo_json(value):
    """A TOML value as Taplo hands it to a JSON Schema validator."""
    if isinstance(value, dict):
        return {k: taplo_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [taplo_json(v) for v in value]
    if isinstance(value, datetime.datetime):
        text = value.strftime("%Y-%m-%dT%H:%M:%S") + fraction(value.microsecond)
        if value.tzinfo is not None:
            offset = value.utcoffset()
            if offset == datetime.timedelta(0):
                text += "Z"
            else:
                minutes = int(offset.total_seconds() // 60)
                sign = "+" if minutes >= 0 else "-"
                text += f"{sign}{abs(minutes) // 60:02}:{abs(minutes) % 60:02}"
        return text
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S") + fraction(value.microsecond)
    return value


def fraction(microseconds):
    return ("." + f"{microseconds:06}".rstrip("0")) if microseconds else ""


def load(path):
    with open(path, "rb") as f:
        return taplo_json(tomllib.load(f))


def errors_of(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))


def findings(errors):
    """What each error is about, independent of the validator's wording: (keyword, subject).

    The subject is the key concerned for `required` (each missing one) and `additionalProperties`
    (each unexpected one), and the offending value otherwise (as text; an empty list is "[]")."""
    result = set()
    for e in errors:
        if e.validator == "required":
            result.update((e.validator, key) for key in e.validator_value if key not in e.instance)
        elif e.validator == "additionalProperties":
            known = e.schema.get("properties", {})
            result.update((e.validator, key) for key in e.instance if key not in known)
        else:
            result.add((e.validator, e.instance if isinstance(e.instance, str) else json.dumps(e.instance)))
    return result


def describe(errors):
    return "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    args = parser.parse_args()
    failures = []

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    # The Taplo directive: the first line, with a path relative to the catalogue.
    shipped_path = ROOT / "data" / "episodes.toml"
    first_line = shipped_path.read_text(encoding="utf-8").split("\n", 1)[0]
    if first_line != "#:schema ../docs/catalogue.schema.json":
        failures.append(f"data/episodes.toml's first line is {first_line!r}, not the #:schema directive")
    elif (shipped_path.parent / first_line.split()[1]).resolve() != SCHEMA_PATH:
        failures.append("the #:schema path does not name docs/catalogue.schema.json")

    # Valid catalogues.
    valid = {"data/episodes.toml": load(shipped_path), "tests/data/minimal.toml": load(ROOT / "tests/data/minimal.toml")}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([args.wtool, "init", tmp, "--title", 'New "Series"', "--timezone", "Europe/Berlin",
                        "--start", "16:00", "--audience", "Asia/Tokyo", "--site-url", "https://example.org"],
                       check=True, capture_output=True)
        valid["wtool init output"] = load(pathlib.Path(tmp) / "episodes.toml")
    for name, document in valid.items():
        errors = errors_of(validator, document)
        if errors:
            failures.append(f"{name} does not match the schema: {describe(errors)}")

    # The broken-keys fixture: every mistake the schema can see is reported. Findings are compared
    # by what failed (the JSON Schema keyword and the key or value concerned), never by the
    # validator's wording, which changes between jsonschema releases.
    broken = findings(errors_of(validator, load(ROOT / "tests/data/validate/broken-keys.toml")))
    for expected in [("additionalProperties", "tittle"), ("required", "title"), ("pattern", "15:00"),
                     ("type", "90"), ("additionalProperties", "zoom"), ("additionalProperties", "abstrakt"),
                     ("additionalProperties", "nmae"), ("required", "name"), ("required", "speaker")]:
        if expected not in broken:
            failures.append(f"broken-keys.toml: expected a finding {expected!r}, got: {sorted(broken)}")

    # Single mistakes in an otherwise valid catalogue.
    base = valid["data/episodes.toml"]

    def mistake(name, change, expected):
        document = copy.deepcopy(base)
        change(document)
        errors = errors_of(validator, document)
        if not errors:
            failures.append(f"{name}: accepted, should be rejected")
        elif expected not in findings(errors):
            failures.append(f"{name}: rejected, but not for {expected!r}: {describe(errors)}")

    mistake("unknown top-level key", lambda d: d.update(seasons=[]), ("additionalProperties", "seasons"))
    mistake("no [series]", lambda d: d.pop("series"), ("required", "series"))
    mistake("season number 0", lambda d: d["season"][0].update(number=0), ("minimum", "0"))
    mistake("season number as text", lambda d: d["season"][0].update(number="1"), ("type", "1"))
    mistake("duration out of range", lambda d: d["series"].update(duration_minutes=2000), ("maximum", "2000"))
    mistake("cancelled as text", lambda d: d["season"][0].update(cancelled="yes"), ("type", "yes"))
    mistake("a date that is no date", lambda d: d["season"][0].update(date="next week"), ("anyOf", "next week"))
    mistake("a time with a zone", lambda d: d["season"][0].update(time="15:00:00+01:00"), ("pattern", "15:00:00+01:00"))
    mistake("episode without speakers", lambda d: d["episode"][0].pop("speaker"), ("required", "speaker"))
    mistake("empty speaker list", lambda d: d["episode"][0].update(speaker=[]), ("minItems", "[]"))
    mistake("speaker without a name", lambda d: d["episode"][0]["speaker"][0].pop("name"), ("required", "name"))
    mistake("malformed code", lambda d: d["episode"][0].update(code="S1E1"), ("pattern", "S1E1"))
    mistake("negative alarm", lambda d: d["series"].update(alarm_minutes=[-5]), ("minimum", "-5"))
    mistake("recording as a number", lambda d: d["episode"][0].update(recording=42), ("type", "42"))
    mistake("unknown organiser key", lambda d: d["series"]["organiser"][0].update(mail="x"), ("additionalProperties", "mail"))
    mistake("unknown [series.text] key", lambda d: d["series"]["text"].update(footer="x"), ("additionalProperties", "footer"))
    mistake("unknown [site] key", lambda d: d["site"].update(news_folder="x"), ("additionalProperties", "news_folder"))

    # What the schema deliberately accepts because Taplo shows TOML dates as strings: a quoted
    # date looks the same as a real one (wtool validate reports it).
    quoted = copy.deepcopy(base)
    quoted["season"][0]["date"] = "2023-02-27"
    if errors_of(validator, quoted):
        failures.append("a date string should pass the schema (it is how Taplo shows TOML dates)")

    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: schema checks ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
