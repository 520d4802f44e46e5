"""Turn what the store returns into the API's plain shapes (dicts the pydantic models validate).

The store hands back model dataclasses or rows; the API only speaks the codebook's JSON. This
module also builds the GeoJSON view of a page of incidents and parses the query parameters
that are not plain scalars (bbox, cursor).
"""

from __future__ import annotations

import dataclasses
from collections import namedtuple
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from fastapi import HTTPException


def plain(obj: Any) -> Any:
    """Dataclasses, mappings, tuples and objects with attributes -> JSON-able dicts/lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(v) for v in obj]
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if hasattr(obj, "_asdict"):
        return plain(obj._asdict())
    return obj


def _figure(value: Any, maximum: Any = None, qualifier: Any = None) -> dict[str, Any] | None:
    if isinstance(value, Mapping):
        value, maximum, qualifier = value.get("min"), value.get("max"), value.get("qualifier")
    if value is None:
        return None
    # the store keeps the numbers only: group and evidence stay on the member events' figures
    return {"min": value, "max": maximum, "qualifier": qualifier or "exact", "group": "unknown", "children": None,
            "evidence": None}


def _record(actor: Any) -> dict[str, Any] | None:
    if actor is None:
        return None
    if isinstance(actor, Mapping):
        return dict(actor)
    return {"id": actor.id, "name": actor.name, "name_ar": actor.name_ar, "type": actor.type,
            "country": actor.country, "mention": None}


def incident(raw: Any) -> dict[str, Any]:
    """A store incident (flat summary, or full with claims and member events) -> codebook shape.

    The flat columns become the codebook's nested fields (plover, acled, date, locations,
    fatalities); claims keep their document, outlet and URL; member events keep all their spans.
    Summaries are read attribute by attribute (no generic walk): this runs 100-1000 times a page.
    """
    d = raw if isinstance(raw, Mapping) else None
    if d is not None and "plover" in d:  # already in the codebook's shape
        return dict(d)

    def get(name: str) -> Any:
        return d.get(name) if d is not None else getattr(raw, name, None)

    location = {"name": get("place_name"), "name_ar": get("place_name_ar"), "country": get("country"),
                "admin1": get("admin1"), "admin2": get("admin2"), "lat": get("lat"), "lon": get("lon"),
                "precision": get("geo_precision")}
    located = any(v is not None for v in location.values())
    location.update(geonames_id=None, mention=None)
    acled, start, end = get("acled_event_type"), get("date_start"), get("date_end")
    out: dict[str, Any] = {
        "id": get("id"),
        "plover": {"type": get("plover_type"), "mode": get("plover_mode")},
        "acled": {"event_type": acled, "sub_event_type": get("acled_sub_event_type")} if acled else None,
        "date": ({"start": start, "end": end, "precision": get("date_precision") or "unknown", "evidence": None}
                 if start or end else None),
        "actor1": _record(get("actor1")),
        "actor2": _record(get("actor2")),
        "assoc_actors": [_record(a) for a in get("assoc_actors") or () if a],
        "locations": [location] if located else [],
        "fatalities": _figure(get("fatalities"), get("fatalities_max")),
        "injured": _figure(get("injured"), get("injured_max")),
        "contested": bool(get("contested")),
        "modality": get("modality") or "asserted",
        "n_events": get("n_events"),
        "n_documents": get("n_documents"),
        "n_sources": get("n_sources"),
        "notes": get("notes"),
    }
    claims = get("claims")
    if claims is not None:
        full = plain({"claims": claims, "events": get("events") or (), "sources": get("sources") or (),
                      "documents": get("documents") or ()})
        out["claims"] = [{**c, "fatalities": _figure(c.get("fatalities")), "injured": _figure(c.get("injured"))}
                         for c in full["claims"]]
        out["events"] = [{"document_id": pair[0], "event": pair[1]} for pair in full["events"]]
        out["sources"] = full["sources"]
        out["documents"] = full["documents"]
    return out


def _actor_out(a: Any) -> dict[str, Any] | None:
    return None if a is None else {"id": a.id, "name": a.name, "name_ar": a.name_ar, "type": a.type,
                                   "country": a.country, "mention": None}


def summary(s: Any) -> dict[str, Any]:
    """An `IncidentSummary` (a list row, no claims) -> the same dict `incident` gives, built with
    plain attribute reads: this runs 100-1000 times per /api/events page, the API's hot path."""
    return _summary_out(s, _actor_out(s.actor1), _actor_out(s.actor2))


@cache
def _row_view() -> type:
    from marsad.store.queries import SUMMARY_COLUMNS

    # A namedtuple over the row's values: attribute reads by position (a database row's reads by
    # name cost ten times as much).
    return namedtuple("SummaryRow", SUMMARY_COLUMNS)


def summary_row(row: Any) -> dict[str, Any]:
    """A row of `Store.query_incident_rows` -> the same dict `summary` gives for its IncidentSummary
    (no dataclass in between: the list endpoint's path)."""
    r = _row_view()._make(row)
    a1 = None if r.a1_id is None else {"id": r.a1_id, "name": r.a1_name, "name_ar": r.a1_name_ar,
                                       "type": r.a1_type, "country": r.a1_country, "mention": None}
    a2 = None if r.a2_id is None else {"id": r.a2_id, "name": r.a2_name, "name_ar": r.a2_name_ar,
                                       "type": r.a2_type, "country": r.a2_country, "mention": None}
    return _summary_out(r, a1, a2)


