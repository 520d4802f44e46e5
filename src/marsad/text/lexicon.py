"""A clitic-aware multi-pattern matcher over Arabic text (one Aho-Corasick pass).

Forms are normalised and stored without their leading article, so one entry "الجيش السوري"
matches الجيش السوري، والجيش السوري، للجيش السوري، بالجيش السوري and جيش سوري. A match must start at
a word start or after a proclitic chain (و ف ب ل ك, with or without the article) and end at a word
end, or before an enclitic when the lexicon allows them. Among overlapping matches the longest wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Generic, TypeVar

import ahocorasick

from marsad.text.normalize import Normalized, normalize_text

V = TypeVar("V")

ARTICLE = "ال"
# Everything that may stand before a form inside its word (after normalisation).
PROCLITICS = frozenset(
    p + a
    for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
    for a in ("", ARTICLE)
) | {"لل", "ولل", "فلل"}
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي", "ك"})
# Pronoun suffixes after a noun or verb of an event ("غاراته", "قصفوها"); not ي or ك, which
# more often end another word ("الصاروخي", "هجومي").
THIRD_PERSON = frozenset({"ه", "ها", "هم", "هما", "هن"})


def lexicon_key(form: str) -> str:
    """The stored key of a form: normalised, single-spaced, without the first word's article."""
    key = " ".join(normalize_text(form).split())
    # "آل أحمد" (a family) folds to "ال احمد": that is no article
    if key.startswith(ARTICLE) and len(key) > len(ARTICLE) + 1 and key[len(ARTICLE)] != " ":
        key = key[len(ARTICLE):]
    return key


# Not frozen only because a frozen dataclass is ~3x slower to build (a text gives ~100 matches); never
# assign to one. unsafe_hash keeps the hash (and ==) of the frozen version.
@dataclass(slots=True, unsafe_hash=True)
class LexMatch(Generic[V]):
    """A match: raw offsets of the form with its article but without proclitics, and its values.

    `prefix` is the proclitic chain before it ("و", "ب", "لل" ...), article excluded.
    """

    start: int
    end: int
    text: str
    values: tuple[V, ...]
    prefix: str
    key: str
    norm_start: int
    norm_end: int


MAX_PROCLITIC = max(len(p) for p in PROCLITICS)
_NON_WORD = re.compile(r"[^\w]|_")
_NON_WORD_NOR_SPACE = re.compile(r"[^\w ]|_")  # the same, spaces aside: replacing them with spaces is a no-op


_LAST_SPACED: list[tuple[str, str]] = [("", " ")]  # the last text asked for: every lexicon scans the same one


def spaced_copy(text: str) -> str:
    """`text` with every non-word character a space, plus one final space: word ends are cheap to see."""
    last_text, last_spaced = _LAST_SPACED[0]
    if last_text is text:
        return last_spaced
    spaced = _NON_WORD_NOR_SPACE.sub(" ", text) + " "
    _LAST_SPACED[0] = (text, spaced)
    return spaced


