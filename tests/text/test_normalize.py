"""Tests for marsad.text.normalize: letter folding, dropped marks and the offset map back to raw text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import _table, normalize, normalize_text


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أعلنت", "اعلنت"),
        ("إدلب", "ادلب"),
        ("آلاف", "الاف"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مدينة", "مدينه"),
        ("الجيشُ السوريُّ", "الجيش السوري"),
        ("شخصاً", "شخصا"),
        ("الـ24", "ال24"),
        ("قتلـــى", "قتلي"),
        ("٤٠٠ قتيل", "400 قتيل"),
        ("۱۲ جريحا", "12 جريحا"),
        ("UN Security Council", "un security council"),
        ("«سانا»", '"سانا"'),
        ("“الخوذ البيضاء”", '"الخوذ البيضاء"'),
        ("\u200fغزة\u200e", "غزة".replace("ة", "ه")),
        ("حلب\u200d", "حلب"),
        ("\ufeffصنعاء", "صنعاء"),
        ("کرکوک", "كركوك"),
        ("الموصل\u00a0اليوم", "الموصل اليوم"),
        ("ﻏﺰﺓ", "غزه"),  # presentation forms
    ],
)
def test_normalize_folds_letters_and_drops_marks(raw: str, folded: str) -> None:
    assert normalize_text(raw) == folded
    assert normalize(raw).text == folded


@pytest.mark.parametrize(
    ("raw", "needle", "expected_raw"),
    [
        # the marks after a span's last letter belong to it
        ("قُتِلَ خمسةُ أشخاصٍ في إدلبَ", "ادلب", "إدلبَ"),
        ("قُتِلَ خمسةُ أشخاصٍ في إدلبَ", "خمسه", "خمسةُ"),
        ("\u200fقصف\u200f على\u200f حماة", "علي", "على"),
        ("الـــجيش السوري", "الجيش", "الـــجيش"),
        ("سقط ٣٥ قتيلاً", "35", "٣٥"),
        ("بلدةِ سرمينَ", "بلده سرمين", "بلدةِ سرمينَ"),
    ],
)
def test_normalize_raw_span_maps_back(raw: str, needle: str, expected_raw: str) -> None:
    norm = normalize(raw)
    i = norm.text.index(needle)
    a, b = norm.raw_span(i, i + len(needle))
    assert raw[a:b] == expected_raw


def test_normalize_identity_map_when_nothing_dropped() -> None:
    norm = normalize("أعلنت وزارة الصحة")
    assert norm.kept is None
    assert norm.raw_span(0, 5) == (0, 5)


def test_normalize_raw_index_past_end() -> None:
    norm = normalize("قُتل")
    assert norm.raw_index(len(norm.text)) == len("قُتل")
    assert norm.raw_span(2, 2)[0] == norm.raw_span(2, 2)[1]


_PIECES = st.sampled_from(
    [
        "قتل", " ", "ال", "ـ", "\u064b", "\u0650", "\u0651", "\u200f", "\u200e", "\u200d", "\u200c", "\u061c",
        "\u202b", "\u2067", "\ufeff", "أ", "إ", "ة", "ى", "٤", "۱", "A", "z", "É", "«", "»", "“", "\u00a0",
        "ﻻ", "ﺔ", "😀", "\u0301", "中", "ß", "İ", "\n", ".", "،",
    ]
)
_TEXT = st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_normalize_any_span_round_trips(raw: str, data: st.DataObject) -> None:
    """For every span of the normalised text, the raw slice it maps to normalises back to it."""
    norm = normalize(raw)
    n = len(norm.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    ra, rb = norm.raw_span(a, b)
    assert 0 <= ra <= rb <= len(raw)
    if a < b:
        assert normalize_text(raw[ra:rb]) == norm.text[a:b]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_text_matches_normalize_and_is_idempotent(raw: str) -> None:
    norm = normalize(raw)
    assert norm.text == normalize_text(raw)
    assert normalize_text(norm.text) == norm.text
    assert len(norm.text) <= len(raw)
    # folding is per character: the short-string path (one char) and the long one agree
    assert normalize_text(raw * 3) == "".join(normalize_text(ch) for ch in raw * 3)


@pytest.mark.parametrize("raw", ["قُتِلَ ثلاثةٌ", "الـــجيش" * 900, "\u200fأمسِ" + "ا" * 9000 + "ً"])
def test_normalize_offset_map_lists_every_kept_character(raw: str) -> None:
    norm = normalize(raw)
    kept = [i for i, ch in enumerate(raw) if ch.translate(_table()) != ""]
    assert list(norm.kept) == kept
    assert len(norm.text) == len(kept)
