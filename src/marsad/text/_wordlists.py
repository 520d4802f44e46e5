"""Loaders for the word lists of the text layer: `kb/data/numbers.tsv` and `kb/data/months.tsv`.

Each file is read once per process (`functools.cache`) through importlib.resources. Rows are
`form<TAB>...`; forms are normalised with `normalize_text` so lookups happen on the matching form.
Unknown types, bad numbers and two forms that normalise alike raise KnowledgeBaseError naming
the file, the line and the fix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalized, normalize_text

NUMBER_TYPES = (
    "unit", "teen_unit", "ten", "tens", "hundred", "hundreds", "scale", "scale_plural", "vague",
    "day_ordinal", "counted_noun", "counted_noun_sound",
)
MONTH_KINDS = ("month", "hijri_month", "weekday")


@dataclass(frozen=True, slots=True)
class NumberWord:
    form: str  # normalised
    value: int
    type: str


@dataclass(frozen=True, slots=True)
class CalendarWord:
    form: str  # normalised
    kind: str
    index: int
    ambiguous: bool


def _read(name: str) -> str:
    try:
        return resources.files("marsad.kb").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - broken install
        raise KnowledgeBaseError(f"cannot read kb/data/{name}: {exc}; reinstall marsad") from exc


def _rows(name: str, text: str, width: int) -> list[tuple[int, list[str]]]:
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != width:
            raise KnowledgeBaseError(
                f"{name}:{lineno}: expected {width} tab-separated columns, got {len(cols)}; fix the row"
            )
        rows.append((lineno, cols))
    return rows


def _int(name: str, lineno: int, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise KnowledgeBaseError(f"{name}:{lineno}: {value!r} is not an integer; fix the row") from None


@cache
def number_words() -> dict[str, NumberWord]:
    """Normalised form -> NumberWord, from numbers.tsv."""
    return parse_numbers(_read("numbers.tsv"))


@cache
def calendar_words() -> dict[str, CalendarWord]:
    """Normalised form -> CalendarWord (months, Hijri months, weekdays), from months.tsv."""
    return parse_months(_read("months.tsv"))


def parse_numbers(text: str) -> dict[str, NumberWord]:
    """Read the numbers.tsv format; KnowledgeBaseError names the line of a bad row."""
    out: dict[str, NumberWord] = {}
    for lineno, (form, value, typ) in _rows("numbers.tsv", text, 3):
        if typ not in NUMBER_TYPES:
            raise KnowledgeBaseError(
                f"numbers.tsv:{lineno}: unknown type {typ!r}; use one of {', '.join(NUMBER_TYPES)}"
            )
        norm = normalize_text(form)
        if norm in out:
            raise KnowledgeBaseError(f"numbers.tsv:{lineno}: {form!r} duplicates an earlier row; remove one")
        out[norm] = NumberWord(norm, _int("numbers.tsv", lineno, value), typ)
    return out


def parse_months(text: str) -> dict[str, CalendarWord]:
    """Read the months.tsv format; KnowledgeBaseError names the line of a bad row."""
    out: dict[str, CalendarWord] = {}
    for lineno, (form, kind, index, amb) in _rows("months.tsv", text, 4):
        if kind not in MONTH_KINDS:
            raise KnowledgeBaseError(
                f"months.tsv:{lineno}: unknown kind {kind!r}; use one of {', '.join(MONTH_KINDS)}"
            )
        if amb not in ("0", "1"):
            raise KnowledgeBaseError(f"months.tsv:{lineno}: ambiguous must be 0 or 1, not {amb!r}")
        idx = _int("months.tsv", lineno, index)
        if not (0 <= idx <= 6 if kind == "weekday" else 1 <= idx <= 12):
            raise KnowledgeBaseError(f"months.tsv:{lineno}: index {idx} out of range for {kind}")
        norm = normalize_text(form)
        if norm in out:
            raise KnowledgeBaseError(f"months.tsv:{lineno}: {form!r} duplicates an earlier row; remove one")
        out[norm] = CalendarWord(norm, kind, idx, amb == "1")
    return out


def alternation(forms: list[str] | set[str]) -> str:
    """A regex alternation of literal forms, longest first (so "كانون الثاني" wins over a prefix)."""
    return "|".join(re.escape(f).replace("\\ ", " +") for f in sorted(forms, key=lambda f: (-len(f), f)))


_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]*")


def extend_over_marks(raw: str, end: int) -> int:
    """Move a raw span end past the diacritics and tatweel that follow it (so "هـ" and "شخصاً" stay whole)."""
    return _MARKS.match(raw, end).end()


def norm_range(norm: Normalized, start: int, end: int | None) -> tuple[int, int]:
    """Normalised (start, end) covering the raw range [start, end) of norm.raw."""
    end = len(norm.raw) if end is None else end
    if norm.kept is None:
        return start, end
    return bisect_left(norm.kept, start), bisect_left(norm.kept, end)
