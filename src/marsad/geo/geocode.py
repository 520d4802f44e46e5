"""Geocoding one place phrase: "ريف إدلب الجنوبي" → the Idlib governorate, precision 2.

In: a phrase as written (clitics, article, type words such as مدينة/محافظة/مخيم, ريف/قرب/محيط,
directions before or after), an optional ISO2 country of the article and context names (other places
named nearby). Out: a GeoResult (best Place or None, precision, confidence, alternatives).
The candidate ranking (`rank`) is shared with find_places.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.places import NO_MATCH, PRECISION_BY_KIND, GeoResult, Place
from marsad.text.lexicon import PROCLITICS, lexicon_key
from marsad.text.normalize import normalize_text

# Type words (normalised) → the kinds they announce. Plural/dual forms name a list of places.
TYPE_WORDS: dict[str, tuple[str, ...]] = {}
for _words, _kinds in (
    (("محافظه", "محافظتي", "محافظات", "ولايه", "ولايتي", "ولايات", "شعبيه"), ("governorate", "region")),
    (("مدينه", "مدينتي", "مدن"), ("locality",)),
    (("بلده", "بلدتي", "بلدات", "قريه", "قريتي", "قري", "بلدة", "ضيعه", "نجع", "عزبه"), ("locality", "neighbourhood")),
    (("مخيم", "مخيمي", "مخيمات"), ("camp", "locality")),
    (("معبر", "معبري", "معابر", "منفذ", "حاجز"), ("crossing",)),
    (("حي", "احياء", "حيي"), ("neighbourhood", "locality")),
    (("قضاء", "مديريه", "مديريات", "منطقه", "مناطق", "مركز"), ("district", "subdistrict", "locality")),
    (("ناحيه", "نواحي", "عزله"), ("subdistrict", "locality")),
):
    for _w in _words:
        TYPE_WORDS[_w] = _kinds
# Words that make the place "near"/"part of" rather than the place itself (precision 2 at best).
NEAR_WORDS = frozenset({"ريف", "ريفي", "ارياف", "محور", "جبهه", "ضواحي", "محيط", "اطراف", "قرب", "جوار", "مشارف", "بالقرب", "تخوم",
                        "مداخل", "مدخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط",
                        "بادية", "باديه"})
DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط"})
FILLER = frozenset({"من", "في", "الي", "عند", "داخل"})
TRAILING = re.compile(r"^(ال)?(شمالي|جنوبي|شرقي|غربي|شماليه|جنوبيه|شرقيه|غربيه|اوسط|وسطي|حدودي|حدوديه|مجاور|مجاوره|"
                      r"محتل|محتله|قريب|قريبه)$")
KIND_PRIOR = {"country": 3.0, "governorate": 2.6, "region": 2.4, "district": 1.6, "camp": 0.4, "crossing": 0.4,
              "site": 0.4, "subdistrict": 0.6, "locality": 0.5, "neighbourhood": 0.0}
# a district's / governorate's namesake town and a national capital outrank same-named villages
SEAT_BONUS = (0.0, 1.0, 1.5, 2.5)
_NONWORD = re.compile(r"[^\w\s]|_")
_ARABIC = re.compile("[\u0621-\u064a]")
_PROCLITICS_LONGEST = sorted((p for p in PROCLITICS if p), key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A phrase split into its core name and what surrounds it."""

    core: str  # lexicon key of the name
    kinds: tuple[str, ...] = ()  # kinds announced by a type word
    near: bool = False  # ريف/قرب/direction: a part of or near the place
    direction: bool = False


def strip_proclitic(word: str, known) -> str:
    """The word without its proclitic chain (و ف ب ل ك, وب، بال، لل ...) when only the bare word is `known`."""
    if known(word):
        return word
    for p in _PROCLITICS_LONGEST:
        if word.startswith(p) and len(word) - len(p) >= 2 and known(word[len(p):]):
            return word[len(p):]
    return word


def parse(words: list[str], gaz: Gazetteer) -> list[Parsed]:
    """Readings of a normalised word list, most literal first: the whole phrase, then with type
    words, near-words and directions peeled off the front; then the same with direction adjectives
    taken off the back ("الضفة الغربية" and "باب شرقي" are names, "ريف حلب الشمالي" is ريف + حلب)."""
    variants = [(list(words), False)]
    tail = list(words)
    while len(tail) > 1 and TRAILING.match(tail[-1]):
        tail = tail[:-1]
        variants.append((tail, True))
    out: list[Parsed] = []
    for ws, near in variants:
        kinds: tuple[str, ...] = ()
        direction = False
        while ws:
            key = lexicon_key(" ".join(ws))
            if gaz.rows(key):
                out.append(Parsed(key, kinds, near, direction))
            elif gaz.rows(key.replace(" ", "")):
                out.append(Parsed(key.replace(" ", ""), kinds, near, direction))
            head = ws[0]
            if len(ws) < 2:
                break
            if head in TYPE_WORDS:
                kinds = kinds or TYPE_WORDS[head]
            elif head in NEAR_WORDS:
                near = True
                direction = direction or head in DIRECTIONS
            elif not (head in FILLER or head.startswith("ال") and head[2:] in DIRECTIONS):
                break
            ws = ws[1:]
    return out


