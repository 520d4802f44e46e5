"""How fast /api/events answers: N synthetic incidents in SQLite, C concurrent clients, typical filters.

    .venv/bin/python benchmarks/serve.py [--incidents 100000] [--clients 20] [--requests 2000] [--workers 1]

Loads the incidents with bulk inserts into the store's own tables (the store's schema, migrated
by `open_store`), starts `marsad serve` in a subprocess on a free 127.0.0.1 port, then runs the
clients (threads, each with its own keep-alive connection) over a fixed list of filter mixes and
prints p50/p95/p99 latency and requests per second. The goal is p95 <= 150 ms at 100,000
incidents and 20 clients. Nothing is asserted: this prints figures.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import insert

from marsad.store import open_store
from marsad.store.schema import ActorRow, IncidentActorRow, IncidentRow

COUNTRIES = {  # country: (lat, lon, spread in degrees, governorates)
    "SY": (35.0, 38.0, 2.0, ["Idlib", "Aleppo", "Hama", "Homs", "Damascus", "Daraa", "Deir ez-Zor", "Raqqa"]),
    "IQ": (33.3, 44.0, 2.5, ["Baghdad", "Nineveh", "Anbar", "Basra", "Diyala", "Kirkuk", "Salah al-Din"]),
    "YE": (15.0, 45.0, 2.0, ["Sanaa", "Taizz", "Aden", "Marib", "Al Hudaydah", "Saada"]),
    "SD": (14.0, 30.0, 3.0, ["Khartoum", "North Darfur", "West Darfur", "Gezira", "Kordofan"]),
    "LY": (31.0, 17.0, 3.0, ["Tripoli", "Benghazi", "Misrata", "Sirte"]),
    "LB": (33.8, 35.8, 0.4, ["Beirut", "South", "Bekaa", "North"]),
    "PS": (31.7, 34.9, 0.3, ["Gaza", "Nablus", "Jenin", "Hebron"]),
    "EG": (29.0, 31.0, 2.0, ["Cairo", "Giza", "North Sinai", "Alexandria"]),
}
TYPES = [("ASSAULT", "Explosions/Remote violence", 5), ("ASSAULT", "Battles", 4),
         ("ASSAULT", "Violence against civilians", 2), ("PROTEST", "Protests", 3), ("COERCE", None, 1),
         ("MOBILIZE", None, 1), ("CONSULT", None, 1), ("ACCUSE", None, 1), ("THREATEN", None, 1)]
ACTORS = [f"ACT-{i:03d}" for i in range(200)]


def load(url: str, n: int, seed: int = 7) -> None:
    """n synthetic incidents (2007-2025, the eight countries) with actors, in batches."""
    rng = random.Random(seed)
    store = open_store(url)
    weights = [w for *_, w in TYPES]
    with store.engine.begin() as conn:
        conn.execute(insert(ActorRow.__table__), [
            {"id": a, "name": f"Actor {a}", "name_ar": f"فاعل {a}", "type": "rebel_group", "country": "SY",
             "derived": False} for a in ACTORS])
    start = time.perf_counter()
    batch: list[dict] = []
    links: list[dict] = []
    base_day = 13514  # 2007-01-01 as days since 1970-01-01
    for i in range(n):
        country = rng.choice(list(COUNTRIES))
        lat, lon, spread, govs = COUNTRIES[country]
        plover, acled, _ = rng.choices(TYPES, weights)[0]
        day = time.strftime("%Y-%m-%d", time.gmtime((base_day + rng.randrange(6900)) * 86400))
        deaths = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 45])
        a1, a2 = rng.sample(ACTORS, 2)
        gov = rng.choice(govs)
        batch.append({
            "id": f"i{i:09d}", "plover_type": plover, "plover_mode": None, "acled_event_type": acled,
            "acled_sub_event_type": None, "date_start": day, "date_end": day, "date_precision": "day",
            "sort_date": day, "country": country, "admin1": gov, "admin2": None, "place_id": None,
            "place_name": f"Town {i % 5000}", "place_name_ar": f"بلدة {i % 5000}",
            "lat": lat + rng.uniform(-spread, spread), "lon": lon + rng.uniform(-spread, spread), "geo_precision": 1,
            "actor1_id": a1, "actor2_id": a2, "fatalities": deaths, "fatalities_max": None, "injured": None,
            "injured_max": None, "contested": rng.random() < 0.08, "modality": "asserted", "n_events": 1,
            "n_documents": 1, "n_sources": 1, "notes": None, "search": f"بلده {i % 5000} {gov.lower()} فاعل",
        })
        links += [{"incident_id": f"i{i:09d}", "actor_id": a, "sort_date": day} for a in (a1, a2)]
        if len(batch) == 5000 or i == n - 1:
            with store.engine.begin() as conn:
                conn.execute(insert(IncidentRow.__table__), batch)
                conn.execute(insert(IncidentActorRow.__table__), links)
            batch, links = [], []
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE") if store.dialect == "sqlite" else None
    store.close()
    print(f"loaded {n:,} incidents in {time.perf_counter() - start:.1f} s")


QUERIES = [
    "limit=100",
    "country=SY&limit=100",
    "country=IQ&plover=ASSAULT&limit=100",
    "since=2019-01-01&until=2019-12-31&limit=100",
    "country=YE&since=2015-03-01&until=2016-03-01&limit=100",
    "contested=true&limit=100",
    "min_fatalities=10&country=SD&limit=100",
    "bbox=35.5,34,37.5,36.5&limit=100",
    "acled=Battles&limit=100",
    "actor=ACT-017&limit=100",
    "admin1=Idlib&limit=100",
    "format=geojson&country=SY&since=2016-01-01&limit=500",
    "q=Idlib&limit=50",
]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children (uvicorn workers), from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[1] is the ppid; [11] and [12] are utime and stime (man 5 proc, after the name)
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_clients(base: str, clients: int, requests: int) -> tuple[list[tuple[str, float]], float, int]:
    latencies: list[tuple[str, float]] = []
    errors = [0]
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in iter(lambda: next(counter, None), None):
                query = rng.choice(QUERIES)
                t0 = time.perf_counter()
                r = client.get("/api/events?" + query)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append((query, dt))
                    if r.status_code != 200:
                        errors[0] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - t0, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--db", help="reuse this SQLite file (loaded if missing)")
    parser.add_argument("--cache-seconds", type=float, default=0.0,
                        help="the server's answer cache (default 0: measure the uncached path)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    if not path.exists():
        load(f"sqlite:///{path}", args.incidents)
    port = _free_port()
    env = {**os.environ, "MARSAD_DB": str(path)}
    cmd = [sys.executable, "-c", "from marsad.cli import main; main()", "serve", "--port", str(port), "--workers", str(args.workers),
           "--cache-seconds", str(args.cache_seconds)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        run_clients(base, min(args.clients, 4), 40)  # warm caches and connections
        cpu0, client0 = _cpu_seconds(server.pid), time.process_time()
        latencies, elapsed, errors = run_clients(base, args.clients, args.requests)
        server_cpu, client_cpu = _cpu_seconds(server.pid) - cpu0, time.process_time() - client0
    finally:
        server.terminate()
        server.wait(10)
    ms = sorted(x * 1000 for _, x in latencies)
    q = statistics.quantiles(ms, n=100)
    print("per filter mix (p50 ms under load):")
    for query in QUERIES:
        mine = [x * 1000 for name, x in latencies if name == query]
        if mine:
            print(f"  {statistics.median(mine):7.1f}  {query}")
    print(f"{args.incidents:,} incidents, {args.clients} clients, {len(ms)} requests, {errors} errors, "
          f"{args.workers} worker(s), cache {args.cache_seconds:g} s")
    print(f"p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  p99 {q[98]:.1f} ms  max {ms[-1]:.1f} ms")
    print(f"{len(ms) / elapsed:.0f} requests/s; CPU per request: server {server_cpu * 1000 / len(ms):.1f} ms, "
          f"clients (same machine) {client_cpu * 1000 / len(ms):.1f} ms; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    tmp.cleanup()


if __name__ == "__main__":
    main()
