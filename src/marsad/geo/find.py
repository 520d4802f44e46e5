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
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.geocode import DIRECTIONS, NEAR_WORDS, TYPE_WORDS, Parsed, resolve
from marsad.geo.places import PlaceMention
from marsad.text.lexicon import PROCLITICS, lexicon_key
from marsad.text.normalize import Normalized, normalize, normalize_text

HERE = Path(__file__).resolve().parent
BIG_POP = 15_000  # a town this size is named in news as itself, without a cue
FOREIGN_BIG_POP = 150_000  # outside the article's country only cities this big stand alone
WEAK_CUES = frozenset({"في", "الي", "نحو", "باتجاه", "داخل", "عند", "حتي", "قرب", "من", "بين"})
CUE_KEYS = frozenset(lexicon_key(w) for w in (*TYPE_WORDS, *NEAR_WORDS)) | {"ريف", "جنوب", "شمال", "شرق", "غرب"}
TRAILING = re.compile(r"\s*(ال(?:شمالي|جنوبي|شرقي|غربي|اوسط)(?:ه)?)(?=\W|$)")
# "المدينة اليوم" is not "مدينة اليوم": a cue word takes proclitics but not the article.
_PROCLITICS_LONGEST = sorted((p for p in PROCLITICS if p and not p.endswith("ال") and p != "لل"), key=len,
                             reverse=True)
STRONG, WEAK, NONE = 2, 1, 0
# منطقة/مناطق/مركز and ناحية say little ("ناحية ثانية" is "on the other hand"): they lift no stop word.
PLURAL_NEAR = frozenset({"ريفي", "ارياف", "ضواحي"})
SINGULAR_TYPES = frozenset({"مدينه", "بلده", "قريه", "مخيم", "معبر", "حي", "محافظه", "ولايه", "مديريه", "قضاء"})
GENERIC_KINDS = frozenset({TYPE_WORDS["منطقه"], TYPE_WORDS["ناحيه"]})


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


def inert_spans(ntext: str) -> list[tuple[int, int]]:
    """Spans of organisation names that contain a place name (قوات سوريا الديمقراطية) in a normalised text."""
    auto = _inert_automaton()
    return [(last + 1 - len(form), last + 1) for last, form in auto.iter(ntext)] if auto else []


@cache
def _inert_automaton():
    auto = ahocorasick.Automaton()
    for line in _lines(HERE / "inert.txt"):
        form = " ".join(normalize_text(line).split())
        auto.add_word(form, form)
    if len(auto):
        auto.make_automaton()
        return auto
    return None


@lru_cache(maxsize=50_000)
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
    type_word: str = ""  # the type word right before it (مدينة، قرية ...), if any


def _prev_word(text: str, end: int) -> tuple[str, int]:
    """The word ending just before `end` (spaces skipped) and its start; ("", -1) at a punctuation mark."""
    j = end - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or not text[j].isalnum():
        return "", -1
    k = j
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    return text[k:j + 1], k


def _read_cues(text: str, word_start: int, prefix: str) -> tuple[int, int, tuple[str, ...], bool, bool, str]:
    """(cue strength, new span start or -1, kinds, near, direction) from the words before a hit;
    a cue's own proclitic (بمحافظة) stays out of the span."""
    start, cue, kinds, near, direction, type_word = -1, NONE, (), False, False, ""
    if "ب" in prefix:  # بإدلب: "in Idlib"
        cue = WEAK
    pos = word_start
    for _ in range(3):
        tok, at = _prev_word(text, pos)
        if at < 0:
            break
        word = _bare(tok)
        cue_at = at + len(tok) - len(word)
        if word in TYPE_WORDS:
            cue, start = STRONG, cue_at
            if not near:  # "قرى ريف حماة": the villages are in the countryside, حماة stays the governorate
                kinds, type_word = kinds or TYPE_WORDS[word], type_word or word
        elif word in NEAR_WORDS:
            cue, near, start = STRONG, True, cue_at
            direction = direction or word in DIRECTIONS
            type_word = type_word or word
        elif word == "من":
            tok2, at2 = _prev_word(text, at)
            if at2 >= 0 and _bare(tok2) in ("بالقرب", "قرب"):
                cue, near, start = STRONG, True, at2 + len(tok2) - len(_bare(tok2))
            else:
                cue = max(cue, WEAK)
            break
        elif word in WEAK_CUES:
            cue = max(cue, WEAK)
            break
        else:
            break
        pos = at
    return cue, start, kinds, near, direction, type_word


