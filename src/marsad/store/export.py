"""Exports of merged incidents: ACLED-compatible CSV, GeoJSON, Parquet and JSON Lines.

ACLED CSV follows ACLED's column names and conventions: numeric `iso` (ISO 3166-1), `event_id_cnty`
as ISO alpha-3 + digits, time_precision 1 (day) / 2 (up to a week) / 3 (longer), geo_precision
1-3, inter codes 1-8 and the two-digit interaction, fatalities 0 when unknown; only incidents with
an ACLED event type (political violence, demonstrations, strategic developments) are rows. Then
marsad's own columns: claims (JSON list), contested, fatalities_max, marsad_id.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from typing import IO, Any

from marsad.store.types import Incident, IncidentClaim

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
MARSAD_COLUMNS = ("claims", "contested", "fatalities_max", "marsad_id")
FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")

# ACLED's classic numeric actor categories ("inter" codes).
INTER = {"state_forces": 1, "government": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
         "rioters": 5, "protesters": 6, "civilians": 7, "person": 7, "external_force": 8, "organization": 8,
         "media": 8, "other": 8}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# CLDR lists retired numeric codes as aliases too; these are the current ones.
_NUMERIC_OVERRIDES = {"SD": 729, "YE": 887, "ET": 231, "DE": 276, "FR": 250}


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 → (alpha-3, English name) from the knowledge base's countries.tsv."""
    out = {}
    text = resources.files("marsad.kb").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("iso2\t"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            out[parts[0]] = (parts[1], parts[2])
    return out


@cache
def _numeric() -> dict[str, int]:
    from babel.core import get_global

    out: dict[str, int] = {}
    for code, target in get_global("territory_aliases").items():
        if code.isdigit() and len(target) == 1 and len(target[0]) == 2:
            out.setdefault(target[0], int(code))
    return {**out, **_NUMERIC_OVERRIDES}


def _time_precision(inc: Incident) -> int:
    if not inc.date_start:
        return 3
    days = (date.fromisoformat(inc.date_end or inc.date_start) - date.fromisoformat(inc.date_start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _inter(actor_type: str | None) -> int:
    return INTER.get(actor_type or "", 8)


def claim_record(c: IncidentClaim) -> dict[str, Any]:
    return {
        "source_actor_id": c.source.id if c.source else None,
        "source": (c.source.name or c.source.name_ar) if c.source else c.outlet,
        "source_ar": c.source.name_ar if c.source else None,
        "verb": c.verb,
        "fatalities": c.fatalities.min if c.fatalities else None,
        "fatalities_max": c.fatalities.max if c.fatalities else None,
        "injured": c.injured.min if c.injured else None,
        "document_id": c.document_id, "outlet": c.outlet, "url": c.url, "published": c.published,
        "evidence": None if c.evidence is None else
        {"start": c.evidence.start, "end": c.evidence.end, "text": c.evidence.text},
    }


def acled_row(inc: Incident, timestamp: int) -> dict[str, Any]:
    """One ACLED CSV row (a dict keyed by ACLED_COLUMNS + MARSAD_COLUMNS)."""
    iso3, country_name = _countries().get(inc.country or "", ("XXX", inc.country or ""))
    a1, a2 = inc.actor1, inc.actor2
    i1 = _inter(a1.type) if a1 else 0
    i2 = _inter(a2.type) if a2 else 0
    interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else (i1 or i2) * 10
    assoc1: list[str] = []
    assoc2: list[str] = []
    for _, ev in inc.events:
        assoc1 += [a.name or a.name_ar for a in ev.assoc_actor1 if (a.name or a.name_ar)]
        assoc2 += [a.name or a.name_ar for a in ev.assoc_actor2 if (a.name or a.name_ar)]
    return {
        "event_id_cnty": f"{iso3}{int(inc.id[1:9], 16) % 10**8}",
        "event_date": inc.date_start or "",
        "year": int(inc.date_start[:4]) if inc.date_start else "",
        "time_precision": _time_precision(inc),
        "disorder_type": DISORDER.get(inc.acled_event_type or "", ""),
        "event_type": inc.acled_event_type or "",
        "sub_event_type": inc.acled_sub_event_type or "",
        "actor1": (a1.name or a1.name_ar or a1.id) if a1 else "",
        "assoc_actor_1": "; ".join(sorted(set(assoc1))),
        "inter1": i1,
        "actor2": (a2.name or a2.name_ar or a2.id) if a2 else "",
        "assoc_actor_2": "; ".join(sorted(set(assoc2))),
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if a2 and a2.type == "civilians" else "",
        "iso": _numeric().get(inc.country or "", 0),
        "country": country_name,
        "admin1": inc.admin1 or "",
        "admin2": inc.admin2 or "",
        "admin3": "",
        "location": inc.place_name or inc.place_name_ar or "",
        "latitude": inc.lat if inc.lat is not None else "",
        "longitude": inc.lon if inc.lon is not None else "",
        "geo_precision": min(inc.geo_precision or 3, 3),
        "source": "; ".join(inc.sources),
        "source_scale": "Other",
        "notes": inc.notes or "",
        "fatalities": inc.fatalities or 0,
        "tags": "",
        "timestamp": timestamp,
        "claims": json.dumps([claim_record(c) for c in inc.claims], ensure_ascii=False),
        "contested": inc.contested,
        "fatalities_max": inc.fatalities_max if inc.fatalities_max is not None else "",
        "marsad_id": inc.id,
    }


def record(inc: Incident) -> dict[str, Any]:
    """marsad's own flat record of an incident (GeoJSON properties, Parquet and JSONL rows)."""
    return {
        "id": inc.id, "plover_type": inc.plover_type, "plover_mode": inc.plover_mode,
        "acled_event_type": inc.acled_event_type, "acled_sub_event_type": inc.acled_sub_event_type,
        "date_start": inc.date_start, "date_end": inc.date_end, "date_precision": inc.date_precision,
        "country": inc.country, "admin1": inc.admin1, "admin2": inc.admin2, "location": inc.place_name,
        "location_ar": inc.place_name_ar, "latitude": inc.lat, "longitude": inc.lon,
        "geo_precision": inc.geo_precision,
        "actor1_id": inc.actor1.id if inc.actor1 else None, "actor1": inc.actor1.name if inc.actor1 else None,
        "actor2_id": inc.actor2.id if inc.actor2 else None, "actor2": inc.actor2.name if inc.actor2 else None,
        "fatalities": inc.fatalities, "fatalities_max": inc.fatalities_max, "injured": inc.injured,
        "injured_max": inc.injured_max, "contested": inc.contested, "modality": inc.modality,
        "n_events": inc.n_events, "n_documents": inc.n_documents, "n_sources": inc.n_sources,
        "sources": list(inc.sources), "notes": inc.notes,
        "claims": [claim_record(c) for c in inc.claims],
    }


def write_acled_csv(incidents: Iterable[Incident], out: IO[str]) -> int:
    ts = int(datetime.now(UTC).timestamp())
    writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *MARSAD_COLUMNS], lineterminator="\n")
    writer.writeheader()
    n = 0
    for inc in incidents:
        if inc.acled_event_type:
            writer.writerow(acled_row(inc, ts))
            n += 1
    return n


def write_jsonl(incidents: Iterable[Incident], out: IO[str]) -> int:
    n = 0
    for inc in incidents:
        out.write(json.dumps(record(inc), ensure_ascii=False) + "\n")
        n += 1
    return n


def _flat(inc: Incident) -> dict[str, Any]:
    rec = record(inc)
    # Flat properties: QGIS and OGR read nested values poorly, so lists travel as JSON text.
    rec["sources"] = "; ".join(rec["sources"])
    rec["claims"] = json.dumps(rec["claims"], ensure_ascii=False)
    return rec


def geojson_features(incidents: Iterable[Incident]) -> Iterator[dict[str, Any]]:
    for inc in incidents:
        geometry = ({"type": "Point", "coordinates": [inc.lon, inc.lat]}
                    if inc.lat is not None and inc.lon is not None else None)
        yield {"type": "Feature", "id": inc.id, "geometry": geometry, "properties": _flat(inc)}


def write_geojson(incidents: Iterable[Incident], out: IO[str]) -> int:
    """A FeatureCollection of Points (WGS84, lon/lat), streamed feature by feature."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in geojson_features(incidents):
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_parquet(incidents: Iterable[Incident], path: Any, batch: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("plover_type", pa.string()), ("plover_mode", pa.string()),
        ("acled_event_type", pa.string()), ("acled_sub_event_type", pa.string()),
        ("date_start", pa.string()), ("date_end", pa.string()), ("date_precision", pa.string()),
        ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()), ("location", pa.string()),
        ("location_ar", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geo_precision", pa.int32()), ("actor1_id", pa.string()), ("actor1", pa.string()),
        ("actor2_id", pa.string()), ("actor2", pa.string()), ("fatalities", pa.int64()),
        ("fatalities_max", pa.int64()), ("injured", pa.int64()), ("injured_max", pa.int64()),
        ("contested", pa.bool_()), ("modality", pa.string()), ("n_events", pa.int32()),
        ("n_documents", pa.int32()), ("n_sources", pa.int32()), ("sources", pa.string()),
        ("notes", pa.string()), ("claims", pa.string()),
    ])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict[str, Any]] = []
        for inc in incidents:
            rows.append(_flat(inc))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def export(incidents: Iterable[Incident], fmt: str, out: IO[str] | IO[bytes] | str) -> int:
    """Write `incidents` in `fmt` (one of FORMATS) to a text stream or, for parquet, a path or binary
    stream; returns the number written."""
    if fmt == "acled-csv":
        return write_acled_csv(incidents, out)  # type: ignore[arg-type]
    if fmt == "geojson":
        return write_geojson(incidents, out)  # type: ignore[arg-type]
    if fmt == "jsonl":
        return write_jsonl(incidents, out)  # type: ignore[arg-type]
    if fmt == "parquet":
        return write_parquet(incidents, out)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def to_string(incidents: Iterable[Incident], fmt: str) -> str:
    buf = io.StringIO()
    export(incidents, fmt, buf)
    return buf.getvalue()
