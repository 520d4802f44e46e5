"""Saving, idempotency, copies, documents with spans, deletion, failures and tokens."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from marsad.model import Document
from marsad.store import StoreError, open_store, resolve_url
from marsad.store.engine import alembic_config

from .factories import HAMA, SARAQIB, SOHR, WHITE_HELMETS, article, result, strike, strike_report

REPORT_A = "قال المرصد السوري لحقوق الإنسان إن خمسة مدنيين قتلوا في غارة جوية على مدينة إدلب أمس."
REPORT_B = "أفاد الدفاع المدني بمقتل سبعة مدنيين جراء غارة استهدفت سراقب في ريف إدلب."
REPORT_HAMA = "قتل ثلاثة أشخاص بقصف جوي على أطراف مدينة حماة."


def test_store_migrates_to_head_and_reopens(store_url):
    s = open_store(store_url)
    with s.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == ScriptDirectory.from_config(alembic_config()).get_current_head() == "0003"
    s.close()
    # Opening again is a no-op on an up-to-date database.
    s = open_store(store_url)
    assert s.counts()["documents"] == 0
    s.close()


def test_store_save_is_idempotent(store):
    r = strike_report("a", REPORT_A, source=SOHR)
    first = store.save(r.document, r)
    before = store.counts()
    again = store.save(r.document, r)
    assert first.status == "stored" and first.events == 1 and len(first.incident_ids) == 1
    assert again.status == "exists" and again.document_id == first.document_id
    assert store.counts() == before
    assert store.document_id(r.document) == first.document_id and store.has_document(first.document_id)


def test_store_keeps_every_span_of_a_document(store):
    r = strike_report("a", REPORT_A, source=SOHR, injured=2)
    out = store.save(r.document, r)
    doc = store.get_document(out.document_id)
    assert doc is not None and doc.text == REPORT_A and doc.extracted
    assert doc.events == r.events  # the full model round-trips, spans included
    ev = doc.events[0]
    assert REPORT_A[ev.evidence[0].start:ev.evidence[0].end] == ev.evidence[0].text
    assert doc.incident_ids == out.incident_ids
    assert store.get_document("nope") is None


def test_store_exact_copy_links_to_original_and_adds_its_outlet(store):
    r = strike_report("a", REPORT_A, source=SOHR, outlet="وكالة الشرق")
    orig = store.save(r.document, r)
    # A blog republishes the same text, with different spacing and a diacritic.
    copy = Document("blog-1", REPORT_A.replace(" إن ", "  إنَّ "), "2024-12-03", "https://blog.example/x",
                    "مدونة الساحل", None, "ar")
    out = store.save(copy, result(copy, strike(copy)))
    assert out.status == "duplicate" and out.duplicate_of == orig.document_id and out.events == 0
    assert store.counts()["incidents"] == 1
    inc = store.get_incident(orig.incident_ids[0])
    assert inc.sources == ("مدونة الساحل", "وكالة الشرق") and inc.n_sources == 2
    assert out.document_id in inc.documents
    stored = store.get_document(out.document_id)
    assert stored.duplicate_of == orig.document_id and stored.duplicate_kind == "exact" and not stored.events
    assert store.get_document(orig.document_id).copies == (out.document_id,)


def test_store_deleting_a_copy_removes_its_outlet_from_the_incident(store):
    r = strike_report("a", REPORT_A, outlet="وكالة الشرق")
    orig = store.save(r.document, r)
    copy = store.save(article("b", REPORT_A + " (نقلا عن الوكالة)", outlet="مدونة"), None,
                      duplicate_of=orig.document_id)
    (inc,) = store.query_incidents().items
    assert inc.n_sources == 2
    assert store.delete_document(copy.document_id)
    (inc,) = store.query_incidents().items
    assert inc.n_sources == 1 and store.get_incident(inc.id).sources == ("وكالة الشرق",)


def test_store_near_copy_given_by_caller_never_makes_a_second_incident(store):
    r = strike_report("a", REPORT_A, source=SOHR)
    orig = store.save(r.document, r)
    edited = article("b", REPORT_A + " وأضاف المرصد أن الحصيلة مرشحة للارتفاع.", outlet="موقع الضفة")
    out = store.save(edited, result(edited, strike(edited, killed=9)), duplicate_of=orig.document_id)
    assert out.status == "duplicate" and store.counts()["incidents"] == 1
    assert store.get_document(out.document_id).duplicate_kind == "near"


def test_store_copy_of_a_copy_points_at_the_original(store):
    r = strike_report("a", REPORT_A)
    orig = store.save(r.document, r)
    c1 = store.save(article("b", REPORT_A + " (نقلا عن وكالة)", outlet="x"), None, duplicate_of=orig.document_id)
    c2 = store.save(article("c", REPORT_A + " (نقلا عن مدونة)", outlet="y"), None, duplicate_of=c1.document_id)
    assert c2.duplicate_of == orig.document_id


def test_store_duplicate_of_unknown_document_is_an_error(store):
    doc = article("b", REPORT_B)
    with pytest.raises(StoreError, match="names no stored document"):
        store.save(doc, None, duplicate_of="d-missing")
    assert store.counts()["documents"] == 0


def test_store_unextracted_document_is_stored_and_marked(store):
    doc = Document("en-1", "Five civilians were killed in an air strike on Idlib.", "2024-12-02", None,
                   "Levant Wire", None, "en")
    out = store.save(doc, None)
    assert out.status == "unextracted"
    stored = store.get_document(out.document_id)
    assert stored.language == "en" and not stored.extracted and stored.events == ()
    assert store.counts()["events"] == 0


def test_store_delete_document_splits_its_incident_again(store):
    a = strike_report("a", REPORT_A, source=SOHR, killed=5)
    b = strike_report("b", REPORT_B, place=SARAQIB, source=WHITE_HELMETS, killed=7, outlet="شبكة الشمال")
    out_a, out_b = store.save(a.document, a), store.save(b.document, b)
    # The first save's incident grew into a new one (ids hash the members) when b joined it.
    assert store.get_document(out_a.document_id).incident_ids == out_b.incident_ids != out_a.incident_ids
    assert store.delete_document(out_a.document_id) is True
    assert store.delete_document(out_a.document_id) is False
    assert store.counts()["incidents"] == 1 and store.counts()["claims"] == 1
    inc = store.get_incident(store.get_document(out_b.document_id).incident_ids[0])
    assert inc.fatalities == 7 and not inc.contested and inc.n_documents == 1


def test_store_records_failures_once_per_source(store):
    store.record_failure("https://news.example/gone", "HTTP 404")
    store.record_failure("https://news.example/gone", "timeout after 10 s")
    store.record_failure("feeds/bad.xml", "malformed feed: not well-formed")
    assert store.list_failures() == [("feeds/bad.xml", "malformed feed: not well-formed"),
                                     ("https://news.example/gone", "timeout after 10 s")]
    store.clear_failure("feeds/bad.xml")
    assert len(store.list_failures()) == 1
    long = "https://news.example/?q=" + "غارة" * 400
    store.record_failure(long, "HTTP 414")
    store.record_failure(long, "HTTP 414 again")
    assert len(store.list_failures()) == 2
    store.clear_failure(long)
    assert len(store.list_failures()) == 1


def test_store_tokens_are_kept_only_as_hashes(store):
    token = store.create_token("dashboard")
    assert store.verify_token(token) and not store.verify_token(token + "x") and not store.verify_token("")
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM tokens")).scalar()
    assert token not in stored and len(stored) == 64


def test_store_events_of_one_document_never_merge(store):
    doc = article("a", REPORT_HAMA + " " + REPORT_A)
    r = result(doc, strike(doc, eid="e1"), strike(doc, eid="e2"))
    out = store.save(doc, r)
    assert len(out.incident_ids) == 2 and store.counts()["incidents"] == 2


def test_store_duplicate_event_ids_get_distinct_keys(store):
    doc = article("a", REPORT_HAMA)
    out = store.save(doc, result(doc, strike(doc, place=HAMA), strike(doc, place=HAMA)))
    assert out.events == 2 and store.counts()["events"] == 2


@pytest.mark.parametrize("url, expected", [
    ("data/x.db", "sqlite:///"),
    ("sqlite:////tmp/y.db", "sqlite:////tmp/y.db"),
    ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
    ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
])
def test_store_resolve_url(url, expected):
    assert resolve_url(url).startswith(expected)


def test_store_default_url_comes_from_marsad_db(monkeypatch, tmp_path):
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv("MARSAD_DB")
    monkeypatch.chdir(tmp_path)
    assert resolve_url() == f"sqlite:///{tmp_path / 'marsad.db'}"


@pytest.mark.parametrize("url, message", [
    ("mysql://u:p@localhost/x", "cannot use database URL|unsupported database"),
    ("postgresql://nobody:bad@127.0.0.1:1/none", "cannot open or migrate"),
])
def test_store_bad_url_names_the_fix(url, message):
    with pytest.raises(StoreError, match=message):
        open_store(url)


def _database_at(store_url: str, revision: str, statements: list[str]) -> None:
    """A database migrated only up to `revision`, holding the rows the statements insert."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(resolve_url(store_url))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def test_store_upgrades_an_older_database_keeping_its_rows(store_url):
    """A database made at revision 0001 (before documents.minhash) is migrated on open."""
    _database_at(store_url, "0001", ["INSERT INTO documents (id, content_hash, text, extracted) "
                                     "VALUES ('d-old', 'h', 'نص قديم', false)"])
    with open_store(store_url) as s:
        doc = s.get_document("d-old")
        assert doc is not None and doc.text == "نص قديم"
        assert list(s.iter_signatures()) == []
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"


