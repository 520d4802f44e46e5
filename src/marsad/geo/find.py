"""Finding and geocoding every place named in a raw Arabic text, conservatively.

In: raw text, optional ISO2 country of the article. Out: PlaceMention(start, end, text, result) with raw
offsets (text[start:end] == mention.text), in text order, one per place (lists and duals split).

One pass of marsad.geo.scanner finds every gazetteer name with its clitics; each hit is
then judged by what stands around it. Countries, governorates, districts and towns above BIG_POP are
accepted unless the name is a common word (stop list); a small place needs a cue before it (بلدة، قرية،
ريف، قرب، في ...), a list it belongs to, or its governorate/district named elsewhere in the text.
Speed: what a key's rows say is worked out once per key (scanner.KeyFacts), and a resolved reading is
cached with the part of the document's context that can change its ranking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.geocode import DIRECTIONS, NEAR_WORDS, TYPE_WORDS, Parsed, resolve
from marsad.geo.places import GeoResult, PlaceMention
from marsad.geo.scanner import (
    BARE_COUNTRY,
    CUE_KEYS,
    DEAD,
    HERE,
    MANUAL,
    STOP,
    WORDLIKE,
    KeyFacts,
    Scanner,
    _lines,
    country_adjectives,
    manual_stops,
    scanner,
    stop_keys,
)
from marsad.text.lexicon import PROCLITICS, lexicon_key, spaced_copy
from marsad.text.normalize import Normalized, normalize, normalize_text

__all__ = ["CUE_KEYS", "country_adjectives", "find_places", "inert_spans", "manual_stops", "normalized_key",
           "stop_keys"]
BIG_POP = 15_000  # a town this size is named in news as itself, without a cue
FOREIGN_BIG_POP = 150_000  # outside the article's country only cities this big stand alone
WEAK_CUES = frozenset({"في", "الي", "نحو", "باتجاه", "داخل", "عند", "حتي", "قرب", "من", "بين"})
TRAILING = re.compile(r"\s*(ال(?:شمالي|جنوبي|شرقي|غربي|اوسط)(?:ه)?)(?=\W|$)")
# What may stand between two items of a list: nothing, a comma or و (spaces aside).
_GAP = re.compile(r"\s*([،,و]?)\s*")
# "المدينة اليوم" is not "مدينة اليوم": a cue word takes proclitics but not the article.
_PROCLITICS_LONGEST = sorted((p for p in PROCLITICS if p and not p.endswith("ال") and p != "لل"), key=len,
                             reverse=True)
STRONG, WEAK, NONE = 2, 1, 0
# منطقة/مناطق/مركز and ناحية say little ("ناحية ثانية" is "on the other hand"): they lift no stop word.
PLURAL_NEAR = frozenset({"ريفي", "ارياف", "ضواحي"})
SINGULAR_TYPES = frozenset({"مدينه", "بلده", "قريه", "مخيم", "معبر", "حي", "محافظه", "ولايه", "مديريه", "قضاء"})
GENERIC_KINDS = frozenset({TYPE_WORDS["منطقه"], TYPE_WORDS["ناحيه"]})
ADMIN_KINDS = ("governorate", "district", "region", "subdistrict")


def inert_spans(ntext: str) -> list[tuple[int, int]]:
    """Spans of organisation names that contain a place name (قوات سوريا الديمقراطية) in a normalised text."""
    auto = _inert_automaton()
    return [(last + 1 - len(form), last + 1) for last, form in auto.iter(ntext)] if auto else []


@cache
def _inert_forms() -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(normalize_text(line).split()) for line in _lines(HERE / "inert.txt")))


@cache
def _inert_automaton():
    auto = ahocorasick.Automaton()
    for form in _inert_forms():
        auto.add_word(form, form)
    if len(auto):
        auto.make_automaton()
        return auto
    return None


def _in_inert(ntext: str, start: int, end: int) -> bool:
    """Whether ntext[start:end] lies inside an organisation name (what inert_spans finds), asked of the one
    span: a name's text only occurs in a few of those names, at known offsets (cached per text)."""
    name = ntext[start:end]
    places = _INERT_AT.get(name)
    if places is None:
        places = _inert_places(name)
    return bool(places) and any(offset <= start and ntext.startswith(form, start - offset) for form, offset in places)


