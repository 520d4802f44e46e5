"""Loading the compiled gazetteer and looking names up in it.

In: the file written by `marsad kb build-gazetteer` (default: marsad/kb/data/gazetteer.bin).
Out: a `Gazetteer` with `rows(key)` (Arabic lookup key → row numbers), `rows_en(name)`, `place(row)`,
and a lazily built clitic-aware `lexicon` for scanning texts.
"""

from __future__ import annotations

import re
import threading
import zlib
from pathlib import Path

import ahocorasick

from marsad.errors import KnowledgeBaseError
from marsad.geo.places import Place
from marsad.geo.records import COLUMNS, read_table
from marsad.text.lexicon import ARTICLE, PROCLITICS, lexicon_key

_MAX_PROCLITIC = max(len(p) for p in PROCLITICS)
_NON_WORD = re.compile(r"[^\w]|_")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "kb" / "data" / "gazetteer.bin"
REBUILD = "rebuild it with: marsad kb build-gazetteer ../shared/data/gazetteer"


class Gazetteer:
    """Columns of places plus Arabic and English name indexes (keys as made by records.variant_keys)."""

    def __init__(self, data: dict, path: Path | None = None) -> None:
        self.path = path
        cols = data["columns"]
        self._cols = [cols[c] for c in COLUMNS]
        self.size = len(cols["name"])
        self.index_ar: dict[str, list[int]] = data["index_ar"]
        self.index_en: dict[str, list[int]] = data["index_en"]
        self._places: list[Place | None] = [None] * self.size
        self._automaton: ahocorasick.Automaton | None = None
        self._admin_keys: dict[int, tuple[str, str]] = {}
        self._lock = threading.Lock()
        self.kind = cols["kind"]
        self.country = cols["country"]
        self.population = cols["population"]
        self.seat = cols["seat"]
        self.admin1 = cols["admin1"]
        self.admin1_ar = cols["admin1_ar"]
        self.admin2 = cols["admin2"]
        self.admin2_ar = cols["admin2_ar"]
        self.name = cols["name"]
        self.lat = cols["lat"]
        self.lon = cols["lon"]

    def __len__(self) -> int:
        return self.size

    def place(self, row: int) -> Place:
        """The Place of one row (built once, then cached)."""
        found = self._places[row]
        if found is None:
            (kind, country, name, name_ar, a1, a1ar, a2, a2ar, a3, lat, lon, gid, wof, wd, pcode,
             pop, _seat) = (c[row] for c in self._cols)
            found = Place(row, name, name_ar or None, country, kind, lat, lon, a1 or None, a1ar or None,
                          a2 or None, a2ar or None, a3 or None, gid or None, wof or None, wd or None,
                          pcode or None, pop)
            self._places[row] = found
        return found

    def rows(self, key: str) -> list[int]:
        """Rows whose Arabic names have this lookup key (already a lexicon_key)."""
        return self.index_ar.get(key, [])

    def rows_for(self, name: str) -> list[int]:
        """Rows for an Arabic name as written (normalised here), joined/split spellings included."""
        key = lexicon_key(name)
        return self.index_ar.get(key) or self.index_ar.get(key.replace(" ", "")) or []

    def rows_en(self, name: str) -> list[int]:
        """Rows for an English/Latin name (case, hyphens and apostrophes ignored)."""
        key = " ".join(name.lower().replace("-", " ").replace("'", "").replace("`", "").split())
        return self.index_en.get(key, [])

    def admin_keys(self, row: int) -> tuple[str, str]:
        """Lookup keys of a row's governorate and district Arabic names (cached)."""
        found = self._admin_keys.get(row)
        if found is None:
            found = (lexicon_key(self.admin1_ar[row]) if self.admin1_ar[row] else "",
                     lexicon_key(self.admin2_ar[row]) if self.admin2_ar[row] else "")
            self._admin_keys[row] = found
        return found

    def automaton(self) -> ahocorasick.Automaton:
        """Every Arabic key in one Aho-Corasick automaton (built on first use, about 0.3 s)."""
        if self._automaton is None:
            with self._lock:
                if self._automaton is None:
                    auto = ahocorasick.Automaton()
                    for key in self.index_ar:  # the trailing space: only matches that end a word
                        auto.add_word(key + " ", key)
                    auto.make_automaton()
                    self._automaton = auto
        return self._automaton

    def scan(self, text: str) -> list[tuple[int, int, str, str]]:
        """Names in a normalised text: (start, end, key, proclitics) in text order, longest match first,
        no overlaps. Same rules as marsad.text.lexicon.Lexicon.find (a match starts at a word start or
        after a proclitic chain and ends at a word end; the article belongs to the match), but linear."""
        n = len(text)
        cands = []
        spaced = _NON_WORD.sub(" ", text) + " "  # same length + 1: every word ends before a space
        for last, key in self.automaton().iter(spaced):
            ne = last
            ns = ne - len(key)
            prefix = ""
            if ns > 0 and spaced[ns - 1] != " ":
                ws, lim = ns - 1, max(0, ns - _MAX_PROCLITIC)
                while ws > lim and spaced[ws - 1] != " ":
                    ws -= 1
                if ws > 0 and spaced[ws - 1] != " ":
                    continue  # inside a word, farther than any proclitic chain
                prefix = text[ws:ns]
                if prefix not in PROCLITICS:
                    continue
            cands.append((ns - ne, ns, ne, key, prefix))
        cands.sort()
        taken = bytearray(n + 1)
        out = []
        for _neg, ns, ne, key, prefix in cands:
            if taken.find(1, ns, ne) != -1:
                continue
            taken[ns:ne] = b"\x01" * (ne - ns)
            if prefix.endswith(ARTICLE):
                ns -= len(ARTICLE)
                prefix = prefix[: -len(ARTICLE)]
            out.append((ns, ne, key, prefix))
        out.sort()
        return out


_CACHE: dict[Path, Gazetteer] = {}
_DEFAULT: list[Gazetteer] = []  # the shipped one, without a path lookup per call


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load (once per path) the compiled gazetteer; KnowledgeBaseError says how to rebuild a bad file."""
    if path is None and _DEFAULT:
        return _DEFAULT[0]
    p = (Path(path) if path is not None else DEFAULT_PATH).resolve()
    cached = _CACHE.get(p)
    if cached is not None:
        return cached
    if not p.exists():
        raise KnowledgeBaseError(f"gazetteer file {p} is missing; {REBUILD}")
    try:
        gaz = Gazetteer(read_table(p), p)
    except (OSError, ValueError, EOFError, TypeError, KeyError, zlib.error) as exc:
        raise KnowledgeBaseError(f"gazetteer file {p} is corrupt or outdated ({exc}); {REBUILD}") from exc
    _CACHE[p] = gaz
    if path is None:
        _DEFAULT.append(gaz)
    return gaz
