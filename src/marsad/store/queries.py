"""Reading the store: filtered, keyset-paginated incidents, one incident with all its claims,
a document with its events, daily counts and actors. Functions take an open connection."""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select

from marsad.errors import InputError
from marsad.model import Span, event_from_dict
from marsad.store.schema import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    IncidentActorRow,
    IncidentRow,
)
from marsad.store.types import (
    ActorRecord,
    Figures,
    Incident,
    IncidentClaim,
    IncidentFilter,
    IncidentPage,
    IncidentSummary,
    StoredDocument,
)
from marsad.text.normalize import normalize_text

INC, IA, A = IncidentRow.__table__, IncidentActorRow.__table__, ActorRow.__table__
E, C, D, EA = EventRow.__table__, ClaimRow.__table__, DocumentRow.__table__, EventActorRow.__table__
MAX_LIMIT = 10_000


def _where(f: IncidentFilter, *, actor: bool = True) -> list[Any]:
    """SQL conditions for `f` on `incidents`; actor=False leaves the actor to the caller's join."""
    cond: list[Any] = []
    if f.country:
        cond.append(INC.c.country == f.country.upper())
    if f.since:
        cond.append(func.coalesce(INC.c.date_end, INC.c.date_start) >= f.since)
    if f.until:
        # The sort_date bound is implied (sort_date is date_start, or "" when undated) but lets the
        # (…, sort_date) indexes start the newest-first walk at `until` instead of the newest row.
        cond.append(INC.c.date_start <= f.until)
        cond.append(INC.c.sort_date <= f.until)
    if f.plover_type:
        cond.append(INC.c.plover_type == f.plover_type.upper())
    if f.acled_event_type:
        cond.append(INC.c.acled_event_type == f.acled_event_type)
    if f.admin1:
        cond.append(INC.c.admin1 == f.admin1)
    if f.contested is not None:
        cond.append(INC.c.contested.is_(bool(f.contested)))
    if f.min_fatalities is not None:
        cond.append(INC.c.fatalities >= f.min_fatalities)
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        cond.append(and_(INC.c.lon >= min_lon, INC.c.lon <= max_lon, INC.c.lat >= min_lat, INC.c.lat <= max_lat))
    if f.actor_id and actor:
        cond.append(exists().where(IA.c.incident_id == INC.c.id, IA.c.actor_id == f.actor_id))
    if f.text:
        for word in normalize_text(f.text).split():
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            cond.append(INC.c.search.like(f"%{escaped}%", escape="\\"))
    return cond


