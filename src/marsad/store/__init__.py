"""marsad's store: documents, events, claims, actors, places and cross-article incidents.

    from marsad.store import open_store, IncidentFilter
    store = open_store("marsad.db")            # or postgresql://user:pass@host/db
    outcome = store.save(ingested_or_document, result)
    page = store.query_incidents(IncidentFilter(country="SY", since="2024-12-01"), limit=50)
    incident = store.get_incident(page.items[0].id)

See docs/store.md for the whole API.
"""

from marsad.store.engine import StoreError, resolve_url
from marsad.store.store import Store, open_store
from marsad.store.types import (
    ActorRecord,
    Figures,
    Incident,
    IncidentClaim,
    IncidentFilter,
    IncidentPage,
    IncidentSummary,
    SaveOutcome,
    StoredDocument,
)

__all__ = [
    "ActorRecord", "Figures", "Incident", "IncidentClaim", "IncidentFilter", "IncidentPage",
    "IncidentSummary", "SaveOutcome", "Store", "StoreError", "StoredDocument", "open_store", "resolve_url",
]
