"""The find_places regression check: the texts it runs over and how it reports differences."""

from __future__ import annotations

from marsad.geo.regress import compare, describe, texts


def test_regress_texts_cover_corpus_eval_and_pieces():
    ids = [tid for tid, _text in texts(pieces=5, news=0)]
    assert any(i.startswith("examples/corpus.jsonl:") for i in ids)
    assert sum(i.startswith("tests/data/eval/documents.jsonl:") for i in ids) >= 40
    assert any(i.startswith("piece:") for i in ids)
    assert len(ids) == len(set(ids))


def test_regress_compare_reports_lost_gained_and_changed_mentions():
    text = "قصفت الطائرات بلدة كفرنبل في ريف إدلب الجنوبي."
    mentions = describe(text, "SY")
    assert [m[2] for m in mentions] == ["بلدة كفرنبل", "ريف إدلب الجنوبي"]
    before = [{"id": "t", "run": 1, "sha": "x", "hint": "SY", "mentions": mentions}]
    assert compare(before, before) == []
    changed = [dict(before[0], mentions=[mentions[0][:8] + [3, 0.5]])]
    diffs = compare(before, changed)
    assert len(diffs) == 2 and "-> None" in diffs[1] and "ريف إدلب الجنوبي" in diffs[1]
    assert compare(before, [dict(before[0], sha="y")]) == ["t: not in the saved run (text changed?)"]
