"""Hand-built documents and results for the store tests (texts the project wrote itself)."""

from __future__ import annotations

from marsad.model import (
    Acled,
    Actor,
    Claim,
    DateSpan,
    Document,
    DocumentResult,
    Event,
    Figure,
    Location,
    Plover,
    Span,
)

SYR_MIL = Actor("SYR-MIL", "Military Forces of Syria", "الجيش السوري", "state_forces", "SY")
HTS = Actor("HTS", "Hayat Tahrir al-Sham", "هيئة تحرير الشام", "rebel_group", "SY")
RUS_MIL = Actor("RUS-MIL", "Military Forces of Russia", "القوات الروسية", "external_force", "RU")
CIV_SY = Actor("SYR-CIV", "Civilians (Syria)", "مدنيون", "civilians", "SY")
SOHR = Actor("SOHR", "Syrian Observatory for Human Rights", "المرصد السوري لحقوق الإنسان", "organization", "SY")
WHITE_HELMETS = Actor("SCD", "Syria Civil Defence", "الدفاع المدني السوري", "organization", "SY")
IRQ_MIL = Actor("IRQ-MIL", "Military Forces of Iraq", "الجيش العراقي", "state_forces", "IQ")
ISIS = Actor("ISIS", "Islamic State", "تنظيم الدولة", "rebel_group", None)

IDLIB = Location("Idlib", "إدلب", "SY", "Idlib", "Idlib", 35.93, 36.63, None, 1)
SARAQIB = Location("Saraqib", "سراقب", "SY", "Idlib", "Idlib", 35.86, 36.80, None, 1)  # ~17 km from Idlib
JISR = Location("Jisr al-Shughur", "جسر الشغور", "SY", "Idlib", "Jisr al-Shughur", 35.81, 36.32, None, 1)
HAMA = Location("Hama", "حماة", "SY", "Hama", "Hama", 35.13, 36.75, None, 1)
MOSUL = Location("Mosul", "الموصل", "IQ", "Nineveh", "Mosul", 36.34, 43.13, None, 1)

AERIAL = (Plover("ASSAULT", "aerial"), Acled("Explosions/Remote violence", "Air/drone strike"))


def article(doc_id: str, text: str, published: str = "2024-12-02", outlet: str | None = "وكالة الشرق",
            url: str | None = None) -> Document:
    return Document(doc_id, text, published, url or f"https://news.example/{doc_id}", outlet, None, "ar")


def strike(doc: Document, *, eid: str = "e1", day: str | None = "2024-12-01", place: Location = IDLIB,
           killed: int | None = 5, source: Actor | None = None, actor1: Actor | None = SYR_MIL,
           actor2: Actor | None = CIV_SY, plover: tuple = AERIAL, modality: str = "asserted",
           injured: int | None = None) -> Event:
    """An event read from the whole text of `doc`, with optional claim by `source`."""
    whole = Span(0, len(doc.text), doc.text)
    fig = Figure(killed, None, "at_least", "civilians") if killed is not None else None
    inj = Figure(injured) if injured is not None else None
    claims = (Claim(source, "قال", whole, fig, inj),) if source else ()
    return Event(
        id=eid, plover=plover[0], acled=plover[1], evidence=(whole,), modality=modality,
        date=DateSpan(day, day, "day") if day else None, actor1=actor1, actor2=actor2,
        assoc_actor1=(RUS_MIL,) if actor1 is SYR_MIL else (), locations=(place,), fatalities=fig,
        injured=inj, claims=claims, confidence=0.9)


def result(doc: Document, *events: Event) -> DocumentResult:
    return DocumentResult(doc, tuple(events))


def strike_report(doc_id: str, text: str, **kw) -> DocumentResult:
    """One document reporting one air strike (keyword arguments go to `strike`)."""
    doc_kw = {k: kw.pop(k) for k in ("published", "outlet", "url") if k in kw}
    doc = article(doc_id, text, **doc_kw)
    return result(doc, strike(doc, **kw))
