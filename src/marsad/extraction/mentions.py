"""Every mention in a document, found once: actors, triggers, reporting verbs, casualty words,
cues, places, numbers and dates, each with raw offsets into the untouched text.

Reads: the raw text, its normalised copy, the publication date. Adds: a `Mentions` bundle
sorted by position, plus a word index for distances. No event logic here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from operator import attrgetter
from typing import Any

from marsad.extraction.knowledge import Knowledge
from marsad.geo import find_places
from marsad.text.dates import find_dates
from marsad.text.normalize import Normalized
from marsad.text.numbers import find_numbers

# Two names or figures joined by "و" alone ("الحكومة السورية وروسيا", "12 جنديا و7 مسلحين")
AND_GAP = re.compile(r"^\s*(?:،\s*)?و\s*$|^\s*و$")
BY_POSITION = attrgetter("start", "end")  # the sort key of mentions (C, not a lambda: hundreds a text)
WORD = re.compile(r"[^\s.,،؛:!?؟\"'“”«»()\[\]{}<>\-–—/\\|]+")


# Not frozen only because a frozen dataclass is ~3x slower to build and a document makes hundreds of
# these; never assign to one. unsafe_hash keeps the hash (and ==) of the frozen version.
@dataclass(slots=True, unsafe_hash=True)
class Found:
    """One mention: raw offsets, what kind it is, and its value from the knowledge base."""

    start: int
    end: int
    kind: str
    value: Any
    prefix: str = ""


@dataclass(slots=True)
class Mentions:
    text: str
    words: list[int] = field(default_factory=list)  # raw start of every word
    by_kind: dict[str, list[Found]] = field(default_factory=dict)
    starts: dict[str, list[int]] = field(default_factory=dict)  # start offsets per kind, for bisect
    published: date | None = None  # the publication date the dates were resolved against
    name_votes: Counter = field(default_factory=Counter)  # country_votes of the names (before places)

    def word_at(self, pos: int) -> int:
        """Index of the word at or before raw offset pos."""
        return max(bisect_right(self.words, pos) - 1, 0)

    def distance(self, a: Found, b: Found) -> int:
        """Words between two mentions (0 when adjacent or overlapping)."""
        if a.start > b.start:
            a, b = b, a
        if b.start < a.end:
            return 0
        # word_at() of both ends, inlined: distances are asked for hundreds of times a text
        words = self.words
        last_of_a = bisect_right(words, a.end - 1 if a.end > a.start else a.start) - 1
        first_of_b = bisect_right(words, b.start) - 1
        d = (first_of_b if first_of_b > 0 else 0) - (last_of_a if last_of_a > 0 else 0) - 1
        return d if d > 0 else 0

    def within(self, kind: str, start: int, end: int) -> list[Found]:
        """Mentions of one kind lying inside raw [start, end)."""
        items = self.by_kind.get(kind)
        if not items:
            return []
        starts = self.starts.get(kind)
        if starts is None or len(starts) != len(items):
            starts = self.starts[kind] = [f.start for f in items]
        # items are sorted by start: two bisects bound the candidates, only their ends need a look
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end, lo)
        if lo == hi:
            return []
        if hi - lo == 1:
            f = items[lo]
            return [f] if f.end <= end else []
        return [f for f in items[lo:hi] if f.end <= end]


def _found(start: int, end: int, kind: str, values: tuple, prefix: str, *_: object) -> Found:
    """A lexicon match as a mention; a form with several values (عمان: Oman, Amman) keeps the first."""
    return Found(start, end, kind, values[0], prefix)


def is_adjective(c: Found, text: str) -> bool:
    """A nationality adjective; "السورية" is one even where "سورية" is also the country's name."""
    return c.value[1] == "adjective" or (c.value[1] == "name" and text.startswith("ال", c.start)
                                         and not c.prefix and text[c.start:c.end].endswith(("ية", "ي", "يه")))


def _composed_forces(norm: Normalized, kn: Knowledge, countries: list[Found], nouns: list[Found]) -> list[Found]:
    """"القوات الروسية", "الطائرات السورية والروسية": a force noun and the adjectives after it."""
    adjectives = [c for c in countries if is_adjective(c, norm.raw)]
    if not adjectives:
        return []
    out = []
    text = norm.raw
    starts = [a.start for a in adjectives]
    for noun in nouns:
        i = bisect_left(starts, noun.end)
        pos = noun.end
        while i < len(adjectives):
            adj = adjectives[i]
            # two words of the gap are enough to know (the next adjective may stand far away)
            words = [w.group() for w in islice(WORD.finditer(text, pos, adj.start), 2)]
            # allow one qualifying word between ("الجوية", "الحربية") and "و" joining two adjectives
            if len(words) > 1 or (words and not _is_qualifier(words[0])):
                break
            iso2 = adj.value[0]
            country = kn.countries.get(iso2)
            if country is None:
                break
            role = noun.value
            if pos == noun.end:  # the first adjective takes the noun with it
                out.append(Found(noun.start, adj.end, "actor", f"{country.iso3}-{role}", noun.prefix))
            else:  # "... السورية والروسية": a second state is named by its adjective alone
                out.append(Found(adj.start, adj.end, "actor", f"{country.iso3}-{role}", adj.prefix))
            pos = adj.end
            i += 1
    return out


