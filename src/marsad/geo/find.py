"""Finding and geocoding every place named in a raw Arabic text, conservatively.

In: raw text, optional ISO2 country of the article. Out: PlaceMention(start, end, text, result) with raw
offsets (text[start:end] == mention.text), in text order, one per place (lists and duals split).

One Aho-Corasick pass (marsad.text.lexicon) finds every gazetteer name with its clitics; each hit is
then judged by what stands around it. Countries, governorates, districts and towns above BIG_POP are
accepted unless the name is a common word (stop list); a small place needs a cue before it (بلدة، قرية،
ريف، قرب، في ...), a list it belongs to, or its governorate/district named elsewhere in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.geocode import DIRECTIONS, NEAR_WORDS, TYPE_WORDS, Parsed, resolve
from marsad.geo.places import PlaceMention
from marsad.text.lexicon import PROCLITICS, lexicon_key
from marsad.text.normalize import normalize, normalize_text

HERE = Path(__file__).resolve().parent
BIG_POP = 15_000  # a town this size is named in news as itself, without a cue
FOREIGN_BIG_POP = 150_000  # outside the article's country only cities this big stand alone
WEAK_CUES = frozenset({"في", "الي", "نحو", "باتجاه", "داخل", "عند", "حتي", "قرب", "من", "بين"})
CUE_KEYS = frozenset(lexicon_key(w) for w in (*TYPE_WORDS, *NEAR_WORDS)) | {"ريف", "جنوب", "شمال", "شرق", "غرب"}
TRAILING = re.compile(r"\s*(ال(?:شمالي|جنوبي|شرقي|غربي|اوسط)(?:ه)?)(?=\W|$)")
_WORD = re.compile(r"\w+|[^\w\s]")
_PROCLITICS_LONGEST = sorted((p for p in PROCLITICS if p), key=len, reverse=True)
STRONG, WEAK, NONE = 2, 1, 0


@cache
def stop_keys(gaz: Gazetteer) -> frozenset[str]:
    """Hand-picked stop words plus corpus-derived ones (countries and governorates exempt from the latter)."""
    manual = {lexicon_key(w) for w in _lines(HERE / "stopwords.txt")}
    corpus = {w.split("\t")[0].split()[0] for w in _lines(HERE / "stopwords_corpus.txt")}
    exempt = {k for k in corpus if any(gaz.kind[r] in ("country", "governorate") for r in gaz.rows(k))}
    return frozenset(manual | (corpus - exempt) | country_adjectives())


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
def manual_stops(gaz: Gazetteer) -> frozenset[str]:
    """The hand-picked stop words only (never lifted by context)."""
    return frozenset(lexicon_key(w) for w in _lines(HERE / "stopwords.txt"))


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def _bare(word: str) -> str:
    """A cue word without its proclitics (وبريف → ريف, بمدينة → مدينه)."""
    if word in TYPE_WORDS or word in NEAR_WORDS or word in WEAK_CUES:
        return word
    for p in _PROCLITICS_LONGEST:
        rest = word[len(p):]
        if word.startswith(p) and (rest in TYPE_WORDS or rest in NEAR_WORDS):
            return rest
    return word


@dataclass(slots=True)
class _Hit:
    ns: int  # normalised start of the mention span (cue words included)
    ne: int
    rows: list[int]
    key: str
    cue: int
    kinds: tuple[str, ...]
    near: bool
    direction: bool
    list_item: bool  # joined to the previous hit by و or a comma


def _before(text: str, pos: int, n: int = 3) -> list[tuple[str, int]]:
    """Up to n tokens before pos, nearest first, with their normalised start offsets."""
    window = text[max(0, pos - 40):pos]
    base = max(0, pos - 40)
    toks = [(m.group(), base + m.start()) for m in _WORD.finditer(window)]
    return toks[::-1][:n]


def _read_cues(text: str, word_start: int, prefix: str) -> tuple[int, int, tuple[str, ...], bool, bool]:
    """(cue strength, new span start or -1, kinds, near, direction) from the words before a hit;
    a cue's own proclitic (بمحافظة) stays out of the span."""
    start, cue, kinds, near, direction = -1, NONE, (), False, False
    if "ب" in prefix:  # بإدلب: "in Idlib"
        cue = WEAK
    toks = _before(text, word_start)
    i = 0
    while i < len(toks):
        word = _bare(toks[i][0])
        at = toks[i][1] + len(toks[i][0]) - len(word)
        if word in TYPE_WORDS:
            cue, kinds, start = STRONG, kinds or TYPE_WORDS[word], at
        elif word in NEAR_WORDS:
            cue, near, start = STRONG, True, at
            direction = direction or word in DIRECTIONS
        elif word == "من" and i + 1 < len(toks) and _bare(toks[i + 1][0]) in ("بالقرب", "قرب"):
            nxt = toks[i + 1]
            cue, near, start = STRONG, True, nxt[1] + len(nxt[0]) - len(_bare(nxt[0]))
            i += 1
        elif word in WEAK_CUES:
            cue = max(cue, WEAK)
            break
        else:
            break
        i += 1
    return cue, start, kinds, near, direction