def encode_cursor(sort_date: str, incident_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_date, incident_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
            return value[0], value[1]
    except (binascii.Error, ValueError, UnicodeDecodeError):
        pass
    raise InputError(f"invalid cursor {cursor!r}: pass the next_cursor of a previous page unchanged")


def _summary_select(by_actor: bool = False) -> Select:
    """The summary columns; by_actor starts from incident_actors (the actor filter's index)."""
    a1, a2 = A.alias("a1"), A.alias("a2")
    base = IA.join(INC, INC.c.id == IA.c.incident_id) if by_actor else INC
    cols = [c for c in INC.c if c.name not in ("search", "sort_date", "place_id", "actor1_id", "actor2_id")]
    return (select(*cols, INC.c.actor1_id.label("a1_id"), a1.c.name.label("a1_name"),
                   a1.c.name_ar.label("a1_name_ar"), a1.c.type.label("a1_type"), a1.c.country.label("a1_country"),
                   INC.c.actor2_id.label("a2_id"), a2.c.name.label("a2_name"), a2.c.name_ar.label("a2_name_ar"),
                   a2.c.type.label("a2_type"), a2.c.country.label("a2_country"), INC.c.sort_date)
            .select_from(base.outerjoin(a1, a1.c.id == INC.c.actor1_id).outerjoin(a2, a2.c.id == INC.c.actor2_id)))


_SUMMARY_FIELDS = [f for f in IncidentSummary.__dataclass_fields__ if f not in ("actor1", "actor2")]
# Built once: constructing the aliased select costs more than running a cached one.
_SUMMARY, _SUMMARY_BY_ACTOR = _summary_select(), _summary_select(by_actor=True)
_COLUMNS = list(_SUMMARY.selected_columns.keys())
SUMMARY_COLUMNS = tuple(_COLUMNS)  # the names of a query_incident_rows row's values, in order
# Positions in a summary row of IncidentSummary's fields (in field order) and of the two actors'
# five columns: rows are read by index, 100-1000 times per page.
_FIELD_AT = [_COLUMNS.index(f) for f in _SUMMARY_FIELDS]
_CONTESTED = _SUMMARY_FIELDS.index("contested")
_ACTORS = list(IncidentSummary.__dataclass_fields__).index("actor1")  # actor1, actor2 go in here
_A1 = [_COLUMNS.index(f"a1_{c}") for c in ("id", "name", "name_ar", "type", "country")]
_A2 = [_COLUMNS.index(f"a2_{c}") for c in ("id", "name", "name_ar", "type", "country")]


_GET_FIELDS = itemgetter(*_FIELD_AT)
_GET_A1, _GET_A2 = itemgetter(*_A1), itemgetter(*_A2)


def _actor_at(row: Any, get: itemgetter, seen: dict[str, ActorRecord]) -> ActorRecord | None:
    values = get(row)
    if values[0] is None:
        return None
    found = seen.get(values[0])
    if found is None:  # a page names few actors many times: one record each
        found = seen[values[0]] = ActorRecord(*values)
    return found


def _summary(row: Any, cls: type = IncidentSummary, seen: dict[str, ActorRecord] | None = None,
             **extra: Any) -> Any:
    seen = {} if seen is None else seen
    values = list(_GET_FIELDS(row))
    values[_CONTESTED] = bool(values[_CONTESTED])
    values[_ACTORS:_ACTORS] = (_actor_at(row, _GET_A1, seen), _actor_at(row, _GET_A2, seen))
    return cls(*values, **extra)


def query_incidents(conn: Connection, f: IncidentFilter, limit: int = 100,
                    cursor: str | None = None) -> IncidentPage:
    """Incidents matching `f`, newest first (date desc, then id), `limit` at a time."""
    rows, nxt = query_incident_rows(conn, f, limit, cursor)
    seen: dict[str, ActorRecord] = {}
    return IncidentPage(tuple(_summary(r, seen=seen) for r in rows), nxt)


def query_incident_rows(conn: Connection, f: IncidentFilter, limit: int = 100,
                        cursor: str | None = None) -> tuple[list[Any], str | None]:
    """The page `query_incidents` gives, as database rows (IncidentSummary's field names, the
    actors as a1_id, a1_name, a1_name_ar, a1_type, a1_country and a2_…) and the next cursor: for
    callers that reshape rows themselves (the API's list, its hot path)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit {limit} out of range: give 1 to {MAX_LIMIT}")
    by_actor = bool(f.actor_id)
    cond = _where(f, actor=not by_actor)
    # With an actor, walk incident_actors by (actor_id, sort_date) newest first: one page read,
    # however many incidents there are. Its sort_date and incident_id equal the incident's.
    key_date, key_id = (IA.c.sort_date, IA.c.incident_id) if by_actor else (INC.c.sort_date, INC.c.id)
    if by_actor:
        cond.append(IA.c.actor_id == f.actor_id)
        if f.until:
            cond.append(IA.c.sort_date <= f.until)
    if cursor:
        c_date, c_id = decode_cursor(cursor)
        cond.append(or_(key_date < c_date, and_(key_date == c_date, key_id > c_id)))
    rows = conn.execute((_SUMMARY_BY_ACTOR if by_actor else _SUMMARY).where(*cond).order_by(key_date.desc(), key_id)
                        .limit(limit + 1)).all()
    nxt = encode_cursor(rows[limit - 1].sort_date, rows[limit - 1].id) if len(rows) > limit else None
    return rows[:limit], nxt


def _figures(lo: int | None, hi: int | None, q: str | None) -> Figures | None:
    return None if lo is None else Figures(lo, hi, q)


def get_incidents(conn: Connection, ids: Sequence[str]) -> list[Incident]:
    """Full incidents (claims, member events, sources) for `ids`, in the order given."""
    if not ids:
        return []
    heads = {r.id: r for r in conn.execute(_SUMMARY.where(INC.c.id.in_(list(ids))))}
    members = conn.execute(
        select(E.c.key, E.c.incident_id, E.c.document_id, E.c.data, E.c.fatalities_min, E.c.fatalities_max,
               E.c.injured_min, E.c.injured_max, D.c.outlet, D.c.url, D.c.published)
        .select_from(E.join(D, D.c.id == E.c.document_id))
        .where(E.c.incident_id.in_(list(heads))).order_by(E.c.key)).all()
    by_incident: dict[str, list] = defaultdict(list)
    for m in members:
        by_incident[m.incident_id].append(m)
    keys = [m.key for m in members]
    claims: dict[str, list] = defaultdict(list)
    if keys:
        for c in conn.execute(
                select(C, A.c.name, A.c.name_ar, A.c.type, A.c.country)
                .select_from(C.outerjoin(A, A.c.id == C.c.source_actor_id))
                .where(C.c.event_key.in_(keys)).order_by(C.c.event_key, C.c.position)):
            claims[c.event_key].append(c)
    doc_ids = sorted({m.document_id for m in members})
    copies: dict[str, list] = defaultdict(list)
    if doc_ids:
        for did, dup, outlet, url in conn.execute(select(D.c.id, D.c.duplicate_of, D.c.outlet, D.c.url)
                                                  .where(D.c.duplicate_of.in_(doc_ids)).order_by(D.c.id)):
            copies[dup].append((did, outlet or url or did))
    assoc_ids = sorted({a for m in members for role in ("assoc_actor1", "assoc_actor2")
                        for a in ((x or {}).get("id") for x in m.data.get(role) or []) if a})
    assoc = {r.id: ActorRecord(r.id, r.name, r.name_ar, r.type, r.country)
             for r in conn.execute(select(A).where(A.c.id.in_(assoc_ids)))} if assoc_ids else {}
    out = []
    for iid in ids:
        head = heads.get(iid)
        if head is None:
            continue
        cl: list[IncidentClaim] = []
        srcs: set[str] = set()
        docs: set[str] = set()
        evs = []
        for m in by_incident[iid]:
            srcs.add(m.outlet or m.url or m.document_id)
            docs.add(m.document_id)
            for did, label in copies[m.document_id]:
                srcs.add(label)
                docs.add(did)
            evs.append((m.document_id, event_from_dict(m.data)))
            for c in claims[m.key]:
                src = ActorRecord(c.source_actor_id, c.name, c.name_ar, c.type, c.country) \
                    if c.source_actor_id else None
                ev = Span(c.evidence_start, c.evidence_end, c.evidence_text) \
                    if c.evidence_start is not None else None
                cl.append(IncidentClaim(src, c.verb, _figures(c.fatalities_min, c.fatalities_max,
                                                                 c.fatalities_qualifier),
                                        _figures(c.injured_min, c.injured_max, c.injured_qualifier),
                                        m.document_id, m.key, m.outlet, m.url, m.published, ev))
            if not claims[m.key]:
                # No attributed source: the outlet itself says so.
                spans = m.data.get("evidence") or []
                ev = Span(spans[0]["start"], spans[0]["end"], spans[0]["text"]) if spans else None
                fat, inj = m.data.get("fatalities") or {}, m.data.get("injured") or {}
                cl.append(IncidentClaim(None, None, _figures(fat.get("min"), fat.get("max"), fat.get("qualifier")),
                                        _figures(inj.get("min"), inj.get("max"), inj.get("qualifier")),
                                        m.document_id, m.key, m.outlet, m.url, m.published, ev))
        out.append(_summary(head, Incident, claims=tuple(cl), events=tuple(evs), sources=tuple(sorted(srcs)),
                            documents=tuple(sorted(docs)),
                            assoc_actors=tuple(assoc[a] for a in sorted(assoc) if a in assoc)))
    return out


def get_document(conn: Connection, document_id: str) -> StoredDocument | None:
    row = conn.execute(select(D).where(D.c.id == document_id)).first()
    if row is None:
        return None
    events = conn.execute(select(E.c.data, E.c.incident_id).where(E.c.document_id == document_id)
                          .order_by(E.c.position)).all()
    copies = tuple(conn.execute(select(D.c.id).where(D.c.duplicate_of == document_id).order_by(D.c.id)).scalars())
    m = row._mapping
    return StoredDocument(
        id=m["id"], external_id=m["external_id"], content_hash=m["content_hash"], source=m["source"],
        url=m["url"], outlet=m["outlet"], title=m["title"], published=m["published"], language=m["language"],
        encoding=m["encoding"], text=m["text"], extracted=bool(m["extracted"]), duplicate_of=m["duplicate_of"],
        duplicate_kind=m["duplicate_kind"], copies=copies,
        events=tuple(event_from_dict(e.data) for e in events), incident_ids=tuple(e.incident_id for e in events))


def count_incidents(conn: Connection, f: IncidentFilter) -> int:
    """How many incidents match `f`."""
    return conn.execute(select(func.count()).select_from(INC).where(*_where(f))).scalar_one()


def daily_counts(conn: Connection, f: IncidentFilter) -> list[tuple[date, str, int]]:
    """(day, PLOVER type, number of incidents) for dated incidents matching `f`, by day then type."""
    rows = conn.execute(select(INC.c.date_start, INC.c.plover_type, func.count())
                        .where(INC.c.date_start.is_not(None), *_where(f))
                        .group_by(INC.c.date_start, INC.c.plover_type).order_by(INC.c.date_start, INC.c.plover_type))
    return [(date.fromisoformat(d), t, n) for d, t, n in rows]


def list_actors(conn: Connection, q: str | None = None, limit: int = 100) -> list[ActorRecord]:
    """Actors whose id, name or Arabic name contains `q` (Arabic compared after normalisation)."""
    stmt = select(A.c.id, A.c.name, A.c.name_ar, A.c.type, A.c.country).order_by(A.c.id)
    if not q:
        return [ActorRecord(*r) for r in conn.execute(stmt.limit(limit))]
    needle, folded = q.lower(), normalize_text(q)
    out = []
    # Arabic names need folding (أ/ا, ة/ه) that SQL LIKE cannot do portably; actors are few.
    for r in conn.execute(stmt):
        if (needle in r.id.lower() or needle in (r.name or "").lower()
                or (folded and folded in normalize_text(r.name_ar or ""))):
            out.append(ActorRecord(*r))
            if len(out) >= limit:
                break
    return out
