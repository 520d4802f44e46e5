"""Cross-article incidents: when reports merge, what the merged incident keeps, and that the result
does not depend on the order the reports arrive in."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import Acled, Plover
from marsad.store import open_store
from marsad.store.merge import MergeItem, MergePlace, cluster, haversine_km, may_merge, merge_window

from .conftest import reset_postgres
from .factories import (
    HAMA,
    HTS,
    IDLIB,
    JISR,
    MOSUL,
    SARAQIB,
    SOHR,
    SYR_MIL,
    WHITE_HELMETS,
    article,
    result,
    strike,
    strike_report,
)

TEXT_1 = "قال المرصد السوري إن خمسة مدنيين قتلوا في غارة جوية على إدلب."
TEXT_2 = "أفاد الدفاع المدني بمقتل سبعة مدنيين في غارة على سراقب شرق إدلب."
TEXT_3 = "ذكرت مصادر محلية أن غارة جوية ضربت إدلب وأوقعت قتلى."
SHELLING = (Plover("ASSAULT", "shelling"), Acled("Explosions/Remote violence", "Shelling/artillery/missile attack"))
PROTEST = (Plover("PROTEST"), Acled("Protests", "Peaceful protest"))


def _item(key: str, doc: str, *, start="2024-12-01", end=None, a1="SYR-MIL", a2=None,
          place=(35.93, 36.63, "Idlib"), ptype="ASSAULT") -> MergeItem:
    lat, lon, admin2 = place
    return MergeItem(key, doc, ptype, start, end or start, a1, a2, (MergePlace("SY", admin2, lat, lon),))


def test_merge_haversine_is_about_right():
    # Idlib to Saraqib is roughly 17 km; Idlib to Hama about 90 km.
    assert 14 < haversine_km(35.93, 36.63, 35.86, 36.80) < 20
    assert 80 < haversine_km(35.93, 36.63, 35.13, 36.75) < 100


@pytest.mark.parametrize("other, merges", [
    (_item("b:e1", "b"), True),
    (_item("b:e1", "b", a1=None), True),                                   # unknown actor is compatible
    (_item("b:e1", "b", a1="HTS"), False),                                 # another attacker
    (_item("b:e1", "b", ptype="PROTEST"), False),                          # another PLOVER type
    (_item("b:e1", "b", start="2024-12-03"), False),                       # dates do not overlap
    (_item("b:e1", "b", start="2024-11-30", end="2024-12-02"), True),      # a range covering the day
    (_item("b:e1", "b", place=(35.86, 36.80, "Other")), True),             # 17 km away
    (_item("b:e1", "b", place=(35.13, 36.75, "Hama")), False),             # 90 km away
    (_item("b:e1", "b", place=(35.5, 36.0, "Idlib")), True),               # same district, far centroid
    (_item("a:e2", "a"), False),                                           # same document
    (_item("b:e1", "b", start=None), False),                               # undated never merges
])
def test_merge_may_merge(other, merges):
    base = _item("a:e1", "a")
    assert may_merge(base, other) is merges and may_merge(other, base) is merges


def test_merge_swapped_actors_of_a_clash_merge():
    a = _item("a:e1", "a", a1="SYR-MIL", a2="HTS")
    b = _item("b:e1", "b", a1="HTS", a2="SYR-MIL")
    assert may_merge(a, b)


def test_merge_cluster_keeps_members_pairwise_compatible():
    # b is compatible with a and c, but a and c have different attackers: two incidents, not a chain.
    a = _item("a:e1", "a", a1="SYR-MIL")
    b = _item("b:e1", "b", a1=None)
    c = _item("c:e1", "c", a1="HTS")
    for order in ([a, b, c], [c, b, a], [b, c, a]):
        assert [[m.key for m in g] for g in cluster(order)] == [["a:e1", "b:e1"], ["c:e1"]]


def test_merge_window_refuses_long_or_missing_dates():
    doc = article("a", TEXT_1)
    assert merge_window(strike(doc, day="2024-12-01")) == ("2024-12-01", "2024-12-01")
    assert merge_window(strike(doc, day=None)) == (None, None)


def test_merge_two_reports_make_one_contested_incident_with_both_claims(store):
    a = strike_report("a", TEXT_1, source=SOHR, killed=5, outlet="وكالة الشرق")
    b = strike_report("b", TEXT_2, place=SARAQIB, source=WHITE_HELMETS, killed=7, outlet="شبكة الشمال")
    store.save(a.document, a)
    out = store.save(b.document, b)
    assert store.counts()["incidents"] == 1
    inc = store.get_incident(out.incident_ids[0])
    assert (inc.fatalities, inc.fatalities_max, inc.contested) == (5, 7, True)
    assert (inc.n_events, inc.n_documents, inc.n_sources) == (2, 2, 2)
    assert sorted((c.source.id, c.fatalities.min, c.outlet) for c in inc.claims) == [
        ("SCD", 7, "شبكة الشمال"), ("SOHR", 5, "وكالة الشرق")]
    for claim in inc.claims:
        doc = store.get_document(claim.document_id)
        assert doc.text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert inc.place_name in ("Idlib", "Saraqib") and inc.actor1.id == "SYR-MIL"
    assert inc.sources == ("شبكة الشمال", "وكالة الشرق")


def test_merge_place_most_reported_wins_among_equally_precise(store):
    for doc_id, text, place in (("a", TEXT_1, IDLIB), ("b", TEXT_2, SARAQIB), ("c", TEXT_3, IDLIB)):
        r = strike_report(doc_id, text, place=place)
        store.save(r.document, r)
    (inc,) = store.query_incidents().items
    assert inc.n_documents == 3 and inc.place_name == "Idlib"


def test_merge_agreeing_reports_are_not_contested(store):
    for i, text in enumerate((TEXT_1, TEXT_3)):
        r = strike_report(f"r{i}", text, killed=5, outlet=f"outlet {i}")
        store.save(r.document, r)
    (inc,) = store.query_incidents().items
    assert inc.n_documents == 2 and not inc.contested and inc.fatalities == inc.fatalities_max == 5


def test_merge_denial_against_assertion_is_contested(store):
    a = strike_report("a", TEXT_1, killed=5)
    b = strike_report("b", "نفى الجيش السوري تنفيذ أي غارة على إدلب.", killed=None, modality="denied")
    store.save(a.document, a)
    store.save(b.document, b)
    (inc,) = store.query_incidents().items
    assert inc.contested and inc.modality == "asserted" and inc.n_events == 2


@pytest.mark.parametrize("kw", [
    {"place": HAMA},                 # another district, 90 km away
    {"place": MOSUL},                # another country
    {"day": "2024-11-20"},           # another week
    {"plover": SHELLING, "day": "2024-12-01", "actor1": HTS},  # another attacker
    {"plover": PROTEST},             # another PLOVER type
    {"day": None},                   # no date
])
def test_merge_different_incidents_stay_apart(store, kw):
    a = strike_report("a", TEXT_1)
    b = strike_report("b", TEXT_3, **kw)
    store.save(a.document, a)
    store.save(b.document, b)
    assert store.counts()["incidents"] == 2


def test_merge_by_district_even_beyond_25_km(store):
    far = IDLIB.__class__("Idlib countryside", "ريف إدلب", "SY", "Idlib", "Idlib", 35.6, 36.3, None, 2)
    a = strike_report("a", TEXT_1)
    b = strike_report("b", TEXT_3, place=far)
    store.save(a.document, a)
    store.save(b.document, b)
    (inc,) = store.query_incidents().items
    assert inc.place_name == "Idlib" and inc.geo_precision == 1  # the most precise place wins


# ---- order independence ------------------------------------------------------------------------

def _corpus():
    """Nine reports: three of one strike on Idlib (a chain through Saraqib), two of a strike on
    Jisr al-Shughur, one on Hama, a clash told from both sides, and an undated report."""
    clash_a = article("c1", "اشتباكات بين الجيش السوري وهيئة تحرير الشام قرب سراقب.")
    clash_b = article("c2", "هيئة تحرير الشام تهاجم مواقع الجيش في سراقب.")
    clash = (Plover("ASSAULT", "firearms"), Acled("Battles", "Armed clash"))
    return [
        strike_report("s1", TEXT_1, source=SOHR, killed=5),
        strike_report("s2", TEXT_2, place=SARAQIB, source=WHITE_HELMETS, killed=7),
        strike_report("s3", TEXT_3, actor1=None, killed=None),
        strike_report("s4", "غارة على جسر الشغور غرب إدلب.", place=JISR, killed=2),
        strike_report("s5", "قصف جوي على مدينة جسر الشغور.", place=JISR, killed=3, source=SOHR),
        strike_report("s6", "غارة على حماة.", place=HAMA, killed=1),
        result(clash_a, strike(clash_a, place=SARAQIB, actor1=SYR_MIL, actor2=HTS, plover=clash, killed=4)),
        result(clash_b, strike(clash_b, place=SARAQIB, actor1=HTS, actor2=SYR_MIL, plover=clash, killed=6)),
        strike_report("s9", "غارة على إدلب وسط أنباء عن ضحايا.", day=None),
    ]


def _incidents(store) -> list[tuple]:
    return sorted((i.id, i.fatalities, i.fatalities_max, i.contested, i.n_documents, i.place_name)
                  for i in store.iter_incidents())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(9)))
def test_merge_is_independent_of_ingest_order(store_url, tmp_path_factory, order):
    corpus = _corpus()
    if store_url.startswith("sqlite"):
        store_url = f"sqlite:///{tmp_path_factory.mktemp('perm') / 'p.db'}"
    else:
        reset_postgres(store_url)
    with open_store(store_url) as s:
        for i in order:
            s.save(corpus[i].document, corpus[i])
        got = _incidents(s)
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('ref') / 'r.db'}") as ref:
        for r in corpus:
            ref.save(r.document, r)
        expected = _incidents(ref)
    assert got == expected
    # The strike on Idlib is one incident of three reports; Jisr al-Shughur and the clash are one each.
    assert sorted(n for *_, n, _ in expected) == [1, 1, 2, 2, 3]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(9)), drop=st.integers(0, 8))
def test_merge_delete_equals_never_saving(tmp_path_factory, order, drop):
    corpus = _corpus()
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('del') / 'd.db'}") as s:
        ids = {i: s.save(corpus[i].document, corpus[i]).document_id for i in order}
        s.delete_document(ids[drop])
        got = _incidents(s)
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('ref') / 'r.db'}") as ref:
        for i, r in enumerate(corpus):
            if i != drop:
                ref.save(r.document, r)
        assert got == _incidents(ref)
