"""The `store` fixture: every store test runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from MARSAD_TEST_PG_URL (CI sets it; locally `make test` runs
scripts/start-postgres.sh). Without it the PostgreSQL variants fail, telling how to start one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from marsad.store import Store, open_store, resolve_url

PG_HELP = ("MARSAD_TEST_PG_URL is not set: the store tests also run on PostgreSQL. Start one with\n"
           "  export MARSAD_TEST_PG_URL=\"$(scripts/start-postgres.sh)\"\n"
           "(needs Debian's postgresql package: apt-get install -y postgresql)")


def reset_postgres(url: str) -> None:
    """Drop everything in the test database's public schema (it belongs to the test role)."""
    engine = create_engine(resolve_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A URL to an empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    url = os.environ.get("MARSAD_TEST_PG_URL")
    if not url:
        pytest.fail(PG_HELP, pytrace=False)
    reset_postgres(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()
