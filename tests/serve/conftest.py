"""Shared fixtures of the server tests: a temporary SQLite store filled with the hand-annotated
results of `fixtures.py`, a TestClient over it, and a write token."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import serve_fixtures as fixtures
from fastapi.testclient import TestClient

from marsad.serve.app import create_app
from marsad.store import Store, open_store


@dataclass(frozen=True)
class Filled:
    store: Store
    url: str
    token: str
    doc_ids: dict[str, str]  # fixture name -> stored document id
    incident_ids: dict[str, str]  # fixture name -> incident id


def fill(path: Path) -> Filled:
    url = f"sqlite:///{path}"
    store = open_store(url)
    doc_ids, incident_ids = {}, {}
    for name, make in (("strike_a", fixtures.strike_a), ("strike_b", fixtures.strike_b),
                       ("taiz", fixtures.protest_taiz), ("baghdad", fixtures.bomb_baghdad),
                       ("hostile", fixtures.hostile)):
        result = make()
        outcome = store.save(result.document, result)
        doc_ids[name] = outcome.document_id
        incident_ids[name] = outcome.incident_ids[0]
    # The second report of the strike joins the first one's incident: read it back.
    incident_ids["strike_a"] = incident_ids["strike_b"] = store.get_document(doc_ids["strike_a"]).incident_ids[0]
    return Filled(store, url, store.create_token("tests"), doc_ids, incident_ids)


@pytest.fixture
def filled(tmp_path: Path) -> Filled:
    return fill(tmp_path / "serve.db")


@pytest.fixture
def client(filled: Filled) -> TestClient:
    return TestClient(create_app(filled.store, read_token_required=False))
