"""WARC archives: each archived HTML page a document; truncated archives end with a failure."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest import IngestedDocument, IngestFailure, iter_documents

from .conftest import ARTICLE_CLASHES, ARTICLE_FLOODS, ARTICLE_SHELLING, news_page


def _warc(path: Path, *, gz: bool) -> None:
    """Records: request, page (utf-8), redirect, image, page (windows-1256), 404, page with no text."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record("https://a.example/1", "request", payload=io.BytesIO(b"GET /1 HTTP/1.1\r\n\r\n")))
        response("https://a.example/1", "200 OK", "text/html; charset=utf-8", news_page(ARTICLE_SHELLING).encode())
        response("https://a.example/old", "301 Moved Permanently", "text/html", b"")
        response("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        legacy = news_page(ARTICLE_FLOODS, charset="windows-1256").encode("cp1256")
        response("https://b.example/floods", "200 OK", "text/html; charset=windows-1256", legacy)
        response("https://a.example/missing", "404 Not Found", "text/html", b"<html><body>404</body></html>")
        response("https://a.example/empty", "200 OK", "text/html", b"<html><body><nav><a href='/'>home</a></nav></body></html>")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    results = list(iter_documents([str(path)]))
    docs = [r for r in results if isinstance(r, IngestedDocument)]
    assert [d.source for d in docs] == [f"{path}#record-2", f"{path}#record-5"]
    assert docs[0].document.text.split("\n") == ARTICLE_SHELLING
    assert docs[0].document.url == "https://a.example/1" and docs[0].encoding == "utf-8"
    assert docs[1].document.text.split("\n") == ARTICLE_FLOODS and docs[1].encoding == "windows-1256"
    failures = [r for r in results if isinstance(r, IngestFailure)]
    assert [(f.source, f.reason) for f in failures] == [(f"{path}#record-7", "no article text in HTML")]


def test_warc_truncated_gzip_yields_pages_read_then_failure(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    results = list(iter_documents([str(cut), str(whole)]))
    cut_results = [r for r in results if r.source.startswith(str(cut))]
    assert isinstance(cut_results[-1], IngestFailure)
    assert cut_results[-1].reason == "truncated gzip"
    assert isinstance(cut_results[0], IngestedDocument)
    # the next source is still read in full
    assert sum(isinstance(r, IngestedDocument) and r.source.startswith(str(whole)) for r in results) == 2


def test_warc_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("\n".join(ARTICLE_CLASHES), encoding="utf-8")
    [failure] = list(iter_documents([str(path)]))
    assert isinstance(failure, IngestFailure) and "not a WARC file" in failure.reason


def test_warc_truncated_uncompressed_record(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _warc(whole, gz=False)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.index(b"b.example/floods") + 1200])  # inside the Windows-1256 page
    results = list(iter_documents([str(cut)]))
    assert [type(r).__name__ for r in results] == ["IngestedDocument", "IngestFailure"]
    assert results[-1] == IngestFailure(f"{cut}#record-5", "truncated WARC record")
