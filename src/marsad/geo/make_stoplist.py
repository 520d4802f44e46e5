"""Derive the geocoder's stop list: gazetteer names that news text mostly uses as ordinary words.

Run by hand when the gazetteer changes (not at runtime):
    python -m marsad.geo.make_stoplist ../shared/data/ner > src/marsad/geo/stopwords_corpus.txt
In: the NewsFANE and Wojood token files (one token and its tag a line). A one-word gazetteer key
seen at least MIN_SEEN times whose share tagged as a place is below MAX_PLACE_SHARE is a stop word.
Out: one key a line, with counts as a comment. Hand-picked words live in stopwords.txt.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from marsad.geo.gazetteer import load_gazetteer
from marsad.text.lexicon import PROCLITICS, lexicon_key

PLACE_TAGS = {"Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "County-or-District",
              "Land-Region-Natural", "Continent", "GPE", "LOC", "Land", "Water-Body", "FAC", "Building-Grounds",
              "Airport", "Subarea-Facility"}
MIN_SEEN = 3
MAX_PLACE_SHARE = 0.5


def tokens(ner_dir: Path):
    """(token, is_place) over every corpus file."""
    files = list(ner_dir.glob("newsfane/*170K.txt")) + list(ner_dir.glob("wojood_sample/*.txt"))
    for path in files:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.replace("\u200e", "").split()
            if len(parts) >= 2 and parts[0] not in ("LICENSE",):
                tags = {t.split("-", 1)[-1] for t in parts[1:]}
                yield parts[0], bool(tags & PLACE_TAGS)


def main(ner_dir: str) -> None:
    gaz = load_gazetteer()
    seen: Counter = Counter()
    place: Counter = Counter()
    for tok, is_place in tokens(Path(ner_dir)):
        key = lexicon_key(tok)
        cands = [key] + [lexicon_key(key[len(p):]) for p in PROCLITICS if p and key.startswith(p)]
        for k in cands:
            if k in gaz.index_ar:
                seen[k] += 1
                place[k] += is_place
                break
    for key, n in seen.most_common():
        if n >= MIN_SEEN and place[key] / n < MAX_PLACE_SHARE:
            print(f"{key}\t# seen {n}, as a place {place[key]}")


if __name__ == "__main__":
    main(sys.argv[1])