def _inert_places(name: str) -> tuple[tuple[str, int], ...]:
    """(organisation name, offset) of every occurrence of `name` in the inert names; cached."""
    found = []
    for form in _inert_forms():
        at = form.find(name)
        while at >= 0:
            found.append((form, at))
            at = form.find(name, at + 1)
    if len(_INERT_AT) > 50_000:
        _INERT_AT.clear()
    out = _INERT_AT[name] = tuple(found)
    return out


_INERT_AT: dict[str, tuple[tuple[str, int], ...]] = {}


def _bare(word: str) -> str:
    """A cue word without its proclitics (وبريف → ريف, بمدينة → مدينه); cached."""
    found = _BARE.get(word)
    if found is None:
        if len(_BARE) > 50_000:
            _BARE.clear()
        found = _BARE[word] = _bare_word(word)
    return found


_BARE: dict[str, str] = {}


def _bare_word(word: str) -> str:
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
    facts: KeyFacts
    key: str
    cue: int
    kinds: tuple[str, ...]
    near: bool
    direction: bool
    list_item: bool  # joined to the previous hit by و or a comma
    type_word: str = ""  # the type word right before it (مدينة، قرية ...), if any
    flags: int = 0  # the key's scanner flags (STOP, MANUAL ...)


def _prev_word(text: str, spaced: str, end: int) -> tuple[str, int]:
    """The word ending just before `end` (spaces skipped) and its start; ("", -1) at a punctuation mark.
    `spaced` is the text with every non-word character a space (where a word starts is one rfind)."""
    j = end - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or spaced[j] == " ":
        return "", -1
    k = spaced.rfind(" ", 0, j) + 1
    return text[k:j + 1], k


def _read_cues(text: str, spaced: str, word_start: int, prefix: str
               ) -> tuple[int, int, tuple[str, ...], bool, bool, str]:
    """(cue strength, new span start or -1, kinds, near, direction) from the words before a hit;
    a cue's own proclitic (بمحافظة) stays out of the span."""
    start, cue, kinds, near, direction, type_word = -1, NONE, (), False, False, ""
    if "ب" in prefix:  # بإدلب: "in Idlib"
        cue = WEAK
    pos = word_start
    for _ in range(3):
        tok, at = _prev_word(text, spaced, pos)
        if at < 0:
            break
        word, role = _CUE_ROLE.get(tok) or _cue_role(tok)
        if role == _ROLE_NONE:  # the usual case: an ordinary word
            break
        cue_at = at + len(tok) - len(word)
        if role == _ROLE_TYPE:
            cue, start = STRONG, cue_at
            if not near:  # "قرى ريف حماة": the villages are in the countryside, حماة stays the governorate
                kinds, type_word = kinds or TYPE_WORDS[word], type_word or word
        elif role == _ROLE_NEAR:
            cue, near, start = STRONG, True, cue_at
            direction = direction or word in DIRECTIONS
            type_word = type_word or word
        elif role == _ROLE_FROM:
            tok2, at2 = _prev_word(text, spaced, at)
            if at2 >= 0 and _bare(tok2) in ("بالقرب", "قرب"):
                cue, near, start = STRONG, True, at2 + len(tok2) - len(_bare(tok2))
            else:
                cue = max(cue, WEAK)
            break
        else:
            cue = max(cue, WEAK)
            break
        pos = at
    return cue, start, kinds, near, direction, type_word