def find_places(text: str, country_hint: str | None = None, gazetteer: Gazetteer | None = None,
                norm: Normalized | None = None) -> list[PlaceMention]:
    """Every place named in `text` that we can vouch for, geocoded (see module doc). `norm` is
    `normalize(text)` when the caller has it already."""
    if not text or not text.strip():
        return []
    gaz = gazetteer or load_gazetteer()
    stops = stop_keys(gaz)
    norm = norm if norm is not None and norm.raw is text else normalize(text)
    ntext = norm.text
    hint = given = country_hint.upper() if country_hint else None  # an inferred hint only counts as context
    adjectives = country_adjectives()
    bare_countries = _bare_countries(gaz)
    hits: list[_Hit] = []
    inert = inert_spans(ntext)
    for m_start, m_end, key, prefix in gaz.scan(ntext):
        if key in CUE_KEYS or key in adjectives:
            continue
        if inert and any(s <= m_start and m_end <= e for s, e in inert):
            continue
        word_start = m_start - len(prefix)
        if key in stops and not _may_lift_stop(ntext, word_start, prefix, hits):
            continue  # fast path: most hits are common words (أن، يوم، بيان)
        rows = gaz.rows(key)
        if key in bare_countries and ntext.startswith("ال", m_start):
            # المالي is "financial", not Mali: with the article only the other places of this name remain
            rows = [r for r in rows if gaz.kind[r] != "country"]
            if not rows:
                continue
        if (not ntext.startswith("ال", m_start) and _needs_article(key, rows, gaz)
                and _bare(_prev_word(ntext, word_start)[0]) not in TYPE_WORDS):
            continue  # "رقة" alone is a word; the city is الرقة
        cue, ns, kinds, near, direction, type_word = _read_cues(ntext, word_start, prefix)
        ns = m_start if ns < 0 else ns
        head = key.split(" ", 1)[0]
        if head in TYPE_WORDS and " " in key:  # the name carries its own type word: "حي الشجاعية"، "مخيم جنين"
            cue, kinds, type_word = STRONG, kinds or TYPE_WORDS[head], type_word or head
        if kinds and type_word not in SINGULAR_TYPES and any(gaz.kind[r] == "country" for r in rows):
            kinds = ()  # "مدن العراق"، "منطقة قطر": the country, not a village called العراق
        ne = m_end
        trail = TRAILING.match(ntext, ne)
        if trail:
            ne, near = trail.end(1), True
        between = ntext[hits[-1].ne:word_start].strip() if hits else "x"
        list_item = bool(hits) and (between in ("", "،", ",", "و")) and (prefix.startswith("و") or between in ("،", ","))
        if list_item and cue != STRONG:  # "محافظتي إدلب وحماة": the second inherits the first's cue
            prev = hits[-1]
            kinds, cue = kinds or prev.kinds, max(cue, prev.cue)
            # "ريفي حلب وإدلب" is near both; "ريف منبج وعين عيسى" names the town عين عيسى itself
            near = near or (prev.near and prev.type_word in PLURAL_NEAR)
        hits.append(_Hit(ns, ne, rows, key, cue, kinds, near, direction, list_item, type_word))
    if not hits:
        return []
    # Pass 1: the places that stand alone give the article's countries and admin units.
    named = {gaz.country[r] for h in hits if h.key not in stops for r in h.rows if gaz.kind[r] == "country"}
    big = [(_is_big(h.key, h.rows, gaz, hint) or _foreign_admin(h.rows, gaz, named))
           and (h.key not in stops or h.cue == STRONG and h.kinds) for h in hits]
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
        # Confirmed: its district is named in the text, or its governorate and a cue or list stands by it.
        confirmed = False
        if ctx_names:
            for r in h.rows:
                if gaz.kind[r] in ("locality", "camp", "neighbourhood", "crossing"):
                    a1, a2 = gaz.admin_keys(r)
                    if a2 in ctx_names or a1 in ctx_names and (h.cue or h.list_item):
                        confirmed = True
                        break
        stop = h.key in stops
        if stop and h.key in manual_stops(gaz) and h.type_word not in SINGULAR_TYPES:
            continue  # السلام، الحدود: only "قرية السلام", never "قرى الحدود" or "في السلام"
        if stop and not (h.cue == STRONG and h.kinds and h.kinds not in GENERIC_KINDS) and not (
                confirmed and h.list_item):
            continue
        if not (b or h.cue == STRONG or confirmed or (h.cue == WEAK and len(h.key.replace(" ", "")) >= 4
                                                          and any(gaz.population[r] >= 500 for r in h.rows))):
            continue
        reading = Parsed(h.key, h.kinds, h.near, h.direction)
        result = resolve(reading, gaz, given, ctx_names - {h.key}, ctx_countries, h.rows)
        if result.match is None:
            continue
        if stop and h.kinds and result.match.kind not in h.kinds:
            continue  # "ولاية عثمانية": a type word must announce what the name turns out to be
        if not b and result.confidence < (0.3 if h.cue == STRONG or confirmed else 0.5):
            continue
        if not b and hint and result.match.country != hint and h.cue != STRONG:
            continue
        rs, re_ = norm.raw_span(h.ns, h.ne)
        out.append(PlaceMention(rs, re_, text[rs:re_], result))
    return out


