"""JSONL corpora: one document per good line, a failure naming file and line for each bad one."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from marsad.ingest import IngestedDocument, IngestFailure, iter_documents

from .conftest import ARTICLE_CLASHES, ARTICLE_FLOODS, ARTICLE_SHELLING, ENGLISH


def _write(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_jsonl_fields_read_and_text_kept_verbatim(tmp_path: Path) -> None:
    text = "  " + "\n\n".join(ARTICLE_SHELLING) + "  "
    record = {"id": "sy-2019-0042", "published": "2019-05-12T08:00:00Z", "outlet": "وكالة محلية",
              "url": "https://agency.example/sy/42", "title": "قصف على سوق", "text": text}
    source = _write(tmp_path / "corpus.jsonl", [json.dumps(record, ensure_ascii=False)])
    [item] = list(iter_documents([source]))
    assert isinstance(item, IngestedDocument)
    doc = item.document
    assert (doc.id, doc.published, doc.outlet, doc.url, doc.title, doc.text) == (
        "sy-2019-0042", "2019-05-12", "وكالة محلية", "https://agency.example/sy/42", "قصف على سوق", text)
    assert item.source == f"{source}:1" and item.encoding == "utf-8" and item.language == doc.language == "ar"


def test_jsonl_bad_lines_named_and_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLE_FLOODS[0]}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text", "title": "بلا نص"}, ensure_ascii=False),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": ARTICLE_CLASHES[0], "url": "https://libya.example/n/3"}, ensure_ascii=False),
    ]
    source = _write(tmp_path / "mixed.jsonl", lines)
    results = list(iter_documents([source]))
    failures = [(r.source, r.reason.split(":")[0]) for r in results if isinstance(r, IngestFailure)]
    assert failures == [(f"{source}:2", "line 2"), (f"{source}:3", "line 3"), (f"{source}:5", "line 5"), (f"{source}:6", "line 6")]
    reasons = [r.reason for r in results if isinstance(r, IngestFailure)]
    assert reasons[0].startswith("line 2: not JSON: ")
    assert reasons[1] == "line 3: no 'text' field"
    assert reasons[2] == "line 5: not a JSON object"
    assert reasons[3] == "line 6: no 'text' field"
    docs = [r for r in results if isinstance(r, IngestedDocument)]
    assert [d.source for d in docs] == [f"{source}:1", f"{source}:7"]
    assert docs[0].document.id.startswith("sha-") and docs[1].document.id.startswith("url-")


def test_jsonl_ids_stable_across_runs(tmp_path: Path) -> None:
    source = _write(tmp_path / "c.jsonl", [json.dumps({"text": t}, ensure_ascii=False) for t in ARTICLE_SHELLING])
    first = [r.document.id for r in iter_documents([source])]
    second = [r.document.id for r in iter_documents([source])]
    assert first == second and len(set(first)) == len(ARTICLE_SHELLING)


def test_jsonl_language_marked_for_non_arabic(tmp_path: Path) -> None:
    source = _write(tmp_path / "en.jsonl", [json.dumps({"id": 7, "text": ENGLISH})])
    [item] = list(iter_documents([source]))
    assert isinstance(item, IngestedDocument)
    assert item.document.id == "7" and item.language == "en"


def test_jsonl_gz_and_truncated_gz(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in ARTICLE_FLOODS * 40).encode()
    whole = tmp_path / "corpus.jsonl.gz"
    whole.write_bytes(gzip.compress(lines))
    assert sum(isinstance(r, IngestedDocument) for r in iter_documents([str(whole)])) == len(ARTICLE_FLOODS) * 40
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(lines)[:-40])
    results = list(iter_documents([str(cut)]))
    assert isinstance(results[-1], IngestFailure) and results[-1].reason == "truncated gzip"
    assert results[-1].source.startswith(f"{cut}:")
    assert all(isinstance(r, IngestedDocument) for r in results[:-1])


def test_jsonl_windows_1256_line_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps({"text": ARTICLE_CLASHES[1]}, ensure_ascii=False).encode("cp1256") + b"\n")
    [item] = list(iter_documents([str(path)]))
    assert isinstance(item, IngestedDocument)
    assert item.document.text == ARTICLE_CLASHES[1] and item.encoding == "windows-1256"