def _summary_out(s: Any, actor1: dict[str, Any] | None, actor2: dict[str, Any] | None) -> dict[str, Any]:
    location = {"name": s.place_name, "name_ar": s.place_name_ar, "country": s.country, "admin1": s.admin1,
                "admin2": s.admin2, "lat": s.lat, "lon": s.lon, "precision": s.geo_precision}
    located = any(v is not None for v in location.values())
    location["geonames_id"] = location["mention"] = None
    acled, start, end = s.acled_event_type, s.date_start, s.date_end
    fat, inj = s.fatalities, s.injured
    return {
        "id": s.id,
        "plover": {"type": s.plover_type, "mode": s.plover_mode},
        "acled": {"event_type": acled, "sub_event_type": s.acled_sub_event_type} if acled else None,
        "date": ({"start": start, "end": end, "precision": s.date_precision or "unknown", "evidence": None}
                 if start or end else None),
        "actor1": actor1,
        "actor2": actor2,
        "assoc_actors": [],
        "locations": [location] if located else [],
        "fatalities": None if fat is None else {"min": fat, "max": s.fatalities_max, "qualifier": "exact",
                                                "group": "unknown", "children": None, "evidence": None},
        "injured": None if inj is None else {"min": inj, "max": s.injured_max, "qualifier": "exact",
                                             "group": "unknown", "children": None, "evidence": None},
        "contested": bool(s.contested),
        "modality": s.modality or "asserted",
        "n_events": s.n_events,
        "n_documents": s.n_documents,
        "n_sources": s.n_sources,
        "notes": s.notes,
    }


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'lon_min,lat_min,lon_max,lat_max' -> a tuple; 422 with the expected form otherwise."""
    if not value:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise HTTPException(422, f"bbox={value!r}: give lon_min,lat_min,lon_max,lat_max, e.g. bbox=35.5,32,42.5,37.5")
    return parts  # type: ignore[return-value]


def first_point(incident: Mapping[str, Any]) -> tuple[float, float] | None:
    """(lon, lat) of the most precise geocoded location of an incident, or None."""
    located = [loc for loc in incident.get("locations") or [] if loc.get("lat") is not None
               and loc.get("lon") is not None]
    if not located:
        return None
    best = min(located, key=lambda loc: loc.get("precision") or 9)
    return float(best["lon"]), float(best["lat"])


def _name(actor: Mapping[str, Any] | None) -> dict[str, str | None] | None:
    if not actor:
        return None
    return {"id": actor.get("id"), "name": actor.get("name"), "name_ar": actor.get("name_ar")}


def to_feature(incident: Mapping[str, Any]) -> dict[str, Any] | None:
    """One incident -> a GeoJSON Point feature with the properties the map needs (or None)."""
    point = first_point(incident)
    if point is None:
        return None
    plover = incident.get("plover") or {}
    acled = incident.get("acled") or {}
    date = incident.get("date") or {}
    fatalities = incident.get("fatalities") or {}
    loc = (incident.get("locations") or [{}])[0]
    return {
        "type": "Feature",
        "id": incident.get("id"),
        "geometry": {"type": "Point", "coordinates": list(point)},
        "properties": {
            "id": incident.get("id"),
            "plover_type": plover.get("type"),
            "plover_mode": plover.get("mode"),
            "acled_event_type": acled.get("event_type"),
            "date": date.get("start"),
            "date_end": date.get("end"),
            "fatalities": fatalities.get("min"),
            "contested": bool(incident.get("contested")),
            "actor1": _name(incident.get("actor1")),
            "actor2": _name(incident.get("actor2")),
            "place": loc.get("name"),
            "place_ar": loc.get("name_ar"),
            "country": loc.get("country"),
            "admin1": loc.get("admin1"),
            "claims": len(incident.get("claims") or []),
        },
    }


def to_feature_collection(items: Iterable[Mapping[str, Any]], next_cursor: str | None) -> dict[str, Any]:
    features = [f for f in (to_feature(i) for i in items) if f is not None]
    return {"type": "FeatureCollection", "features": features, "next_cursor": next_cursor}


def daily_rows(raw: Any) -> list[dict[str, Any]]:
    """The store's daily counts -> [{date, total, by_type}] sorted by date.

    Accepts rows (date, type, count) as tuples, dicts or objects, or a mapping date -> {type: n}.
    """
    days: dict[str, dict[str, int]] = {}
    data = plain(raw)
    if isinstance(data, Mapping):
        for day, counts in data.items():
            days[str(day)] = {str(k): int(v) for k, v in (counts or {}).items()} if isinstance(counts, Mapping) \
                else {"total": int(counts)}
    else:
        for row in data or []:
            if isinstance(row, Mapping):
                day = row.get("date") or row.get("day")
                kind = row.get("plover_type") or row.get("type") or "other"
                count = row.get("count") or row.get("n") or 0
                if "by_type" in row:
                    days[str(day)] = {str(k): int(v) for k, v in row["by_type"].items()}
                    continue
            else:
                day, kind, count = row
            bucket = days.setdefault(str(day), {})
            bucket[str(kind)] = bucket.get(str(kind), 0) + int(count)
    return [{"date": d, "total": sum(v for k, v in c.items() if k != "total") or c.get("total", 0),
             "by_type": {k: v for k, v in c.items() if k != "total"}} for d, c in sorted(days.items())]
