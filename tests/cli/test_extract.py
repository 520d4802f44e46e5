"""`marsad extract` through click's CliRunner on files written to tmp_path."""

from __future__ import annotations

import json

from click.testing import CliRunner

from marsad.cli import main
from marsad.validate import validate_result

ARTICLE = "قتل 12 مدنيا على الأقل أمس في قصف مدفعي لقوات الدعم السريع على مدينة الفاشر، بحسب مصادر طبية."


def test_extract_text_file_prints_one_valid_result(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(f), "--published", "2024-06-10"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate_result(data)
    assert data["document"]["published"] == "2024-06-10"
    assert data["events"][0]["fatalities"]["min"] == 12


def test_extract_stdin_to_stdout():
    result = CliRunner().invoke(main, ["extract", "-", "--published", "2024-06-10"], input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"]


def test_extract_jsonl_writes_good_documents_and_reports_bad_lines(tmp_path):
    corpus = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "published": "2024-06-10", "text": ARTICLE}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text", "published": "2024-06-10"}),
        json.dumps({"id": "english", "text": "Clashes broke out in the city on Monday."}),
        json.dumps({"id": "bad-date", "published": "2024-13-45", "text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "ok-2", "published": "2024-06-11", "text": ARTICLE}, ensure_ascii=False),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--out", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["ok-1.json", "ok-2.json"]
    assert f"{corpus}:2: not JSON" in result.stderr
    assert f"{corpus}:3: no 'text' field" in result.stderr
    assert f"{corpus}:4: english: the text is not Arabic" in result.stderr
    assert f"{corpus}:5: bad-date: published '2024-13-45' is not a real date" in result.stderr
    assert "2 documents extracted, 4 failed" in result.stderr


def test_extract_jsonl_with_workers_matches_serial(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"d{i}", "published": "2024-06-10", "text": ARTICLE},
                                           ensure_ascii=False) for i in range(4)), encoding="utf-8")
    serial, pooled = tmp_path / "s", tmp_path / "p"
    assert CliRunner().invoke(main, ["extract", str(corpus), "--out", str(serial)]).exit_code == 0
    assert CliRunner().invoke(main, ["extract", str(corpus), "--out", str(pooled), "--workers", "2"]).exit_code == 0
    for f in serial.iterdir():
        assert f.read_text("utf-8") == (pooled / f.name).read_text("utf-8")


def test_extract_binary_file_is_refused(tmp_path):
    f = tmp_path / "b.txt"
    f.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    result = CliRunner().invoke(main, ["extract", str(f)])
    assert result.exit_code == 1
    assert "binary data, not text" in result.output


def test_extract_non_utf8_file_names_the_fix(tmp_path):
    f = tmp_path / "w.txt"
    f.write_bytes(ARTICLE.encode("cp1256"))
    result = CliRunner().invoke(main, ["extract", str(f)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output and "iconv" in result.output


def test_extract_huge_file_is_refused(tmp_path):
    f = tmp_path / "big.txt"
    with f.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = CliRunner().invoke(main, ["extract", str(f)])
    assert result.exit_code == 1
    assert "larger than" in result.output


def test_extract_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_extract_table_format(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(f), "--published", "2024-06-10", "--format", "table"])
    assert result.exit_code == 0
    assert "ASSAULT" in result.stdout and "1 events from 1 documents" in result.stdout
