"""find_places and geocode on arbitrary text: no crash, spans always match the raw text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import find_places, geocode

WORDS = ["في", "ريف", "إدلب", "وحماة", "بلدة", "كفرنبل", "مدينة", "حلب", "،", "الشمالي", "قرب", "مخيم", "الهول",
         "سوريا", "شمال", "غرب", "و", "السلام", "عمر", "محافظتي", "قرى", "الرقة", "بالموصل", "\u064e", "ـ", "۳"]
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=60)
PHRASES = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(ARABIC, PHRASES, st.text(max_size=40)), st.sampled_from([None, "SY", "IQ"]))
def test_properties_find_places_spans_match_text(text, hint):
    mentions = find_places(text, hint)
    last_end = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end  # in order, no overlaps
        last_end = m.end
        assert m.result.match is not None and m.result.precision in (1, 2, 3, 4)


@settings(max_examples=150, deadline=None)
@given(st.one_of(ARABIC, PHRASES, st.text(max_size=40)))
def test_properties_geocode_never_raises(phrase):
    result = geocode(phrase)
    assert (result.match is None) == (result.precision is None)
    assert 0.0 <= result.confidence <= 0.99
