"""How fast `marsad ingest` turns HTML files into stored incidents, and how fast `marsad events` lists
100,000 incidents. Prints figures; asserts nothing.

    python benchmarks/ingest.py                       # 10,000 articles, SQLite (+ PostgreSQL if a URL is set)
    python benchmarks/ingest.py --docs 500 --incidents 20000 --workers 4
    python benchmarks/ingest.py --extractor stub      # storage and ingestion only, no extraction core

PostgreSQL runs when --pg-url or MARSAD_TEST_PG_URL is set, in a schema `marsad_bench` of that
database that is dropped and recreated (the test database from scripts/start-postgres.sh will do). The articles are generated from templates written
for this script: fictional reports, varied outlets, places, actors, tolls and dates 2012-2024.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import create_engine, insert, text

import marsad.cli.ingest as ingest_module
from marsad.cli import main
from marsad.model import (
    Acled,
    Actor,
    DateSpan,
    Document,
    DocumentResult,
    Event,
    Figure,
    Location,
    Plover,
    Span,
)
from marsad.store import open_store, resolve_url
from marsad.store.schema import ActorRow, IncidentActorRow, IncidentRow

PLACES = [  # (Arabic, English, country, admin1, lat, lon)
    ("إدلب", "Idlib", "SY", "Idlib", 35.93, 36.63), ("حلب", "Aleppo", "SY", "Aleppo", 36.20, 37.16),
    ("دير الزور", "Deir ez-Zor", "SY", "Deir ez-Zor", 35.33, 40.14), ("درعا", "Daraa", "SY", "Daraa", 32.62, 36.10),
    ("الموصل", "Mosul", "IQ", "Nineveh", 36.34, 43.13), ("الرمادي", "Ramadi", "IQ", "Anbar", 33.42, 43.30),
    ("تعز", "Taizz", "YE", "Taizz", 13.58, 44.02), ("الحديدة", "Al Hudaydah", "YE", "Al Hudaydah", 14.80, 42.95),
    ("الفاشر", "El Fasher", "SD", "North Darfur", 13.63, 25.35), ("أم درمان", "Omdurman", "SD", "Khartoum", 15.64, 32.48),
    ("سرت", "Sirte", "LY", "Sirte", 31.21, 16.59), ("بنغازي", "Benghazi", "LY", "Benghazi", 32.12, 20.07),
    ("النبطية", "Nabatieh", "LB", "Nabatieh", 33.38, 35.48), ("رفح", "Rafah", "PS", "Gaza Strip", 31.30, 34.25),
    ("العريش", "Arish", "EG", "North Sinai", 31.13, 33.80),
]
ACTORS = [("الجيش السوري", "SYR-MIL", "state_forces"), ("قوات سوريا الديمقراطية", "SDF", "rebel_group"),
          ("الجيش العراقي", "IRQ-MIL", "state_forces"), ("جماعة الحوثي", "HOUTHI", "rebel_group"),
          ("قوات الدعم السريع", "RSF", "rebel_group"), ("الجيش الوطني الليبي", "LNA", "rebel_group")]
OUTLETS = ["وكالة الأنباء المحلية", "شبكة أخبار الشرق", "صحيفة الوطن اليوم", "موقع المرصد الإخباري", "إذاعة الساحل"]
LEADS = ["قالت مصادر محلية إن", "أفاد ناشطون بأن", "ذكر مراسلنا أن", "أعلنت فرق الدفاع المدني أن"]
EVENTS = ["غارة جوية استهدفت", "قصفا مدفعيا طال", "انفجار عبوة ناسفة في", "اشتباكات عنيفة اندلعت في"]
FILLER = ["وأضافت المصادر أن فرق الإسعاف نقلت {n} جرحى إلى مشفى {p} الوطني.",
          "وشهدت أحياء {p} حركة نزوح لنحو {n} عائلة نحو القرى المجاورة.",
          "ولم تصدر {a} أي تعليق على الحادثة حتى ساعة إعداد هذا الخبر.",
          "وتأتي هذه التطورات في ظل تصعيد تشهده {p} منذ {n} يوما.",
          "وطالبت منظمات حقوقية بفتح تحقيق مستقل في ملابسات ما جرى في {p}.",
          "وقال شهود عيان إن {n} منزلا على الأقل تضررت في محيط السوق.",
          "وأشار ناشط من {p} إلى أن الطائرات حلقت في سماء المنطقة لساعات.",
          "واتهم مسؤول محلي {a} بخرق التهدئة للمرة {n} هذا الشهر.",
          "وأغلقت المدارس أبوابها في {p} خشية تجدد القصف.",
          "وتحدثت مصادر طبية عن نقص حاد في الأدوية بمشافي المنطقة."]
WORDS = ["ثلاثة", "خمسة", "سبعة", "عشرة", "اثني عشر"]


def article_html(i: int, rng: random.Random) -> str:
    place = rng.choice(PLACES)
    actor = rng.choice(ACTORS)
    day = date(2012, 1, 1) + timedelta(days=rng.randrange(4700))
    killed = rng.choice([str(rng.randint(2, 60)), rng.choice(WORDS)])
    body = [f"{rng.choice(LEADS)} {killed} مدنيين قتلوا أمس في {rng.choice(EVENTS)} حيا سكنيا في مدينة "
            f"{place[0]}، واتهمت {actor[0]} بالوقوف وراء الهجوم (تقرير رقم {i})."]
    body += [f.format(p=place[0], a=rng.choice(ACTORS)[0], n=rng.randint(2, 90)) for f in rng.sample(FILLER, 3)]
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    outlet = rng.choice(OUTLETS)
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>مقتل مدنيين في {place[0]} | {outlet}</title>"
            f'<meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00+03:00">'
            f'<link rel="canonical" href="https://news{i % 7}.example/{day:%Y/%m}/{i}.html"></head><body>'
            f"<nav><a href='/'>الرئيسية</a> <a href='/news'>أخبار</a></nav>"
            f"<article><h1>مقتل مدنيين في {place[0]}</h1>{paragraphs}</article>"
            f"<footer>اشترك في نشرتنا البريدية. جميع الحقوق محفوظة.</footer></body></html>")


def stub_extract(doc: Document) -> DocumentResult:
    """A cheap stand-in for the extraction core: one strike at the first known place named."""
    place = next((p for p in PLACES if p[0] in doc.text), None)
    if place is None:
        return DocumentResult(doc, ())
    actor = next((a for a in ACTORS if a[0] in doc.text), None)
    end = doc.text.find(".") + 1 or len(doc.text)
    day = (date.fromisoformat(doc.published[:10]) - timedelta(days=1)).isoformat() if doc.published else None
    ev = Event("e1", Plover("ASSAULT", "aerial"), (Span(0, end, doc.text[:end]),),
               acled=Acled("Explosions/Remote violence", "Air/drone strike"),
               date=DateSpan(day, day, "day") if day else None,
               actor1=Actor(actor[1], None, actor[0], actor[2], place[2]) if actor else None,
               locations=(Location(place[1], place[0], place[2], place[3], place[1], place[4], place[5], None, 1),),
               fatalities=Figure(5))
    return DocumentResult(doc, (ev,))


BENCH_SCHEMA = "marsad_bench"


def reset_pg(url: str) -> str:
    """An empty schema of its own in the database at `url`; returns the URL that uses it."""
    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {BENCH_SCHEMA}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{BENCH_SCHEMA}"


def bench_ingest(folder: Path, db: str, n: int, workers: int) -> None:
    runner = CliRunner()
    t0, cpu0 = time.perf_counter(), time.process_time()
    result = runner.invoke(main, ["ingest", str(folder), "--db", db, "--workers", str(workers)])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    last = result.output.strip().splitlines()[-1] if result.output.strip() else repr(result.exception)
    print(f"  ingest {n} HTML files: {elapsed:.1f} s = {n / elapsed:.0f} documents/s  [{last}]")
    print(f"  main (storing) process CPU {cpu * 1000 / n:.2f} ms per document; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    t0 = time.perf_counter()
    runner.invoke(main, ["ingest", str(folder), "--db", db])
    print(f"  re-run (all already stored): {time.perf_counter() - t0:.1f} s")
    with open_store(db) as s:
        print(f"  stored: {s.counts()['documents']} documents, {s.counts()['incidents']} incidents")


def fill_incidents(db: str, n: int, rng: random.Random) -> None:
    """n synthetic incident rows (bulk insert: this measures listing, not merging)."""
    with open_store(db) as s, s.engine.begin() as conn:
        conn.execute(insert(ActorRow.__table__), [{"id": a[1], "name": a[1], "name_ar": a[0], "type": a[2],
                                                   "country": None, "derived": False} for a in ACTORS])
        rows, links = [], []
        for i in range(n):
            place, actor = rng.choice(PLACES), rng.choice(ACTORS)
            day = (date(2012, 1, 1) + timedelta(days=rng.randrange(4700))).isoformat()
            killed = rng.randint(0, 40)
            iid = f"ibench{i:09d}"
            rows.append({"id": iid, "plover_type": rng.choice(["ASSAULT", "PROTEST", "COERCE"]), "plover_mode": None,
                         "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash", "date_start": day,
                         "date_end": day, "date_precision": "day", "sort_date": day, "country": place[2],
                         "admin1": place[3], "admin2": place[1], "place_id": None, "place_name": place[1],
                         "place_name_ar": place[0], "lat": place[4], "lon": place[5], "geo_precision": 1,
                         "actor1_id": actor[1], "actor2_id": None, "fatalities": killed,
                         "fatalities_max": killed + rng.choice([0, 0, 3]), "injured": None, "injured_max": None,
                         "contested": rng.random() < 0.1, "modality": "asserted", "n_events": 1, "n_documents": 1,
                         "n_sources": 1, "notes": f"حادثة رقم {i} في {place[0]}", "search": place[0]})
            links.append({"incident_id": iid, "actor_id": actor[1], "sort_date": day})
            if len(rows) == 5000:
                conn.execute(insert(IncidentRow.__table__), rows)
                conn.execute(insert(IncidentActorRow.__table__), links)
                rows, links = [], []
        if rows:
            conn.execute(insert(IncidentRow.__table__), rows)
            conn.execute(insert(IncidentActorRow.__table__), links)


def bench_events(db: str, n: int) -> None:
    cases = [("all, csv", ["--format", "csv"]), ("table (newest 100 by default)", []), ("all, table", ["--all"]),
             ("--country SY --since 2020-01-01", ["--country", "SY", "--since", "2020-01-01"]),
             ("--actor HOUTHI --contested", ["--actor", "HOUTHI", "--contested"]),
             ("first 100", ["--limit", "100"])]
    for name, args in cases:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", "from marsad.cli import main; main()", "events",
                               "--db", db, *args], capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        lines = proc.stdout.count("\n")
        print(f"  marsad events {name:34} {elapsed:6.2f} s  ({lines} lines, exit {proc.returncode})")


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000, help="articles to generate and ingest")
    parser.add_argument("--incidents", type=int, default=100_000, help="incidents for the events timing")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    parser.add_argument("--extractor", choices=["real", "stub"], default="real")
    parser.add_argument("--pg-url", default=os.environ.get("MARSAD_TEST_PG_URL"),
                        help="PostgreSQL URL (schema marsad_bench is recreated)")
    args = parser.parse_args()
    if args.extractor == "stub":
        ingest_module.load_extractor = lambda: stub_extract
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "html"
        folder.mkdir()
        for i in range(args.docs):
            (folder / f"a{i:06d}.html").write_text(article_html(i, rng), encoding="utf-8")
        print(f"{args.docs} generated HTML articles, extractor={args.extractor}, workers={args.workers}")
        print("SQLite:")
        bench_ingest(folder, str(Path(tmp) / "ingest.db"), args.docs, args.workers)
        if args.pg_url:
            print("PostgreSQL:")
            bench_ingest(folder, reset_pg(args.pg_url), args.docs, args.workers)
        else:
            print("PostgreSQL: skipped (set --pg-url or MARSAD_TEST_PG_URL)")
        print(f"marsad events over {args.incidents} incidents (SQLite, each a fresh process):")
        events_db = str(Path(tmp) / "events.db")
        fill_incidents(events_db, args.incidents, rng)
        bench_events(events_db, args.incidents)


if __name__ == "__main__":
    main_()
