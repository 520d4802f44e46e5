"""Turn what the store returns into the API's plain shapes (dicts the pydantic models validate).

The store hands back model dataclasses or rows; the API only speaks the codebook's JSON. This
module also builds the GeoJSON view of a page of incidents and parses the query parameters
that are not plain scalars (bbox, cursor).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
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


def _actor(record: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return dict(record) if record else None


def _figure(value: Any, maximum: Any = None, qualifier: Any = None) -> dict[str, Any] | None:
    if isinstance(value, Mapping):
        return {"min": value.get("min"), "max": value.get("max"), "qualifier": value.get("qualifier") or "exact"}
    if value is None:
        return None
    return {"min": value, "max": maximum, "qualifier": qualifier or "exact"}


def incident(raw: Any) -> dict[str, Any]:
    """A store incident (flat summary, or full with claims and member events) -> codebook shape.

    The flat columns become the codebook's nested fields (plover, acled, date, locations,
    fatalities); claims keep their document, outlet and URL; member events keep all their spans.
    """
    d = plain(raw)
    if "plover" in d:  # already in the codebook's shape
        return d
    location = {"name": d.get("place_name"), "name_ar": d.get("place_name_ar"), "country": d.get("country"),
                "admin1": d.get("admin1"), "admin2": d.get("admin2"), "lat": d.get("lat"), "lon": d.get("lon"),
                "precision": d.get("geo_precision")}
    out: dict[str, Any] = {
        "id": d["id"],
        "plover": {"type": d.get("plover_type"), "mode": d.get("plover_mode")},
        "acled": ({"event_type": d["acled_event_type"], "sub_event_type": d.get("acled_sub_event_type")}
                  if d.get("acled_event_type") else None),
        "date": ({"start": d.get("date_start"), "end": d.get("date_end"),
                  "precision": d.get("date_precision") or "unknown"}
                 if d.get("date_start") or d.get("date_end") else None),
        "actor1": _actor(d.get("actor1")),
        "actor2": _actor(d.get("actor2")),
        "assoc_actors": [a for a in d.get("assoc_actors") or [] if a],
        "locations": [location] if any(v is not None for v in location.values()) else [],
        "fatalities": _figure(d.get("fatalities"), d.get("fatalities_max")),
        "injured": _figure(d.get("injured"), d.get("injured_max")),
        "contested": bool(d.get("contested")),
        "modality": d.get("modality") or "asserted",
        "n_events": d.get("n_events"),
        "n_documents": d.get("n_documents"),
        "n_sources": d.get("n_sources"),
        "notes": d.get("notes"),
    }
    if "claims" in d:
        out["claims"] = [{**c, "fatalities": _figure(c.get("fatalities")), "injured": _figure(c.get("injured"))}
                         for c in d["claims"]]
        out["events"] = [{"document_id": pair[0], "event": pair[1]} for pair in d.get("events") or []]
        out["sources"] = list(d.get("sources") or [])
        out["documents"] = list(d.get("documents") or [])
    return out


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
