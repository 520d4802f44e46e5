"""The typed, frozen values the store API takes and returns (no ORM objects leave the store)."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model import Event, Span


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What `query_incidents`, `daily_counts` and the exports select; None means no condition.

    `since`/`until` are ISO dates (inclusive) matched against the incident's date range; `bbox` is
    (min_lon, min_lat, max_lon, max_lat); `text` matches names, places and notes after Arabic
    normalisation; `contested` True/False selects contested/uncontested incidents.
    """

    country: str | None = None
    since: str | None = None
    until: str | None = None
    plover_type: str | None = None
    acled_event_type: str | None = None
    actor_id: str | None = None
    admin1: str | None = None
    contested: bool | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: str
    name: str | None
    name_ar: str | None
    type: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Figures:
    """A figure as one source gave it: `min`, optional `max`, and its qualifier."""

    min: int | None
    max: int | None
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class IncidentClaim:
    """One source's claim about an incident, with where it was read.

    `source` is None when the outlet speaks in its own voice (an event with no attributed claim);
    `evidence` is a span into the text of document `document_id`.
    """

    source: ActorRecord | None
    verb: str | None
    fatalities: Figures | None
    injured: Figures | None
    document_id: str
    event_key: str
    outlet: str | None
    url: str | None
    published: str | None
    evidence: Span | None


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """One merged incident, as listed by `query_incidents` (no claims loaded)."""

    id: str
    plover_type: str
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    place_name: str | None
    place_name_ar: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    actor1: ActorRecord | None
    actor2: ActorRecord | None
    fatalities: int | None
    fatalities_max: int | None
    injured: int | None
    injured_max: int | None
    contested: bool
    modality: str
    n_events: int
    n_documents: int
    n_sources: int
    notes: str | None


@dataclass(frozen=True, slots=True)
class Incident(IncidentSummary):
    """An incident with everything behind it: every claim, every member event, every outlet.

    `sources` are the outlets (or URLs when no outlet is known) of the member documents and of
    their republished copies; `documents` the ids of the member documents and copies.
    """

    claims: tuple[IncidentClaim, ...] = ()
    events: tuple[tuple[str, Event], ...] = ()  # (document id, event with all spans)
    sources: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    assoc_actors: tuple[ActorRecord, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class IncidentPage:
    items: tuple[IncidentSummary, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document: text, metadata and its events with every span (empty when not extracted)."""

    id: str
    external_id: str | None
    content_hash: str
    source: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    encoding: str | None
    text: str
    extracted: bool
    duplicate_of: str | None
    duplicate_kind: str | None
    copies: tuple[str, ...]
    events: tuple[Event, ...]
    incident_ids: tuple[str | None, ...]  # the incident of each event, in the same order


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What `Store.save` did.

    status: "stored" (new, extracted), "unextracted" (new, stored without events: not Arabic or no
    result), "duplicate" (new copy of `duplicate_of`, no events), "exists" (already stored: nothing
    changed).
    """

    document_id: str
    status: str
    duplicate_of: str | None = None
    events: int = 0
    incident_ids: tuple[str, ...] = ()
