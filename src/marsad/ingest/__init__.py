"""Ingestion: sources (files, folders, JSONL corpora, WARC archives, RSS/Atom feeds, URLs) → clean Documents.

The contract the store codes against:

- `iter_documents(sources, *, allow_private=False, timeout=10.0, fetch_pages=True)` yields an
  `IngestedDocument` per document and an `IngestFailure` per source (or item) that gave none;
  failures never stop the iteration.
- `IngestedDocument(document, source, encoding, content_hash, language)`;
  `IngestFailure(source, reason)`.
- `detect_language(text) -> str` ("ar", "fa", "ur", "en", "fr", …, "und").
- `NearDuplicateIndex(threshold=0.8, num_perm=128)` with `add`, `find`, `signature`,
  `add_signature`, `find_signature` and `from_signatures` (to rebuild from stored signatures).
- `content_hash(text)`, `document_id(...)`, `canonical_url(url)`: how hashes and stable ids are made.

See docs/ingest.md.
"""

from typing import TYPE_CHECKING, Any

from marsad.ingest.records import IngestedDocument, IngestFailure, canonical_url, content_hash, document_id

if TYPE_CHECKING:
    from marsad.ingest.dedup import NearDuplicateIndex
    from marsad.ingest.language import detect_language
    from marsad.ingest.sources import iter_documents

# The rest is loaded on first use: trafilatura, feedparser, httpx and numpy take about half a
# second to import, which `import marsad.ingest` (and so every CLI command) need not pay.
_LAZY = {
    "iter_documents": "marsad.ingest.sources",
    "detect_language": "marsad.ingest.language",
    "NearDuplicateIndex": "marsad.ingest.dedup",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'marsad.ingest' has no attribute {name!r}")


__all__ = [
    "IngestFailure", "IngestedDocument", "NearDuplicateIndex", "canonical_url", "content_hash", "detect_language",
    "document_id", "iter_documents",
]