def test_store_over_long_names_are_cut_not_refused(store):
    long_place = HAMA.__class__("Hama " + "x" * 400, "حماة" * 100, "SY", "Hama" * 80, "Hama", 35.13, 36.75,
                                None, 1)
    doc = Document("j" * 700, REPORT_HAMA, "2024-12-02", None, "مدونة " * 100, None, "ar")
    out = store.save(doc, result(doc, strike(doc, place=long_place, eid="e" * 150)))
    assert out.status == "stored"
    (inc,) = store.query_incidents().items
    assert len(inc.place_name) == 300 and len(inc.admin1) == 200
    assert store.get_document(out.document_id).events[0].locations[0] == long_place  # full JSON kept


def test_store_upgrade_to_0003_fills_incident_actors_sort_date(store_url):
    """Incidents stored before revision 0003 keep answering the actor filter after the upgrade."""
    from marsad.store import IncidentFilter

    rows = []
    for iid, day in (("inc-old-1", "2019-03-04"), ("inc-old-2", "2021-07-08")):
        rows += ["INSERT INTO incidents (id, plover_type, date_start, sort_date, country, contested, "
                 "modality, n_events, n_documents, n_sources) VALUES "
                 f"('{iid}', 'ASSAULT', '{day}', '{day}', 'YE', false, 'asserted', 1, 1, 1)",
                 f"INSERT INTO incident_actors (incident_id, actor_id) VALUES ('{iid}', 'HOUTHI')"]
    _database_at(store_url, "0002", rows)
    with open_store(store_url) as s:
        with s.engine.connect() as conn:
            assert sorted(conn.execute(text("SELECT sort_date FROM incident_actors")).scalars()) == [
                "2019-03-04", "2021-07-08"]
        assert [i.id for i in s.query_incidents(IncidentFilter(actor_id="HOUTHI")).items] == ["inc-old-2",
                                                                                              "inc-old-1"]
