"""The store's tables (SQLAlchemy 2 declarative models), identical on SQLite and PostgreSQL.

Keys are deterministic strings derived from content (document key, `<doc>:<event id>` event keys,
incident ids hashed from their sorted member keys), never sequences: a run killed mid-batch and run
again leaves exactly the rows an uninterrupted run leaves. Dates are ISO strings (`YYYY-MM-DD`),
which compare correctly as text on both back ends. Evidence spans are kept: every event's full
codebook JSON (all spans) is in `events.data`, and the query columns repeat what filters need.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """One ingested document; copies point at their original with `duplicate_of`."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(500))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    # False for non-Arabic documents and for copies: stored, never extracted.
    extracted: Mapped[bool] = mapped_column(Boolean, default=False)
    duplicate_of: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    duplicate_kind: Mapped[str | None] = mapped_column(String(16))  # "exact" | "near"
    schema_version: Mapped[str | None] = mapped_column(String(40))
    # MinHash signature (marsad.ingest.NearDuplicateIndex.signature) to rebuild the index on restart.
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    ingested_at: Mapped[str | None] = mapped_column(String(40))


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    name_ar: Mapped[str | None] = mapped_column(String(300))
    type: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(8))
    # True when the extractor gave no id and the store derived one from the names.
    derived: Mapped[bool] = mapped_column(Boolean, default=False)


class PlaceRow(Base):
    __tablename__ = "places"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    name_ar: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    precision: Mapped[int | None] = mapped_column(Integer)


class IncidentRow(Base):
    """One real-world incident: the merge of events from one or more documents."""

    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    plover_type: Mapped[str] = mapped_column(String(20))
    plover_mode: Mapped[str | None] = mapped_column(String(40))
    acled_event_type: Mapped[str | None] = mapped_column(String(80))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(120))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    # date_start, or "" when undated: a non-null key for (date desc, id) keyset pagination.
    sort_date: Mapped[str] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    place_id: Mapped[str | None] = mapped_column(String(120))
    place_name: Mapped[str | None] = mapped_column(String(300))
    place_name_ar: Mapped[str | None] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    actor1_id: Mapped[str | None] = mapped_column(String(120))
    actor2_id: Mapped[str | None] = mapped_column(String(120))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    fatalities_max: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    contested: Mapped[bool] = mapped_column(Boolean, default=False)
    modality: Mapped[str] = mapped_column(String(20), default="asserted")
    n_events: Mapped[int] = mapped_column(Integer)
    n_documents: Mapped[int] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    search: Mapped[str | None] = mapped_column(Text)  # normalised names and notes for `text` filters

    __table_args__ = (
        Index("ix_incidents_sort", "sort_date", "id"),
        Index("ix_incidents_country_sort", "country", "sort_date"),
        Index("ix_incidents_type_sort", "plover_type", "sort_date"),
        Index("ix_incidents_admin1_sort", "admin1", "sort_date"),
        Index("ix_incidents_contested_sort", "contested", "sort_date"),
    )


class IncidentActorRow(Base):
    """Every actor of every member event (any role), for the `actor_id` filter."""

    __tablename__ = "incident_actors"
    incident_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[str] = mapped_column(String(120), primary_key=True, index=True)
    # The incident's sort_date, repeated so the actor filter reads (actor_id, sort_date) newest
    # first and stops after one page (a filter on incidents would scan them all).
    sort_date: Mapped[str] = mapped_column(String(10), default="", server_default="")

    __table_args__ = (Index("ix_incident_actors_actor_sort", "actor_id", "sort_date", "incident_id"),)


class EventRow(Base):
    """One event as one document reports it; `data` is its full codebook JSON with every span."""

    __tablename__ = "events"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # "<document id>:<event id>"
    document_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)
    plover_type: Mapped[str] = mapped_column(String(20))
    plover_mode: Mapped[str | None] = mapped_column(String(40))
    acled_event_type: Mapped[str | None] = mapped_column(String(80))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(120))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    # The window used for merging: the event's dates, else a few days before publication.
    merge_start: Mapped[str | None] = mapped_column(String(10))
    merge_end: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(8))
    actor1_id: Mapped[str | None] = mapped_column(String(120))
    actor2_id: Mapped[str | None] = mapped_column(String(120))
    modality: Mapped[str] = mapped_column(String(20))
    contested: Mapped[bool] = mapped_column(Boolean, default=False)
    fatalities_min: Mapped[int | None] = mapped_column(Integer)
    fatalities_max: Mapped[int | None] = mapped_column(Integer)
    injured_min: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)
    incident_id: Mapped[str | None] = mapped_column(String(40), index=True)
    data: Mapped[dict] = mapped_column(JSON)

    __table_args__ = (Index("ix_events_merge", "plover_type", "merge_start", "merge_end"),)


class EventActorRow(Base):
    __tablename__ = "event_actors"
    event_key: Mapped[str] = mapped_column(
        String(200), ForeignKey("events.key", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)  # actor1 assoc_actor1 actor2 assoc_actor2
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[str] = mapped_column(String(120), ForeignKey("actors.id"), index=True)
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)


class EventPlaceRow(Base):
    __tablename__ = "event_places"
    event_key: Mapped[str] = mapped_column(
        String(200), ForeignKey("events.key", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    place_id: Mapped[str] = mapped_column(String(120), ForeignKey("places.id"), index=True)
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)


class ClaimRow(Base):
    """Who says so: one reporting source's claim on one event, with its own figures and span."""

    __tablename__ = "claims"
    event_key: Mapped[str] = mapped_column(
        String(200), ForeignKey("events.key", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_actor_id: Mapped[str | None] = mapped_column(String(120), ForeignKey("actors.id"))
    verb: Mapped[str | None] = mapped_column(String(80))
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)
    fatalities_min: Mapped[int | None] = mapped_column(Integer)
    fatalities_max: Mapped[int | None] = mapped_column(Integer)
    fatalities_qualifier: Mapped[str | None] = mapped_column(String(16))
    injured_min: Mapped[int | None] = mapped_column(Integer)
    injured_max: Mapped[int | None] = mapped_column(Integer)
    injured_qualifier: Mapped[str | None] = mapped_column(String(16))
    data: Mapped[dict] = mapped_column(JSON)


class IngestFailureRow(Base):
    """A source that could not be ingested, keyed by the source so a rerun updates, never doubles."""

    __tablename__ = "ingest_failures"
    source: Mapped[str] = mapped_column(String(1000), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[str | None] = mapped_column(String(40))


class TokenRow(Base):
    """An API token: only its SHA-256 is kept."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[str | None] = mapped_column(String(40))


def _limits(table) -> dict[str, int]:  # noqa: ANN001 - a Table
    return {c.name: c.type.length for c in table.columns
            if isinstance(c.type, String) and c.type.length and not isinstance(c.type, Text)}


def fit(table, rows: list[dict]) -> list[dict]:  # noqa: ANN001 - a Table
    """Rows with strings cut to their column's length: PostgreSQL refuses longer VARCHAR values
    where SQLite takes them, and an over-long outlet name must not fail a document."""
    limits = _LIMITS.get(table.name)
    if limits is None:
        limits = _LIMITS[table.name] = _limits(table)
    for row in rows:
        for name, n in limits.items():
            v = row.get(name)
            if isinstance(v, str) and len(v) > n:
                row[name] = v[:n]
    return rows


_LIMITS: dict[str, dict[str, int]] = {}