def find_places(text: str, country_hint: str | None = None, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place named in `text` that we can vouch for, geocoded (see module doc)."""
    if not text or not text.strip():
        return []
    gaz = gazetteer or load_gazetteer()
    stops = stop_keys(gaz)
    norm = normalize(text)
    ntext = norm.text
    hint = country_hint.upper() if country_hint else None
    hits: list[_Hit] = []
    for m in gaz.lexicon.find(norm):
        key = m.values[0]
        if key in CUE_KEYS:
            continue
        rows = [r for v in m.values for r in gaz.rows(v)]
        word_start = m.norm_start - len(m.prefix)
        cue, ns, kinds, near, direction = _read_cues(ntext, word_start, m.prefix)
        ns = m.norm_start if ns < 0 else ns
        ne = m.norm_end
        trail = TRAILING.match(ntext, ne)
        if trail:
            ne, near = trail.end(1), True
        between = ntext[hits[-1].ne:word_start].strip() if hits else "x"
        list_item = bool(hits) and (between in ("", "،", ",", "و") or (between == "" and m.prefix.startswith("و"))) \
            and (m.prefix.startswith("و") or between in ("،", ","))
        if list_item and cue != STRONG:  # "محافظتي إدلب وحماة": the second inherits the first's cue
            prev = hits[-1]
            kinds, near, cue = kinds or prev.kinds, near or prev.near, max(cue, prev.cue)
        hits.append(_Hit(ns, ne, rows, key, cue, kinds, near, direction, list_item))
    if not hits:
        return []
    # Pass 1: the places that stand alone give the article's countries and admin units.
    big = [_is_big(h, gaz, hint) and (h.key not in stops or h.cue == STRONG and h.kinds) for h in hits]
    if hint is None:
        votes = Counter(gaz.country[h.rows[0]] for h, b in zip(hits, big, strict=True) if b and h.rows)
        hint = votes.most_common(1)[0][0] if votes else None
    ctx_names: set[str] = set()
    ctx_countries: set[str] = {hint} if hint else set()
    for h, b in zip(hits, big, strict=True):
        if b:
            for r in h.rows:
                if gaz.kind[r] in ("governorate", "district", "region", "subdistrict") and (not hint or gaz.country[r] == hint):
                    ctx_names.add(h.key)
                if gaz.kind[r] == "country":
                    ctx_countries.add(gaz.country[r])
    # Pass 2: judge and resolve every hit.
    out: list[PlaceMention] = []
    for h, b in zip(hits, big, strict=True):
        confirmed = any(lexicon_key(gaz.admin1_ar[r] or "") in ctx_names or lexicon_key(gaz.admin2_ar[r] or "")
                        in ctx_names for r in h.rows if gaz.kind[r] in ("locality", "camp", "neighbourhood", "crossing"))
        if h.key in country_adjectives():
            continue
        if h.key in stops and not (h.cue == STRONG and (h.kinds or h.near)) and not (
                confirmed and (h.cue == WEAK or h.list_item) and h.key not in manual_stops(gaz)):
            continue
        if not (b or h.cue == STRONG or confirmed or (h.cue == WEAK and len(h.key.replace(" ", "")) >= 4)):
            continue
        reading = Parsed(h.key, h.kinds, h.near, h.direction)
        result = resolve(reading, gaz, hint, ctx_names - {h.key}, ctx_countries, h.rows)
        if result.match is None:
            continue
        if not b and result.confidence < (0.3 if h.cue == STRONG or confirmed else 0.5):
            continue
        if not b and hint and result.match.country != hint and h.cue != STRONG:
            continue
        rs, re_ = norm.raw_span(h.ns, h.ne)
        out.append(PlaceMention(rs, re_, text[rs:re_], result))
    return out


def _is_big(h: _Hit, gaz: Gazetteer, hint: str | None) -> bool:
    """A place named in news as itself: a country, governorate, region, district, camp or big town."""
    for r in h.rows:
        kind = gaz.kind[r]
        if kind in ("country", "governorate", "region"):
            return True
        home = hint is None or gaz.country[r] == hint
        if kind in ("district", "camp", "crossing", "site") and home:
            return True
        if gaz.population[r] >= (BIG_POP if home else FOREIGN_BIG_POP):
            return True
    return False


def normalized_key(phrase: str) -> str:
    """The index key of a phrase (exposed for tests and tools)."""
    return lexicon_key(normalize_text(phrase))
