"""Web archives (.warc, .warc.gz) → documents, with warcio.

Each `response` record with status 200 and an HTML body (and each HTML `resource` record) is
one page; other records (requests, metadata, redirects, images) are skipped silently, since
they are not pages. Records are numbered from 1 in file order: source "file.warc.gz#record-7".
A truncated or corrupt archive yields the pages read so far, then one failure. warcio itself
reads a cut-off gzip member as a short record without complaint, so the compressed bytes it
reads are checked on the side (`_GzipCheck`: one more zlib pass, a few % of the time of
extracting the pages), and an uncompressed record shorter than its Content-Length is caught
by what is left unread of it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.ingest.documents import document_from_html_bytes
from marsad.ingest.records import IngestedDocument, IngestFailure

Result = IngestedDocument | IngestFailure
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Truncated(Exception):
    pass


class _GzipCheck:
    """A read-only file wrapper that runs every byte read through zlib, member after member,
    to tell afterwards whether the last gzip member was complete."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._pos = 0
        self._zlib = zlib.decompressobj(wbits=31)
        self._fed = False
        self.corrupt: str | None = None

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._pos += len(data)
        if data and self.corrupt is None:
            self._feed(data)
        return data

    def tell(self) -> int:
        return self._pos

    def _feed(self, data: bytes) -> None:
        while data:
            try:
                self._zlib.decompress(data, 0)
            except zlib.error as err:
                self.corrupt = str(err)
                return
            self._fed = True
            if not self._zlib.eof:
                return
            data = self._zlib.unused_data
            self._zlib = zlib.decompressobj(wbits=31)
            self._fed = False

    @property
    def truncated(self) -> bool:
        return self._fed and not self._zlib.eof


def iter_warc(path: Path, *, source: str) -> Iterator[Result]:
    """Documents for the HTML pages archived in `path`, failures for pages without text."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield IngestFailure(source, f"cannot open: {err.strerror or err}")
        return
    number = 0
    with handle:
        reason = _not_warc(handle.read(4096))
        handle.seek(0)
        if reason:
            yield IngestFailure(source, reason)
            return
        checked = _GzipCheck(handle) if path.name.lower().endswith(".gz") else None
        try:
            for number, record in enumerate(ArchiveIterator(checked or handle), 1):  # noqa: B007
                page = _page(record)
                if page is not None:
                    body, url, charset = page
                    yield document_from_html_bytes(body, source=f"{source}#record-{number}", url=url, declared=charset)
        except _Truncated:  # raised while reading record `number` itself
            yield IngestFailure(f"{source}#record-{number}", "truncated WARC record" if checked is None else "truncated gzip")
            return
        except EOFError:  # raised while looking for the next record
            yield IngestFailure(f"{source}#record-{number + 1}", "truncated WARC record" if checked is None else "truncated gzip")
            return
        except zlib.error as err:
            yield IngestFailure(f"{source}#record-{number + 1}", f"corrupt gzip: {err}")
            return
        except ArchiveLoadFailed as err:
            yield IngestFailure(f"{source}#record-{number + 1}", f"not a WARC file or corrupt record: {err}")
            return
        if checked is not None and checked.corrupt:
            yield IngestFailure(f"{source}#record-{number + 1}", f"corrupt gzip: {checked.corrupt}")
        elif checked is not None and checked.truncated:
            yield IngestFailure(f"{source}#record-{number + 1}", "truncated gzip")
        elif number == 0:
            yield IngestFailure(source, "not a WARC file: no records found")


def _not_warc(head: bytes) -> str | None:
    """Why the file starting with `head` is not a WARC file, or None if it starts like one.
    (warcio reads almost anything as some record and only warns on stderr.)"""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head)
        except zlib.error as err:
            return f"corrupt gzip: {err}"
    if not head.lstrip(b"\r\n").startswith(b"WARC/"):
        return "not a WARC file (it does not start with a WARC/1.x record header)"
    return None


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
    body = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes in the file than the record declares
        raise _Truncated
    return body, url, charset
