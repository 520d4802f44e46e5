"""The data model of marsad: schema "marsad.document/1" (see docs/codebook.md).

Frozen, slotted dataclasses; `to_dict` gives the JSON shape of the codebook and
`document_result_from_dict` reads it back. Nothing else lives here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "marsad.document/1"

PLOVER_TYPES = (
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
    "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)
ACTOR_TYPES = (
    "state_forces", "rebel_group", "political_militia", "identity_militia", "protesters", "rioters",
    "civilians", "external_force", "government", "organization", "media", "person", "other",
)
MODALITIES = ("asserted", "denied", "expected", "hypothetical")
QUALIFIERS = ("exact", "at_least", "about", "more_than", "up_to")
DATE_PRECISIONS = ("day", "range", "month", "year", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets into document.text, end exclusive; text == document.text[start:end]."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    id: str | None
    name: str | None
    name_ar: str | None
    type: str | None
    country: str | None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Location:
    name: str | None
    name_ar: str | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int | None = None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: str | None
    end: str | None
    precision: str
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of people (killed or injured) as reported."""

    min: int | None
    max: int | None = None
    qualifier: str = "exact"
    group: str = "unknown"
    children: int | None = None
    evidence: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    source: Actor | None
    verb: str | None
    evidence: Span | None
    fatalities: Figure | None = None
    injured: Figure | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Acled:
    event_type: str
    sub_event_type: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    plover: Plover
    evidence: tuple[Span, ...]
    modality: str = "asserted"
    acled: Acled | None = None
    date: DateSpan | None = None
    actor1: Actor | None = None
    assoc_actor1: tuple[Actor, ...] = ()
    actor2: Actor | None = None
    assoc_actor2: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    fatalities: Figure | None = None
    injured: Figure | None = None
    claims: tuple[Claim, ...] = ()
    contested: bool = False
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Document:
    id: str | None
    text: str
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str | None = "ar"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    document: Document
    events: tuple[Event, ...] = field(default_factory=tuple)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The codebook's JSON shape, keys in the codebook's order."""
        doc = asdict(self.document)
        document = {k: doc[k] for k in ("id", "url", "outlet", "title", "published", "language", "text")}
        return {"schema": self.schema, "document": document, "events": [event_to_dict(e) for e in self.events]}


_EVENT_KEYS = (
    "id", "plover", "acled", "date", "actor1", "assoc_actor1", "actor2", "assoc_actor2", "locations",
    "fatalities", "injured", "claims", "modality", "contested", "evidence", "confidence",
)


def _lists(value: Any) -> Any:
    """Tuples become lists, so the dict is plain JSON data (what the schema and json expect)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def event_to_dict(event: Event) -> dict[str, Any]:
    raw = _lists(asdict(event))
    return {k: raw[k] for k in _EVENT_KEYS}


def _span(d: dict | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def _actor(d: dict | None) -> Actor | None:
    if not d:
        return None
    return Actor(d.get("id"), d.get("name"), d.get("name_ar"), d.get("type"), d.get("country"),
                 _span(d.get("mention")))


def _figure(d: dict | None) -> Figure | None:
    if not d:
        return None
    return Figure(d.get("min"), d.get("max"), d.get("qualifier") or "exact", d.get("group") or "unknown",
                  d.get("children"), _span(d.get("evidence")))


def _location(d: dict) -> Location:
    return Location(d.get("name"), d.get("name_ar"), d.get("country"), d.get("admin1"), d.get("admin2"),
                    d.get("lat"), d.get("lon"), d.get("geonames_id"), d.get("precision"), _span(d.get("mention")))


def event_from_dict(d: dict[str, Any]) -> Event:
    date = d.get("date")
    acled = d.get("acled")
    return Event(
        id=d["id"],
        plover=Plover(d["plover"]["type"], d["plover"].get("mode")),
        evidence=tuple(_span(s) for s in d["evidence"]),
        modality=d.get("modality") or "asserted",
        acled=Acled(acled["event_type"], acled.get("sub_event_type")) if acled else None,
        date=DateSpan(date.get("start"), date.get("end"), date.get("precision") or "unknown",
                      _span(date.get("evidence"))) if date else None,
        actor1=_actor(d.get("actor1")),
        assoc_actor1=tuple(_actor(a) for a in d.get("assoc_actor1") or []),
        actor2=_actor(d.get("actor2")),
        assoc_actor2=tuple(_actor(a) for a in d.get("assoc_actor2") or []),
        locations=tuple(_location(x) for x in d.get("locations") or []),
        fatalities=_figure(d.get("fatalities")),
        injured=_figure(d.get("injured")),
        claims=tuple(
            Claim(_actor(c.get("source")), c.get("verb"), _span(c.get("evidence")), _figure(c.get("fatalities")),
                  _figure(c.get("injured")))
            for c in d.get("claims") or []
        ),
        contested=bool(d.get("contested")),
        confidence=d.get("confidence"),
    )


def document_result_from_dict(d: dict[str, Any]) -> DocumentResult:
    doc = d["document"]
    document = Document(doc.get("id"), doc["text"], doc.get("published"), doc.get("url"), doc.get("outlet"),
                        doc.get("title"), doc.get("language"))
    return DocumentResult(document, tuple(event_from_dict(e) for e in d.get("events") or []),
                          d.get("schema", SCHEMA))
