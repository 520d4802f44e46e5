"""`iter_documents(sources)`: paths, folders and URLs → documents and failures, in order.

What a source is, decided here:
- http(s) URL: fetched; a feed (by content type or its first bytes) yields its items, an HTML
  page one document, plain text one document;
- folder: every supported file under it, recursively, in sorted path order (hidden files and
  unsupported extensions skipped: a folder of saved pages has images and CSS too);
- file by extension: .txt, .html/.htm/.xhtml, .jsonl, .warc/.warc.gz, .xml/.rss/.atom (feeds);
  `X.gz` for the others is gunzipped first; any other extension given by name is sniffed.
Failures never stop the iteration.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad.ingest.documents import document_from_html_bytes, document_from_text_bytes
from marsad.ingest.feeds import iter_feed, looks_like_feed
from marsad.ingest.fetch import Fetcher, FetchError, is_url
from marsad.ingest.jsonl import iter_jsonl
from marsad.ingest.records import IngestedDocument, IngestFailure
from marsad.ingest.warc import iter_warc

Result = IngestedDocument | IngestFailure

_TEXT = (".txt", ".text")
_HTML = (".html", ".htm", ".xhtml", ".shtml")
_FEED = (".xml", ".rss", ".atom")
_JSONL = (".jsonl", ".jsonl.gz", ".ndjson")
_WARC = (".warc", ".warc.gz")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


def iter_documents(sources: Sequence[str], *, allow_private: bool = False, timeout: float = 10.0,
                   fetch_pages: bool = True) -> Iterator[Result]:
    """Every document (or failure) of `sources`, in the order given.

    `allow_private` lets URLs resolve to loopback/private addresses (tests, intranets);
    `timeout` is seconds per HTTP request; `fetch_pages` fetches a feed item's page when it has
    a link (else the item's own content is the text).
    """
    fetcher: Fetcher | None = None
    try:
        for given in sources:
            source = str(given)  # a pathlib.Path is welcome too
            if is_url(source):
                if fetcher is None:
                    fetcher = Fetcher(timeout=timeout, allow_private=allow_private)
                yield from _guarded(source, _iter_url(source, fetcher, fetch_pages))
                continue
            path = Path(source)
            if path.is_dir():
                for member in _folder_files(path):
                    if fetcher is None and _needs_fetcher(member, fetch_pages):
                        fetcher = Fetcher(timeout=timeout, allow_private=allow_private)
                    yield from _guarded(str(member), _iter_file(member, str(member), fetcher, fetch_pages))
            elif path.is_file():
                if fetcher is None and _needs_fetcher(path, fetch_pages):
                    fetcher = Fetcher(timeout=timeout, allow_private=allow_private)
                yield from _guarded(source, _iter_file(path, source, fetcher, fetch_pages))
            elif path.exists():
                yield IngestFailure(source, "not a regular file or folder")
            else:
                yield IngestFailure(source, "no such file or folder")
    finally:
        if fetcher is not None:
            fetcher.close()


def _guarded(source: str, results: Iterator[Result]) -> Iterator[Result]:
    """`results`, and if the code reading `source` breaks, one failure instead of an exception
    (that source's remaining items are lost, the next sources are still read)."""
    try:
        yield from results
    except Exception as err:
        yield IngestFailure(source, f"internal error while reading: {type(err).__name__}: {err}")


def _kind(name: str) -> str | None:
    lower = name.lower()
    for kind, endings in (("jsonl", _JSONL), ("warc", _WARC), ("text", _TEXT), ("html", _HTML), ("feed", _FEED)):
        if lower.endswith(endings):
            return kind
    if lower.endswith(".gz") and _kind(lower[:-3]) is not None:
        return "gz"
    return None


def _needs_fetcher(path: Path, fetch_pages: bool) -> bool:
    return fetch_pages and _kind(path.name) in ("feed", "gz", None)


def _folder_files(folder: Path) -> list[Path]:
    """Supported files under `folder`, recursively, sorted by their path relative to it."""
    found = [
        p for p in folder.rglob("*")
        if p.is_file() and _kind(p.name) is not None
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _iter_file(path: Path, source: str, fetcher: Fetcher | None, fetch_pages: bool) -> Iterator[Result]:
    kind = _kind(path.name)
    if kind == "jsonl":
        yield from iter_jsonl(path, source=source)
        return
    if kind == "warc":
        yield from iter_warc(path, source=source)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield IngestFailure(source, f"cannot read: {err.strerror or err}")
        return
    if kind == "gz":
        try:
            data = gzip.decompress(data)
        except EOFError:
            yield IngestFailure(source, "truncated gzip")
            return
        except (zlib.error, gzip.BadGzipFile) as err:
            yield IngestFailure(source, f"corrupt gzip: {err}")
            return
        kind = _kind(path.name[:-3])
    yield from _iter_bytes(data, kind, source=source, url=None, charset=None, fetcher=fetcher,
                           fetch_pages=fetch_pages)


def _iter_bytes(data: bytes, kind: str | None, *, source: str, url: str | None, charset: str | None,
                fetcher: Fetcher | None, fetch_pages: bool) -> Iterator[Result]:
    """Dispatch bytes of a known kind; unknown kinds are sniffed (feed, HTML, else text)."""
    if kind is None:
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if looks_like_feed(data):
            kind = "feed"
        elif head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:65536].lower():
            kind = "html"
        else:
            kind = "text"
    if kind == "feed":
        yield from iter_feed(data, source=source, fetcher=fetcher, fetch_pages=fetch_pages)
    elif kind == "html":
        yield document_from_html_bytes(data, source=source, url=url, declared=charset)
    else:
        yield document_from_text_bytes(data, source=source, url=url, declared=charset)


def _iter_url(url: str, fetcher: Fetcher, fetch_pages: bool) -> Iterator[Result]:
    try:
        page = fetcher.fetch(url)
    except FetchError as err:
        yield IngestFailure(url, str(err))
        return
    ctype = page.content_type or ""
    if ctype in _FEED_TYPES and looks_like_feed(page.content) or ctype.endswith(("rss+xml", "atom+xml")):
        kind: str | None = "feed"
    elif ctype in ("text/html", "application/xhtml+xml"):
        kind = "feed" if looks_like_feed(page.content) else "html"
    elif ctype == "text/plain":
        kind = "text"
    else:
        kind = None
    # The URL as asked names the document (not the one after redirects): a feed item's link is
    # used the same way, so one article reached either way gets one id.
    yield from _iter_bytes(page.content, kind, source=url, url=url, charset=page.charset,
                           fetcher=fetcher, fetch_pages=fetch_pages)
