"""Loading the compiled gazetteer and looking names up in it.

In: the file written by `marsad kb build-gazetteer` (default: marsad/kb/data/gazetteer.bin).
Out: a `Gazetteer` with `rows(key)` (Arabic lookup key → row numbers), `rows_en(name)`, `place(row)`.
Texts are scanned for its names by marsad.geo.scanner (word by word, tables built on first use).
"""

from __future__ import annotations

import zlib
from pathlib import Path

from marsad.errors import KnowledgeBaseError
from marsad.geo.places import Place
from marsad.geo.records import COLUMNS, read_table
from marsad.text.lexicon import lexicon_key

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
        self._admin_keys: dict[int, tuple[str, str]] = {}
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
