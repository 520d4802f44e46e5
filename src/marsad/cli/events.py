"""`marsad events` (list merged incidents) and `marsad export` (ACLED CSV, GeoJSON, Parquet, JSONL)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import click

from marsad.cli import main
from marsad.errors import MarsadError
from marsad.model import PLOVER_TYPES
from marsad.store import IncidentFilter, IncidentSummary, Store, open_store
from marsad.store.export import FORMATS, export

db_option = click.option("--db", metavar="PATH|URL", envvar="MARSAD_DB",
                         help="SQLite file or postgresql:// URL (default $MARSAD_DB, else ./marsad.db).")


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2024-12-01") from None


def _bbox(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple | None:
    if value is None:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise click.BadParameter(f"{value!r}: give MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, e.g. 35.7,32.3,42.4,37.3")
    return parts


def filter_options(f: Callable) -> Callable:
    """The incident filters shared by `events` and `export`."""
    options = [
        click.option("--country", metavar="CC", help="ISO 3166 alpha-2 country code, e.g. SY."),
        click.option("--since", callback=_iso_date, metavar="DATE", help="On or after this day (YYYY-MM-DD)."),
        click.option("--until", callback=_iso_date, metavar="DATE", help="On or before this day (YYYY-MM-DD)."),
        click.option("--type", "plover_type", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
                     help="PLOVER event type."),
        click.option("--acled-type", metavar="TYPE", help='ACLED event type, e.g. "Battles".'),
        click.option("--actor", metavar="ID", help="Actor id in any role, e.g. SYR-MIL."),
        click.option("--admin1", metavar="NAME", help="First-level region (governorate), e.g. Idlib."),
        click.option("--contested", is_flag=True, default=None, help="Only incidents whose sources disagree."),
        click.option("--min-fatalities", type=click.IntRange(min=0), metavar="N", help="At least N killed."),
        click.option("--bbox", callback=_bbox, metavar="W,S,E,N", help="Longitude/latitude box."),
        click.option("--text", metavar="WORDS", help="Words in names, places or the evidence (Arabic folded)."),
        db_option,
    ]
    for option in reversed(options):
        f = option(f)
    return f


def make_filter(kw: dict[str, Any]) -> IncidentFilter:
    return IncidentFilter(country=kw["country"], since=kw["since"], until=kw["until"],
                          plover_type=kw["plover_type"], acled_event_type=kw["acled_type"], actor_id=kw["actor"],
                          admin1=kw["admin1"], contested=True if kw["contested"] else None, min_fatalities=kw["min_fatalities"],
                          bbox=kw["bbox"], text=kw["text"])


def open_db(db: str | None) -> Store:
    try:
        return open_store(db)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc


SUMMARY_COLUMNS = ("id", "date_start", "date_end", "plover_type", "acled_event_type", "acled_sub_event_type",
                   "country", "admin1", "admin2", "location", "location_ar", "latitude", "longitude",
                   "actor1_id", "actor1", "actor2_id", "actor2", "fatalities", "fatalities_max", "injured",
                   "contested", "modality", "n_documents", "n_sources", "notes")


def summary_record(i: IncidentSummary) -> dict[str, Any]:
    return {
        "id": i.id, "date_start": i.date_start, "date_end": i.date_end, "plover_type": i.plover_type,
        "acled_event_type": i.acled_event_type, "acled_sub_event_type": i.acled_sub_event_type,
        "country": i.country, "admin1": i.admin1, "admin2": i.admin2, "location": i.place_name,
        "location_ar": i.place_name_ar, "latitude": i.lat, "longitude": i.lon,
        "actor1_id": i.actor1.id if i.actor1 else None, "actor1": i.actor1.name if i.actor1 else None,
        "actor2_id": i.actor2.id if i.actor2 else None, "actor2": i.actor2.name if i.actor2 else None,
        "fatalities": i.fatalities, "fatalities_max": i.fatalities_max, "injured": i.injured,
        "contested": i.contested, "modality": i.modality, "n_documents": i.n_documents,
        "n_sources": i.n_sources, "notes": i.notes,
    }


def _killed(i: IncidentSummary) -> str:
    if i.fatalities is None:
        return "-"
    if i.fatalities_max is not None and i.fatalities_max != i.fatalities:
        return f"{i.fatalities}-{i.fatalities_max}"
    return str(i.fatalities)


def _table(items: Iterable[IncidentSummary], out: Any) -> int:
    header = ("date", "type", "country", "place", "actor1", "actor2", "killed", "sources", "contested", "id")
    out.write("\t".join(header) + "\n")
    n = 0
    for i in items:
        row = (i.date_start or "-", i.plover_type, i.country or "-", i.place_name or i.place_name_ar or "-",
               i.actor1.id if i.actor1 else "-", i.actor2.id if i.actor2 else "-", _killed(i), str(i.n_sources),
               "yes" if i.contested else "no", i.id)
        out.write("\t".join(row) + "\n")
        n += 1
    return n


TABLE_LIMIT = 100  # a table is read on a terminal: the newest screenfuls, not 100,000 lines


@main.command()
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help=f"At most N incidents (default: {TABLE_LIMIT} for a table, all for json and csv).")
@click.option("--all", "show_all", is_flag=True, help="Every matching incident, in a table too.")
def events(fmt: str, limit: int | None, show_all: bool, db: str | None, **kw: Any) -> None:
    """List merged incidents (one incident across all the articles that report it), newest first.

    A table shows the newest 100 and says how many more match (--limit N or --all for more);
    json and csv list them all.

    Example: marsad events --country SY --since 2024-12-01 --type ASSAULT --format json
    """
    if show_all and limit is not None:
        raise click.UsageError("give --limit N or --all, not both")
    default_cut = fmt == "table" and limit is None and not show_all
    if default_cut:
        limit = TABLE_LIMIT
    store = open_db(db)
    try:
        f = make_filter(kw)
        # Pages the size of the limit: the default table reads one page, not the whole store.
        items: Iterable[IncidentSummary] = store.iter_incidents(f, batch=min(limit or 1000, 1000))
        if limit is not None:
            items = (i for n, i in zip(range(limit), items, strict=False))
        out = sys.stdout
        if fmt == "table":
            shown = _table(items, out)
            if default_cut and shown == TABLE_LIMIT:
                more = store.count_incidents(f) - shown
                if more > 0:
                    click.echo(f"… {more} more incidents match: --limit N or --all shows them, "
                               "--format csv or json lists them all", err=True)
        elif fmt == "json":
            out.write("[")
            for n, i in enumerate(items):
                out.write((",\n" if n else "\n") + json.dumps(summary_record(i), ensure_ascii=False))
            out.write("\n]\n")
        else:
            writer = csv.DictWriter(out, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for i in items:
                writer.writerow(summary_record(i))
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default standard output; required for parquet).")
@filter_options
def export_cmd(fmt: str, out_path: Path | None, db: str | None, **kw: Any) -> None:
    """Export incidents as ACLED-compatible CSV, GeoJSON, Parquet or JSON Lines.

    FORMAT is acled-csv, geojson, parquet or jsonl. ACLED CSV has ACLED's columns and conventions
    plus claims, contested, fatalities_max and marsad_id.

    Example: marsad export acled-csv --country SY --since 2024-12-01 --out syria.csv
    """
    if fmt == "parquet" and out_path is None:
        raise click.UsageError("parquet is binary: give --out FILE.parquet")
    store = open_db(db)
    try:
        incidents = store.iter_incidents(make_filter(kw), with_claims=True)
        if fmt == "parquet":
            n = export(incidents, fmt, str(out_path))
        elif out_path is None:
            n = export(incidents, fmt, sys.stdout)
        else:
            with out_path.open("w", encoding="utf-8", newline="") as fh:
                n = export(incidents, fmt, fh)
    except (MarsadError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if out_path is not None:
        click.echo(f"wrote {n} incidents to {out_path}", err=True)
