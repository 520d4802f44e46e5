"""`marsad events` and `marsad export`: output formats, filters, errors, and exports read back."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.model import Acled, Plover
from marsad.store import open_store
from marsad.store.export import ACLED_COLUMNS, MARSAD_COLUMNS
from store.factories import HAMA, HTS, IRQ_MIL, ISIS, MOSUL, SOHR, WHITE_HELMETS, strike_report

PROTEST = (Plover("PROTEST"), Acled("Protests", "Peaceful protest"))
CONSULT = (Plover("CONSULT"), None)


@pytest.fixture
def db(tmp_path) -> str:
    """A store with four incidents: a strike on Idlib told by two sources (contested, 5-7 killed),
    a clash in Mosul, a protest in Hama, and a phone call (no ACLED type)."""
    path = str(tmp_path / "m.db")
    reports = [
        strike_report("a", "قال المرصد إن خمسة مدنيين قتلوا بغارة على إدلب.", source=SOHR, killed=5,
                      outlet="وكالة الشرق"),
        strike_report("b", "أفاد الدفاع المدني بمقتل سبعة مدنيين بغارة على مدينة إدلب.",
                      source=WHITE_HELMETS, killed=7, outlet="شبكة الشمال"),
        strike_report("c", "اشتباكات بين الجيش العراقي وتنظيم الدولة في الموصل.", place=MOSUL, actor1=IRQ_MIL,
                      actor2=ISIS, killed=12, day="2024-11-28"),
        strike_report("d", "تظاهر المئات في حماة.", place=HAMA, plover=PROTEST, actor1=None, actor2=None,
                      killed=None, day="2024-12-03"),
        strike_report("e", "اتصال بين قائد الهيئة ومسؤول تركي.", place=HAMA, plover=CONSULT, actor1=HTS,
                      actor2=None, killed=None, day="2024-11-20"),
    ]
    with open_store(path) as s:
        for r in reports:
            s.save(r.document, r)
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_events_table(db):
    result = invoke("events", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "date\ttype\tcountry\tplace\tactor1\tactor2\tkilled\tsources\tcontested\tid"
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[:9] for r in rows] == [
        ["2024-12-03", "PROTEST", "SY", "Hama", "-", "-", "-", "1", "no"],
        ["2024-12-01", "ASSAULT", "SY", "Idlib", "SYR-MIL", "SYR-CIV", "5-7", "2", "yes"],
        ["2024-11-28", "ASSAULT", "IQ", "Mosul", "IRQ-MIL", "ISIS", "12", "1", "no"],
        ["2024-11-20", "CONSULT", "SY", "Hama", "HTS", "-", "-", "1", "no"],
    ]


@pytest.mark.parametrize("args, places", [
    (["--country", "SY"], ["Hama", "Idlib", "Hama"]),
    (["--country", "SY", "--since", "2024-12-01"], ["Hama", "Idlib"]),
    (["--until", "2024-11-30"], ["Mosul", "Hama"]),
    (["--type", "ASSAULT"], ["Idlib", "Mosul"]),
    (["--type", "assault", "--country", "IQ"], ["Mosul"]),
    (["--actor", "HTS"], ["Hama"]),
    (["--actor", "RUS-MIL"], ["Idlib"]),
    (["--contested"], ["Idlib"]),
    (["--min-fatalities", "10"], ["Mosul"]),
    (["--text", "الموصل"], ["Mosul"]),
    (["--bbox", "36,35,37,36.5"], ["Hama", "Idlib", "Hama"]),
    (["--limit", "1"], ["Hama"]),
])
def test_events_filters(db, args, places):
    result = invoke("events", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    assert [r["location"] for r in json.loads(result.output)] == places


def test_events_json_values(db):
    rows = json.loads(invoke("events", "--db", db, "--format", "json", "--contested").output)
    (row,) = rows
    assert (row["fatalities"], row["fatalities_max"], row["contested"], row["n_sources"]) == (5, 7, True, 2)
    assert row["actor1"] == "Military Forces of Syria" and row["latitude"] == 35.93


def test_events_csv(db):
    result = invoke("events", "--db", db, "--format", "csv", "--type", "ASSAULT")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["location"], r["fatalities"], r["contested"]) for r in rows] == [
        ("Idlib", "5", "True"), ("Mosul", "12", "False")]


def test_events_empty_store_prints_only_the_header(tmp_path):
    result = invoke("events", "--db", str(tmp_path / "new.db"), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output) == []


@pytest.mark.parametrize("args, message", [
    (["--since", "1 December"], "is not a date; write YYYY-MM-DD"),
    (["--type", "BOMBING"], "'BOMBING' is not one of"),
    (["--bbox", "1,2,3"], "give MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"),
    (["--format", "xml"], "'xml' is not one of"),
])
def test_events_bad_options_exit_2(db, args, message):
    result = invoke("events", "--db", db, *args)
    assert result.exit_code == 2 and message in result.output


def test_events_unreachable_database_exits_1():
    result = invoke("events", "--db", "postgresql://nobody:x@127.0.0.1:1/none")
    assert result.exit_code == 1 and result.output.startswith("Error: cannot open or migrate the database")


# ---- exports ----------------------------------------------------------------------------------

def test_export_acled_csv_reads_back_with_pandas(db, tmp_path):
    out = tmp_path / "acled.csv"
    result = invoke("export", "acled-csv", "--db", db, "--out", str(out))
    assert result.exit_code == 0 and "wrote 3 incidents" in result.output  # the phone call is no ACLED event
    df = pd.read_csv(out, keep_default_na=False)
    assert tuple(df.columns) == ACLED_COLUMNS + MARSAD_COLUMNS
    idlib = df[df.location == "Idlib"].iloc[0]
    assert idlib.event_id_cnty.startswith("SYR") and idlib.event_id_cnty[3:].isdigit()
    assert (idlib.event_date, idlib.year, idlib.time_precision) == ("2024-12-01", 2024, 1)
    assert (idlib.disorder_type, idlib.event_type, idlib.sub_event_type) == (
        "Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert (idlib.actor1, idlib.assoc_actor_1, idlib.inter1, idlib.actor2, idlib.inter2, idlib.interaction) == (
        "Military Forces of Syria", "Military Forces of Russia", 1, "Civilians (Syria)", 7, 17)
    assert (idlib.civilian_targeting, idlib.iso, idlib.country, idlib.admin1) == (
        "Civilian targeting", 760, "Syria", "Idlib")
    assert (idlib.latitude, idlib.longitude, idlib.geo_precision) == (35.93, 36.63, 1)
    assert (idlib.fatalities, idlib.fatalities_max, idlib.contested) == (5, "7", True)  # "" where unknown
    assert idlib.source == "شبكة الشمال; وكالة الشرق"
    claims = json.loads(idlib.claims)
    assert sorted((c["source_actor_id"], c["fatalities"]) for c in claims) == [("SCD", 7), ("SOHR", 5)]
    mosul = df[df.location == "Mosul"].iloc[0]
    assert (mosul.iso, mosul.country, mosul.interaction, mosul.civilian_targeting) == (368, "Iraq", 12, "")
    protest = df[df.event_type == "Protests"].iloc[0]
    assert (protest.disorder_type, protest.fatalities, protest.interaction, protest.actor1) == (
        "Demonstrations", 0, 0, "")
    assert (df.timestamp > 1_700_000_000).all()


def test_export_geojson_is_a_feature_collection(db, tmp_path):
    out = tmp_path / "incidents.geojson"
    assert invoke("export", "geojson", "--db", db, "--out", str(out), "--country", "SY").exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    idlib = next(f for f in data["features"] if f["properties"]["location"] == "Idlib")
    assert idlib["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert idlib["properties"]["fatalities"] == 5 and idlib["properties"]["contested"] is True
    assert len(json.loads(idlib["properties"]["claims"])) == 2


def test_export_parquet_reads_back_with_pyarrow(db, tmp_path):
    out = tmp_path / "incidents.parquet"
    assert invoke("export", "parquet", "--db", db, "--out", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 4
    rows = {r["location"] + ":" + r["plover_type"]: r for r in table.to_pylist()}
    assert rows["Idlib:ASSAULT"]["fatalities_max"] == 7 and rows["Mosul:ASSAULT"]["fatalities"] == 12
    assert rows["Hama:CONSULT"]["actor1_id"] == "HTS" and rows["Hama:PROTEST"]["fatalities"] is None
    assert pd.read_parquet(out).shape == (4, len(table.schema))


def test_export_jsonl_to_stdout(db):
    result = invoke("export", "jsonl", "--db", db, "--contested")
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["n_documents"] == 2 and {c["outlet"] for c in record["claims"]} == {"وكالة الشرق", "شبكة الشمال"}
    for claim in record["claims"]:
        assert claim["evidence"]["text"] and claim["url"].startswith("https://news.example/")


def test_export_parquet_needs_a_file(db):
    result = invoke("export", "parquet", "--db", db)
    assert result.exit_code == 2 and "give --out FILE.parquet" in result.output


def test_export_unknown_format(db):
    result = invoke("export", "shapefile", "--db", db)
    assert result.exit_code == 2 and "'shapefile' is not one of" in result.output


@pytest.mark.parametrize("command", ["events", "export"])
def test_events_commands_have_help_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and f"Example: marsad {command}" in result.output


def test_events_table_shows_the_newest_and_says_how_many_more(db, monkeypatch):
    import marsad.cli.events as events_module

    monkeypatch.setattr(events_module, "TABLE_LIMIT", 2)
    result = invoke("events", "--db", db)
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[3] for line in result.stdout.splitlines()[1:]] == ["Hama", "Idlib"]
    assert "2 more incidents match: --limit N or --all shows them" in result.stderr


@pytest.mark.parametrize("args, rows", [(["--all"], 4), (["--limit", "3"], 3), (["--format", "csv"], 4)])
def test_events_table_cut_only_by_default(db, monkeypatch, args, rows):
    import marsad.cli.events as events_module

    monkeypatch.setattr(events_module, "TABLE_LIMIT", 2)
    result = invoke("events", "--db", db, *args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == rows + 1 and "more incidents match" not in result.stderr


def test_events_limit_and_all_together_is_a_usage_error(db):
    result = invoke("events", "--db", db, "--all", "--limit", "2")
    assert result.exit_code == 2 and "give --limit N or --all, not both" in result.output
