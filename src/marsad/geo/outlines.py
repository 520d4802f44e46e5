"""Governorate outlines for the offline map: admin1.geojson from the Who's On First polygons.

In: SOURCES_DIR/whosonfirst/wof_CC_admin_polygons.geojson (already simplified upstream).
Out: one FeatureCollection of current governorates (placetype region) with name, name_ar, country,
wof_id; coordinates rounded to 3 decimals (~100 m) and rings thinned so the file stays small.
"""

from __future__ import annotations

import json
from pathlib import Path


def _ring(ring: list, step_deg: float = 0.01) -> list:
    """Rounded ring without points closer than step_deg to the last kept one (keeps closure)."""
    out: list = []
    for x, y in ring:
        p = [round(x, 3), round(y, 3)]
        if not out or abs(p[0] - out[-1][0]) + abs(p[1] - out[-1][1]) >= step_deg:
            out.append(p)
    if len(out) >= 3 and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else []


def _geometry(geom: dict) -> dict | None:
    if geom["type"] == "Polygon":
        polys = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["coordinates"]
    else:
        return None
    kept = []
    for poly in polys:
        rings = [r for r in (_ring(ring) for ring in poly) if r]
        if rings:
            kept.append(rings)
    if not kept:
        return None
    return {"type": "MultiPolygon", "coordinates": kept}


def write_admin1_geojson(src: Path, out: Path) -> int:
    """Write the governorate outlines found under src to out; returns the number of features (0: none found)."""
    features = []
    for path in sorted(src.glob("whosonfirst/wof_*_admin_polygons.geojson")):
        country = path.name.split("_")[1].upper()
        for f in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            props = f.get("properties", {})
            if props.get("placetype") != "region" or props.get("is_current") == 0:
                continue
            geom = _geometry(f.get("geometry") or {})
            if geom:
                features.append({"type": "Feature", "geometry": geom, "properties": {
                    "name": props.get("name"), "name_ar": props.get("name_ar") or None, "country": country,
                    "wof_id": props.get("wof_id")}})
    if features:
        out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                                  separators=(",", ":")), encoding="utf-8")
    return len(features)
