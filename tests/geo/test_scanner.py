"""The scanner against a plain reference: same names, spans, proclitics and overlap choice; flags and facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import load_gazetteer
from marsad.geo.scanner import BARE_COUNTRY, DEAD, MANUAL, STOP, WORDLIKE, scanner
from marsad.text.lexicon import ARTICLE, PROCLITICS, spaced_copy
from marsad.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[2]
_NON_WORD = re.compile(r"[^\w]|_")
_MAX = max(len(p) for p in PROCLITICS)


@pytest.fixture(scope="module")
def reference():
    """The straightforward scan (every match, then longest first over a taken-mask), as first written."""
    gaz = load_gazetteer()
    auto = ahocorasick.Automaton()
    for key in gaz.index_ar:
        auto.add_word(key + " ", key)
    auto.make_automaton()

    def scan(text: str) -> list[tuple[int, int, str, str]]:
        spaced = _NON_WORD.sub(" ", text) + " "
        cands = []
        for last, key in auto.iter(spaced):
            ns, ne = last - len(key), last
            prefix = ""
            if ns > 0 and spaced[ns - 1] != " ":
                ws, lim = ns - 1, max(0, ns - _MAX)
                while ws > lim and spaced[ws - 1] != " ":
                    ws -= 1
                if ws > 0 and spaced[ws - 1] != " ":
                    continue
                prefix = text[ws:ns]
                if prefix not in PROCLITICS:
                    continue
            cands.append((ns - ne, ns, ne, key, prefix))
        cands.sort()
        taken = bytearray(len(text) + 1)
        out = []
        for _neg, ns, ne, key, prefix in cands:
            if taken.find(1, ns, ne) != -1:
                continue
            taken[ns:ne] = b"\x01" * (ne - ns)
            if prefix.endswith(ARTICLE):
                ns, prefix = ns - len(ARTICLE), prefix[: -len(ARTICLE)]
            out.append((ns, ne, key, prefix))
        return sorted(out)

    return scan


def _scan(text: str) -> list[tuple[int, int, str, str]]:
    found = scanner(load_gazetteer()).scan(text, spaced_copy(text))
    return [(start, end, info[0], prefix) for _ns, end, info, prefix, start in found]


def _own_texts() -> list[str]:
    texts = []
    for name in ("examples/corpus.jsonl", "tests/data/eval/documents.jsonl"):
        path = ROOT / name
        texts += [json.loads(ln)["text"] for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    return texts


@pytest.mark.parametrize("text", [
    "قصفت الطائرات بلدة كفرنبل وبالقرب من معرة النعمان في ريف إدلب الجنوبي",
    "وصل الوفد إلى البوكمال والبو كمال ثم إلى دير الزور، وللرقة وفالحسكة",
    "عين العرب كوباني وتل أبيض ورأس العين: مدن على الحدود",
    "سكان المدينة يوم الأحد",
])
def test_scanner_matches_reference_on_sentences(reference, text):
    ntext = normalize_text(text)
    assert _scan(ntext) == reference(ntext)


def test_scanner_matches_reference_on_the_projects_texts(reference):
    texts = _own_texts()
    assert len(texts) >= 40
    for text in texts:
        ntext = normalize_text(text)
        assert _scan(ntext) == reference(ntext)


WORDS = ["في", "ريف", "إدلب", "وحماة", "بلدة", "كفرنبل", "مدينة", "حلب", "،", "الشمالي", "قرب", "مخيم", "الهول",
         "سوريا", "شمال", "غرب", "و", "السلام", "بالقرب", "من", "دير", "الزور", "أبو", "كمال", "البو", "وللرقة",
         "عين", "العرب", "تل", "أبيض", "سكان", "الية", "آلان", ".", "\n", "حي", "الأمل"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20).map(" ".join))
def test_scanner_matches_reference_on_word_salad(reference, text):
    ntext = normalize_text(text)
    assert _scan(ntext) == reference(ntext)


def test_scanner_flags_and_facts():
    gaz = load_gazetteer()
    scan = scanner(gaz)
    flags = {key: scan.values[key][2] for key in ("مدينه", "سوري", "سلام", "مالي", "حلب", "جيش")}
    assert flags["مدينه"] & DEAD and flags["سوري"] & DEAD  # type word, country adjective
    assert flags["سلام"] & STOP and flags["سلام"] & MANUAL
    assert flags["مالي"] & BARE_COUNTRY and flags["مالي"] & WORDLIKE
    assert flags["حلب"] == 0
    facts = scan.facts("حلب")
    assert "SY" in facts.gov_cc and "SY" in facts.admin_cc and not facts.country_cc
    assert scan.facts("مالي").country_cc == {"ML"}
    assert not scan.facts("مالي", no_country=True).country_cc
    assert scan.facts("رقه").needs_article and not scan.facts("حلب").needs_article


def test_scanner_organisation_check_agrees_with_the_full_scan():
    """find_places asks one span at a time whether it lies in an organisation name (قوات سوريا الديمقراطية);
    the answer equals that of inert_spans, which scans the whole text for those names."""
    from marsad.geo.find import _in_inert, inert_spans

    text = normalize_text("قالت قوات سوريا الديمقراطية إن طائرات تركية قصفت مواقعها قرب سوريا، وفي دير الزور "
                          "اشتبكت قوات سوريا مع مسلحين بينما أعلنت الجبهة الشعبية لتحرير فلسطين موقفها من سوريا")
    spans = inert_spans(text)
    assert spans  # the text holds such names
    for m in re.finditer(r"\S+(?: \S+)?", text):
        inside = any(s <= m.start() and m.end() <= e for s, e in spans)
        assert _in_inert(text, m.start(), m.end()) == inside, m.group()
