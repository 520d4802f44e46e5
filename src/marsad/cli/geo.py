"""`marsad geocode PHRASE` and `marsad kb build-gazetteer SOURCES_DIR`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from marsad.cli import main
from marsad.errors import MarsadError


@main.group()
def kb() -> None:
    """Knowledge-base files: build the shipped data from their sources."""


@kb.command("build-gazetteer")
@click.argument("sources_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: the shipped marsad/kb/data/gazetteer.bin).")
@click.option("--geojson/--no-geojson", default=True,
              help="Also write admin1.geojson (simplified governorate outlines) next to the output.")
def build_gazetteer(sources_dir: Path, out: Path | None, geojson: bool) -> None:
    """Compile the gazetteer from SOURCES_DIR (e.g. ../shared/data/gazetteer)."""
    from marsad.geo.build import build
    from marsad.geo.gazetteer import DEFAULT_PATH

    if not sources_dir.is_dir():
        raise click.ClickException(f"{sources_dir} is not a directory of gazetteer sources "
                                   "(expected whosonfirst/, ocha_cod_iraq/, geonames_cities500/ ...)")
    out = out or DEFAULT_PATH
    t0 = time.perf_counter()
    try:
        counts = build(sources_dir, out)
        if geojson:
            from marsad.geo.outlines import write_admin1_geojson
            n = write_admin1_geojson(sources_dir, out.parent / "admin1.geojson")
            counts["admin1_outlines"] = n
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    counts["seconds"] = round(time.perf_counter() - t0, 1)
    counts["bytes"] = out.stat().st_size
    click.echo(f"wrote {out}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))


@main.command()
@click.argument("phrase")
@click.option("--country", default=None, help="ISO2 country of the article (e.g. SY) to break ties.")
@click.option("--context", multiple=True, help="Another place named nearby (repeatable).")
@click.option("--gazetteer", "gaz_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A gazetteer file other than the shipped one.")
def geocode(phrase: str, country: str | None, context: tuple[str, ...], gaz_path: Path | None) -> None:
    """Geocode one Arabic (or English) place PHRASE and print the match as JSON."""
    from marsad.geo import geocode as geocode_phrase
    from marsad.geo import load_gazetteer

    try:
        gaz = load_gazetteer(gaz_path)
        result = geocode_phrase(phrase, country, context, gazetteer=gaz)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    m = result.match
    doc = {"phrase": phrase, "match": m is not None, "precision": result.precision,
           "confidence": result.confidence}
    if m is not None:
        doc.update({"name": m.name, "name_ar": m.name_ar, "country": m.country, "kind": m.kind,
                    "admin1": m.admin1, "admin1_ar": m.admin1_ar, "admin2": m.admin2, "admin2_ar": m.admin2_ar,
                    "lat": m.lat, "lon": m.lon,
                    "ids": {"geonames": m.geonames_id, "wof": m.wof_id, "wikidata": m.wikidata, "pcode": m.pcode}})
    doc["alternatives"] = [{"name": a.name, "name_ar": a.name_ar, "country": a.country, "kind": a.kind,
                            "admin1": a.admin1, "lat": a.lat, "lon": a.lon} for a in result.alternatives]
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
