"""Building a gazetteer from tiny fixture sources: merging, filtering, ids, admin chain; bad files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.errors import KnowledgeBaseError
from marsad.geo import find_places, geocode, load_gazetteer
from marsad.geo.build import build

WOF_FIELDS = ["wof_id", "placetype", "name", "name_ar", "name_ar_variants", "name_en_variants", "lat", "lon",
              "region_id", "region_name", "region_name_ar", "county_id", "county_name", "county_name_ar",
              "localadmin_id", "parent_id", "geonames_id", "wikidata_id", "population", "is_current",
              "superseded_by", "src_geom", "geom_type"]


def _wof(**kw) -> dict:
    row = dict.fromkeys(WOF_FIELDS, "")
    row.update(is_current="1", region_name="Idlib", region_name_ar="إدلب", region_id="85678373")
    row.update({k: str(v) for k, v in kw.items()})
    return row


def write_sources(root: Path) -> Path:
    """A few rows in the shape of each source (WOF, OCHA Iraq, GeoNames)."""
    (root / "whosonfirst").mkdir(parents=True)
    rows = [
        _wof(wof_id=85678373, placetype="region", name="Idlib", name_ar="إدلب", name_ar_variants="محافظة إدلب",
             lat=35.77, lon=36.67, population=1500000),
        _wof(wof_id=1, placetype="locality", name="Idlib", name_ar="إدلب", lat=35.93, lon=36.63, geonames_id=169389,
             wikidata_id="Q504657", county_name="Idleb"),
        # the same village twice, 1 km apart, one with a Persian-letter variant to filter
        _wof(wof_id=2, placetype="locality", name="Kafr Tajrib", name_ar="كفر تجريب", name_ar_variants="کفر تجریب",
             lat=35.700, lon=36.500),
        _wof(wof_id=3, placetype="locality", name="Kafr Tajrib", name_ar="كفرتجريب", name_ar_variants="كفر تجريب",
             lat=35.705, lon=36.508),
        # a same-named village far away stays separate
        _wof(wof_id=4, placetype="locality", name="Kafr Tajrib", name_ar="كفر تجريب", lat=36.6, lon=37.2,
             region_name="Aleppo", region_name_ar="حلب"),
        _wof(wof_id=5, placetype="locality", name="Old", name_ar="قرية قديمة", lat=35.1, lon=36.1, is_current=0),
    ]
    with (root / "whosonfirst" / "wof_sy_places.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, WOF_FIELDS)
        w.writeheader()
        w.writerows(rows)
    (root / "geonames_cities500").mkdir()
    (root / "geonames_cities500" / "geonames_cities500_mena_with_arabic.tsv").write_text(
        "geonameid\tname\tarabic_names\tlatitude\tlongitude\tcountrycode\tadmin1code\tpopulation\talternatenames_all\n"
        "169389\tIdlib\tإدلب|ادلب|ئیدلیب\t35.93\t36.63\tSY\t12\t165000\tIdlib\n"
        "999999\tTestabad\tتستآباد|تستاباد\t35.0\t51.0\tIR\t07\t20000\tTestabad\n", encoding="utf-8")
    (root / "ocha_cod_iraq").mkdir()
    (root / "ocha_cod_iraq" / "irq_adm1_cso_20190603.csv").write_text(
        "ADM1_EN,ADM1_AR,ADM1_PCODE,ADM1_REF,ADM1ALT1EN,ADM1ALT2EN,ADM1ALT1AR,ADM1ALT2AR,ADM0_EN,ADM0_AR,ADM0_PCODE,"
        "centroid_lat,centroid_lon,inside_lat,inside_lon\n"
        "Al-Anbar,الانبار,IQG01,,,,,,Iraq,العراق,IQ,33.10,41.51,33.17,41.39\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = write_sources(tmp_path_factory.mktemp("sources"))
    out = root / "gaz.bin"
    counts = build(root, out)
    return load_gazetteer(out), counts


def test_build_merges_sources_and_keeps_ids(small):
    gaz, counts = small
    result = geocode("مدينة إدلب", gazetteer=gaz)
    m = result.match
    assert (m.kind, m.geonames_id, m.wof_id, m.wikidata, m.population) == ("locality", 169389, 1, "Q504657", 165000)
    assert counts["dropped_spellings"] >= 2  # کفر تجریب and ئیدلیب


def test_build_merges_near_duplicates_but_not_distant_namesakes(small):
    gaz, _ = small
    rows = gaz.rows_for("كفر تجريب")
    assert sorted(round(gaz.lat[r]) for r in rows) == [36, 37]
    joined = gaz.rows_for("كفرتجريب")
    assert sorted(joined) == sorted(rows)


def test_build_filters_non_arabic_spellings_and_retired_places(small):
    gaz, _ = small
    assert gaz.rows_for("کفر تجریب") == gaz.rows_for("كفر تجريب")  # folded by normalisation, not stored apart
    assert not any("ی" in (gaz.place(r).name_ar or "") for r in range(len(gaz)))
    assert gaz.rows_for("قرية قديمة") == [] and gaz.rows_for("قديمة") == []


def test_build_keeps_admin_chain_and_pcodes(small):
    gaz, _ = small
    village = geocode("قرية كفر تجريب", "SY", context=["إدلب"], gazetteer=gaz)
    assert village.match.admin1 == "Idlib" and round(village.match.lat) == 36
    anbar = geocode("محافظة الأنبار", gazetteer=gaz).match
    assert (anbar.pcode, anbar.kind, anbar.country) == ("IQG01", "governorate", "IQ")


def test_build_has_every_country_in_arabic(small):
    gaz, _ = small
    assert sum(1 for k in gaz.kind if k == "country") >= 240
    assert geocode("البرازيل", gazetteer=gaz).match.country == "BR"
    assert geocode("الولايات المتحدة", gazetteer=gaz).precision == 4


def test_build_small_gazetteer_works_for_find_places(small):
    gaz, _ = small
    found = find_places("قصفت الطائرات قرية كفر تجريب في ريف إدلب.", "SY", gazetteer=gaz)
    assert [m.text for m in found] == ["قرية كفر تجريب", "ريف إدلب"]


def test_load_gazetteer_missing_file_says_how_to_rebuild(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="marsad kb build-gazetteer"):
        load_gazetteer(tmp_path / "nope.bin")


@pytest.mark.parametrize("content", [b"", b"not a gazetteer", b"x\x9c\x00\x01garbage"])
def test_load_gazetteer_corrupt_file_says_how_to_rebuild(tmp_path, content):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(content)
    with pytest.raises(KnowledgeBaseError, match="corrupt.*build-gazetteer"):
        load_gazetteer(bad)


def test_cli_build_gazetteer_and_geocode(tmp_path):
    root = write_sources(tmp_path / "src")
    out = tmp_path / "g.bin"
    runner = CliRunner()
    built = runner.invoke(main, ["kb", "build-gazetteer", str(root), "--out", str(out), "--no-geojson"])
    assert built.exit_code == 0, built.output
    assert out.exists() and "places=" in built.output
    shown = runner.invoke(main, ["geocode", "ريف إدلب", "--country", "SY", "--gazetteer", str(out)])
    assert shown.exit_code == 0, shown.output
    assert '"precision": 2' in shown.output and '"country": "SY"' in shown.output


def test_cli_geocode_bad_gazetteer_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"junk")
    result = CliRunner().invoke(main, ["geocode", "حلب", "--gazetteer", str(bad)])
    assert result.exit_code != 0 and "build-gazetteer" in result.output


def test_cli_build_gazetteer_missing_dir(tmp_path):
    result = CliRunner().invoke(main, ["kb", "build-gazetteer", str(tmp_path / "none")])
    assert result.exit_code != 0 and "not a directory" in result.output
