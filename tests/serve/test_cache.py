"""The answer cache: expiry, bound, and what writes do to it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.serve import cache as cache_module
from marsad.serve.app import create_app
from marsad.serve.cache import ResponseCache

from . import serve_fixtures as fixtures


def test_cache_entries_expire_after_ttl(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: now[0])
    c = ResponseCache(ttl=5)
    c.put("k", b"body", "application/json")
    now[0] = 104.9
    assert c.get("k").body == b"body"
    now[0] = 105.1
    assert c.get("k") is None


def test_cache_keeps_the_most_recently_used_entries():
    c = ResponseCache(ttl=60, size=2)
    c.put("a", b"1", "x")
    c.put("b", b"2", "x")
    c.get("a")
    c.put("c", b"3", "x")
    assert [k for k in "abc" if c.get(k)] == ["a", "c"]


def test_cache_off_when_ttl_is_zero():
    c = ResponseCache(ttl=0)
    c.put("a", b"1", "x")
    assert c.get("a") is None


@pytest.mark.parametrize(("seconds", "sees_outside_write"), [(0, True), (60, False)])
def test_cache_outside_writes_show_only_without_cache(filled, seconds, sees_outside_write):
    client = TestClient(create_app(filled.store, cache_seconds=seconds))
    before = client.get("/api/events?country=IQ").json()["items"]
    filled.store.delete_document(filled.doc_ids["baghdad"])  # as another process would
    after = client.get("/api/events?country=IQ").json()["items"]
    assert (len(after) == len(before) - 1) is sees_outside_write


def test_cache_writes_through_the_api_clear_it(filled):
    client = TestClient(create_app(filled.store, cache_seconds=60))
    auth = {"Authorization": f"Bearer {filled.token}"}
    assert len(client.get("/api/events?country=IQ").json()["items"]) == 2
    days_before = client.get("/api/stats/daily?country=IQ").json()["days"]
    assert client.delete(f"/api/documents/{filled.doc_ids['baghdad']}", headers=auth).status_code == 204
    assert len(client.get("/api/events?country=IQ").json()["items"]) == 1
    assert len(client.get("/api/stats/daily?country=IQ").json()["days"]) == len(days_before) - 1
    assert client.post("/api/documents", json=fixtures.bomb_baghdad().to_dict(), headers=auth).status_code == 201
    assert len(client.get("/api/events?country=IQ").json()["items"]) == 2