class Lexicon(Generic[V]):
    """Surface forms → values, found in text with clitics handled. Build once, reuse."""

    def __init__(self, pairs: Iterable[tuple[str, V]], *, enclitics: bool | frozenset[str] = False,
                 min_key: int = 2, article: bool = True) -> None:
        grouped: dict[str, list[V]] = {}
        for form, value in pairs:
            key = lexicon_key(form)
            if len(key.replace(" ", "")) < min_key:
                continue
            values = grouped.setdefault(key, [])
            if value not in values:
                values.append(value)
        self.enclitics = ENCLITICS if enclitics is True else (enclitics or frozenset())
        self.size = len(grouped)
        self.proclitics = PROCLITICS if article else frozenset(p for p in PROCLITICS if not p.endswith(ARTICLE)
                                                               and not p.endswith("لل"))
        # Keys are stored with the space that ends their word (and once per allowed suffix), and
        # scanned over the spaced copy: a hit then always ends at a word end, so the scan yields
        # a few real candidates instead of every substring inside longer words.
        self.entries: dict[str, tuple[str, tuple[V, ...], int]] = {}
        for key, values in grouped.items():
            spaced_key = _NON_WORD.sub(" ", key)  # "اف-16" is scanned as "اف 16", then checked in the text
            for suffix in self.enclitics:
                self.entries[spaced_key + suffix + " "] = (key, tuple(values), len(suffix))
        for key, values in grouped.items():  # a form itself wins over another form plus a suffix
            self.entries[_NON_WORD.sub(" ", key) + " "] = (key, tuple(values), 0)
        self._keys = {key: tuple(values) for key, values in grouped.items()}
        # built on the first find(): lexicons scanned only through a shared LexiconSet never need their own
        self._alone: LexiconSet | None = None

    def __len__(self) -> int:
        return self.size

    def lookup(self, form: str) -> tuple[V, ...]:
        """The values of one form, or () when it is not in the lexicon."""
        return self._keys.get(lexicon_key(form), ())

    def find(self, norm: Normalized) -> list[LexMatch[V]]:
        """Non-overlapping matches in norm.text, longest first, in text order (the rules of
        LexiconSet.find_all, which scans several lexicons at once)."""
        if not self.size:
            return []
        if self._alone is None:
            self._alone = LexiconSet({"": self})
        raw = norm.raw
        return self._alone.find_built(norm, lambda rs, re_, _name, values, prefix, ns, ne, key: LexMatch(
            rs, re_, raw[rs:re_], values, prefix, key, ns, ne))[""]


