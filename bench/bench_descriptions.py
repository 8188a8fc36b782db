"""Reading free-text descriptions: the engine's indexing and ranking at 20,000 firms with and without
half of them described only in prose, and the worst cases of a 4,000-character description.

usage: python bench/bench_descriptions.py [--rows 20000]
CPU seconds of this process (the box may be shared): the engine is built in-process, no database.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_import import diverse_items  # noqa: E402
from matchmaker.core.concepts import Lexicon  # noqa: E402
from matchmaker.core.descriptions import read_description  # noqa: E402
from matchmaker.core.lexicon import packaged_lexicon_data  # noqa: E402
from matchmaker.core.matching import FirmProfile, MatchEngine  # noqa: E402

OFFER = ["Мы занимаемся экспортом: {x}.", "Наша компания производит {x}.", "We supply {x} to partners.",
         "Şirkətimiz {x} istehsal edir.", "{x} ixrac edirik."]  # fmt: skip
NEED = [
    "Ищем поставщиков: {x}.",
    "We are looking for suppliers of {x}.",
    "Bizə {x} lazımdır.",
    "Закупаем {x}.",
]
NOISE = ["Founded in 2005 in Baku, more than 200 employees.", "Работаем по всей России с 1998 года.",
         "Contact: info@firm.az, www.firm.az"]  # fmt: skip


def profiles(n: int, described: bool) -> list[FirmProfile]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        offers, needs = diverse_items(rng)
        country = "AZ" if i % 2 else "RU"
        if described and i % 4 < 2:
            text = " ".join(
                [
                    rng.choice(NOISE),
                    rng.choice(OFFER).format(x=", ".join(offers)),
                    rng.choice(NEED).format(x=", ".join(needs)),
                ]
            )
            out.append(FirmProfile(i, country, description=text))
        else:
            out.append(FirmProfile(i, country, offers=tuple(offers), needs=tuple(needs)))
    return out


def _words(rng: random.Random, n: int, alphabet: str) -> str:
    return " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(3, 10))) for _ in range(n))


def worst_cases() -> None:
    rng = random.Random(3)
    cases = {
        "one phrase repeated": ("pomidor ixrac edirik " * 250)[:4000],
        "random Latin words": _words(rng, 700, string.ascii_lowercase + "əşçğıöü")[:4000],
        "random Cyrillic words": _words(rng, 700, "абвгдежзийклмнопрстуфхцчшщыэюя")[:4000],
        "a cue and 600 random items": (
            "We buy " + ", ".join(_words(rng, 1, string.ascii_lowercase) for _ in range(600))
        )[:4000],
        "HTML": ("<p>We <b>export</b> tomatoes, <a href='http://x.az/tomato'>cucumbers</a></p>" * 60)[:4000],
        "URLs and addresses": (" https://tomato.az/apples?x=1 info@wheat.ru www.grape.az barley.com " * 60)[
            :4000
        ],
    }
    print("| 4,000 characters of | CPU ms (cold lexicon, best of 3) |\n| --- | ---: |")
    for name, text in cases.items():
        best = float("inf")
        for _ in range(3):
            lex = Lexicon(packaged_lexicon_data())
            t0 = time.process_time()
            read_description(lex, text)
            best = min(best, time.process_time() - t0)
        print(f"| {name} | {best * 1000:.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    args = ap.parse_args()
    print("| firms | described in prose | index (CPU s) | rank all, top 20 (CPU s) |")
    print("| ---: | ---: | ---: | ---: |")
    for described in (False, True):
        ps = profiles(args.rows, described)
        eng = MatchEngine(Lexicon(packaged_lexicon_data()))
        t0 = time.process_time()
        for p in ps:
            eng.add(p)
        eng.ensure_index()
        t1 = time.process_time()
        for _ in eng.rank_parts(20, keep=False):
            pass
        t2 = time.process_time()
        share = sum(1 for p in ps if p.description) / len(ps)
        print(f"| {args.rows:,} | {share:.0%} | {t1 - t0:.2f} | {t2 - t1:.2f} |")
    worst_cases()


if __name__ == "__main__":
    main()
