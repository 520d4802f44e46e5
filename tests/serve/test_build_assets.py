"""The offline basemap: the TopoJSON decoder, the simplifier, and the shipped GeoJSON files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.serve.build_assets import decode_topojson, simplify_geometry

STATIC = Path(__file__).resolve().parents[2] / "src" / "marsad" / "serve" / "static"


def test_build_assets_decodes_delta_encoded_arcs_and_reversed_arcs():
    topo = {
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {"c": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "760", "properties": {"name": "Syria"}},
            {"type": "Polygon", "arcs": [[~1, ~0]], "id": "368", "properties": {"name": "Iraq"}},
        ]}},
    }
    syria, iraq = decode_topojson(topo, "c")
    assert syria["properties"] == {"name": "Syria"}
    assert syria["geometry"]["coordinates"] == [[(10, 20), (12, 20), (12, 22), (10, 22), (10, 20)]]
    assert iraq["geometry"]["coordinates"] == [[(10, 20), (10, 22), (12, 22), (12, 20), (10, 20)]]


def test_build_assets_simplify_keeps_corners_and_drops_collinear_points():
    square = [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 2], [0, 2], [0, 1], [0, 0]]
    geom = simplify_geometry({"type": "Polygon", "coordinates": [square]}, tolerance=0.01)
    assert geom == {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}


def test_build_assets_drops_rings_too_small_to_draw():
    speck = [[0, 0], [0.0001, 0], [0.0001, 0.0001], [0, 0]]
    assert simplify_geometry({"type": "Polygon", "coordinates": [speck]}, tolerance=0.01) is None


@pytest.mark.parametrize(("name", "key", "expected"), [
    ("countries.geojson", "name", {"Syria", "Iraq", "Yemen", "Sudan", "Libya", "Lebanon", "Egypt", "Israel"}),
    ("admin1.geojson", "country", {"SY", "IQ", "YE", "SD", "LY", "LB", "PS", "EG"}),
])
def test_build_assets_shipped_basemap_covers_the_region_and_stays_small(name, key, expected):
    path = STATIC / "geo" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert expected <= {f["properties"][key] for f in data["features"]}
    assert path.stat().st_size < 3_000_000
    for feature in data["features"]:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
