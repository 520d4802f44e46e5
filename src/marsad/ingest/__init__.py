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

from marsad.ingest.dedup import NearDuplicateIndex
from marsad.ingest.language import detect_language
from marsad.ingest.records import IngestedDocument, IngestFailure, canonical_url, content_hash, document_id
from marsad.ingest.sources import iter_documents

__all__ = [
    "IngestFailure", "IngestedDocument", "NearDuplicateIndex", "canonical_url", "content_hash", "detect_language",
    "document_id", "iter_documents",
]
