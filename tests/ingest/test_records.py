"""Stable ids, content hashes, canonical URLs and dates."""

from __future__ import annotations

import pytest

from marsad.ingest import canonical_url, content_hash, document_id
from marsad.ingest.records import iso_date, tidy_text


def test_records_hash_ignores_folding_and_whitespace() -> None:
    assert content_hash("قُتِلَ خمسةُ مدنيين في إدلب") == content_hash("قتل  خمسة\nمدنيين في ادلب")
    assert content_hash("قتل خمسة مدنيين") != content_hash("قتل ستة مدنيين")
    assert len(content_hash("x")) == 64


@pytest.mark.parametrize(("a", "b"), [
    ("https://www.Example.org/news/1?utm_source=tw&id=5#top", "https://example.org/news/1?id=5"),
    ("HTTP://example.org:80/a?b=2&a=1", "http://example.org/a?a=1&b=2"),
    ("https://example.org", "https://example.org/"),
])
def test_records_canonical_url_equal(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


def test_records_document_id_precedence_and_stability() -> None:
    assert document_id(given="sana-2019-001", url="https://a.example/x", text_hash="ab" * 32) == "sana-2019-001"
    by_url = document_id(url="https://a.example/x?utm_medium=rss")
    assert by_url == document_id(url="https://www.a.example/x") and by_url.startswith("url-")
    assert document_id(text_hash="ab" * 32) == "sha-" + "ab" * 8
    with pytest.raises(ValueError):
        document_id()


@pytest.mark.parametrize(("value", "date"), [
    ("2019-05-12", "2019-05-12"), ("2019-05-12T08:00:00Z", "2019-05-12"), ("12/05/2019", None),
    ("2019-13-01", None), (None, None), (20190512, None),
])
def test_records_iso_date(value: object, date: str | None) -> None:
    assert iso_date(value) == date


def test_records_tidy_text_collapses_spaces_not_letters() -> None:
    assert tidy_text("\ufeff  قال   المصدر\r\n\r\n\r\n\tإن الوضع هادئ  \n\n") == "قال المصدر\n\nإن الوضع هادئ"