def _lifted(ntext: str, spaced: str, word_start: int, prefix: str, last_end: int) -> bool:
    """Whether a stop word stands in a list (after و or a comma that follows the last hit, which ends at
    `last_end`, -1 when there is none) or after a type word (مدينة، قرية ...)."""
    j = word_start - 1
    while j >= 0 and ntext[j] == " ":
        j -= 1
    if last_end < 0:
        listed = False
    elif prefix[:1] == "و":
        listed = True
    elif j < last_end:  # only spaces since the last hit
        listed = False
    else:  # the gap must end in a comma or و (or some other white space): cheap to rule out first
        c = ntext[j]
        gap = _GAP.fullmatch(ntext, last_end, word_start) if c in "،,و" or c.isspace() else None
        listed = gap is not None and gap.group(1) != ""
    if listed:
        return True
    if j < 1 or ntext[j - 1:j + 1] not in _LIFTER_TAILS or spaced[j] == " ":
        return False  # the word before does not end as any type word does (one set probe, no word cut)
    tok = ntext[spaced.rfind(" ", 0, j) + 1:j + 1]
    lift = _TYPE_TOKEN.get(tok)
    return _type_token(tok) if lift is None else lift


_ROLE_NONE, _ROLE_TYPE, _ROLE_NEAR, _ROLE_FROM, _ROLE_WEAK = range(5)


def _cue_role(tok: str) -> tuple[str, int]:
    """A word before a hit without its proclitics, and what it says (a _ROLE_*), in _read_cues' order of
    questions: type word, near word, "من", weak cue; cached."""
    word = _bare(tok)
    role = (_ROLE_TYPE if word in TYPE_WORDS else _ROLE_NEAR if word in NEAR_WORDS else _ROLE_FROM if word == "من"
            else _ROLE_WEAK if word in WEAK_CUES else _ROLE_NONE)
    if len(_CUE_ROLE) > 50_000:
        _CUE_ROLE.clear()
    found = _CUE_ROLE[tok] = (word, role)
    return found


_CUE_ROLE: dict[str, tuple[str, int]] = {}


def _gap(text: str, a: int, b: int) -> str:
    """What stands between two hits, spaces stripped, when it is nothing, a comma or و; else "x"."""
    if b <= a:
        return ""
    c = text[b - 1]
    if not (c.isspace() or c in "،,و"):  # the usual case, without the regex: a word or a mark before
        return "x"
    m = _GAP.fullmatch(text, a, b)
    return m.group(1) if m else "x"


def find_places(text: str, country_hint: str | None = None, gazetteer: Gazetteer | None = None,
                norm: Normalized | None = None) -> list[PlaceMention]:
    """Every place named in `text` that we can vouch for, geocoded (see module doc). `norm` is
    `normalize(text)` when the caller has it already."""
    if not text or not text.strip():
        return []
    gaz = gazetteer or load_gazetteer()
    scan = scanner(gaz)
    norm = norm if norm is not None and norm.raw is text else normalize(text)
    ntext = norm.text
    spaced = spaced_copy(ntext)
    hint = given = country_hint.upper() if country_hint else None  # an inferred hint only counts as context
    hits: list[_Hit] = []
    last_end = -1  # where the last hit ends
    for _, m_end, (key, _len, flags), prefix, m_start in scan.scan(ntext, spaced):
        if flags & DEAD:
            continue
        word_start = m_start - len(prefix)
        if flags & STOP:  # most hits are common words (أن، يوم، بيان): only a list or a type word lifts them
            # The usual case, decided here without a call: one space after a word that neither is و nor ends
            # as a type word does, and no و of its own after a hit: _lifted would say no.
            if (word_start > 2 and ntext[word_start - 1] == " " and spaced[word_start - 2] != " "
                    and ntext[word_start - 2] != "و" and ntext[word_start - 3:word_start - 1] not in _LIFTER_TAILS
                    and (last_end < 0 or prefix[:1] != "و")):
                continue
            if not _lifted(ntext, spaced, word_start, prefix, last_end):
                continue
        if _in_inert(ntext, m_start, m_end):
            continue  # "قوات سوريا الديمقراطية" names no place
        article = ntext.startswith("ال", m_start)
        # المالي is "financial", not Mali: with the article only the other places of this name remain
        facts = scan.facts(key, bool(flags & BARE_COUNTRY and article))
        if not facts.rows:
            continue
        if (not article and facts.needs_article
                and _bare(_prev_word(ntext, spaced, word_start)[0]) not in TYPE_WORDS):
            continue  # "رقة" alone is a word; the city is الرقة
        cue, ns, kinds, near, direction, type_word = _read_cues(ntext, spaced, word_start, prefix)
        ns = m_start if ns < 0 else ns
        head = facts.own_type
        if head:  # the name carries its own type word: "حي الشجاعية"، "مخيم جنين"
            cue, kinds, type_word = STRONG, kinds or TYPE_WORDS[head], type_word or head
        if kinds and type_word not in SINGULAR_TYPES and facts.country_cc:
            kinds = ()  # "مدن العراق"، "منطقة قطر": the country, not a village called العراق
        ne = m_end
        trail = TRAILING.match(ntext, ne)
        if trail:
            ne, near = trail.end(1), True
        between = _gap(ntext, hits[-1].ne, word_start) if hits else "x"
        list_item = bool(hits) and (between in ("", "،", ",", "و")) and (prefix.startswith("و") or between in ("،", ","))
        if list_item and cue != STRONG:  # "محافظتي إدلب وحماة": the second inherits the first's cue
            prev = hits[-1]
            kinds, cue = kinds or prev.kinds, max(cue, prev.cue)
            # "ريفي حلب وإدلب" is near both; "ريف منبج وعين عيسى" names the town عين عيسى itself
            near = near or (prev.near and prev.type_word in PLURAL_NEAR)
        hits.append(_Hit(ns, ne, facts, key, cue, kinds, near, direction, list_item, type_word, flags))
        last_end = ne
    if not hits:
        return []
    return _judge(hits, text, norm, gaz, scan, hint, given)