_BIG: dict[tuple[int, str, str | None], bool] = {}


def _is_big(key: str, rows: list[int], gaz: Gazetteer, hint: str | None) -> bool:
    """A place named in news as itself: a country, governorate, region, district, camp or big town (cached)."""
    found = _BIG.get((id(gaz), key, hint))
    if found is None:
        found = _BIG[(id(gaz), key, hint)] = _big(rows, gaz, hint)
    return found


_ARTICLE_KEYS: dict[tuple[int, str], bool] = {}


def _needs_article(key: str, rows: list[int], gaz: Gazetteer) -> bool:
    """True when every place of this key is written with the article (الرقة، الحسكة)."""
    found = _ARTICLE_KEYS.get((id(gaz), key))
    if found is None:
        names = [normalize_text(gaz.place(r).name_ar or "") for r in rows[:20]]
        found = bool(names) and all(n.startswith("ال") for n in names) and " " not in key
        _ARTICLE_KEYS[(id(gaz), key)] = found
    return found


def _may_lift_stop(text: str, word_start: int, prefix: str, hits: list[_Hit]) -> bool:
    """Whether a stop word could still be accepted: a type word right before it, or a list it continues."""
    tok, at = _prev_word(text, word_start)
    if at >= 0 and _bare(tok) in TYPE_WORDS:
        return True
    return bool(hits) and (prefix.startswith("و") or text[hits[-1].ne:word_start].strip() in ("،", ",", "و"))


def _foreign_admin(rows: list[int], gaz: Gazetteer, named: set[str]) -> bool:
    """A governorate of another country stands alone only when that country is named in the text too."""
    return bool(named) and any(gaz.kind[r] in ("governorate", "region") and gaz.country[r] in named for r in rows)


@cache
def _bare_countries(gaz: Gazetteer) -> frozenset[str]:
    """Keys naming a country written without the article (مالي، سوريا): with one they are words."""
    out = set()
    for key, rows in gaz.index_ar.items():
        if any(gaz.kind[r] == "country" and not normalize_text(gaz.place(r).name_ar or "").startswith("ال")
               for r in rows):
            out.add(key)
    return frozenset(out)


def _big(rows: list[int], gaz: Gazetteer, hint: str | None) -> bool:
    for r in rows:
        kind = gaz.kind[r]
        home = hint is None or gaz.country[r] == hint
        if kind == "country" or kind in ("governorate", "region") and home:
            return True
        if kind in ("district", "camp", "crossing", "site") and home:
            return True
        if kind == "locality" and gaz.population[r] >= (BIG_POP if home else FOREIGN_BIG_POP):
            return True
    return False


def normalized_key(phrase: str) -> str:
    """The index key of a phrase (exposed for tests and tools)."""
    return lexicon_key(normalize_text(phrase))
