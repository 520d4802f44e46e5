"""The REST API under /api: incidents, documents, actors, daily counts; writes need a token.

Every handler is a thin call into the store (`request.app.state.store`); the store runs
parameterised queries only, and its answers are reshaped by `convert` into the codebook models.
"""

from __future__ import annotations

import inspect
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Security
from fastapi.responses import Response
from fastapi.security import HTTPBearer

from marsad.errors import InputError, MarsadError
from marsad.model import Document, document_result_from_dict
from marsad.serve import convert
from marsad.serve.models import (
    ActorListOut,
    DailyCountsOut,
    DocumentIn,
    DocumentOut,
    IncidentOut,
    IncidentPage,
    SavedOut,
)
from marsad.serve.security import check_token

GEOJSON = "application/geo+json"


def _store(request: Request) -> Any:
    return request.app.state.store


# Declared for OpenAPI (the "Authorize" button of /docs); the check itself is `check_token`.
bearer = HTTPBearer(auto_error=False, description="a token from `marsad token create NAME`")


async def read_access(request: Request, _: Annotated[object, Security(bearer)] = None) -> None:
    """Reading is open unless the app was started with read_token_required.

    Async (as are `filter_params` and `list_events`): a sync dependency costs every request a
    trip through the thread pool; the token check, when asked for, is one indexed lookup."""
    if request.app.state.read_token_required:
        check_token(request, _store(request))


def write_access(request: Request, _: Annotated[object, Security(bearer)] = None) -> None:
    check_token(request, _store(request))


router = APIRouter(prefix="/api", tags=["api"])


class Filters:
    """The query parameters shared by /api/events and /api/stats/daily."""

    def __init__(
        self,
        bbox: Annotated[str | None, Query(description="lon_min,lat_min,lon_max,lat_max")] = None,
        since: Annotated[date | None, Query(description="first day (YYYY-MM-DD), inclusive")] = None,
        until: Annotated[date | None, Query(description="last day (YYYY-MM-DD), inclusive")] = None,
        plover: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
        acled: Annotated[str | None, Query(description="ACLED event_type, e.g. Battles")] = None,
        actor: Annotated[str | None, Query(description="actor id (see /api/actors)")] = None,
        country: Annotated[str | None, Query(description="ISO 3166 alpha-2, e.g. SY")] = None,
        admin1: Annotated[str | None, Query(description="governorate name, e.g. Idlib")] = None,
        contested: Annotated[bool | None, Query(description="only incidents whose sources disagree")] = None,
        min_fatalities: Annotated[int | None, Query(ge=0)] = None,
        q: Annotated[str | None, Query(max_length=200, description="text search in the evidence")] = None,
    ) -> None:
        self.values = {
            "country": country.upper() if country else None,
            "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
            "plover_type": plover.upper() if plover else None, "acled_event_type": acled, "actor_id": actor,
            "admin1": admin1, "contested": contested, "min_fatalities": min_fatalities,
            "bbox": convert.parse_bbox(bbox), "text": q or None,
        }

    def build(self) -> Any:
        from marsad.store import IncidentFilter

        return IncidentFilter(**self.values)


async def filter_params(**params: Any) -> Filters:
    return Filters(**params)


# The same query parameters as Filters (so the same OpenAPI), read without a worker thread.
filter_params.__signature__ = inspect.signature(Filters)  # type: ignore[attr-defined]


def _wants_geojson(request: Request, fmt: str | None) -> bool:
    if fmt:
        if fmt not in ("json", "geojson"):
            raise HTTPException(422, f"format={fmt!r}: use format=json or format=geojson")
        return fmt == "geojson"
    return GEOJSON in request.headers.get("accept", "")


@router.get("/events", response_model=IncidentPage, dependencies=[Depends(read_access)],
            responses={200: {"content": {GEOJSON: {}}, "description": "JSON page, or GeoJSON with ?format=geojson"}})
async def list_events(
    request: Request,
    filters: Annotated[Filters, Depends(filter_params)],
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    format: Annotated[str | None, Query(description="json (default) or geojson")] = None,
) -> Any:
    """Merged incidents matching every given filter, newest first, one page at a time."""
    geojson = _wants_geojson(request, format)
    key = _cache_key(request, geojson)
    hit = request.app.state.cache.get(key)
    if hit is not None:
        return Response(hit.body, media_type=hit.media_type)
    try:
        rows, next_cursor = _store(request).query_incident_rows(filters.build(), limit=limit, cursor=cursor)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc
    items = [convert.summary_row(r) for r in rows]
    # Built to the IncidentPage shape by `convert`; returned as bytes (orjson) so FastAPI does not
    # validate 100-1000 items again on the hot path (the tests check the shape against the model).
    if geojson:
        response = Response(orjson.dumps(convert.to_feature_collection(items, next_cursor)), media_type=GEOJSON)
    else:
        response = Response(orjson.dumps({"items": items, "next_cursor": next_cursor}),
                            media_type="application/json")
    request.app.state.cache.put(key, response.body, response.media_type)
    return response


