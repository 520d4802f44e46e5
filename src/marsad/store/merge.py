"""Cross-article incident merging: which events are one incident, and what the incident says.

Pure functions over small records; `store.py` does the I/O. Two events may merge when they come from
different documents, have the same PLOVER type, dated windows that overlap (a window longer than
`MAX_WINDOW_DAYS` or no date at all never merges: it would chain unrelated reports together),
places in the same district (country + admin2) or within `MAX_DISTANCE_KM`, and compatible actors
(each role equal or unknown on one side, or the two roles swapped, as in clashes reported from
either side).

Order independence: the store recomputes the whole connected component (in the "may merge" graph)
around every new or removed event, and `cluster` depends only on that set: events sorted by key,
each joins the first cluster whose every member it may merge with, else starts its own. Incident
ids hash the sorted member keys.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from marsad.model import Event, Figure
from marsad.store.keys import actor_key, place_key
from marsad.text.normalize import normalize_text

MAX_DISTANCE_KM = 25.0
MAX_WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class MergePlace:
    country: str | None
    admin2: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class MergeItem:
    """What merging needs to know of one stored event."""

    key: str
    document_id: str
    plover_type: str
    start: str | None
    end: str | None
    actor1: str | None
    actor2: str | None
    places: tuple[MergePlace, ...]

    @property
    def mergeable(self) -> bool:
        return self.start is not None and self.end is not None and bool(self.places)


def merge_window(event: Event) -> tuple[str | None, str | None]:
    """The event's (start, end) ISO dates for merging, or (None, None) when it must stay alone."""
    d = event.date
    if d is None or not d.start:
        return None, None
    start, end = d.start[:10], (d.end or d.start)[:10]
    try:
        days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None, None
    if days < 0 or days > MAX_WINDOW_DAYS:
        return None, None
    return start, end


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def places_close(a: Sequence[MergePlace], b: Sequence[MergePlace]) -> bool:
    for p in a:
        for q in b:
            if p.admin2 and p.admin2 == q.admin2 and p.country == q.country:
                return True
            if (p.lat is not None and p.lon is not None and q.lat is not None and q.lon is not None
                    and haversine_km(p.lat, p.lon, q.lat, q.lon) <= MAX_DISTANCE_KM):
                return True
    return False


