"""The longest-match choice of marsad.text.lexicon and the matches built without tuples in between."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.lexicon import Lexicon, LexiconSet, _choose
from marsad.text.normalize import normalize


def _reference(candidates: list) -> list:
    """The plain rule: the longest first (then the earliest, then the first found), each kept unless it
    overlaps one kept already; in text order."""
    ordered = sorted(candidates, key=lambda c: (c[0] - c[1], c[0]))
    taken: set[int] = set()
    chosen = []
    for c in ordered:
        if taken.isdisjoint(range(c[0], c[1])):
            taken.update(range(c[0], c[1]))
            chosen.append(c)
    return sorted(chosen)


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(2, 12)), max_size=14)


@settings(max_examples=400, deadline=None)
@given(_SPANS, st.booleans())
def test_lexicon_choice_equals_the_plain_rule(spans, by_end):
    # as the scan gives them: in order of their ends (a suffix match may break that order: both are tried)
    candidates = [(s, s + n, f"k{i}", (i,), "") for i, (s, n) in enumerate(spans)]
    if by_end:
        candidates.sort(key=lambda c: c[1])
    assert _choose(list(candidates)) == _reference(candidates)


@pytest.mark.parametrize(("raw", "places"), [
    ("قالَ الجيشُ السوريّ إن غاراتٍ جويةً طالت ريف حلب وإدلب، وتابع أن التابع للجيش زاره. حلب، إدلب",
     ["ريف حلب", "إدلب", "حلب", "إدلب"]),
    ("وقال قائد قوات الجيش السوري للجيشِ: ريف حلب الشمالي", ["ريف حلب"]),
    ("حلب ريف حلب", ["حلب", "ريف حلب"]),
])
def test_lexicon_built_matches_equal_find_all(raw, places):
    actors = Lexicon([("الجيش السوري", "SYR-MIL"), ("الجيش", "*-MIL"), ("قوات الجيش", "*-MIL2"),
                      ("قائد قوات", "cmd")], enclitics=True)
    gazetteer = Lexicon([("إدلب", "idlib"), ("حلب", "aleppo"), ("ريف حلب", "aleppo-rural"), ("حلب", "halab")])
    lexicons = LexiconSet({"actor": actors, "place": gazetteer})
    norm = normalize(raw)
    built = lexicons.find_built(norm, lambda *a: a)
    found = lexicons.find_all(norm)
    for name in ("actor", "place"):
        assert built[name] == [(s, e, name, values, p, ns, ne, key) for s, e, values, p, ns, ne, key in found[name]]
    assert [raw[s:e] for s, e, *_ in built["place"]] == places
