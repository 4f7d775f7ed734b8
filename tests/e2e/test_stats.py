#!/usr/bin/env python3
"""wtool stats: the SVG chart parsed as XML (python's xml.etree): an accessible <svg role="img">
with <title> and <desc> that aria-labelledby names, one labelled bar per country with the counts
of `stats --format json`, bar widths in the order of the counts, the same bytes on every run, and
catalogue text escaped (a hostile catalogue still gives well-formed XML with the text intact).
The JSON figures are checked against the catalogue read with tomllib.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def stats(wtool, catalogue, svg):
    result = subprocess.run([wtool, "stats", "--all", "--catalogue", str(catalogue), "--now", "2026-02-01T12:00:00Z",
                             "--format", "json", "--svg", str(svg)], capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"stats failed: {result.stderr}")
    return json.loads(result.stdout)


def check_chart(svg_path, figures, series_title):
    root = ET.parse(svg_path).getroot()
    check(root.tag == SVG + "svg" and root.get("role") == "img", f"root element {root.tag} {root.attrib}")
    children = list(root)
    check(children[0].tag == SVG + "title" and children[1].tag == SVG + "desc", "<title> and <desc> come first")
    ids = {child.get("id") for child in children[:2]}
    check(set(root.get("aria-labelledby", "").split()) == ids, "aria-labelledby does not name <title> and <desc>")
    check(children[0].text == f"Speakers per country: {series_title}", f"title {children[0].text!r}")
    bars = root.findall(SVG + "g")
    check(len(bars) == len(figures["countries"]), f"{len(bars)} bars for {len(figures['countries'])} countries")
    widths = []
    for bar, country in zip(bars, figures["countries"]):
        n = country["speakers"]
        check(bar.find(SVG + "title").text == f"{country['country']}: {n} speaker{'s' if n != 1 else ''}",
              f"bar title {bar.find(SVG + 'title').text!r}")
        texts = [t.text for t in bar.findall(SVG + "text")]
        check(texts == [country["country"], str(n)], f"bar texts {texts}")
        widths.append(int(bar.find(SVG + "rect").get("width")))
    check(widths == sorted(widths, reverse=True), f"bar widths not in the order of the counts: {widths}")
    desc = children[1].text
    for country in figures["countries"]:
        check(f"{country['country']} {country['speakers']}" in desc, f"desc lacks {country['country']}")


def check_hostile_markdown(wtool):
    """stats --format markdown on the text-safety fixture: every catalogue text reads back as
    itself through an independent Markdown parser (cmark-gfm, with GFM tables), and nothing Liquid
    would run ("{{", "{%") reaches a Jekyll site."""
    hostile = ROOT / "tests" / "data" / "announce" / "hostile.toml"
    result = subprocess.run([wtool, "stats", "--all", "--catalogue", str(hostile), "--now", "2026-02-01T12:00:00Z",
                             "--format", "markdown"], capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, f"stats --format markdown failed: {result.stderr}")
    check("{{" not in result.stdout and "{%" not in result.stdout, "Liquid tags in the Markdown")
    xml = subprocess.run(["cmark-gfm", "-e", "table", "--to", "xml"], input=result.stdout, capture_output=True,
                         text=True, check=True).stdout
    ns = "{http://commonmark.org/xml/1.0}"
    root = ET.fromstring(xml)

    def text_of(node):
        return "".join(t.text or "" for t in node.iter() if t.tag in (ns + "text", ns + "code"))

    data = tomllib.loads(hostile.read_text(encoding="utf-8"))
    heading = root.find(ns + "heading")
    check(text_of(heading) == "Statistics: " + data["series"]["title"], f"heading {text_of(heading)!r}")
    cells = [text_of(c) for c in root.iter(ns + "table_cell")]
    for value in (data["season"][0]["theme"], data["episode"][0]["speaker"][0]["country"],
                  data["episode"][0]["speaker"][0]["affiliation"]):
        check(value in cells, f"{value!r} is not a cell of its own: {cells}")
    check(not any(root.iter(ns + "link")) and not any(root.iter(ns + "html_inline")),
          "a link or HTML made from catalogue text")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        shipped = ROOT / "data" / "episodes.toml"
        figures = stats(wtool, shipped, tmp / "a.svg")
        data = tomllib.loads(shipped.read_text(encoding="utf-8"))
        check_chart(tmp / "a.svg", figures, data["series"]["title"])
        stats(wtool, shipped, tmp / "b.svg")
        check((tmp / "a.svg").read_bytes() == (tmp / "b.svg").read_bytes(), "two runs made different SVG files")

        # The figures against the catalogue itself.
        names = {s["name"].strip().lower() for e in data["episode"] for s in e["speaker"]}
        check(figures["totals"]["speakers"] == len(names), f"speakers {figures['totals']['speakers']} != {len(names)}")
        check(figures["totals"]["talks"] == len(data["episode"]), "talks")
        check(sum(s["talks"] for s in figures["seasons"]) == len(data["episode"]), "talks per season do not add up")
        check(sum(y["talks"] for y in figures["years"]) == len(data["episode"]), "talks per year do not add up")
        by_country = {}
        for e in data["episode"]:
            for s in e["speaker"]:
                by_country.setdefault(s.get("country", "(not given)"), set()).add(s["name"].strip().lower())
        check({c["country"]: c["speakers"] for c in figures["countries"]} ==
              {c: len(p) for c, p in by_country.items()}, "speakers per country differ from the catalogue")

        hostile = tmp / "hostile.toml"
        hostile.write_text('''[series]
title = "Bias & <Friends> \\"quoted\\" 'single'"
timezone = "UTC"
start_time = 10:00:00

[[season]]
number = 1
date = 2025-01-06

[[episode]]
code = "S01E01"
title = "T"

[[episode.speaker]]
name = "A"
country = "</text><script>alert(1)</script>"
''', encoding="utf-8")
        figures = stats(wtool, hostile, tmp / "h.svg")
        check_chart(tmp / "h.svg", figures, "Bias & <Friends> \"quoted\" 'single'")
        check("<script>" not in (tmp / "h.svg").read_text(encoding="utf-8"), "unescaped markup in the SVG")
        check_hostile_markdown(wtool)
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: stats ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
