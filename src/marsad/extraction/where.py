"""Where an event happened: the places of its clause or sentence, read against the sentence's frame.

Reads: the place mentions of a sentence (geocoded by marsad.geo). Adds: the event's places.
- A fronted locative frames the whole sentence ("وفي قرية النبي صالح شمال غرب رام الله، استشهد ..."):
  a place named later that lies outside the frame ("احتجاجا على العدوان على نابلس") is not where it happened.
- A place that only locates another ("بلدة الخالص شمالي بعقوبة") is a landmark, not a second place.
- Places of origin ("من العراق") give way to the others; the most precise places win.
"""

from __future__ import annotations

import re
from math import asin, cos, radians, sin, sqrt

from marsad.extraction.mentions import Found, Mentions
from marsad.geo.places import Place

ORIGIN = re.compile(r"(?:من|قادمة من|قادمين من|قادما من)\s*$")
FRONTED = re.compile(r"\s*[وف]?في\s+")  # what stands before the frame's first place
# A direction word opening a place mention: "شمالي بعقوبة", "شمال غرب رام الله", "جنوب شرقي حلب"
DIRECTION = re.compile(r"(?:[وب]?ال)?(?:شمال|جنوب|شرق|غرب)")
# Between the places of a frame: nothing, a comma or و, or a landmark the gazetteer does not know
# ("بلدة بيت أمر شمال الخليل")
FRAME_GAP = re.compile(rf"[\s،,و]*(?:{DIRECTION.pattern}\S*(?:\s+\S+){{1,3}})?[\s،,]*")
MAX_FRAME = 120  # characters: a frame is a short opening phrase
# How far a place may lie from a frame town and still be in it (its quarters, camps, suburbs)
TOWN_KM = 12.0


def event_places(mentions: Mentions, clause: tuple[int, int], sentence: tuple[int, int],
                 excluded: list[tuple[int, int]], frame: list[Found]) -> list[Found]:
    """The places of an event read in `clause` of `sentence`, none inside an `excluded` span (a name).
    `frame` is frame_places(mentions, sentence), read once per sentence by the caller."""
    def usable(p: Found) -> bool:
        if any(p.start < e and s < p.end for s, e in excluded):
            return False
        return p.value.result.match is not None

    frame = [p for p in frame if usable(p)]
    inside = [p for p in mentions.within("place", *clause) if usable(p)]
    in_sentence = [p for p in mentions.within("place", *sentence) if usable(p)]
    # the dateline ("دمشق - سيطرت الفصائل على مدينة حماة") says where the report was filed: the last resort
    text = mentions.text
    pool = ([p for p in inside if not _dateline(text, p, sentence)]
            or [p for p in in_sentence if not _dateline(text, p, sentence)] or inside or in_sentence)
    if frame:
        framed = [p for p in pool if any(_within(p.value.result.match, f.value.result.match) for f in frame)]
        pool = framed or frame
    if not pool:
        return []
    text = mentions.text
    pool = [p for p in pool if not _locator(text, p, pool)] or pool
    not_origin = [p for p in pool if not ORIGIN.search(text[max(0, p.start - 14):p.start])]
    pool = not_origin or pool
    best = min(p.value.result.precision or 4 for p in pool)
    return [p for p in pool if (p.value.result.precision or 4) == best]


DATELINE = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?[-–—:]")


def _dateline(text: str, p: Found, sentence: tuple[int, int]) -> bool:
    """A place that opens its sentence and is followed by a dash or colon: the report's dateline."""
    return not text[sentence[0]:p.start].strip(" \"'«“") and DATELINE.match(text, p.end) is not None


def frame_places(mentions: Mentions, sentence: tuple[int, int]) -> list[Found]:
    """The places of a sentence that opens with "(و)في PLACE(S)،" before anything else happens in it."""
    text = mentions.text
    start, end = sentence
    comma = text.find("،", start, min(end, start + MAX_FRAME))
    if comma < 0:
        return []
    places = mentions.within("place", start, comma)
    if not places or not FRONTED.fullmatch(text, start, places[0].start):
        return []
    gaps = [(a.end, b.start) for a, b in zip(places, places[1:], strict=False)] + [(places[-1].end, comma)]
    if not all(FRAME_GAP.fullmatch(text, a, b) for a, b in gaps):
        return []  # more than places before the comma: an event or a name, not a frame
    return places


def _locator(text: str, p: Found, pool: list[Found]) -> bool:
    """A place right after another and opened by a direction word locates that other one."""
    if not DIRECTION.match(text, p.start):
        return False
    return any(o is not p and o.end <= p.start and not text[o.end:p.start].strip(" ،,") for o in pool)


def _within(p: Place, frame: Place) -> bool:
    """Whether place p lies in the frame place (the same place, in its governorate or district, or in
    its town)."""
    if p.row == frame.row:
        return True
    if p.country != frame.country:
        return False
    if frame.kind == "country":
        return True
    if frame.kind in ("governorate", "region"):
        return frame.name in (p.admin1, p.admin2) or bool(frame.name_ar) and frame.name_ar in (p.admin1_ar,
                                                                                             p.admin2_ar)
    if frame.kind in ("district", "subdistrict"):
        return frame.name == p.admin2 or bool(frame.name_ar) and frame.name_ar == p.admin2_ar
    return _km(p, frame) <= TOWN_KM


def _km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    dlat, dlon = radians(b.lat - a.lat), radians(b.lon - a.lon)
    h = sin(dlat / 2) ** 2 + cos(radians(a.lat)) * cos(radians(b.lat)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))
