"""The FastAPI application: REST API, dashboard pages, vendored static files, security headers.

    app = create_app(open_store("sqlite:///marsad.db"))

Pages are thin Jinja2 shells (autoescaped); the browser fills them from the API with DOM calls
and textContent only, so article text can never become markup.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from marsad.errors import MarsadError
from marsad.serve.api import read_access, router
from marsad.serve.cache import ResponseCache
from marsad.serve.security import SecurityHeaders

HERE = Path(__file__).parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))  # .html files are autoescaped


def read_token_required_from_env() -> bool:
    """MARSAD_READ_TOKEN_REQUIRED=1 (or true/yes) makes reading token-only."""
    return os.environ.get("MARSAD_READ_TOKEN_REQUIRED", "").strip().lower() in ("1", "true", "yes", "on")


def cache_seconds_from_env() -> float:
    """MARSAD_CACHE_SECONDS: how long list answers are reused (default 5; 0 turns the cache off)."""
    raw = os.environ.get("MARSAD_CACHE_SECONDS", "").strip()
    try:
        return max(float(raw), 0.0) if raw else 5.0
    except ValueError as exc:
        raise MarsadError(f"MARSAD_CACHE_SECONDS={raw!r} is not a number of seconds; give e.g. 5, or 0 "
                          "to turn the cache off") from exc


def create_app(store: Any, *, read_token_required: bool | None = None,
               cache_seconds: float | None = None) -> FastAPI:
    """The app over an open store. Reading needs a token when read_token_required (default: env);
    list answers are reused for cache_seconds (default: env, else 5; 0 = off)."""
    app = FastAPI(
        title="marsad",
        description="Arabic conflict news as geocoded, source-attributed events (codebook marsad.document/1).",
        version="1",
        docs_url=None,  # our own /docs page loads the vendored Swagger UI (no CDN)
        redoc_url=None,
    )
    app.state.store = store
    app.state.read_token_required = (read_token_required_from_env() if read_token_required is None
                                     else read_token_required)
    app.state.cache = ResponseCache(cache_seconds_from_env() if cache_seconds is None else cache_seconds)
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(name: str, request: Request, **context: Any) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, name, {"page": name.removesuffix(".html"), **context})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request) -> HTMLResponse:
        return page("map.html", request)

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str) -> HTMLResponse:
        return page("incident.html", request, item_id=incident_id)

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: str) -> HTMLResponse:
        return page("document.html", request, item_id=document_id)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, "swagger.html", {})

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    # Keep the dependency importable for callers who mount the router themselves.
    app.state.read_access = read_access
    return app


def app_from_env() -> FastAPI:
    """The app over the store at $MARSAD_DB (default ./marsad.db): uvicorn's factory for workers > 1."""
    from marsad.store import open_store

    return create_app(open_store(os.environ.get("MARSAD_DB") or None))