def _automaton(table: dict[str, tuple]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for key, value in table.items():
        auto.add_word(key, value)
    if table:
        auto.make_automaton()
    return auto


def build_matches(norm: Normalized, candidates: list, make: Callable, name: str) -> list:
    """The longest non-overlapping candidates (ns, ne, key, values, prefix), in text order, each built as
    make(raw start, raw end, name, values, prefix, normalised start, normalised end, key). The article
    belongs to the mention, the proclitic before it does not."""
    out = []
    append = out.append
    raw_span = norm.raw_span
    for ns, ne, key, values, prefix in _choose(candidates):
        if prefix and prefix in _ARTICLED:
            ns -= len(ARTICLE)
            prefix = prefix[: -len(ARTICLE)]
        rs, re_ = raw_span(ns, ne)
        append(make(rs, re_, name, values, prefix, ns, ne, key))
    return out


def _as_tuple(rs: int, re_: int, _name: str, values: tuple, prefix: str, ns: int, ne: int,
              key: str) -> tuple[int, int, tuple, str, int, int, str]:
    return rs, re_, values, prefix, ns, ne, key


def _choose(candidates: list) -> list:
    """The longest non-overlapping candidates, in text order. Candidates come in order of their ends
    and seldom overlap: when none does, all are chosen; else only each run of overlapping ones needs
    the longest-first choice (longest_first), nothing outside a run overlaps anything in it."""
    previous_end = -1
    for c in candidates:
        if c[0] < previous_end:
            break
        previous_end = c[1]
    else:
        return candidates
    runs: list[list] = []  # [end of the run, its candidates ...], in text order
    end = -1
    for c in candidates:
        ns, ne = c[0], c[1]
        if ne < end:  # ends out of order (a suffix match and a longer word at one place): the general way
            return longest_first(candidates)
        if ns < end:  # overlaps the last run, and maybe runs before it (ends only grow)
            run = runs.pop()
            while runs and ns < runs[-1][0]:
                before = runs.pop()
                before += run[1:]
                run = before
            run.append(c)
            run[0] = ne
            runs.append(run)
        else:
            runs.append([ne, c])
        end = ne
    chosen = []
    for run in runs:
        if len(run) == 2:
            chosen.append(run[1])
        elif len(run) == 3:  # two overlapping: the longer, then the earlier, then the first found
            a, b = run[1], run[2]
            chosen.append(a if (a[0] - a[1], a[0]) <= (b[0] - b[1], b[0]) else b)
        else:
            chosen += longest_first(run[1:])
    return chosen


def longest_first(candidates: list) -> list:
    """Overlapping candidates (start, end, ...): the longest first (then the earliest, then the first
    found), each kept unless it overlaps one kept already; in text order. The geocoder's scanner uses it
    too."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in sorted(candidates, key=_LONGEST_FIRST):
        ns, ne = c[0], c[1]
        for s, e in taken:
            if ns < e and s < ne:
                break
        else:
            taken.append((ns, ne))
            chosen.append(c)
    chosen.sort(key=_START)
    return chosen


def _longest_first(c: tuple) -> tuple[int, int]:
    return c[0] - c[1], c[0]


_LONGEST_FIRST = _longest_first
_START = itemgetter(0)
_ARTICLED = frozenset(p for p in PROCLITICS if p.endswith(ARTICLE))


class LexiconSet:
    """Several lexicons scanned in one Aho-Corasick pass (each keeps its own clitic rules and
    its own longest-match choice)."""

    def __init__(self, lexicons: dict[str, Lexicon]) -> None:
        self.lexicons = lexicons
        self._names = list(lexicons)
        table: dict[str, list] = {}
        for slot, lexicon in enumerate(lexicons.values()):
            for spaced_key, (key, values, suffix) in lexicon.entries.items():
                # only a key with a space or a mark can match the spaced copy where the text differs
                checked = _NON_WORD.search(key) is not None
                table.setdefault(spaced_key, []).append((slot, key, values, suffix, len(key), checked,
                                                         lexicon.proclitics))
        self._automaton = _automaton({k: tuple(v) for k, v in table.items()})

    def find_all(self, norm: Normalized) -> dict[str, list[tuple[int, int, tuple, str, int, int, str]]]:
        """Every lexicon's matches in the whole text, as tuples (raw start, raw end, values, prefix,
        normalised start, normalised end, key)."""
        return self.find_built(norm, _as_tuple)

    def find_built(self, norm: Normalized, make: Callable) -> dict[str, list]:
        """Every lexicon's matches in the whole text, each built as make(raw start, raw end, lexicon name,
        values, prefix, normalised start, normalised end, key): no tuple in between (~80 a text)."""
        return {name: build_matches(norm, c, make, name)
                for name, c in zip(self._names, self._candidates(norm), strict=True)}

    def _candidates(self, norm: Normalized) -> list[list[tuple[int, int, str, tuple, str]]]:
        """Every lexicon's candidates (normalised start, end, key, values, prefix), in order of their ends.
        A hit counts when the whole key stands in the text (not across punctuation), after a word start or
        a proclitic chain the lexicon allows, and a suffix is no ta marbuta. One loop for all: a text gives
        ~100 hits, the extraction's hottest loop."""
        text = norm.text
        spaced = spaced_copy(text)
        found: list[list] = [[] for _ in self._names]
        appends = [f.append for f in found]
        for last, entries in self._automaton.iter(spaced):
            for slot, key, values, suffix, length, checked, proclitics in entries:
                ne = last - suffix
                ns = ne - length
                if checked and text[ns:ne] != key:
                    continue  # a multi-word key across punctuation ("حلب، إدلب")
                prefix = ""
                if ns > 0 and spaced[ns - 1] != " ":
                    ws = spaced.rfind(" ", max(0, ns - MAX_PROCLITIC - 1), ns) + 1
                    if ws == 0 and ns > MAX_PROCLITIC:
                        continue  # inside a word, farther than any proclitic chain
                    prefix = text[ws:ns]
                    if prefix not in proclitics:
                        continue
                if suffix and text[ne] == "ه" and norm.raw[norm.raw_index(ne)] == "ة":
                    continue  # a ta marbuta ("وزارة"), not the pronoun suffix of "زاره"
                appends[slot]((ns, ne, key, values, prefix))
        return found
