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


def _schema_name() -> str:
    # One schema per test process, so parallel runs (other sessions, benchmarks) never collide.
    return f"marsad_test_{os.getpid()}"


def schema_url(url: str, schema: str) -> str:
    """`url` with every connection's search_path set to `schema`."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def reset_postgres(url: str) -> None:
    """Empty this process's schema of the test database (the URL's search_path names it)."""
    schema = url.rsplit("search_path%3D", 1)[-1]
    engine = create_engine(resolve_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """MARSAD_TEST_PG_URL pointed at a schema of this process's own, dropped at the end."""
    url = os.environ.get("MARSAD_TEST_PG_URL")
    if not url:
        pytest.fail(PG_HELP, pytrace=False)
    scoped = schema_url(url, _schema_name())
    yield scoped
    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{_schema_name()}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A URL to an empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    url = request.getfixturevalue("postgres_url")
    reset_postgres(url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    yield s
    s.close()
