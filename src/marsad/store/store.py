"""The store: documents, events, claims, actors, places and merged incidents in one database.

`open_store(url)` gives a `Store`; `Store.save` writes one document and its extraction result in
one transaction and re-merges the incidents around its events. Reads are in `queries.py`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from marsad.model import Actor, Document, DocumentResult, Event, Figure, Location
from marsad.store import queries
from marsad.store.engine import StoreError, make_engine, migrate, resolve_url
from marsad.store.eventdict import event_dict
from marsad.store.keys import actor_key, content_hash, document_key, event_key, place_key
from marsad.store.merge import Member, MergeItem, MergePlace, merge_window
from marsad.store.neighbourhood import remerge
from marsad.store.schema import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    EventActorRow,
    EventPlaceRow,
    EventRow,
    IncidentActorRow,
    IncidentRow,
    IngestFailureRow,
    PlaceRow,
    TokenRow,
    fit,
)
from marsad.store.types import (
    ActorRecord,
    Incident,
    IncidentFilter,
    IncidentPage,
    IncidentSummary,
    SaveOutcome,
    StoredDocument,
)

D, E = DocumentRow.__table__, EventRow.__table__
MAX_SOURCE = 1000  # ingest_failures.source is VARCHAR(1000); longer URLs are cut (consistently)
# Hot statements built once (bound parameters), so each call skips expression construction.
_HAS_DOCUMENT = select(D.c.id).where(D.c.id == bindparam("doc_id"))
_FIND_ORIGINAL = (select(D.c.id).where(D.c.content_hash == bindparam("chash"), D.c.duplicate_of.is_(None))
                  .order_by(D.c.id).limit(1))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unpack(item: Any) -> tuple[Document, str | None, str | None, str | None]:
    """(document, source, encoding, language) of an IngestedDocument or a bare Document."""
    if isinstance(item, Document):
        return item, item.url or item.id, None, item.language
    doc = item.document
    return doc, getattr(item, "source", None) or doc.url or doc.id, getattr(item, "encoding", None), \
        getattr(item, "language", None) or doc.language


def _key(doc: Document, source: str | None) -> tuple[str, str]:
    """(document id, content hash): the id is stable across runs, paths and machines."""
    chash = content_hash(doc.text)
    return document_key(doc.id or doc.url or source, doc.outlet, chash), chash


def _cut(value: str | None, n: int) -> str | None:
    """Values longer than their column (PostgreSQL enforces VARCHAR lengths) are cut, not refused."""
    return value[:n] if isinstance(value, str) else value


def _fig(prefix: str, f: Figure | None) -> dict[str, Any]:
    return {f"{prefix}_min": f.min if f else None, f"{prefix}_max": f.max if f else None}


def _actor_row(a: Actor) -> dict[str, Any]:
    return {"id": actor_key(a), "name": _cut(a.name, 300), "name_ar": _cut(a.name_ar, 300),
            "type": _cut(a.type, 40), "country": _cut(a.country, 8), "derived": a.id is None}


def _place_row(loc: Location) -> dict[str, Any]:
    return {"id": place_key(loc), "name": _cut(loc.name, 300), "name_ar": _cut(loc.name_ar, 300),
            "country": _cut(loc.country, 8), "admin1": _cut(loc.admin1, 200), "admin2": _cut(loc.admin2, 200),
            "lat": loc.lat, "lon": loc.lon,
            "geonames_id": loc.geonames_id, "precision": loc.precision}


class Store:
    """A marsad database. Thread-compatible (one writer); open with `open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing --------------------------------------------------------------------------

    def _insert_ignore(self, conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            dialect = postgresql if self.dialect == "postgresql" else sqlite
            conn.execute(dialect.insert(table).on_conflict_do_nothing(), fit(table, rows))

    def document_id(self, item: Any) -> str:
        """The id `save` gives this IngestedDocument or Document (stable across runs)."""
        doc, source, _, _ = _unpack(item)
        return _key(doc, source)[0]

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(_HAS_DOCUMENT, {"doc_id": document_id}).first() is not None

    def find_original(self, text: str) -> str | None:
        """The id of a stored original whose text is exactly `text`, if any."""
        with self.engine.connect() as conn:
            return self._find_original(conn, content_hash(text))

    @staticmethod
    def _find_original(conn: Connection, chash: str) -> str | None:
        return conn.execute(_FIND_ORIGINAL, {"chash": chash}).scalar()

    def iter_original_texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) of every stored original, to seed a near-duplicate index."""
        with self.engine.connect() as conn:
            for row in conn.execute(select(D.c.id, D.c.text).where(D.c.duplicate_of.is_(None))
                                    .order_by(D.c.id)):
                yield row[0], row[1]

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(id, MinHash signature) of every stored original that has one (see `save`)."""
        with self.engine.connect() as conn:
            for row in conn.execute(select(D.c.id, D.c.minhash).where(D.c.duplicate_of.is_(None),
                                                                      D.c.minhash.is_not(None))
                                    .order_by(D.c.id)):
                yield row[0], row[1]

    def save(self, item: Any, result: DocumentResult | None = None, *, duplicate_of: str | None = None,
             duplicate_kind: str = "near", signature: bytes | None = None) -> SaveOutcome:
        """Store a document and its events in one transaction, then re-merge incidents around them.

        item: an `IngestedDocument` (document, source, encoding, content_hash, language) or a
        `Document`. result: its extraction (None: stored unextracted, e.g. not Arabic).
        duplicate_of: the id of an original it copies (from a near-duplicate index); an exact copy
        of a stored original's text is found here. A copy is stored and linked, never extracted:
        its outlet becomes a source of the original's incidents. Saving a document already stored
        changes nothing (status "exists"). signature: the document's MinHash signature, kept so a
        near-duplicate index can be rebuilt (`iter_signatures`).
        """
        doc, source, encoding, language = _unpack(item)
        key, chash = _key(doc, source)
        try:
            with self.engine.begin() as conn:
                if conn.execute(_HAS_DOCUMENT, {"doc_id": key}).first() is not None:
                    return SaveOutcome(key, "exists")
                kind = duplicate_kind if duplicate_of else None
                if duplicate_of is None:
                    duplicate_of = self._find_original(conn, chash)
                    kind = "exact" if duplicate_of else None
                else:
                    duplicate_of = self._root(conn, duplicate_of)
                    if conn.execute(select(D.c.content_hash).where(D.c.id == duplicate_of)).scalar() == chash:
                        kind = "exact"
                extracted = result is not None and duplicate_of is None
                conn.execute(insert(D), fit(D, [{
                    "id": key, "external_id": _cut(doc.id, 500), "content_hash": chash, "source": source,
                    "url": doc.url, "outlet": _cut(doc.outlet, 300), "title": doc.title,
                    "published": _cut(doc.published, 40), "language": _cut(language, 16),
                    "encoding": _cut(encoding, 40), "text": doc.text, "extracted": extracted,
                    "duplicate_of": duplicate_of, "duplicate_kind": kind,
                    "schema_version": result.schema if extracted and result else None,
                    "minhash": signature,
                    "ingested_at": _now(),
                }]))
                if duplicate_of is not None:
                    seeds = list(conn.execute(select(E.c.key).where(E.c.document_id == duplicate_of)).scalars())
                    incidents = remerge(conn, seeds)
                    return SaveOutcome(key, "duplicate", duplicate_of, 0, incidents)
                if result is None:
                    return SaveOutcome(key, "unextracted")
                fresh = self._insert_events(conn, key, doc, result.events)
                incidents = remerge(conn, list(fresh), fresh)
                return SaveOutcome(key, "stored", None, len(fresh), incidents)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {source or key!r} in {self.url}: "
                             f"{str(exc).splitlines()[0]}") from exc

    @staticmethod
    def _root(conn: Connection, doc_id: str) -> str:
        """Follow copy links to the original, so every copy points at an original."""
        seen = {doc_id}
        while True:
            row = conn.execute(select(D.c.duplicate_of).where(D.c.id == doc_id)).first()
            if row is None:
                raise StoreError(f"duplicate_of={doc_id!r} names no stored document; save the original first")
            if row[0] is None or row[0] in seen:
                return doc_id
            doc_id = row[0]
            seen.add(doc_id)

    def _insert_events(self, conn: Connection, doc_id: str, doc: Document,
                       events: Sequence[Event]) -> dict[str, tuple[MergeItem, Member]]:
        """Insert the events with their actors, places and claims; returns what merging needs."""
        actors: dict[str, dict] = {}
        places: dict[str, dict] = {}
        ev_rows, role_rows, place_rows, claim_rows = [], [], [], []
        fresh: dict[str, tuple[MergeItem, Member]] = {}
        for pos, ev in enumerate(events):
            local = ev.id if len(ev.id) <= 100 else f"h{content_hash(ev.id)[:40]}"
            local = local if event_key(doc_id, local) not in fresh else f"{local}#{pos}"
            k = event_key(doc_id, local)
            start, end = merge_window(ev)
            spots = tuple(MergePlace(loc.country, loc.admin2, loc.lat, loc.lon) for loc in ev.locations
                           if loc.country is not None or loc.admin2 is not None or loc.lat is not None)
            fresh[k] = (MergeItem(k, doc_id, ev.plover.type, start, end,
                                  actor_key(ev.actor1) if ev.actor1 else None,
                                  actor_key(ev.actor2) if ev.actor2 else None, spots),
                        Member(k, doc_id, doc.outlet, doc.url, ev))
            as_dict = event_dict(ev)
            d = ev.date
            ev_rows.append({
                "key": k, "document_id": doc_id, "local_id": local, "position": pos,
                "plover_type": ev.plover.type, "plover_mode": ev.plover.mode,
                "acled_event_type": ev.acled.event_type if ev.acled else None,
                "acled_sub_event_type": ev.acled.sub_event_type if ev.acled else None,
                "date_start": d.start[:10] if d and d.start else None,
                "date_end": (d.end or d.start)[:10] if d and (d.end or d.start) else None,
                "date_precision": d.precision if d else None, "merge_start": start, "merge_end": end,
                "country": next((loc.country for loc in ev.locations if loc.country), None),
                "actor1_id": actor_key(ev.actor1) if ev.actor1 else None,
                "actor2_id": actor_key(ev.actor2) if ev.actor2 else None,
                "modality": ev.modality, "contested": ev.contested,
                **_fig("fatalities", ev.fatalities), **_fig("injured", ev.injured),
                "confidence": ev.confidence, "incident_id": None, "data": as_dict,
            })
            for role, group in (("actor1", (ev.actor1,)), ("assoc_actor1", ev.assoc_actor1),
                                ("actor2", (ev.actor2,)), ("assoc_actor2", ev.assoc_actor2)):
                for i, a in enumerate(x for x in group if x is not None):
                    actors.setdefault(actor_key(a), _actor_row(a))
                    role_rows.append({"event_key": k, "role": role, "position": i, "actor_id": actor_key(a),
                                      "mention_start": a.mention.start if a.mention else None,
                                      "mention_end": a.mention.end if a.mention else None})
            for i, loc in enumerate(ev.locations):
                places.setdefault(place_key(loc), _place_row(loc))
                place_rows.append({"event_key": k, "position": i, "place_id": place_key(loc),
                                   "mention_start": loc.mention.start if loc.mention else None,
                                   "mention_end": loc.mention.end if loc.mention else None})
            for i, c in enumerate(ev.claims):
                if c.source is not None:
                    actors.setdefault(actor_key(c.source), _actor_row(c.source))
                claim_rows.append({
                    "event_key": k, "position": i,
                    "source_actor_id": actor_key(c.source) if c.source else None, "verb": c.verb,
                    "evidence_start": c.evidence.start if c.evidence else None,
                    "evidence_end": c.evidence.end if c.evidence else None,
                    "evidence_text": c.evidence.text if c.evidence else None,
                    **_fig("fatalities", c.fatalities), **_fig("injured", c.injured),
                    "fatalities_qualifier": c.fatalities.qualifier if c.fatalities else None,
                    "injured_qualifier": c.injured.qualifier if c.injured else None,
                    "data": as_dict["claims"][i],
                })
        self._insert_ignore(conn, ActorRow.__table__, list(actors.values()))
        self._insert_ignore(conn, PlaceRow.__table__, list(places.values()))
        for table, rows in ((E, ev_rows), (EventActorRow.__table__, role_rows),
                            (EventPlaceRow.__table__, place_rows), (ClaimRow.__table__, claim_rows)):
            if rows:
                conn.execute(insert(table), fit(table, rows))
        return fresh

    def delete_document(self, document_id: str) -> bool:
        """Remove a document with its events and claims and re-merge the incidents they were in.

        Its copies stay, unlinked (they become unextracted originals); deleting a copy removes its
        outlet from the original's incidents. False when no such document.
        """
        with self.engine.begin() as conn:
            row = conn.execute(select(D.c.id, D.c.duplicate_of).where(D.c.id == document_id)).first()
            if row is None:
                return False
            if row.duplicate_of is not None:
                conn.execute(delete(D).where(D.c.id == document_id))
                remerge(conn, list(conn.execute(select(E.c.key).where(E.c.document_id == row.duplicate_of))
                                   .scalars()))
                return True
            own = set(conn.execute(select(E.c.key).where(E.c.document_id == document_id)).scalars())
            incidents = set(conn.execute(select(E.c.incident_id).where(E.c.document_id == document_id))
                            .scalars()) - {None}
            neighbours = set(conn.execute(select(E.c.key).where(E.c.incident_id.in_(incidents))).scalars()) - own
            conn.execute(delete(IncidentActorRow.__table__).where(
                IncidentActorRow.__table__.c.incident_id.in_(incidents)))
            conn.execute(delete(IncidentRow.__table__).where(IncidentRow.__table__.c.id.in_(incidents)))
            conn.execute(update(D).where(D.c.duplicate_of == document_id)
                         .values(duplicate_of=None, duplicate_kind=None))
            for table in (ClaimRow.__table__, EventActorRow.__table__, EventPlaceRow.__table__):
                conn.execute(delete(table).where(table.c.event_key.in_(own)))
            conn.execute(delete(E).where(E.c.document_id == document_id))
            conn.execute(delete(D).where(D.c.id == document_id))
            remerge(conn, sorted(neighbours))
        return True

    # ---- failures and tokens ----------------------------------------------------------------

    def record_failure(self, source: str, reason: str) -> None:
        """Remember that `source` failed and why (one row per source: a rerun updates it)."""
        t = IngestFailureRow.__table__
        source = source[:MAX_SOURCE]
        with self.engine.begin() as conn:
            conn.execute(delete(t).where(t.c.source == source))
            conn.execute(insert(t), [{"source": source, "reason": reason, "failed_at": _now()}])

    def clear_failure(self, source: str) -> None:
        t = IngestFailureRow.__table__
        source = source[:MAX_SOURCE]
        with self.engine.begin() as conn:
            conn.execute(delete(t).where(t.c.source == source))

    def list_failures(self) -> list[tuple[str, str]]:
        t = IngestFailureRow.__table__
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(t.c.source, t.c.reason).order_by(t.c.source))]

    def create_token(self, name: str) -> str:
        """A new API token for `name`; returned once, only its SHA-256 is stored."""
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(insert(TokenRow.__table__), [{"token_hash": hashlib.sha256(token.encode()).hexdigest(),
                                                       "name": name, "created_at": _now()}])
        return token

    def verify_token(self, token: str) -> bool:
        digest = hashlib.sha256(token.encode()).hexdigest()
        t = TokenRow.__table__
        with self.engine.connect() as conn:
            found = conn.execute(select(t.c.token_hash).where(t.c.token_hash == digest)).scalar()
        return found is not None and hmac.compare_digest(found, digest)

    # ---- reading (see queries.py) -----------------------------------------------------------

    def query_incidents(self, f: IncidentFilter | None = None, limit: int = 100,
                        cursor: str | None = None) -> IncidentPage:
        with self.engine.connect() as conn:
            return queries.query_incidents(conn, f or IncidentFilter(), limit, cursor)

    def query_incident_rows(self, f: IncidentFilter | None = None, limit: int = 100,
                            cursor: str | None = None) -> tuple[list[Any], str | None]:
        """`query_incidents` as rows and the next cursor (see queries.query_incident_rows)."""
        with self.engine.connect() as conn:
            return queries.query_incident_rows(conn, f or IncidentFilter(), limit, cursor)

    def iter_incidents(self, f: IncidentFilter | None = None, *, with_claims: bool = False,
                       batch: int = 1000) -> Iterator[IncidentSummary]:
        """Every incident matching `f`, in (date desc, id) order; full `Incident`s with claims if asked."""
        cursor = None
        while True:
            page = self.query_incidents(f, batch, cursor)
            if with_claims:
                with self.engine.connect() as conn:
                    yield from queries.get_incidents(conn, [i.id for i in page.items])
            else:
                yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def get_incident(self, incident_id: str) -> Incident | None:
        with self.engine.connect() as conn:
            found = queries.get_incidents(conn, [incident_id])
        return found[0] if found else None

    def get_document(self, document_id: str) -> StoredDocument | None:
        with self.engine.connect() as conn:
            return queries.get_document(conn, document_id)

    def count_incidents(self, f: IncidentFilter | None = None) -> int:
        with self.engine.connect() as conn:
            return queries.count_incidents(conn, f or IncidentFilter())

    def daily_counts(self, f: IncidentFilter | None = None) -> list[tuple[Any, str, int]]:
        with self.engine.connect() as conn:
            return queries.daily_counts(conn, f or IncidentFilter())

    def list_actors(self, q: str | None = None, limit: int = 100) -> list[ActorRecord]:
        with self.engine.connect() as conn:
            return queries.list_actors(conn, q, limit)

    def counts(self) -> dict[str, int]:
        """Rows per table (for summaries and tests)."""
        from marsad.store.schema import Base

        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for name, t in sorted(Base.metadata.tables.items())}


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating to the newest schema) the database at `url`.

    url: a file path or sqlite:/// URL, or a postgresql:// (postgresql+psycopg://) URL; default the
    `MARSAD_DB` environment variable, else ./marsad.db.
    """
    engine = make_engine(resolve_url(url))
    migrate(engine)
    return Store(engine)