def _judge(hits: list[_Hit], text: str, norm: Normalized, gaz: Gazetteer, scan: Scanner, hint: str | None,
           given: str | None) -> list[PlaceMention]:
    """Pass 1: the places that stand alone give the article's countries and admin units. Pass 2: judge
    and resolve every hit with that context."""
    named: set[str] = set()
    for h in hits:
        if not h.flags & STOP:
            named |= h.facts.country_cc
    # "دعم مالي" is financial support: such a country name stands alone only after a cue or in a list
    big = [(_is_big(h, gaz, hint) or bool(named) and not named.isdisjoint(h.facts.gov_cc))
           and (not h.flags & STOP or h.cue == STRONG and bool(h.kinds))
           and (not h.flags & WORDLIKE or bool(h.cue or h.list_item)) for h in hits]
    if hint is None:
        votes: dict[str, int] = {}
        for h, b in zip(hits, big, strict=True):
            if b:
                votes[h.facts.first_cc] = votes.get(h.facts.first_cc, 0) + 1
        # the most votes; a tie goes to the country voted for first (as Counter.most_common)
        hint = max(votes, key=votes.__getitem__) if votes else None
    ctx_names: set[str] = set()
    ctx_countries: set[str] = {hint} if hint else set()
    seen_countries: set[str] = set()  # countries the text names, or names a place only found in
    for h, b in zip(hits, big, strict=True):
        if b:
            if h.facts.admin_cc and (not hint or hint in h.facts.admin_cc):
                ctx_names.add(h.key)
            ctx_countries |= h.facts.country_cc
            if len(h.facts.row_cc) == 1:
                seen_countries |= h.facts.row_cc
    seen_countries |= ctx_countries
    out: list[PlaceMention] = []
    for h, b in zip(hits, big, strict=True):
        facts = h.facts
        # Confirmed: its district is named in the text, or its governorate and a cue or list stands by it.
        confirmed = bool(ctx_names) and (not ctx_names.isdisjoint(facts.a2) or bool(h.cue or h.list_item)
                                         and not ctx_names.isdisjoint(facts.a1))
        stop = bool(h.flags & STOP)
        if h.flags & MANUAL and h.type_word not in SINGULAR_TYPES:
            continue  # السلام، الحدود: only "قرية السلام", never "قرى الحدود" or "في السلام"
        if stop and not (h.cue == STRONG and h.kinds and h.kinds not in GENERIC_KINDS) and not (
                confirmed and h.list_item):
            continue
        if not (b or h.cue == STRONG or confirmed or (h.cue == WEAK and len(h.key.replace(" ", "")) >= 4
                                                          and facts.max_pop >= 500)):
            continue
        result = _resolve(scan, h, gaz, given, ctx_names, ctx_countries)
        if result.match is None:
            continue
        if stop and h.kinds and result.match.kind not in h.kinds:
            continue  # "ولاية عثمانية": a type word must announce what the name turns out to be
        if not b and result.confidence < (0.3 if h.cue == STRONG or confirmed else 0.5):
            continue
        if (hint and result.match.country != hint and result.match.country not in LINKED.get(hint, ())
                and result.match.kind != "country"):
            if not b and h.cue != STRONG:
                continue
            # "قرب حافلة" in an Iraqi story is no village in Somalia: abroad, a small place after a near-word,
            # a generic or neighbourhood word needs its country named in the text; a type word of its own kind
            # is enough ("مدينة شرم الشيخ"). "حي الأمل" in a Syrian story is no city in Iran (آمل) either.
            if h.cue == STRONG and result.match.country not in seen_countries and (
                    (h.near or not h.kinds or result.match.kind != h.kinds[0]) if not b else
                    (h.kinds[:1] == ("neighbourhood",) and result.match.kind != "neighbourhood")):
                continue
        rs, re_ = norm.raw_span(h.ns, h.ne)
        out.append(PlaceMention(rs, re_, text[rs:re_], result))
    return out


