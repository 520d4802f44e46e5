"""Web archives (.warc, .warc.gz) → documents, with warcio.

Each `response` record with status 200 and an HTML body (and each HTML `resource` record) is
one page; other records (requests, metadata, redirects, images) are skipped silently, since
they are not pages. Records are numbered from 1 in file order: source "file.warc.gz#record-7".
A truncated or corrupt archive yields the pages read so far, then one failure.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.ingest.documents import document_from_html_bytes
from marsad.ingest.records import IngestedDocument, IngestFailure

Result = IngestedDocument | IngestFailure
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: Path, *, source: str) -> Iterator[Result]:
    """Documents for the HTML pages archived in `path`, failures for pages without text."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield IngestFailure(source, f"cannot open: {err.strerror or err}")
        return
    number = 0
    with handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), 1):  # noqa: B007
                page = _page(record)
                if page is not None:
                    body, url, charset = page
                    yield document_from_html_bytes(body, source=f"{source}#record-{number}", url=url, declared=charset)
        except (EOFError, zlib.error) as err:
            reason = "truncated gzip" if isinstance(err, EOFError) or "incomplete" in str(err) else f"corrupt gzip: {err}"
            yield IngestFailure(f"{source}#record-{number + 1}", reason)
        except ArchiveLoadFailed as err:
            yield IngestFailure(f"{source}#record-{number + 1}", f"not a WARC file or corrupt record: {err}")


def _page(record) -> tuple[bytes, str | None, str | None] | None:  # type: ignore[no-untyped-def]
    """(body, url, charset) of an HTML page record, else None."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media, _, params = content_type.partition(";")
    if media.strip().lower() not in _HTML_TYPES:
        return None
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return record.content_stream().read(), url, charset
