"""iter_documents over files and folders: dispatch, encodings recorded, failures that do not stop."""

from __future__ import annotations

import gzip
from pathlib import Path

from marsad.ingest import IngestedDocument, IngestFailure, iter_documents

from .conftest import (
    ARTICLE_CLASHES,
    ARTICLE_FLOODS,
    ARTICLE_SHELLING,
    FRENCH,
    PERSIAN,
    article_text,
    news_page,
)


def _docs(results: list) -> list[IngestedDocument]:
    return [r for r in results if isinstance(r, IngestedDocument)]


def test_sources_folder_recursive_sorted_supported_only(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.html").write_text(news_page(ARTICLE_FLOODS), encoding="utf-8")
    (tmp_path / "a.txt").write_text(article_text(ARTICLE_CLASHES), encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.htm").write_text(news_page(ARTICLE_SHELLING), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("نص مخفي لا يقرأ أبدا في أي حال", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text("نص مخفي لا يقرأ أبدا في أي حال", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "style.css").write_text("body { color: red }")
    results = list(iter_documents([str(tmp_path)]))
    assert [r.source for r in results] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.html"),
                                          str(tmp_path / "sub" / "deeper" / "c.htm")]
    assert [r.document.text for r in _docs(results)] == [
        article_text(ARTICLE_CLASHES), article_text(ARTICLE_FLOODS), article_text(ARTICLE_SHELLING)]


def test_sources_html_file_metadata_and_id_from_content(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(news_page(ARTICLE_SHELLING, date="2020-02-29", site="المرصد المحلي"), encoding="utf-8")
    [item] = list(iter_documents([str(path)]))
    assert isinstance(item, IngestedDocument)
    doc = item.document
    assert (doc.published, doc.outlet, doc.title, doc.url, doc.language) == (
        "2020-02-29", "المرصد المحلي", "قصف على سوق شعبي في إدلب", None, "ar")
    assert doc.id == "sha-" + item.content_hash[:16]
    assert item.encoding == "utf-8" and item.source == str(path)


def test_sources_ids_stable_across_runs(tmp_path: Path) -> None:
    for k, paragraphs in enumerate([ARTICLE_SHELLING, ARTICLE_FLOODS, ARTICLE_CLASHES]):
        (tmp_path / f"{k}.html").write_text(news_page(paragraphs), encoding="utf-8")
    first = [(r.document.id, r.content_hash) for r in _docs(list(iter_documents([str(tmp_path)])))]
    second = [(r.document.id, r.content_hash) for r in _docs(list(iter_documents([str(tmp_path)])))]
    assert first == second and len({i for i, _ in first}) == 3


def test_sources_legacy_encodings_recorded(tmp_path: Path) -> None:
    text = article_text(ARTICLE_FLOODS)
    (tmp_path / "a.txt").write_bytes(text.encode("cp1256"))
    (tmp_path / "b.txt").write_bytes(text.encode("iso8859-6"))
    (tmp_path / "c.html").write_bytes(news_page(ARTICLE_CLASHES, charset="iso-8859-6").encode("iso8859-6", "xmlcharrefreplace"))
    (tmp_path / "d.html").write_bytes(news_page(ARTICLE_SHELLING, charset="windows-1256").encode("cp1256"))
    docs = _docs(list(iter_documents([str(tmp_path)])))
    assert [(d.encoding, d.document.text) for d in docs] == [
        ("windows-1256", text), ("iso-8859-6", text), ("iso-8859-6", article_text(ARTICLE_CLASHES)),
        ("windows-1256", article_text(ARTICLE_SHELLING))]
    assert len({d.content_hash for d in docs[:2]}) == 1  # same text, same hash, whatever the bytes


def test_sources_failures_do_not_stop_iteration(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02GIF89a\x00" * 10)
    (tmp_path / "empty.html").write_text("<html><head><title>فارغ</title></head><body><nav>الرئيسية</nav></body></html>")
    (tmp_path / "blank.txt").write_text("  \n\n  ")
    whole = gzip.compress(news_page(ARTICLE_FLOODS).encode())
    (tmp_path / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "ok.html.gz").write_bytes(whole)
    good = tmp_path / "good.txt"
    good.write_text(article_text(ARTICLE_CLASHES), encoding="utf-8")
    sources = [str(tmp_path / n) for n in ("binary.txt", "missing.html", "empty.html", "blank.txt", "cut.html.gz", "ok.html.gz")]
    results = list(iter_documents([*sources, str(good)]))
    assert [(r.source, r.reason) for r in results if isinstance(r, IngestFailure)] == [
        (sources[0], "binary content (NUL bytes), not a text file"),
        (sources[1], "no such file or folder"),
        (sources[2], "no article text in HTML"),
        (sources[3], "no text in file"),
        (sources[4], "truncated gzip"),
    ]
    assert [d.source for d in _docs(results)] == [sources[5], str(good)]
    assert _docs(results)[0].document.text == article_text(ARTICLE_FLOODS)


def test_sources_non_arabic_documents_yielded_and_marked(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "fa.txt").write_text(PERSIAN, encoding="utf-8")
    docs = _docs(list(iter_documents([str(tmp_path)])))
    assert [(d.language, d.document.language) for d in docs] == [("fa", "fa"), ("fr", "fr")]


def test_sources_unknown_extension_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "saved.page"
    page.write_text(news_page(ARTICLE_SHELLING), encoding="utf-8")
    note = tmp_path / "note.md"
    note.write_text(article_text(ARTICLE_FLOODS), encoding="utf-8")
    docs = _docs(list(iter_documents([str(page), str(note)])))
    assert [d.document.text for d in docs] == [article_text(ARTICLE_SHELLING), article_text(ARTICLE_FLOODS)]


def test_sources_unexpected_error_becomes_failure(tmp_path: Path, monkeypatch) -> None:
    import marsad.ingest.sources as sources_module

    def broken(path, *, source):
        raise RuntimeError("disk on fire")
        yield  # pragma: no cover

    monkeypatch.setattr(sources_module, "iter_jsonl", broken)
    (tmp_path / "a.jsonl").write_text("{}\n")
    good = tmp_path / "b.txt"
    good.write_text(article_text(ARTICLE_CLASHES), encoding="utf-8")
    results = list(iter_documents([str(tmp_path / "a.jsonl"), str(good)]))
    assert results[0] == IngestFailure(str(tmp_path / "a.jsonl"), "internal error while reading: RuntimeError: disk on fire")
    assert isinstance(results[1], IngestedDocument)


def test_sources_saved_page_declared_url_kept_but_id_from_content(tmp_path: Path) -> None:
    # some sites declare their home page as og:url on every article: it must not become the id
    for k, paragraphs in enumerate([ARTICLE_FLOODS, ARTICLE_CLASHES]):
        page = news_page(paragraphs).replace("</head>", '<meta property="og:url" content="https://outlet.example/"></head>')
        (tmp_path / f"{k}.html").write_text(page, encoding="utf-8")
    docs = _docs(list(iter_documents([tmp_path])))
    assert [d.document.url for d in docs] == ["https://outlet.example/"] * 2
    assert [d.document.id for d in docs] == ["sha-" + d.content_hash[:16] for d in docs]
