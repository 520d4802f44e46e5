"""Property tests: arbitrary Unicode never crashes extraction and every span matches the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
from marsad.errors import InputError
from marsad.validate import validate_result

PIECES = [
    "قال الجيش السوري إن غاراته قتلت 40 مسلحا في إدلب أمس.", "وأضاف", "\u200f", "\u200e", "\u200d", "\u200c",
    "\u202b", "\u2067", "ـــ", "َُِّ", "٤٠٠", "abc", "Москва", "北京", "\n", "،", ".", "؟", "\"", "«", "»",
    "اشتباكات بين قوات الدعم السريع والجيش السوداني في الخرطوم", "مظاهرة", "خمسة وعشرين", "بحسب المرصد",
    "\ufeff", "\U0001f600", "\x00", "\ud7ff", "ﻻ", "ﷲ", "ى", "ة", "آ",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30))
def test_properties_any_text_gives_valid_spans_or_input_error(parts):
    text = " ".join(parts)
    try:
        result = marsad.extract(text, published="2024-12-02")
    except InputError:
        return
    validate_result(result.to_dict())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=300))
def test_properties_arabic_block_noise(text):
    try:
        result = marsad.extract(text, published="2015-07-01")
    except InputError:
        return
    validate_result(result.to_dict())
