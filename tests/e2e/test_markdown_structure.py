#!/usr/bin/env python3
"""The generated Markdown has exactly the structure its templates give it, whatever the values.

An independent checker, Debian's `cmark-gfm` (CommonMark plus the GFM table, strikethrough and
tagfilter extensions), parses wtool's Markdown into XML. The test then compares the document's
blocks (headings, paragraphs, list items, thematic breaks, HTML blocks...) with the blocks the
templates promise, built here from the plain-text values that `announce --format json` prints:
the same number of blocks of the same kinds, each with exactly the plain text of its values,
the same link destinations, and no inline node the template did not put there (no emphasis,
code, raw HTML, image or strikethrough coming from a value). Run on the hostile catalogue
(tests/data/announce/hostile.toml: titles with ** and ], abstracts starting with #, names with
<img>, values with line breaks, URLs with parentheses) and on the shipped catalogue.

GFM's autolink extension is left out on purpose: it turns a bare URL written in plain text into
a link, which changes how the text is shown but not what it says; every other difference in
structure fails the test.

Run: tests/e2e/test_markdown_structure.py --wtool build/dev/wtool
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
NS = "{http://commonmark.org/xml/1.0}"
HOSTILE = "tests/data/announce/hostile.toml"
SHIPPED = "data/episodes.toml"

failures = []


def wtool(binary, catalogue, now, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH")}
    proc = subprocess.run([binary, "--catalogue", catalogue, "--now", now, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise SystemExit(f"wtool {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def season_data(binary, catalogue, number, times=()):
    """The plain values of a season and the series, as templates see them (unescaped); audience
    times as the catalogue's announce_times says unless `times` is ("--times",)."""
    return json.loads(wtool(binary, catalogue, "2026-01-01T00:00:00Z", "announce", "--season", str(number),
                            "--format", "json", *times))


def strip_front_matter(markdown):
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4)
        return markdown[end + 5:]
    return markdown


def parse(markdown):
    xml = subprocess.run(["cmark-gfm", "--to", "xml", "-e", "table", "-e", "strikethrough", "-e", "tagfilter"],
                         input=markdown, capture_output=True, text=True, encoding="utf-8", check=True).stdout
    return ET.fromstring(xml)


def name(node):
    return node.tag.replace(NS, "")


def inline_summary(node):
    """(text, link destinations, kinds of inline nodes) of everything inside `node`."""
    text, links, kinds = [], [], set()
    for child in node.iter():
        kind = name(child)
        if child is node or kind in ("paragraph", "heading", "item"):
            continue
        kinds.add(kind)
        if kind in ("text", "code", "html_inline"):
            text.append(child.text or "")
        elif kind in ("softbreak", "linebreak"):
            text.append("\n")
        if kind == "link":
            links.append(child.get("destination"))
    return "".join(text), tuple(links), frozenset(kinds)


def blocks(markdown):
    """The document as a flat list of (kind, detail, text, links, inline kinds)."""
    out = []

    def walk(parent, prefix):
        for node in parent:
            kind = name(node)
            if kind == "list":
                out.append(("list", node.get("type"), "", (), frozenset()))
                for item in node:
                    walk(item, "item ")
            elif kind in ("paragraph", "heading"):
                text, links, kinds = inline_summary(node)
                out.append((prefix + kind, node.get("level", ""), text, links, kinds))
            elif kind == "html_block":
                out.append((prefix + kind, "", node.text or "", (), frozenset()))
            else:
                out.append((prefix + kind, "", "", (), frozenset()))

    walk(parse(markdown), "")
    return out


def para(text, links=(), kinds=("text",), prefix=""):
    return (prefix + "paragraph", "", text, tuple(links), frozenset(kinds))


def heading(level, text, kinds=("text",)):
    return ("heading", str(level), text, (), frozenset(kinds))


def split_paragraphs(value):
    return value.split("\n\n") if value else []


def labelled(label, value):
    """Paragraphs of a multi-paragraph value, the first one after its label."""
    parts = split_paragraphs(value)
    return [para((label + p) if i == 0 else p) for i, p in enumerate(parts)]


def verbatim(markdown):
    return blocks(markdown) if markdown else []


def expected_next_section(season):
    out = [heading(4, "Next webinar: " + season["heading"] + (" (cancelled)" if season["cancelled"] else "")),
           para("Date: " + season["when"], kinds=("text", "strong"))]
    if season["show_audience_times"]:
        out.append(para("Other time zones: " + season["audience_times_text"]))
    zoom = url_for_markdown(season["zoom_url"]) if season["zoom_url"] else None
    out.append(para("Where: Zoom:" + (" Register here" if zoom else ""), [zoom] if zoom else [],
                    ("text", "strong", "link") if zoom else ("text", "strong")))
    out.append(para("Speakers:" + ("" if season["has_talks"] else " TBA")))
    for talk in season["talks"]:
        item = talk["speaker_names"] + (" - " + talk["affiliations"] if talk["affiliations"] else "")
        out.append(("list", "bullet", "", (), frozenset()))
        out.append(para(item, kinds=("text", "strong"), prefix="item "))
        out.append(para("Title: " + talk["title"]))
        out += labelled("Abstract: ", talk["abstract"])
        for bio in talk["bios"]:
            out += labelled("Short bio: ", bio["text"])
    return out


def previous_item(talk, link_escape):
    names = talk["speaker_names"]
    aff = f" ({talk['affiliations']})" if talk["affiliations"] else ""
    text = f"{talk['code']} - {names}{aff}. {talk['date_ordinal']}. {talk['title']}"
    links = [link_escape(talk["video_url"])] if talk["video_url"] else []
    kinds = ("text", "strong", "link") if links else ("text", "strong")
    return para(text, links, kinds, prefix="item ")


