"""Re-merging the incidents around some events, inside the caller's transaction.

`remerge(conn, seeds)` finds the connected component (in merge.may_merge's graph) of the seed
events among all stored events, clusters it canonically (merge.cluster), and rewrites the incidents
of that component. Events outside the component cannot be affected, so the stored incidents always
equal the canonical clustering of all stored events, whatever the order they arrived in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, delete, insert, select, update

from marsad.model import event_from_dict
from marsad.store.keys import incident_id
from marsad.store.merge import MAX_WINDOW_DAYS, Member, MergeItem, MergePlace, cluster, describe, may_merge
from marsad.store.schema import (
    DocumentRow,
    EventPlaceRow,
    EventRow,
    IncidentActorRow,
    IncidentRow,
    PlaceRow,
    fit,
)

D, E, EP, P = DocumentRow.__table__, EventRow.__table__, EventPlaceRow.__table__, PlaceRow.__table__
INC, IA = IncidentRow.__table__, IncidentActorRow.__table__
_CHUNK = 500


def _chunks(keys: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(keys), _CHUNK):
        yield keys[i:i + _CHUNK]


_ITEMS = (select(E.c.key, E.c.document_id, E.c.plover_type, E.c.merge_start, E.c.merge_end, E.c.actor1_id,
                 E.c.actor2_id, P.c.country, P.c.admin2, P.c.lat, P.c.lon)
          .select_from(E.outerjoin(EP, EP.c.event_key == E.c.key).outerjoin(P, P.c.id == EP.c.place_id))
          .order_by(E.c.key, EP.c.position))
# Built once: the candidates of one event (same type, overlapping window) is the hot query.
_CANDIDATES = _ITEMS.where(E.c.plover_type == bindparam("ptype"), E.c.merge_start >= bindparam("lower"),
                           E.c.merge_start <= bindparam("end"), E.c.merge_end >= bindparam("start"))


def _items(rows: Iterable[Any]) -> dict[str, MergeItem]:
    head: dict[str, tuple] = {}
    places: dict[str, list[MergePlace]] = defaultdict(list)
    for r in rows:
        head.setdefault(r[0], tuple(r[:7]))
        if r[7] is not None or r[9] is not None or r[8] is not None:
            places[r[0]].append(MergePlace(r[7], r[8], r[9], r[10]))
    return {k: MergeItem(*h, places=tuple(places[k])) for k, h in head.items()}


def _load_items(conn: Connection, where: ColumnElement[bool]) -> dict[str, MergeItem]:
    return _items(conn.execute(_ITEMS.where(where)))


def _component(conn: Connection, seeds: dict[str, MergeItem]) -> dict[str, MergeItem]:
    comp = dict(seeds)
    frontier = [i for i in seeds.values() if i.mergeable]
    while frontier:
        item = frontier.pop()
        # Windows are at most MAX_WINDOW_DAYS long, so this bounds the index range scanned.
        lower = (date.fromisoformat(item.start) - timedelta(days=MAX_WINDOW_DAYS)).isoformat()
        candidates = _items(conn.execute(_CANDIDATES, {"ptype": item.plover_type, "lower": lower,
                                                       "end": item.end, "start": item.start}))
        for cand in candidates.values():
            if cand.key not in comp and may_merge(item, cand):
                comp[cand.key] = cand
                frontier.append(cand)
    return comp


def remerge(conn: Connection, seed_keys: Sequence[str],
            fresh: dict[str, tuple[MergeItem, Member]] | None = None) -> tuple[str, ...]:
    """Recompute the incidents of the seeds' component; returns the seeds' incident ids (sorted).

    fresh: events just inserted by the caller (key → (merge item, member)), so they need not be
    read back; a new document alone in its component is then written with no further reads.
    """
    if not seed_keys:
        return ()
    fresh = fresh or {}
    seeds: dict[str, MergeItem] = {k: fresh[k][0] for k in seed_keys if k in fresh}
    missing = [k for k in seed_keys if k not in fresh]
    for chunk in _chunks(missing):
        seeds.update(_load_items(conn, E.c.key.in_(chunk)))
    comp = _component(conn, seeds)
    keys = sorted(comp)
    old: set[str] = set()
    members: dict[str, Member] = {k: fresh[k][1] for k in keys if k in fresh}
    stored = [k for k in keys if k not in fresh]
    for chunk in _chunks(stored):
        for k, doc_id, inc, ev, outlet, url in conn.execute(
                select(E.c.key, E.c.document_id, E.c.incident_id, E.c.data, D.c.outlet, D.c.url)
                .select_from(E.join(D, D.c.id == E.c.document_id)).where(E.c.key.in_(chunk))):
            members[k] = Member(k, doc_id, outlet, url, event_from_dict(ev))
            if inc:
                old.add(inc)
    sources: dict[str, set[str]] = defaultdict(set)
    for m in members.values():
        sources[m.document_id].add(m.outlet or m.url or m.document_id)
    # Fresh documents cannot have copies yet; stored ones may.
    doc_ids = sorted({members[k].document_id for k in stored})
    for chunk in _chunks(doc_ids):
        for original, copy_id, outlet, url in conn.execute(
                select(D.c.duplicate_of, D.c.id, D.c.outlet, D.c.url).where(D.c.duplicate_of.in_(chunk))):
            sources[original].add(outlet or url or copy_id)

    incident_rows, actor_rows, assign = [], [], []
    seed_incidents: set[str] = set()
    for group in cluster(list(comp.values())):
        member_keys = [m.key for m in group]
        iid = incident_id(member_keys)
        ms = [members[k] for k in member_keys]
        srcs = sorted(set().union(*(sources[m.document_id] for m in ms)))
        facts = describe(iid, ms, srcs)
        incident_rows.append(facts.values)
        actor_rows += [{"incident_id": iid, "actor_id": a, "sort_date": facts.values["sort_date"]}
                       for a in sorted(facts.actor_ids)]
        assign += [{"k": k, "iid": iid} for k in member_keys]
        if any(k in seeds for k in member_keys):
            seed_incidents.add(iid)

    stale = sorted(old | {r["id"] for r in incident_rows}) if old else []
    for chunk in _chunks(stale):
        conn.execute(delete(IA).where(IA.c.incident_id.in_(chunk)))
        conn.execute(delete(INC).where(INC.c.id.in_(chunk)))
    conn.execute(insert(INC), fit(INC, incident_rows))
    if actor_rows:
        conn.execute(insert(IA), actor_rows)
    conn.execute(update(E).where(E.c.key == bindparam("k")).values(incident_id=bindparam("iid")), assign)
    return tuple(sorted(seed_incidents))
