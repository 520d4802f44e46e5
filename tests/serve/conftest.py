"""Shared fixtures of the server tests: a temporary SQLite store filled with the hand-annotated
results of `serve_fixtures.py`, a TestClient over it, and a write token."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.serve.app import create_app

from .serve_fixtures import Filled, fill


@pytest.fixture
def filled(tmp_path: Path) -> Filled:
    return fill(tmp_path / "serve.db")


@pytest.fixture
def client(filled: Filled) -> TestClient:
    return TestClient(create_app(filled.store, read_token_required=False))