def url_for_markdown(url):
    """What wtool's Markdown escaping does to a URL (docs/templates.md)."""
    return "".join("%{:02X}".format(ord(c)) if c in " ()<>\\`{}|^\"" else c for c in url)


def compare(what, actual, expected):
    if actual == expected:
        print(f"ok   {what}: {len(actual)} blocks as the template says")
        return
    failures.append(what)
    print(f"FAIL {what}")
    for i in range(max(len(actual), len(expected))):
        a = actual[i] if i < len(actual) else None
        e = expected[i] if i < len(expected) else None
        if a != e:
            print(f"  block {i}:\n    expected {e}\n    actual   {a}")
            break


def check_announce(binary, catalogue, season_number, now):
    data = season_data(binary, catalogue, season_number, ("--times",))
    md = wtool(binary, catalogue, now, "announce", "--season", str(season_number), "--times")
    compare(f"{catalogue}: announce --season {season_number}", blocks(md), expected_next_section(data["season"]))


def check_webinar_page(binary, catalogue, now, next_number, seasons):
    data = {n: season_data(binary, catalogue, n) for n in seasons}
    series = next(iter(data.values()))["series"]
    md = strip_front_matter(wtool(binary, catalogue, now, "page", "webinar"))
    expected = [heading(1, series["title"])] + verbatim(series["text"]["intro"])
    if next_number is not None:
        expected += expected_next_section(data[next_number]["season"])
    expected.append(heading(4, "Previous talks:"))
    here = series["talks_url"]
    if here:
        expected.append(para("All previous abstracts can be found here.", [url_for_markdown(here)],
                             ("text", "link")))
    items = [previous_item(t, url_for_markdown) for n in seasons if n != next_number and data[n]["season"]["date"]
             and not data[n]["season"]["cancelled"] for t in data[n]["season"]["shared_talks"]]
    if items:
        expected.append(("list", "bullet", "", (), frozenset()))
        expected += items
    if here:
        expected.append(para("All previous abstracts can be found here.", [url_for_markdown(here)],
                             ("text", "link")))
    if series["text"]["organisers"]:
        expected += [heading(3, "Organizers")] + verbatim(series["text"]["organisers"])
    if series["text"]["newsletter"]:
        expected += [heading(3, "Newsletter")] + verbatim(series["text"]["newsletter"])
    compare(f"{catalogue}: page webinar at {now}", blocks(md), expected)


def check_talks_page(binary, catalogue, seasons):
    data = {n: season_data(binary, catalogue, n) for n in seasons}
    series = next(iter(data.values()))["series"]
    md = strip_front_matter(wtool(binary, catalogue, "2026-06-01T12:00:00Z", "page", "talks"))
    expected = [heading(1, series["title"])]
    talks = [t for n in sorted(seasons, reverse=True) if not data[n]["season"]["cancelled"]
             for t in reversed(data[n]["season"]["talks"])]
    for i, talk in enumerate(talks):
        aff = f" ({talk['affiliations']})" if talk["affiliations"] else ""
        expected.append(heading(3, talk["speaker_names"] + aff))
        expected.append(para("Title: " + talk["title"], kinds=("text", "strong")))
        expected += labelled("Abstract: ", talk["abstract"])
        for bio in talk["bios"]:
            expected += labelled("Bio: ", bio["text"])
        if talk["video_url"]:
            expected.append(para("Video: " + talk["code"], [url_for_markdown(talk["video_url"])], ("text", "link")))
        if i + 1 < len(talks):
            expected.append(("thematic_break", "", "", (), frozenset()))
    compare(f"{catalogue}: page talks", blocks(md), expected)


def check_news(binary, catalogue, number):
    season = season_data(binary, catalogue, number)["season"]
    md = strip_front_matter(wtool(binary, catalogue, "2026-06-01T12:00:00Z", "news", str(number)))
    names = "".join(t["list_separator"] + t["speaker_names"] for t in season["shared_talks"])
    links = [url_for_markdown(t["video_url"]) for t in season["shared_talks"] if t["video_url"]]
    text = f"We had the {season['ordinal_word']} edition of our webinar! This edition was focused on " \
           f"{season['theme_lower']} with talks from {names}."
    compare(f"{catalogue}: news {number}", blocks(md), [para(text, links, ("text", "link") if links else ("text",))])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    binary = str(pathlib.Path(parser.parse_args().wtool).resolve())

    # The hostile catalogue: season 1 next (before 2 March 2026), then past.
    check_announce(binary, HOSTILE, 1, "2026-02-01T12:00:00Z")
    check_webinar_page(binary, HOSTILE, "2026-02-01T12:00:00Z", 1, [1])
    check_webinar_page(binary, HOSTILE, "2026-06-01T12:00:00Z", None, [1])
    check_talks_page(binary, HOSTILE, [1])
    check_news(binary, HOSTILE, 1)

    # The shipped catalogue: every season's announcement, both pages at both moments, every post.
    seasons = list(range(1, 11))
    for n in seasons:
        check_announce(binary, SHIPPED, n, "2026-02-01T12:00:00Z")
    check_webinar_page(binary, SHIPPED, "2026-02-01T12:00:00Z", 9, seasons)
    check_webinar_page(binary, SHIPPED, "2026-06-01T12:00:00Z", 10, seasons)
    check_talks_page(binary, SHIPPED, seasons)
    for n in range(1, 10):
        check_news(binary, SHIPPED, n)

    if failures:
        print(f"{len(failures)} document(s) do not have the structure their template gives them")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
