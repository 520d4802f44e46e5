"""`marsad token create` and `marsad serve --help`, through click's CliRunner."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.store import open_store


@pytest.mark.parametrize("name", ["newsroom", "غرفة الأخبار"])
def test_serve_cli_token_create_prints_a_token_the_store_accepts(tmp_path, name):
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(main, ["token", "create", name, "--db", db])
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert len(token) >= 32 and "\n" not in token
    store = open_store(db)
    assert store.verify_token(token)
    assert not store.verify_token(token + "x")


def test_serve_cli_token_is_stored_as_a_hash_only(tmp_path):
    db = tmp_path / "t.db"
    token = CliRunner().invoke(main, ["token", "create", "x", "--db", str(db)]).output.strip()
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir())  # the database and its WAL
    assert token.encode() not in stored
    assert hashlib.sha256(token.encode()).hexdigest().encode() in stored


@pytest.mark.parametrize("args", [["serve", "--help"], ["token", "create", "--help"]])
def test_serve_cli_help_has_an_example(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Example: marsad" in result.output


def test_serve_cli_bad_database_url_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["token", "create", "x", "--db", "mysql://nowhere/db"])
    assert result.exit_code != 0
    assert "mysql" in result.output
