"""The shipped gazetteer file: present, compact, complete where the project needs it."""

from __future__ import annotations

from collections import Counter

from marsad.geo import DEFAULT_PATH, geocode, load_gazetteer


def test_gazetteer_shipped_file_is_compact_and_loads():
    assert DEFAULT_PATH.stat().st_size <= 40 * 1024 * 1024
    gaz = load_gazetteer()
    assert len(gaz) > 50_000


def test_gazetteer_has_governorates_of_the_core_countries():
    gaz = load_gazetteer()
    count = Counter(c for c, k in zip(gaz.country, gaz.kind, strict=True) if k == "governorate")
    assert count["SY"] >= 14 and count["IQ"] >= 18 and count["YE"] >= 21 and count["LB"] >= 8
    assert count["SD"] >= 17 and count["EG"] >= 27 and count["LY"] >= 20


def test_gazetteer_iraq_and_yemen_governorates_carry_pcodes():
    gaz = load_gazetteer()
    for country, prefix in (("IQ", "IQG"), ("YE", "YE")):
        rows = [r for r in range(len(gaz)) if gaz.country[r] == country and gaz.kind[r] == "governorate"]
        with_pcode = [r for r in rows if (gaz.place(r).pcode or "").startswith(prefix)]
        assert len(with_pcode) >= 18


def test_gazetteer_every_country_has_an_arabic_name():
    gaz = load_gazetteer()
    countries = [gaz.place(r) for r in range(len(gaz)) if gaz.kind[r] == "country"]
    assert len(countries) >= 240
    assert all(p.name_ar for p in countries)
    assert geocode("جزر القمر").match.country == "KM"


def test_gazetteer_admin_outlines_exported():
    import json

    outlines = json.loads((DEFAULT_PATH.parent / "admin1.geojson").read_text(encoding="utf-8"))
    names = {(f["properties"]["country"], f["properties"]["name"]) for f in outlines["features"]}
    assert ("SY", "Idlib") in names and len(outlines["features"]) >= 100