_QUALIFIERS = {"الجوية", "الجوي", "الحربية", "الحربي", "المسيرة", "البرية", "البحرية", "المسلحة", "الخاصة"}


def _is_qualifier(word: str) -> bool:
    return word in _QUALIFIERS or word.lstrip("و") in _QUALIFIERS or word == "و"


def _merge_actors(lexical: list[Found], composed: list[Found]) -> list[Found]:
    """Composed force mentions win over shorter lexical ones they cover; lexical ones win otherwise."""
    out = list(lexical)
    for c in composed:
        covered = [f for f in out if f.start >= c.start and f.end <= c.end]
        clash = [f for f in out if f.start < c.end and c.start < f.end and f not in covered]
        if clash:
            continue
        for f in covered:
            out.remove(f)
        out.append(c)
    return sorted(out, key=BY_POSITION)


def _adjective_forces(kn: Knowledge, countries: list[Found], text: str) -> list[Found]:
    """Each nationality adjective as the forces it may stand for ("غارة إسرائيلية" → ISR-MIL)."""
    out = []
    for c in countries:
        country = kn.countries.get(c.value[0]) if is_adjective(c, text) else None
        if country is not None and f"{country.iso3}-MIL" in kn.actors:
            out.append(Found(c.start, c.end, "actor", f"{country.iso3}-MIL", c.prefix))
    return out


def _article_on_verb(trigger: Found, text: str) -> bool:
    """"التابع" is not the verb "تابع": a verb form never takes the article."""
    return "verb" in trigger.value.flags and text.startswith("ال", trigger.start) \
        and not trigger.value.form.startswith("ال")


def country_votes(found: dict[str, list[Found]], kn: Knowledge) -> Counter:
    """Which country a text is about, by its country names, adjectives and national actors."""
    votes: Counter = Counter()
    for f in found.get("country", []):
        votes[f.value[0]] += 2 if f.value[1] == "name" else 1
    for f in found.get("actor", []):
        entry = kn.actors.get(f.value) if isinstance(f.value, str) else None
        if entry is not None and entry.country not in ("XX", "*", None):
            votes[entry.country] += 1
    return votes


def _likely_country(votes: Counter) -> str | None:
    """The country the names of a text point to, when they clearly do (twice the votes of the next one):
    a story of one state's forces acting in another's land names both, and then the places decide."""
    top = votes.most_common(2)
    if not top or len(top) == 2 and top[0][1] < 2 * top[1][1]:
        return None
    return top[0][0]


def _spoken_by(text: str, start: int, verb_ends: set[int]) -> bool:
    """Whether a reporting verb ends right before `start` (spaces between)."""
    if not verb_ends:
        return False
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i in verb_ends


def find_mentions(norm: Normalized, kn: Knowledge, published: date | None, country_hint: str | None) -> Mentions:
    """All mentions of a document (see the module docstring)."""
    text = norm.raw
    found: dict[str, list[Found]] = {}
    # one scan for every lexicon
    matches = kn.lexicons.find_built(norm, _found)
    countries = matches["country"]
    found["country"] = countries
    actors = matches["actor"]
    composed = _composed_forces(norm, kn, countries, matches["force"])
    found["actor"] = _merge_actors(actors, composed)
    # a trigger word inside a name ("لجان التنسيق المحلية") is part of the name
    in_name = bytearray(len(text) + 1)
    for a in found["actor"]:
        if a not in composed:
            in_name[a.start:a.end] = b"\x01" * (a.end - a.start)
    found["adjective"] = _adjective_forces(kn, countries, text)
    found["trigger"] = [t for t in matches["trigger"]
                        if not (in_name[t.start] and in_name[t.end - 1]) and not _article_on_verb(t, text)]
    found["verb"] = matches["verb"]
    found["casualty"] = matches["casualty"]
    found["cue"] = matches["cue"]
    name_votes = country_votes(found, kn)
    hint = country_hint or _likely_country(name_votes)
    # the name right after a reporting verb is its speaker ("قال الرفاعي"), never a place
    spoken = {v.end for v in found["verb"]}
    found["place"] = [Found(p.start, p.end, "place", p) for p in find_places(text, country_hint=hint, norm=norm)
                      if not _spoken_by(text, p.start, spoken)]
    found["number"] = [Found(n.start, n.end, "number", n) for n in find_numbers(norm)]
    found["date"] = [Found(d.start, d.end, "date", d) for d in find_dates(norm, published)]
    # the lexicons' lists (and what is filtered or merged from them) come in text order already
    for kind in ("place", "number", "date"):
        found[kind].sort(key=BY_POSITION)
    return Mentions(text, list(map(re.Match.start, WORD.finditer(text))), found, published=published,
                    name_votes=name_votes)