def _context_sets(context: Sequence[str], gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """Normalised admin names and countries named in the context (governorates, districts, countries)."""
    names: set[str] = set()
    countries: set[str] = set()
    for item in context:
        if len(item) == 2 and item.isupper():
            countries.add(item)
            continue
        key = lexicon_key(item)
        if not gaz.rows(key):  # "بإدلب" in a context list: drop the proclitics
            word = strip_proclitic(normalize_text(item).strip(), lambda w: bool(gaz.rows(lexicon_key(w))))
            key = lexicon_key(word)
        names.add(key)
        for row in gaz.rows(key):
            if gaz.kind[row] == "country":
                countries.add(gaz.country[row])
    return names, countries


# Countries whose places one story names as its own: an Israeli operation in Nablus is told in a story
# whose country may come out as either.
SAME_STORY = {"IL": ("PS",), "PS": ("IL",)}


def rank(rows: Sequence[int], gaz: Gazetteer, country: str | None, ctx_names: set[str], ctx_countries: set[str],
         kinds: tuple[str, ...] = ()) -> list[tuple[float, int]]:
    """(score, row) best first: country of the article, admin names nearby, announced kind, size."""
    scored = []
    for row in rows:
        kind, cc = gaz.kind[row], gaz.country[row]
        s = KIND_PRIOR.get(kind, 0.0) + 0.45 * math.log10(gaz.population[row] + 1) + SEAT_BONUS[gaz.seat[row]]
        if country:
            if cc == country or cc in SAME_STORY.get(country, ()):
                s += 2.0
            elif kind != "country":
                s -= 1.0
        if cc in ctx_countries:  # a country named nearby (or the article's inferred country)
            s += 2.0
        if ctx_names and not ctx_names.isdisjoint(gaz.admin_keys(row)):
            s += 2.5
        if kinds:  # the first kind a type word announces is the likeliest (مخيم: a camp, else a town)
            s += (3.0 if kind == kinds[0] else 2.0) if kind in kinds else -1.0
        scored.append((s, row))
    scored.sort(key=lambda t: -t[0])
    return scored


def _seat_of(top: int, scored: list[tuple[float, int]], gaz: Gazetteer) -> int | None:
    """The same-named town of an admin unit (إدلب the city in إدلب the governorate; منبج in منطقة منبج);
    failing a town, a governorate's same-named district (whose point is nearer the town)."""
    fallback = None
    want = 2 if gaz.kind[top] == "governorate" else 1
    scored = sorted(scored, key=lambda t: gaz.seat[t[1]] != want)  # flagged namesake towns first
    for _s, row in scored:
        kind = gaz.kind[row]
        if gaz.country[row] != gaz.country[top] or kind not in ("locality", "district", "subdistrict"):
            continue
        dist = abs(gaz.lat[row] - gaz.lat[top]) + abs(gaz.lon[row] - gaz.lon[top])
        if gaz.kind[top] == "governorate":
            same_admin = gaz.admin1[row] == gaz.admin1[top] or dist < 2.5
        else:
            same_admin = bool(gaz.admin2[row]) and gaz.admin2[row] == gaz.name[top] or dist < 0.8
        if not same_admin:
            continue
        if kind == "locality":
            return row
        if fallback is None and gaz.kind[top] == "governorate":
            fallback = row
    return fallback


def resolve(reading: Parsed, gaz: Gazetteer, country: str | None, ctx_names: set[str], ctx_countries: set[str],
            rows: Sequence[int] | None = None) -> GeoResult:
    """The GeoResult of one reading of a phrase (rows: candidates when already known, e.g. English)."""
    rows = gaz.rows(reading.core) if rows is None else rows
    if not rows:
        return NO_MATCH
    scored = rank(rows, gaz, country, ctx_names, ctx_countries, reading.kinds)
    top = scored[0][1]
    kind = gaz.kind[top]
    precision = PRECISION_BY_KIND.get(kind, 1)
    match = top
    if kind in ("governorate", "district") and not reading.kinds and not reading.near:
        seat = _seat_of(top, scored[1:], gaz)
        if seat is not None:  # a bare admin name: report the seat town's point
            match = seat
            precision = 3 if kind == "governorate" else PRECISION_BY_KIND[gaz.kind[seat]]
    elif kind == "locality" and not reading.kinds and not reading.near and any(
            gaz.kind[r] == "governorate" and gaz.country[r] == gaz.country[top] and gaz.admin1[r] == gaz.admin1[top]
            for _s, r in scored):
        precision = 3  # bare "بغداد": the city's point, but the governorate has the same name
    if reading.near:
        if kind == "country":  # "شمال العراق" is a part of the country, "ريف سوريا" all of it
            precision = 3 if reading.direction else 4
        elif kind in ("governorate", "region"):
            precision = 2
        else:
            precision = max(precision, 2)
    # Confidence from the margin over the best rival that is a different place (more than ~15 km away:
    # nearby rows are the same place listed twice, or the town and its district).
    lat, lon = gaz.lat[match], gaz.lon[match]
    a1, cc = gaz.admin1[match], gaz.country[match]

    def same_place(r: int) -> bool:  # the town, or the governorate/district named after it around it
        if r in (top, match) or abs(gaz.lat[r] - lat) + abs(gaz.lon[r] - lon) <= 0.2:
            return True
        return gaz.kind[r] in ("governorate", "district", "subdistrict") and gaz.country[r] == cc and \
            bool(a1) and gaz.admin1[r] == a1

    rival = max((s for s, r in scored if not same_place(r)), default=None)
    margin = scored[0][0] - rival if rival is not None else 4.0
    confidence = 1 / (1 + math.exp(-(margin - 0.5)))
    if gaz.kind[match] in ("locality", "neighbourhood") and gaz.population[match] < 1000 and len(scored) > 1:
        confidence *= 0.8
    if country and gaz.country[top] != country and kind != "country":
        confidence *= 0.5
    alternatives = tuple(gaz.place(r) for _s, r in scored[:6] if r != match)
    return GeoResult(gaz.place(match), precision, round(min(confidence, 0.99), 3), alternatives)


def _latin(phrase: str, gaz: Gazetteer, country: str | None) -> GeoResult:
    rows = gaz.rows_en(phrase)
    return resolve(Parsed(core=""), gaz, country, set(), set(), rows) if rows else NO_MATCH


@lru_cache(maxsize=200_000)
def _geocode(phrase: str, country: str | None, context: tuple[str, ...], gaz: Gazetteer) -> GeoResult:
    text = " ".join(_NONWORD.sub(" ", normalize_text(phrase)).split())
    if not text:
        return NO_MATCH
    if not _ARABIC.search(text):
        return _latin(text, gaz, country)
    words = text.split()

    def known(w: str) -> bool:
        return bool(gaz.rows(lexicon_key(w))) or w in TYPE_WORDS or w in NEAR_WORDS

    words[0] = strip_proclitic(words[0], known)
    readings = parse(words, gaz)
    if not readings:
        latin = " ".join(w for w in words if not _ARABIC.search(w))
        if latin:  # "مدينة Aleppo": the English name
            return _latin(latin, gaz, country)
        for i in range(1, len(words)):  # a list ("محافظتي إدلب وحماة"): its first place
            if words[i].startswith("و") or words[i] in ("،", ","):
                readings = parse(words[:i], gaz)
                break
        if not readings:
            return NO_MATCH
    ctx_names, ctx_countries = _context_sets(context, gaz)
    best = NO_MATCH
    for reading in readings:
        result = resolve(reading, gaz, country, ctx_names, ctx_countries)
        if result.match is None:
            continue
        # A literal reading in the article's country wins; otherwise try the next reading.
        if best.match is None:
            best = result
        if not country or result.match.country == country:
            return result if best.match is None or best.match.country != country else best
    return best


def geocode(phrase: str, country: str | None = None, context: Sequence[str] = (),
            gazetteer: Gazetteer | None = None) -> GeoResult:
    """Geocode one place phrase. country: ISO2 of the article; context: names of places nearby
    (governorates, districts, countries, or ISO2 codes). Unknown or empty → GeoResult(match=None)."""
    if not phrase or not phrase.strip():
        return NO_MATCH
    gaz = gazetteer or load_gazetteer()
    return _geocode(phrase, country.upper() if country else None, tuple(context), gaz)


def as_place(result: GeoResult) -> Place | None:
    """The matched Place (helper for callers that only want the point)."""
    return result.match
