"""Arabic letter, diacritic and digit normalisation on a copy, with offsets back to the raw text.

The raw text is never changed. `normalize(raw)` returns a `Normalized` whose `.text` is the
matching form (alef/ya/ta marbuta folded, diacritics, tatweel and bidi marks removed,
Arabic-Indic digits made ASCII, Latin lower-cased) and whose `raw_span` maps a span of
`.text` back to the raw string. Folding is one character to one or to none, so the map is
just the raw index of every kept character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

# Characters dropped from the matching form: harakat, Quranic marks, tatweel, bidi and zero-width marks.
_DROPPED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad"
)
_DROPPED_RE = re.compile(f"[{_DROPPED}]")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]*")
_MARK_CHARS = frozenset(chr(c) for c in range(0x0600, 0x0700) if _MARKS.fullmatch(chr(c)))

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'",
    "–": "-", "—": "-", "ـ": "",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu) digits


@cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _FOLD.items()}
    for m in _DROPPED_RE.finditer("".join(chr(c) for c in range(0x00A0, 0x10000))):
        table[ord(m.group())] = None
    # Arabic presentation forms fold to their base letter where that is one character.
    for code in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        base = unicodedata.normalize("NFKC", chr(code))
        if len(base) == 1 and base != chr(code):
            table[code] = table.get(ord(base), base) if ord(base) in table else base
    # Latin capitals: case-fold ASCII and Latin-1 only, which stay one character.
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0xDF)):
        if code != 0xD7:
            table[code] = chr(code).lower()
    return table


# The characters news text folds most often. str.translate looks every character up in a dict (~30 ns
# each, the bulk of normalising an article); str.replace scans for one character in C. So these go by
# replace, and translate runs only when another character of the table is left (~5% of articles).
_FREQUENT = "ةىأإآ–«»ـ\u00a0“”"


@cache
def _frequent_folds() -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    table = _table()
    pairs = tuple((ch, table[ord(ch)] or "") for ch in _FREQUENT)
    # what they become is never folded again: translating after them equals translating the raw text
    assert all(not out or ord(out) not in table for _, out in pairs)
    rest = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table) if chr(c) not in _FREQUENT) + "]")
    return pairs, rest


def normalize_text(raw: str) -> str:
    """The matching form of `raw` (may be shorter than `raw`)."""
    if len(raw) < 16:  # a word or two: one translate beats thirteen replace calls
        return raw.translate(_table())
    pairs, rest = _frequent_folds()
    text = raw
    for ch, out in pairs:
        text = text.replace(ch, out)
    return text.translate(_table()) if rest.search(text) else text


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of `raw` and the raw index of each of its characters."""

    raw: str
    text: str
    kept: array | None  # raw index of each character of `text`; None when nothing was dropped

    def raw_index(self, i: int) -> int:
        """Raw offset of character i of the normalised text (i may equal len(text))."""
        if self.kept is None:
            return i
        if i >= len(self.kept):
            return len(self.raw)
        return self.kept[i]

    def norm_index(self, raw_i: int) -> int:
        """Index in the normalised text of the first kept character at or after raw offset raw_i."""
        if self.kept is None:
            return raw_i
        return bisect_left(self.kept, raw_i)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) covering normalised text[start:end]; end exclusive."""
        if self.kept is None:
            return start, end
        if end <= start:
            s = self.raw_index(start)
            return s, s
        # the marks after the last letter belong to it ("السوريّ", "شخصاً"); most letters have none,
        # and one set lookup is cheaper than the regex
        after = self.kept[end - 1] + 1
        if after >= len(self.raw) or self.raw[after] not in _MARK_CHARS:
            return self.kept[start], after
        return self.kept[start], _MARKS.match(self.raw, after).end()


def normalize(raw: str) -> Normalized:
    """Normalise `raw` for matching, keeping the offset map back to it."""
    text = normalize_text(raw)
    if len(text) == len(raw):
        return Normalized(raw, text, None)
    # the characters translate() drops are exactly those of _DROPPED_RE: keep the runs between them,
    # copied as slices of 0, 1, 2, ... (extending by a range() walks Python ints one by one)
    iota = _iota(len(raw))
    kept = array("i")
    previous = 0
    for m in _DROPPED_RE.finditer(raw):
        kept += iota[previous:m.start()]
        previous = m.end()
    kept += iota[previous:len(raw)]
    return Normalized(raw, text, kept)


_IOTA = array("i")


def _iota(n: int) -> array:
    """An array 0, 1, 2, ... of at least n items, grown (doubling) as longer texts come."""
    global _IOTA
    if len(_IOTA) < n:
        _IOTA = array("i", range(max(n, 2 * len(_IOTA), 4096)))
    return _IOTA
