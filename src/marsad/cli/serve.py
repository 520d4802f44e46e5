"""`marsad serve` (the REST API and the dashboard) and `marsad token create` (write access)."""

from __future__ import annotations

import os

import click

from marsad.cli import main
from marsad.errors import MarsadError

DB_HELP = "database: a file path, sqlite:///FILE or postgresql://… (default: $MARSAD_DB or ./marsad.db)"


def _open(db: str | None):  # noqa: ANN202 - the store's type lives in marsad.store
    from marsad.store import open_store

    try:
        return open_store(db)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="port to listen on")
@click.option("--read-token-required", is_flag=True, default=None,
              help="reading needs a token too (also MARSAD_READ_TOKEN_REQUIRED=1)")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="worker processes (each opens the database)")
@click.option("--cache-seconds", type=click.FloatRange(0), default=None,
              help="reuse list answers this long (default $MARSAD_CACHE_SECONDS or 5; 0 = off)")
def serve(db: str | None, host: str, port: int, read_token_required: bool | None, workers: int,
          cache_seconds: float | None) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the dashboard.

    Example: marsad serve --db marsad.db --port 8000
    """
    import uvicorn

    from marsad.serve.app import create_app

    store = _open(db)  # opened (and migrated) once here, so a bad URL fails before serving
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    click.echo(f"marsad: dashboard at http://{shown}:{port}/  (API docs at http://{shown}:{port}/docs)")
    if workers == 1:
        try:
            app = create_app(store, read_token_required=read_token_required or None, cache_seconds=cache_seconds)
        except MarsadError as exc:
            raise click.ClickException(str(exc)) from exc
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Several processes need an import string: each worker builds its app from the environment.
    store.close()
    if db:
        os.environ["MARSAD_DB"] = db
    if read_token_required:
        os.environ["MARSAD_READ_TOKEN_REQUIRED"] = "1"
    if cache_seconds is not None:
        os.environ["MARSAD_CACHE_SECONDS"] = str(cache_seconds)
    uvicorn.run("marsad.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@main.group()
def token() -> None:
    """Manage the API tokens that allow writing (POST/DELETE /api/documents)."""


@token.command("create")
@click.argument("name")
@click.option("--db", default=None, help=DB_HELP)
def token_create(name: str, db: str | None) -> None:
    """Create a token called NAME and print it once (only its hash is stored).

    Example: marsad token create newsroom --db marsad.db
    """
    store = _open(db)
    try:
        secret = store.create_token(name)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(secret)
