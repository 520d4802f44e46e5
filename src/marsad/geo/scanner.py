"""The text scanner behind find_places: every gazetteer key looked up word by word (what may start in a
word is cached per word), with what find_places needs to know about each key worked out once (flags in the
key's value, row facts cached).

In: a Gazetteer. Out: `scanner(gaz)` → Scanner with `scan(ntext, spaced)` (the names in a normalised
text, clitic rules of marsad.text.lexicon, longest match wins) and `facts(key, no_country)` (KeyFacts).
Also the stop lists (hand-picked, corpus-derived, country adjectives) that the flags come from.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, compress
from operator import itemgetter
from pathlib import Path

from marsad.geo.gazetteer import Gazetteer
from marsad.geo.geocode import NEAR_WORDS, TYPE_WORDS
from marsad.text.lexicon import ARTICLE, PROCLITICS, lexicon_key, longest_first
from marsad.text.normalize import normalize_text

HERE = Path(__file__).resolve().parent
MAX_PROCLITIC = max(len(p) for p in PROCLITICS)
_ARTICLE_PROCLITICS = frozenset(p for p in PROCLITICS if p.endswith(ARTICLE))
_PROCLITIC_STARTS = frozenset(p[0] for p in PROCLITICS if p)
_PROCLITIC_HEADS = frozenset(p[:n] for p in PROCLITICS for n in range(1, len(p)))  # how chains begin
WORD_CACHE = 100_000  # words whose scan info a Scanner keeps (per generation)
_ARTICLE_LEN = len(ARTICLE)

# Key flags (the third item of a key's value).
DEAD = 1  # never a place (cue words, country adjectives): only kept so that it still blocks shorter names
STOP = 2  # a stop word (hand-picked, corpus-derived or adjective): needs a type word or a list
MANUAL = 4  # a hand-picked stop word: needs a singular type word
BARE_COUNTRY = 8  # a country written without the article (مالي، سوريا)
WORDLIKE = 16  # such a country name that news text mostly uses as an ordinary word ("دعم مالي": financial)
WORDLIKE_SEEN = 20  # ... and often: rare country names in the list are there for the corpus's tagging
# Type and near words are cues, never places themselves ("مدينة" is also a village somewhere).
CUE_KEYS = frozenset(lexicon_key(w) for w in (*TYPE_WORDS, *NEAR_WORDS)) | {"ريف", "جنوب", "شمال", "شرق", "غرب"}
LOCAL_KINDS = ("locality", "camp", "neighbourhood", "crossing")
ADMIN_KINDS = ("governorate", "district", "region", "subdistrict")


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def country_adjectives() -> frozenset[str]:
    """سوري، العراقية ... (kb/data/countries.tsv): adjectives are never places, though villages bear some."""
    path = HERE.parent / "kb" / "data" / "countries.tsv"
    out = set()
    for line in _lines(path)[1:]:
        cols = line.split("\t")
        if len(cols) > 5:
            out.update(lexicon_key(a) for a in cols[5].split("|") if a)
    return frozenset(out)


@cache
def manual_stops(gaz: Gazetteer | None = None) -> frozenset[str]:
    """The hand-picked stop words only (never lifted by context)."""
    return frozenset(lexicon_key(w) for w in _lines(HERE / "stopwords.txt"))


@cache
def corpus_words(min_seen: int = 0) -> frozenset[str]:
    """Gazetteer keys that news text mostly uses as ordinary words (stopwords_corpus.txt, make_stoplist),
    those seen at least `min_seen` times."""
    out = set()
    for line in _lines(HERE / "stopwords_corpus.txt"):
        key, _, comment = line.partition("\t")
        seen = re.search(r"seen (\d+)", comment)
        if not min_seen or seen and int(seen.group(1)) >= min_seen:
            out.add(key.split()[0])
    return frozenset(out)


@cache
def stop_keys(gaz: Gazetteer) -> frozenset[str]:
    """Hand-picked stop words plus corpus-derived ones (countries and governorates exempt from the latter)."""
    corpus = corpus_words()
    exempt = {k for k in corpus if any(gaz.kind[r] in ("country", "governorate") for r in gaz.rows(k))}
    return frozenset(manual_stops() | (corpus - exempt) | country_adjectives())


@dataclass(frozen=True, slots=True)
class KeyFacts:
    """What pass 1 and 2 of find_places ask about a key's rows, as sets (worked out once per key)."""

    rows: tuple[int, ...]
    country_cc: frozenset[str]  # countries this key names (its country rows)
    admin_cc: frozenset[str]  # countries of its governorate/district/region/subdistrict rows
    gov_cc: frozenset[str]  # countries of its governorate/region rows
    a1: frozenset[str]  # governorate keys of its towns, camps, neighbourhoods and crossings
    a2: frozenset[str]  # district keys of the same
    admin_keys: frozenset[str]  # governorate and district keys of every row (what ranking looks at)
    row_cc: frozenset[str]  # countries of every row
    first_cc: str  # country of the first row
    max_pop: int  # population of its biggest row
    needs_article: bool  # every place of this key is written with the article (الرقة), one word
    own_type: str  # the type word a longer key starts with ("حي" of "حي الشجاعيه"), else ""
    big: dict[str | None, bool] = field(default_factory=dict, compare=False, repr=False)  # find._is_big by hint


