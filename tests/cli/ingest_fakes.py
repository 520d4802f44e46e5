"""A small deterministic stand-in for the extraction core, so the ingest tests check ingestion and
storage rather than extraction quality: a strike when the text says غارة, at the first known place
it names, the day before publication when it says أمس, killed = the first number in the text."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta

from marsad.model import (
    Acled,
    Actor,
    DateSpan,
    Document,
    DocumentResult,
    Event,
    Figure,
    Location,
    Plover,
    Span,
)

PLACES = {
    "إدلب": Location("Idlib", "إدلب", "SY", "Idlib", "Idlib", 35.93, 36.63, None, 1),
    "سراقب": Location("Saraqib", "سراقب", "SY", "Idlib", "Idlib", 35.86, 36.80, None, 1),
    "حمص": Location("Homs", "حمص", "SY", "Homs", "Homs", 34.73, 36.71, None, 1),
    "تعز": Location("Taizz", "تعز", "YE", "Taizz", "Taizz", 13.58, 44.02, None, 1),
}
SYR_MIL = Actor("SYR-MIL", "Military Forces of Syria", "الجيش السوري", "state_forces", "SY")
CIVILIANS = Actor("SYR-CIV", "Civilians (Syria)", "مدنيون", "civilians", "SY")
NUMBER = re.compile(r"\d+")
SLOW = 0.0  # seconds per document (the kill test slows the run down to kill it mid-batch)


def fake_extract(doc: Document) -> DocumentResult:
    if SLOW:
        time.sleep(SLOW)
    if "خطأ داخلي" in doc.text:
        raise ValueError("the fake extractor refuses this text")
    start = doc.text.find("غارة")
    if start < 0:
        return DocumentResult(doc, ())
    place = next((PLACES[name] for name in sorted(PLACES, key=doc.text.find) if name in doc.text), None)
    day = None
    if doc.published:
        published = date.fromisoformat(doc.published[:10])
        day = (published - timedelta(days=1) if "أمس" in doc.text else published).isoformat()
    number = NUMBER.search(doc.text)
    end = doc.text.find(".", start)
    end = len(doc.text) if end < 0 else end + 1
    sentence = Span(0, end, doc.text[:end])
    event = Event(
        id="e1", plover=Plover("ASSAULT", "aerial"), evidence=(sentence,),
        acled=Acled("Explosions/Remote violence", "Air/drone strike"),
        date=DateSpan(day, day, "day") if day else None,
        actor1=SYR_MIL if "الجيش السوري" in doc.text else None, actor2=CIVILIANS,
        locations=(place,) if place else (),
        fatalities=Figure(int(number.group()), None, "exact", "civilians") if number else None)
    return DocumentResult(doc, (event,))
