"""`marsad ingest`: storing, idempotency, copies, failures, workers, and resuming after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.store import IncidentFilter, open_store
from store.conftest import postgres_url, store_url  # noqa: F401 - the SQLite + PostgreSQL fixtures

from . import ingest_fakes

HERE = Path(__file__).parent
PLACES = ["إدلب", "سراقب", "حمص", "تعز"]


def report(i: int) -> str:
    """A distinct made-up report: a strike with its own toll, place and day."""
    place = PLACES[i % len(PLACES)]
    return (f"قالت مصادر محلية إن {i + 3} مدنيين قتلوا في غارة جوية استهدفت حيا سكنيا في {place} أمس.\n"
            f"وأضافت المصادر أن فرق الإسعاف نقلت الجرحى إلى المشافي القريبة، وأن الغارة رقم {i} "
            f"هذا الشهر دمرت عددا من المنازل والمحال التجارية في المنطقة.\n"
            f"وطالب ناشطون بفتح تحقيق في الهجوم وبحماية المدنيين في {place} وريفها.")


def write_txt(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch):
    """Ingest with the fake extractor (see ingest_fakes)."""
    import marsad.cli.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "load_extractor", lambda: ingest_fakes.fake_extract)


def run(*args: str):
    return CliRunner().invoke(main, ["ingest", *args])


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the timestamps of when they were written."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out = {}
        for t in sorted(tables):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")
                    if r[1] not in ("ingested_at", "failed_at")]
            out[t] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def test_ingest_stores_extracts_and_is_idempotent(fake, tmp_path):
    for i in range(3):
        write_txt(tmp_path / "in", f"r{i}.txt", report(i))
    db = tmp_path / "m.db"
    first = run(str(tmp_path / "in"), "--db", str(db))
    assert first.exit_code == 0, first.output
    assert first.output == ("3 documents: 3 extracted (3 events), 0 not Arabic, 0 copies of stored articles, "
                            "0 already stored; 0 failed\n")
    before = dump(db)
    again = run(str(tmp_path / "in"), "--db", str(db))
    assert again.exit_code == 0
    assert again.output.startswith("3 documents: 0 extracted (0 events), 0 not Arabic, 0 copies of stored "
                                   "articles, 3 already stored")
    assert dump(db) == before
    with open_store(str(db)) as s:
        assert s.counts()["incidents"] == 3
        assert {i.place_name for i in s.iter_incidents(IncidentFilter(country="SY"))} == {"Idlib", "Saraqib", "Homs"}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_on_sqlite_and_postgresql(fake, tmp_path, store_url, workers):  # noqa: F811
    for i in range(4):
        write_txt(tmp_path / "in", f"r{i}.txt", report(i))
    write_txt(tmp_path / "in", "r9.txt", report(1) + "\nاقرأ أيضا: المزيد من الأخبار على موقعنا.")
    first = run(str(tmp_path / "in"), "--db", store_url, "--workers", workers)
    assert first.exit_code == 0 and "4 extracted (4 events)" in first.output and "1 copies" in first.output
    with open_store(store_url) as s:
        counts, incidents = s.counts(), sorted(i.id for i in s.iter_incidents())
    again = run(str(tmp_path / "in"), "--db", store_url, "--workers", workers)
    assert again.exit_code == 0 and "5 already stored" in again.output
    with open_store(store_url) as s:
        assert s.counts() == counts and sorted(i.id for i in s.iter_incidents()) == incidents
    assert counts["documents"] == 5 and counts["incidents"] == 4


def test_ingest_db_from_environment(fake, tmp_path, monkeypatch):
    write_txt(tmp_path / "in", "a.txt", report(0))
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert run(str(tmp_path / "in" / "a.txt")).exit_code == 0
    with open_store(str(tmp_path / "env.db")) as s:
        assert s.counts()["documents"] == 1


def test_ingest_failures_are_recorded_and_the_rest_goes_on(fake, tmp_path):
    write_txt(tmp_path / "in", "good.txt", report(1))
    write_txt(tmp_path / "in", "bad.txt", "غارة على إدلب. خطأ داخلي في النص.")
    (tmp_path / "in" / "empty.html").write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    db = tmp_path / "m.db"
    result = run(str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'missing.txt'}: no such file or folder" in result.output
    assert "extraction failed: ValueError: the fake extractor refuses this text" in result.output
    assert result.output.endswith("1 documents: 1 extracted (1 events), 0 not Arabic, 0 copies of stored "
                                  "articles, 0 already stored; 3 failed\n")
    with open_store(str(db)) as s:
        failures = dict(s.list_failures())
    assert set(failures) == {str(tmp_path / "missing.txt"), str(tmp_path / "in" / "bad.txt"),
                             str(tmp_path / "in" / "empty.html")}


def test_ingest_a_fixed_source_clears_its_failure(fake, tmp_path):
    db = tmp_path / "m.db"
    assert run(str(tmp_path / "late.txt"), "--db", str(db)).exit_code == 1
    write_txt(tmp_path, "late.txt", report(2))
    assert run(str(tmp_path / "late.txt"), "--db", str(db)).exit_code == 0
    with open_store(str(db)) as s:
        assert s.list_failures() == [] and s.counts()["documents"] == 1


def test_ingest_non_arabic_is_stored_not_extracted(fake, tmp_path):
    write_txt(tmp_path / "in", "en.txt", "Local sources said seven civilians were killed in an air strike on "
                                         "a residential area of Idlib yesterday, and rescuers are still searching.")
    db = tmp_path / "m.db"
    result = run(str(tmp_path / "in"), "--db", str(db))
    assert result.exit_code == 0 and "1 not Arabic" in result.output
    with open_store(str(db)) as s:
        assert s.counts()["events"] == 0
        (doc_id,) = [d for d, _ in s.iter_signatures()]
        doc = s.get_document(doc_id)
    assert doc.language == "en" and not doc.extracted


def test_ingest_republished_copy_adds_a_source_not_an_incident(fake, tmp_path):
    original = report(5)
    copy = original + "\nاقرأ أيضا على مدونتنا: تغطية خاصة لأحداث الأسبوع."
    write_txt(tmp_path / "in", "a_agency.txt", original)
    write_txt(tmp_path / "in", "b_blog.txt", copy)
    # A mirror site publishes the very same text under its own name: an exact copy.
    mirror = json.dumps({"id": "mirror-1", "outlet": "موقع المرآة", "published": "2024-12-02", "text": original},
                        ensure_ascii=False)
    write_txt(tmp_path / "in", "c_mirror.jsonl", mirror + "\n")
    db = tmp_path / "m.db"
    result = run(str(tmp_path / "in"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "1 extracted (1 events)" in result.output and "2 copies of stored articles" in result.output
    with open_store(str(db)) as s:
        (inc,) = s.query_incidents().items
        full = s.get_incident(inc.id)
        assert inc.n_documents == 1 and len(full.documents) == 3
        kinds = sorted(s.get_document(d).duplicate_kind or "original" for d in full.documents)
    assert kinds == ["exact", "near", "original"]


def test_ingest_workers_give_the_same_database(fake, tmp_path):
    for i in range(12):
        write_txt(tmp_path / "in", f"r{i:02d}.txt", report(i))
    write_txt(tmp_path / "in", "r99.txt", report(3) + "\nاقرأ أيضا: المزيد من الأخبار.")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert run(str(tmp_path / "in"), "--db", str(one)).exit_code == 0
    result = run(str(tmp_path / "in"), "--db", str(two), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert dump(one) == dump(two)


def test_ingest_workers_on_mixed_sources_give_the_same_database_and_summary(fake, tmp_path):
    """Folders of .txt and .html, a .jsonl corpus, an English page, a missing file, a text the
    extractor refuses and a re-run: --workers 2 (reading and parsing in the workers) gives what
    one process gives, in the same order."""
    folder = tmp_path / "in"
    for i in range(5):
        write_txt(folder / "txt", f"r{i:02d}.txt", report(i))
    for i in range(5, 9):
        paragraphs = "".join(f"<p>{p}</p>" for p in report(i).splitlines())
        write_txt(folder / "html", f"p{i:02d}.html", f'<html lang="ar"><head><meta charset="utf-8">'
                  f"<title>تقرير {i}</title></head><body><article>{paragraphs}</article></body></html>")
    write_txt(folder / "html", "en.html", "<html><body><article><p>" + "Officials met in Geneva to discuss "
              "the ceasefire and the return of displaced families to their villages. " * 3 + "</p></article>"
              "</body></html>")
    write_txt(folder / "txt", "bad.txt", report(20) + "\nخطأ داخلي")
    records = [{"id": f"j{i}", "published": "2024-12-02", "text": report(i)} for i in (9, 10, 3)]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                      encoding="utf-8")
    sources = [str(folder), str(tmp_path / "c.jsonl"), str(tmp_path / "missing.txt")]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    first = run(*sources, "--db", str(one))
    second = run(*sources, "--db", str(two), "--workers", "2")
    assert first.exit_code == second.exit_code == 1
    assert first.output == second.output.replace(str(two), str(one))
    assert "1 not Arabic" in second.output and "2 failed" in second.output
    assert dump(one) == dump(two)
    again = run(*sources, "--db", str(two), "--workers", "2")
    assert "already stored" in again.output and dump(one) == dump(two)


def test_ingest_bad_database_url_is_an_error(fake, tmp_path):
    write_txt(tmp_path, "a.txt", report(0))
    result = run(str(tmp_path / "a.txt"), "--db", "postgresql://nobody:x@127.0.0.1:1/none")
    assert result.exit_code == 1 and "Error: cannot open or migrate the database" in result.output


def test_ingest_needs_a_source():
    result = CliRunner().invoke(main, ["ingest"])
    assert result.exit_code == 2 and "Missing argument 'SOURCE...'" in result.output


KILL_SCRIPT = """
import sys
sys.path.insert(0, {here!r})
import ingest_fakes
ingest_fakes.SLOW = 0.15
import marsad.cli.ingest as ingest_module
ingest_module.load_extractor = lambda: ingest_fakes.fake_extract
from marsad.cli import main
main(["ingest", {folder!r}, "--db", {db!r}])
"""


def _documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created or migrated yet


def test_ingest_resumes_after_sigkill_with_the_same_database(fake, tmp_path):
    folder = tmp_path / "in"
    for i in range(24):
        write_txt(folder, f"r{i:02d}.txt", report(i))
    for i in (2, 9):  # republished copies of earlier reports
        write_txt(folder, f"r{i:02d}_copy.txt", report(i) + "\nاقرأ أيضا: المزيد من الأخبار على موقعنا.")
    reference = tmp_path / "reference.db"
    assert run(str(folder), "--db", str(reference)).exit_code == 0

    db = tmp_path / "killed.db"
    script = KILL_SCRIPT.format(here=str(HERE), folder=str(folder), db=str(db))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        deadline = time.monotonic() + 120
        while _documents(db) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()
    stored = _documents(db)
    assert 4 <= stored < 26  # killed mid-batch, after some documents were committed

    resumed = run(str(folder), "--db", str(db))
    assert resumed.exit_code == 0, resumed.output
    assert f"{stored} already stored" in resumed.output
    assert dump(db) == dump(reference)


def test_ingest_with_the_real_extractor(tmp_path):
    text = ("دمشق - قال المرصد السوري لحقوق الإنسان إن خمسة مدنيين قتلوا أمس الأحد في غارة جوية "
            "نفذتها طائرات حربية على مدينة إدلب شمال غربي سوريا.")
    record = json.dumps({"id": "real-1", "published": "2024-12-02", "outlet": "وكالة تجريبية", "text": text},
                        ensure_ascii=False) + "\n"
    (tmp_path / "c.jsonl").write_text(record, encoding="utf-8")
    db = tmp_path / "m.db"
    result = run(str(tmp_path / "c.jsonl"), "--db", str(db))
    assert result.exit_code == 0, result.output
    with open_store(str(db)) as s:
        incidents = list(s.iter_incidents())
    assert any(i.plover_type == "ASSAULT" and i.country == "SY" for i in incidents)


def test_ingest_help_has_an_example():
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert result.exit_code == 0 and "Example: marsad ingest" in result.output