def _same_or_unknown(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def actors_compatible(a: MergeItem, b: MergeItem) -> bool:
    if _same_or_unknown(a.actor1, b.actor1) and _same_or_unknown(a.actor2, b.actor2):
        return True
    # "clashes between X and Y" is coded X→Y by one outlet and Y→X by another.
    return a.actor1 is not None and a.actor1 == b.actor2 and a.actor2 is not None and a.actor2 == b.actor1


def may_merge(a: MergeItem, b: MergeItem) -> bool:
    """True when two stored events may be one incident (symmetric)."""
    return (a.document_id != b.document_id and a.plover_type == b.plover_type
            and a.mergeable and b.mergeable
            and a.start <= b.end and b.start <= a.end  # type: ignore[operator]
            and places_close(a.places, b.places) and actors_compatible(a, b))


def cluster(items: Sequence[MergeItem]) -> list[list[MergeItem]]:
    """Partition a component into incidents; depends only on the set of items, not their order."""
    clusters: list[list[MergeItem]] = []
    for item in sorted(items, key=lambda i: i.key):
        for members in clusters:
            if all(may_merge(item, m) for m in members):
                members.append(item)
                break
        else:
            clusters.append([item])
    return clusters


# ---- what a merged incident says -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """One member event of an incident with its document's metadata."""

    key: str
    document_id: str
    outlet: str | None
    url: str | None
    event: Event


def _most_common(values: Sequence[object]) -> object | None:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    # Ties go to the smallest value so the result does not depend on the order of members.
    return min(counts.items(), key=lambda kv: (-kv[1], repr(kv[0])))[0]


def _figure_range(f: Figure | None) -> tuple[int, int] | None:
    if f is None or f.min is None:
        return None
    return f.min, f.max if f.max is not None and f.max >= f.min else f.min


def source_figures(event: Event, attr: str) -> list[tuple[int, int]]:
    """Every figure (`fatalities` or `injured`) an event and its claims state, as (low, high)."""
    out = [r for r in (_figure_range(getattr(c, attr)) for c in event.claims) if r]
    own = _figure_range(getattr(event, attr))
    if own:
        out.append(own)
    return out


@dataclass(frozen=True, slots=True)
class IncidentFacts:
    """The incident row's values (see schema.IncidentRow), computed from its members."""

    values: dict
    actor_ids: frozenset[str]


def _actor_ids(event: Event) -> set[str]:
    actors = [event.actor1, event.actor2, *event.assoc_actor1, *event.assoc_actor2]
    return {actor_key(a) for a in actors if a is not None}


def describe(incident_id: str, members: Sequence[Member], sources: Sequence[str]) -> IncidentFacts:
    """Aggregate members (sorted by key) into the incident's row values.

    fatalities = the lowest figure any source gives (ACLED's conservative rule), fatalities_max the
    highest; contested when sources give different figures, when a member is contested, or when one
    asserts what another denies.
    """
    members = sorted(members, key=lambda m: m.key)
    events = [m.event for m in members]
    first = events[0]
    acled = _most_common([(e.acled.event_type, e.acled.sub_event_type) if e.acled else None for e in events])
    dated = [e.date for e in events if e.date and e.date.start]
    days = [d for d in dated if d.precision == "day"] or dated
    if days:
        date_start = min(d.start[:10] for d in days)  # type: ignore[index]
        date_end = max((d.end or d.start)[:10] for d in days)  # type: ignore[index, operator]
        precision = "day" if date_start == date_end else (days[0].precision if len(days) == 1 else "range")
    else:
        date_start = date_end = precision = None
    locations = [loc for e in events for loc in e.locations]
    # The most precise place; among equals the one most members report, then the smallest key.
    reports = Counter(place_key(loc) for e in events for loc in set(e.locations))
    best = min(locations, key=lambda loc: (loc.precision or 9, -reports[place_key(loc)], place_key(loc))) \
        if locations else None
    fat = [r for e in events for r in source_figures(e, "fatalities")]
    inj = [r for e in events for r in source_figures(e, "injured")]
    modalities = {e.modality for e in events}
    contested = (any(e.contested for e in events) or len(set(fat)) > 1
                 or ("asserted" in modalities and "denied" in modalities))
    actor1 = _most_common([actor_key(e.actor1) if e.actor1 else None for e in events])
    actor2 = _most_common([actor_key(e.actor2) if e.actor2 else None for e in events])
    notes = next((s.text for s in first.evidence if s.text), None)
    names = [best.name, best.name_ar, best.admin1, best.admin2] if best else []
    for e in events:
        for a in (e.actor1, e.actor2, *e.assoc_actor1, *e.assoc_actor2):
            if a is not None:
                names += [a.name, a.name_ar]
    search = normalize_text(" ".join(str(x) for x in [*names, notes] if x))
    values = {
        "id": incident_id,
        "plover_type": first.plover.type,
        "plover_mode": _most_common([e.plover.mode for e in events]),
        "acled_event_type": acled[0] if acled else None,  # type: ignore[index]
        "acled_sub_event_type": acled[1] if acled else None,  # type: ignore[index]
        "date_start": date_start,
        "date_end": date_end,
        "date_precision": precision,
        "sort_date": date_start or "",
        "country": best.country if best else None,
        "admin1": best.admin1 if best else None,
        "admin2": best.admin2 if best else None,
        "place_id": place_key(best) if best else None,
        "place_name": best.name if best else None,
        "place_name_ar": best.name_ar if best else None,
        "lat": best.lat if best else None,
        "lon": best.lon if best else None,
        "geo_precision": best.precision if best else None,
        "actor1_id": actor1,
        "actor2_id": actor2,
        "fatalities": min(lo for lo, _ in fat) if fat else None,
        "fatalities_max": max(hi for _, hi in fat) if fat else None,
        "injured": min(lo for lo, _ in inj) if inj else None,
        "injured_max": max(hi for _, hi in inj) if inj else None,
        "contested": contested,
        "modality": "asserted" if "asserted" in modalities else sorted(modalities)[0],
        "n_events": len(members),
        "n_documents": len({m.document_id for m in members}),
        "n_sources": len(set(sources)),
        "notes": notes[:1000] if notes else None,
        "search": search,
    }
    return IncidentFacts(values, frozenset(set().union(*(_actor_ids(e) for e in events))))
