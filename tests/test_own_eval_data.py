"""Checks on the project's own data: the annotated eval set and the sample corpus.

tests/data/eval/ and tests/data/eval-holdout/ must stay scorable by /work/shared/eval/score.py (gold
evidence found in its document, fields shaped as the gold format says); examples/ must parse as the inputs
`make run`, the HTML extractor and the feed reader expect.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL_SETS = {"eval": ROOT / "tests" / "data" / "eval", "eval-holdout": ROOT / "tests" / "data" / "eval-holdout"}
EXAMPLES = ROOT / "examples"

PLOVER = {
    "ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONSULT", "SUPPORT", "AID", "AGREE", "REJECT",
    "ACCUSE", "THREATEN", "SANCTION", "REQUEST", "CONCEDE", "RETREAT", "COOPERATE",
}
ACLED_TYPES = {
    "Explosions/Remote violence", "Battles", "Violence against civilians",
    "Strategic developments", "Protests", "Riots",
}
ALIAS_FIELDS = ("actor1", "assoc_actor1", "actor2", "source")
ACTOR_ID = re.compile(r"^[A-Z]{2,6}(-[A-Z0-9]+)*$")
DOC_KEYS = {"id", "published", "outlet", "url", "title", "text"}


def _documents(folder: Path) -> dict[str, dict]:
    docs = {}
    for line in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        docs[doc["id"]] = doc
    return docs


DOCS = {name: _documents(folder) for name, folder in EVAL_SETS.items()}
GOLD_FILES = [(name, path) for name, folder in EVAL_SETS.items() for path in sorted((folder / "gold").glob("*.json"))]
SETS = pytest.mark.parametrize("name", list(EVAL_SETS))
GOLD = pytest.mark.parametrize(("set_name", "path"), GOLD_FILES, ids=lambda v: v if isinstance(v, str) else v.stem)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@SETS
def test_own_eval_data_documents_are_well_formed(name: str):
    lines = (EVAL_SETS[name] / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(DOCS[name]) >= 20, "ids must be unique and a set at least 20 articles"
    for doc in DOCS[name].values():
        assert set(doc) == DOC_KEYS, doc["id"]
        _date(doc["published"])
        words = len(doc["text"].split())
        assert 100 <= words <= 400, (doc["id"], words)


@SETS
def test_own_eval_data_every_document_has_one_gold_file(name: str):
    assert {p.stem for set_name, p in GOLD_FILES if set_name == name} == set(DOCS[name])


@GOLD
def test_own_eval_data_gold_is_well_formed(set_name: str, path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = DOCS[set_name][path.stem]
    assert gold["doc"] == {"id": doc["id"], "published": doc["published"], "outlet": doc["outlet"]}
    assert isinstance(gold["notes"], str) and len(gold["notes"]) > 40
    assert 1 <= len(gold["events"]) <= 10
    published = _date(doc["published"])
    for i, event in enumerate(gold["events"]):
        where = f"{path.stem} event {i}"
        assert event["plover"] in PLOVER, where
        acled = event["acled"]
        assert acled is None or (len(acled) == 2 and acled[0] in ACLED_TYPES and acled[1]), where
        for name in ALIAS_FIELDS:
            aliases = event.get(name)
            assert aliases is None or (
                isinstance(aliases, list) and aliases and all(isinstance(a, str) and a.strip() for a in aliases)
            ), (where, name)
        for name in ("actor1", "actor2"):  # an optional event may name a vague party ("Arab states")
            if event.get(name) and not event["optional"]:
                assert any(ACTOR_ID.match(a) for a in event[name]), (where, name, "needs an id like SYR-MIL")
        location = event.get("location")
        if location is not None:
            assert location["names"] and all(isinstance(n, str) for n in location["names"]), where
            # the region of the set: North Africa to the Gulf
            assert 10 <= location["lat"] <= 40 and 0 <= location["lon"] <= 55, where
        date = event.get("date")
        if date is not None:
            start, end = (date, date) if isinstance(date, str) else date
            assert _date(start) <= _date(end), where
            if not event["optional"]:
                assert _date(end) <= published, (where, "a reported event cannot end after publication")
        fatalities = event.get("fatalities")
        assert fatalities is None or (isinstance(fatalities, int) and fatalities >= 0), where
        assert isinstance(event["optional"], bool), where


@GOLD
def test_own_eval_data_gold_evidence_occurs_in_text(set_name: str, path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = DOCS[set_name][path.stem]["text"]
    for event in gold["events"]:
        evidence = event["evidence"]
        pieces = evidence if isinstance(evidence, list) else [evidence]
        assert pieces
        for piece in pieces:
            assert isinstance(piece, str) and piece
            # exactly once, so the scorer's sentence for it is unambiguous
            assert text.count(piece) == 1, (path.stem, piece)


@SETS
def test_own_eval_data_contested_events_keep_the_lowest_figure(name: str):
    seen = 0
    for set_name, path in GOLD_FILES:
        if set_name != name:
            continue
        for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
            claimed = event.get("fatalities_claimed")
            if claimed:
                seen += 1
                assert event["fatalities"] == min(c["fatalities"] for c in claimed), path.stem
    assert seen >= 3


def _corpus() -> list[dict]:
    return [json.loads(line) for line in (EXAMPLES / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]


def test_own_eval_data_examples_corpus_matches_article_files():
    corpus = _corpus()
    files = sorted((EXAMPLES / "articles").glob("*.txt"))
    assert len(corpus) == len(files) >= 14
    for record, path in zip(corpus, files, strict=True):
        assert set(record) == DOC_KEYS
        _date(record["published"])
        assert record["text"] == path.read_text(encoding="utf-8").rstrip("\n"), path.name
        assert 150 <= len(record["text"].split()) <= 400, path.name


def test_own_eval_data_examples_html_pages_declare_charset_and_metadata():
    pages = sorted((EXAMPLES / "html").glob("*.html"))
    assert len(pages) >= 5
    charsets = set()
    for page in pages:
        raw = page.read_bytes()
        charset = re.search(rb'<meta charset="([^"]+)"', raw).group(1).decode()
        charsets.add(charset)
        html = raw.decode(charset)
        for marker in ('property="og:site_name"', 'property="article:published_time"', "<title>", "<nav"):
            assert marker in html, (page.name, marker)
    assert "windows-1256" in charsets


def test_own_eval_data_examples_feed_has_one_item_per_article():
    root = ET.parse(EXAMPLES / "feed.xml").getroot()
    items = root.findall("./channel/item")
    corpus = _corpus()
    assert len(items) == len(corpus)
    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    for item, record in zip(items, corpus, strict=True):
        assert item.findtext("title") == record["title"]
        assert item.findtext("link") == record["url"]
        assert item.findtext("description") == record["text"]
        assert item.findtext(content)
        assert item.findtext("pubDate")
