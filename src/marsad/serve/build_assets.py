"""Build the dashboard's offline basemap into `serve/static/geo/` (run by developers, not at import).

In:  Natural Earth 50m countries (TopoJSON, npm world-atlas) and the Who's On First governorate
     ("region") outlines under the shared gazetteer folder (or `--gazetteer DIR`).
Out: `countries.geojson` (countries whose box meets the Middle East / North Africa window) and
     `admin1.geojson` (governorates of SY IQ YE LB PS LY SD EG), both with coordinates rounded and
     simplified so the pair stays well under 3 MB. If `src/marsad/kb/data/admin1.geojson` exists
     (made by the geocoder's build) it is used instead of the WOF outlines.

    python -m marsad.serve.build_assets [--gazetteer /work/shared/data/gazetteer]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DEFAULT_GAZETTEER = Path("/work/shared/data/gazetteer")
STATIC_GEO = Path(__file__).parent / "static" / "geo"
KB_ADMIN1 = Path(__file__).parent.parent / "kb" / "data" / "admin1.geojson"
# lon_min, lat_min, lon_max, lat_max: the region the project covers, with its neighbours.
WINDOW = (-20.0, -5.0, 65.0, 45.0)
ADMIN1_COUNTRIES = ("sy", "iq", "ye", "lb", "ps", "ly", "sd", "eg")
Ring = list[tuple[float, float]]


def decode_topojson(topo: dict[str, Any], object_name: str) -> list[dict[str, Any]]:
    """TopoJSON object -> list of GeoJSON features (quantised, delta-encoded arcs undone)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        out: Ring = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    features = []
    for geom in topo["objects"][object_name]["geometries"]:
        if geom["type"] == "Polygon":
            coords: Any = [ring(r) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            coords = [[ring(r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"type": "Feature", "id": geom.get("id"),
                         "properties": {"name": geom.get("properties", {}).get("name")},
                         "geometry": {"type": geom["type"], "coordinates": coords}})
    return features


def _simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iterative (rings of thousands of points would hit the recursion limit)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            # A closed ring's chord is a point: measure the distance to it instead.
            d = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.extend(((a, index), (index, b)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _clean_ring(ring: Iterable[Iterable[float]], tolerance: float, digits: int) -> list[list[float]] | None:
    pts = [(float(p[0]), float(p[1])) for p in ring]
    simple = _simplify(pts, tolerance)
    rounded: list[list[float]] = []
    for x, y in simple:
        q = [round(x, digits), round(y, digits)]
        if not rounded or rounded[-1] != q:
            rounded.append(q)
    return rounded if len(rounded) >= 4 else None


def simplify_geometry(geom: dict[str, Any], tolerance: float, digits: int = 3) -> dict[str, Any] | None:
    """Polygon/MultiPolygon -> the same type, simplified and rounded; tiny rings dropped."""
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    out = []
    for poly in polys:
        rings = [r for r in (_clean_ring(ring, tolerance, digits) for ring in poly) if r]
        if rings:
            out.append(rings)
    if not out:
        return None
    return {"type": "MultiPolygon", "coordinates": out} if len(out) > 1 else \
        {"type": "Polygon", "coordinates": out[0]}


def _bbox(geom: dict[str, Any]) -> tuple[float, float, float, float]:
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    xs = [p[0] for poly in polys for ring in poly for p in ring]
    ys = [p[1] for poly in polys for ring in poly for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _in_window(geom: dict[str, Any]) -> bool:
    x1, y1, x2, y2 = _bbox(geom)
    return not (x2 < WINDOW[0] or x1 > WINDOW[2] or y2 < WINDOW[1] or y1 > WINDOW[3])


def build_countries(gazetteer: Path) -> dict[str, Any]:
    """Natural Earth 50m countries inside the window, simplified."""
    topo = json.loads((gazetteer / "natural_earth" / "package" / "countries-50m.json").read_text())
    features = []
    for feature in decode_topojson(topo, "countries"):
        if not _in_window(feature["geometry"]):
            continue
        geom = simplify_geometry(feature["geometry"], tolerance=0.02)
        if geom:
            features.append({"type": "Feature", "properties": {"name": feature["properties"]["name"],
                                                                "iso_n3": feature["id"]},
                             "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def build_admin1(gazetteer: Path) -> dict[str, Any]:
    """Governorate outlines: the geocoder's file when present, else WOF regions, simplified."""
    if KB_ADMIN1.exists():
        source = json.loads(KB_ADMIN1.read_text())
        raw = [(f["properties"], f["geometry"]) for f in source["features"]]
    else:
        raw = []
        for cc in ADMIN1_COUNTRIES:
            data = json.loads((gazetteer / "whosonfirst" / f"wof_{cc}_admin_polygons.geojson").read_text())
            for f in data["features"]:
                props = f["properties"]
                if props.get("placetype") == "region" and props.get("is_current", 1) != 0:
                    raw.append(({"name": props.get("name"), "name_ar": props.get("name_ar") or None,
                                 "country": cc.upper()}, f["geometry"]))
    features = []
    for props, geometry in raw:
        if not geometry or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        geom = simplify_geometry(geometry, tolerance=0.01)
        if geom:
            keep = {k: props.get(k) for k in ("name", "name_ar", "country")}
            features.append({"type": "Feature", "properties": keep, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--out", type=Path, default=STATIC_GEO)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in (("countries", build_countries(args.gazetteer)), ("admin1", build_admin1(args.gazetteer))):
        path = args.out / f"{name}.geojson"
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"{path}: {len(data['features'])} features, {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
