"""JSONL corpora → documents: one JSON object per line, {"id","published","outlet","url","title","text"}.

The text is kept exactly as given (it is already clean, and offsets may refer to it). A bad
line is one failure naming the file and line ("corpus.jsonl:12", "line 12: not JSON: …")
and the next line is read. JSON is UTF-8 by definition; a line that is not is decoded by
detection (old exports in Windows-1256 exist) and its encoding recorded. `.jsonl.gz` is read
through gzip; a truncated one yields its complete lines, then a "truncated gzip" failure.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from marsad.ingest.documents import make_document
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.records import IngestedDocument, IngestFailure, iso_date

Result = IngestedDocument | IngestFailure


def iter_jsonl(path: Path, *, source: str) -> Iterator[Result]:
    """Documents and failures for each non-blank line of the corpus at `path`."""
    try:
        handle: IO[bytes] = gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")  # noqa: SIM115 (closed by the with below)
    except OSError as err:
        yield IngestFailure(source, f"cannot open: {err.strerror or err}")
        return
    with handle:
        number = 0
        try:
            for number, raw in enumerate(handle, 1):  # noqa: B007 (number is used after the loop)
                if raw.strip():
                    yield _line(raw, number, source)
        except (EOFError, zlib.error, gzip.BadGzipFile) as err:
            yield IngestFailure(f"{source}:{number + 1}", _gzip_reason(err))


def _gzip_reason(err: Exception) -> str:
    if isinstance(err, EOFError):
        return "truncated gzip"
    return f"corrupt gzip: {err}"


def _line(raw: bytes, number: int, source: str) -> Result:
    where = f"{source}:{number}"
    encoding = "utf-8"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line, encoding = decode_bytes(raw)
        except DecodeError as err:
            return IngestFailure(where, f"line {number}: {err}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return IngestFailure(where, f"line {number}: not JSON: {err.msg} at column {err.colno}")
    if not isinstance(record, dict):
        return IngestFailure(where, f"line {number}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestFailure(where, f"line {number}: no 'text' field")
    given = record.get("id")
    if isinstance(given, int | float) and not isinstance(given, bool):
        given = str(given)
    language = record.get("language")
    return make_document(
        text, source=where, encoding=encoding,
        given_id=given if isinstance(given, str) and given.strip() else None,
        url=_str(record.get("url")), published=iso_date(record.get("published")),
        outlet=_str(record.get("outlet")), title=_str(record.get("title")),
        language=language if isinstance(language, str) and language.strip() else None,
    )


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
