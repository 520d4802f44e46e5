"""`convert.summary_row` (the list endpoint's path, from database rows) gives exactly what
`convert.summary` gives for the same incidents as IncidentSummary, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from marsad.serve import convert
from marsad.store import IncidentFilter
from store.conftest import postgres_url, store, store_url  # noqa: F401 - the SQLite + PostgreSQL fixtures
from store.factories import HAMA, HTS, IRQ_MIL, ISIS, MOSUL, SOHR, WHITE_HELMETS, strike_report


@pytest.fixture
def filled(store):  # noqa: F811
    reports = [
        strike_report("a", "قال المرصد إن خمسة مدنيين قتلوا بغارة على إدلب.", source=SOHR, killed=5),
        strike_report("b", "أفاد الدفاع المدني بمقتل سبعة مدنيين بغارة على مدينة إدلب.", source=WHITE_HELMETS,
                      killed=7),
        strike_report("c", "اشتباكات بين الجيش العراقي وتنظيم الدولة في الموصل.", place=MOSUL, actor1=IRQ_MIL,
                      actor2=ISIS, killed=12, day="2024-11-28"),
        strike_report("d", "هجوم لهيئة تحرير الشام قرب حماة.", place=HAMA, actor1=HTS, actor2=None, killed=None,
                      day="2024-11-20"),
    ]
    for r in reports:
        store.save(r.document, r)
    return store


@pytest.mark.parametrize("f", [IncidentFilter(), IncidentFilter(actor_id="HTS"), IncidentFilter(contested=True),
                               IncidentFilter(until="2024-11-30")])
def test_convert_summary_row_equals_summary(filled, f):
    rows, row_cursor = filled.query_incident_rows(f, limit=2)
    page = filled.query_incidents(f, limit=2)
    assert rows and [convert.summary_row(r) for r in rows] == [convert.summary(i) for i in page.items]
    assert row_cursor == page.next_cursor
