"""The clitic-aware matcher (marsad.text.lexicon)."""

from __future__ import annotations

import pytest

from marsad.text.lexicon import Lexicon, lexicon_key
from marsad.text.normalize import normalize

LEX = Lexicon([("الجيش السوري", "SYR-MIL"), ("الجيش", "*-MIL"), ("إدلب", "idlib"), ("غارات جوية", "air"),
               ("زار", "visit")], enclitics=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("قال الجيش السوري", [("الجيش السوري", "")]),
    ("والجيش السوري", [("الجيش السوري", "و")]),
    ("للجيش السوري", [("جيش السوري", "لل")]),
    ("بإدلب", [("إدلب", "ب")]),
    ("شنت غاراتٍ جويةً", [("غاراتٍ جويةً", "")]),
    ("وزارة الدفاع", []),  # a ta marbuta is not the pronoun suffix of "زاره"
    ("زاره الوزير", [("زاره", "")]),
    ("إدلبي", [("إدلب", "")]),  # with every enclitic allowed, ي is "my"
])
def test_lexicon_finds_forms_with_clitics(text, expected):
    found = LEX.find(normalize(text))
    assert [(text[m.start:m.end], m.prefix) for m in found] == [(t if t != "زاره" else "زار", p)
                                                                  for t, p in expected]


def test_lexicon_longest_match_wins_and_spans_are_raw():
    raw = "قال الجيشُ السوريّ"
    found = LEX.find(normalize(raw))
    assert [(m.text, m.values) for m in found] == [("الجيشُ السوريّ", ("SYR-MIL",))]


def test_lexicon_key_keeps_family_names():
    assert lexicon_key("آل أحمد") == "ال احمد"
    assert lexicon_key("الجيش") == "جيش"


def test_lexicon_third_person_suffixes_only():
    from marsad.text.lexicon import THIRD_PERSON

    lex = Lexicon([("إدلب", "idlib"), ("غارة", "air")], enclitics=THIRD_PERSON)
    assert lex.find(normalize("إدلبي")) == []
    assert [m.values for m in lex.find(normalize("في إدلبها"))] == [("idlib",)]


def test_lexicon_article_can_be_refused_for_verbs():
    verbs = Lexicon([("تابع", "continue")], article=False)
    assert verbs.find(normalize("التابع للجيش")) == []
    assert [m.text for m in verbs.find(normalize("وتابع قائلا"))] == ["تابع"]


def test_lexicon_set_finds_what_each_lexicon_finds_alone():
    from marsad.text.lexicon import LexiconSet

    verbs = Lexicon([("قال", "say"), ("تابع", "continue"), ("أكد", "confirm")], article=False)
    places = Lexicon([("إدلب", "idlib"), ("حلب", "aleppo"), ("ريف حلب", "aleppo-rural")])
    raw = "قالَ الجيشُ السوريّ إن غاراتٍ جويةً طالت ريف حلب وإدلب، وتابع أن التابع للجيش زاره. حلب، إدلب"
    norm = normalize(raw)
    lexicons = {"actor": LEX, "verb": verbs, "place": places}
    found = LexiconSet(lexicons).find_all(norm)
    for name, lexicon in lexicons.items():
        alone = [(m.start, m.end, m.values, m.prefix) for m in lexicon.find(norm)]
        assert [(s, e, v, p) for s, e, v, p, *_ in found[name]] == alone
        assert all(raw[s:e] == lexicon.find(norm)[i].text for i, (s, e, *_) in enumerate(found[name]))
    assert [raw[s:e] for s, e, *_ in found["place"]] == ["ريف حلب", "إدلب", "حلب", "إدلب"]
    assert [raw[s:e] for s, e, *_ in found["verb"]] == ["قالَ", "تابع"]