class Scanner:
    """Every Arabic key of a gazetteer, value (key, length, flags), looked up word by word."""

    def __init__(self, gaz: Gazetteer, dead: frozenset[str], stops: frozenset[str], manual: frozenset[str],
                 bare_countries: frozenset[str], wordlike: frozenset[str] = frozenset()) -> None:
        self.gaz = gaz
        values: dict[str, tuple[str, int, int]] = {}
        follow: dict[str, set[str]] = {}
        for key in gaz.index_ar:
            flags = ((DEAD if key in dead else 0) | (STOP if key in stops else 0) | (MANUAL if key in manual else 0)
                     | (BARE_COUNTRY if key in bare_countries else 0) | (WORDLIKE if key in wordlike else 0))
            values[key] = (key, len(key), flags)
            words = key.split(" ")
            for n in range(1, len(words)):
                follow.setdefault(" ".join(words[:n]), set()).add(words[n])
        self.values = values
        # The first words of every longer key → the words that may come next ("دير" → {"الزور", ...}); a
        # short tuple where that is smaller than a set (most heads have one or two).
        self.follow: dict[str, tuple[str, ...] | frozenset[str]] = {
            head: tuple(nxt) if len(nxt) <= 4 else frozenset(nxt) for head, nxt in follow.items()}
        self._words: dict[str, tuple] = {"": ()}  # word → what may start in it (see _word)
        self._old_words: dict[str, tuple] = {}
        self._facts: dict[tuple[str, bool], KeyFacts] = {}
        self.resolved: dict[tuple, object] = {}  # find._resolve's cache (GeoResult by key and context)

    def scan(self, text: str, spaced: str) -> list[tuple[int, int, tuple[str, int, int], str, int]]:
        """Names in a normalised text, in text order, no overlaps (the longest wins, then the earliest):
        (match start, end, (key, length, flags), proclitics, span start). `spaced` is `text` with every
        non-word character a space plus one final space (marsad.text.lexicon.spaced_copy). A match starts at
        a word start or after a proclitic chain and ends at a word end; the span start includes an article
        after the proclitics ("وال|رقة": proclitics "و", span "الرقة"). Linear in the text.

        Word by word rather than one Aho-Corasick pass: what can start in a word is cached per word, so a
        text costs one split and one dict probe per word in C, and Python only runs for the few words that
        start a name (a 58k-key automaton walked every character through cache misses)."""
        words = spaced.split(" ")
        if words[-1]:  # no final space: the loop below looks one word ahead
            words.append("")
        infos = list(map(self._words.get, words))
        if None in infos:
            infos = [self._word(w) if x is None else x for w, x in zip(words, infos, strict=True)]
        # word i starts at its letters before it plus one separating space per earlier word
        offsets = list(accumulate(map(len, words), initial=0))
        # Within a word only the longest name is a candidate (see _word), so the one-word names never
        # overlap each other: every overlap involves a longer name, kept apart.
        cands: list[tuple[int, int, tuple[str, int, int], str, int]] = []
        longer: list[tuple[int, int, tuple[str, int, int], str, int]] = []
        append = cands.append
        values = self.values
        follows = self.follow
        for i in compress(range(len(words)), infos):
            pos = offsets[i] + i
            name, heads, nexts = infos[i]
            if name is not None:
                k, value, prefix, span = name
                append((pos + k, pos + len(words[i]), value, prefix, pos + span))
            if words[i + 1] not in nexts:  # the usual case: no longer key goes on with the next word
                continue
            # longer keys: the next words, one space apart (an empty word is a second space; the last word
            # is "", from the final space)
            for k, head, follow, prefix, span in heads:
                j = i + 1
                while follow is not None and words[j] in follow:
                    head = head + " " + words[j]
                    found = values.get(head)
                    if found is not None:
                        longer.append((pos + k, pos + k + len(head), found, prefix, pos + span))
                    follow = follows.get(head)
                    j += 1
        return _no_overlaps(cands, longer) if longer else cands

    def _word(self, word: str) -> tuple:
        """What may start in a word, () when nothing, else (name, heads, nexts): `name` the longest name that
        ends with the word, as (offset, value, proclitics without article, span offset), or None; `heads`
        (offset, first words, the words that may follow them, proclitics, span offset) for every longer key
        that may start in it, and `nexts` every word that may follow one of them. Offsets: the word start and
        after every proclitic chain ("والرقه": 1 "الرقه"; 3 "رقه", whose span starts at 1 with the article).
        A shorter name that ends with the word is never a candidate: the longest-first choice always drops it
        (whatever overlaps the longest overlaps it too)."""
        found = self._old_words.get(word)
        if found is not None:
            self._keep(word, found)
            return found
        values, follows = self.values, self.follow
        name = None
        heads = []
        # the word start, then after every proclitic chain (which all begin with one of a few letters)
        starts = range(min(len(word) - 1, MAX_PROCLITIC) + 1) if word[:1] in _PROCLITIC_STARTS else (0,)
        for k in starts:
            prefix = word[:k]
            if k and prefix not in PROCLITICS:
                if prefix in _PROCLITIC_HEADS:  # "ا" of "ال": a longer chain may follow
                    continue
                break
            rest = word[k:]
            value = values.get(rest) if name is None else None
            follow = follows.get(rest)
            if value is None and follow is None:
                continue
            back = _ARTICLE_LEN if prefix in _ARTICLE_PROCLITICS else 0
            prefix = prefix[:-back] if back else prefix
            if value is not None:
                name = (k, value, prefix, k - back)
            if follow is not None:
                heads.append((k, rest, follow, prefix, k - back))
        if name is None and not heads:
            found = ()  # most words: nothing starts in them
        else:
            found = (name, tuple(heads), frozenset().union(*(h[2] for h in heads)))
        self._keep(word, found)
        return found

    def _keep(self, word: str, found: tuple) -> None:
        """Cache a word's info. Two generations bound the memory (≤ 2 x WORD_CACHE words, ~25 MB) without
        forgetting the common words at once: when the young one is full it becomes the old one, whose
        words come back young when met again (see _word)."""
        if len(self._words) >= WORD_CACHE:
            self._old_words = self._words
            self._words = {"": ()}
        self._words[word] = found

    def facts(self, key: str, no_country: bool = False) -> KeyFacts:
        """The KeyFacts of a key's rows (without its country rows when `no_country`)."""
        found = self._facts.get((key, no_country))
        if found is None:
            if len(self._facts) > 50_000:  # a long run touches many keys: keep the memory bounded
                self._facts.clear()
            found = self._facts[(key, no_country)] = self._make_facts(key, no_country)
        return found

    def _make_facts(self, key: str, no_country: bool) -> KeyFacts:
        gaz = self.gaz
        rows = tuple(r for r in gaz.rows(key) if not (no_country and gaz.kind[r] == "country"))
        local = [r for r in rows if gaz.kind[r] in LOCAL_KINDS]
        names = [normalize_text(gaz.place(r).name_ar or "") for r in gaz.rows(key)[:20]]
        return KeyFacts(
            rows=rows,
            country_cc=frozenset(gaz.country[r] for r in rows if gaz.kind[r] == "country"),
            admin_cc=frozenset(gaz.country[r] for r in rows if gaz.kind[r] in ADMIN_KINDS),
            gov_cc=frozenset(gaz.country[r] for r in rows if gaz.kind[r] in ("governorate", "region")),
            a1=frozenset(gaz.admin_keys(r)[0] for r in local),
            a2=frozenset(gaz.admin_keys(r)[1] for r in local),
            admin_keys=frozenset(k for r in rows for k in gaz.admin_keys(r)),
            row_cc=frozenset(gaz.country[r] for r in rows),
            first_cc=gaz.country[rows[0]] if rows else "",
            max_pop=max((gaz.population[r] for r in rows), default=0),
            needs_article=bool(names) and all(n.startswith(ARTICLE) for n in names) and " " not in key,
            own_type=head if " " in key and (head := key.split(" ", 1)[0]) in TYPE_WORDS else "",
        )


