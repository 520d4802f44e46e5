"""Pydantic response models of the REST API: the codebook's shapes (schema marsad.document/1).

An incident is the codebook's event after cross-article merging: the same fields, and each claim
also names the document, outlet and URL it came from. Unknown keys coming from the store are
ignored, so the API only ever shows what is declared here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", from_attributes=True)


class SpanOut(_Model):
    """Offsets into document.text, end exclusive; text == document.text[start:end]."""

    start: int
    end: int
    text: str


class ActorOut(_Model):
    id: str | None = None
    name: str | None = None
    name_ar: str | None = None
    type: str | None = Field(None, description="state_forces, rebel_group, … civilians, … (codebook §2)")
    country: str | None = None
    mention: SpanOut | None = None


class LocationOut(_Model):
    name: str | None = None
    name_ar: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int | None = Field(None, description="1 town, 2 near/part of district, 3 governorate, 4 country")
    mention: SpanOut | None = None


class DateOut(_Model):
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"
    evidence: SpanOut | None = None


class FigureOut(_Model):
    min: int | None = None
    max: int | None = None
    qualifier: str = "exact"
    group: str = "unknown"
    children: int | None = None
    evidence: SpanOut | None = None


class PloverOut(_Model):
    type: str
    mode: str | None = None


class AcledOut(_Model):
    event_type: str
    sub_event_type: str | None = None


class ClaimOut(_Model):
    """One source's claim; in an incident it also carries the document it was read from."""

    source: ActorOut | None = None
    verb: str | None = None
    evidence: SpanOut | None = None
    fatalities: FigureOut | None = None
    injured: FigureOut | None = None
    document_id: str | None = None
    event_key: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


class EventOut(_Model):
    """One event of one document (codebook §3)."""

    id: str
    plover: PloverOut
    acled: AcledOut | None = None
    date: DateOut | None = None
    actor1: ActorOut | None = None
    assoc_actor1: list[ActorOut] = []
    actor2: ActorOut | None = None
    assoc_actor2: list[ActorOut] = []
    locations: list[LocationOut] = []
    fatalities: FigureOut | None = None
    injured: FigureOut | None = None
    claims: list[ClaimOut] = []
    modality: str = "asserted"
    contested: bool = False
    evidence: list[SpanOut] = []
    confidence: float | None = None


class IncidentSummaryOut(_Model):
    """A merged incident as listed: the codebook's event fields, merged over every report of it.

    `fatalities` is the lowest figure any claim gives for the same people (ACLED's conservative
    rule); `contested` is true when the claims disagree.
    """

    id: str
    plover: PloverOut
    acled: AcledOut | None = None
    date: DateOut | None = None
    actor1: ActorOut | None = None
    actor2: ActorOut | None = None
    assoc_actors: list[ActorOut] = []
    locations: list[LocationOut] = []
    fatalities: FigureOut | None = None
    injured: FigureOut | None = None
    contested: bool = False
    modality: str = "asserted"
    n_events: int | None = Field(None, description="events (from any document) merged into this incident")
    n_documents: int | None = None
    n_sources: int | None = None
    notes: str | None = None


class MemberEventOut(_Model):
    document_id: str
    event: EventOut


class IncidentOut(IncidentSummaryOut):
    """One incident with everything behind it: each source's claim and figures, the document it
    was read from, the member events with all their evidence spans."""

    claims: list[ClaimOut] = []
    events: list[MemberEventOut] = []
    sources: list[str] = Field([], description="outlets (or URLs) that reported it")
    documents: list[str] = Field([], description="ids of the documents that reported it")


class IncidentPage(_Model):
    items: list[IncidentSummaryOut]
    next_cursor: str | None = Field(None, description="pass as ?cursor= to get the next page; null at the end")


class DocumentMeta(_Model):
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = "ar"
    text: str


class DocumentOut(_Model):
    """A stored document with its events: the codebook's marsad.document/1 result."""

    model_config = ConfigDict(extra="ignore", from_attributes=True, populate_by_name=True)

    schema_: str = Field("marsad.document/1", alias="schema")
    document: DocumentMeta
    events: list[EventOut] = []
    incident_ids: list[str | None] = Field([], description="the incident of each event, in the same order")


class ActorListOut(_Model):
    items: list[ActorOut]


class DailyCount(_Model):
    date: str
    total: int
    by_type: dict[str, int] = Field(default_factory=dict, description="PLOVER type -> incidents that day")


class DailyCountsOut(_Model):
    days: list[DailyCount]


class DocumentIn(_Model):
    """POST /api/documents: an article to extract and store (text required), or a ready result
    (`{"schema": "marsad.document/1", "document": …, "events": […]}`) to store as given."""

    model_config = ConfigDict(extra="allow")

    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = "ar"


class SavedOut(_Model):
    document_id: str
    events: int
    status: str | None = Field(None, description="stored, unextracted, duplicate or exists")
    incident_ids: list[str] = []


class GeoJSONFeatureCollection(_Model):
    model_config = ConfigDict(extra="allow")

    type: str = "FeatureCollection"
    features: list[dict[str, Any]]
    next_cursor: str | None = None
