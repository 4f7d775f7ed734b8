#!/usr/bin/env python3
"""Writes a large synthetic wtool catalogue for benchmarks.

    bench/gen_catalogue.py EPISODES [--per-season N] > big.toml

Every season is on a weekday, the next working day after the previous one (so 10,000 seasons
end in 1938, within the time-zone data); every episode has a title and
a canonical YouTube recording, and three shapes (--shape) fill in the rest:

- realistic: the shape of the real catalogue (data/episodes.toml: 30 talks, abstracts of about
  970 bytes, 1.2 speakers a talk with bios of about 630 bytes, 2.3 kB an episode in all, 0.8
  non-ASCII letters a kB), made a little harder: every speaker has a homepage (one more URL to
  check). About 2.4 kB an episode, 0.7 non-ASCII letters a kB.
- accented: the same fields with shorter texts (about 1.7 kB an episode) in which one word in four
  has a non-ASCII letter, 35 times as many as real text: a stress test of the text checks, and
  the shape this benchmark called "realistic" before 2026-11-27.
- lean: code, title, recording and one speaker (about 0.3 kB).

The output is deterministic (same arguments, same bytes) and validates without errors.
"""
import argparse
import datetime
import random
import sys

WORDS = ("dataset annotation bias shortcut fairness metric label cohort scanner imaging "
         "segmentation benchmark curation provenance consent label-noise audit Zając São "
         "Jiménez-Sánchez évaluation Müller naïve").split()


ENGLISH = ("the a of and to in for with we this that is are on from by as data dataset datasets "
           "annotation annotations bias shortcut shortcuts fairness metric metrics label labels cohort "
           "scanner scanners imaging image images medical clinical segmentation classification "
           "benchmark benchmarks curation provenance consent label-noise audit model models learning "
           "deep public research hospital patients study studies performance evaluation validation "
           "quality challenge challenges collection documentation practice open community").split()
ACCENTED = "Zając São Jiménez-Sánchez évaluation Müller naïve Ørsted Tromsø".split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def prose(rng, n):
    """n words of English-like text in which one word in 200 has a non-ASCII letter."""
    words = [rng.choice(ACCENTED) if rng.random() < 0.005 else rng.choice(ENGLISH) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("episodes", type=int)
    parser.add_argument("--per-season", type=int, default=10)
    parser.add_argument("--shape", choices=("realistic", "accented", "lean"), default="realistic",
                        help="realistic: abstracts and bios like the real catalogue's (about 2.4 kB an "
                             "episode); accented: shorter texts with non-ASCII letters in one word of "
                             "four (1.7 kB); lean: code, title, recording and one speaker (0.3 kB)")
    args = parser.parse_args()
    rng = random.Random(42)
    out = sys.stdout
    out.write('[series]\ntitle = "Synthetic Seminar"\ntimezone = "Europe/Copenhagen"\nstart_time = 15:00:00\n'
              'duration_minutes = 90\naudience_timezones = ["America/New_York", "Asia/Kolkata", "Asia/Tokyo"]\n'
              'site_url = "https://example.org"\n\n')
    seasons = (args.episodes + args.per_season - 1) // args.per_season
    day = datetime.date(1900, 1, 1)  # a Monday
    for s in range(1, seasons + 1):
        out.write(f'[[season]]\nnumber = {s}\ntheme = "{sentence(rng, 3)[:-1]}"\ndate = {day.isoformat()}\n'
                  f'zoom_url = "https://example.zoom.us/meeting/register/s{s:06d}"\n\n')
        day += datetime.timedelta(days=3 if day.weekday() == 4 else 1)  # Friday: next Monday
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    written = 0
    for s in range(1, seasons + 1):
        for e in range(1, args.per_season + 1):
            if written == args.episodes:
                break
            written += 1
            video = "".join(rng.choice(alphabet) for _ in range(11))
            if args.shape == "lean":
                out.write(f'[[episode]]\ncode = "S{s:02d}E{e:02d}"\ntitle = "{sentence(rng, 6)[:-1]}"\n'
                          f'recording = "https://www.youtube.com/watch?v={video}"\n'
                          f'[[episode.speaker]]\nname = "Speaker {written}"\n'
                          f'affiliation = "University {rng.randrange(500)}"\ncountry = "Country {rng.randrange(60)}"\n\n')
                continue
            if args.shape == "realistic":
                out.write(f'[[episode]]\ncode = "S{s:02d}E{e:02d}"\ntitle = "{prose(rng, 10)[:-1]}"\n'
                          f'abstract = """\n{prose(rng, 70)} {prose(rng, 40)}\n\n{prose(rng, 40)}"""\n'
                          f'recording = "https://www.youtube.com/watch?v={video}"\n')
                for p in range(1 + (written % 5 == 0)):
                    out.write(f'\n[[episode.speaker]]\nname = "Speaker {written}-{p} Jensen"\n'
                              f'affiliation = "University {rng.randrange(500)}"\n'
                              f'country = "Country {rng.randrange(60)}"\n'
                              f'homepage = "https://example.org/~s{written}-{p}"\nbio = "{prose(rng, 95)}"\n')
                out.write("\n")
                continue
            out.write(f'[[episode]]\ncode = "S{s:02d}E{e:02d}"\ntitle = "{sentence(rng, 8)[:-1]}"\n'
                      f'abstract = """\n{sentence(rng, 40)} {sentence(rng, 30)}\n\n{sentence(rng, 25)}"""\n'
                      f'recording = "https://www.youtube.com/watch?v={video}"\n')
            for p in range(1 + (written % 3 == 0)):
                out.write(f'\n[[episode.speaker]]\nname = "Speaker {written}-{p} Müller"\n'
                          f'affiliation = "University {rng.randrange(500)}"\ncountry = "Country {rng.randrange(60)}"\n'
                          f'homepage = "https://example.org/~s{written}-{p}"\nbio = "{sentence(rng, 35)}"\n')
            out.write("\n")


if __name__ == "__main__":
    main()