def _cache_key(request: Request, geojson: bool) -> str:
    params = sorted(request.query_params.multi_items())
    return f"{request.url.path}|{geojson}|{params}"


@router.get("/events/{incident_id}", response_model=IncidentOut, dependencies=[Depends(read_access)])
def get_event(request: Request, incident_id: str) -> Any:
    """One incident with every claim, its source, figures, document and evidence spans."""
    incident = _store(request).get_incident(incident_id)
    if incident is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return convert.incident(incident)


@router.get("/documents/{document_id}", response_model=DocumentOut, dependencies=[Depends(read_access)])
def get_document(request: Request, document_id: str) -> Any:
    """A stored article: its text, metadata and events with their spans (marsad.document/1)."""
    doc = _store(request).get_document(document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id!r}")
    data = convert.plain(doc)
    if "document" not in data:  # the store gave a flat document with its events
        events = data.pop("events", [])
        incident_ids = data.pop("incident_ids", [])
        data = {"schema": "marsad.document/1", "document": data, "events": events, "incident_ids": incident_ids}
    return data


@router.get("/actors", response_model=ActorListOut, dependencies=[Depends(read_access)])
def list_actors(request: Request, q: Annotated[str | None, Query(max_length=100)] = None) -> Any:
    """Canonical actors seen in stored incidents, optionally those whose name contains q."""
    return {"items": convert.plain(_store(request).list_actors(q or ""))}


@router.get("/stats/daily", response_model=DailyCountsOut, dependencies=[Depends(read_access)])
def daily(request: Request, filters: Annotated[Filters, Depends(filter_params)]) -> Any:
    """Incidents per day and PLOVER type, for the timeline."""
    key = _cache_key(request, False)
    hit = request.app.state.cache.get(key)
    if hit is not None:
        return Response(hit.body, media_type=hit.media_type)
    days = DailyCountsOut(days=convert.daily_rows(_store(request).daily_counts(filters.build())))
    response = Response(days.model_dump_json(), media_type="application/json")
    request.app.state.cache.put(key, response.body, response.media_type)
    return response


def _extract(body: DocumentIn) -> Any:
    extra = body.model_extra or {}
    if extra.get("schema") == "marsad.document/1" and "document" in extra:
        try:
            return document_result_from_dict({"schema": extra["schema"], "document": extra["document"],
                                              "events": extra.get("events") or []})
        except (KeyError, TypeError, ValueError) as exc:
            raise HTTPException(422, f"not a marsad.document/1 result: {exc}") from exc
    if not body.text or not body.text.strip():
        raise HTTPException(422, "give the article as {\"text\": …} (with optional title, url, outlet, published)")
    document = Document(body.id, body.text, body.published, body.url, body.outlet, body.title, body.language)
    try:
        from marsad.extraction.pipeline import extract_document
    except ImportError as exc:
        raise HTTPException(503, "the extractor is not installed in this build") from exc
    try:
        return extract_document(document)
    except MarsadError as exc:  # e.g. a published date that is not YYYY-MM-DD
        raise HTTPException(422, str(exc)) from exc


@router.post("/documents", response_model=SavedOut, status_code=201, dependencies=[Depends(write_access)])
def post_document(request: Request, body: DocumentIn) -> Any:
    """Extract the events of an article and store them (needs a token)."""
    result = _extract(body)
    try:
        saved = _store(request).save(result.document, result)
    except MarsadError as exc:
        raise HTTPException(422, str(exc)) from exc
    finally:
        request.app.state.cache.clear()
    document_id = saved if isinstance(saved, str) else (getattr(saved, "document_id", None) or result.document.id)
    return {"document_id": str(document_id), "events": len(result.events),
            "status": getattr(saved, "status", None), "incident_ids": list(getattr(saved, "incident_ids", ()))}


@router.delete("/documents/{document_id}", status_code=204, dependencies=[Depends(write_access)])
def delete_document(request: Request, document_id: str) -> None:
    """Remove a document and its claims; incidents left with no claim go too (needs a token)."""
    deleted = _store(request).delete_document(document_id)
    request.app.state.cache.clear()
    if deleted is False:
        raise HTTPException(404, f"no document {document_id!r}")
