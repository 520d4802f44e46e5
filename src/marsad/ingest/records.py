"""What ingestion yields: `IngestedDocument` and `IngestFailure`, and how ids and hashes are made.

Ids must be stable across runs (the store relies on them for idempotency): an id given by the
source wins; otherwise it is derived from the canonical URL, or from the content hash for files.
Never from run order or time.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from marsad.model import Document
from marsad.text.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class IngestedDocument:
    """One clean document and where it came from.

    `document.text` is the article text (whitespace tidied, never Arabic-normalised);
    `source` names the origin ("path/a.html", "corpus.jsonl:12", "feed.xml#3",
    "file.warc.gz#record-7", "https://…"); `encoding` is the codec used to decode the bytes
    (None when the source handed us text, e.g. a JSON string); `content_hash` is the sha256 hex
    of the normalised, whitespace-collapsed text; `language` is an ISO 639-1 code or "und".
    """

    document: Document
    source: str
    encoding: str | None
    content_hash: str
    language: str


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A source (or one item of it) that yielded no document, and a human-readable reason."""

    source: str
    reason: str


def content_hash(text: str) -> str:
    """sha256 hex of the normalised text with runs of whitespace collapsed to one space."""
    return hashlib.sha256(" ".join(normalize_text(text).split()).encode("utf-8")).hexdigest()


# Query parameters that only track the reader; dropping them makes shared links one document.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|amp|output)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """`url` with scheme and host lower-cased, default port, fragment and tracking parameters dropped,
    remaining query parameters sorted, and an empty path written "/"."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    netloc = host
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def document_id(*, given: str | None = None, url: str | None = None, text_hash: str | None = None) -> str:
    """The stable id of a document: `given` as is, else "url-" + 16 hex of the canonical URL's sha256,
    else "sha-" + the first 16 hex of the content hash."""
    if given:
        return given
    if url:
        return "url-" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:16]
    if text_hash:
        return "sha-" + text_hash[:16]
    raise ValueError("document_id needs an id, a URL or a content hash")


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """"YYYY-MM-DD" from a string starting with an ISO date (times dropped), else None."""
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return m.group(0)


_SPACES = re.compile(r"[ \t\u00a0\f\v]+")


def tidy_text(text: str) -> str:
    """Text with newlines unified, each line stripped, runs of spaces and blank lines collapsed.
    Arabic letters and punctuation are untouched (that is the normaliser's job, on a copy)."""
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", ""))
    lines = (line.strip() for line in text.split("\n"))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
