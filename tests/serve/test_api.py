"""The REST API over a filled temporary store: filters, pagination, GeoJSON, detail views, writes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.serve.app import create_app
from marsad.serve.models import IncidentPage

from . import serve_fixtures as fixtures


def _ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def test_api_events_lists_every_incident(client, filled):
    response = client.get("/api/events")
    ids = _ids(response)
    assert ids == set(filled.incident_ids.values())
    assert len(ids) == 4  # the two reports of the Khan Shaykhun strike are one incident
    # the list is served without FastAPI's re-validation: check it is exactly the declared model
    page = IncidentPage.model_validate(response.json())
    assert response.json() == page.model_dump(mode="json", by_alias=True)


@pytest.mark.parametrize(("query", "expected"), [
    ("country=IQ", {"baghdad", "hostile"}),
    ("country=sy", {"strike_a"}),
    ("plover=PROTEST", {"taiz"}),
    ("acled=Battles", {"hostile"}),
    ("contested=true", {"strike_a"}),
    ("contested=false", {"taiz", "baghdad", "hostile"}),
    ("min_fatalities=4", {"strike_a", "hostile"}),
    ("since=2019-08-12", {"taiz", "hostile"}),
    ("until=2019-08-10", {"strike_a"}),
    ("since=2019-08-11&until=2019-08-11", {"baghdad"}),
    ("bbox=43,30,46,35", {"baghdad"}),
    ("admin1=Idlib", {"strike_a"}),
    ("actor=SYR-MIL", {"strike_a"}),
    ("country=YE&plover=ASSAULT", set()),
])
def test_api_events_filters(client, filled, query, expected):
    assert _ids(client.get(f"/api/events?{query}")) == {filled.incident_ids[name] for name in expected}


def test_api_events_text_search_matches_arabic(client, filled):
    assert filled.incident_ids["strike_a"] in _ids(client.get("/api/events", params={"q": "خان شيخون"}))


def test_api_events_cursor_pagination_visits_each_incident_once(client, filled):
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen.extend(item["id"] for item in body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(set(filled.incident_ids.values()))


@pytest.mark.parametrize("how", ["param", "accept"])
def test_api_events_geojson(client, filled, how):
    if how == "param":
        response = client.get("/api/events?format=geojson&country=SY")
    else:
        response = client.get("/api/events?country=SY", headers={"Accept": "application/geo+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    [feature] = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.65, 35.44]}
    assert feature["properties"]["contested"] is True
    assert feature["properties"]["plover_type"] == "ASSAULT"


@pytest.mark.parametrize("query", ["bbox=1,2,3", "bbox=a,b,c,d", "since=yesterday", "limit=0", "limit=5000",
                                   "format=xml", "min_fatalities=-1"])
def test_api_events_rejects_bad_parameters(client, query):
    assert client.get(f"/api/events?{query}").status_code == 422


def test_api_incident_shows_both_conflicting_claims(client, filled):
    body = client.get(f"/api/events/{filled.incident_ids['strike_a']}").json()
    assert body["contested"] is True
    assert body["fatalities"]["min"] == 12
    figures = {c["source"]["name_ar"]: c["fatalities"]["min"] for c in body["claims"]}
    assert figures == {"الدفاع المدني السوري": 12, "المرصد السوري لحقوق الإنسان": 15}
    assert {c["document_id"] for c in body["claims"]} == {filled.doc_ids["strike_a"], filled.doc_ids["strike_b"]}
    for claim in body["claims"]:
        assert claim["evidence"]["text"] in (fixtures.STRIKE_A + fixtures.STRIKE_B)
    assert {e["document_id"] for e in body["events"]} == {filled.doc_ids["strike_a"], filled.doc_ids["strike_b"]}


def test_api_document_returns_text_and_spans(client, filled):
    body = client.get(f"/api/documents/{filled.doc_ids['baghdad']}").json()
    assert body["schema"] == "marsad.document/1"
    text = body["document"]["text"]
    assert text == fixtures.BOMB_BAGHDAD
    [event] = body["events"]
    for span in (event["fatalities"]["evidence"], event["injured"]["evidence"], event["locations"][0]["mention"]):
        assert text[span["start"]:span["end"]] == span["text"]
    assert body["incident_ids"] == [filled.incident_ids["baghdad"]]


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/documents/nope"])
def test_api_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404


def test_api_actors_search(client):
    names = {a["name_ar"] for a in client.get("/api/actors", params={"q": "الشرطة"}).json()["items"]}
    assert "الشرطة العراقية" in names


def test_api_daily_counts_by_type(client):
    days = {d["date"]: d for d in client.get("/api/stats/daily").json()["days"]}
    assert days["2019-08-12"]["total"] == 2
    assert days["2019-08-12"]["by_type"] == {"ASSAULT": 1, "PROTEST": 1}
    filtered = client.get("/api/stats/daily?plover=PROTEST").json()["days"]
    assert [(d["date"], d["total"]) for d in filtered] == [("2019-08-12", 1)]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"},
                                     {"Authorization": "Bearer "}])
def test_api_writes_need_a_valid_token(client, filled, headers):
    ready = fixtures.protest_taiz().to_dict()
    assert client.post("/api/documents", json=ready, headers=headers).status_code == 401
    assert client.delete(f"/api/documents/{filled.doc_ids['taiz']}", headers=headers).status_code == 401
    assert client.get(f"/api/documents/{filled.doc_ids['taiz']}").status_code == 200


def test_api_post_ready_result_and_delete(client, filled):
    auth = {"Authorization": f"Bearer {filled.token}"}
    client.delete(f"/api/documents/{filled.doc_ids['baghdad']}", headers=auth)
    assert filled.incident_ids["baghdad"] not in _ids(client.get("/api/events"))
    response = client.post("/api/documents", json=fixtures.bomb_baghdad().to_dict(), headers=auth)
    assert response.status_code == 201, response.text
    assert response.json()["events"] == 1
    again = _ids(client.get("/api/events", params={"country": "IQ", "acled": "Explosions/Remote violence"}))
    assert again == {filled.incident_ids["baghdad"]}


def test_api_post_rejects_empty_article(client, filled):
    auth = {"Authorization": f"Bearer {filled.token}"}
    assert client.post("/api/documents", json={"title": "بلا نص"}, headers=auth).status_code == 422


def test_api_read_token_setting(filled, monkeypatch):
    closed = TestClient(create_app(filled.store, read_token_required=True))
    assert closed.get("/api/events").status_code == 401
    assert closed.get("/api/events", headers={"Authorization": f"Bearer {filled.token}"}).status_code == 200
    monkeypatch.setenv("MARSAD_READ_TOKEN_REQUIRED", "1")
    assert TestClient(create_app(filled.store)).get("/api/actors").status_code == 401


def test_api_openapi_names_the_codebook_models(client):
    schema = client.get("/openapi.json").json()
    assert {"IncidentOut", "ClaimOut", "SpanOut", "DocumentOut", "FigureOut"} <= set(schema["components"]["schemas"])
    assert "/api/events" in schema["paths"]


def test_api_post_article_text_is_extracted_and_stored(client, filled):
    auth = {"Authorization": f"Bearer {filled.token}"}
    text = "قتل خمسة مدنيين على الأقل في قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي أمس الثلاثاء، بحسب الدفاع المدني."
    response = client.post("/api/documents", headers=auth,
                           json={"text": text, "title": "قصف على كفرنبل", "published": "2020-01-15", "outlet": "اختبار"})
    assert response.status_code == 201, response.text
    stored = client.get(f"/api/documents/{response.json()['document_id']}").json()
    assert stored["document"]["text"] == text
    assert stored["document"]["title"] == "قصف على كفرنبل"
    assert len(stored["events"]) == response.json()["events"]


def test_api_responses_carry_the_security_headers(client):
    for path in ("/", "/api/events", "/docs", "/static/js/common.js"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("page", ["incidents", "documents"])
def test_api_page_shells_escape_the_id_from_the_url(client, page):
    response = client.get(f"/{page}/%22%3E%3Cscript%3Ealert(1)%3C")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert 'data-id="&#34;&gt;&lt;script&gt;alert(1)&lt;"' in response.text


@pytest.mark.parametrize("published", ["yesterday", "2020-13-45"])
def test_api_post_with_a_bad_date_is_a_clear_422(client, filled, published):
    auth = {"Authorization": f"Bearer {filled.token}"}
    response = client.post("/api/documents", headers=auth, json={"text": "تظاهر المئات في تعز.", "published": published})
    assert response.status_code == 422
    assert published in response.json()["detail"]
