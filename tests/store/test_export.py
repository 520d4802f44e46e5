"""ACLED conventions of the exports: country codes, time precision, inter codes, record shapes."""

from __future__ import annotations

import json

import pytest

from marsad.store.export import ACLED_COLUMNS, acled_row, record, to_string

from .factories import HAMA, MOSUL, SOHR, strike_report


@pytest.fixture
def incidents(store):
    for r in (strike_report("a", "قتل خمسة مدنيين بغارة على حماة.", place=HAMA, source=SOHR),
              strike_report("b", "قصف على الموصل.", place=MOSUL, killed=None, day=None)):
        store.save(r.document, r)
    return {i.place_name: i for i in store.iter_incidents(with_claims=True)}


def test_export_acled_row_conventions(incidents):
    row = acled_row(incidents["Hama"], 1_733_000_000)
    assert list(row)[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert (row["iso"], row["country"], row["time_precision"], row["geo_precision"]) == (760, "Syria", 1, 1)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 7, 17)
    assert json.loads(row["claims"])[0]["source_actor_id"] == "SOHR"
    undated = acled_row(incidents["Mosul"], 1_733_000_000)
    assert (undated["event_date"], undated["year"], undated["time_precision"], undated["fatalities"]) == (
        "", "", 3, 0)
    assert (undated["iso"], undated["event_id_cnty"][:3]) == (368, "IRQ")


@pytest.mark.parametrize("country, iso", [("SD", 729), ("YE", 887), ("PS", 275), ("LB", 422), ("LY", 434),
                                          ("EG", 818)])
def test_export_current_numeric_iso_codes(country, iso):
    from marsad.store.export import _numeric

    assert _numeric()[country] == iso


def test_export_record_and_streams(incidents):
    rec = record(incidents["Hama"])
    assert rec["claims"][0]["evidence"]["text"] and rec["sources"] == ["وكالة الشرق"]
    lines = to_string(incidents.values(), "jsonl").splitlines()
    assert sorted(json.loads(x)["location"] for x in lines) == ["Hama", "Mosul"]
    geo = json.loads(to_string(incidents.values(), "geojson"))
    assert [f["geometry"]["coordinates"] for f in geo["features"] if f["properties"]["location"] == "Mosul"] == [
        [43.13, 36.34]]
    with pytest.raises(ValueError, match="unknown export format"):
        to_string([], "kml")
