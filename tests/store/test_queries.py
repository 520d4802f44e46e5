"""Filters, keyset pagination, daily counts and actors."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.errors import InputError
from marsad.model import Acled, Plover
from marsad.store import IncidentFilter

from .factories import HAMA, HTS, IDLIB, IRQ_MIL, ISIS, MOSUL, SOHR, WHITE_HELMETS, strike_report

PROTEST = (Plover("PROTEST"), Acled("Protests", "Peaceful protest"))


@pytest.fixture
def filled(store):
    """Five incidents: two reports of one Idlib strike (contested), a Hama strike, a Mosul clash,
    a protest in Hama, and an HTS attack on Idlib a month earlier."""
    reports = [
        strike_report("a", "قتل خمسة مدنيين بغارة على إدلب.", source=SOHR, killed=5, day="2024-12-01"),
        strike_report("b", "سبعة قتلى بغارة على مدينة إدلب.", source=WHITE_HELMETS, killed=7,
                      day="2024-12-01"),
        strike_report("c", "غارة على حماة توقع قتيلين.", place=HAMA, killed=2, day="2024-12-03"),
        strike_report("d", "اشتباكات بين الجيش العراقي وتنظيم الدولة في الموصل.", place=MOSUL, actor1=IRQ_MIL,
                      actor2=ISIS, killed=12, day="2024-12-02"),
        strike_report("e", "تظاهر المئات في حماة.", place=HAMA, plover=PROTEST, actor1=None, actor2=None,
                      killed=None, day="2024-12-03"),
        strike_report("f", "هجوم لهيئة تحرير الشام على إدلب.", actor1=HTS, killed=3, day="2024-11-02"),
    ]
    for r in reports:
        store.save(r.document, r)
    return store


def _places(page) -> list[str]:
    return [i.place_name for i in page.items]


@pytest.mark.parametrize("f, expected", [
    (IncidentFilter(), ["Hama", "Hama", "Mosul", "Idlib", "Idlib"]),
    (IncidentFilter(country="SY"), ["Hama", "Hama", "Idlib", "Idlib"]),
    (IncidentFilter(country="iq"), ["Mosul"]),
    (IncidentFilter(since="2024-12-02"), ["Hama", "Hama", "Mosul"]),
    (IncidentFilter(until="2024-12-01"), ["Idlib", "Idlib"]),
    (IncidentFilter(since="2024-12-01", until="2024-12-02"), ["Mosul", "Idlib"]),
    (IncidentFilter(plover_type="PROTEST"), ["Hama"]),
    (IncidentFilter(acled_event_type="Explosions/Remote violence", admin1="Hama"), ["Hama"]),
    (IncidentFilter(actor_id="HTS"), ["Idlib"]),
    (IncidentFilter(actor_id="RUS-MIL"), ["Hama", "Idlib"]),  # an associated actor counts
    (IncidentFilter(contested=True), ["Idlib"]),
    (IncidentFilter(min_fatalities=5), ["Mosul", "Idlib"]),
    (IncidentFilter(bbox=(36.0, 35.5, 37.0, 36.5)), ["Idlib", "Idlib"]),
    (IncidentFilter(text="الموصل"), ["Mosul"]),
    (IncidentFilter(text="تحرير الشام"), ["Idlib"]),
    (IncidentFilter(text="ادلب"), ["Idlib", "Idlib"]),  # folded: إدلب matches ادلب
])
def test_queries_filters(filled, f, expected):
    page = filled.query_incidents(f)
    assert _places(page) == expected and page.next_cursor is None


def test_queries_order_is_date_desc_then_id(filled):
    items = filled.query_incidents().items
    keys = [(i.date_start, i.id) for i in items]
    assert keys == sorted(keys, key=lambda k: (tuple(-ord(c) for c in k[0]), k[1]))


def test_queries_keyset_pages_cover_everything_once(filled):
    everything = [i.id for i in filled.query_incidents(limit=100).items]
    seen, cursor = [], None
    while True:
        page = filled.query_incidents(IncidentFilter(), limit=2, cursor=cursor)
        seen += [i.id for i in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == everything and len(seen) == 5


def test_queries_undated_incidents_come_last(filled):
    r = strike_report("u", "غارة على إدلب.", place=IDLIB, day=None, killed=1)
    filled.save(r.document, r)
    items = filled.query_incidents().items
    assert items[-1].date_start is None and len(items) == 6


@pytest.mark.parametrize("cursor", ["garbage!", "WyJ4Il0"])
def test_queries_bad_cursor_is_an_input_error(filled, cursor):
    with pytest.raises(InputError, match="invalid cursor"):
        filled.query_incidents(IncidentFilter(), cursor=cursor)


def test_queries_bad_limit_is_an_input_error(filled):
    with pytest.raises(InputError, match="limit"):
        filled.query_incidents(IncidentFilter(), limit=0)


def test_queries_daily_counts(filled):
    assert filled.daily_counts(IncidentFilter()) == [
        (date(2024, 11, 2), "ASSAULT", 1), (date(2024, 12, 1), "ASSAULT", 1),
        (date(2024, 12, 2), "ASSAULT", 1), (date(2024, 12, 3), "ASSAULT", 1), (date(2024, 12, 3), "PROTEST", 1)]
    assert filled.daily_counts(IncidentFilter(country="IQ")) == [(date(2024, 12, 2), "ASSAULT", 1)]


@pytest.mark.parametrize("q, ids", [
    (None, ["HTS", "IRQ-MIL", "ISIS", "RUS-MIL", "SCD", "SOHR", "SYR-CIV", "SYR-MIL"]),
    ("الجيش", ["IRQ-MIL", "SYR-MIL"]),
    ("هيئه تحرير", ["HTS"]),  # ة folded to ه
    ("syria", ["SCD", "SOHR", "SYR-CIV", "SYR-MIL"]),
    ("nobody", []),
])
def test_queries_list_actors(filled, q, ids):
    assert [a.id for a in filled.list_actors(q)] == ids


def test_queries_get_incident_gives_every_claim_with_its_document(filled):
    (summary,) = filled.query_incidents(IncidentFilter(contested=True)).items
    inc = filled.get_incident(summary.id)
    assert inc.id == summary.id and inc.n_documents == 2 and len(inc.events) == 2
    by_source = {c.source.id: c for c in inc.claims}
    assert by_source["SOHR"].fatalities.min == 5 and by_source["SCD"].fatalities.min == 7
    assert {c.url for c in inc.claims} == {"https://news.example/a", "https://news.example/b"}
    assert all(c.verb == "قال" and c.published == "2024-12-02" for c in inc.claims)
    assert [a.id for a in inc.assoc_actors] == ["RUS-MIL"]
    assert filled.get_incident("i-missing") is None


def test_queries_claim_in_the_outlets_own_voice(filled):
    (summary,) = filled.query_incidents(IncidentFilter(country="IQ")).items
    (claim,) = filled.get_incident(summary.id).claims
    assert claim.source is None and claim.fatalities.min == 12 and claim.evidence.start == 0


@pytest.mark.parametrize("f", [
    IncidentFilter(actor_id="RUS-MIL"),
    IncidentFilter(actor_id="SYR-MIL"),
    IncidentFilter(actor_id="SYR-MIL", until="2024-12-02"),
    IncidentFilter(actor_id="SYR-MIL", country="SY", since="2024-12-01"),
    IncidentFilter(until="2024-12-02"),
    IncidentFilter(admin1="Hama"),
    IncidentFilter(contested=False),
])
def test_queries_actor_and_index_paths_page_like_one_query(filled, f):
    """The actor filter walks incident_actors by date: pages of one give the same incidents, in the
    same (date desc, id) order, as one page, and the count agrees."""
    whole = [i.id for i in filled.query_incidents(f, limit=100).items]
    paged, cursor = [], None
    while True:
        page = filled.query_incidents(f, limit=1, cursor=cursor)
        paged += [i.id for i in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert paged == whole and whole and filled.count_incidents(f) == len(whole)
    dated = [(i.date_start, i.id) for i in filled.query_incidents(f, limit=100).items]
    assert dated == sorted(dated, key=lambda d: (-date.fromisoformat(d[0]).toordinal(), d[1]))


def test_queries_incident_actors_repeat_their_incidents_sort_date(filled):
    from sqlalchemy import text

    with filled.engine.connect() as conn:
        pairs = conn.execute(text("SELECT ia.sort_date, i.sort_date FROM incident_actors ia "
                                  "JOIN incidents i ON i.id = ia.incident_id")).all()
    assert pairs and all(a == b for a, b in pairs)


def test_queries_count_incidents(filled):
    assert filled.count_incidents() == 5
    assert filled.count_incidents(IncidentFilter(country="SY", actor_id="HTS")) == 1
    assert filled.count_incidents(IncidentFilter(text="الموصل")) == 1