def _resolve(scan: Scanner, h: _Hit, gaz: Gazetteer, given: str | None, ctx_names: set[str],
             ctx_countries: set[str]) -> GeoResult:
    """geocode.resolve of a hit, cached: ranking only looks at the context names that are a governorate or
    district of one of the key's rows and at the context countries of its rows, so those are the cache key."""
    facts = h.facts
    names = facts.admin_keys.intersection(ctx_names)  # frozensets: hashable as they come
    if h.key in names:
        names = names - {h.key}
    countries = facts.row_cc.intersection(ctx_countries)
    ck = (h.key, len(facts.rows), h.kinds, h.near, h.direction, given, names, countries)
    cache = scan.resolved
    found = cache.get(ck)
    if found is None:
        if len(cache) > 100_000:
            cache.clear()
        found = cache[ck] = resolve(Parsed(h.key, h.kinds, h.near, h.direction), gaz, given, names, countries,
                                    facts.rows)
    return found


# Territories whose news is one story: a Gaza report full of Israeli actors is "about" Israel by
# its votes, yet its places are Palestinian (and the reverse).
LINKED = {"IL": ("PS",), "PS": ("IL",)}


def _is_big(h: _Hit, gaz: Gazetteer, hint: str | None) -> bool:
    """A place named in news as itself: a country, governorate, region, district, camp or big town (cached
    in the key's facts, which belong to this gazetteer's scanner)."""
    big = h.facts.big
    found = big.get(hint)
    if found is None:
        found = big[hint] = _big(h.facts.rows, gaz, hint)
    return found


def _type_token(tok: str) -> bool:
    """Whether a word is a type word (مدينة، قرية، وبلدة ...), what lifts a stop word after it; cached."""
    if len(_TYPE_TOKEN) > 50_000:
        _TYPE_TOKEN.clear()
    found = _TYPE_TOKEN[tok] = _bare(tok) in TYPE_WORDS
    return found


_TYPE_TOKEN: dict[str, bool] = {}
# The last two letters of every word _type_token accepts: a type or near word after its proclitics
# (_bare strips no others), all at least two letters long.
_LIFTER_TAILS = frozenset(t[-2:] for t in (p + w for p in PROCLITICS for w in (*TYPE_WORDS, *NEAR_WORDS))
                          if _type_token(t))
if any(len(t) < 2 for t in _LIFTER_TAILS):  # a one-letter type word would slip past _lifted's two-letter probe
    raise RuntimeError("geocode.TYPE_WORDS: one-letter type words need _lifted's tail probe changed")


def _big(rows, gaz: Gazetteer, hint: str | None) -> bool:
    for r in rows:
        kind = gaz.kind[r]
        home = hint is None or gaz.country[r] == hint or gaz.country[r] in LINKED.get(hint, ())
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