def _no_overlaps(singles: list, longer: list) -> list:
    """One-word candidates (disjoint, in text order) and longer ones → no overlaps, in text order: each run
    of overlapping longer names, with the one-word names under it, gets the longest-first choice; nothing
    outside such a run overlaps anything."""
    longer.sort()
    out = []
    done = 0  # singles[:done] are placed
    k = 0
    while k < len(longer):
        lo, hi = longer[k][0], longer[k][1]
        m = k + 1
        while m < len(longer) and longer[m][0] < hi:
            hi = max(hi, longer[m][1])
            m += 1
        a = bisect_right(singles, lo, lo=done, key=_END)  # the first single ending after lo
        b = bisect_left(singles, hi, lo=a, key=_START)  # the first single starting at hi or later
        out += singles[done:a]
        if m == k + 1 and all(s[1] - s[0] < hi - lo for s in singles[a:b]):
            out.append(longer[k])  # the usual run: one longer name over shorter ones, which all overlap it
        else:
            out += longest_first(singles[a:b] + longer[k:m])
        done, k = b, m
    out += singles[done:]
    return out


_START = itemgetter(0)
_END = itemgetter(1)
_SCANNERS: dict[int, Scanner] = {}
_LOCK = threading.Lock()


def scanner(gaz: Gazetteer) -> Scanner:
    """The Scanner of a gazetteer (built on first use: about 0.1-0.2 s)."""
    found = _SCANNERS.get(id(gaz))
    if found is None or found.gaz is not gaz:
        with _LOCK:
            found = _SCANNERS.get(id(gaz))
            if found is None or found.gaz is not gaz:
                bare = bare_countries(gaz)
                found = _SCANNERS[id(gaz)] = Scanner(gaz, CUE_KEYS | country_adjectives(), stop_keys(gaz),
                                                     manual_stops(), bare, bare & corpus_words(WORDLIKE_SEEN))
    return found


def bare_countries(gaz: Gazetteer) -> frozenset[str]:
    """Keys naming a country written without the article (مالي، سوريا): with one they are words."""
    out = set()
    for key, rows in gaz.index_ar.items():
        if any(gaz.kind[r] == "country" and not normalize_text(gaz.place(r).name_ar or "").startswith(ARTICLE)
               for r in rows):
            out.add(key)
    return frozenset(out)
